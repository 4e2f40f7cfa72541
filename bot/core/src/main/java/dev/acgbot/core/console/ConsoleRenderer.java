package dev.acgbot.core.console;

import dev.acgbot.api.reply.ImageRef;
import dev.acgbot.api.i18n.Language;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.core.i18n.CoreMessages;
import dev.acgbot.api.reply.RichText;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Prints replies readably: text as text, images as file paths (made-up images are saved first). */
final class ConsoleRenderer {
    private final PrintStream out;
    private final Path outputDir;
    private final AtomicInteger saved = new AtomicInteger();

    private final Supplier<Language> language;

    ConsoleRenderer(PrintStream out, Path outputDir, Supplier<Language> language) {
        this.language = language;
        this.out = out;
        this.outputDir = outputDir;
    }

    synchronized void render(Reply reply) {
        switch (reply) {
            case Reply.Text text -> out.println(format(text.text()));
            case Reply.Image image -> out.println(imageLine(image, ""));
            case Reply.Album album -> {
                if (!album.header().isEmpty()) {
                    out.println(format(album.header()));
                }
                int i = 1;
                for (Reply.Image item : album.items()) {
                    out.println(imageLine(item, (i++) + ". "));
                }
            }
            case Reply.Error error -> out.println("⚠ " + error.message()
                    + (error.correlationId().isEmpty() || error.message().contains(error.correlationId())
                    ? "" : CoreMessages.format(language.get(), "console.ref", error.correlationId())));
        }
        out.flush();
    }

    synchronized void progress(String text) {
        out.println("… " + text);
        out.flush();
    }

    private String imageLine(Reply.Image image, String prefix) {
        String caption = format(image.caption()).strip().replace("\n", "\n     ");
        return prefix + (image.image().spoiler() ? "[image, spoiler] " : "[image] ") + location(image.image()) + (caption.isEmpty() ? "" : "\n     " + caption);
    }

    private String location(ImageRef ref) {
        if (ref.path() != null) {
            return ref.path().toAbsolutePath().toString();
        }
        try {
            Files.createDirectories(outputDir);
            String safeName = ref.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
            Path file = outputDir.resolve(saved.incrementAndGet() + "-" + safeName);
            Files.write(file, ref.bytes());
            return file.toAbsolutePath().toString();
        } catch (IOException e) {
            return CoreMessages.format(language.get(), "console.could_not_save", ref.fileName(), e.getMessage());
        }
    }

    static String format(RichText text) {
        StringBuilder sb = new StringBuilder();
        for (RichText.Span span : text.spans()) {
            switch (span.style()) {
                case CODE_BLOCK -> {
                    if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != '\n') {
                        sb.append('\n');
                    }
                    sb.append("  ").append(span.text().replace("\n", "\n  ")).append('\n');
                }
                default -> sb.append(span.text());
            }
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == '\n') {
            end--;
        }
        return sb.substring(0, end);
    }
}
