package dev.acgbot.gallery;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where the indexing stage of a reindex spent its time, stage by stage, with how many images each stage handled,
 * so that the images per second of each stage can be compared with the whole. Times of a stage run on several
 * threads (decoding) are summed over the threads, so a stage's images per second is what one thread does.
 *
 * @param indexing   wall time of the indexing stage, from the first file read to the last commit
 * @param images     files through the indexing stage (read, then committed, failed or found known)
 * @param decode     files read, hashed and, when their content needed it, decoded, reduced and perceptually hashed
 *                   (on the decode threads; waits for the memory budgets are not counted)
 * @param preprocess per image model: images preprocessed to its input, on the indexing thread (empty when the
 *                   engine does not report it)
 * @param inference  per model: images its batches ran and the wall time they ran (with an engine that does not
 *                   report it, the time of the gallery's calls, preprocessing included)
 * @param commit     files committed to the store, and the time of those commits
 * @param engineBusy share of {@code indexing} during which at least one model was running a batch (with an engine
 *                   that does not report it, during which the gallery was waiting for one), 0 to 1
 */
public record ReindexStages(Duration indexing, long images, Stage decode, List<ModelStage> preprocess,
                            List<ModelStage> inference, Stage commit, double engineBusy) {
    /** Nothing indexed (nothing changed, or a summary made without measuring). */
    public static final ReindexStages NONE = new ReindexStages(Duration.ZERO, 0, Stage.NONE, List.of(), List.of(), Stage.NONE, 0);

    public ReindexStages {
        preprocess = List.copyOf(preprocess);
        inference = List.copyOf(inference);
    }

    /** Files through the indexing stage per second of its wall time. */
    public double imagesPerSecond() {
        return perSecond(images, indexing);
    }

    /**
     * @param images how many the stage handled
     * @param time   the time it spent on them (summed over its threads)
     */
    public record Stage(long images, Duration time) {
        public static final Stage NONE = new Stage(0, Duration.ZERO);

        public double imagesPerSecond() {
            return perSecond(images, time);
        }
    }

    /**
     * One model's share of a stage.
     *
     * @param model     the model id
     * @param inputSide the longer side of its input in pixels (0 where unknown)
     */
    public record ModelStage(String model, int inputSide, long images, Duration time) {
        public double imagesPerSecond() {
            return perSecond(images, time);
        }
    }

    private static double perSecond(long images, Duration time) {
        return time.isZero() ? 0 : images / (time.toNanos() / 1e9);
    }

    /** One line for the operator's log and the command line, in English. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.2f images/s overall (%d in %.1f s); per stage, images/s: decode %.1f, "
                        + "preprocess %s, inference %s, commit %.1f; engine busy %.0f %%%s",
                imagesPerSecond(), images, indexing.toNanos() / 1e9, decode.imagesPerSecond(), perModel(preprocess, true),
                perModel(inference, false), commit.imagesPerSecond(), engineBusy * 100, busyPerModel());
    }

    private static String perModel(List<ModelStage> stages, boolean withSide) {
        if (stages.isEmpty()) {
            return "-";
        }
        return stages.stream().map(s -> String.format(Locale.ROOT, "%s%s %.1f", s.model(),
                withSide && s.inputSide() > 0 ? " (" + s.inputSide() + ")" : "", s.imagesPerSecond())).collect(Collectors.joining(", "));
    }

    private String busyPerModel() {
        if (inference.size() < 2 || indexing.isZero()) {
            return "";
        }
        return inference.stream().map(s -> String.format(Locale.ROOT, "%s %.0f %%", s.model(),
                100.0 * s.time().toNanos() / indexing.toNanos())).collect(Collectors.joining(", ", " (", ")"));
    }
}
