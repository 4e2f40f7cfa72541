package dev.acgbot.models.runtime.internal;

import dev.acgbot.models.api.ModelUnavailableException;
import dev.acgbot.models.fetch.FileChecksums;
import dev.acgbot.models.fetch.PlacementAdvice;
import dev.acgbot.models.manifest.ManifestHash;
import dev.acgbot.models.manifest.ModelFile;
import dev.acgbot.models.manifest.ModelManifest;
import dev.acgbot.models.manifest.ModelPaths;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A model's files on disk: present, of the right size and checksum; its manifest hash and labels. */
final class ModelFiles {
    private final ModelManifest manifest;
    private final ModelPaths paths;
    private volatile String hash;
    private volatile TagLabels labels;

    ModelFiles(ModelManifest manifest, ModelPaths paths) {
        this.manifest = manifest;
        this.paths = paths;
    }

    Path resolve(ModelFile f) {
        return paths.resolve(manifest, f);
    }

    Path resolve(String fileName) {
        return paths.resolve(manifest, fileName);
    }

    Path modelFile() {
        return paths.resolve(manifest, manifest.modelFile());
    }

    /** Files that are absent, or whose size differs from the manifest's. */
    List<ModelFile> missing() {
        List<ModelFile> missing = new ArrayList<>();
        for (ModelFile f : manifest.files()) {
            Path p = resolve(f);
            try {
                if (!Files.isRegularFile(p) || (f.size() >= 0 && Files.size(p) != f.size())) {
                    missing.add(f);
                }
            } catch (IOException e) {
                missing.add(f);
            }
        }
        return missing;
    }

    /** Throws {@link ModelUnavailableException} saying what to fetch or place when a file is missing or wrong. */
    void verify() {
        verifyPresent();
        for (ModelFile f : manifest.files()) {
            if (f.sha256().isPresent()) {
                Path p = resolve(f);
                String actual;
                try {
                    actual = FileChecksums.sha256(p);
                } catch (UncheckedIOException e) {
                    throw new ModelUnavailableException(manifest.id(), "cannot read " + p + ": " + e.getMessage(), e);
                }
                if (!actual.equals(f.sha256().get())) {
                    throw new ModelUnavailableException(manifest.id(), "model " + manifest.id() + ": " + p
                            + " has sha256 " + actual + " but the manifest expects " + f.sha256().get()
                            + "; delete it and fetch again:" + PlacementAdvice.forFiles(manifest, paths, List.of(f)));
                }
            }
        }
    }

    /** Throws {@link ModelUnavailableException} saying what to fetch or place when a file is missing or of another size. */
    void verifyPresent() {
        List<ModelFile> missing = missing();
        if (!missing.isEmpty()) {
            throw new ModelUnavailableException(manifest.id(), "model " + manifest.id() + " is not available: "
                    + "missing or incomplete files:" + PlacementAdvice.forFiles(manifest, paths, missing));
        }
    }

    /** The manifest hash with each file's checksum (the manifest's, or computed where it says unknown). */
    String manifestHash() {
        String h = hash;
        if (h == null) {
            Map<String, String> sums = new HashMap<>();
            for (ModelFile f : manifest.files()) {
                if (f.sha256().isEmpty()) {
                    sums.put(f.name(), FileChecksums.sha256(resolve(f)));
                }
            }
            hash = h = ManifestHash.of(manifest, sums);
        }
        return h;
    }

    TagLabels labels() {
        TagLabels l = labels;
        if (l == null) {
            var spec = manifest.labels().orElseThrow(() -> new IllegalStateException(manifest.id() + " has no labels"));
            labels = l = TagLabels.read(resolve(spec.file()), spec.format());
        }
        return l;
    }
}
