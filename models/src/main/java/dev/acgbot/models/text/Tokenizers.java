package dev.acgbot.models.text;

import dev.acgbot.models.manifest.TokenizerSpec;
import dev.acgbot.models.text.internal.DjlTextTokenizer;
import dev.acgbot.models.text.internal.WordPieceTokenizerJson;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds a manifest's tokenizer on DJL's Hugging Face tokenizers (Rust natives shipped in the jar, so it works
 * offline): BERT WordPiece from a {@code vocab.txt}, CLIP BPE or any tokenizer from a {@code tokenizer.json}.
 */
public final class Tokenizers {
    public static final String CLASSPATH_PREFIX = "classpath:";

    private Tokenizers() {
    }

    /**
     * @param spec the manifest's tokenizer section
     * @param file the resolved vocabulary / tokenizer.json; ignored when {@code spec.file()} is a classpath resource
     */
    public static TextTokenizer open(TokenizerSpec spec, Path file) {
        DjlOffline.ensure();
        byte[] content = read(spec.file(), file);
        byte[] tokenizerJson = switch (spec.kind()) {
            case BERT_WORDPIECE -> WordPieceTokenizerJson.fromVocab(new String(content, StandardCharsets.UTF_8),
                    spec.lowercase()).getBytes(StandardCharsets.UTF_8);
            case CLIP_BPE, HF_TOKENIZER_JSON -> content;
        };
        try (InputStream in = new ByteArrayInputStream(tokenizerJson)) {
            return new DjlTextTokenizer(in, spec.contextLength(), spec.padId());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build tokenizer from " + spec.file(), e);
        }
    }

    private static byte[] read(String declared, Path file) {
        try {
            if (declared.startsWith(CLASSPATH_PREFIX)) {
                String name = declared.substring(CLASSPATH_PREFIX.length());
                try (InputStream in = Tokenizers.class.getClassLoader().getResourceAsStream(name)) {
                    if (in == null) {
                        throw new IllegalStateException("missing classpath resource " + name);
                    }
                    return in.readAllBytes();
                }
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tokenizer file " + (file == null ? declared : file), e);
        }
    }
}
