package dev.acgbot.models.check;

import dev.acgbot.models.manifest.ImmichPackage;
import dev.acgbot.models.manifest.ManifestException;
import dev.acgbot.models.manifest.ManifestRegistry;
import dev.acgbot.models.manifest.ModelManifest;
import dev.acgbot.models.runtime.InferenceRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An Immich CLIP package laid out as Immich publishes it, built here from the SYNTHETIC OpenAI-CLIP-layout
 * towers (models/synthetic: same tensors as Immich's open_clip export, they answer colours): the importer
 * writes manifests from the package and the graphs, and `models check` passes on them.
 */
class ImmichPackageImportTest {
    @TempDir
    Path tmp;

    private Path immichPackage(String padToken) throws Exception {
        Path p = tmp.resolve("ViT-B-32__synthetic");
        Files.createDirectories(p.resolve("visual"));
        Files.createDirectories(p.resolve("textual"));
        Path syn = Path.of("synthetic/files");
        Files.copy(syn.resolve("synthetic-clip-vit-b-32-image.onnx"), p.resolve("visual/model.onnx"));
        Files.copy(syn.resolve("synthetic-clip-vit-b-32-text.onnx"), p.resolve("textual/model.onnx"));
        Files.copy(syn.resolve("synthetic-clip-tokenizer.json"), p.resolve("textual/tokenizer.json"));
        Files.writeString(p.resolve("config.json"), """
                {"embed_dim": 512, "vision_cfg": {"image_size": 224}, "text_cfg": {"context_length": 77}}""");
        Files.writeString(p.resolve("visual/preprocess_cfg.json"), """
                {"size": [224, 224], "mode": "RGB", "mean": [0.48145466, 0.4578275, 0.40821073],
                 "std": [0.26862954, 0.26130258, 0.27577711], "interpolation": "bicubic", "resize_mode": "shortest",
                 "fill_color": 0}""");
        Files.writeString(p.resolve("textual/tokenizer_config.json"), "{\"pad_token\": \"" + padToken + "\"}");
        return p;
    }

    @Test
    void aPackageBecomesTwoManifestsThatPassTheCheck() throws Exception {
        Path pkg = immichPackage("!");
        String id = ImmichPackage.defaultId(pkg);
        assertEquals("immich-vit-b-32__synthetic", id);
        ImmichPackage.Manifests m = ImmichPackage.read(pkg, id, List.of("en"));
        Path dir = Files.createDirectories(tmp.resolve("manifests"));
        Files.writeString(dir.resolve(m.imageId() + ".yaml"), m.imageYaml());
        Files.writeString(dir.resolve(m.textId() + ".yaml"), m.textYaml());

        ModelManifest image = ManifestRegistry.readFile(dir.resolve(m.imageId() + ".yaml"));
        ModelManifest text = ManifestRegistry.readFile(dir.resolve(m.textId() + ".yaml"));
        ModelManifest shipped = ManifestRegistry.readDirectory(Path.of("synthetic")).stream()
                .filter(x -> x.id().equals("synthetic-clip-vit-b-32-image")).findFirst().orElseThrow();
        assertEquals(shipped.preprocessSpec().toString().replaceAll("\\[F@\\w+", ""),
                image.preprocessSpec().toString().replaceAll("\\[F@\\w+", ""), "same pipeline as the hand-written manifest");
        assertEquals(java.util.Arrays.toString(shipped.preprocessSpec().mean()), java.util.Arrays.toString(image.preprocessSpec().mean()));
        assertEquals(1, image.fixedBatch());
        assertEquals("embedding", image.output().name());
        assertEquals("text", text.text().orElseThrow().name());
        assertEquals("INT32", text.text().orElseThrow().dtype().name());
        assertEquals(77, text.tokenizer().orElseThrow().contextLength());
        assertEquals(0, text.tokenizer().orElseThrow().padId());
        assertEquals(image.embeddingSpace(), text.embeddingSpace());

        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (InferenceRuntime rt = InferenceRuntime.builder().builtIns(false).manifestDirs(dir).modelDir(tmp.resolve("models"))
                .device("cpu").intraOpThreads(2).build()) {
            int rc = new CheckCommand(rt, new PrintStream(buf, true, StandardCharsets.UTF_8),
                    Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).run(Optional.empty());
            assertEquals(0, rc, buf.toString(StandardCharsets.UTF_8));
        }
        assertTrue(buf.toString(StandardCharsets.UTF_8).contains(
                "ok   colour words with immich-vit-b-32__synthetic-image + immich-vit-b-32__synthetic-text: English 6/6"), buf.toString(StandardCharsets.UTF_8));
    }

    @Test
    void thePadTokenIsLookedUpAmongTheAddedTokensToo() throws Exception {
        ImmichPackage.Manifests m = ImmichPackage.read(immichPackage("<|endoftext|>"), "p", List.of("zh", "en"));
        assertTrue(m.textYaml().contains("  pad_id: 49407\n  languages: [zh, en]\n"), m.textYaml());
    }

    @Test
    void aUint8NhwcExportIsRefusedSayingWhy() throws Exception {
        Path pkg = immichPackage("!");
        Files.copy(Path.of("synthetic/files/synthetic-wd-vit-tagger-v3.onnx"), pkg.resolve("visual/model.onnx"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING); // an NHWC graph: [N,448,448,3]
        ManifestException e = assertThrows(ManifestException.class, () -> ImmichPackage.read(pkg, "p", List.of("en")));
        assertTrue(e.getMessage().contains("acgbot feeds float32 [N,3,H,W]") && e.getMessage().contains("uint8 NHWC"), e.getMessage());
    }
}
