package dev.acgbot.models.text.internal;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.acgbot.models.text.TextTokenizer;
import dev.acgbot.models.text.TokenizedText;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;

/**
 * A DJL Hugging Face tokenizer with the tokenizer.json's own post-processor adding the special tokens,
 * truncation to the context (the end special token is kept) and padding done here with the manifest's pad id
 * (tokenizer.json files disagree on padding; the models do not).
 */
public final class DjlTextTokenizer implements TextTokenizer {
    private final HuggingFaceTokenizer tokenizer;
    private final int contextLength;
    private final long padId;

    public DjlTextTokenizer(InputStream tokenizerJson, int contextLength, long padId) throws IOException {
        this.tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson, Map.of(
                "addSpecialTokens", "true",
                "truncation", "true",
                "padding", "false",
                "maxLength", Integer.toString(contextLength),
                "modelMaxLength", Integer.toString(Math.max(contextLength, 512))));
        this.contextLength = contextLength;
        this.padId = padId;
    }

    @Override
    public TokenizedText encode(String text) {
        Encoding enc = tokenizer.encode(text == null ? "" : text);
        long[] raw = enc.getIds();
        int n = Math.min(raw.length, contextLength);
        long[] ids = new long[contextLength];
        long[] mask = new long[contextLength];
        Arrays.fill(ids, padId);
        System.arraycopy(raw, 0, ids, 0, n);
        Arrays.fill(mask, 0, n, 1L);
        return new TokenizedText(ids, mask, enc.exceedMaxLength());
    }

    @Override
    public int contextLength() {
        return contextLength;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
