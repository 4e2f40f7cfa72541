package dev.acgbot.gallery.testing;

import dev.acgbot.models.image.DecodedImage;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Generated test pictures (random coloured shapes) and the transforms duplicates must survive. */
public final class TestImages {
    private TestImages() {
    }

    /** A 160x120 picture of random rectangles and ovals; different seeds give unrelated pictures. */
    public static BufferedImage picture(long seed) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
        g.fillRect(0, 0, 160, 120);
        for (int i = 0; i < 8; i++) {
            g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
            int x = r.nextInt(140), y = r.nextInt(100), w = 20 + r.nextInt(80), h = 20 + r.nextInt(60);
            if (r.nextBoolean()) {
                g.fillRect(x, y, w, h);
            } else {
                g.fillOval(x, y, w, h);
            }
        }
        g.dispose();
        return img;
    }

    public static Path writePng(BufferedImage img, Path file) {
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(img, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DecodedImage decoded(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        return new DecodedImage(w, h, img.getRGB(0, 0, w, h, null, 0, w), false);
    }

    /** The picture in grey, ITU-R 601 luma in every channel (as the benchmarks' greyscale repost edit). */
    public static BufferedImage greyscale(BufferedImage img) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                int l = (int) Math.round(0.299 * (p >> 16 & 0xFF) + 0.587 * (p >> 8 & 0xFF) + 0.114 * (p & 0xFF));
                out.setRGB(x, y, l << 16 | l << 8 | l);
            }
        }
        return out;
    }

    public static BufferedImage resized(BufferedImage img, double factor) {
        int w = (int) Math.round(img.getWidth() * factor), h = (int) Math.round(img.getHeight() * factor);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** Enlarged {@code factor} times, bicubic: smooth edges, as an upscaler leaves them (the benchmarks' upscale edit). */
    public static BufferedImage enlarged(BufferedImage img, double factor) {
        int w = (int) Math.round(img.getWidth() * factor), h = (int) Math.round(img.getHeight() * factor);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(img, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    public static BufferedImage brighter(BufferedImage img, double factor) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                int r = Math.min(255, (int) ((p >> 16 & 0xFF) * factor));
                int g = Math.min(255, (int) ((p >> 8 & 0xFF) * factor));
                int b = Math.min(255, (int) ((p & 0xFF) * factor));
                out.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return out;
    }

    /** Every channel lifted by {@code levels} and clamped, as the evaluation's "brightness +20%" edit does (51 levels). */
    public static BufferedImage lifted(BufferedImage img, int levels) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                int r = Math.min(255, (p >> 16 & 0xFF) + levels), g = Math.min(255, (p >> 8 & 0xFF) + levels), b = Math.min(255, (p & 0xFF) + levels);
                out.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return out;
    }

    public static BufferedImage mirrored(BufferedImage img) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                out.setRGB(img.getWidth() - 1 - x, y, img.getRGB(x, y));
            }
        }
        return out;
    }

    /** Turned by {@code degrees} about the centre on the same canvas, the corners white (as the benchmarks' repost edit does). */
    public static BufferedImage rotated(BufferedImage img, double degrees) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setTransform(java.awt.geom.AffineTransform.getRotateInstance(Math.toRadians(degrees), img.getWidth() / 2.0, img.getHeight() / 2.0));
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return out;
    }

    /** Keeps the centre, cutting {@code fraction} of each dimension in total. */
    public static BufferedImage cropped(BufferedImage img, double fraction) {
        int dx = (int) (img.getWidth() * fraction / 2), dy = (int) (img.getHeight() * fraction / 2);
        BufferedImage sub = img.getSubimage(dx, dy, img.getWidth() - 2 * dx, img.getHeight() - 2 * dy);
        BufferedImage out = new BufferedImage(sub.getWidth(), sub.getHeight(), BufferedImage.TYPE_INT_RGB);
        out.getGraphics().drawImage(sub, 0, 0, null);
        return out;
    }

    /** A white band of 15 % of the picture's height with black text, above or below it (a meme caption). */
    public static BufferedImage captioned(BufferedImage img, boolean above) {
        int band = Math.max(8, img.getHeight() * 15 / 100);
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight() + band, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(img, 0, above ? band : 0, null);
        g.setColor(Color.BLACK);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, Math.max(6, band / 2)));
        g.drawString("when the repost hits", band / 3, (above ? 0 : img.getHeight()) + band * 2 / 3);
        g.dispose();
        return out;
    }

    public static BufferedImage jpegRoundTrip(BufferedImage img, float quality) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(img, null, null), p);
            }
            writer.dispose();
            return ImageIO.read(new java.io.ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
