package dev.acgbot.models.preprocess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acgbot.models.image.DecodeLimits;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.image.ImageDecoder;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Parity on clip art the committed fixtures never had: transparent and palette PNGs picked by
 * {@code make_fixtures.py --heldout DIR N} (needs the openclipart-png package), decoded from their original
 * files and run through every layout. Skipped unless {@code -Dacgbot.heldout=DIR} (or ACGBOT_HELDOUT) names
 * such a directory:
 * <pre>
 * apt-get install openclipart-png python3-pil python3-numpy
 * /usr/bin/python3 models/scripts/preprocess/make_fixtures.py --heldout /tmp/heldout 40
 * ./mvnw -pl models verify -Dtest=PreprocessorHeldOutTest -Dacgbot.heldout=/tmp/heldout
 * </pre>
 */
class PreprocessorHeldOutTest {

    @TestFactory
    List<DynamicTest> heldOutClipArtMatchesReferencePipelines() throws IOException {
        String dir = System.getProperty("acgbot.heldout", System.getenv("ACGBOT_HELDOUT"));
        assumeTrue(dir != null && Files.isRegularFile(Path.of(dir, "index.json")), "no held-out directory given");
        Path root = Path.of(dir);
        JsonNode index = new ObjectMapper().readTree(root.resolve("index.json").toFile());
        ImageDecoder decoder = new ImageDecoder(DecodeLimits.defaults());
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : index.get("cases")) {
            String caseName = c.get("name").asText();
            tests.add(DynamicTest.dynamicTest(caseName + " (" + c.get("mode").asText() + ") " + c.get("file").asText(), () -> {
                DecodedImage decoded = decoder.decode(root.resolve(c.get("source").asText()));
                assertEquals(PreprocessorParityTest.mode(c), decoded.source(), caseName + " mode");
                index.get("layouts").fields().forEachRemaining(layout -> PreprocessorParityTest.checkParity(
                        caseName, layout.getKey(), layout.getValue(), decoded, name -> samples(root, name)));
            }));
        }
        return tests;
    }

    private static Fixtures.Samples samples(Path root, String name) {
        try (InputStream in = Files.newInputStream(root.resolve(name))) {
            return Fixtures.samples(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
