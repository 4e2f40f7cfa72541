package dev.acgbot.models.api;

/**
 * Back-pressure: a model's request queue stayed full for the configured submit timeout. The caller may retry
 * later or tell the user the bot is busy; nothing was run for the rejected items.
 */
public class ModelBusyException extends RuntimeException {
    private final String modelId;

    public ModelBusyException(String modelId, String message) {
        super(message);
        this.modelId = modelId;
    }

    public String modelId() {
        return modelId;
    }
}
