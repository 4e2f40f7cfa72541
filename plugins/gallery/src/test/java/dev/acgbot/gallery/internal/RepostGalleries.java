package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.DuplicateHit;
import dev.acgbot.gallery.GalleryOptions;
import dev.acgbot.gallery.testing.TestImages;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;

/** What the gallery tests of repost lookups share: a folder of generated pictures, the hits as one line, a white frame. */
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
    /** A white frame {@code fraction} of the shorter side wide, as the evaluation's border+rotate+bright edit makes. */
    static BufferedImage framed(BufferedImage img, double fraction) {
        int b = (int) Math.round(Math.min(img.getWidth(), img.getHeight()) * fraction);
        BufferedImage out = new BufferedImage(img.getWidth() + 2 * b, img.getHeight() + 2 * b, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(img, b, b, null);
        g.dispose();
        return out;
    }
}
