package dev.acgbot.core.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Paths as people type them at the console, and as terminals paste them when a file is dragged in: plain
 * ({@code art.png}, {@code ~/Pictures/a.png}), quoted ({@code "my art.png"}, {@code 'my art.png'}) or with
 * backslash-escaped spaces ({@code my\ art.png}); an unquoted path with spaces is found too when the file exists.
 */
final class ConsolePaths {
    /** The extensions offered as the example when a folder is given instead of an image. */
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "webp", "gif", "bmp");

    /** What a typed path names. */
    sealed interface Found permits Found.File, Found.Folder, Found.Missing {
        /** An existing regular file. */
        record File(Path path) implements Found {
        }

        /** An existing folder, and one image in it as an example (when it has one). */
        record Folder(Path path, Optional<Path> example) implements Found {
        }

        /** Nothing there: {@code typed} is the path as the user wrote it, quotes removed. */
        record Missing(String typed) implements Found {
        }
    }

    /** One word of a command line: its text as typed, and the path it would be (quotes and escapes removed). */
    record Word(String raw, String path, boolean quoted) {
    }

    private final Path workingDir;

    ConsolePaths(Path workingDir) {
        this.workingDir = workingDir;
    }

    /**
     * Splits a line into words at unquoted, unescaped spaces. A quoted word keeps its quotes in {@link Word#raw}
     * (the router reads {@code "re:zero"} as text) and loses them in {@link Word#path}.
     */
    static List<Word> words(String line) {
        List<Word> words = new ArrayList<>();
        StringBuilder raw = new StringBuilder();
        StringBuilder path = new StringBuilder();
        char quote = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                raw.append(c);
                if (c == quote) {
                    quote = 0;
                } else {
                    path.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                quoted = true;
                raw.append(c);
            } else if (c == '\\' && i + 1 < line.length() && " '\"\\()&".indexOf(line.charAt(i + 1)) >= 0) {
                raw.append(c).append(line.charAt(i + 1));
                path.append(line.charAt(++i));
                quoted = true;
            } else if (Character.isWhitespace(c)) {
                if (!raw.isEmpty()) {
                    words.add(new Word(raw.toString(), path.toString(), quoted));
                }
                raw.setLength(0);
                path.setLength(0);
                quoted = false;
            } else {
                raw.append(c);
                path.append(c);
            }
        }
        if (!raw.isEmpty()) {
            words.add(new Word(raw.toString(), path.toString(), quoted));
        }
        return words;
    }

    /** Explicit paths ({@code ./x}, {@code ../x}, {@code ~/x}, {@code /a/b}): said to be paths even when nothing is there. */
    static boolean explicit(String path) {
        return path.startsWith("./") || path.startsWith("../") || path.startsWith("~/")
                || (path.startsWith("/") && path.indexOf('/', 1) > 0);
    }

    Found find(String typed) {
        try {
            String expanded = typed.startsWith("~/") ? System.getProperty("user.home") + typed.substring(1) : typed;
            Path p = workingDir.resolve(expanded).normalize();
            if (Files.isRegularFile(p)) {
                return new Found.File(p);
            }
            if (Files.isDirectory(p)) {
                return new Found.Folder(p, firstImage(p));
            }
        } catch (InvalidPathException e) {
            // not a path at all
        }
        return new Found.Missing(typed);
    }

    private static Optional<Path> firstImage(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                String name = f.getFileName().toString();
                int dot = name.lastIndexOf('.');
                return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
            }).sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
