package dev.acgbot.models.runtime;

import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.manifest.ManifestRegistry;
import dev.acgbot.models.manifest.ModelManifest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Test helpers around the committed synthetic models in {@code models/synthetic/}. */
final class SyntheticModels {
    static final Path DIR = Path.of("synthetic");

    private SyntheticModels() {
    }

    static List<ModelManifest> manifests() {
        return ManifestRegistry.readDirectory(DIR);
    }

    static ModelManifest manifest(String id) {
        return manifests().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    /** A CPU runtime over only the synthetic manifests; two threads keep the shared test machine calm. */
    static InferenceRuntime.Builder runtime(Path modelDir) {
        return InferenceRuntime.builder().builtIns(false).manifestDirs(DIR).modelDir(modelDir).device("cpu")
                .intraOpThreads(2).maxWait(Duration.ofMillis(20));
    }

    static DecodedImage solid(int rgb, int width, int height) {
        int[] px = new int[width * height];
        Arrays.fill(px, 0xFF000000 | rgb);
        return new DecodedImage(width, height, px, false);
    }

    static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
