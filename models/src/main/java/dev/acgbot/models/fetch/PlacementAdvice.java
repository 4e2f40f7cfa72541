package dev.acgbot.models.fetch;

import dev.acgbot.models.manifest.ModelFile;
import dev.acgbot.models.manifest.ModelManifest;
import dev.acgbot.models.manifest.ModelPaths;

import java.util.List;

/** The words that tell a user exactly which files to place where when a model cannot be fetched or loaded. */
public final class PlacementAdvice {
    private PlacementAdvice() {
    }

    public static String forFiles(ModelManifest manifest, ModelPaths paths, List<ModelFile> files) {
        StringBuilder sb = new StringBuilder();
        for (ModelFile f : files) {
            sb.append("\n  ").append(paths.resolve(manifest, f));
            if (f.localPath().isPresent()) {
                sb.append("  (local path from ").append(manifest.origin()).append(')');
            } else if (f.url().isPresent()) {
                sb.append("  <- ").append(f.url().get());
            } else {
                sb.append("  (no public download: see ").append(manifest.origin()).append(')');
            }
            f.sha256().ifPresent(s -> sb.append("  sha256 ").append(s));
        }
        boolean downloadable = files.stream().anyMatch(f -> f.url().isPresent() && f.localPath().isEmpty());
        if (downloadable) {
            sb.append("\nRun `acgbot models fetch ").append(manifest.id())
                    .append("` where the network allows, or download the files elsewhere and place them as listed.");
        } else {
            sb.append("\nPlace the files as listed.");
        }
        return sb.toString();
    }
}
