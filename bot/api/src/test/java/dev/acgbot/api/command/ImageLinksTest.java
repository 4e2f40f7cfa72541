package dev.acgbot.api.command;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageLinksTest {

    @Test
    void findsLinksInTextWithoutTheSentencesPunctuation() {
        assertEquals(List.of(URI.create("https://img.example/a.png"), URI.create("http://b.example/x?y=1")),
                ImageLinks.find("/tag https://img.example/a.png, and (http://b.example/x?y=1). 看这个！"));
        assertEquals(List.of(URI.create("https://en.wikipedia.org/wiki/Foo_(bar)")),
                ImageLinks.find("see https://en.wikipedia.org/wiki/Foo_(bar)"));
        assertEquals(List.of(URI.create("https://img.example/猫.png")), ImageLinks.find("https://img.example/猫.png。"));
    }

    @Test
    void everySchemeCountsSoThatTheFetcherCanRefuseIt() {
        assertEquals(List.of(URI.create("file:///etc/passwd")), ImageLinks.find("/tag file:///etc/passwd"));
        assertTrue(ImageLinks.isLink("ftp://host/a.png"));
        assertFalse(ImageLinks.isLink("threshold:0.5"));
        assertFalse(ImageLinks.isLink("樱花"));
    }

    @Test
    void aLinkRepeatedIsOneImageAndAFloodIsCapped() {
        assertEquals(1, ImageLinks.find("https://a.example/1.png https://a.example/1.png").size());
        assertEquals(ImageLinks.MAX_PER_MESSAGE, ImageLinks.find("https://a.example/x.png ".repeat(1)
                + java.util.stream.IntStream.range(0, 30).mapToObj(i -> "https://a.example/" + i + ".png").reduce("", (a, b) -> a + " " + b)).size());
    }

    @Test
    void aLinkedImageIsNamedByItsFileNeverByItsQuery() {
        LinkedImage image = new LinkedImage(URI.create("https://cdn.example/art/cat.png?token=secret"), (u, m) -> new byte[0]);
        assertEquals("cat.png", image.fileName());
        assertEquals("cdn.example", new LinkedImage(URI.create("https://cdn.example/?k=secret"), (u, m) -> new byte[0]).fileName());
        assertEquals(image, new LinkedImage(URI.create("https://cdn.example/art/cat.png?token=secret"), (u, m) -> new byte[1]));
    }
}
