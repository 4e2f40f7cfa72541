package dev.acgbot.models.text;

/**
 * DJL looks for engines and natives on the network unless told not to; this bot must never download at run
 * time, so every entry point into DJL calls {@link #ensure()} first (an explicit -Dai.djl.offline wins).
 */
public final class DjlOffline {
    private DjlOffline() {
    }

    public static void ensure() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }
}
