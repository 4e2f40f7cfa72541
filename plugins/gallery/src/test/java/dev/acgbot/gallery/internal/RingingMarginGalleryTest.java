package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * JPEG copies of openclipart's signal flags, 84 px with a 1-px white margin around a black outline: the JPEG rings into
 * the margin, the copy's trim keeps it where the source's took it, and the edges failed at the true pose; each listed
 * nothing (evaluation, {@code --sample-seed 123} and {@code 200}). {@link RingingMargins} trims past it.
 */
class RingingMarginGalleryTest {
    private static final List<String> FLAGS = List.of("signalflag_juliet", "signalflag_echo");

    @Test
    void jpegCopiesOfFlagsInAThinMarginAreTheirSourcesAsTheyAre(@TempDir Path tmp) {
        assertEquals(List.of("pic0.png true []", "pic1.png true []"), RepostGalleries.eachLookedUpAmong(tmp, 6, FLAGS, 770, List.of(
                TestImages.jpegRoundTrip(RepostGalleries.openclipart("signalflag_juliet"), 0.40f),
                TestImages.jpegRoundTrip(RepostGalleries.openclipart("signalflag_echo"), 0.75f))));
    }
}
