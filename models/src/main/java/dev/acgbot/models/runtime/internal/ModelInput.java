package dev.acgbot.models.runtime.internal;

import dev.acgbot.models.text.TokenizedText;

/** One item of a model's batch: what the micro-batcher queues and the engine runs. */
sealed interface ModelInput {
    /** A preprocessed image tensor of the model's input shape. */
    record Image(float[] tensor) implements ModelInput {
    }

    /** A tokenized text of the model's context length. */
    record Text(TokenizedText tokens) implements ModelInput {
    }
}
