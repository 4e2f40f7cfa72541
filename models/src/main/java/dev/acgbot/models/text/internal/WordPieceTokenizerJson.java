package dev.acgbot.models.text.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the Hugging Face tokenizer.json of a BERT WordPiece tokenizer from a {@code vocab.txt} (ids are
 * 0-based line numbers), matching Chinese-CLIP's {@code FullTokenizer}: BERT cleaning, spaces around CJK
 * characters, optional lower-casing with accent stripping, punctuation split, greedy longest-match WordPiece
 * with {@code ##} continuations and {@code [UNK]} for words over 100 characters, and {@code [CLS] ... [SEP]}.
 */
public final class WordPieceTokenizerJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WordPieceTokenizerJson() {
    }

    public static String fromVocab(String vocabTxt, boolean lowercase) {
        Map<String, Integer> vocab = new LinkedHashMap<>();
        List<String> lines = vocabTxt.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            vocab.put(lines.get(i).strip(), i); // later duplicates win, as in BERT's load_vocab
        }
        for (String required : List.of("[UNK]", "[CLS]", "[SEP]", "[PAD]")) {
            if (!vocab.containsKey(required)) {
                throw new IllegalArgumentException("WordPiece vocabulary lacks " + required);
            }
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        for (String special : List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")) {
            if (vocab.containsKey(special)) {
                added.addObject().put("id", vocab.get(special)).put("content", special).put("single_word", false)
                        .put("lstrip", false).put("rstrip", false).put("normalized", false).put("special", true);
            }
        }
        ObjectNode normalizer = root.putObject("normalizer");
        normalizer.put("type", "BertNormalizer").put("clean_text", true).put("handle_chinese_chars", true)
                .putNull("strip_accents"); // null follows lowercase, like BasicTokenizer(do_lower_case)
        normalizer.put("lowercase", lowercase);
        root.putObject("pre_tokenizer").put("type", "BertPreTokenizer");
        ObjectNode post = root.putObject("post_processor");
        post.put("type", "BertProcessing");
        post.putArray("sep").add("[SEP]").add(vocab.get("[SEP]"));
        post.putArray("cls").add("[CLS]").add(vocab.get("[CLS]"));
        root.putObject("decoder").put("type", "WordPiece").put("prefix", "##").put("cleanup", true);
        ObjectNode model = root.putObject("model");
        model.put("type", "WordPiece").put("unk_token", "[UNK]").put("continuing_subword_prefix", "##")
                .put("max_input_chars_per_word", 100);
        ObjectNode v = model.putObject("vocab");
        vocab.forEach(v::put);
        return root.toString();
    }
}
