package dev.acgbot.models.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The GNOME wallpapers (4096x4096 lossy WebP, package gnome-backgrounds) decoded bit for bit as PIL decodes
 * them, against hashes {@code make_fixtures.py --heldout DIR N} wrote. Skipped unless
 * {@code -Dacgbot.heldout=DIR} (or ACGBOT_HELDOUT) names that directory; see PreprocessorHeldOutTest.
 */
class WebpHeldOutTest {

    @TestFactory
    List<DynamicTest> gnomeWallpapersDecodeExactlyLikePil() throws IOException {
        String dir = System.getProperty("acgbot.heldout", System.getenv("ACGBOT_HELDOUT"));
        assumeTrue(dir != null && Files.isRegularFile(Path.of(dir, "index.json")), "no held-out directory given");
        JsonNode index = new ObjectMapper().readTree(Path.of(dir, "index.json").toFile());
        ImageDecoder decoder = new ImageDecoder(DecodeLimits.defaults());
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode w : index.path("webp")) {
            Path file = Path.of(w.get("file").asText());
            tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                DecodedImage ours = decoder.decode(file);
                boolean rgba = w.get("mode").asText().equals("RGBA");
                assertEquals(w.get("width").asInt() + "x" + w.get("height").asInt(), ours.width() + "x" + ours.height());
                assertEquals(w.get("sha256").asText(), WebpFullSizeParityTest.sha256(ours, rgba), file + " differs from PIL");
            }));
        }
        return tests;
    }
}
