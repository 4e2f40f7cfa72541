package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.EmbeddingEncoding;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Stored form of one embedding: the model's manifest hash (so a changed model is detected per vector), the
 * encoding, and the compact values. FP16 keeps 11 significant bits; INT8 keeps 8 bits against a per-vector
 * scale (max |x| / 127).
 */
public final class EmbeddingCodec {
    private EmbeddingCodec() {
    }

    /** A decoded stored embedding. */
    public record Stored(String manifestHash, float[] vector) {
    }

    public static byte[] encode(String manifestHash, float[] v, EmbeddingEncoding encoding) {
        byte[] hash = manifestHash.getBytes(StandardCharsets.UTF_8);
        int body = encoding == EmbeddingEncoding.FP16 ? 2 * v.length : 4 + v.length;
        ByteBuffer b = ByteBuffer.allocate(2 + hash.length + 1 + 4 + body).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) hash.length).put(hash).put((byte) encoding.ordinal()).putInt(v.length);
        if (encoding == EmbeddingEncoding.FP16) {
            for (float x : v) {
                b.putShort(Float.floatToFloat16(x));
            }
        } else {
            float max = 0;
            for (float x : v) {
                max = Math.max(max, Math.abs(x));
            }
            float scale = max == 0 ? 1f : max / 127f;
            b.putFloat(scale);
            for (float x : v) {
                b.put((byte) Math.round(x / scale));
            }
        }
        return b.array();
    }

    public static Stored decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] hash = new byte[b.getShort()];
        b.get(hash);
        EmbeddingEncoding encoding = EmbeddingEncoding.values()[b.get()];
        float[] v = new float[b.getInt()];
        if (encoding == EmbeddingEncoding.FP16) {
            for (int i = 0; i < v.length; i++) {
                v[i] = Float.float16ToFloat(b.getShort());
            }
        } else {
            float scale = b.getFloat();
            for (int i = 0; i < v.length; i++) {
                v[i] = b.get() * scale;
            }
        }
        return new Stored(new String(hash, StandardCharsets.UTF_8), v);
    }

    /** Only the manifest hash, without decoding the vector. */
    public static String manifestHash(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        return new String(bytes, 2, b.getShort(), StandardCharsets.UTF_8);
    }
}
