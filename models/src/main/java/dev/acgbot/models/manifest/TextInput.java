package dev.acgbot.models.manifest;

import java.util.Optional;

/**
 * The token input of a CLIP text tower.
 *
 * @param name          input name in the ONNX graph
 * @param dtype         element type of the ids
 * @param attentionMask name of an attention-mask input (same dtype, 1 for tokens, 0 for padding), if the
 *                      graph has one
 */
public record TextInput(String name, TokenDtype dtype, Optional<String> attentionMask) {

    /** Integer types token ids are fed as. */
    public enum TokenDtype { INT64, INT32 }
}
