package dev.acgbot.gallery;

import dev.acgbot.gallery.testing.FakeInference;
import dev.acgbot.gallery.testing.SmallHeapChild;
import dev.acgbot.models.image.DecodeLimits;
import dev.acgbot.models.image.ImageDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11's goal: with a 512 MB heap, a folder of 6000 x 6000 JPEGs and PNGs (RGB and RGBA) is indexed
 * completely. Before the indexer reduced images right after decoding and bounded its queues in bytes, each
 * queued image held 144 MB of pixels and such a run lost most images as "corrupt" out-of-memory errors.
 */
class SmallHeapIndexTest {
    private static final int SIDE = 6000;

    @Test
    void aFolderOf6000PixelImagesIsIndexedCompletelyWithA512MegabyteHeap(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("huge");
        Files.createDirectories(folder);
        for (int i = 0; i < 4; i++) {
            write(picture(i, false), "jpg", folder.resolve("wall" + i + ".jpg"));
            write(picture(10 + i, i % 2 == 1), "png", folder.resolve("wall" + i + ".png"));
        }
        Path data = tmp.resolve("data");
        Process child = child("-Xmx512m", data, folder);
        String output = new String(child.getInputStream().readAllBytes());
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), output);
        assertEquals(0, child.exitValue(), output);
        String counts = output.lines().filter(l -> l.startsWith("COUNTS ")).findFirst().orElseThrow(() -> new AssertionError(output));
        assertTrue(counts.startsWith("COUNTS added=8 failed=0 rss="), output);
        assertTrue(output.contains("peak RSS "), "the summary shows peak memory: " + output);
        assertTrue(!output.contains("OutOfMemoryError") && !output.toLowerCase().contains("corrupt"), output);

        try (Gallery g = Gallery.open(GalleryOptions.builder().dataDir(data).folders(List.of(folder))
                .clipModels(List.of(FakeInference.CLIP)).build(), new FakeInference())) {
            assertEquals(8, g.stats().images());
            assertEquals(8, g.stats().embeddings().get(FakeInference.CLIP));
            for (String name : List.of("wall0.jpg", "wall3.png")) {
                byte[] bytes = Files.readAllBytes(folder.resolve(name));
                GalleryEntry e = g.entry(sha256(bytes)).orElseThrow();
                assertEquals(List.of(SIDE, SIDE), List.of(e.width(), e.height()), "the full size is recorded, not the reduced one");
            }
            // a query is reduced as the indexer reduced its copy, so the very same file hashes at distance 0
            var query = new ImageDecoder(DecodeLimits.defaults()).decode(folder.resolve("wall1.png"));
            List<DuplicateHit> dups = g.findDuplicates(query, 8);
            assertEquals(sha256(Files.readAllBytes(folder.resolve("wall1.png"))), dups.get(0).entry().sha256());
            assertEquals(List.of(true, 0, 0), List.of(dups.get(0).exact(), dups.get(0).pHashDistance(), dups.get(0).dHashDistance()));
        }
    }

    @Test
    void aHeapTooSmallForEvenOneImageStopsTheRunWithAdviceAndMarksNothingFailed(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("huge");
        Files.createDirectories(folder);
        write(picture(1, false), "jpg", folder.resolve("wall.jpg"));
        Path data = tmp.resolve("data");
        Process child = child("-Xmx40m", data, folder);
        String output = new String(child.getInputStream().readAllBytes());
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), output);
        assertEquals(3, child.exitValue(), output);
        String stopped = output.lines().filter(l -> l.startsWith("STOPPED ")).findFirst().orElseThrow(() -> new AssertionError(output));
        assertTrue(stopped.startsWith("STOPPED ran out of memory decoding " + folder.resolve("wall.jpg") + " (6000 x 6000 jpeg)"), stopped);
        assertTrue(stopped.contains("ACGBOT_HEAP") && stopped.contains("nothing was skipped"), stopped);
        assertTrue(!output.toLowerCase().contains("corrupt"), "never blamed on the file: " + output);

        try (Gallery g = Gallery.open(GalleryOptions.builder().dataDir(data).folders(List.of(folder))
                .clipModels(List.of(FakeInference.CLIP)).build(), new FakeInference())) {
            ReindexSummary s = g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            assertEquals(List.of(1, 0, 0), List.of(s.added(), s.failed(), s.knownFailures()), "with enough heap it is indexed");
        }
    }

    private static Process child(String heap, Path data, Path folder) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = List.of(java, heap, "--add-modules", "jdk.incubator.vector", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), SmallHeapChild.class.getName(), data.toString(), folder.toString());
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    /** Smooth gradients and a few shapes: distinct per seed, quick to encode. */
    private static BufferedImage picture(int seed, boolean alpha) {
        BufferedImage img = new BufferedImage(SIDE, SIDE, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Random r = new Random(seed);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(r.nextInt(0xFFFFFF)), SIDE, SIDE,
                new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256), alpha ? 96 : 255)));
        g.fillRect(0, 0, SIDE, SIDE);
        for (int k = 0; k < 6; k++) {
            g.setColor(new Color(r.nextInt(0xFFFFFF)));
            g.fillOval(r.nextInt(SIDE), r.nextInt(SIDE), 400 + r.nextInt(1600), 400 + r.nextInt(1600));
        }
        g.dispose();
        return img;
    }

    private static void write(BufferedImage img, String format, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (param.canWriteCompressed()) {
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(format.equals("png") ? 0.9f : 0.85f); // PNG: a fast deflate level
        }
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
