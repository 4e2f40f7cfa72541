package dev.acgbot.bench.gallery;

import dev.acgbot.gallery.RepostEdit;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Reference;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The edits people make when reposting a picture (issue 12), each a pure function of the source and a seeded
 * random source (crop positions, rotation signs), so a rerun makes the very same copies.
 * WebP goes through the webp-imageio encoder the models module already ships (libwebp, lossy).
 */
final class RepostEdits {
    /** The edits that change where the picture lies in the copy: the ones a reply names it by ("cropped", "border"). */
    static final Set<RepostEdit> GEOMETRY = Set.copyOf(EnumSet.of(RepostEdit.CROPPED, RepostEdit.BORDER, RepostEdit.ROTATED,
            RepostEdit.MIRRORED, RepostEdit.STRETCHED));

    /**
     * The {@link #GEOMETRY} edits a copy shows of the source, and those it may also be named by without being misnamed
     * (a turn on the same canvas cuts the corners off and leaves white ones).
     */
    record Shown(Set<RepostEdit> shows, Set<RepostEdit> mayShow) {
        static final Shown NOTHING = new Shown(Set.of(), Set.of());

        /**
         * Whether a hit named with {@code edits} names how the copy was made: every geometry edit it shows, and no other
         * but those it may show. Colour and marks are left out: a greyscale copy of a grey drawing is not recoloured.
         */
        boolean namedBy(Set<RepostEdit> edits) {
            Set<RepostEdit> named = EnumSet.noneOf(RepostEdit.class);
            edits.stream().filter(GEOMETRY::contains).forEach(named::add);
            return named.containsAll(shows) && named.stream().allMatch(e -> shows.contains(e) || mayShow.contains(e));
        }

        /** What a copy of a picture that is its own mirror image ({@link #ownMirror}) shows: mirrored or not, either way. */
        Shown ofOwnMirror() {
            Set<RepostEdit> seen = EnumSet.noneOf(RepostEdit.class), may = EnumSet.of(RepostEdit.MIRRORED);
            seen.addAll(shows);
            seen.remove(RepostEdit.MIRRORED);
            may.addAll(mayShow);
            return new Shown(Set.copyOf(seen), Set.copyOf(may));
        }
    }

    /** The correlation with its own mirror image from which a drawing is left-right symmetric ({@link #ownMirror}). */
    static final double OWN_MIRROR = 0.98;
    private static final int MIRROR_GRID = 64;

    /**
     * Whether the drawing ({@link #drawn}) is its own mirror image: its grey levels, as 64x64 area means, correlate with
     * their mirror image at {@value #OWN_MIRROR} or more. A mirrored copy of it shows nothing, and any copy of it may be
     * named mirrored (a dotted grid, a striped flag, an arrow pointing up: 0.98-1.00; a left arrow 0.62, the flag of
     * Grenada, whose nutmeg sits on one side, 0.97).
     */
    static boolean ownMirror(BufferedImage img) {
        return mirrorCorrelation(img) >= OWN_MIRROR;
    }

    /** Pixels the mirror image may lie off the drawing's bounds and still count as the same: anti-aliasing moves them. */
    private static final int MIRROR_SHIFT = 2;

    /**
     * How well the drawing ({@link #drawn}) correlates with its mirror image: grey levels as {@value #MIRROR_GRID}x
     * {@value #MIRROR_GRID} cell means, the mirror image moved up to {@value #MIRROR_SHIFT} pixels sideways (the best).
     */
    static double mirrorCorrelation(BufferedImage img) {
        Rectangle d = drawn(img);
        if (d.isEmpty()) {
            return 1;
        }
        double[] luma = new double[d.width * d.height];
        for (int y = 0; y < d.height; y++) {
            for (int x = 0; x < d.width; x++) {
                int rgb = img.getRGB(d.x + x, d.y + y);
                luma[y * d.width + x] = (299 * (rgb >> 16 & 0xFF) + 587 * (rgb >> 8 & 0xFF) + 114 * (rgb & 0xFF)) / 1000.0;
            }
        }
        double[] own = binned(luma, d.width, d.height);
        double best = -1;
        for (int shift = -MIRROR_SHIFT; shift <= MIRROR_SHIFT; shift++) {
            double[] flipped = new double[luma.length];
            for (int y = 0; y < d.height; y++) {
                for (int x = 0; x < d.width; x++) {
                    int from = d.width - 1 - x + shift;
                    flipped[y * d.width + x] = from < 0 || from >= d.width ? 255 : luma[y * d.width + from];
                }
            }
            // both binned alike, so a picture that is its own mirror image bins to equal grids whatever its size
            best = Math.max(best, correlation(own, binned(flipped, d.width, d.height)));
        }
        return best;
    }

    /** {@code values} ({@code w} x {@code h}) as {@value #MIRROR_GRID}x{@value #MIRROR_GRID} cell means, white where a cell holds no pixel. */
    private static double[] binned(double[] values, int w, int h) {
        int n = MIRROR_GRID;
        double[] sum = new double[n * n];
        int[] count = new int[n * n];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int cell = (int) ((long) y * n / h) * n + (int) ((long) x * n / w);
                sum[cell] += values[y * w + x];
                count[cell]++;
            }
        }
        for (int i = 0; i < n * n; i++) {
            sum[i] = count[i] == 0 ? 255 : sum[i] / count[i];
        }
        return sum;
    }

    /** Pearson's correlation; 1 for two flat arrays. */
    static double correlation(double[] a, double[] b) {
        double ma = java.util.Arrays.stream(a).average().orElse(0), mb = java.util.Arrays.stream(b).average().orElse(0);
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (a[i] - ma) * (b[i] - mb);
            aa += (a[i] - ma) * (a[i] - ma);
            bb += (b[i] - mb) * (b[i] - mb);
        }
        return aa == 0 || bb == 0 ? 1 : ab / Math.sqrt(aa * bb);
    }

    /**
     * A copy, what it shows of the source, and the window of the source it was cut from, pixel for pixel, before any
     * other edit ({@link CropTwins}); empty where the edit cut no window.
     */
    record Copy(BufferedImage image, Shown shown, Optional<Rectangle> cut) {
        Copy(BufferedImage image, Shown shown) {
            this(image, shown, Optional.empty());
        }
    }

    /** One kind of edit, named as the report prints it: it makes each copy and says what that copy shows. */
    record Edit(String name, BiFunction<BufferedImage, Random, Copy> make) {
        static Edit of(String name, BiFunction<BufferedImage, Random, BufferedImage> apply) {
            return showing(name, Set.of(), Set.of(), apply);
        }

        static Edit showing(String name, Set<RepostEdit> shows, BiFunction<BufferedImage, Random, BufferedImage> apply) {
            return showing(name, shows, Set.of(), apply);
        }

        static Edit showing(String name, Set<RepostEdit> shows, Set<RepostEdit> mayShow, BiFunction<BufferedImage, Random, BufferedImage> apply) {
            Shown shown = new Shown(shows, mayShow);
            return new Edit(name, (img, r) -> new Copy(apply.apply(img, r), shown));
        }
    }

    private static final Set<RepostEdit> TURN_CANVAS = Set.of(RepostEdit.CROPPED, RepostEdit.BORDER);
    private static final Set<RepostEdit> CROP = Set.of(RepostEdit.CROPPED);

    static final List<Edit> ALL = List.of(
            Edit.of("resize 50%", (img, r) -> scale(img, 0.5, 0.5)),
            Edit.of("resize 25%", (img, r) -> scale(img, 0.25, 0.25)),
            // enlarged, as communities upscale small art (waifu2x and the like); the sources are reduced to 512 px on the
            // shorter side first, so a copy's shorter side is at most 1,024 px
            Edit.of("upscale 200%", (img, r) -> enlarge(img, 2.0)),
            Edit.of("upscale 150%", (img, r) -> enlarge(img, 1.5)),
            Edit.of("jpeg q75", (img, r) -> jpeg(img, 0.75f)),
            Edit.of("jpeg q40", (img, r) -> jpeg(img, 0.40f)),
            Edit.of("webp q60", (img, r) -> webp(img, 0.60f)),
            Edit.of("greyscale", (img, r) -> greyscale(img)),
            Edit.of("brightness +20%", (img, r) -> levels(img, 1.0, 0.20)),
            Edit.of("contrast +30%", (img, r) -> levels(img, 1.3, 0.0)),
            Edit.of("blur", (img, r) -> blur(img, Math.max(1, Math.min(img.getWidth(), img.getHeight()) / 150))),
            Edit.of("text watermark", (img, r) -> watermark(img, false)),
            // a band added above the picture: a border with words on it, or a mark painted over
            Edit.showing("caption bar", Set.of(), Set.of(RepostEdit.BORDER), (img, r) -> caption(img)),
            Edit.showing("border 5%", Set.of(RepostEdit.BORDER), (img, r) -> border(img, 0.05, Color.BLACK)),
            Edit.showing("letterbox 16:9", Set.of(RepostEdit.BORDER), (img, r) -> letterbox(img, 16.0 / 9.0)),
            new Edit("crop 10%", (img, r) -> cropped(img, 0.10, r)),
            new Edit("crop 25%", (img, r) -> cropped(img, 0.25, r)),
            Edit.showing("rotate 3°", Set.of(RepostEdit.ROTATED), TURN_CANVAS, (img, r) -> rotate(img, r.nextBoolean() ? 3 : -3)),
            Edit.showing("rotate 10°", Set.of(RepostEdit.ROTATED), TURN_CANVAS, (img, r) -> rotate(img, r.nextBoolean() ? 10 : -10)),
            Edit.showing("stretch 4:3", Set.of(RepostEdit.STRETCHED), (img, r) -> scale(img, 1.0, 0.75)),
            Edit.showing("mirror", Set.of(RepostEdit.MIRRORED), (img, r) -> mirror(img)),
            new Edit("crop+resize+jpeg", (img, r) -> {
                Copy crop = cropped(img, 0.10, r);
                return new Copy(jpeg(scale(crop.image(), 0.5, 0.5), 0.7f), crop.shown(), crop.cut());
            }),
            // the white border of a drawing on white is trimmed away with the page's margins: only the turn is sure to show
            Edit.showing("border+rotate+bright", Set.of(RepostEdit.ROTATED), TURN_CANVAS,
                    (img, r) -> levels(rotate(border(img, 0.04, Color.WHITE), r.nextBoolean() ? 4 : -4), 1.1, 0.05)),
            // not in the list: the same mark at the top left, so that what finds a watermark is not tuned to where
            // the first row puts it
            Edit.of("watermark top-left", (img, r) -> watermark(img, true)));

    private RepostEdits() {
    }

    static BufferedImage scale(BufferedImage img, double fx, double fy) {
        int w = Math.max(1, (int) Math.round(img.getWidth() * fx)), h = Math.max(1, (int) Math.round(img.getHeight() * fy));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(img.getScaledInstance(w, h, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        return out;
    }

    /** Bicubic enlargement: smooth edges, as an upscaler leaves them (area averaging only repeats pixels when it enlarges). */
    static BufferedImage enlarge(BufferedImage img, double factor) {
        int w = (int) Math.round(img.getWidth() * factor), h = (int) Math.round(img.getHeight() * factor);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(img, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    static BufferedImage jpeg(BufferedImage img, float quality) {
        return encoded(img, "jpeg", null, quality);
    }

    static BufferedImage webp(BufferedImage img, float quality) {
        return encoded(img, "webp", "Lossy", quality);
    }

    private static BufferedImage encoded(BufferedImage img, String format, String compressionType, float quality) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            if (compressionType != null) {
                p.setCompressionType(compressionType);
            }
            p.setCompressionQuality(quality);
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(img, null, null), p);
            } finally {
                // webp-imageio frees libwebp's encoder options from a Cleaner registered on the parameter object, which
                // nothing here referenced during the native encode: the evaluation's JVM died in libwebp's encode
                // (SIGSEGV, null address) on a WebP copy in a run of five samples (round 27)
                Reference.reachabilityFence(p);
            }
            writer.dispose();
            return rgb(ImageIO.read(new ByteArrayInputStream(bytes.toByteArray())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage greyscale(BufferedImage img) {
        return mapPixels(img, (r, g, b) -> {
            int y = (int) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
            return y << 16 | y << 8 | y;
        });
    }

    /** {@code out = (in - 128) * contrast + 128 + 255 * lift}, clamped. */
    static BufferedImage levels(BufferedImage img, double contrast, double lift) {
        return mapPixels(img, (r, g, b) -> clamp((r - 128) * contrast + 128 + 255 * lift) << 16
                | clamp((g - 128) * contrast + 128 + 255 * lift) << 8 | clamp((b - 128) * contrast + 128 + 255 * lift));
    }

    /** Box blur of the given radius, twice (close to a Gaussian). */
    static BufferedImage blur(BufferedImage img, int radius) {
        int w = img.getWidth(), h = img.getHeight();
        int[] px = img.getRGB(0, 0, w, h, null, 0, w);
        for (int pass = 0; pass < 2; pass++) {
            px = boxPass(px, w, h, radius, true);
            px = boxPass(px, w, h, radius, false);
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, px, 0, w);
        return out;
    }

    private static int[] boxPass(int[] px, int w, int h, int radius, boolean horizontal) {
        int[] out = new int[px.length];
        int lines = horizontal ? h : w, len = horizontal ? w : h;
        for (int l = 0; l < lines; l++) {
            for (int i = 0; i < len; i++) {
                int sr = 0, sg = 0, sb = 0, n = 0;
                for (int k = Math.max(0, i - radius); k <= Math.min(len - 1, i + radius); k++) {
                    int p = px[horizontal ? l * w + k : k * w + l];
                    sr += p >> 16 & 0xFF;
                    sg += p >> 8 & 0xFF;
                    sb += p & 0xFF;
                    n++;
                }
                out[horizontal ? l * w + i : i * w + l] = (sr / n) << 16 | (sg / n) << 8 | sb / n;
            }
        }
        return out;
    }

    /** A semi-transparent signature in the lower right corner, as reposting sites add. */
    /** A grey semi-transparent site mark, bottom right (or top left), a fifteenth of the height tall. */
    static BufferedImage watermark(BufferedImage img, boolean topLeft) {
        BufferedImage out = copy(img);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int size = Math.max(8, img.getHeight() / 15);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
        String text = "@acgbot repost";
        int w = g.getFontMetrics().stringWidth(text);
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.7f));
        g.setColor(Color.GRAY);
        if (topLeft) {
            g.drawString(text, size / 2, size / 2 + g.getFontMetrics().getAscent());
        } else {
            g.drawString(text, Math.max(0, img.getWidth() - w - size / 2), img.getHeight() - size / 2);
        }
        g.dispose();
        return out;
    }

    /** A white band with black text above the picture, 15 % of its height (a meme caption). */
    static BufferedImage caption(BufferedImage img) {
        int band = Math.max(8, img.getHeight() * 15 / 100);
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight() + band, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), band);
        g.drawImage(img, 0, band, null);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(6, band / 2)));
        g.drawString("when the repost hits", band / 3, band * 2 / 3);
        g.dispose();
        return out;
    }

    /** A uniform frame {@code fraction} of the shorter side wide on every side. */
    static BufferedImage border(BufferedImage img, double fraction, Color colour) {
        int b = Math.max(1, (int) Math.round(Math.min(img.getWidth(), img.getHeight()) * fraction));
        return pad(img, b, b, colour);
    }

    /** Black bars that bring the picture to {@code aspect} (width / height), as a video frame or a phone crop. */
    static BufferedImage letterbox(BufferedImage img, double aspect) {
        double a = (double) img.getWidth() / img.getHeight();
        if (Math.abs(a - aspect) < 0.05) {
            aspect = 1.0; // already that shape: pillarbox to a square instead, so every query gets bars
        }
        if (a < aspect) {
            return pad(img, (int) Math.round((img.getHeight() * aspect - img.getWidth()) / 2), 0, Color.BLACK);
        }
        return pad(img, 0, (int) Math.round((img.getWidth() / aspect - img.getHeight()) / 2), Color.BLACK);
    }

    private static BufferedImage pad(BufferedImage img, int bx, int by, Color colour) {
        BufferedImage out = new BufferedImage(img.getWidth() + 2 * bx, img.getHeight() + 2 * by, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(img, bx, by, null);
        g.dispose();
        return out;
    }

    /** Keeps {@code 1 - fraction} of the width and of the height at a random position. */
    static BufferedImage crop(BufferedImage img, double fraction, Random random) {
        return cropped(img, fraction, random).image();
    }

    /**
     * The share of the drawing's width or height a crop keeps at most for its copy to show cropped: the verifier names a
     * crop from 10 % off a side ({@code RepostVerifier.Pose.cropped}, as a greyscale copy may trim a line more), and at
     * 0.88-1 a hit may name it either way.
     */
    static final double SHOWS_CROPPED = 0.88;
    /**
     * The share of the drawing's area a crop window keeps at least: one keeping less is moved over the drawing. A quarter
     * crop of a page with a small drawing in a corner kept none of it (`oh_stefan_alfredsson_01`, seed 77: a white copy).
     */
    static final double KEPT_DRAWING = 0.5;

    private static double area(Rectangle r) {
        return r.isEmpty() ? 0 : (double) r.width * r.height;
    }

    /**
     * {@link #crop}, showing as cropped only when it cut enough of the drawing ({@link #SHOWS_CROPPED}): a tenth cut off a
     * page's white margin leaves the drawing whole, and a hit that calls it the same picture is right.
     */
    static Copy cropped(BufferedImage img, double fraction, Random random) {
        int w = Math.max(1, (int) Math.round(img.getWidth() * (1 - fraction)));
        int h = Math.max(1, (int) Math.round(img.getHeight() * (1 - fraction)));
        int x = random.nextInt(img.getWidth() - w + 1), y = random.nextInt(img.getHeight() - h + 1);
        Rectangle drawing = drawn(img);
        if (!drawing.isEmpty() && area(drawing.intersection(new Rectangle(x, y, w, h))) < KEPT_DRAWING * area(drawing)) {
            // a blank corner of a page is no repost of its drawing: the window is moved over the drawing's centre (no
            // other random draw, so every other copy stays as it was)
            x = Math.clamp(Math.round(drawing.getCenterX() - w / 2.0), 0, img.getWidth() - w);
            y = Math.clamp(Math.round(drawing.getCenterY() - h / 2.0), 0, img.getHeight() - h);
        }
        BufferedImage copy = copy(img.getSubimage(x, y, w, h));
        Rectangle window = new Rectangle(x, y, w, h);
        Rectangle kept = drawing.intersection(window);
        if (drawing.isEmpty() || kept.equals(drawing)) {
            return new Copy(copy, Shown.NOTHING, Optional.of(window));
        }
        double share = Math.min((double) kept.width / drawing.width, (double) kept.height / drawing.height);
        return new Copy(copy, share <= SHOWS_CROPPED ? new Shown(CROP, Set.of()) : new Shown(Set.of(), CROP), Optional.of(window));
    }

    /** The bounds of the pixels that are not near white (luma under 235, as {@link SourceKind} counts them). */
    static Rectangle drawn(BufferedImage img) {
        int x0 = img.getWidth(), y0 = img.getHeight(), x1 = -1, y1 = -1;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int luma = (299 * (rgb >> 16 & 0xFF) + 587 * (rgb >> 8 & 0xFF) + 114 * (rgb & 0xFF)) / 1000;
                if (luma < 235) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return x1 < 0 ? new Rectangle() : new Rectangle(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }

    /** Rotates about the centre on the same canvas; the uncovered corners are white, as most editors fill. */
    static BufferedImage rotate(BufferedImage img, double degrees) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setTransform(AffineTransform.getRotateInstance(Math.toRadians(degrees), img.getWidth() / 2.0, img.getHeight() / 2.0));
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return out;
    }

    static BufferedImage mirror(BufferedImage img) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(img, img.getWidth(), 0, -img.getWidth(), img.getHeight(), null);
        g.dispose();
        return out;
    }

    private interface PixelMap {
        int map(int r, int g, int b);
    }

    private static BufferedImage mapPixels(BufferedImage img, PixelMap f) {
        int w = img.getWidth(), h = img.getHeight();
        int[] px = img.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            px[i] = f.map(p >> 16 & 0xFF, p >> 8 & 0xFF, p & 0xFF);
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, px, 0, w);
        return out;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static BufferedImage copy(BufferedImage img) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return out;
    }

    private static BufferedImage rgb(BufferedImage img) {
        return img.getType() == BufferedImage.TYPE_INT_RGB ? img : copy(img);
    }
}
