package dev.acgbot.models.manifest;

import dev.acgbot.models.preprocess.PreprocessSpec;

/**
 * The image input tensor of a tagger or CLIP image tower and the pixel pipeline that fills it.
 *
 * @param name   input name in the ONNX graph
 * @param spec   size, resize, interpolation, alpha, colour order, layout, scale, mean/std (tensor channel order)
 */
public record ImageInput(String name, PreprocessSpec spec) {
}
