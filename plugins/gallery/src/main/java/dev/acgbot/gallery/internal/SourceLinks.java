package dev.acgbot.gallery.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an image came from: a URL in a sidecar file next to it ({@code <file>.txt}, {@code .url},
 * {@code .json}, also without the image extension), else an id in the file name as downloaders write them
 * ({@code pixiv_12345678_p0.png}, {@code 12345678_p0.png}, {@code danbooru_1234567.jpg}, ...).
 */
public final class SourceLinks {
    private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>\\\\]+");
    private static final List<NamePattern> NAMES = List.of(
            new NamePattern(Pattern.compile("(?i)(?:^|[^a-z])pixiv[_ -]?(\\d{5,10})(?:_p\\d+)?"), "https://www.pixiv.net/artworks/"),
            new NamePattern(Pattern.compile("^(\\d{6,10})_p\\d+(?:_|\\.|$)"), "https://www.pixiv.net/artworks/"),
            new NamePattern(Pattern.compile("(?i)danbooru[_ -]?(\\d{1,10})"), "https://danbooru.donmai.us/posts/"),
            new NamePattern(Pattern.compile("(?i)gelbooru[_ -]?(\\d{1,10})"), "https://gelbooru.com/index.php?page=post&s=view&id="),
            new NamePattern(Pattern.compile("(?i)yande\\.?re[_ -]?(\\d{1,10})"), "https://yande.re/post/show/"),
            new NamePattern(Pattern.compile("(?i)konachan(?:\\.com)?[_ -]?(\\d{1,10})"), "https://konachan.com/post/show/"));
    private static final List<String> SIDECARS = List.of(".txt", ".url", ".json");
    private static final long MAX_SIDECAR_BYTES = 64 * 1024;

    private SourceLinks() {
    }

    public static Optional<String> find(Path image) {
        Optional<String> side = fromSidecar(image);
        return side.isPresent() ? side : fromName(image.getFileName().toString());
    }

    static Optional<String> fromName(String fileName) {
        for (NamePattern p : NAMES) {
            Matcher m = p.pattern().matcher(fileName);
            if (m.find()) {
                return Optional.of(p.prefix() + m.group(1));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> fromSidecar(Path image) {
        String name = image.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        for (String ext : SIDECARS) {
            for (Path side : List.of(image.resolveSibling(name + ext), image.resolveSibling(stem + ext))) {
                try {
                    if (Files.isRegularFile(side) && Files.size(side) <= MAX_SIDECAR_BYTES) {
                        Matcher m = URL.matcher(Files.readString(side, StandardCharsets.UTF_8));
                        if (m.find()) {
                            return Optional.of(m.group());
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // an unreadable sidecar only means no link
                }
            }
        }
        return Optional.empty();
    }

    private record NamePattern(Pattern pattern, String prefix) {
    }
}
