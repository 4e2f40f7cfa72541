package dev.acgbot.models.preprocess.internal;

/**
 * TensorFlow.js's CPU kernel {@code ResizeBilinear} with {@code alignCorners = true, halfPixelCenters = false}
 * (tfjs-backend-cpu 4.22.0, {@code kernels/ResizeBilinear.ts}), the resize nsfwjs applies to every input that
 * is not already its model's size. It works on float values (nsfwjs divides by 255 BEFORE resizing, so nothing
 * is rounded to 8 bits between the two), in JavaScript's double arithmetic, storing each result as float32 as
 * the kernel's {@code Float32Array} does. Corners map onto corners: output index {@code i} reads input
 * {@code i * (in - 1) / (out - 1)}.
 */
public final class TfBilinear {
    private TfBilinear() {
    }

    /**
     * Resizes one float plane of {@code inW x inH} (row-major) to {@code outW x outH}.
     *
     * @param plane float32 values, as the tensor held them before the resize
     */
    public static float[] resize(float[] plane, int inW, int inH, int outW, int outH) {
        float[] out = new float[outW * outH];
        double rowRatio = ratio(inH, outH);
        double colRatio = ratio(inW, outW);
        int[] colFloor = new int[outW];
        int[] colCeil = new int[outW];
        double[] colFrac = new double[outW];
        for (int c = 0; c < outW; c++) {
            double source = colRatio * c;
            colFloor[c] = Math.max(0, (int) Math.floor(source));
            colFrac[c] = source - colFloor[c];
            colCeil[c] = Math.min(inW - 1, (int) Math.ceil(source));
        }
        int o = 0;
        for (int r = 0; r < outH; r++) {
            double source = rowRatio * r;
            int rowFloor = Math.max(0, (int) Math.floor(source));
            double rowFrac = source - rowFloor;
            int rowCeil = Math.min(inH - 1, (int) Math.ceil(source));
            int top = rowFloor * inW;
            int bottom = rowCeil * inW;
            for (int c = 0; c < outW; c++) {
                double topLeft = plane[top + colFloor[c]];
                double topRight = plane[top + colCeil[c]];
                double bottomLeft = plane[bottom + colFloor[c]];
                double bottomRight = plane[bottom + colCeil[c]];
                double t = topLeft + (topRight - topLeft) * colFrac[c];
                double b = bottomLeft + (bottomRight - bottomLeft) * colFrac[c];
                out[o++] = (float) (t + (b - t) * rowFrac);
            }
        }
        return out;
    }

    /** effectiveInputSize / effectiveOutputSize, with alignCorners. */
    private static double ratio(int in, int out) {
        return out > 1 ? (double) (in - 1) / (out - 1) : (double) in / out;
    }
}
