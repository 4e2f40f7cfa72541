package dev.acgbot.models.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acgbot.models.manifest.ManifestRegistry;
import dev.acgbot.models.manifest.ModelManifest;
import dev.acgbot.models.text.internal.BertWordPieceTokenizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Chinese-CLIP tokenizer, as the built-in manifest opens it, against the ids of a Python
 * re-implementation of Chinese-CLIP's own bert_tokenizer.py ({@code models/scripts/text/
 * make_cn_clip_tokenizer_cases.py}) on hard cases: words around the 200-code-point limit, private-use,
 * unassigned and noncharacter code points, every CJK block, Greek final sigma, accents and compatibility
 * forms, control / format / separator characters, punctuation classes and recent emoji.
 */
class CnClipTokenizerHardCaseTest {
    static TextTokenizer tokenizer;
    static JsonNode doc;

    @BeforeAll
    static void open() throws IOException {
        ModelManifest m = ManifestRegistry.builtIns().stream().filter(x -> x.id().equals("cn-clip-vit-b-16-text"))
                .findFirst().orElseThrow();
        tokenizer = Tokenizers.open(m.tokenizer().orElseThrow(), null);
        try (InputStream in = CnClipTokenizerHardCaseTest.class.getResourceAsStream("/text/cn-clip-tokenizer-cases.json")) {
            doc = new ObjectMapper().readTree(in);
        }
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @TestFactory
    List<DynamicTest> idsEqualTheReferenceOnEveryHardCase() {
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (JsonNode c : doc.get("cases")) {
            String text = c.get("text").asText();
            tests.add(DynamicTest.dynamicTest(String.format("%03d %s", i++, label(text)), () -> {
                long[] expected = new long[52];
                for (int k = 0; k < 52; k++) {
                    expected[k] = c.get("ids").get(k).asLong();
                }
                TokenizedText ours = tokenizer.encode(text);
                List<String> pieces = ((BertWordPieceTokenizer) tokenizer).tokenize(text);
                List<String> reference = new ArrayList<>();
                c.get("tokens").forEach(t -> reference.add(t.asText()));
                assertEquals(reference, pieces, "tokens of " + label(text));
                assertArrayEquals(expected, ours.ids(), "ids of " + label(text));
                assertEquals(c.get("truncated").asBoolean(), ours.truncated(), "truncated");
                int real = (int) java.util.Arrays.stream(expected).filter(v -> v != 0).count();
                assertEquals(real, java.util.Arrays.stream(ours.attentionMask()).sum(), "mask covers [CLS] .. [SEP]");
            }));
        }
        assertTrue(tests.size() >= 150, "hard cases present");
        return tests;
    }

    /** The Unicode escapes of a short prefix, so test names stay readable for invisible characters. */
    private static String label(String text) {
        String head = text.codePoints().limit(12).mapToObj(cp -> cp >= 0x20 && cp < 0x7F
                ? Character.toString(cp) : "U+" + HexFormat.of().withUpperCase().toHexDigits(cp).replaceFirst("^0{2,4}", ""))
                .collect(Collectors.joining(" "));
        return text.codePointCount(0, text.length()) > 12 ? head + " ..." : head;
    }
}
