package dev.acgbot.bench.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acgbot.bench.cli.Python;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds or builds (with the bundled make_standins.py, or {@code --script}) the stand-in models in the cache
 * directory. Building needs torch and onnx; {@link #requireBuilder} says how to install them when missing.
 */
public final class StandIns {
    private static final String SCRIPT = "make_standins.py";

    private StandIns() {
    }

    /** Whether the cache lacks a complete set of stand-ins. */
    static boolean missing(Path cacheDir) throws IOException {
        Path index = cacheDir.resolve("standins").resolve("standins.json");
        return !Files.isRegularFile(index) || !Files.readString(index).contains("io_twin");
    }

    /** When the stand-ins must be built: the interpreter and its torch and onnx, or a {@code MissingPrerequisite}. */
    public static void requireBuilder(Path cacheDir, Python python) {
        requireBuilder(cacheDir, python, "bench inference");
    }

    /** As above, naming the benchmark that needs them. */
    public static void requireBuilder(Path cacheDir, Python python, String bench) {
        try {
            if (missing(cacheDir)) {
                python.require(bench + "'s first run (building the stand-in models)", "", Python.TORCH, Python.ONNX);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static List<StandIn> ensure(Path cacheDir, Python python, Optional<Path> customScript, PrintStream out)
            throws IOException, InterruptedException {
        Path dir = cacheDir.resolve("standins");
        Path index = dir.resolve("standins.json");
        if (missing(cacheDir)) {
            Files.createDirectories(dir);
            Path script = customScript.orElse(dir.resolve(SCRIPT));
            if (customScript.isEmpty()) {
                try (InputStream in = StandIns.class.getResourceAsStream(SCRIPT)) {
                    Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            out.println("building random-weight stand-ins with " + script + " (once; cached in " + dir + ")");
            Process p = new ProcessBuilder(python.executable(), script.toString(), "--out", dir.toString())
                    .redirectErrorStream(true).start();
            try (InputStream in = p.getInputStream()) {
                in.transferTo(out);
            }
            if (p.waitFor() != 0 || !Files.isRegularFile(index)) {
                throw new IOException(script + " failed with exit code " + p.exitValue());
            }
        }
        JsonNode root = new ObjectMapper().readTree(index.toFile());
        List<StandIn> list = new ArrayList<>();
        for (JsonNode m : root.get("models")) {
            JsonNode shape = m.get("item_shape");
            long[] dims = new long[shape.size()];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = shape.get(i).asLong();
            }
            list.add(new StandIn(m.get("name").asText(), dir.resolve(m.get("file").asText()),
                    dir.resolve(m.get("io_twin").asText()), m.get("input").asText(),
                    m.get("output").asText(), "int64".equals(m.get("dtype").asText()), dims, m.get("note").asText()));
        }
        return list;
    }
}
