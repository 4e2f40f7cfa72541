package dev.acgbot.bench.gallery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoredRepostsEvalTest {

    /**
     * The whole evaluation on a dozen generated pictures: each looked-up source stores one repost of every kind, the gallery
     * indexes them beside the pictures, and every kind gets a row (blocks are no line art, so there is no line-art row). A
     * re-encoded or bordered repost is listed when its source is looked up, and nothing else is.
     */
    @Test
    void looksUpEachSourceBesideItsStoredReposts(@TempDir Path dir) throws Exception {
        Path pictures = Files.createDirectories(dir.resolve("pictures"));
        Random random = new Random(5);
        for (int i = 0; i < 12; i++) {
            ImageIO.write(DuplicateEvalTest.blocks(random), "png", pictures.resolve("p" + i + ".png").toFile());
        }
        StoredRepostsEval eval = new StoredRepostsEval();
        eval.queries = 4;
        eval.json = dir.resolve("eval.json");
        ByteArrayOutputStream text = new ByteArrayOutputStream();

        int exit = eval.run(List.of(pictures), dir.resolve("data"), new PrintStream(text, true, StandardCharsets.UTF_8));

        assertEquals(0, exit);
        JsonNode result = new ObjectMapper().readTree(eval.json.toFile());
        assertEquals(12 + 4 * StoredRepostsEval.KINDS.size(), result.get("gallery_images").asInt());
        List<String> cells = new ArrayList<>();
        for (JsonNode row : result.get("rows")) {
            assertEquals(4, row.get("queries").asInt(), row.toString());
            assertEquals(0.0, row.get("false_per_query").asDouble(), row.toString());
            cells.add(row.get("repost").asText() + "/" + row.get("sources").asText());
        }
        assertEquals(StoredRepostsEval.KINDS.stream().map(k -> k.name() + "/all").toList(), cells);
        assertEquals(1.0, result.get("rows").get(0).get("listed").asDouble(), "jpeg q75");
        assertEquals(1.0, result.get("rows").get(1).get("listed").asDouble(), "border 5%");
        assertTrue(text.toString(StandardCharsets.UTF_8).contains("4 sources (0 line art), each stored with one repost of 6 kinds"));
    }
}
