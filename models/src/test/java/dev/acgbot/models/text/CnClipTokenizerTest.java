package dev.acgbot.models.text;

import dev.acgbot.models.manifest.ManifestRegistry;
import dev.acgbot.models.manifest.ModelManifest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chinese-CLIP's tokenizer built from the bundled vocab.txt, as the built-in manifest configures it. */
class CnClipTokenizerTest {
    static TextTokenizer tokenizer;

    @BeforeAll
    static void open() {
        ModelManifest m = ManifestRegistry.builtIns().stream().filter(x -> x.id().equals("cn-clip-vit-b-16-text"))
                .findFirst().orElseThrow();
        tokenizer = Tokenizers.open(m.tokenizer().orElseThrow(), null);
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @Test
    void sakuraIsClsTwoCharactersSepThenZerosTo52() {
        TokenizedText t = tokenizer.encode("樱花");
        long[] expected = new long[52];
        expected[0] = 101;
        expected[1] = 3569;
        expected[2] = 5709;
        expected[3] = 102;
        assertArrayEquals(expected, t.ids());
        assertArrayEquals(new long[]{1, 1, 1, 1}, Arrays.copyOf(t.attentionMask(), 4));
        assertEquals(0, t.attentionMask()[4]);
        assertFalse(t.truncated());
    }

    @Test
    void lowerCasesEnglishBeforeLookup() {
        assertArrayEquals(tokenizer.encode("red blue").ids(), tokenizer.encode("RED Blue").ids());
        long[] ids = tokenizer.encode("red").ids();
        assertEquals(9276, ids[1], "'red' is line 9277 of vocab.txt");
    }

    @Test
    void mixedChineseEnglishAndEmojiNeverThrowAndKeepTheFrame() {
        TokenizedText t = tokenizer.encode("粉色的 sakura 🌸🌸 in Tokyo!!");
        assertEquals(52, t.ids().length);
        assertEquals(101, t.ids()[0]);
        int sep = indexOf(t.ids(), 102);
        assertTrue(sep > 5, "text tokens before [SEP]");
        assertTrue(Arrays.stream(t.ids(), 1, sep).anyMatch(id -> id == 100), "emoji outside the vocab become [UNK]");
        assertTrue(Arrays.stream(t.ids(), sep + 1, 52).allMatch(id -> id == 0));
    }

    @Test
    void veryLongTextIsCutToClsFiftyTokensSep() {
        TokenizedText t = tokenizer.encode("樱".repeat(500) + " and more words");
        assertTrue(t.truncated());
        assertEquals(101, t.ids()[0]);
        assertEquals(102, t.ids()[51]);
        for (int i = 1; i <= 50; i++) {
            assertEquals(3569, t.ids()[i]);
        }
        assertTrue(Arrays.stream(t.attentionMask()).allMatch(v -> v == 1));
    }

    @Test
    void emptyAndWhitespaceOnlyTextGiveClsSep() {
        for (String s : new String[]{"", "   \n\t", "\u0000\u200b"}) {
            long[] ids = tokenizer.encode(s).ids();
            assertEquals(101, ids[0]);
            assertEquals(102, ids[1]);
            assertEquals(0, ids[2]);
        }
    }

    private static int indexOf(long[] a, long v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
