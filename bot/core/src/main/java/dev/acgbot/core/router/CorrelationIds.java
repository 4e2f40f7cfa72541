package dev.acgbot.core.router;

import java.security.SecureRandom;

/** Short random ids that tie a user's error message to the operator's log line. */
final class CorrelationIds {
    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private CorrelationIds() {
    }

    static String next() {
        char[] id = new char[8];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
