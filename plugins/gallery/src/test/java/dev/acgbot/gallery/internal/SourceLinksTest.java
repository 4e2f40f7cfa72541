package dev.acgbot.gallery.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SourceLinksTest {

    @Test
    void fileNamesOfCommonDownloadersGiveTheirPostLinks() {
        assertEquals(Optional.of("https://www.pixiv.net/artworks/12345678"), SourceLinks.fromName("pixiv_12345678_p0.png"));
        assertEquals(Optional.of("https://www.pixiv.net/artworks/12345678"), SourceLinks.fromName("12345678_p0.png"));
        assertEquals(Optional.of("https://danbooru.donmai.us/posts/1234567"), SourceLinks.fromName("danbooru_1234567.jpg"));
        assertEquals(Optional.of("https://yande.re/post/show/998"), SourceLinks.fromName("yande.re 998 tag.jpg"));
        assertEquals(Optional.empty(), SourceLinks.fromName("IMG_20240101_123456.jpg"));
    }

    @Test
    void sidecarUrlWinsOverTheName(@TempDir Path dir) throws Exception {
        Path img = dir.resolve("pixiv_1_p0.png");
        Files.writeString(dir.resolve("pixiv_1_p0.png.url"), "[InternetShortcut]\nURL=https://example.org/post/7\n");
        assertEquals(Optional.of("https://example.org/post/7"), SourceLinks.find(img));
        Path other = dir.resolve("art.jpg");
        Files.writeString(dir.resolve("art.json"), "{\"source\": \"https://x.com/a/status/5\"}");
        assertEquals(Optional.of("https://x.com/a/status/5"), SourceLinks.find(other));
    }
}
