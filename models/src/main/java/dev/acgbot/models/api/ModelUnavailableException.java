package dev.acgbot.models.api;

/** A model cannot run: its files are missing or fail verification. The message tells how to fix it. */
public class ModelUnavailableException extends RuntimeException {
    private final String modelId;

    public ModelUnavailableException(String modelId, String message) {
        super(message);
        this.modelId = modelId;
    }

    public ModelUnavailableException(String modelId, String message, Throwable cause) {
        super(message, cause);
        this.modelId = modelId;
    }

    public String modelId() {
        return modelId;
    }
}
