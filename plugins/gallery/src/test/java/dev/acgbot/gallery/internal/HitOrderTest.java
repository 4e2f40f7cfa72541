package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.DuplicateHit;
import dev.acgbot.gallery.GalleryEntry;
import dev.acgbot.gallery.RepostEdit;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The order {@code findDuplicates} lists its hits in ({@link DefaultGallery#HIT_ORDER}). */
class HitOrderTest {
    private static DuplicateHit hit(String name, boolean exact, double similarity, RepostEdit... edits) {
        GalleryEntry e = new GalleryEntry(name, List.of(Path.of(name)), 1, Instant.EPOCH, 10, 10, Optional.empty(), 0, 0, Map.of(), "", Map.of());
        return new DuplicateHit(e, exact, 0, 0, similarity, Set.of(edits));
    }

    private static List<String> order(DuplicateHit... hits) {
        List<DuplicateHit> list = new ArrayList<>(List.of(hits));
        list.sort(DefaultGallery.HIT_ORDER);
        return list.stream().map(h -> h.entry().sha256()).toList();
    }

    @Test
    void ofTwoHitsAlmostAlikeTheOneFewerEditsExplainComesFirst() {
        // a quarter-size copy of a quarter note: its source matched untouched, a dotted note matched cropped, both near 0.95
        assertEquals(List.of("quarter", "dotted"), order(hit("dotted", false, 0.9509, RepostEdit.CROPPED), hit("quarter", false, 0.9501)));
    }

    @Test
    void aClearlyBetterHitStaysFirstWhateverItsEditsAndExactHitsLeadAll() {
        assertEquals(List.of("exact", "cropped", "plain"), order(hit("plain", false, 0.962), hit("cropped", false, 0.981,
                RepostEdit.CROPPED, RepostEdit.BORDER), hit("exact", true, 0.95)));
    }
}
