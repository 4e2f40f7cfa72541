package dev.acgbot.models.manifest;

/** A manifest that cannot be used; the message names the manifest and the offending key. */
public class ManifestException extends IllegalArgumentException {
    public ManifestException(String message) {
        super(message);
    }

    public ManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
