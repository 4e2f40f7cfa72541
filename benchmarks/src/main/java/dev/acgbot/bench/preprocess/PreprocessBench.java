package dev.acgbot.bench.preprocess;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.acgbot.models.image.DecodeLimits;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.image.ImageDecodeException;
import dev.acgbot.models.image.ImageDecoder;
import dev.acgbot.models.preprocess.ImageOps;
import dev.acgbot.models.preprocess.PreprocessSpec;
import dev.acgbot.models.preprocess.Preprocessor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import dev.acgbot.models.preprocess.PreprocessSpec.AlphaMode;
import dev.acgbot.models.preprocess.PreprocessSpec.ColorOrder;
import dev.acgbot.models.preprocess.PreprocessSpec.Interpolation;
import dev.acgbot.models.preprocess.PreprocessSpec.Layout;
import dev.acgbot.models.preprocess.PreprocessSpec.ResizeMode;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * Preprocessing throughput on one core: images per second for each shipped tensor layout, from a decoded
 * 1920x1080 picture and from its JPEG file (decode + preprocess), plus JPEG decoding alone. Not a test: run
 * it, read the table. Each row runs for the given seconds after a short warm-up.
 *
 * {@code ./acgbot bench preprocess [--json FILE] [--seconds S] [--image FILE]}; {@code bench inference} prints the
 * same table first.
 *
 * The picture is the image file when given, else a GNOME wallpaper when installed, else a generated one;
 * the table says which.
 */
@Command(name = "preprocess", mixinStandardHelpOptions = true,
        description = "Preprocessing throughput per shipped layout on one core (decode, preprocess, both).")
public final class PreprocessBench implements Callable<Integer> {
    private static final float[] CLIP_MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
    private static final float[] CLIP_STD = {0.26862954f, 0.26130258f, 0.27577711f};
    private static final Path WALLPAPER = Path.of("/usr/share/backgrounds/gnome/adwaita-d.webp");
    private static final int WIDTH = 1920;
    private static final int HEIGHT = 1080;

    /** The shapes of the four shipped layouts (the models' manifests are the source of truth). */
    public static final Map<String, PreprocessSpec> LAYOUTS = layouts();

    @Option(names = "--json", paramLabel = "FILE", description = "also write the rows as JSON")
    Path json;
    @Option(names = "--seconds", defaultValue = "3", description = "measuring time per row (default ${DEFAULT-VALUE})")
    int seconds;
    @Option(names = "--image", paramLabel = "FILE", description = "the picture (default: a GNOME wallpaper when installed, else a generated one)")
    Path image;

    private static Map<String, PreprocessSpec> layouts() {
        Map<String, PreprocessSpec> m = new LinkedHashMap<>();
        m.put("wd-v3", new PreprocessSpec(448, 448, ResizeMode.PAD_SQUARE_WHITE, Interpolation.BICUBIC,
                AlphaMode.COMPOSITE_WHITE, ColorOrder.BGR, Layout.NHWC, 1f, null, null));
        m.put("joytag", new PreprocessSpec(448, 448, ResizeMode.PAD_SQUARE_WHITE, Interpolation.BICUBIC,
                AlphaMode.DROP, ColorOrder.RGB, Layout.NCHW, 1f / 255f, CLIP_MEAN, CLIP_STD));
        m.put("cn-clip", new PreprocessSpec(224, 224, ResizeMode.SQUASH, Interpolation.BICUBIC,
                AlphaMode.DROP, ColorOrder.RGB, Layout.NCHW, 1f / 255f, CLIP_MEAN, CLIP_STD));
        m.put("openclip", new PreprocessSpec(224, 224, ResizeMode.SHORTER_SIDE_CENTER_CROP, Interpolation.BICUBIC,
                AlphaMode.DROP, ColorOrder.RGB, Layout.NCHW, 1f / 255f, CLIP_MEAN, CLIP_STD));
        return m;
    }

    /**
     * Measures every layout for about {@code seconds} each (plus a short warm-up), single-threaded, on the
     * default picture; 9 rows after a common warm-up, so the call takes about 2 + 9 x 1.5 x seconds. Row keys: {@code task}
     * (decode, preprocess, decode+preprocess), {@code layout}, {@code source}, {@code imagesPerSecond},
     * {@code msPerImage} (wall clock), {@code imagesPerCpuSecond}, {@code cpuMsPerImage} (median per-image
     * thread CPU time, when the JVM supports it: images per second per core on a busy machine),
     * {@code iterations}, {@code threads}.
     */
    public static List<Map<String, Object>> run(int seconds) {
        return run(seconds, null);
    }

    static List<Map<String, Object>> run(int seconds, Path imageFile) {
        Source source = source(imageFile);
        byte[] jpeg = jpeg(source.image);
        ImageDecoder decoder = new ImageDecoder(DecodeLimits.defaults());
        long nanos = Math.max(1, seconds) * 1_000_000_000L;
        // every code path gets compiled before any row is timed, so the first row is not charged for the JIT
        long warmUntil = System.nanoTime() + Math.max(2_000_000_000L, nanos);
        do {
            DecodedImage decoded = decode(decoder, jpeg);
            for (PreprocessSpec spec : LAYOUTS.values()) {
                Preprocessor.preprocess(decoded, spec);
                Preprocessor.preprocess(source.image, spec);
            }
        } while (System.nanoTime() < warmUntil);
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(measure("decode", "-", source.label + " as JPEG q90", nanos, () -> decode(decoder, jpeg)));
        for (Map.Entry<String, PreprocessSpec> e : LAYOUTS.entrySet()) {
            PreprocessSpec spec = e.getValue();
            float[] tensor = new float[spec.tensorSize()];
            rows.add(measure("preprocess", e.getKey(), source.label, nanos,
                    () -> Preprocessor.preprocessInto(source.image, spec, tensor, 0)));
            rows.add(measure("decode+preprocess", e.getKey(), source.label + " as JPEG q90", nanos,
                    () -> Preprocessor.preprocessInto(decode(decoder, jpeg), spec, tensor, 0)));
        }
        return rows;
    }

    private static DecodedImage decode(ImageDecoder decoder, byte[] jpeg) {
        try {
            return decoder.decode(jpeg);
        } catch (ImageDecodeException e) {
            throw new IllegalStateException("benchmark JPEG failed to decode", e);
        }
    }

    /**
     * Runs {@code work} on this thread for about {@code nanos}. Reports wall-clock throughput and, where the JVM
     * measures thread CPU time, throughput per core from CPU time, which stays honest on a shared machine
     * where this thread does not get a core to itself.
     */
    private static Map<String, Object> measure(String task, String layout, String source, long nanos, Runnable work) {
        long warmEnd = System.nanoTime() + Math.min(nanos / 2, 1_000_000_000L);
        while (System.nanoTime() < warmEnd) {
            work.run();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuClock = threads.isCurrentThreadCpuTimeSupported();
        long[] cpu = new long[1024];
        long start = System.nanoTime();
        long end = start + nanos;
        int iterations = 0;
        long now;
        do {
            long before = cpuClock ? threads.getCurrentThreadCpuTime() : 0;
            work.run();
            if (cpuClock) {
                if (iterations == cpu.length) {
                    cpu = java.util.Arrays.copyOf(cpu, cpu.length * 2);
                }
                cpu[iterations] = threads.getCurrentThreadCpuTime() - before;
            }
            iterations++;
            now = System.nanoTime();
        } while (now < end);
        double wallMs = (now - start) / 1e6 / iterations;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("task", task);
        row.put("layout", layout);
        row.put("source", source);
        row.put("imagesPerSecond", round1(1000.0 / wallMs));
        row.put("msPerImage", round3(wallMs));
        if (cpuClock) {
            // the median iteration's own CPU time: other processes on a shared machine neither add to it nor
            // (unlike the mean) let one descheduled outlier skew it
            long[] sorted = java.util.Arrays.copyOf(cpu, iterations);
            java.util.Arrays.sort(sorted);
            double cpuMs = sorted[iterations / 2] / 1e6;
            row.put("imagesPerCpuSecond", round1(1000.0 / cpuMs));
            row.put("cpuMsPerImage", round3(cpuMs));
        }
        row.put("iterations", iterations);
        row.put("threads", 1);
        return row;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private record Source(DecodedImage image, String label) {
    }

    private static Source source(Path imageFile) {
        ImageDecoder decoder = new ImageDecoder(new DecodeLimits(Long.MAX_VALUE, Long.MAX_VALUE));
        Path path = imageFile != null ? imageFile : Files.isReadable(WALLPAPER) ? WALLPAPER : null;
        if (path != null) {
            try {
                DecodedImage img = decoder.decode(path);
                return new Source(toFullHd(img), WIDTH + "x" + HEIGHT + " from " + path.getFileName());
            } catch (ImageDecodeException e) {
                if (imageFile != null) {
                    throw new IllegalArgumentException("cannot decode " + imageFile + ": " + e.getMessage(), e);
                }
            }
        }
        return new Source(generated(), WIDTH + "x" + HEIGHT + " generated");
    }

    /** Centre crop to 16:9, then Lanczos to 1920x1080. */
    private static DecodedImage toFullHd(DecodedImage img) {
        int w = img.width();
        int h = img.height();
        int cw = Math.min(w, h * WIDTH / HEIGHT);
        int ch = Math.min(h, w * HEIGHT / WIDTH);
        int x0 = (w - cw) / 2;
        int y0 = (h - ch) / 2;
        int[] crop = new int[cw * ch];
        for (int y = 0; y < ch; y++) {
            System.arraycopy(img.argb(), (y0 + y) * w + x0, crop, y * cw, cw);
        }
        return ImageOps.resize(new DecodedImage(cw, ch, crop, false), WIDTH, HEIGHT, Interpolation.LANCZOS);
    }

    /** Smooth gradients with fine noise, so neither the encoder nor the resampler gets an easy ride. */
    private static DecodedImage generated() {
        Random random = new Random(42);
        int[] argb = new int[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int r = (x * 255 / WIDTH + random.nextInt(24)) & 0xFF;
                int g = (y * 255 / HEIGHT + random.nextInt(24)) & 0xFF;
                int b = ((x + y) * 255 / (WIDTH + HEIGHT) + random.nextInt(24)) & 0xFF;
                argb[y * WIDTH + x] = 0xFF000000 | r << 16 | g << 8 | b;
            }
        }
        return new DecodedImage(WIDTH, HEIGHT, argb, false);
    }

    private static byte[] jpeg(DecodedImage img) {
        BufferedImage buffered = new BufferedImage(img.width(), img.height(), BufferedImage.TYPE_INT_RGB);
        buffered.setRGB(0, 0, img.width(), img.height(), img.argb(), 0, img.width());
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            writer.write(null, new IIOImage(buffered, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    @Override
    public Integer call() throws IOException {
        List<Map<String, Object>> rows = run(seconds, image);
        System.out.printf(Locale.ROOT, "%-18s %-9s %10s %10s %12s %12s  %s%n", "task", "layout", "images/s",
                "ms/image", "img/cpu-s", "cpu-ms/img", "source");
        for (Map<String, Object> r : rows) {
            System.out.printf(Locale.ROOT, "%-18s %-9s %10.1f %10.3f %12s %12s  %s%n", r.get("task"), r.get("layout"),
                    r.get("imagesPerSecond"), r.get("msPerImage"), r.getOrDefault("imagesPerCpuSecond", "-"),
                    r.getOrDefault("cpuMsPerImage", "-"), r.get("source"));
        }
        if (json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("benchmark", "preprocess");
            doc.put("java", System.getProperty("java.version"));
            doc.put("cpu", Runtime.getRuntime().availableProcessors() + " available processors, 1 thread used");
            doc.put("rows", rows);
            Path parent = json.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), doc);
            System.out.println("wrote " + json);
        }
        return 0;
    }
}
