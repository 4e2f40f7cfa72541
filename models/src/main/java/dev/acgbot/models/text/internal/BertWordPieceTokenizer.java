package dev.acgbot.models.text.internal;

import dev.acgbot.models.text.TextTokenizer;
import dev.acgbot.models.text.TokenizedText;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BERT's basic + WordPiece tokenizer exactly as Chinese-CLIP's {@code bert_tokenizer.py} (FullTokenizer)
 * runs it, with {@code utils.tokenize}'s framing: {@code [CLS]} + the first {@code context - 2} ids +
 * {@code [SEP]}, then the pad id.
 *
 * <p>Written in Java rather than configured on Hugging Face's tokenizers, whose BERT normaliser only
 * resembles it: there a word of over 100 characters becomes {@code [UNK]}, here (as in the reference) over
 * 200 code points. The steps, in the reference's order:
 * <ol>
 *   <li>clean: drop U+0000, U+FFFD and control / format characters (Cc, Cf; tab, newline and carriage
 *       return excepted), turn whitespace (those three, space and Zs) into spaces;</li>
 *   <li>put spaces around the code points of bert_tokenizer.py's CJK ranges;</li>
 *   <li>split on Python's {@code str.split()} whitespace, which also splits on U+2028 / U+2029;</li>
 *   <li>per word (when lower-casing): {@code lower()} (Python's final-sigma rule, which Java's
 *       {@code toLowerCase} does not follow: "ΑΣ-Β" keeps a final ς in Python), then NFD with non-spacing
 *       marks (Mn) removed;</li>
 *   <li>split off every punctuation character (all non-alphanumeric ASCII, and Unicode P*);</li>
 *   <li>greedy longest-match WordPiece over code points, {@code ##} for continuations, the whole word
 *       {@code [UNK]} when a piece is missing or the word has over 200 code points.</li>
 * </ol>
 * Character classes come from the JDK's Unicode tables; where a code point's category changed between the
 * JDK's Unicode version and the reference interpreter's, the two can differ (see the hard-case test).
 * Thread-safe and allocation-light.
 */
public final class BertWordPieceTokenizer implements TextTokenizer {
    /** WordpieceTokenizer(max_input_chars_per_word=200) in bert_tokenizer.py. */
    public static final int MAX_WORD_CODE_POINTS = 200;

    private final Map<String, Integer> vocab;
    private final boolean lowercase;
    private final int contextLength;
    private final long padId;
    private final int unk;
    private final int cls;
    private final int sep;

    public BertWordPieceTokenizer(String vocabTxt, boolean lowercase, int contextLength, long padId) {
        if (contextLength < 2) {
            throw new IllegalArgumentException("context length must hold [CLS] and [SEP]");
        }
        this.vocab = readVocab(vocabTxt);
        this.lowercase = lowercase;
        this.contextLength = contextLength;
        this.padId = padId;
        this.unk = required("[UNK]");
        this.cls = required("[CLS]");
        this.sep = required("[SEP]");
    }

    /** load_vocab: each line stripped (Python's strip), its 0-based number the id; a later duplicate wins. */
    private static Map<String, Integer> readVocab(String vocabTxt) {
        Map<String, Integer> map = new HashMap<>();
        List<String> lines = vocabTxt.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            map.put(pythonStrip(lines.get(i)), i);
        }
        return Map.copyOf(map);
    }

    private int required(String token) {
        Integer id = vocab.get(token);
        if (id == null) {
            throw new IllegalArgumentException("WordPiece vocabulary lacks " + token);
        }
        return id;
    }

    @Override
    public TokenizedText encode(String text) {
        List<String> pieces = tokenize(text == null ? "" : text);
        int room = contextLength - 2;
        long[] ids = new long[contextLength];
        long[] mask = new long[contextLength];
        Arrays.fill(ids, padId);
        ids[0] = cls;
        int n = Math.min(pieces.size(), room);
        for (int i = 0; i < n; i++) {
            ids[i + 1] = vocab.getOrDefault(pieces.get(i), unk);
        }
        ids[n + 1] = sep;
        Arrays.fill(mask, 0, n + 2, 1L);
        return new TokenizedText(ids, mask, pieces.size() > room);
    }

    /** The WordPiece tokens of {@code text}, without [CLS] / [SEP]. */
    public List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        for (String word : basicTokens(text)) {
            wordPieces(word, out);
        }
        return out;
    }

    private List<String> basicTokens(String text) {
        List<String> words = new ArrayList<>();
        for (String word : pythonSplit(spaceCjk(clean(text)))) {
            if (lowercase) {
                word = stripAccents(pythonLower(word));
            }
            splitPunctuation(word, words);
        }
        // " ".join(...).split(): lower-casing and NFD can bring in characters Python splits on
        List<String> result = new ArrayList<>(words.size());
        for (String w : words) {
            result.addAll(pythonSplit(w));
        }
        return result;
    }

    /**
     * Python's {@code str.lower()}: full lower-case mappings (only U+0130 maps to two code points) and
     * capital sigma in the Final_Sigma context ({@code \p{cased} \p{case-ignorable}* Σ} not followed by
     * {@code \p{case-ignorable}* \p{cased}}) becoming ς.
     */
    static String pythonLower(String word) {
        int[] cps = word.codePoints().toArray();
        StringBuilder sb = new StringBuilder(word.length());
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            if (cp == 0x03A3) {
                sb.appendCodePoint(finalSigma(cps, i) ? 0x03C2 : 0x03C3);
            } else if (cp == 0x0130) {
                sb.append("i\u0307");
            } else {
                sb.appendCodePoint(Character.toLowerCase(cp));
            }
        }
        return sb.toString();
    }

    private static boolean finalSigma(int[] cps, int at) {
        int j = at - 1;
        while (j >= 0 && isCaseIgnorable(cps[j])) {
            j--;
        }
        if (j < 0 || !isCased(cps[j])) {
            return false;
        }
        j = at + 1;
        while (j < cps.length && isCaseIgnorable(cps[j])) {
            j++;
        }
        return j == cps.length || !isCased(cps[j]);
    }

    private static boolean isCased(int cp) {
        return Character.isLowerCase(cp) || Character.isUpperCase(cp) || Character.isTitleCase(cp);
    }

    /** Unicode's Case_Ignorable: Mn, Me, Cf, Lm, Sk and the word-break MidLetter / MidNumLet / Single_Quote. */
    private static boolean isCaseIgnorable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.FORMAT, Character.MODIFIER_LETTER,
                 Character.MODIFIER_SYMBOL -> true;
            default -> switch (cp) {
                case '\'', '.', ':', 0x00B7, 0x0387, 0x055F, 0x05F4, 0x2018, 0x2019, 0x2024, 0x2027, 0xFE13, 0xFE52,
                     0xFE55, 0xFF07, 0xFF0E, 0xFF1A -> true;
                default -> false;
            };
        };
    }

    private static String clean(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == 0 || cp == 0xFFFD || isControl(cp)) {
                return;
            }
            if (isWhitespace(cp)) {
                sb.append(' ');
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    private static String spaceCjk(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            if (isCjk(cp)) {
                sb.append(' ').appendCodePoint(cp).append(' ');
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    private static String stripAccents(String word) {
        String nfd = Normalizer.normalize(word, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(nfd.length());
        nfd.codePoints().filter(cp -> Character.getType(cp) != Character.NON_SPACING_MARK).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private static void splitPunctuation(String word, List<String> out) {
        StringBuilder current = null;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            i += Character.charCount(cp);
            if (isPunctuation(cp)) {
                flush(current, out);
                current = null;
                out.add(new String(Character.toChars(cp)));
            } else {
                if (current == null) {
                    current = new StringBuilder();
                }
                current.appendCodePoint(cp);
            }
        }
        flush(current, out);
    }

    private static void flush(StringBuilder current, List<String> out) {
        if (current != null) {
            out.add(current.toString());
        }
    }

    /** Greedy longest match over code points; the whole word becomes [UNK] when any piece is missing. */
    private void wordPieces(String word, List<String> out) {
        int[] cps = word.codePoints().toArray();
        if (cps.length > MAX_WORD_CODE_POINTS) {
            out.add("[UNK]");
            return;
        }
        int mark = out.size();
        int start = 0;
        while (start < cps.length) {
            String found = null;
            int end = cps.length;
            while (start < end) {
                String piece = new String(cps, start, end - start);
                String candidate = start > 0 ? "##" + piece : piece;
                if (vocab.containsKey(candidate)) {
                    found = candidate;
                    break;
                }
                end--;
            }
            if (found == null) {
                out.subList(mark, out.size()).clear();
                out.add("[UNK]");
                return;
            }
            out.add(found);
            start = end;
        }
    }

    static boolean isCjk(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF)
                || (cp >= 0x2A700 && cp <= 0x2B73F) || (cp >= 0x2B740 && cp <= 0x2B81F)
                || (cp >= 0x2B820 && cp <= 0x2CEAF) || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }

    private static boolean isWhitespace(int cp) {
        return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || Character.getType(cp) == Character.SPACE_SEPARATOR;
    }

    private static boolean isControl(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT;
    }

    private static boolean isPunctuation(int cp) {
        if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    /**
     * Python's {@code str.isspace()}: bidirectional class WS, B or S, or category Zs. After cleaning only
     * spaces and the line / paragraph separators are left of these.
     */
    static boolean isPythonSpace(int cp) {
        return switch (cp) {
            case '\t', '\n', 0x0B, 0x0C, '\r', 0x1C, 0x1D, 0x1E, 0x1F, 0x85, 0x2028, 0x2029 -> true;
            default -> Character.getType(cp) == Character.SPACE_SEPARATOR;
        };
    }

    private static List<String> pythonSplit(String s) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (isPythonSpace(cp)) {
                if (start >= 0) {
                    out.add(s.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            out.add(s.substring(start));
        }
        return out;
    }

    private static String pythonStrip(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isPythonSpace(s.codePointAt(from))) {
            from += Character.charCount(s.codePointAt(from));
        }
        while (to > from && isPythonSpace(s.codePointBefore(to))) {
            to -= Character.charCount(s.codePointBefore(to));
        }
        return s.substring(from, to);
    }

    @Override
    public int contextLength() {
        return contextLength;
    }

    @Override
    public void close() {
        // nothing native to free
    }
}
