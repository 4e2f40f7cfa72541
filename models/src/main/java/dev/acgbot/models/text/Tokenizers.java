package dev.acgbot.models.text;

import dev.acgbot.models.manifest.TokenizerSpec;
import dev.acgbot.models.text.internal.DjlTextTokenizer;
import dev.acgbot.models.text.internal.BertWordPieceTokenizer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds a manifest's tokenizer: BERT WordPiece from a {@code vocab.txt} in Java, exactly as Chinese-CLIP's
 * bert_tokenizer.py; CLIP BPE or any tokenizer from a {@code tokenizer.json} on DJL's Hugging Face
 * tokenizers (Rust natives shipped in the jar, so it works offline).
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
        byte[] content = read(spec.file(), file);
        if (spec.kind() == TokenizerSpec.Kind.BERT_WORDPIECE) {
            return new BertWordPieceTokenizer(new String(content, StandardCharsets.UTF_8), spec.lowercase(),
                    spec.contextLength(), spec.padId());
        }
        DjlOffline.ensure();
        try (InputStream in = new ByteArrayInputStream(content)) {
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
