package dev.acgbot.models.manifest;

import dev.acgbot.models.api.ModelTask;
import dev.acgbot.models.preprocess.PreprocessSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManifestParserTest {

    private static ModelManifest builtIn(String id) {
        return ManifestRegistry.builtIns().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everyBuiltInParsesWithItsTaskAndTowers() {
        Map<String, ModelTask> expected = new java.util.HashMap<>(Map.of("wd-vit-tagger-v3", ModelTask.TAGGER, "joytag", ModelTask.TAGGER,
                "cn-clip-vit-b-16-image", ModelTask.CLIP_IMAGE, "cn-clip-vit-b-16-text", ModelTask.CLIP_TEXT,
                "clip-vit-b-32-image", ModelTask.CLIP_IMAGE, "clip-vit-b-32-text", ModelTask.CLIP_TEXT,
                "cn-clip-vit-b-16-image-fp16", ModelTask.CLIP_IMAGE, "cn-clip-vit-b-16-text-fp16", ModelTask.CLIP_TEXT));
        for (String int8 : List.of("cn-clip-vit-b-16", "clip-vit-b-32")) {
            expected.put(int8 + "-image-int8", ModelTask.CLIP_IMAGE);
            expected.put(int8 + "-text-int8", ModelTask.CLIP_TEXT);
        }
        for (String wd : List.of("wd-swinv2-tagger-v3", "wd-convnext-tagger-v3", "wd-vit-large-tagger-v3", "wd-eva02-large-tagger-v3")) {
            expected.put(wd, ModelTask.TAGGER);
        }
        for (String immich : List.of("immich-vit-b-16-siglip-i18n-256", "immich-xlm-roberta-large-vit-b-16plus")) {
            expected.put(immich + "-image", ModelTask.CLIP_IMAGE);
            expected.put(immich + "-text", ModelTask.CLIP_TEXT);
        }
        List<ModelManifest> all = ManifestRegistry.builtIns();
        assertEquals(expected.keySet(), all.stream().map(ModelManifest::id).collect(java.util.stream.Collectors.toSet()));
        all.forEach(m -> assertEquals(expected.get(m.id()), m.task(), m.id()));
        assertEquals(builtIn("cn-clip-vit-b-16-image").embeddingSpace(), builtIn("cn-clip-vit-b-16-text").embeddingSpace());
        assertTrue(!builtIn("clip-vit-b-32-text").embeddingSpace().equals(builtIn("cn-clip-vit-b-16-text").embeddingSpace()));
    }

    @Test
    void int8VariantsPairWithEachOtherAndNeverShareTheFp32VectorSpace() {
        for (String family : List.of("cn-clip-vit-b-16", "clip-vit-b-32")) {
            String space = builtIn(family + "-image-int8").embeddingSpace();
            assertEquals(space, builtIn(family + "-text-int8").embeddingSpace());
            assertTrue(!space.equals(builtIn(family + "-image").embeddingSpace()), family + ": int8 vectors are not fp32 vectors");
        }
        // the Chinese-CLIP int8 weights exist only as one two-tower graph: each side feeds the other's inputs
        ModelManifest image = builtIn("cn-clip-vit-b-16-image-int8");
        ModelManifest text = builtIn("cn-clip-vit-b-16-text-int8");
        assertEquals(image.files(), text.files());
        assertEquals(image.directory(), text.directory());
        assertEquals(List.of(new ConstantInput("input_ids", ConstantInput.ElementType.INT64, List.of(1L, 2L), List.of(101.0, 102.0)),
                new ConstantInput("attention_mask", ConstantInput.ElementType.INT64, List.of(1L, 2L), List.of(1.0, 1.0))),
                image.constantInputs());
        assertEquals(List.of(new ConstantInput("pixel_values", ConstantInput.ElementType.FLOAT32, List.of(1L, 3L, 224L, 224L),
                List.of(0.0))), text.constantInputs());
        assertEquals(new TextInput("input_ids", TextInput.TokenDtype.INT64, Optional.of("attention_mask")), text.text().orElseThrow());
        assertEquals(builtIn("cn-clip-vit-b-16-image").preprocessSpec().toString().replaceAll("\\[F@\\w+", ""),
                image.preprocessSpec().toString().replaceAll("\\[F@\\w+", ""), "the same pipeline as the fp32 tower");
        assertTrue(builtIn("clip-vit-b-32-text-int8").constantInputs().isEmpty(), "Xenova's CLIP B/32 towers are separate files");
    }

    private static final String CLIP_TEXT = """
            id: two-tower-text
            task: clip-text
            embedding_space: s
            files:
              - {name: m.onnx, url: none, sha256: unknown}
            model: m.onnx
            input: {name: input_ids, dtype: int64, attention_mask: attention_mask}
            tokenizer: {kind: bert-wordpiece, file: classpath:v.txt, context_length: 52}
            output: {name: text_embeds}
            embedding: {dim: 512}
            """;

    @Test
    void constantInputsAreCheckedAndHashedLikeThePipeline() {
        String fill = CLIP_TEXT + "constant_inputs:\n  - {name: pixel_values, dtype: float32, shape: [1, 3, 4, 4], fill: 0.5}\n";
        ModelManifest m = ManifestParser.parse(fill, "t", Optional.empty());
        ConstantInput c = m.constantInputs().get(0);
        assertEquals(48, c.elements());
        assertEquals(0.5, c.value(47));
        assertTrue(!m.canonical().equals(ManifestParser.parse(fill.replace("fill: 0.5", "fill: 0"), "t", Optional.empty()).canonical()),
                "another constant is another pipeline");
        assertTrue(ManifestParser.parse(CLIP_TEXT, "t", Optional.empty()).constantInputs().isEmpty());

        assertEquals("manifest two-tower-text: constant_inputs[0].name: 'attention_mask' is already fed (by the model's own"
                + " input or another constant) (in t)", error(CLIP_TEXT + "constant_inputs:\n  - {name: attention_mask, dtype:"
                + " int64, shape: [1], fill: 1}\n", "t"));
        assertEquals("manifest two-tower-text: constant_inputs[0].values: expected 4 numbers for shape [2, 2], got 3 (in t)",
                error(CLIP_TEXT + "constant_inputs:\n  - {name: x, dtype: int64, shape: [2, 2], values: [1, 2, 3]}\n", "t"));
        assertEquals("manifest two-tower-text: constant_inputs[0].values: expected whole numbers, got '1.5' (in t)",
                error(CLIP_TEXT + "constant_inputs:\n  - {name: x, dtype: int32, shape: [2], values: [1, 1.5]}\n", "t"));
        assertEquals("manifest two-tower-text: constant_inputs[0]: give either values (every element) or fill (one value for all) (in t)",
                error(CLIP_TEXT + "constant_inputs:\n  - {name: x, dtype: int64, shape: [1], values: [1], fill: 1}\n", "t"));
        assertTrue(error(CLIP_TEXT + "constant_inputs:\n  - {name: x, dtype: float64, shape: [1], fill: 1}\n", "t")
                .startsWith("manifest two-tower-text: constant_inputs[0].dtype: expected float32, int64 or int32, got 'float64'"));
        assertTrue(error(CLIP_TEXT + "constant_inputs:\n  - {name: x, dtype: float32, shape: [4096, 4097], fill: 0}\n", "t")
                .startsWith("manifest two-tower-text: constant_inputs[0].shape: more than 16777216 elements"));
        assertTrue(error(CLIP_TEXT + "constant_inputs:\n  - {name: x, dtype: float32, shape: [0], fill: 0}\n", "t")
                .startsWith("manifest two-tower-text: constant_inputs[0].shape: expected positive whole dimensions, got '0'"));
    }

    private static String error(String yaml, String origin) {
        return assertThrows(ManifestException.class, () -> ManifestParser.parse(yaml, origin, Optional.empty())).getMessage();
    }

    @Test
    void wdTaggerMapsToNhwcBgr0To255PadWhiteBicubic() {
        ModelManifest wd = builtIn("wd-vit-tagger-v3");
        PreprocessSpec s = wd.preprocessSpec();
        assertEquals(448, s.width());
        assertEquals(PreprocessSpec.Layout.NHWC, s.layout());
        assertEquals(PreprocessSpec.ColorOrder.BGR, s.colorOrder());
        assertEquals(1f, s.scale());
        assertEquals(PreprocessSpec.ResizeMode.PAD_SQUARE_WHITE, s.resize());
        assertEquals(PreprocessSpec.AlphaMode.COMPOSITE_WHITE, s.alpha());
        assertEquals(PreprocessSpec.Interpolation.BICUBIC, s.interpolation());
        assertEquals("input", wd.image().orElseThrow().name());
        assertEquals("output", wd.output().name());
        assertEquals(OutputSpec.Activation.NONE, wd.output().activation());
        assertTrue(wd.dynamicBatch());
        assertTrue(wd.files().stream().allMatch(f -> f.sha256().isEmpty()), "no invented checksums");
        assertTrue(wd.file("model.onnx").orElseThrow().url().orElseThrow()
                .startsWith("https://huggingface.co/SmilingWolf/wd-vit-tagger-v3/resolve/"));
    }

    @Test
    void cnClipTowersAreBatchOneSquashDropAlphaAndWordPiece52() {
        ModelManifest image = builtIn("cn-clip-vit-b-16-image");
        assertEquals(1, image.fixedBatch());
        PreprocessSpec s = image.preprocessSpec();
        assertEquals(PreprocessSpec.ResizeMode.SQUASH, s.resize());
        assertEquals(PreprocessSpec.AlphaMode.DROP, s.alpha());
        assertEquals(1f / 255, s.scale(), 1e-9);
        assertArrayEquals(new float[]{0.48145466f, 0.4578275f, 0.40821073f}, s.mean());
        assertEquals("unnorm_image_features", image.output().name());
        assertTrue(image.output().l2Normalize());
        ModelManifest text = builtIn("cn-clip-vit-b-16-text");
        TokenizerSpec t = text.tokenizer().orElseThrow();
        assertEquals(TokenizerSpec.Kind.BERT_WORDPIECE, t.kind());
        assertEquals(52, t.contextLength());
        assertEquals(0, t.padId());
        assertTrue(t.lowercase());
        assertEquals(TextInput.TokenDtype.INT64, text.text().orElseThrow().dtype());
    }

    @Test
    void openAiClipUsesClipBpe77AndInt32() {
        ModelManifest text = builtIn("clip-vit-b-32-text");
        assertEquals(TokenizerSpec.Kind.CLIP_BPE, text.tokenizer().orElseThrow().kind());
        assertEquals(77, text.tokenizer().get().contextLength());
        assertEquals(TextInput.TokenDtype.INT32, text.text().orElseThrow().dtype());
        assertEquals(PreprocessSpec.ResizeMode.SHORTER_SIDE_CENTER_CROP, builtIn("clip-vit-b-32-image").preprocessSpec().resize());
    }

    private static final String GOOD = """
            id: my-tagger
            task: tagger
            files:
              - {name: model.onnx, url: "https://example.invalid/m.onnx", sha256: unknown, size: unknown}
              - {name: tags.csv, path: tags.csv, sha256: unknown}
            model: model.onnx
            batch: dynamic
            input: {name: input, layout: NHWC, size: 448, resize: pad-square-white, interpolation: bicubic,
                    alpha: composite-white, colour_order: BGR, scale: 1}
            output: {name: output, activation: none}
            labels: {file: tags.csv}
            """;

    private static String error(String yaml) {
        return assertThrows(ManifestException.class, () -> ManifestParser.parse(yaml, "test.yaml", Optional.empty()))
                .getMessage();
    }

    @Test
    void aMinimalUserManifestParses() {
        ModelManifest m = ManifestParser.parse(GOOD, "test.yaml", Optional.empty());
        assertEquals("my-tagger", m.id());
        assertEquals(LabelsSpec.Format.SELECTED_TAGS_CSV, m.labels().orElseThrow().format());
    }

    @Test
    void errorsNameTheManifestAndTheKey() {
        assertEquals("manifest my-tagger: input.layout: expected NCHW or NHWC, got 'NWHC' (in test.yaml)",
                error(GOOD.replace("layout: NHWC", "layout: NWHC")));
        assertTrue(error(GOOD.replace("colour_order: BGR", "color_order: BGR"))
                .startsWith("manifest my-tagger: input.color_order: unknown key"));
        assertTrue(error(GOOD.replace("sha256: unknown, size", "sha256: abc, size"))
                .startsWith("manifest my-tagger: files[0].sha256: expected 64 hex digits or unknown"));
        assertTrue(error(GOOD.replace("model: model.onnx", "model: other.onnx"))
                .startsWith("manifest my-tagger: model: 'other.onnx' is not one of the files"));
        assertTrue(error(GOOD.replace("task: tagger", "task: detector"))
                .startsWith("manifest my-tagger: task: expected tagger, clip-image, clip-text or image-embedding"));
        assertTrue(error(GOOD.replace("batch: dynamic", "batch: 0"))
                .startsWith("manifest my-tagger: batch: expected dynamic or a fixed batch size"));
        assertTrue(error(GOOD.replace("scale: 1}", "scale: lots}")).startsWith("manifest my-tagger: input.scale:"));
        assertTrue(error(GOOD.replace("activation: none", "activation: softmax"))
                .startsWith("manifest my-tagger: output.activation: expected none or sigmoid"));
        assertTrue(error(GOOD.replace("labels: {file: tags.csv}\n", "")).startsWith("manifest my-tagger: labels: missing"));
        assertTrue(error("id: x\n  bad: [").startsWith("manifest test.yaml: not valid YAML"));
    }

    @Test
    void manifestHashFollowsLayoutAndChecksumsButNotNotes() {
        ModelManifest a = ManifestParser.parse(GOOD, "a", Optional.empty());
        ModelManifest noted = ManifestParser.parse(GOOD.replace("task: tagger", "task: tagger\nsource: a model card\ndescription: x"),
                "b", Optional.empty());
        ModelManifest rgb = ManifestParser.parse(GOOD.replace("colour_order: BGR", "colour_order: RGB"), "c", Optional.empty());
        Map<String, String> sums = Map.of("model.onnx", "1".repeat(64), "tags.csv", "2".repeat(64));
        String h = ManifestHash.of(a, sums);
        assertEquals(64, h.length());
        assertEquals(h, ManifestHash.of(noted, sums));
        assertTrue(!h.equals(ManifestHash.of(rgb, sums)), "a changed pipeline is a changed vector space");
        assertTrue(!h.equals(ManifestHash.of(a, Map.of("model.onnx", "3".repeat(64), "tags.csv", "2".repeat(64)))),
                "changed weights are a changed vector space");
    }

    @Test
    void everyBuiltInDownloadIsPinnedToARevisionAndNoChecksumIsInvented() {
        for (ModelManifest m : ManifestRegistry.builtIns()) {
            for (ModelFile f : m.files()) {
                String url = f.url().orElseThrow(() -> new AssertionError(m.id() + "/" + f.name() + " has no download URL"));
                assertTrue(url.matches("https://huggingface\\.co/[\\w.-]+/[\\w.-]+/resolve/[0-9a-f]{40}/[\\w./-]+"), url);
                assertTrue(f.pinned(), url);
                assertTrue(f.displaySize() > 0 || f.sha256().isEmpty(), m.id() + "/" + f.name());
            }
        }
        // the only checksums in the catalogue: JoyTag's two (issue 9) and the one the hub's LFS page shows
        assertEquals(List.of("joytag/model.onnx", "joytag/top_tags.txt", "cn-clip-vit-b-16-image-fp16/vit-b-16.img.fp16.onnx",
                        "cn-clip-vit-b-16-image-int8/model_quantized.onnx", "cn-clip-vit-b-16-text-int8/model_quantized.onnx",
                        "clip-vit-b-32-text-int8/text_model_quantized.onnx"),
                ManifestRegistry.builtIns().stream().flatMap(m -> m.files().stream().filter(ModelFile::hasKnownChecksum)
                        .map(f -> m.id() + "/" + f.name())).toList());
        assertEquals(List.of("cn-clip-vit-b-16", "cn-clip-vit-b-16-int8"), ManifestRegistry.builtIns().stream()
                .filter(m -> m.id().startsWith("cn-clip")).map(ModelManifest::directory).distinct().toList(),
                "the four OFA-Sys towers share the export's folder, the two int8 sides share their one graph's");
    }

    @Test
    void approximateSizesAndFoldersAreParsedAndCheckedAndNotHashed() {
        ModelManifest m = ManifestParser.parse(GOOD.replace("sha256: unknown, size", "sha256: unknown, approx_size: 3.77 MB, size")
                + "directory: shared-folder\nlicence: MIT\n", "t", Optional.empty());
        assertEquals(3_770_000L, m.files().get(0).approxSize());
        assertEquals("shared-folder", m.directory());
        assertEquals("MIT", m.licence());
        assertEquals(ManifestParser.parse(GOOD + "directory: shared-folder\n", "u", Optional.empty()).canonical(),
                ManifestParser.parse(GOOD + "directory: shared-folder\nlicence: other\n", "v", Optional.empty()).canonical());
        assertTrue(error(GOOD.replace("sha256: unknown, size", "sha256: unknown, approx_size: big, size"))
                .startsWith("manifest my-tagger: files[0].approx_size: expected a size such as '349 MB'"));
        assertTrue(error(GOOD + "directory: ../up\n").startsWith("manifest my-tagger: directory: expected a plain folder name"));
    }
}
