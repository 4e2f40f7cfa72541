package dev.acgbot.models.check;

import dev.acgbot.models.manifest.CheckRecords;
import dev.acgbot.models.api.CheckVerdict;
import dev.acgbot.models.manifest.ManifestRegistry;
import dev.acgbot.models.manifest.ModelManifest;
import dev.acgbot.models.preprocess.PreprocessSpec;
import dev.acgbot.models.runtime.InferenceRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code models check} on the committed synthetic known-answer models (they answer colours; they are not real
 * models) and on the same models fed through a deliberately wrong pipeline: every synthetic model passes,
 * every negative variant fails and says why.
 */
class ModelCheckTest {
    static final Path SYNTHETIC = Path.of("synthetic");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path models;

    private InferenceRuntime runtime(List<ModelManifest> overrides) {
        return InferenceRuntime.builder().builtIns(false).manifestDirs(SYNTHETIC).manifests(overrides)
                .modelDir(models).device("cpu").intraOpThreads(2).maxWait(Duration.ofMillis(1)).build();
    }

    private static ModelManifest synthetic(String id) {
        return ManifestRegistry.readDirectory(SYNTHETIC).stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    private static ModelManifest withSpec(String id, UnaryOperator<PreprocessSpec> change) {
        ModelManifest m = synthetic(id);
        return m.withPreprocessSpec(change.apply(m.preprocessSpec()));
    }

    private static PreprocessSpec order(PreprocessSpec s, PreprocessSpec.ColorOrder o) {
        return new PreprocessSpec(s.width(), s.height(), s.resize(), s.interpolation(), s.alpha(), o, s.layout(),
                s.scale(), s.mean(), s.std());
    }

    @Test
    void everySyntheticModelPassesAndTheVerdictIsRecorded() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (InferenceRuntime rt = runtime(List.of())) {
            int rc = new CheckCommand(rt, new PrintStream(buf, true, StandardCharsets.UTF_8), CLOCK).run(Optional.empty());
            String out = buf.toString(StandardCharsets.UTF_8);
            assertEquals(0, rc, out);
            List<String> ids = ManifestRegistry.readDirectory(SYNTHETIC).stream().map(ModelManifest::id).toList();
            assertEquals(12, ids.size());
            for (String id : ids) {
                assertTrue(out.contains("  => PASS " + id + "\n"), id + " in\n" + out);
                CheckVerdict v = CheckRecords.read(rt.paths(), synthetic(id)).orElseThrow();
                assertTrue(v.passed());
                assertEquals(CLOCK.instant(), v.checkedAt());
                assertTrue(rt.failedCheck(id).isEmpty());
            }
            assertTrue(out.contains("ok   colour words with synthetic-cn-clip-vit-b-16-image + synthetic-cn-clip-vit-b-16-text: Chinese 6/6, English "), out);
            assertTrue(out.contains("ok   colour words with synthetic-clip-vit-b-32-image + synthetic-clip-vit-b-32-text: English 6/6\n"), out);
            // the int8 twins: two towers, and one graph checked from both sides (each feeding the other's constants)
            assertTrue(out.contains("ok   colour words with synthetic-clip-vit-b-32-image-int8 + synthetic-clip-vit-b-32-text-int8: English 6/6\n"), out);
            assertTrue(out.contains("ok   colour words with synthetic-cn-clip-vit-b-16-image-int8 + synthetic-cn-clip-vit-b-16-text-int8: Chinese 6/6, English "), out);
            assertTrue(out.contains("ok   10861 scores per image, one per label"), out);
            assertTrue(out.contains("ok   colour probes: 4/4 themes highest on their own colour"), out);
            assertTrue(out.contains("note the label file has no categories, so no rating labels to check"), out);
            assertTrue(out.endsWith("all 12 checked model(s) passed\n"), out);
        }
    }

    private CheckVerdict checkOne(ModelManifest wrong) {
        try (InferenceRuntime rt = runtime(List.of(wrong))) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            int rc = new CheckCommand(rt, new PrintStream(buf, true, StandardCharsets.UTF_8), CLOCK).run(Optional.of(wrong.id()));
            String out = buf.toString(StandardCharsets.UTF_8);
            assertEquals(1, rc, out);
            assertTrue(out.contains("  => FAIL " + wrong.id()), out);
            CheckVerdict v = rt.failedCheck(wrong.id()).orElseThrow(() -> new AssertionError("not blocking:\n" + out));
            assertFalse(v.passed());
            return v;
        }
    }

    @Test
    void aTaggerFedRgbInsteadOfBgrFailsOnTheColourProbes() {
        CheckVerdict v = checkOne(withSpec("synthetic-wd-vit-tagger-v3", s -> order(s, PreprocessSpec.ColorOrder.RGB)));
        assertTrue(v.reason().startsWith("FAIL colour probes: only "), v.reason());
        assertTrue(v.reason().contains("red_theme") && v.reason().contains("check colour_order"), v.reason());
    }

    @Test
    void aTaggerFedZeroToOneInsteadOf255FailsOnTheColourProbes() {
        CheckVerdict v = checkOne(withSpec("synthetic-wd-vit-tagger-v3", s -> new PreprocessSpec(s.width(), s.height(),
                s.resize(), s.interpolation(), s.alpha(), s.colorOrder(), s.layout(), 1f / 255, s.mean(), s.std())));
        assertTrue(v.reason().startsWith("FAIL colour probes: only 0/4"), v.reason());
    }

    @Test
    void aClipImageTowerFedBgrFailsOnColourWordsInBothLanguages() {
        CheckVerdict v = checkOne(withSpec("synthetic-colour-clip-image", s -> order(s, PreprocessSpec.ColorOrder.BGR)));
        assertTrue(v.reason().startsWith("FAIL colour words with synthetic-colour-clip-image + synthetic-colour-clip-text: only Chinese 3/6, English "), v.reason());
        assertTrue(v.reason().contains("red image -> 蓝色") && v.reason().contains("blue image -> red"), v.reason());
        assertTrue(v.findings().get(0).startsWith("ok   finite 512-value embeddings"), v.findings().toString());
    }

    @Test
    void aClipImageTowerWithTheWrongLayoutFailsToRun() {
        CheckVerdict v = checkOne(withSpec("synthetic-colour-clip-image", s -> new PreprocessSpec(s.width(), s.height(),
                s.resize(), s.interpolation(), s.alpha(), s.colorOrder(), PreprocessSpec.Layout.NHWC, s.scale(), s.mean(), s.std())));
        assertTrue(v.reason().startsWith("FAIL cannot run: model synthetic-colour-clip-image does not match its manifest"), v.reason());
    }

    @Test
    void aFailedVerdictStopsBlockingOnceTheManifestChanges() {
        ModelManifest wrong = withSpec("synthetic-colour-clip-image", s -> order(s, PreprocessSpec.ColorOrder.BGR));
        checkOne(wrong);
        try (InferenceRuntime fixed = runtime(List.of())) {
            assertTrue(fixed.failedCheck("synthetic-colour-clip-image").isEmpty(), "the fixed manifest is another pipeline");
            assertFalse(CheckRecords.read(fixed.paths(), synthetic("synthetic-colour-clip-image")).orElseThrow().passed());
        }
    }

    @Test
    void anUnknownIdIsRefusedWithTheSameWordsAsFetch() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (InferenceRuntime rt = runtime(List.of())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new CheckCommand(rt, new PrintStream(buf, true, StandardCharsets.UTF_8), CLOCK).run(Optional.of("nosuch")));
            assertEquals("unknown model 'nosuch'; `acgbot models list` shows the known models", e.getMessage());
        }
        assertEquals("", buf.toString(StandardCharsets.UTF_8), "nothing on standard output");
    }
}
