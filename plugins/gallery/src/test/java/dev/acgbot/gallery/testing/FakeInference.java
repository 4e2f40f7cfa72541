package dev.acgbot.gallery.testing;

import dev.acgbot.models.api.Inference;
import dev.acgbot.models.api.ModelInfo;
import dev.acgbot.models.api.ModelTask;
import dev.acgbot.models.api.TagCategory;
import dev.acgbot.models.api.TagResult;
import dev.acgbot.models.api.TagScore;
import dev.acgbot.models.api.TextEmbedding;
import dev.acgbot.models.image.DecodedImage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Inference without ONNX: the "embedding" of an image is its mean colour per quadrant (12 values, centred
 * and normalised), so images of similar colours are near each other. A tagger "sees" {@code red} or
 * {@code blue} when that channel dominates, and rates red pictures explicit (the others general). Optional delay per batch simulates a busy engine.
 */
public final class FakeInference implements Inference {
    public static final String CLIP = "fake-clip";
    public static final String TEXT = "fake-clip-text";
    public static final String TAGGER = "fake-tagger";
    public static final int DIM = 12;

    private final String manifestHash;
    private final long delayMillis;
    public final AtomicInteger embeddedImages = new AtomicInteger();

    public FakeInference(String manifestHash, long delayMillisPerBatch) {
        this.manifestHash = manifestHash;
        this.delayMillis = delayMillisPerBatch;
    }

    public FakeInference() {
        this("hash-1", 0);
    }

    @Override
    public List<ModelInfo> models() {
        return List.of(new ModelInfo(CLIP, ModelTask.CLIP_IMAGE, "fake-space", DIM, manifestHash, true, "cpu"),
                new ModelInfo(TEXT, ModelTask.CLIP_TEXT, "fake-space", DIM, manifestHash, true, "cpu"),
                new ModelInfo(TAGGER, ModelTask.TAGGER, "", 2, "tagger-hash", true, "cpu"));
    }

    @Override
    public Optional<ModelInfo> model(String id) {
        return models().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    @Override
    public List<TagResult> tag(String modelId, List<DecodedImage> images) {
        pause();
        List<TagResult> out = new ArrayList<>();
        for (DecodedImage img : images) {
            float[] v = raw(img);
            float r = v[0] + v[3] + v[6] + v[9];
            float b = v[2] + v[5] + v[8] + v[11];
            // WD-style rating labels too: red-dominant pictures are "explicit", the others "general"
            out.add(new TagResult(modelId, List.of(new TagScore("general", TagCategory.RATING, r > b ? 0.05f : 0.9f),
                    new TagScore("explicit", TagCategory.RATING, r > b ? 0.9f : 0.05f),
                    new TagScore("red", TagCategory.GENERAL, r > b ? 0.9f : 0.05f),
                    new TagScore("blue", TagCategory.GENERAL, b >= r ? 0.9f : 0.05f))));
        }
        return out;
    }

    @Override
    public List<float[]> embedImages(String modelId, List<DecodedImage> images) {
        if (!CLIP.equals(modelId)) {
            throw new IllegalArgumentException(modelId);
        }
        pause();
        embeddedImages.addAndGet(images.size());
        List<float[]> out = new ArrayList<>();
        for (DecodedImage img : images) {
            out.add(normalise(raw(img)));
        }
        return out;
    }

    /** Embedding a text: "red" or "blue" or "green" point at that colour. */
    @Override
    public TextEmbedding embedText(String modelId, String text) {
        float[] v = new float[DIM];
        int channel = text.contains("red") ? 0 : text.contains("green") ? 1 : 2;
        for (int q = 0; q < 4; q++) {
            v[q * 3 + channel] = 1;
        }
        return new TextEmbedding(normalise(v), false);
    }

    public static float[] embedding(DecodedImage img) {
        return normalise(raw(img));
    }

    private static float[] raw(DecodedImage img) {
        float[] sum = new float[DIM];
        int[] count = new int[4];
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                int q = (y * 2 / img.height()) * 2 + x * 2 / img.width();
                int p = img.argb()[y * img.width() + x];
                sum[q * 3] += (p >> 16 & 0xFF) - 127.5f;
                sum[q * 3 + 1] += (p >> 8 & 0xFF) - 127.5f;
                sum[q * 3 + 2] += (p & 0xFF) - 127.5f;
                count[q]++;
            }
        }
        for (int i = 0; i < DIM; i++) {
            sum[i] /= Math.max(1, count[i / 3]);
        }
        return sum;
    }

    private static float[] normalise(float[] v) {
        double s = 1e-12;
        for (float x : v) {
            s += x * x;
        }
        float inv = (float) (1 / Math.sqrt(s));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }

    private void pause() {
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
    }
}
