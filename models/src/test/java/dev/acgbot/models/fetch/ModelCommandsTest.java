package dev.acgbot.models.fetch;

import dev.acgbot.models.manifest.ManifestRegistry;
import dev.acgbot.models.manifest.ModelManifest;
import dev.acgbot.models.manifest.ModelPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelCommandsTest {
    final ByteArrayOutputStream buf = new ByteArrayOutputStream();

    private ModelCommands commands(Path dir, DownloadSettings settings) {
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        ModelPaths paths = new ModelPaths(dir);
        return new ModelCommands(ManifestRegistry.load(List.of(Path.of("synthetic"))), paths,
                new ModelFetcher(paths, out, settings, Duration.ofSeconds(1), Duration.ofSeconds(5)), out, ModelCommands.DEFAULT_SET);
    }

    private String out() {
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listShowsEveryModelWithItsSizeAndWhetherItsFilesArePresent(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("wd-swinv2-tagger-v3"));
        Files.writeString(dir.resolve("wd-swinv2-tagger-v3/selected_tags.csv"), "tag_id,name,category,count\n");
        ModelCommands cmd = commands(dir, DownloadSettings.none());
        assertEquals(0, cmd.list());
        List<String> lines = out().lines().toList();
        for (ModelManifest m : ManifestRegistry.load(List.of(Path.of("synthetic"))).all()) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(m.id() + " ")), m.id() + " listed:\n" + out());
        }
        assertTrue(lines.stream().anyMatch(l -> l.matches("joytag +tagger +366 MB not fetched +JoyTag.*")), out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("wd-swinv2-tagger-v3 +tagger +~467 MB 1/2 present +WD SwinV2.*")), out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("wd-vit-tagger-v3 +tagger +~379 MB not fetched +WD ViT.*")), out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("wd-eva02-large-tagger-v3 +tagger +~1.26 GB not fetched .*")), out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("cn-clip-vit-b-16-image-fp16 +clip-image +~176 MB not fetched .*")), out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("immich-xlm-roberta-large-vit-b-16plus-text +clip-text +\\? not fetched .*")), out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("immich-xlm-roberta-large-vit-b-16plus-image +clip-image +~469 MB not fetched .*")), out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("synthetic-colour-clip-image") && l.contains(" installed ")), out());
        assertEquals(1, cmd.verify(Optional.of("wd-swinv2-tagger-v3")));
        assertEquals(0, cmd.verify(Optional.of("synthetic-joytag")));
    }

    @Test
    void anUnknownModelIsOneLineAndExitCode2(@TempDir Path dir) {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> commands(dir, DownloadSettings.none()).fetch(Optional.of("nosuch")));
        assertEquals("unknown model 'nosuch'; `acgbot models list` shows the " +
                ManifestRegistry.load(List.of(Path.of("synthetic"))).all().size() + " known models", e.getMessage());
        assertEquals("", out(), "nothing was fetched or printed");
    }

    /** Offline (here: a proxy that does not exist), fetch says the total first, then every pinned URL and destination. */
    @Test
    void offlineFetchOfTheDefaultSetListsEveryFilesPinnedUrlAndDestination(@TempDir Path dir) {
        DownloadSettings deadProxy = DownloadSettings.resolve(java.util.Map.of("https_proxy", "http://127.0.0.1:9"), java.util.Map.of());
        assertEquals(1, commands(dir, deadProxy).fetch(Optional.empty()));
        String out = out();
        assertTrue(out.startsWith("default models for /tag, /search and /similar: ".replace("/search and /similar", "/similar and /search")
                + "wd-vit-tagger-v3, cn-clip-vit-b-16-image, cn-clip-vit-b-16-text — ~1.14 GB in 4 files\n"), out);
        assertTrue(out.contains("looks offline"), out);
        ManifestRegistry registry = ManifestRegistry.builtIns().stream().collect(java.util.stream.Collectors.collectingAndThen(
                java.util.stream.Collectors.toList(), ManifestRegistry::of));
        for (String id : ModelCommands.DEFAULT_SET) {
            ModelManifest m = registry.find(id).orElseThrow();
            m.files().forEach(f -> assertTrue(out.contains(new ModelPaths(dir).resolve(m, f) + "  <- " + f.url().orElseThrow()),
                    f.name() + " listed with its URL:\n" + out));
            m.files().forEach(f -> assertTrue(f.pinned(), f.url().orElseThrow()));
        }
    }

    @Test
    void aUrlNotPinnedToARevisionIsPointedOutBeforeTheDownload(@TempDir Path dir) throws Exception {
        Path manifests = Files.createDirectories(dir.resolve("manifests"));
        Files.writeString(manifests.resolve("floating.yaml"), """
                id: floating
                task: clip-image
                embedding_space: s
                files:
                  - {name: model.onnx, url: "https://huggingface.co/org/repo/resolve/main/model.onnx", sha256: unknown}
                model: model.onnx
                input: {name: image, layout: NCHW, size: 224, resize: squash, interpolation: bicubic,
                        alpha: drop, colour_order: RGB, scale: 1/255}
                output: {name: out}
                embedding: {dim: 512}
                """);
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        ModelPaths paths = new ModelPaths(dir.resolve("models"));
        DownloadSettings deadProxy = DownloadSettings.resolve(java.util.Map.of("https_proxy", "http://127.0.0.1:9"), java.util.Map.of());
        ModelCommands cmd = new ModelCommands(ManifestRegistry.load(List.of(manifests)), paths,
                new ModelFetcher(paths, out, deadProxy, Duration.ofSeconds(1), Duration.ofSeconds(5)), out, ModelCommands.DEFAULT_SET);
        assertEquals(1, cmd.fetch(Optional.of("floating")));
        List<String> lines = out().lines().toList();
        assertEquals("fetching floating into " + paths.modelsDir().resolve("floating"), lines.get(0));
        assertEquals("  note: model.onnx comes from a URL not pinned to a revision; the sha256 recorded at this fetch pins it", lines.get(1));
    }
}
