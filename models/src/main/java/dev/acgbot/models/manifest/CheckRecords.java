package dev.acgbot.models.manifest;


import dev.acgbot.models.api.CheckVerdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last {@code models check} verdict of each model, kept beside its files as
 * {@code <models dir>/<folder>/<id>.check} (plain text: verdict, manifest hash, time, findings), so that
 * {@code index} and {@code /reindex} can refuse a model that failed without running it again.
 */
public final class CheckRecords {
    private CheckRecords() {
    }

    public static Path file(ModelPaths paths, ModelManifest manifest) {
        return paths.modelDir(manifest).resolve(manifest.id() + ".check");
    }

    /** The hash a verdict is tied to: the manifest without file checksums (cheap; no 400 MB file is read). */
    public static String pipelineHash(ModelManifest manifest) {
        return ManifestHash.of(manifest, Map.of());
    }

    public static void write(ModelPaths paths, ModelManifest manifest, CheckVerdict verdict) {
        Path f = file(paths, manifest);
        List<String> lines = new ArrayList<>();
        lines.add(verdict.passed() ? "passed" : "failed");
        lines.add(verdict.manifestHash());
        lines.add(verdict.checkedAt().toString());
        lines.addAll(verdict.findings());
        try {
            Files.createDirectories(f.getParent());
            Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the check of " + manifest.id() + " in " + f, e);
        }
    }

    /** The recorded verdict, if any and readable. */
    public static Optional<CheckVerdict> read(ModelPaths paths, ModelManifest manifest) {
        Path f = file(paths, manifest);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            if (lines.size() < 3 || !(lines.get(0).equals("passed") || lines.get(0).equals("failed"))) {
                return Optional.empty();
            }
            return Optional.of(new CheckVerdict(manifest.id(), lines.get(1), lines.get(0).equals("passed"),
                    lines.subList(3, lines.size()), Instant.parse(lines.get(2))));
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The verdict that blocks indexing with this model: its last check failed, for the pipeline the manifest
     * describes now. A model never checked, or checked before its manifest changed, is not blocked.
     */
    public static Optional<CheckVerdict> blockingFailure(ModelPaths paths, ModelManifest manifest) {
        return read(paths, manifest).filter(v -> !v.passed() && v.manifestHash().equals(pipelineHash(manifest)));
    }
}
