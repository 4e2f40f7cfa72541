package dev.acgbot.app.service;

import dev.acgbot.commands.VisionStatus;
import dev.acgbot.core.BotRuntime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the health endpoint and the control socket ask of the running bot. */
public final class BotService {
    /** A backup waits this long for a graph build or a reindex batch before giving up. */
    static final Duration BACKUP_WAIT = Duration.ofSeconds(30);

    private final BotRuntime runtime;

    public BotService(BotRuntime runtime) {
        this.runtime = runtime;
    }

    private Optional<VisionStatus> vision() {
        return runtime.services().find(VisionStatus.class);
    }

    public HealthReport health() {
        Optional<VisionStatus> vision = vision();
        String store = vision.map(VisionStatus::store).orElse("none");
        Map<String, String> models = vision.map(VisionStatus::models).orElse(Map.of());
        Optional<String> lastError = runtime.lastError()
                .map(e -> DateTimeFormatter.ISO_INSTANT.format(e.at()) + " " + e.what());
        return new HealthReport(runtime.adapterStates(), store, models, lastError);
    }

    /** The control socket's requests: {@code ping}, {@code backup ABSOLUTE_PATH}. */
    public String handle(String request) {
        if (request.equals("ping")) {
            return "ok acgbot " + BotRuntime.version();
        }
        if (request.startsWith("backup ")) {
            Path target = Path.of(request.substring("backup ".length()));
            VisionStatus v = vision().orElseThrow(() -> new IllegalStateException("the gallery plugin is not running"));
            try {
                return "ok " + v.backup(target, BACKUP_WAIT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "error unknown request";
    }

}
