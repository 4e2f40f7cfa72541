package dev.acgbot.models.manifest;

/**
 * The output tensor used from the graph.
 *
 * @param name        output name in the ONNX graph
 * @param activation  applied by the runtime to a tagger's raw outputs
 * @param dimension   embedding size (CLIP) or number of labels (tagger, 0 = count of the label file)
 * @param l2Normalize CLIP towers: divide each vector by its L2 norm
 */
public record OutputSpec(String name, Activation activation, int dimension, boolean l2Normalize) {

    public enum Activation { NONE, SIGMOID }
}
