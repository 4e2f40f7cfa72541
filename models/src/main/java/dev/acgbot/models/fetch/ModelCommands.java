package dev.acgbot.models.fetch;

import dev.acgbot.models.manifest.ManifestRegistry;
import dev.acgbot.models.manifest.ModelManifest;
import dev.acgbot.models.manifest.ModelPaths;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The logic behind {@code acgbot models list | fetch [id] | verify [id]}; the CLI only parses arguments and
 * calls these. Each returns a process exit code: 0 when everything asked for is usable, 1 otherwise.
 */
public final class ModelCommands {
    private final ManifestRegistry registry;
    private final ModelPaths paths;
    private final ModelFetcher fetcher;
    private final PrintStream out;

    public ModelCommands(ManifestRegistry registry, ModelPaths paths, PrintStream out) {
        this(registry, paths, new ModelFetcher(paths, out), out);
    }

    public ModelCommands(ManifestRegistry registry, ModelPaths paths, ModelFetcher fetcher, PrintStream out) {
        this.registry = registry;
        this.paths = paths;
        this.fetcher = fetcher;
        this.out = out;
    }

    /** One line per model: id, task, state of its files, description; then where files go. */
    public int list() {
        out.printf(Locale.ROOT, "%-34s %-10s %-11s %s%n", "MODEL", "TASK", "FILES", "DESCRIPTION");
        for (ModelManifest m : registry.all()) {
            out.printf(Locale.ROOT, "%-34s %-10s %-11s %s%n", m.id(), m.task().manifestName(), summary(m),
                    m.description());
        }
        out.println("models directory: " + paths.modelsDir());
        return 0;
    }

    /** Fetches one model, or every model that has download URLs when {@code id} is empty. */
    public int fetch(Optional<String> id) {
        int rc = 0;
        for (ModelManifest m : select(id, true)) {
            out.println("fetching " + m.id() + " into " + paths.modelDir(m));
            try {
                report(fetcher.fetch(m));
            } catch (FetchException e) {
                out.println(e.getMessage());
                rc = 1;
                if (e.offline()) {
                    break; // every other model would fail the same way; the message already says what to do
                }
            }
        }
        return rc;
    }

    /** Checks presence, size and sha256 of one model's files, or of every model's. */
    public int verify(Optional<String> id) {
        int rc = 0;
        for (ModelManifest m : select(id, false)) {
            out.println(m.id() + ":");
            if (!report(fetcher.verify(m))) {
                rc = 1;
            }
        }
        return rc;
    }

    private boolean report(List<FileStatus> statuses) {
        boolean ok = true;
        for (FileStatus s : statuses) {
            String mark = switch (s.state()) {
                case OK -> "ok  ";
                case UNVERIFIED -> "warn";
                default -> "FAIL";
            };
            out.println("  " + mark + " " + s.path() + ": " + s.detail());
            ok &= s.state().usable();
        }
        return ok;
    }

    private String summary(ModelManifest m) {
        List<FileStatus> st = fetcher.verify(m);
        long usable = st.stream().filter(s -> s.state().usable()).count();
        return usable == st.size() ? "ready" : usable + "/" + st.size() + " present";
    }

    private List<ModelManifest> select(Optional<String> id, boolean downloadableOnly) {
        if (id.isPresent()) {
            return List.of(registry.find(id.get()).orElseThrow(() -> new IllegalArgumentException(
                    "unknown model '" + id.get() + "'; known: " + String.join(", ",
                            registry.all().stream().map(ModelManifest::id).toList()))));
        }
        List<ModelManifest> list = new ArrayList<>();
        for (ModelManifest m : registry.all()) {
            if (!downloadableOnly || m.files().stream().anyMatch(f -> f.url().isPresent())) {
                list.add(m);
            }
        }
        return list;
    }
}
