package dev.acgbot.models.runtime;

import dev.acgbot.models.api.TagCategory;
import dev.acgbot.models.api.TagResult;
import dev.acgbot.models.api.TagScore;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.manifest.ModelManifest;
import dev.acgbot.models.preprocess.PreprocessSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.acgbot.models.runtime.SyntheticModels.dot;
import static dev.acgbot.models.runtime.SyntheticModels.solid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The synthetic colour models give known answers only when the runtime feeds them exactly as their manifests
 * say (channel order, layout, normalisation, tokenizer). These are synthetic models: the answers prove the
 * plumbing, not any real model's quality.
 */
class KnownAnswerColourTest {
    private static final Map<String, Integer> COLOURS = new LinkedHashMap<>();

    static {
        COLOURS.put("red", 0xFF0000);
        COLOURS.put("green", 0x00FF00);
        COLOURS.put("blue", 0x0000FF);
        COLOURS.put("yellow", 0xFFFF00);
        COLOURS.put("pink", 0xFFC0CB);
        COLOURS.put("white", 0xFFFFFF);
        COLOURS.put("black", 0x000000);
    }

    @TempDir
    static Path models;
    static InferenceRuntime inference;

    @BeforeAll
    static void start() {
        inference = SyntheticModels.runtime(models).build();
    }

    @AfterAll
    static void stop() {
        inference.close();
    }

    @Test
    void chineseColourWordsFindTheirColourImages() {
        Map<String, String> queries = Map.of("red", "红色", "green", "绿色", "blue", "蓝色", "yellow", "黄色",
                "pink", "樱花", "white", "白色", "black", "黑色");
        assertColourRetrieval("synthetic-colour-clip-image", "synthetic-colour-clip-text", queries);
    }

    @Test
    void fixedBatchCnClipPairAnswersLikeTheDynamicOne() {
        Map<String, String> queries = Map.of("red", "紅", "green", "green", "blue", "藍色的天空", "yellow", "黃",
                "pink", "粉红色的樱花", "white", "white", "black", "黑");
        // 粉红色的樱花 mixes pink and red words: pink must still win for the pink image
        assertColourRetrieval("synthetic-cn-clip-vit-b-16-image", "synthetic-cn-clip-vit-b-16-text",
                Map.of("red", "紅", "green", "green", "blue", "藍色的天空", "white", "white", "black", "黑",
                        "yellow", "黃"));
        float[] pinkImage = inference.embedImages("synthetic-cn-clip-vit-b-16-image", List.of(solid(0xFFC0CB, 40, 30))).get(0);
        float pink = dot(pinkImage, inference.embedText("synthetic-cn-clip-vit-b-16-text", queries.get("pink")).vector());
        float red = dot(pinkImage, inference.embedText("synthetic-cn-clip-vit-b-16-text", "红").vector());
        assertTrue(pink > red, "pink image: 粉红色的樱花 " + pink + " vs 红 " + red);
    }

    @Test
    void englishBpeColourWordsFindTheirColourImages() {
        Map<String, String> queries = Map.of("red", "a photo of a red cat", "green", "GREEN", "blue", "the blue sky",
                "yellow", "yellow", "pink", "cherry blossom", "white", "a white cat", "black", "night");
        assertColourRetrieval("synthetic-clip-vit-b-32-image", "synthetic-clip-vit-b-32-text", queries);
    }

    @Test
    void int8TwoTowerGraphAnswersChineseColourWordsFromEitherSide() {
        // one graph, two manifests: each side feeds the other tower's inputs as constants
        Map<String, String> queries = Map.of("red", "红色", "green", "绿色", "blue", "蓝色", "yellow", "黄色",
                "pink", "樱花", "white", "白色", "black", "黑色");
        assertColourRetrieval("synthetic-cn-clip-vit-b-16-image-int8", "synthetic-cn-clip-vit-b-16-text-int8", queries);
    }

    @Test
    void int8SeparateTowersAnswerEnglishBpeColourWords() {
        Map<String, String> queries = Map.of("red", "a photo of a red cat", "green", "GREEN", "blue", "the blue sky",
                "yellow", "yellow", "pink", "cherry blossom", "white", "a white cat", "black", "night");
        assertColourRetrieval("synthetic-clip-vit-b-32-image-int8", "synthetic-clip-vit-b-32-text-int8", queries);
    }

    @Test
    void int8TowersStayCloseToTheFp32TowersTheyWereQuantizedFrom() {
        // synthetic-cn-clip-vit-b-16-int8.onnx is synthetic-colour-clip-{image,text}.onnx joined and quantized
        List<DecodedImage> images = List.of(solid(0xFF0000, 40, 30), solid(0x20A0F0, 30, 40), solid(0xFFC0CB, 16, 16),
                solid(0x404040, 50, 50));
        List<float[]> fp32 = inference.embedImages("synthetic-colour-clip-image", images);
        List<float[]> int8 = inference.embedImages("synthetic-cn-clip-vit-b-16-image-int8", images);
        for (int i = 0; i < images.size(); i++) {
            float cos = dot(fp32.get(i), int8.get(i));
            assertTrue(cos > 0.995f && cos < 1.0f - 1e-7f, "image " + i + ": int8 vs fp32 cosine " + cos);
        }
        for (String text : List.of("红色的花", "蓝天", "樱花")) {
            float cos = dot(inference.embedText("synthetic-colour-clip-text", text).vector(),
                    inference.embedText("synthetic-cn-clip-vit-b-16-text-int8", text).vector());
            assertTrue(cos > 0.995f, text + ": int8 vs fp32 cosine " + cos);
        }
    }

    private static void assertColourRetrieval(String imageModel, String textModel, Map<String, String> queries) {
        List<DecodedImage> images = COLOURS.values().stream().map(c -> solid(c, 64, 48)).toList();
        List<float[]> vectors = inference.embedImages(imageModel, images);
        List<String> names = List.copyOf(COLOURS.keySet());
        for (String colour : queries.keySet()) {
            float[] text = inference.embedText(textModel, queries.get(colour)).vector();
            int best = 0;
            for (int i = 1; i < vectors.size(); i++) {
                if (dot(vectors.get(i), text) > dot(vectors.get(best), text)) {
                    best = i;
                }
            }
            float own = dot(vectors.get(names.indexOf(colour)), text);
            assertEquals(colour, names.get(best), "query '" + queries.get(colour) + "' on " + textModel);
            assertTrue(own > 0.9f, "similarity of '" + queries.get(colour) + "' with its colour: " + own);
        }
        for (float[] v : vectors) {
            assertEquals(1.0, dot(v, v), 1e-4, "image embeddings are L2-normalised by the runtime");
        }
    }

    @Test
    void wdLayoutTaggerScoresFollowColourThemes() {
        assertThemes("synthetic-wd-vit-tagger-v3", inference);
    }

    @Test
    void joytagLayoutTaggerGetsSigmoidAppliedAndFollowsColourThemes() {
        assertThemes("synthetic-joytag", inference);
        TagResult r = inference.tag("synthetic-joytag", List.of(solid(0x808080, 20, 20))).get(0);
        for (TagScore s : r.scores()) {
            assertTrue(s.score() > 0f && s.score() < 1f, "sigmoid output in (0,1): " + s);
        }
    }

    @Test
    void wdTaggerReportsRatingsAndCharactersFromItsCsv() {
        TagResult r = inference.tag("synthetic-wd-vit-tagger-v3", List.of(solid(0x00C0C0, 60, 60))).get(0);
        assertEquals(10861, r.scores().size());
        TagScore general = r.scores().get(0);
        assertEquals("general", general.name());
        assertEquals(TagCategory.RATING, general.category());
        TagScore teal = r.scores().stream().filter(s -> s.name().equals("synthetic_character_(teal)")).findFirst().orElseThrow();
        assertEquals(TagCategory.CHARACTER, teal.category());
        assertTrue(teal.score() > 0.5f, "teal character on a teal image: " + teal.score());
    }

    private static void assertThemes(String model, InferenceRuntime inf) {
        Map<Integer, String> expected = Map.of(0xE00000, "red_theme", 0x00D000, "green_theme", 0x1010F0, "blue_theme",
                0xF0F000, "yellow_theme");
        for (var e : expected.entrySet()) {
            TagResult r = inf.tag(model, List.of(solid(e.getKey(), 80, 80))).get(0);
            TagScore top = topGeneral(r);
            assertEquals(e.getValue(), top.name(), model + " on #" + Integer.toHexString(e.getKey()));
            assertTrue(top.score() > 0.9f, top.toString());
        }
        TagResult white = inf.tag(model, List.of(solid(0xFFFFFF, 50, 50))).get(0);
        assertTrue(topGeneral(white).score() < 0.1f, "no colour theme on white: " + topGeneral(white));
    }

    @Test
    void nonSquareImagesArePaddedWithWhiteBeforeTagging() {
        // 50x100 red (224,0,0) on a 100x100 white square: mean (239.5, 127.5, 127.5) / 255
        double r = (224 + 255) / 2.0 / 255;
        double g = 127.5 / 255;
        double expected = 1 / (1 + Math.exp(-(12 * (r - g) - 6)));
        for (String model : List.of("synthetic-wd-vit-tagger-v3", "synthetic-joytag")) {
            TagResult tall = inference.tag(model, List.of(solid(0xE00000, 50, 100))).get(0);
            float red = tall.scores().stream().filter(s -> s.name().equals("red_theme")).findFirst().orElseThrow().score();
            assertEquals(expected, red, 0.03, model + ": red_theme of a half-padded red image");
        }
    }

    private static TagScore topGeneral(TagResult r) {
        return r.scores().stream().filter(s -> s.name().endsWith("_theme"))
                .max(Comparator.comparingDouble(TagScore::score)).orElseThrow();
    }

    /** Proves these tests can fail: the same image through a deliberately wrong pipeline gives wrong answers. */
    @Test
    void rgbInsteadOfBgrSwapsRedAndBlueOnTheWdTagger(@TempDir Path dir) {
        ModelManifest wd = SyntheticModels.manifest("synthetic-wd-vit-tagger-v3");
        PreprocessSpec s = wd.preprocessSpec();
        ModelManifest wrong = wd.withPreprocessSpec(new PreprocessSpec(s.width(), s.height(), s.resize(),
                s.interpolation(), s.alpha(), PreprocessSpec.ColorOrder.RGB, s.layout(), s.scale(), s.mean(), s.std()));
        try (InferenceRuntime inf = InferenceRuntime.builder().builtIns(false).manifests(List.of(wrong))
                .modelDir(dir).device("cpu").intraOpThreads(2).build()) {
            TagResult r = inf.tag(wrong.id(), List.of(solid(0xE00000, 50, 50))).get(0);
            assertEquals("blue_theme", topGeneral(r).name(), "a red image fed as RGB to a BGR model reads as blue");
        }
    }

    @Test
    void bgrInsteadOfRgbTurnsRedIntoBlueOnTheClipTower(@TempDir Path dir) {
        ModelManifest clip = SyntheticModels.manifest("synthetic-colour-clip-image");
        PreprocessSpec s = clip.preprocessSpec();
        ModelManifest wrong = clip.withPreprocessSpec(new PreprocessSpec(s.width(), s.height(), s.resize(),
                s.interpolation(), s.alpha(), PreprocessSpec.ColorOrder.BGR, s.layout(), s.scale(), s.mean(), s.std()));
        try (InferenceRuntime inf = InferenceRuntime.builder().builtIns(false).manifests(List.of(wrong))
                .modelDir(dir).device("cpu").intraOpThreads(2).build()) {
            float[] swapped = inf.embedImages(wrong.id(), List.of(solid(0xFF0000, 32, 32))).get(0);
            float red = dot(swapped, inference.embedText("synthetic-colour-clip-text", "红").vector());
            float blue = dot(swapped, inference.embedText("synthetic-colour-clip-text", "蓝").vector());
            assertTrue(blue > 0.9f && red < 0.1f, "red image fed as BGR reads blue: red " + red + ", blue " + blue);
        }
    }

    @Test
    void zeroToOneInsteadOfZeroTo255LosesTheColourOnTheWdTagger(@TempDir Path dir) {
        ModelManifest wd = SyntheticModels.manifest("synthetic-wd-vit-tagger-v3");
        PreprocessSpec s = wd.preprocessSpec();
        ModelManifest wrong = wd.withPreprocessSpec(new PreprocessSpec(s.width(), s.height(), s.resize(),
                s.interpolation(), s.alpha(), s.colorOrder(), s.layout(), 1f / 255, s.mean(), s.std()));
        try (InferenceRuntime inf = InferenceRuntime.builder().builtIns(false).manifests(List.of(wrong))
                .modelDir(dir).device("cpu").intraOpThreads(2).build()) {
            TagResult r = inf.tag(wrong.id(), List.of(solid(0xE00000, 40, 40))).get(0);
            float red = r.scores().stream().filter(t -> t.name().equals("red_theme")).findFirst().orElseThrow().score();
            assertTrue(red < 0.1f, "values 0-1 look black to a 0-255 model: red_theme " + red);
        }
    }

    @Test
    void aWrongLayoutIsRejectedAtLoadWithTheShapeInTheMessage(@TempDir Path dir) {
        ModelManifest clip = SyntheticModels.manifest("synthetic-colour-clip-image");
        PreprocessSpec s = clip.preprocessSpec();
        ModelManifest wrong = clip.withPreprocessSpec(new PreprocessSpec(s.width(), s.height(), s.resize(),
                s.interpolation(), s.alpha(), s.colorOrder(), PreprocessSpec.Layout.NHWC, s.scale(), s.mean(), s.std()));
        try (InferenceRuntime inf = InferenceRuntime.builder().builtIns(false).manifests(List.of(wrong))
                .modelDir(dir).device("cpu").intraOpThreads(2).build()) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(dev.acgbot.models.api.ModelUnavailableException.class,
                    () -> inf.embedImages(wrong.id(), List.of(solid(0xFF0000, 8, 8))));
            assertTrue(e.getMessage().contains("does not match its manifest") && e.getMessage().contains("dimensions"),
                    e.getMessage());
        }
    }
}
