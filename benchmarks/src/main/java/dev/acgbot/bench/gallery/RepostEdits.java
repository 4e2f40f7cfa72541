package dev.acgbot.bench.gallery;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * The edits people make when reposting a picture (issue 12), each a pure function of the source and a seeded
 * random source (crop positions, rotation signs), so a rerun makes the very same copies.
 * WebP goes through the webp-imageio encoder the models module already ships (libwebp, lossy).
 */
final class RepostEdits {
    /** One kind of edit, named as the report prints it. */
    record Edit(String name, BiFunction<BufferedImage, Random, BufferedImage> apply) {
    }

    static final List<Edit> ALL = List.of(
            new Edit("resize 50%", (img, r) -> scale(img, 0.5, 0.5)),
            new Edit("resize 25%", (img, r) -> scale(img, 0.25, 0.25)),
            new Edit("jpeg q75", (img, r) -> jpeg(img, 0.75f)),
            new Edit("jpeg q40", (img, r) -> jpeg(img, 0.40f)),
            new Edit("webp q60", (img, r) -> webp(img, 0.60f)),
            new Edit("greyscale", (img, r) -> greyscale(img)),
            new Edit("brightness +20%", (img, r) -> levels(img, 1.0, 0.20)),
            new Edit("contrast +30%", (img, r) -> levels(img, 1.3, 0.0)),
            new Edit("blur", (img, r) -> blur(img, Math.max(1, Math.min(img.getWidth(), img.getHeight()) / 150))),
            new Edit("text watermark", (img, r) -> watermark(img, false)),
            new Edit("caption bar", (img, r) -> caption(img)),
            new Edit("border 5%", (img, r) -> border(img, 0.05, Color.BLACK)),
            new Edit("letterbox 16:9", (img, r) -> letterbox(img, 16.0 / 9.0)),
            new Edit("crop 10%", (img, r) -> crop(img, 0.10, r)),
            new Edit("crop 25%", (img, r) -> crop(img, 0.25, r)),
            new Edit("rotate 3°", (img, r) -> rotate(img, r.nextBoolean() ? 3 : -3)),
            new Edit("rotate 10°", (img, r) -> rotate(img, r.nextBoolean() ? 10 : -10)),
            new Edit("stretch 4:3", (img, r) -> scale(img, 1.0, 0.75)),
            new Edit("mirror", (img, r) -> mirror(img)),
            new Edit("crop+resize+jpeg", (img, r) -> jpeg(scale(crop(img, 0.10, r), 0.5, 0.5), 0.7f)),
            new Edit("border+rotate+bright", (img, r) -> levels(rotate(border(img, 0.04, Color.WHITE), r.nextBoolean() ? 4 : -4), 1.1, 0.05)),
            // not in the list: the same mark at the top left, so that what finds a watermark is not tuned to where
            // the first row puts it
            new Edit("watermark top-left", (img, r) -> watermark(img, true)));

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
        int w = Math.max(1, (int) Math.round(img.getWidth() * (1 - fraction)));
        int h = Math.max(1, (int) Math.round(img.getHeight() * (1 - fraction)));
        int x = random.nextInt(img.getWidth() - w + 1), y = random.nextInt(img.getHeight() - h + 1);
        return copy(img.getSubimage(x, y, w, h));
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
