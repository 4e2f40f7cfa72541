package dev.acgbot.models.manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManifestRegistryTest {

    @Test
    void userManifestsOverrideBuiltInsAndAddModels(@TempDir Path dir) throws Exception {
        String builtIn = ManifestRegistry.resource("dev/acgbot/models/manifests/wd-vit-tagger-v3.yaml");
        Files.writeString(dir.resolve("wd.yaml"), builtIn.replace("batch: dynamic", "batch: 1"));
        Files.writeString(dir.resolve("mine.yml"), builtIn.replace("id: wd-vit-tagger-v3", "id: my-wd-copy"));
        Files.writeString(dir.resolve("notes.txt"), "not a manifest");
        ManifestRegistry reg = ManifestRegistry.load(List.of(dir, dir.resolve("absent")));
        assertEquals(1, reg.find("wd-vit-tagger-v3").orElseThrow().fixedBatch());
        assertTrue(reg.find("wd-vit-tagger-v3").get().origin().endsWith("wd.yaml"));
        assertTrue(reg.find("my-wd-copy").isPresent());
        assertTrue(reg.find("joytag").isPresent(), "built-ins stay");
    }

    @Test
    void localPathsResolveAgainstTheManifestDirectoryOthersUnderTheModelsDir(@TempDir Path dir) {
        ModelManifest m = ManifestRegistry.readFile(Path.of("synthetic/synthetic-joytag.yaml"));
        ModelPaths paths = new ModelPaths(dir);
        assertEquals(Path.of("synthetic/files/synthetic-joytag.onnx").toAbsolutePath().normalize(),
                paths.resolve(m, "model.onnx"));
        ModelManifest wd = ManifestRegistry.builtIns().get(0);
        assertEquals(dir.toAbsolutePath().resolve("wd-vit-tagger-v3").resolve("model.onnx"), paths.resolve(wd, "model.onnx"));
    }

    @Test
    void everySyntheticManifestIsMarkedSyntheticAndMirrorsAShippedLayout() {
        List<ModelManifest> synthetic = ManifestRegistry.readDirectory(Path.of("synthetic"));
        assertEquals(12, synthetic.size());
        for (ModelManifest m : synthetic) {
            assertTrue(m.id().startsWith("synthetic-") && m.description().startsWith("SYNTHETIC"), m.id());
            assertTrue(m.files().stream().allMatch(f -> f.localPath().isPresent() && f.sha256().isPresent()), m.id());
        }
        for (ModelManifest real : ManifestRegistry.builtIns()) {
            if (real.id().startsWith("immich-")) {
                continue; // Immich's multilingual packages have no synthetic twin yet (int32 ids, 640/768 dims)
            }
            // the WD v3 family shares the ViT's tensors and pipeline; Chinese-CLIP fp16 keeps fp32 inputs/outputs
            String twinId = "synthetic-" + real.id().replaceAll("^wd-[a-z0-9-]+-tagger-v3$", "wd-vit-tagger-v3")
                    .replace("-fp16", "");
            ModelManifest twin = synthetic.stream().filter(s -> s.id().equals(twinId)).findFirst()
                    .orElseThrow(() -> new AssertionError("no synthetic twin for " + real.id()));
            assertEquals(real.task(), twin.task());
            assertEquals(real.fixedBatch(), twin.fixedBatch(), real.id());
            assertEquals(real.image().map(i -> i.name()), twin.image().map(i -> i.name()));
            assertEquals(real.image().map(i -> i.spec().toString().replaceAll("\\[F@\\w+", "")),
                    twin.image().map(i -> i.spec().toString().replaceAll("\\[F@\\w+", "")), real.id());
            real.image().ifPresent(i -> {
                assertEquals(java.util.Arrays.toString(i.spec().mean()), java.util.Arrays.toString(twin.preprocessSpec().mean()));
                assertEquals(java.util.Arrays.toString(i.spec().std()), java.util.Arrays.toString(twin.preprocessSpec().std()));
            });
            assertEquals(real.text(), twin.text(), real.id());
            assertEquals(real.constantInputs(), twin.constantInputs(), real.id());
            assertEquals(real.output().name(), twin.output().name());
            assertEquals(real.output().activation(), twin.output().activation());
            assertEquals(real.tokenizer().map(TokenizerSpec::kind), twin.tokenizer().map(TokenizerSpec::kind));
            assertEquals(real.tokenizer().map(TokenizerSpec::contextLength), twin.tokenizer().map(TokenizerSpec::contextLength));
        }
    }
}
