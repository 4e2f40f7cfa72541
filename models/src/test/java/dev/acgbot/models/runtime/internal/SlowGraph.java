package dev.acgbot.models.runtime.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an ONNX graph that takes seconds to run: {@code x [N, 256]} multiplied {@code links} times by one
 * 256 x 256 weight. Encoded by hand (a few protobuf fields) because the build has no ONNX library.
 */
final class SlowGraph {
    static final int WIDTH = 256;

    private SlowGraph() {
    }

    static Path write(Path file, int links) throws Exception {
        ByteArrayOutputStream graph = new ByteArrayOutputStream();
        String previous = "x";
        for (int i = 0; i < links; i++) {
            String out = i == links - 1 ? "y" : "h" + i;
            ByteArrayOutputStream node = new ByteArrayOutputStream();
            string(node, 1, previous);
            string(node, 1, "w");
            string(node, 2, out);
            string(node, 4, "MatMul");
            message(graph, 1, node.toByteArray());
            previous = out;
        }
        string(graph, 2, "slow");
        message(graph, 5, weight());
        message(graph, 11, valueInfo("x"));
        message(graph, 12, valueInfo("y"));
        ByteArrayOutputStream model = new ByteArrayOutputStream();
        varintField(model, 1, 8); // ir_version
        message(model, 7, graph.toByteArray());
        ByteArrayOutputStream opset = new ByteArrayOutputStream();
        string(opset, 1, "");
        varintField(opset, 2, 13);
        message(model, 8, opset.toByteArray());
        Files.write(file, model.toByteArray());
        return file;
    }

    private static byte[] weight() {
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        varintField(t, 1, WIDTH);
        varintField(t, 1, WIDTH);
        varintField(t, 2, 1); // FLOAT
        string(t, 8, "w");
        ByteBuffer raw = ByteBuffer.allocate(4 * WIDTH * WIDTH).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < WIDTH * WIDTH; i++) {
            raw.putFloat(i % (WIDTH + 1) == 0 ? 1f : 0f); // identity: values stay finite however long the chain
        }
        bytes(t, 9, raw.array());
        return t.toByteArray();
    }

    /** float tensor of shape [batch, WIDTH], batch symbolic. */
    private static byte[] valueInfo(String name) {
        ByteArrayOutputStream batchDim = new ByteArrayOutputStream();
        string(batchDim, 2, "batch");
        ByteArrayOutputStream widthDim = new ByteArrayOutputStream();
        varintField(widthDim, 1, WIDTH);
        ByteArrayOutputStream shape = new ByteArrayOutputStream();
        message(shape, 1, batchDim.toByteArray());
        message(shape, 1, widthDim.toByteArray());
        ByteArrayOutputStream tensor = new ByteArrayOutputStream();
        varintField(tensor, 1, 1);
        message(tensor, 2, shape.toByteArray());
        ByteArrayOutputStream type = new ByteArrayOutputStream();
        message(type, 1, tensor.toByteArray());
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        string(info, 1, name);
        message(info, 2, type.toByteArray());
        return info.toByteArray();
    }

    private static void varintField(ByteArrayOutputStream out, int field, long value) {
        varint(out, (long) field << 3);
        varint(out, value);
    }

    private static void string(ByteArrayOutputStream out, int field, String s) {
        bytes(out, field, s.getBytes(StandardCharsets.UTF_8));
    }

    private static void message(ByteArrayOutputStream out, int field, byte[] body) {
        bytes(out, field, body);
    }

    private static void bytes(ByteArrayOutputStream out, int field, byte[] b) {
        varint(out, (long) field << 3 | 2);
        varint(out, b.length);
        out.writeBytes(b);
    }

    private static void varint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) (v & 0x7F | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
