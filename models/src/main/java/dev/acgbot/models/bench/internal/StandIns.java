package dev.acgbot.models.bench.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds or builds (with models/scripts/bench/make_standins.py) the stand-in models in the cache directory. */
public final class StandIns {
    private StandIns() {
    }

    public static List<StandIn> ensure(Path cacheDir, String python, Path script, PrintStream out)
            throws IOException, InterruptedException {
        Path dir = cacheDir.resolve("standins");
        Path index = dir.resolve("standins.json");
        if (!Files.isRegularFile(index) || !Files.readString(index).contains("io_twin")) {
            if (!Files.isRegularFile(script)) {
                throw new IOException("stand-ins missing in " + dir + " and no generator at " + script
                        + " (run from the repository root or pass --script)");
            }
            out.println("building random-weight stand-ins with " + script + " (once; cached in " + dir + ")");
            Process p = new ProcessBuilder(python, script.toString(), "--out", dir.toString())
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
