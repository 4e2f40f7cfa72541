package dev.acgbot.commands.tag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Zero-shot ranking of keywords against an image, the CLIP way: cosine similarity of unit vectors, scaled by
 * CLIP's learned logit scale (100) and turned into probabilities with a softmax over the keywords.
 */
final class KeywordRanker {
    static final double LOGIT_SCALE = 100.0;

    record Ranked(String keyword, double similarity, double probability) {
    }

    private KeywordRanker() {
    }

    static List<Ranked> rank(float[] image, List<String> keywords, Function<String, float[]> embedText) {
        double[] sims = new double[keywords.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < sims.length; i++) {
            float[] text = embedText.apply(keywords.get(i));
            double dot = 0;
            for (int d = 0; d < image.length; d++) {
                dot += image[d] * text[d];
            }
            sims[i] = dot;
            max = Math.max(max, dot);
        }
        double sum = 0;
        double[] exp = new double[sims.length];
        for (int i = 0; i < sims.length; i++) {
            exp[i] = Math.exp(LOGIT_SCALE * (sims[i] - max));
            sum += exp[i];
        }
        List<Ranked> out = new ArrayList<>();
        for (int i = 0; i < sims.length; i++) {
            out.add(new Ranked(keywords.get(i), sims[i], exp[i] / sum));
        }
        out.sort(Comparator.comparingDouble(Ranked::similarity).reversed());
        return out;
    }
}
