package dev.acgbot.models.runtime;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.acgbot.models.api.ModelInfo;
import dev.acgbot.models.api.ModelTask;
import dev.acgbot.models.api.ModelUnavailableException;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.manifest.ManifestRegistry;
import dev.acgbot.models.manifest.ModelManifest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.acgbot.models.runtime.SyntheticModels.dot;
import static dev.acgbot.models.runtime.SyntheticModels.solid;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InferenceRuntimeTest {
    @TempDir
    static Path models;
    static InferenceRuntime inference;

    @BeforeAll
    static void start() {
        inference = SyntheticModels.runtime(models).maxBatch(16).build();
    }

    @AfterAll
    static void stop() {
        inference.close();
    }

    @Test
    void everySyntheticLayoutLoadsAndReportsItself() {
        for (ModelManifest m : SyntheticModels.manifests()) {
            inference.load(m.id());
            ModelInfo info = inference.model(m.id()).orElseThrow();
            assertTrue(info.available(), m.id());
            assertEquals("cpu", info.device(), m.id());
            assertEquals(m.task() == ModelTask.TAGGER ? (m.id().contains("wd") ? 10861 : 5000) : 512, info.dimension(), m.id());
            assertEquals(64, info.manifestHash().length());
        }
        assertEquals(SyntheticModels.manifests().size(), inference.models().size());
    }

    @Test
    void concurrentImageListsFromSeveralThreadsAreBatchedAndAnsweredInOrder() throws Exception {
        String model = "synthetic-colour-clip-image";
        inference.load(model);
        RuntimeStats before = inference.stats(model);
        int[] palette = {0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00};
        float[][] reference = new float[palette.length][];
        for (int i = 0; i < palette.length; i++) {
            reference[i] = inference.embedImages(model, List.of(solid(palette[i], 24, 24))).get(0);
        }
        int threads = 6;
        int perList = 12;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int seed = t;
            results.add(pool.submit(() -> {
                List<DecodedImage> images = new ArrayList<>();
                List<Integer> which = new ArrayList<>();
                for (int i = 0; i < perList; i++) {
                    int c = (seed + i * 3) % palette.length;
                    which.add(c);
                    images.add(solid(palette[c], 24, 24));
                }
                go.await();
                List<float[]> out = inference.embedImages(model, images);
                for (int i = 0; i < perList; i++) {
                    if (dot(out.get(i), reference[which.get(i)]) < 0.999f) {
                        return false;
                    }
                }
                return true;
            }));
        }
        go.countDown();
        for (Future<Boolean> r : results) {
            assertTrue(r.get(), "each caller got its own images' embeddings, in order");
        }
        pool.shutdown();
        RuntimeStats after = inference.stats(model);
        long items = after.requests() - before.requests();
        long calls = after.batches() - before.batches();
        assertEquals(palette.length + (long) threads * perList, items);
        assertTrue(calls < items / 2, "engine calls " + calls + " for " + items + " items");
        assertTrue(after.largestBatch() > 1 && after.largestBatch() <= 16, "largest batch " + after.largestBatch());
    }

    @Test
    void fixedBatchOneGraphsGetOneItemPerEngineCall() {
        String model = "synthetic-cn-clip-vit-b-16-image";
        List<DecodedImage> images = List.of(solid(0xFF0000, 8, 8), solid(0x0000FF, 8, 8), solid(0x00FF00, 8, 8));
        List<float[]> out = inference.embedImages(model, images);
        assertEquals(3, out.size());
        assertEquals(1, inference.stats(model).largestBatch());
        assertTrue(dot(out.get(0), out.get(1)) < 0.1f, "red and blue stay apart");
    }

    @Test
    void textEmbeddingsAreUnitLengthAndReportTruncation() {
        var shortText = inference.embedText("synthetic-colour-clip-text", "蓝色");
        assertFalse(shortText.truncated());
        assertEquals(1.0, dot(shortText.vector(), shortText.vector()), 1e-4);
        var longText = inference.embedText("synthetic-colour-clip-text", "很长的句子".repeat(100) + "蓝");
        assertTrue(longText.truncated());
        var bpe = inference.embedText("synthetic-clip-vit-b-32-text", "a blue cat ".repeat(50));
        assertTrue(bpe.truncated());
    }

    @Test
    void aModelOfAnotherTaskIsAnIllegalArgument() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> inference.embedImages("synthetic-wd-vit-tagger-v3", List.of(solid(0, 4, 4))));
        assertEquals("model 'synthetic-wd-vit-tagger-v3' is a tagger model, not a clip-image or image-embedding model", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> inference.embedText("synthetic-colour-clip-image", "x"));
        assertThrows(IllegalArgumentException.class, () -> inference.tag("no-such-model", List.of()));
    }

    @Test
    void builtInModelsWithoutFilesAreUnavailableAndSayWhatToPlaceWhere(@TempDir Path dir) {
        try (InferenceRuntime inf = InferenceRuntime.builder().modelDir(dir).device("cpu").build()) {
            ModelInfo wd = inf.model("wd-vit-tagger-v3").orElseThrow();
            assertFalse(wd.available());
            assertEquals("not loaded", wd.device());
            var e = assertThrows(ModelUnavailableException.class,
                    () -> inf.tag("wd-vit-tagger-v3", List.of(solid(0, 4, 4))));
            assertEquals("wd-vit-tagger-v3", e.modelId());
            String msg = e.getMessage();
            assertTrue(msg.contains(dir.resolve("wd-vit-tagger-v3").resolve("model.onnx").toString()), msg);
            assertTrue(msg.contains("https://huggingface.co/SmilingWolf/wd-vit-tagger-v3/resolve/7f6b584d0bd3f55c4531f14ba3d4761b2bccdc0f/selected_tags.csv"), msg);
            assertTrue(msg.contains("acgbot models fetch wd-vit-tagger-v3"), msg);
            var cn = assertThrows(ModelUnavailableException.class, () -> inf.embedText("cn-clip-vit-b-16-text", "樱花"));
            assertTrue(cn.getMessage().contains(dir.resolve("cn-clip-vit-b-16").resolve("vit-b-16.txt.fp32.onnx") + "  <- https://huggingface.co/eisneim/cn-clip_vit-b-16/resolve/0ab0e0ce47e796c2b98d2e3cc4d1190c9b3d426d/vit-b-16.txt.fp32.onnx"),
                    cn.getMessage());
        }
    }

    @Test
    void eagerLoadFailsTheBuildForMissingFiles(@TempDir Path dir) {
        assertThrows(ModelUnavailableException.class,
                () -> InferenceRuntime.builder().modelDir(dir).eagerLoad("joytag").build());
    }

    @Test
    void askingForTheGpuOnACpuOnlyBuildRunsOnCpuAndSaysSoInOneLine(@TempDir Path dir) {
        Logger log = (Logger) LoggerFactory.getLogger("dev.acgbot.models.runtime");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        log.addAppender(lines);
        ModelManifest m = ManifestRegistry.readFile(Path.of("synthetic/synthetic-colour-clip-image.yaml"));
        try (InferenceRuntime inf = InferenceRuntime.builder().builtIns(false).manifests(List.of(m)).modelDir(dir)
                .device("gpu:1").intraOpThreads(1).maxWait(Duration.ZERO).build()) {
            float[] v = inf.embedImages(m.id(), List.of(solid(0xFF0000, 8, 8))).get(0);
            assertEquals(512, v.length);
            assertEquals("cpu", inf.model(m.id()).orElseThrow().device());
        } finally {
            log.detachAppender(lines);
        }
        List<String> about = lines.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(s -> s.contains(m.id())).toList();
        assertEquals(1, about.size(), about.toString());
        assertTrue(about.get(0).contains("runs on cpu") && about.get(0).contains("requested gpu:1")
                && about.get(0).contains("CUDA"), about.get(0));
    }

    @Test
    void aSingleDifferentlyNamedInputOrOutputRunsWithOneLogLineNamingBoth(@TempDir Path dir) throws Exception {
        String yaml = java.nio.file.Files.readString(Path.of("synthetic/synthetic-colour-clip-image.yaml"))
                .replace("path: files/", "path: " + Path.of("synthetic/files").toAbsolutePath() + "/");
        java.nio.file.Files.writeString(dir.resolve("renamed.yaml"), yaml.replace("id: synthetic-colour-clip-image", "id: renamed")
                .replace("  name: image", "  name: pixel_values").replace("  name: unnorm_image_features", "  name: image_embeds"));
        Logger log = (Logger) LoggerFactory.getLogger("dev.acgbot.models.runtime");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        log.addAppender(lines);
        try (InferenceRuntime inf = InferenceRuntime.builder().builtIns(false).manifestDirs(dir, Path.of("synthetic"))
                .modelDir(dir).device("cpu").intraOpThreads(1).build()) {
            float[] renamed = inf.embedImages("renamed", List.of(solid(0xFF0000, 8, 8))).get(0);
            float[] original = inf.embedImages("synthetic-colour-clip-image", List.of(solid(0xFF0000, 8, 8))).get(0);
            assertArrayEquals(original, renamed, 1e-6f);
        } finally {
            log.detachAppender(lines);
        }
        List<String> warnings = lines.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).filter(m -> m.startsWith("model renamed:")).toList();
        assertEquals(List.of(
                "model renamed: the graph's input is 'image' but the manifest " + dir.resolve("renamed.yaml") + " says 'pixel_values'; using 'image'",
                "model renamed: the graph's output is 'unnorm_image_features' but the manifest " + dir.resolve("renamed.yaml") + " says 'image_embeds'; using 'unnorm_image_features'"),
                warnings);
    }

    @Test
    void aManifestWithMoreInputsThanTheGraphIsRejectedNamingTheGraphsRealOnes(@TempDir Path dir) throws Exception {
        String yaml = java.nio.file.Files.readString(Path.of("synthetic/synthetic-colour-clip-text.yaml"));
        String masked = yaml.replace("id: synthetic-colour-clip-text", "id: masked")
                .replace("  dtype: int64\n", "  dtype: int64\n  attention_mask: attention_mask\n")
                .replace("path: files/", "path: " + Path.of("synthetic/files").toAbsolutePath() + "/");
        java.nio.file.Files.writeString(dir.resolve("masked.yaml"), masked);
        try (InferenceRuntime inf = InferenceRuntime.builder().builtIns(false).manifestDirs(dir).modelDir(dir)
                .device("cpu").intraOpThreads(1).build()) {
            var e = assertThrows(ModelUnavailableException.class, () -> inf.load("masked"));
            assertTrue(e.getMessage().contains("the graph's inputs are [text], the manifest gives [text, attention_mask]"),
                    e.getMessage());
        }
    }

    @Test
    void aGraphFixedToBatchFourGetsPaddedAndOnlyRealAnswersComeBack(@TempDir Path dir) throws Exception {
        // the dynamic colour tower accepts any batch, so a manifest saying "batch: 4" exercises the padding
        String yaml = java.nio.file.Files.readString(Path.of("synthetic/synthetic-colour-clip-image.yaml"))
                .replace("path: files/", "path: " + Path.of("synthetic/files").toAbsolutePath() + "/")
                .replace("batch: dynamic", "batch: 4");
        java.nio.file.Files.writeString(dir.resolve("four.yaml"), yaml);
        try (InferenceRuntime inf = InferenceRuntime.builder().builtIns(false).manifestDirs(dir).modelDir(dir)
                .device("cpu").intraOpThreads(1).build()) {
            List<float[]> out = inf.embedImages("synthetic-colour-clip-image",
                    List.of(solid(0xFF0000, 8, 8), solid(0x0000FF, 8, 8)));
            assertEquals(2, out.size());
            float[] red = inference.embedImages("synthetic-colour-clip-image", List.of(solid(0xFF0000, 8, 8))).get(0);
            float[] blue = inference.embedImages("synthetic-colour-clip-image", List.of(solid(0x0000FF, 8, 8))).get(0);
            assertEquals(1.0, dot(out.get(0), red), 1e-4);
            assertEquals(1.0, dot(out.get(1), blue), 1e-4);
            assertTrue(inf.stats("synthetic-colour-clip-image").largestBatch() <= 4);
        }
    }

    @Test
    void deviceSpellingsParse() {
        assertEquals("gpu:0", DeviceRequest.parse("GPU").toString());
        assertEquals("gpu:3", DeviceRequest.parse("gpu:3").toString());
        assertEquals("auto", DeviceRequest.parse(" auto ").toString());
        assertEquals("cpu", DeviceRequest.parse("cpu").toString());
        assertThrows(IllegalArgumentException.class, () -> DeviceRequest.parse("tpu"));
    }

    @Test
    void aChangedModelFileIsRefusedByItsChecksum(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("model.onnx");
        byte[] bytes = java.nio.file.Files.readAllBytes(Path.of("synthetic/files/synthetic-colour-clip-image.onnx"));
        bytes[bytes.length - 1] ^= 1;
        java.nio.file.Files.write(copy, bytes);
        String yaml = java.nio.file.Files.readString(Path.of("synthetic/synthetic-colour-clip-image.yaml"))
                .replace("path: files/synthetic-colour-clip-image.onnx", "path: " + copy);
        java.nio.file.Files.writeString(dir.resolve("m.yaml"), yaml);
        try (InferenceRuntime inf = InferenceRuntime.builder().builtIns(false).manifestDirs(dir).modelDir(dir).build()) {
            var e = assertThrows(ModelUnavailableException.class,
                    () -> inf.embedImages("synthetic-colour-clip-image", List.of(solid(0, 4, 4))));
            assertTrue(e.getMessage().contains("sha256"), e.getMessage());
        }
        assertArrayEquals(bytes, java.nio.file.Files.readAllBytes(copy), "nothing deleted outside the models dir");
    }
}
