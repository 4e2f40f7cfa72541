package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.DuplicateHit;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.GalleryOptions;
import dev.acgbot.gallery.ReindexListener;
import dev.acgbot.gallery.ReindexRequest;
import dev.acgbot.gallery.testing.FakeInference;
import dev.acgbot.gallery.testing.TestImages;
import dev.acgbot.models.image.DecodeLimits;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.image.ImageDecodeException;
import dev.acgbot.models.image.ImageDecoder;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the gallery tests of repost lookups share: a folder of generated pictures, the hits as one line, a white frame,
 * quarter crops and framed, turned, brightened copies with their first hits, the openclipart fixtures, a music note.
 */
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

    /** A gallery of {@code count} pictures ({@link #options}), indexed; no models. */
    static Gallery indexed(Path tmp, int count, IntFunction<BufferedImage> picture) {
        Gallery g = Gallery.open(options(tmp, count, picture), new FakeInference());
        g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
        return g;
    }

    /**
     * The openclipart fixtures {@code names} stored as the set ships them (pic0.png, pic1.png, ... the files themselves,
     * transparency and all) beside {@code others} generated pictures from {@code seed} on, indexed as {@link #indexed} does.
     */
    static Gallery indexedAsShipped(Path tmp, List<String> names, int others, int seed) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("pics"));
        for (int i = 0; i < names.size(); i++) {
            try (InputStream in = RepostGalleries.class.getResourceAsStream("/openclipart/" + names.get(i) + ".png")) {
                Files.copy(in, folder.resolve("pic" + i + ".png"));
            }
        }
        for (int i = 0; i < others; i++) {
            TestImages.writePng(TestImages.resized(TestImages.picture(seed + i), 2), folder.resolve("other" + i + ".png"));
        }
        return indexed(tmp, 0, i -> null);
    }

    /** The openclipart fixture {@code name} as posted: the file decoded as a lookup decodes it, transparency and all. */
    static DecodedImage posted(String name) {
        try (InputStream in = RepostGalleries.class.getResourceAsStream("/openclipart/" + name + ".png")) {
            return new ImageDecoder(DecodeLimits.defaults()).decode(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ImageDecodeException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The openclipart fixtures {@code names} in turn, then generated pictures ({@link TestImages#picture}) from {@code seed} on. */
    static IntFunction<BufferedImage> fixturesThen(List<String> names, int seed) {
        return i -> i < names.size() ? openclipart(names.get(i)) : TestImages.resized(TestImages.picture(seed + i), 2);
    }

    /** "pic3.png true [CROPPED], ..." : file, confident, the edits the verifier named. */
    static String describe(List<DuplicateHit> hits) {
        return String.join(", ", hits.stream().map(h -> h.entry().path().getFileName() + " " + h.confident() + " "
                + h.edits().stream().map(Enum::name).sorted().toList()).toList());
    }

    /** {@code copy} looked up as /similar does (radius 8), its hits {@link #describe described}. */
    static String lookedUp(Gallery g, BufferedImage copy) {
        return describe(g.findDuplicates(TestImages.decoded(copy), 8));
    }

    /**
     * {@code copy} {@link #lookedUp looked up} in a gallery of {@code pictures} indexed in {@code tmp}: the openclipart
     * {@code fixtures} first, then random pictures from {@code seed} ({@link #fixturesThen}).
     */
    static String lookedUpAmong(Path tmp, int pictures, List<String> fixtures, int seed, BufferedImage copy) {
        try (Gallery g = indexed(tmp, pictures, fixturesThen(fixtures, seed))) {
            return lookedUp(g, copy);
        }
    }
    /** Each of {@code copies} {@link #lookedUp looked up} in one gallery of {@code pictures} indexed as {@link #lookedUpAmong} does. */
    static List<String> eachLookedUpAmong(Path tmp, int pictures, List<String> fixtures, int seed, List<BufferedImage> copies) {
        try (Gallery g = indexed(tmp, pictures, fixturesThen(fixtures, seed))) {
            return copies.stream().map(c -> lookedUp(g, c)).toList();
        }
    }

    /** A white frame {@code fraction} of the shorter side wide, as the evaluation's border+rotate+bright edit makes. */
    static BufferedImage framed(BufferedImage img, double fraction) {
        int b = (int) Math.round(Math.min(img.getWidth(), img.getHeight()) * fraction);
        return padded(img, b, b, Color.WHITE);
    }

    /** {@code img} with bands of {@code colour}, {@code bx} wide at the left and right and {@code by} at the top and bottom. */
    static BufferedImage padded(BufferedImage img, int bx, int by, Color colour) {
        BufferedImage out = new BufferedImage(img.getWidth() + 2 * bx, img.getHeight() + 2 * by, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(img, bx, by, null);
        g.dispose();
        return out;
    }

    /** A box blur of {@code radius} pixels (edges left as they are). */
    static BufferedImage boxBlur(BufferedImage img, int radius) {
        int n = 2 * radius + 1;
        float[] k = new float[n * n];
        Arrays.fill(k, 1f / k.length);
        return new ConvolveOp(new Kernel(n, n, k), ConvolveOp.EDGE_NO_OP, null).filter(img, null);
    }

    /**
     * {@code img} reduced to the evaluation's 512-pixel shorter side and blurred as its blur edit does: a box blur of a
     * 150th of that side, twice.
     */
    static BufferedImage blurredAsEvaluated(BufferedImage img) {
        BufferedImage reduced = TestImages.resized(img, 512.0 / Math.min(img.getWidth(), img.getHeight()));
        int radius = Math.max(1, 512 / 150);
        return boxBlur(boxBlur(reduced, radius), radius);
    }

    /** Keeps three quarters of the width and height, its top-left corner at {@code fx, fy} of the room left. */
    static BufferedImage quarterCrop(BufferedImage img, double fx, double fy) {
        return crop(img, 0.75, fx, fy);
    }

    /** Keeps {@code share} of the width and height, its top-left corner at {@code fx, fy} of the room left. */
    static BufferedImage crop(BufferedImage img, double share, double fx, double fy) {
        int w = (int) Math.round(img.getWidth() * share), h = (int) Math.round(img.getHeight() * share);
        int x = (int) Math.round((img.getWidth() - w) * fx), y = (int) Math.round((img.getHeight() - h) * fy);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.getGraphics().drawImage(img.getSubimage(x, y, w, h), 0, 0, null);
        return out;
    }

    /** For each {source, fx, fy} of {@code crops}, the quarter crop of that picture looked up: its first hit, a line each. */
    static String firstHitsOfQuarterCrops(Gallery g, double[][] crops, IntFunction<BufferedImage> picture) {
        List<String> lines = new ArrayList<>();
        for (double[] c : crops) {
            List<DuplicateHit> hits = g.findDuplicates(TestImages.decoded(quarterCrop(picture.apply((int) c[0]), c[1], c[2])), 8);
            lines.add(cropLabel(c) + (hits.isEmpty() ? "none" : describe(hits.subList(0, 1))));
        }
        return String.join("\n", lines);
    }

    /** What {@link #firstHitsOfQuarterCrops} gives when each crop's source is found first, named cropped. */
    static String sourcesFirstAsCropped(double[][] crops) {
        List<String> lines = new ArrayList<>();
        for (double[] c : crops) {
            lines.add(cropLabel(c) + "pic" + (int) c[0] + ".png true [CROPPED]");
        }
        return String.join("\n", lines);
    }

    /**
     * For each {source, share kept, fx, fy} of {@code crops}, that crop of the picture looked up: a line each with its first
     * hit, and what that line reads when the source is found first, named cropped.
     */
    static List<CropLine> firstHitsOfCrops(Gallery g, double[][] crops, IntFunction<BufferedImage> picture) {
        List<CropLine> lines = new ArrayList<>();
        for (double[] c : crops) {
            String label = String.format(Locale.ROOT, "pic%d %.2f at %.1f,%.1f: ", (int) c[0], c[1], c[2], c[3]);
            List<DuplicateHit> hits = g.findDuplicates(TestImages.decoded(crop(picture.apply((int) c[0]), c[1], c[2], c[3])), 8);
            lines.add(new CropLine(label + (hits.isEmpty() ? "none" : describe(hits.subList(0, 1))), label + "pic" + (int) c[0] + ".png true [CROPPED]"));
        }
        return lines;
    }

    /** A crop's first hit, and what it reads when the crop's source is found first, named cropped. */
    record CropLine(String found, String sourceFirst) {
        static String found(List<CropLine> lines) {
            return String.join("\n", lines.stream().map(CropLine::found).toList());
        }

        static String sourcesFirst(List<CropLine> lines) {
            return String.join("\n", lines.stream().map(CropLine::sourceFirst).toList());
        }
    }

    private static String cropLabel(double[] crop) {
        return String.format(Locale.ROOT, "pic%d at %.1f,%.1f: ", (int) crop[0], crop[1], crop[2]);
    }

    /** An openclipart fixture (public domain; src/test/resources/openclipart/NAME.png) composited on white. */
    static BufferedImage openclipart(String name) {
        try (InputStream in = RepostGalleries.class.getResourceAsStream("/openclipart/" + name + ".png")) {
            BufferedImage read = ImageIO.read(in);
            BufferedImage flat = new BufferedImage(read.getWidth(), read.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = flat.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, flat.getWidth(), flat.getHeight());
            g.drawImage(read, 0, 0, null);
            g.dispose();
            return flat;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The fixtures {@code names} indexed (as pic0.png, pic1.png, ... in that order), and each of the {@code copied} ones,
     * framed, turned by 4° each way and brightened ({@link #firstHitsOfFramedTurnedCopies}), finds its source first.
     */
    static void assertFramedTurnedCopiesFoundFirst(Path tmp, List<String> names, List<Integer> copied) {
        try (Gallery g = Gallery.open(options(tmp, names.size(), i -> openclipart(names.get(i))), new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            assertEquals(sourcesOfFramedTurnedCopies(names, copied), firstHitsOfFramedTurnedCopies(g, names, copied));
        }
    }

    /**
     * The {@code copied} fixtures of {@code names} (stored as pic0.png, pic1.png, ... in that order) framed, turned by 4°
     * each way and brightened, as the evaluation's border+rotate+bright: each copy's first hit, a line each.
     */
    static String firstHitsOfFramedTurnedCopies(Gallery g, List<String> names, List<Integer> copied) {
        List<String> lines = new ArrayList<>();
        for (int i : copied) {
            for (double degrees : TURNS) {
                BufferedImage copy = BrightenedCopyGalleryTest.levels(TestImages.rotated(framed(openclipart(names.get(i)), 0.04), degrees), 1.1, 0.05);
                List<DuplicateHit> hits = g.findDuplicates(TestImages.decoded(copy), 8);
                lines.add(turnLabel(names.get(i), degrees) + (hits.isEmpty() ? "none" : hits.get(0).entry().path().getFileName()));
            }
        }
        return String.join("\n", lines);
    }

    /** What {@link #firstHitsOfFramedTurnedCopies} gives when each copy's source is found first. */
    static String sourcesOfFramedTurnedCopies(List<String> names, List<Integer> copied) {
        List<String> lines = new ArrayList<>();
        for (int i : copied) {
            for (double degrees : TURNS) {
                lines.add(turnLabel(names.get(i), degrees) + "pic" + i + ".png");
            }
        }
        return String.join("\n", lines);
    }

    private static final double[] TURNS = {4, -4};

    private static String turnLabel(String name, double degrees) {
        return String.format(Locale.ROOT, "%s framed, turned %+.0f°, brightened: ", name, degrees);
    }

    /**
     * A 200x240 music note on white, as an icon set draws its variants: an oval head and a stem in near black, then
     * {@code mark}, the variant's own (a dot, a second head, a flag), drawn in the same colour.
     */
    static BufferedImage note(Consumer<Graphics2D> mark) {
        BufferedImage img = new BufferedImage(200, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(new Color(30, 30, 30));
        g.fill(new Ellipse2D.Double(40, 170, 70, 48));
        g.fillRect(100, 30, 10, 165);
        mark.accept(g);
        g.dispose();
        return img;
    }
}
