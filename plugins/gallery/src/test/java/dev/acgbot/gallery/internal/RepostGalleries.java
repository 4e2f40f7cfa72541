package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.DuplicateHit;
import dev.acgbot.gallery.GalleryOptions;
import dev.acgbot.gallery.testing.TestImages;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;

/** What the gallery tests of repost lookups share: a folder of generated pictures, and the hits as one line. */
final class RepostGalleries {
    private RepostGalleries() {
    }

    /** {@code count} pictures written as pic0.png, pic1.png, ... into {@code tmp/pics}; no CLIP model, small batches. */
    static GalleryOptions options(Path tmp, int count, IntFunction<BufferedImage> picture) {
        Path folder = tmp.resolve("pics");
        for (int i = 0; i < count; i++) {
            TestImages.writePng(picture.apply(i), folder.resolve("pic" + i + ".png"));
        }
        return GalleryOptions.builder().dataDir(tmp.resolve("data")).folders(List.of(folder)).clipModels(List.of()).batchSize(4)
                .decodeThreads(2).build();
    }

    /** "pic3.png true [CROPPED], ..." : file, confident, the edits the verifier named. */
    static String describe(List<DuplicateHit> hits) {
        return String.join(", ", hits.stream().map(h -> h.entry().path().getFileName() + " " + h.confident() + " "
                + h.edits().stream().map(Enum::name).sorted().toList()).toList());
    }
}
