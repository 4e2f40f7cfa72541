package dev.acgbot.models.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acgbot.models.manifest.ManifestRegistry;
import dev.acgbot.models.manifest.ModelManifest;
import dev.acgbot.models.manifest.ModelPaths;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The CLIP BPE path: the real openai/clip-vit-base-patch32 vocabulary cannot be downloaded here, so this uses
 * a SYNTHETIC tokenizer.json with the same normaliser, pre-tokenizer, special tokens (49406/49407) and
 * post-processor layout but a tiny vocabulary (models/scripts/synthetic/make_models.py). The expected ids come
 * from an independent pure-Python re-implementation of CLIP's BPE in that script.
 */
class ClipBpeTokenizerTest {

    @Test
    void matchesTheReferenceBpeOnEveryCase() throws Exception {
        ModelManifest m = ManifestRegistry.readFile(Path.of("synthetic/synthetic-clip-vit-b-32-text.yaml"));
        JsonNode expected;
        try (InputStream in = getClass().getResourceAsStream("/text/synthetic-clip-bpe-expected.json")) {
            expected = new ObjectMapper().readTree(in);
        }
        try (TextTokenizer tok = Tokenizers.open(m.tokenizer().orElseThrow(),
                new ModelPaths(Path.of("unused")).resolve(m, "tokenizer.json"))) {
            assertEquals(77, tok.contextLength());
            for (JsonNode c : expected.get("cases")) {
                long[] want = new long[c.get("ids").size()];
                for (int i = 0; i < want.length; i++) {
                    want[i] = c.get("ids").get(i).asLong();
                }
                TokenizedText got = tok.encode(c.get("text").asText());
                assertArrayEquals(want, got.ids(), "ids of '" + c.get("text").asText() + "'");
                assertEquals(c.get("truncated").asBoolean(), got.truncated(), "truncated flag of '" + c.get("text").asText() + "'");
                assertEquals(49406, got.ids()[0], "<|startoftext|>");
            }
        }
    }
}
