package dev.acgbot.models.check;

import dev.acgbot.models.manifest.CheckRecords;
import dev.acgbot.models.api.CheckVerdict;
import dev.acgbot.models.api.ModelInfo;
import dev.acgbot.models.api.ModelTask;
import dev.acgbot.models.api.TagCategory;
import dev.acgbot.models.api.TagResult;
import dev.acgbot.models.api.TagScore;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.manifest.ModelManifest;
import dev.acgbot.models.runtime.InferenceRuntime;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs an installed model on the built-in probes and says whether it is wired right: a swapped channel order,
 * a wrong value scale or layout, a mismatched tokenizer or an image tower paired with the wrong text tower
 * fails here, before 100k images are indexed with it.
 *
 * <ul>
 *   <li>CLIP towers: finite outputs of the manifest's dimension; the six solid colours against their words in
 *       Chinese and English through every installed tower of the same embedding space. A correctly wired CLIP
 *       ranks the right word first for nearly all: at least 10 of the 12 and 4 of 6 in each language (5 of 6
 *       for a tower that reads one language, such as OpenAI CLIP: {@code tokenizer.languages: [en]}). A
 *       swapped channel order gets red, blue and yellow wrong in both languages (at most 3 of 6).</li>
 *   <li>Taggers: one score per label, every score finite and within [0, 1] after the activation, rating
 *       labels present (label files that carry categories); where the label file has colour-theme tags, each
 *       theme's highest score must come from its own colour probe, by a margin of at least 0.05, for 3 of 4.
 *       A wrong scale leaves every probe looking alike (no margin); a swapped order mixes red and blue.</li>
 * </ul>
 */
public final class ModelChecker {
    /** Right words per 6 probes, averaged over the tower's languages: 5 of 6 (10 of 12 for Chinese and English). */
    static final int CLIP_MIN_SHARE_OF_6 = 5;
    static final int CLIP_MIN_PER_LANGUAGE = 4;
    static final int THEMES_MIN = 3;
    static final float THEME_MARGIN = 0.05f;

    private final InferenceRuntime runtime;
    private final Clock clock;

    public ModelChecker(InferenceRuntime runtime, Clock clock) {
        this.runtime = runtime;
        this.clock = clock;
    }

    /** Checks one model; never throws for a model that fails to load or run (that is a failed verdict). */
    public CheckVerdict check(String modelId) {
        ModelManifest manifest = runtime.manifest(modelId).orElseThrow(() -> new IllegalArgumentException("unknown model " + modelId));
        Findings f = new Findings();
        try {
            runtime.load(modelId);
            switch (manifest.task()) {
                case TAGGER -> checkTagger(manifest, f);
                case CLIP_IMAGE, CLIP_TEXT -> checkClip(manifest, f);
                case IMAGE_EMBEDDING -> expectVectors(runtime.embedImages(manifest.id(),
                        ColourProbes.ALL.stream().map(ColourProbes::image).toList()), manifest.output().dimension(), f);
            }
        } catch (RuntimeException e) {
            f.fail("cannot run: " + oneLine(e.getMessage()));
        }
        return new CheckVerdict(modelId, CheckRecords.pipelineHash(manifest), f.passed(), f.lines, clock.instant());
    }

    private void checkTagger(ModelManifest m, Findings f) {
        List<DecodedImage> images = ColourProbes.ALL.stream().map(ColourProbes::image).toList();
        List<TagResult> results = runtime.tag(m.id(), images);
        int labels = runtime.model(m.id()).map(ModelInfo::dimension).orElse(-1);
        int outputs = results.get(0).scores().size();
        f.expect(outputs == labels, outputs + " scores per image, one per label", outputs
                + " scores per image but the label file has " + labels + " labels");
        boolean inRange = results.stream().flatMap(r -> r.scores().stream())
                .allMatch(s -> Float.isFinite(s.score()) && s.score() >= 0f && s.score() <= 1f);
        f.expect(inRange, "every score finite and within [0, 1] after activation " + m.output().activation().name().toLowerCase(Locale.ROOT),
                "scores outside [0, 1] or not finite: the activation is wrong (manifest output.activation: "
                        + m.output().activation().name().toLowerCase(Locale.ROOT) + ")");
        List<TagScore> first = results.get(0).scores();
        long ratings = first.stream().filter(s -> s.category() == TagCategory.RATING).count();
        boolean categorised = first.stream().anyMatch(s -> s.category() != TagCategory.GENERAL);
        if (categorised) {
            f.expect(ratings > 0, ratings + " rating labels", "no rating labels in the label file");
        } else {
            f.note("the label file has no categories, so no rating labels to check");
        }
        checkThemes(first, results, f);
    }

    private void checkThemes(List<TagScore> labels, List<TagResult> results, Findings f) {
        List<String> names = labels.stream().map(TagScore::name).toList();
        int tested = 0;
        int right = 0;
        List<String> wrong = new ArrayList<>();
        for (int p = 0; p < ColourProbes.ALL.size(); p++) {
            ColourProbes probe = ColourProbes.ALL.get(p);
            int col = probe.theme().isEmpty() ? -1 : names.indexOf(probe.theme());
            if (col < 0) {
                continue;
            }
            tested++;
            float own = results.get(p).scores().get(col).score();
            float bestOther = 0f;
            String bestOtherName = "";
            for (int q = 0; q < results.size(); q++) {
                float s = results.get(q).scores().get(col).score();
                if (q != p && s >= bestOther) {
                    bestOther = s;
                    bestOtherName = ColourProbes.ALL.get(q).name();
                }
            }
            if (own - bestOther >= THEME_MARGIN) {
                right++;
            } else {
                wrong.add(String.format(Locale.ROOT, "%s %.2f on %s vs %.2f on %s", probe.theme(), own, probe.name(),
                        bestOther, bestOtherName));
            }
        }
        if (tested == 0) {
            f.note("no colour-theme labels: colour probe skipped");
            return;
        }
        int need = Math.min(THEMES_MIN, tested);
        f.expect(right >= need, "colour probes: " + right + "/" + tested + " themes highest on their own colour",
                "colour probes: only " + right + "/" + tested + " themes highest on their own colour ("
                        + String.join("; ", wrong) + "): check colour_order, scale, mean/std and layout");
    }

    /** Probes an image or text tower together with every installed tower of the other kind in its space. */
    private void checkClip(ModelManifest m, Findings f) {
        ModelTask other = m.task() == ModelTask.CLIP_IMAGE ? ModelTask.CLIP_TEXT : ModelTask.CLIP_IMAGE;
        List<ModelInfo> partners = runtime.models().stream()
                .filter(i -> i.task() == other && i.embeddingSpace().equals(m.embeddingSpace()) && i.available()).toList();
        int dim = m.output().dimension();
        if (m.task() == ModelTask.CLIP_IMAGE) {
            List<float[]> v = runtime.embedImages(m.id(), ColourProbes.ALL.stream().map(ColourProbes::image).toList());
            expectVectors(v, dim, f);
        } else {
            List<float[]> v = new ArrayList<>();
            ColourProbes.ALL.forEach(p -> {
                v.add(runtime.embedText(m.id(), p.chinese()).vector());
                v.add(runtime.embedText(m.id(), p.name()).vector());
            });
            expectVectors(v, dim, f);
        }
        if (partners.isEmpty()) {
            f.note("no installed " + other.manifestName() + " tower of embedding space " + m.embeddingSpace()
                    + ": colour words not probed (fetch its pair and check again)");
            return;
        }
        for (ModelInfo partner : partners) {
            String image = m.task() == ModelTask.CLIP_IMAGE ? m.id() : partner.id();
            String text = m.task() == ModelTask.CLIP_TEXT ? m.id() : partner.id();
            if (partner.dimension() != dim) {
                f.fail("paired with " + partner.id() + " but its dimension is " + partner.dimension() + ", not " + dim);
                continue;
            }
            List<String> languages = runtime.manifest(text).flatMap(ModelManifest::tokenizer)
                    .map(t -> t.languages()).orElse(List.of("zh", "en"));
            probeColourWords(image, text, languages, f);
        }
    }

    private void expectVectors(List<float[]> vectors, int dim, Findings f) {
        boolean sizes = vectors.stream().allMatch(v -> v.length == dim);
        boolean finite = vectors.stream().allMatch(v -> {
            for (float x : v) {
                if (!Float.isFinite(x)) {
                    return false;
                }
            }
            return true;
        });
        f.expect(sizes && finite, "finite " + dim + "-value embeddings (embedding.dim)",
                sizes ? "embeddings contain NaN or infinity" : "embeddings are not " + dim + " values (embedding.dim)");
    }

    private void probeColourWords(String imageModel, String textModel, List<String> languages, Findings f) {
        List<float[]> images = runtime.embedImages(imageModel, ColourProbes.ALL.stream().map(ColourProbes::image).toList());
        Map<String, Integer> correct = new java.util.LinkedHashMap<>();
        List<String> misses = new ArrayList<>();
        for (String language : languages.stream().map(l -> l.equals("zh") ? "Chinese" : "English").toList()) {
            List<float[]> words = ColourProbes.ALL.stream()
                    .map(p -> runtime.embedText(textModel, language.equals("Chinese") ? p.chinese() : p.name()).vector())
                    .toList();
            int ok = 0;
            for (int i = 0; i < images.size(); i++) {
                int best = argmax(images.get(i), words);
                if (best == i) {
                    ok++;
                } else {
                    ColourProbes b = ColourProbes.ALL.get(best);
                    misses.add(ColourProbes.ALL.get(i).name() + " image -> " + (language.equals("Chinese") ? b.chinese() : b.name()));
                }
            }
            correct.put(language, ok);
        }
        int total = correct.values().stream().mapToInt(Integer::intValue).sum();
        boolean pass = total * 6 >= CLIP_MIN_SHARE_OF_6 * 6 * correct.size()
                && correct.values().stream().allMatch(c -> c >= CLIP_MIN_PER_LANGUAGE);
        String counts = String.join(", ", correct.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + "/6").toList());
        f.expect(pass, "colour words with " + pairName(imageModel, textModel) + ": " + counts
                        + (misses.isEmpty() ? "" : " (" + String.join(", ", misses) + ")"),
                "colour words with " + pairName(imageModel, textModel) + ": only " + counts + " ranked first ("
                        + String.join(", ", misses) + "): check colour_order, scale, mean/std, layout and the tokenizer");
    }

    private static String pairName(String image, String text) {
        return image + " + " + text;
    }

    private static int argmax(float[] image, List<float[]> words) {
        int best = 0;
        double bestDot = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < words.size(); j++) {
            double d = 0;
            float[] w = words.get(j);
            for (int k = 0; k < w.length; k++) {
                d += (double) image[k] * w[k];
            }
            if (d > bestDot) {
                bestDot = d;
                best = j;
            }
        }
        return best;
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "no message";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** Collected lines; any FAIL fails the model. */
    private static final class Findings {
        final List<String> lines = new ArrayList<>();
        boolean failed;

        void expect(boolean ok, String okLine, String failLine) {
            if (ok) {
                lines.add("ok   " + okLine);
            } else {
                fail(failLine);
            }
        }

        void fail(String line) {
            failed = true;
            lines.add("FAIL " + line);
        }

        void note(String line) {
            lines.add("note " + line);
        }

        boolean passed() {
            return !failed;
        }
    }

    /** Ids of the models whose files are all present: what {@code models check} with no id checks. */
    public List<String> installed() {
        return runtime.models().stream().filter(ModelInfo::available).map(ModelInfo::id).toList();
    }
}
