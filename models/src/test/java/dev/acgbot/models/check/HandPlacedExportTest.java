package dev.acgbot.models.check;

import dev.acgbot.models.fetch.ModelCommands;
import dev.acgbot.models.fetch.ModelFetcher;
import dev.acgbot.models.manifest.ManifestRegistry;
import dev.acgbot.models.manifest.ModelPaths;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chinese-CLIP exported by hand, laid out exactly as OFA-Sys's pytorch_to_onnx.py writes it
 * ({@code --save-onnx-path <models dir>/cn-clip-vit-b-16/vit-b-16}), is found by the built-in manifests with
 * no manifest of one's own. The graphs here are the SYNTHETIC Chinese-CLIP towers (same tensors as the real
 * export; they answer colours), so {@code models check} can prove the wiring end to end.
 */
class HandPlacedExportTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path models;

    private String listed() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        ModelPaths paths = new ModelPaths(models);
        new ModelCommands(ManifestRegistry.load(List.of()), paths, new ModelFetcher(paths, out), out, ModelCommands.DEFAULT_SET).list();
        return buf.toString(StandardCharsets.UTF_8);
    }

    private String check(String id) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (InferenceRuntime rt = InferenceRuntime.builder().modelDir(models).device("cpu").intraOpThreads(2).build()) {
            int rc = new CheckCommand(rt, new PrintStream(buf, true, StandardCharsets.UTF_8), CLOCK).run(Optional.of(id));
            assertEquals(0, rc, buf.toString(StandardCharsets.UTF_8));
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anFp32ExportIsOneFilePerTowerAndPassesTheCheck() throws Exception {
        Path export = Files.createDirectories(models.resolve("cn-clip-vit-b-16"));
        Files.copy(Path.of("synthetic/files/synthetic-cn-clip-vit-b-16-image.onnx"), export.resolve("vit-b-16.img.fp32.onnx"));
        Files.copy(Path.of("synthetic/files/synthetic-cn-clip-vit-b-16-text.onnx"), export.resolve("vit-b-16.txt.fp32.onnx"));
        String list = listed();
        assertTrue(list.lines().anyMatch(l -> l.matches("cn-clip-vit-b-16-image +clip-image +~349 MB installed .*")), list);
        assertTrue(list.lines().anyMatch(l -> l.matches("cn-clip-vit-b-16-text +clip-text +~411 MB installed .*")), list);
        assertTrue(list.lines().anyMatch(l -> l.matches("cn-clip-vit-b-16-image-fp16 +clip-image +~176 MB not fetched .*")), list);
        String out = check("cn-clip-vit-b-16-image");
        assertEquals("""
                cn-clip-vit-b-16-image:
                  ok   finite 512-value embeddings (embedding.dim)
                  ok   colour words with cn-clip-vit-b-16-image + cn-clip-vit-b-16-text: Chinese 6/6, English 5/6 (yellow image -> black)
                  => PASS cn-clip-vit-b-16-image
                all 1 checked model(s) passed
                """, out);
    }

    @Test
    void anFp16ExportWithItsExtraFilesIsFoundAndLoadsItsExternalData() throws Exception {
        Path export = Files.createDirectories(models.resolve("cn-clip-vit-b-16"));
        Path fixture = Path.of("src/test/resources/check/cn-clip-fp16-export");
        for (String f : List.of("vit-b-16.txt.fp16.onnx", "vit-b-16.txt.fp16.onnx.extra_file")) {
            Files.copy(fixture.resolve(f), export.resolve(f));
        }
        String list = listed();
        assertTrue(list.lines().anyMatch(l -> l.matches("cn-clip-vit-b-16-text-fp16 +clip-text +~206 MB installed .*")), list);
        String out = check("cn-clip-vit-b-16-text-fp16");
        assertTrue(out.contains("ok   finite 512-value embeddings (embedding.dim)\n"), out);
        assertTrue(out.contains("note no installed clip-image tower of embedding space cn-clip-vit-b-16-fp16"), out);
    }

    @Test
    void aPlacedFileWithTheWrongChecksumIsNotInstalled() throws Exception {
        Path export = Files.createDirectories(models.resolve("cn-clip-vit-b-16"));
        Path fixture = Path.of("src/test/resources/check/cn-clip-fp16-export");
        for (String f : List.of("vit-b-16.img.fp16.onnx", "vit-b-16.img.fp16.onnx.extra_file")) {
            Files.copy(fixture.resolve(f), export.resolve(f)); // synthetic: not the hub's file, whose sha256 is pinned
        }
        assertTrue(listed().lines().anyMatch(l -> l.matches("cn-clip-vit-b-16-image-fp16 +clip-image +~176 MB 1/2 present .*")));
    }
}
