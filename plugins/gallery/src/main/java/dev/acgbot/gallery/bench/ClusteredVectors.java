package dev.acgbot.gallery.bench;

import java.util.SplittableRandom;

/**
 * Synthetic CLIP-like embeddings, the documented simulation of issue 4:
 * <ul>
 *   <li>image vector = normalise(centre + {@link #IMAGE_NOISE} * gaussian / sqrt(d)), centres uniform on the
 *       sphere, images spread evenly over {@code clusters} centres (cosine to its centre about 0.7);</li>
 *   <li>text query = normalise(centre + {@link #GAP} * g + {@link #TEXT_NOISE} * gaussian / sqrt(d)) where
 *       {@code g} is one unit "modality gap" vector shared by every text query, so text queries sit off
 *       the image manifold as CLIP's do (cosine to images about 0.3-0.4);</li>
 *   <li>image queries are fresh draws from the image distribution (not rows of the data).</li>
 * </ul>
 * Deterministic for a seed.
 */
public final class ClusteredVectors {
    public static final float IMAGE_NOISE = 1.0f;
    public static final float GAP = 1.2f;
    public static final float TEXT_NOISE = 0.8f;

    private final int dimension;
    private final float[][] centres;
    private final float[] gap;
    private final long seed;

    public ClusteredVectors(int dimension, int clusters, long seed) {
        this.dimension = dimension;
        this.seed = seed;
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
        return around(centres[(int) (i % centres.length)], null, 0f, IMAGE_NOISE, random);
    }

    /** An image-like query, drawn independently of the data rows. */
    public float[] imageQuery(long i) {
        SplittableRandom random = new SplittableRandom(~seed * 31 + i);
        return around(centres[random.nextInt(centres.length)], null, 0f, IMAGE_NOISE, random);
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
