package dev.acgbot.testkit;

import java.util.SplittableRandom;

/**
 * Synthetic CLIP-like embeddings, the documented simulation of issue 4. Two levels, because real image
 * collections are: themes (a character, a style), and within them near-identical sets (variants, pages).
 * <ul>
 *   <li>{@code clusters} centres uniform on the sphere; each has sub-centres
 *       normalise(centre + {@link #SUB_SPREAD} * gaussian / sqrt(d)), one per {@link #PER_SUB} images;</li>
 *   <li>image vector = normalise(sub-centre + {@link #IMAGE_NOISE} * gaussian / sqrt(d)); rows are spread
 *       evenly over clusters and sub-centres;</li>
 *   <li>text query = normalise(centre + {@link #GAP} * g + {@link #TEXT_NOISE} * gaussian / sqrt(d)), where
 *       {@code g} is one unit "modality gap" vector shared by every text query, so text queries sit off the
 *       image manifold as CLIP's do (cosine to their cluster's images about 0.3-0.4, against about 0.6-0.8
 *       between images of one sub-centre);</li>
 *   <li>image queries are fresh draws around the sub-centres of the data (new images of a known set, as
 *       when someone posts a variant of a gallery picture), not rows of the data.</li>
 * </ul>
 * Deterministic for a seed.
 */
public final class ClusteredVectors {
    public static final float SUB_SPREAD = 0.8f;
    public static final float IMAGE_NOISE = 0.6f;
    public static final int PER_SUB = 10;
    public static final float GAP = 1.2f;
    public static final float TEXT_NOISE = 0.8f;

    private final int dimension;
    private final float[][] centres;
    private final float[] gap;
    private final long seed;
    private final long rows;

    /** @param rows number of data rows that will be drawn (image queries aim at their sub-centres) */
    public ClusteredVectors(int dimension, int clusters, long rows, long seed) {
        this.dimension = dimension;
        this.seed = seed;
        this.rows = rows;
        SplittableRandom random = new SplittableRandom(seed);
        centres = new float[clusters][];
        for (int c = 0; c < clusters; c++) {
            centres[c] = unitGaussian(random);
        }
        gap = unitGaussian(random);
    }

    public int dimension() {
        return dimension;
    }

    /** Row {@code i} of the data set: the same for the same seed, whatever order rows are asked in. */
    public float[] image(long i) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        return around(subCentre(i / PER_SUB), null, 0f, IMAGE_NOISE, random);
    }

    /** Sub-centre {@code s}, of cluster {@code s mod clusters}; recomputed, as there may be 100k of them. */
    private float[] subCentre(long s) {
        SplittableRandom random = new SplittableRandom(seed * 0xBF58476D1CE4E5B9L + s);
        return around(centres[(int) (s % centres.length)], null, 0f, SUB_SPREAD, random);
    }

    /** An image-like query, drawn independently of the data rows. */
    public float[] imageQuery(long i) {
        SplittableRandom random = new SplittableRandom(~seed * 31 + i);
        return around(subCentre(random.nextLong(Math.max(1, rows / PER_SUB))), null, 0f, IMAGE_NOISE, random);
    }

    /** A simulated text query for a random cluster. */
    public float[] textQuery(long i) {
        SplittableRandom random = new SplittableRandom(~seed * 131 + i);
        return around(centres[random.nextInt(centres.length)], gap, GAP, TEXT_NOISE, random);
    }

    private float[] around(float[] centre, float[] offset, float offsetScale, float noise, SplittableRandom random) {
        float[] v = new float[dimension];
        float scale = (float) (noise / Math.sqrt(dimension));
        for (int d = 0; d < dimension; d++) {
            v[d] = centre[d] + scale * (float) gaussian(random) + (offset == null ? 0f : offsetScale * offset[d]);
        }
        return normalise(v);
    }

    private float[] unitGaussian(SplittableRandom random) {
        float[] v = new float[dimension];
        for (int d = 0; d < dimension; d++) {
            v[d] = (float) gaussian(random);
        }
        return normalise(v);
    }

    static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian before Java 17's RandomGenerator default
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }

    public static float[] normalise(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        float inv = (float) (1.0 / Math.sqrt(Math.max(s, 1e-30)));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }
}
