package dev.acgbot.models.text;

/** Turns text into a text tower's input ids. Thread-safe; never throws for odd or over-long input. */
public interface TextTokenizer extends AutoCloseable {

    TokenizedText encode(String text);

    int contextLength();

    @Override
    void close();
}
