package dev.acgbot.models.runtime;

import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.manifest.ManifestRegistry;
import dev.acgbot.models.manifest.ModelManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.acgbot.models.runtime.SyntheticModels.dot;
import static dev.acgbot.models.runtime.SyntheticModels.solid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code models/scripts/quantize/quantize_dynamic.py} writes graphs the product's ONNX Runtime session runs, and
 * its int8 answers stay close to the fp32 graph's: run on the synthetic colour tower (a second or two), loaded
 * through the runtime like any manifest. Skipped, saying why, when Debian's python3 lacks onnx or numpy (the
 * committed int8 twins in models/synthetic are checked without Python by {@code KnownAnswerColourTest}).
 */
class QuantizeScriptTest {
    private static final String PYTHON = "/usr/bin/python3";

    @Test
    void quantizedColourTowerRunsInTheRuntimeAndAgreesWithFp32(@TempDir Path dir) throws Exception {
        assumeTrue(pythonHasOnnx(), PYTHON + " cannot import onnx and numpy (sudo apt-get install python3-onnx python3-numpy)");
        Path fp32 = SyntheticModels.DIR.resolve("files/synthetic-colour-clip-image.onnx");
        Path int8 = dir.resolve("colour-int8.onnx");
        Process p = new ProcessBuilder(PYTHON, "scripts/quantize/quantize_dynamic.py", fp32.toString(), int8.toString(),
                "--weight-type", "int8").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("int8 weights, per_channel=True, reduce_range=True; quantized 1 MatMul, 0 Conv, 0 Gather"), out);

        String yaml = Files.readString(SyntheticModels.DIR.resolve("synthetic-colour-clip-image.yaml"))
                .replace("id: synthetic-colour-clip-image", "id: quantized-colour")
                .replaceAll("sha256: [0-9a-f]{64}", "sha256: unknown").replaceAll("(?m)^    size: \\d+", "    size: unknown")
                .replace("path: files/synthetic-colour-clip-image.onnx", "path: " + int8.toAbsolutePath());
        Path manifest = dir.resolve("quantized-colour.yaml");
        Files.writeString(manifest, yaml);
        ModelManifest quantized = ManifestRegistry.readFile(manifest);
        List<DecodedImage> images = List.of(solid(0xFF0000, 20, 20), solid(0x00FF00, 20, 20), solid(0x123456, 30, 10),
                solid(0xFFC0CB, 8, 8));
        try (InferenceRuntime runtime = SyntheticModels.runtime(dir.resolve("models")).manifests(List.of(quantized)).build()) {
            List<float[]> a = runtime.embedImages("synthetic-colour-clip-image", images);
            List<float[]> b = runtime.embedImages("quantized-colour", images);
            for (int i = 0; i < images.size(); i++) {
                float cos = dot(a.get(i), b.get(i));
                assertTrue(cos > 0.995f, "image " + i + ": int8 vs fp32 cosine " + cos);
            }
        }
        assertTrue(Files.size(int8) < Files.size(fp32), "int8 weights are smaller");
    }

    private static boolean pythonHasOnnx() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import onnx, numpy").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
