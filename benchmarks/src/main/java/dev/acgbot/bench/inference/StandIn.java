package dev.acgbot.bench.inference;

import java.nio.file.Path;

/**
 * One random-weight stand-in model described by {@code standins.json}.
 *
 * @param name      short name for the table
 * @param file      the ONNX graph
 * @param ioTwin    a graph with the same input and output tensors and almost no compute
 * @param input     input tensor name
 * @param output    output tensor name
 * @param tokens    whether the input is int64 token ids (else float32 pixels)
 * @param itemShape shape of one item, without the batch axis
 * @param note      what real layout it stands for
 */
public record StandIn(String name, Path file, Path ioTwin, String input, String output, boolean tokens, long[] itemShape,
                      String note) {

    public int itemSize() {
        long n = 1;
        for (long d : itemShape) {
            n *= d;
        }
        return Math.toIntExact(n);
    }
}
