package dev.acgbot.models.manifest;

import java.util.List;

/**
 * A graph input the model's own task does not fill, fed the same small tensor on every run. One-graph CLIP
 * exports (transformers.js' CLIPModel layout: {@code input_ids}, {@code attention_mask} and {@code pixel_values}
 * in, both towers' embeddings out; Xenova/chinese-clip-vit-base-patch16 publishes its int8 weights only so) need
 * the other tower's inputs even to embed only an image or only a text. ONNX Runtime then runs both towers, so a
 * constant should be as small as the graph accepts (docs/benchmarks.md measures what the other tower costs).
 *
 * @param name   input name in the graph
 * @param type   element type
 * @param shape  the tensor's shape, batch axis included (usually 1: the towers' batches are independent)
 * @param values every element in row-major order, or one value for all of them
 */
public record ConstantInput(String name, ElementType type, List<Long> shape, List<Double> values) {

    /** Element types a constant can have. */
    public enum ElementType { FLOAT32, INT64, INT32 }

    public ConstantInput {
        shape = List.copyOf(shape);
        values = List.copyOf(values);
        if (values.size() != 1 && values.size() != elements(shape)) {
            throw new IllegalArgumentException("constant " + name + ": " + values.size() + " values for " + elements(shape)
                    + " elements");
        }
    }

    /** Number of elements of the tensor. */
    public int elements() {
        return elements(shape);
    }

    /** The i-th element in row-major order. */
    public double value(int i) {
        return values.size() == 1 ? values.get(0) : values.get(i);
    }

    public long[] shapeArray() {
        return shape.stream().mapToLong(Long::longValue).toArray();
    }

    private static int elements(List<Long> shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return Math.toIntExact(n);
    }
}
