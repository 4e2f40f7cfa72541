package dev.acgbot.models.runtime;

import dev.acgbot.models.manifest.ModelFile;
import dev.acgbot.models.manifest.ModelManifest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryPlanTest {
    private static final long MB = 1L << 20;

    /** The synthetic manifests with the real models' input sizes and the stand-ins' file sizes. */
    static ModelManifest sized(String id, long fileBytes) {
        ModelManifest m = SyntheticModels.manifest(id);
        List<ModelFile> files = m.files().stream().map(f -> f.name().equals(m.modelFile())
                ? new ModelFile(f.name(), f.url(), f.sha256(), fileBytes, f.localPath(), -1) : f).toList();
        return new ModelManifest(m.id(), m.task(), m.embeddingSpace(), m.description(), files, m.modelFile(), 0,
                m.image(), m.text(), m.tokenizer(), m.output(), m.labels(), m.origin(), m.baseDir(), m.canonical(),
                m.directory(), m.licence(), m.constantInputs());
    }

    static final List<ModelManifest> DEFAULT_SET = List.of(
            sized("synthetic-wd-vit-tagger-v3", 378 * MB),
            sized("synthetic-cn-clip-vit-b-16-image", 345 * MB),
            sized("synthetic-cn-clip-vit-b-16-text", 407 * MB));

    @Test
    void theDefaultBudgetGivesTheTaggerASmallBatchAndTheSmallerInputsLargerOnes() {
        MemoryPlan plan = MemoryPlan.of(MemoryBudget.parse("2.5g", 0), DEFAULT_SET, 32);
        assertEquals(640 * MB, plan.heap());
        Map<String, MemoryPlan.ModelCost> m = plan.models();
        // 448x448 makes 785 tokens (79 MB per image), 224x224 197 tokens (15 MB), 52 text tokens (3.5 MB)
        assertEquals(List.of(5, 27, 32), List.of(m.get("synthetic-wd-vit-tagger-v3").batch(),
                m.get("synthetic-cn-clip-vit-b-16-image").batch(), m.get("synthetic-cn-clip-vit-b-16-text").batch()));
        long worst = plan.heap() + MemoryPlan.RUNTIME_OVERHEAD
                + m.values().stream().mapToLong(MemoryPlan.ModelCost::weights).sum()
                + m.values().stream().mapToLong(c -> c.perItem() * (c.batch() - 1)).max().orElseThrow()
                + m.values().stream().mapToLong(MemoryPlan.ModelCost::perItem).sum();
        assertTrue(worst <= plan.budget().bytes(), "largest batch of one model plus one item of each fits: " + worst);
    }

    @Test
    void twoTowersOfOneGraphFileCountItsWeightsOnce() {
        // the int8 Chinese-CLIP towers read one 191 MB graph and hold one session (OneGraphTwoTowersTest)
        ModelManifest image = sized("synthetic-cn-clip-vit-b-16-image-int8", 191 * MB);
        ModelManifest text = sized("synthetic-cn-clip-vit-b-16-text-int8", 191 * MB);
        Map<String, MemoryPlan.ModelCost> m = MemoryPlan.of(MemoryBudget.parse("1g", 0), List.of(image, text), 32).models();
        assertEquals(MemoryPlan.weights(image), m.get(image.id()).weights());
        assertEquals(0, m.get(text.id()).weights());
        assertTrue(MemoryPlan.minimumFor(List.of(image, text))
                < MemoryPlan.minimumFor(List.of(image)) + MemoryPlan.weights(text));
    }

    @Test
    void aBudgetTooSmallForTheModelsIsRefusedSayingWhatItNeedsAndWhatFits() {
        MemoryPlan.TooSmall e = assertThrows(MemoryPlan.TooSmall.class,
                () -> MemoryPlan.of(MemoryBudget.parse("1500m", 0), DEFAULT_SET, 32));
        assertEquals("1.5 GB is too small for the configured models ("
                + "synthetic-wd-vit-tagger-v3 396 MB weights + 79 MB per image/text, "
                + "synthetic-cn-clip-vit-b-16-image 362 MB weights + 14 MB per image/text, "
                + "synthetic-cn-clip-vit-b-16-text 427 MB weights + 3 MB per image/text; "
                + "the heap takes 375 MB and the runtime about 250 MB). They need at least 2.0 GB: raise memory_budget, "
                + "or configure only synthetic-cn-clip-vit-b-16-image and synthetic-cn-clip-vit-b-16-text, which fit in 1.5 GB.",
                e.getMessage());
        assertTrue(MemoryPlan.minimumFor(DEFAULT_SET) <= MemoryBudget.parse("2g", 0).bytes());
        MemoryPlan.of(new MemoryBudget(MemoryPlan.minimumFor(DEFAULT_SET)), DEFAULT_SET, 32); // the minimum it names fits
    }

    @Test
    void aBudgetThatHoldsNoModelAloneSaysSo() {
        MemoryPlan.TooSmall e = assertThrows(MemoryPlan.TooSmall.class,
                () -> MemoryPlan.of(MemoryBudget.parse("600m", 0), DEFAULT_SET.subList(0, 1), 32));
        assertTrue(e.getMessage().endsWith("none of these models fits in 600 MB even alone."), e.getMessage());
    }

    @Test
    void budgetsParseAndTheDefaultFollowsTheMachine() {
        assertEquals(2L << 30, MemoryBudget.parse("2g", 0).bytes());
        assertEquals(2L << 30, MemoryBudget.parse(" 2 GB ", 0).bytes());
        assertEquals(1500 * MB, MemoryBudget.parse("1500m", 0).bytes());
        assertEquals((long) (2.5 * (1L << 30)), MemoryBudget.parse("2.5GiB", 0).bytes());
        // three fifths of a 4 GB server; capped at 2.5 GB on a large machine
        assertEquals((4L << 30) * 3 / 5, MemoryBudget.parse("auto", 4L << 30).bytes());
        assertEquals(MemoryBudget.DEFAULT_CAP, MemoryBudget.parse("", 23L << 30).bytes());
        assertEquals(512 * MB, MemoryBudget.parse("2g", 0).heapBytes());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> MemoryBudget.parse("lots", 0));
        assertEquals("memory_budget: expected auto or a size such as 2g or 1500m, got 'lots'", bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MemoryBudget.parse("100m", 0));
    }

    @Test
    void aLargerGivenHeapShrinksTheBatchesAndSaysHowFarOverTheBudgetTheWorstCaseGoes() {
        MemoryBudget budget = MemoryBudget.parse("2.5g", 0);
        MemoryPlan own = MemoryPlan.of(budget, DEFAULT_SET, 32);
        assertEquals(0, own.overBudget());
        // 128 MB more heap than the budget's 640: of the 484 MB left for activations 356 remain, one tagger image less
        MemoryPlan more = MemoryPlan.of(budget, 768 * MB, DEFAULT_SET, 32);
        assertEquals(768 * MB, more.heap());
        assertEquals(List.of(4, 18, 32), more.models().values().stream().map(MemoryPlan.ModelCost::batch).toList());
        assertEquals(0, more.overBudget());
        // the launcher's heap for a million images (1152 MB) leaves none: batch 1, and the worst case is over
        MemoryPlan gallery = MemoryPlan.of(budget, 1152 * MB, DEFAULT_SET, 32);
        assertEquals(List.of(1, 1, 1), gallery.models().values().stream().map(MemoryPlan.ModelCost::batch).toList());
        long weights = gallery.models().values().stream().mapToLong(MemoryPlan.ModelCost::weights).sum();
        long oneEach = gallery.models().values().stream().mapToLong(MemoryPlan.ModelCost::perItem).sum();
        assertEquals(1152 * MB + MemoryPlan.RUNTIME_OVERHEAD + weights + oneEach - budget.bytes(), gallery.overBudget());
        assertTrue(gallery.overBudget() > 0);
    }

    @Test
    void aGivenHeapNoLargerThanTheBudgetsChangesNothing() {
        MemoryBudget budget = MemoryBudget.parse("2.5g", 0);
        assertEquals(MemoryPlan.of(budget, DEFAULT_SET, 32), MemoryPlan.of(budget, 512 * MB, DEFAULT_SET, 32));
    }

    @Test
    void aGivenHeapNeverMakesABudgetThatHoldsTheModelsTooSmall() {
        MemoryBudget budget = new MemoryBudget(MemoryPlan.minimumFor(DEFAULT_SET));
        MemoryPlan plan = MemoryPlan.of(budget, 4096 * MB, DEFAULT_SET, 32);
        assertEquals(List.of(1, 1, 1), plan.models().values().stream().map(MemoryPlan.ModelCost::batch).toList());
    }
}
