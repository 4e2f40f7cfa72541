package dev.acgbot.models.text;

/**
 * A text as a text tower takes it.
 *
 * @param ids           exactly the context length: special tokens, text ids, then the pad id
 * @param attentionMask 1 for real tokens (special ones included), 0 for padding
 * @param truncated     the text had more tokens than the context holds and was cut
 */
public record TokenizedText(long[] ids, long[] attentionMask, boolean truncated) {
}
