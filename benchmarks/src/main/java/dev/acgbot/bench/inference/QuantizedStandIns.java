package dev.acgbot.bench.inference;

import dev.acgbot.bench.cli.Python;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The int8 copies of the random-weight stand-ins, made once into the stand-in cache with the scripts that also make
 * the synthetic int8 twins (models/scripts/quantize, bundled in the benchmarks jar), the way transformers.js made the
 * published exports: each tower alone (uint8 weights for the ViT, which has a Conv; int8 for the text tower), and
 * both towers joined into one CLIPModel-layout graph and then quantized (uint8 weights throughout), which is the
 * only int8 form Xenova/chinese-clip-vit-base-patch16 publishes.
 *
 * @param imageInt8 ViT-B/16 224 tower, int8
 * @param textInt8  BERT-base text tower, int8
 * @param oneGraph  both towers in one graph, int8 (inputs input_ids, attention_mask, pixel_values)
 */
record QuantizedStandIns(Path imageInt8, Path textInt8, Path oneGraph) {
    private static final String RESOURCES = "quantize/";

    static void requireTools(Python python) {
        python.require("bench inference --int8 (quantizing the stand-ins)", "", Python.ONNX, Python.NUMPY);
    }

    static QuantizedStandIns ensure(StandIn image, StandIn text, Python python, PrintStream out)
            throws IOException, InterruptedException {
        Path dir = image.file().getParent();
        Path scripts = dir.resolve("quantize");
        Files.createDirectories(scripts);
        for (String s : List.of("quantize_dynamic.py", "compose_clip.py", "needs.py")) {
            try (InputStream in = QuantizedStandIns.class.getResourceAsStream(RESOURCES + s)) {
                if (in == null) {
                    throw new IOException("the benchmarks jar lacks " + RESOURCES + s + " (models/scripts/quantize)");
                }
                Files.copy(in, scripts.resolve(s), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        QuantizedStandIns q = new QuantizedStandIns(dir.resolve("vit-b16-224-int8.onnx"), dir.resolve("bert-base-text-int8.onnx"),
                dir.resolve("clip-one-graph-int8.onnx"));
        if (!Files.isRegularFile(q.imageInt8())) {
            run(python, out, scripts.resolve("quantize_dynamic.py"), image.file(), q.imageInt8());
        }
        if (!Files.isRegularFile(q.textInt8())) {
            run(python, out, scripts.resolve("quantize_dynamic.py"), text.file(), q.textInt8());
        }
        if (!Files.isRegularFile(q.oneGraph())) {
            Path joined = dir.resolve("clip-one-graph-fp32.onnx");
            run(python, out, scripts.resolve("compose_clip.py"), image.file(), text.file(), joined);
            run(python, out, scripts.resolve("quantize_dynamic.py"), joined, q.oneGraph());
            Files.delete(joined); // 750 MB, only needed to quantize from
        }
        return q;
    }

    private static void run(Python python, PrintStream out, Path script, Path... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(python.executable(), script.toString()));
        for (Path a : args) {
            cmd.add(a.toString());
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed with exit code " + p.exitValue());
        }
    }
}
