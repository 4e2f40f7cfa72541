package dev.acgbot.models.hash;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as lower-case hex, the form manifests, the gallery and the caches key files and images by. Lives in
 * models, the lowest module every user of it (models, gallery, commands) already depends on.
 */
public final class Sha256 {
    private static final HexFormat HEX = HexFormat.of();

    private Sha256() {
    }

    /** A fresh digest to feed piece by piece; finish it with {@link #hex(MessageDigest)}. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public static String hex(byte[] data) {
        return HEX.formatHex(newDigest().digest(data));
    }

    /** Completes {@code digest} and returns its hex. */
    public static String hex(MessageDigest digest) {
        return HEX.formatHex(digest.digest());
    }

    /** The file's hash, read in 64 KiB pieces (model files are hundreds of MB). */
    public static String hex(Path file) throws IOException {
        MessageDigest sha = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; ) {
                sha.update(buf, 0, r);
            }
        }
        return hex(sha);
    }
}
