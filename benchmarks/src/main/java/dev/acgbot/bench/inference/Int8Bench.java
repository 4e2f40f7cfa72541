package dev.acgbot.bench.inference;

import ai.onnxruntime.OrtException;
import dev.acgbot.models.image.DecodeLimits;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.image.ImageDecodeException;
import dev.acgbot.models.image.ImageDecoder;
import dev.acgbot.models.manifest.ManifestRegistry;
import dev.acgbot.models.manifest.ModelManifest;
import dev.acgbot.models.preprocess.PreprocessSpec;
import dev.acgbot.models.preprocess.Preprocessor;
import dev.acgbot.models.runtime.DeviceRequest;
import dev.acgbot.models.runtime.InferenceRuntime;
import dev.acgbot.models.runtime.internal.DjlOnnxEngine;
import dev.acgbot.models.text.TextTokenizer;
import dev.acgbot.models.text.Tokenizers;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * {@code bench inference --int8}: fp32 against int8 on the random-weight stand-ins, in one run, interleaved.
 * <ul>
 *   <li>latency per image and per text at batch 1 and the product's batch: the fp32 tower (what the default
 *       Chinese-CLIP manifests run), the same tower quantized alone (the layout of Xenova's CLIP B/32 int8 files)
 *       and the one int8 graph holding both towers (the layout of Xenova's Chinese-CLIP int8 file, which runs
 *       the other tower on a constant input every call);</li>
 *   <li>agreement: cosine of fp32 and int8 embeddings of the same image or text, and the overlap of the top 10
 *       of a gallery search (image to image over the given images, leaving the query out; text to image), fp32
 *       ranking against int8 ranking;</li>
 *   <li>that the int8 graphs run in the product: the one-graph stand-in through {@link InferenceRuntime} with
 *       constant_inputs manifests, the int8 tower through the DJL engine, each against the direct session.</li>
 * </ul>
 * RANDOM weights: the agreement figures say how much int8 rounding moves these random weights' outputs, not
 * how a real model's search results change. Every timing row carries /proc/loadavg.
 */
final class Int8Bench {
    static final int PRODUCT_BATCH = 16;
    private static final int TOP_K = 10;
    private static final int CONTEXT = 52;
    /** Queries of the kind /search gets; tokenized with Chinese-CLIP's vocabulary. */
    private static final List<String> PHRASES = List.of("樱花", "红色", "蓝色的天空", "夜晚的城市", "初音未来", "猫娘",
            "穿着校服的女孩", "下雨的街道", "海边的日落", "黑白线稿", "a girl with pink hair", "cherry blossom",
            "a cat sleeping", "mountains at dawn", "pixel art", "watercolor landscape", "机器人", "森林里的小屋",
            "雪景", "金色的头发", "fox ears", "a red dress", "starry night sky", "咖啡和蛋糕", "白色的花", "古风建筑",
            "赛博朋克", "可爱的狗", "summer festival", "an old castle", "绿色的眼睛", "火焰", "水彩画", "a sword",
            "教室", "蝴蝶", "book and glasses", "烟花", "a blue bird", "月亮");

    private Int8Bench() {
    }

    static int run(InferenceBench.Options o, PrintStream out) throws Exception {
        QuantizedStandIns.requireTools(o.python());
        List<StandIn> all = StandIns.ensure(o.cache(), o.python(), o.script(), out);
        StandIn image = all.stream().filter(s -> s.name().equals("vit-b16-224")).findFirst().orElseThrow();
        StandIn text = all.stream().filter(s -> s.name().equals("bert-base-text")).findFirst().orElseThrow();
        QuantizedStandIns q = QuantizedStandIns.ensure(image, text, o.python(), out);
        // DJL makes the process's ONNX Runtime environment with its own thread options: it must come first
        double djlDiff = djlCheck(q, image, o);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("note", "RANDOM-weight stand-ins (ViT-B/16 224, BERT-base 52 tokens), quantized as transformers.js "
                + "quantizes (quantize_dynamic per_channel, reduce_range); agreement = quantization error on random weights");
        report.put("files", Map.of("imageFp32", Files.size(image.file()), "imageInt8", Files.size(q.imageInt8()),
                "textFp32", Files.size(text.file()), "textInt8", Files.size(q.textInt8()), "oneGraphInt8", Files.size(q.oneGraph())));
        out.printf(Locale.ROOT, "%nint8 vs fp32 on RANDOM-weight stand-ins, cpu, %d intra-op threads; file sizes: image %s -> %s,"
                        + " text %s -> %s, one int8 graph %s%n", o.threads(), mb(image.file()), mb(q.imageInt8()),
                mb(text.file()), mb(q.textInt8()), mb(q.oneGraph()));
        try (GraphRunner imageFp32 = new GraphRunner(image.file(), o.threads());
             GraphRunner imageInt8 = new GraphRunner(q.imageInt8(), o.threads());
             GraphRunner textFp32 = new GraphRunner(text.file(), o.threads());
             GraphRunner textInt8 = new GraphRunner(q.textInt8(), o.threads());
             GraphRunner oneGraph = new GraphRunner(q.oneGraph(), o.threads())) {
            Towers towers = new Towers(imageFp32, imageInt8, oneGraph, textFp32, textInt8, image, text);
            report.put("latency", latency(towers, o, out));
            report.put("agreement", agreement(towers, o, out));
        }
        report.put("productRuntime", productCheck(q, image, o, djlDiff, out));
        InferenceBench.writeJson(o, report, out);
        return 0;
    }

    /** The five sessions and how to feed each. */
    private record Towers(GraphRunner imageFp32, GraphRunner imageInt8, GraphRunner oneGraph, GraphRunner textFp32,
                          GraphRunner textInt8, StandIn image, StandIn text) {
        GraphRunner.Feed imageFeed() {
            return new GraphRunner.Feed(image.input(), image.output(), Map.of());
        }

        GraphRunner.Feed textFeed() {
            return new GraphRunner.Feed(text.input(), text.output(), Map.of());
        }

        /** The image side of the one graph: the smallest text the stand-in takes ([CLS] [SEP], padded to its 52). */
        GraphRunner.Feed oneGraphImage() {
            long[] ids = new long[CONTEXT];
            long[] mask = new long[CONTEXT];
            ids[0] = 101;
            ids[1] = 102;
            mask[0] = 1;
            mask[1] = 1;
            long[] shape = {1, CONTEXT};
            return new GraphRunner.Feed("pixel_values", "image_embeds", Map.of("input_ids",
                    GraphRunner.Constant.longs(shape, ids), "attention_mask", GraphRunner.Constant.longs(shape, mask)));
        }

        /** The text side: one all-zero image, as cn-clip-vit-b-16-text-int8's constant_inputs say. */
        GraphRunner.Feed oneGraphText() {
            return new GraphRunner.Feed("input_ids", "text_embeds", Map.of("pixel_values",
                    GraphRunner.Constant.floats(new long[]{1, 3, 224, 224}, new float[3 * 224 * 224])));
        }

        float[][] images(GraphRunner r, GraphRunner.Feed f, List<float[]> x) throws OrtException {
            return r.images(f, x, image.itemShape());
        }
    }

    private interface Call {
        float[][] run() throws OrtException;
    }

    private static List<Map<String, Object>> latency(Towers t, InferenceBench.Options o, PrintStream out) throws OrtException {
        out.printf(Locale.ROOT, "%-6s %5s %10s %10s %10s %9s %9s %5s  %s%n", "side", "batch", "fp32 ms", "int8 ms",
                "1graph ms", "int8 x", "1graph x", "iters", "loadavg (start / end)");
        List<Map<String, Object>> rows = new ArrayList<>();
        Random rnd = new Random(7);
        for (int batch : o.batches()) {
            List<float[]> pixels = new ArrayList<>();
            List<long[]> ids = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                float[] x = new float[t.image().itemSize()];
                for (int j = 0; j < x.length; j++) {
                    x[j] = (float) rnd.nextGaussian();
                }
                pixels.add(x);
                long[] tok = new long[CONTEXT];
                tok[0] = 101;
                for (int j = 1; j < CONTEXT; j++) {
                    tok[j] = 1 + rnd.nextInt(21127);
                }
                ids.add(tok);
            }
            rows.add(cell("image", batch, o, out,
                    () -> t.images(t.imageFp32(), t.imageFeed(), pixels),
                    () -> t.images(t.imageInt8(), t.imageFeed(), pixels),
                    () -> t.images(t.oneGraph(), t.oneGraphImage(), pixels)));
            rows.add(cell("text", batch, o, out,
                    () -> t.textFp32().tokens(t.textFeed(), ids, null),
                    () -> t.textInt8().tokens(t.textFeed(), ids, null),
                    () -> t.oneGraph().tokens(t.oneGraphText(), ids, "attention_mask")));
        }
        out.println("fp32 = the fp32 tower alone (OFA-Sys layout); int8 = that tower quantized alone (Xenova CLIP B/32 layout);");
        out.println("1graph = both towers in one int8 graph, the other tower fed a constant (Xenova Chinese-CLIP layout);");
        out.println("x = fp32 ms / that ms (speed-up); ms are medians per call, alternating the three in rotating order.");
        return rows;
    }

    private static Map<String, Object> cell(String side, int batch, InferenceBench.Options o, PrintStream out,
                                            Call fp32, Call int8, Call oneGraph) throws OrtException {
        String loadStart = loadAverage();
        Call[] calls = {fp32, int8, oneGraph};
        Timings[] timings = {new Timings(), new Timings(), new Timings()};
        double estimate = 0;
        for (Call c : calls) { // warm-up, which also sizes the iterations
            long s = System.nanoTime();
            c.run();
            estimate = Math.max(estimate, (System.nanoTime() - s) / 1e9);
        }
        int iters = (int) Math.max(3, Math.min(o.quick() ? 10 : 30, o.seconds() / Math.max(estimate, 1e-4)));
        for (int i = 0; i < iters; i++) {
            for (int k = 0; k < 3; k++) {
                int which = (i + k) % 3;
                long s = System.nanoTime();
                calls[which].run();
                timings[which].add(System.nanoTime() - s);
            }
        }
        double f = timings[0].median();
        double q = timings[1].median();
        double g = timings[2].median();
        String loadEnd = loadAverage();
        out.printf(Locale.ROOT, "%-6s %5d %10.1f %10.1f %10.1f %8.2fx %8.2fx %5d  %s / %s%n", side, batch, f, q, g, f / q, f / g,
                iters, loadStart, loadEnd);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("side", side);
        row.put("batch", batch);
        row.put("fp32MedianMs", f);
        row.put("int8MedianMs", q);
        row.put("oneGraphInt8MedianMs", g);
        row.put("int8SpeedUp", f / q);
        row.put("oneGraphSpeedUp", f / g);
        row.put("iterations", iters);
        row.put("loadAverageStart", loadStart);
        row.put("loadAverageEnd", loadEnd);
        return row;
    }

    private static Map<String, Object> agreement(Towers t, InferenceBench.Options o, PrintStream out) throws Exception {
        ModelManifest cnImage = builtIn("cn-clip-vit-b-16-image");
        PreprocessSpec spec = cnImage.preprocessSpec();
        List<Path> files = imageFiles(o.images(), o.maxImages());
        if (files.size() < TOP_K + 2) {
            out.printf("agreement skipped: %d images found in %s (need %d; --images DIR)%n", files.size(), o.images(), TOP_K + 2);
            return Map.of("skipped", files.size() + " images");
        }
        ImageDecoder decoder = new ImageDecoder(DecodeLimits.defaults());
        List<float[]> tensors = new ArrayList<>();
        int refused = 0;
        for (Path f : files) {
            try {
                tensors.add(Preprocessor.preprocess(decoder.decode(f), spec));
            } catch (ImageDecodeException e) {
                refused++; // e.g. an openclipart drawing over the decoder's 40 MP limit, which the bot refuses too
            }
        }
        if (refused > 0) {
            out.printf("%d of %d images refused by the decoder (the bot would refuse them too); left out%n", refused, files.size());
        }
        List<float[]> imgFp32 = batched(tensors, x -> t.images(t.imageFp32(), t.imageFeed(), x));
        List<float[]> imgInt8 = batched(tensors, x -> t.images(t.imageInt8(), t.imageFeed(), x));
        List<float[]> imgOne = batched(tensors, x -> t.images(t.oneGraph(), t.oneGraphImage(), x));
        List<long[]> ids = new ArrayList<>();
        try (TextTokenizer tok = Tokenizers.open(builtIn("cn-clip-vit-b-16-text").tokenizer().orElseThrow(), null)) {
            for (String p : PHRASES) {
                ids.add(tok.encode(p).ids());
            }
        }
        List<float[]> txtFp32 = batched(ids, x -> t.textFp32().tokens(t.textFeed(), x, null));
        List<float[]> txtInt8 = batched(ids, x -> t.textInt8().tokens(t.textFeed(), x, null));
        List<float[]> txtOne = batched(ids, x -> t.oneGraph().tokens(t.oneGraphText(), x, "attention_mask"));

        Map<String, Object> r = new LinkedHashMap<>();
        r.put("images", tensors.size());
        r.put("imageSource", o.images().toString());
        r.put("texts", PHRASES.size());
        r.put("fp32ImageMeanPairwiseCosine", Agreement.meanPairwiseCosine(imgFp32));
        out.printf(Locale.ROOT, "%nAgreement with fp32 on %d real images (%s, decoded and preprocessed as cn-clip-vit-b-16-image)"
                + " and %d queries;%nRANDOM weights: quantization error on these weights, not a real model's search quality."
                + " fp32 image vectors' mean pairwise cosine %.3f.%n", tensors.size(), o.images(), PHRASES.size(),
                Agreement.meanPairwiseCosine(imgFp32));
        out.printf(Locale.ROOT, "%-28s %12s %12s %16s %16s%n", "int8 variant", "cos mean", "cos min", "img->img top10",
                "text->img top10");
        row(r, out, "tower alone (image, text)", imgFp32, imgInt8, txtFp32, txtInt8);
        row(r, out, "one graph (image, text)", imgFp32, imgOne, txtFp32, txtOne);
        Agreement.Margins m = Agreement.margins(imgFp32, imgInt8, TOP_K);
        r.put("imageSearchMargins", m);
        out.printf(Locale.ROOT, "image search, fp32: median similarity gap between the 10th and 11th result %.5f; int8 moves a"
                + " query-image similarity by %.5f (median |change|, tower alone): ranks closer than that swap.%n",
                m.medianGap(), m.medianShift());
        out.println("cos: per input, fp32 vs int8 embedding (image and text pooled); top10: mean share of the fp32 top 10"
                + " also in the int8 top 10 (image queries leave themselves out; int8 text searches int8 images).");
        return r;
    }

    private static void row(Map<String, Object> r, PrintStream out, String name, List<float[]> imgFp32, List<float[]> imgInt8,
                            List<float[]> txtFp32, List<float[]> txtInt8) {
        Agreement.Cosines img = Agreement.cosines(imgFp32, imgInt8);
        Agreement.Cosines txt = Agreement.cosines(txtFp32, txtInt8);
        double i2i = Agreement.topKOverlap(imgFp32, imgFp32, imgInt8, imgInt8, TOP_K, true);
        double t2i = Agreement.topKOverlap(txtFp32, imgFp32, txtInt8, imgInt8, TOP_K, false);
        out.printf(Locale.ROOT, "%-28s %5.4f/%5.4f %5.4f/%5.4f %16.3f %16.3f%n", name, img.mean(), txt.mean(), img.min(),
                txt.min(), i2i, t2i);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("imageCosineMean", img.mean());
        m.put("imageCosineMin", img.min());
        m.put("textCosineMean", txt.mean());
        m.put("textCosineMin", txt.min());
        m.put("imageToImageTop10Overlap", i2i);
        m.put("textToImageTop10Overlap", t2i);
        r.put(name, m);
    }

    private interface BatchCall<X> {
        float[][] run(List<X> batch) throws OrtException;
    }

    private static <X> List<float[]> batched(List<X> items, BatchCall<X> call) throws OrtException {
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i += PRODUCT_BATCH) {
            rows.addAll(Arrays.asList(call.run(items.subList(i, Math.min(items.size(), i + PRODUCT_BATCH)))));
        }
        return rows;
    }

    /**
     * The int8 one-graph stand-in through the product's runtime (manifests with constant_inputs, like
     * cn-clip-vit-b-16-{image,text}-int8) and the int8 tower through the DJL engine, each against the direct session.
     */
    private static Map<String, Object> productCheck(QuantizedStandIns q, StandIn image, InferenceBench.Options o,
                                                    double djlDiff, PrintStream out) throws Exception {
        Path dir = q.oneGraph().getParent().resolve("manifests");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("standin-image-int8.yaml"), oneGraphManifest(q.oneGraph(), true));
        Files.writeString(dir.resolve("standin-text-int8.yaml"), oneGraphManifest(q.oneGraph(), false));
        PreprocessSpec spec = builtIn("cn-clip-vit-b-16-image").preprocessSpec();
        List<DecodedImage> images = List.of(gradient(300, 200), gradient(97, 311));
        List<float[]> tensors = images.stream().map(i -> Preprocessor.preprocess(i, spec)).toList();
        List<String> texts = List.of("樱花", "a girl with pink hair");
        double imageDiff;
        double textDiff;
        double batchEffect;
        try (GraphRunner direct = new GraphRunner(q.oneGraph(), o.threads());
             InferenceRuntime runtime = InferenceRuntime.builder().builtIns(false).manifestDirs(dir)
                     .modelDir(dir.resolve("models")).device("cpu").intraOpThreads(o.threads()).build();
             TextTokenizer tok = Tokenizers.open(builtIn("cn-clip-vit-b-16-text").tokenizer().orElseThrow(), null)) {
            Towers feeds = new Towers(null, null, direct, null, null, image, null);
            imageDiff = maxDiff(direct.images(feeds.oneGraphImage(), tensors, image.itemShape()),
                    runtime.embedImages("standin-image-int8", images));
            List<long[]> ids = texts.stream().map(s -> tok.encode(s).ids()).toList();
            List<float[]> viaRuntime = new ArrayList<>();
            List<float[]> alone = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) { // the runtime embeds each text on its own here: so does the direct side
                viaRuntime.add(runtime.embedText("standin-text-int8", texts.get(i)).vector());
                alone.add(direct.tokens(feeds.oneGraphText(), List.of(ids.get(i)), "attention_mask")[0]);
            }
            textDiff = maxDiff(alone.toArray(float[][]::new), viaRuntime);
            // dynamic quantization scales activations per tensor, batch included: a vector depends on its batch-mates
            batchEffect = maxDiff(direct.tokens(feeds.oneGraphText(), ids, "attention_mask"), alone);
        }
        double fp32BatchEffect;
        try (GraphRunner fp32 = new GraphRunner(image.file(), o.threads())) {
            GraphRunner.Feed feed = new GraphRunner.Feed(image.input(), image.output(), Map.of());
            fp32BatchEffect = maxDiff(fp32.images(feed, tensors, image.itemShape()), List.of(
                    fp32.images(feed, List.of(tensors.get(0)), image.itemShape())[0],
                    fp32.images(feed, List.of(tensors.get(1)), image.itemShape())[0]));
        }
        double int8BatchEffect;
        try (GraphRunner int8 = new GraphRunner(q.imageInt8(), o.threads())) {
            GraphRunner.Feed feed = new GraphRunner.Feed(image.input(), image.output(), Map.of());
            int8BatchEffect = maxDiff(int8.images(feed, tensors, image.itemShape()), List.of(
                    int8.images(feed, List.of(tensors.get(0)), image.itemShape())[0],
                    int8.images(feed, List.of(tensors.get(1)), image.itemShape())[0]));
        }
        out.printf(Locale.ROOT, "%nProduct engines on the int8 stand-ins: InferenceRuntime (ONNX Runtime session, constant_inputs"
                + " manifests) vs direct session, max |diff| of unit vectors: image side %.2e, text side %.2e;"
                + " DJL engine vs direct on the int8 tower: %.2e%n", imageDiff, textDiff, djlDiff);
        out.printf(Locale.ROOT, "Batch dependence (alone vs in a batch of 2), max |diff| of unit vectors: fp32 image tower %.2e,"
                + " int8 image tower %.2e, int8 one-graph text side %.2e (int8 activations are scaled per batch tensor)%n",
                fp32BatchEffect, int8BatchEffect, batchEffect);
        return Map.of("runtimeImageMaxDiff", imageDiff, "runtimeTextMaxDiff", textDiff, "djlInt8TowerMaxDiff", djlDiff,
                "fp32ImageBatchEffect", fp32BatchEffect, "int8ImageBatchEffect", int8BatchEffect,
                "int8OneGraphTextBatchEffect", batchEffect);
    }

    /** The int8 tower through the DJL engine against the direct session, on two preprocessed gradients. */
    private static double djlCheck(QuantizedStandIns q, StandIn image, InferenceBench.Options o) throws Exception {
        PreprocessSpec spec = builtIn("cn-clip-vit-b-16-image").preprocessSpec();
        List<float[]> tensors = List.of(gradient(300, 200), gradient(97, 311)).stream()
                .map(i -> Preprocessor.preprocess(i, spec)).toList();
        try (DjlOnnxEngine djl = DjlOnnxEngine.load(q.imageInt8(), image.output(), DeviceRequest.parse("cpu"), o.threads(), 1).engine();
             GraphRunner direct = new GraphRunner(q.imageInt8(), o.threads())) {
            float[][] viaDjl = djl.runImages(image.input(), tensors, image.itemShape());
            return maxDiff(direct.images(new GraphRunner.Feed(image.input(), image.output(), Map.of()), tensors,
                    image.itemShape()), Arrays.asList(viaDjl));
        }
    }

    private static String oneGraphManifest(Path file, boolean imageSide) {
        String head = "id: standin-" + (imageSide ? "image" : "text") + "-int8\ntask: clip-" + (imageSide ? "image" : "text")
                + "\nembedding_space: standin-int8\ndescription: RANDOM-weight stand-in, one int8 graph\nfiles:\n"
                + "  - {name: model.onnx, path: \"" + file.toAbsolutePath() + "\", sha256: unknown, size: unknown}\n"
                + "model: model.onnx\nbatch: dynamic\n";
        String out = "embedding: {dim: 512}\n";
        if (imageSide) {
            List<Long> ids = new ArrayList<>(List.of(101L, 102L));
            List<Long> mask = new ArrayList<>(List.of(1L, 1L));
            while (ids.size() < CONTEXT) {
                ids.add(0L);
                mask.add(0L);
            }
            return head + "input: {name: pixel_values, dtype: float32, layout: NCHW, size: 224, resize: squash,"
                    + " interpolation: bicubic, alpha: drop, colour_order: RGB, scale: 1/255,"
                    + " mean: [0.48145466, 0.4578275, 0.40821073], std: [0.26862954, 0.26130258, 0.27577711]}\n"
                    + "constant_inputs:\n  - {name: input_ids, dtype: int64, shape: [1, " + CONTEXT + "], values: " + ids + "}\n"
                    + "  - {name: attention_mask, dtype: int64, shape: [1, " + CONTEXT + "], values: " + mask + "}\n"
                    + "output: {name: image_embeds}\n" + out;
        }
        return head + "input: {name: input_ids, dtype: int64, attention_mask: attention_mask}\n"
                + "constant_inputs:\n  - {name: pixel_values, dtype: float32, shape: [1, 3, 224, 224], fill: 0}\n"
                + "tokenizer: {kind: bert-wordpiece, file: \"classpath:dev/acgbot/models/tokenizers/cn-clip/vocab.txt\","
                + " context_length: " + CONTEXT + ", pad_id: 0, lowercase: true}\n"
                + "output: {name: text_embeds}\n" + out;
    }

    private static double maxDiff(float[][] direct, List<float[]> other) {
        double max = 0;
        for (int i = 0; i < direct.length; i++) {
            float[] a = unit(direct[i]);
            float[] b = unit(other.get(i));
            for (int j = 0; j < a.length; j++) {
                max = Math.max(max, Math.abs(a[j] - b[j]));
            }
        }
        return max;
    }

    private static float[] unit(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        float inv = (float) (1 / Math.sqrt(s));
        float[] u = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            u[i] = v[i] * inv;
        }
        return u;
    }

    private static DecodedImage gradient(int w, int h) {
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                px[y * w + x] = 0xFF000000 | (x * 255 / w) << 16 | (y * 255 / h) << 8 | ((x + y) % 256);
            }
        }
        return new DecodedImage(w, h, px, false);
    }

    private static ModelManifest builtIn(String id) {
        return ManifestRegistry.builtIns().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * Image files under dir (png, jpg, webp), sorted; more than max are thinned evenly to max. In a held-out
     * directory of make_fixtures.py the original file ({@code X.source.png}) stands for its case: the decoded
     * copy ({@code X.png}) and the reference tensors ({@code *.codes.png}) are left out.
     */
    static List<Path> imageFiles(Path dir, int max) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> all;
        try (Stream<Path> s = Files.walk(dir)) {
            all = s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)
                    .matches(".*\\.(png|jpe?g|webp)$") && !p.getFileName().toString().contains(".codes.")
                    && !Files.exists(p.resolveSibling(p.getFileName().toString().replaceAll("\\.png$", ".source.png"))))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (all.size() <= max) {
            return all;
        }
        List<Path> picked = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            picked.add(all.get((int) ((long) i * all.size() / max)));
        }
        return picked;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static String mb(Path p) throws IOException {
        return String.format(Locale.ROOT, "%.0f MB", Files.size(p) / 1e6);
    }
}
