package dev.acgbot.models.manifest;

import java.nio.file.Path;

/**
 * Where a model's files live: a manifest's explicit {@code path} (relative to the manifest's directory) or
 * {@code <models dir>/<model id>/<file name>}.
 */
public final class ModelPaths {
    private final Path modelsDir;

    public ModelPaths(Path modelsDir) {
        this.modelsDir = modelsDir.toAbsolutePath().normalize();
    }

    public Path modelsDir() {
        return modelsDir;
    }

    /** The directory fetch downloads a model's files into: {@code <models dir>/<directory>} (the id unless the manifest says). */
    public Path modelDir(ModelManifest manifest) {
        return modelsDir.resolve(manifest.directory());
    }

    public Path resolve(ModelManifest manifest, ModelFile file) {
        if (file.localPath().isPresent()) {
            Path p = Path.of(file.localPath().get());
            return p.isAbsolute() ? p : manifest.baseDir().orElse(Path.of("")).resolve(p).toAbsolutePath().normalize();
        }
        return modelDir(manifest).resolve(file.name());
    }

    public Path resolve(ModelManifest manifest, String fileName) {
        ModelFile file = manifest.file(fileName).orElseThrow(() -> new IllegalArgumentException(
                "model " + manifest.id() + " has no file " + fileName));
        return resolve(manifest, file);
    }
}
