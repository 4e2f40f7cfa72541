package dev.acgbot.models.hash;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Sha256Test {
    // FIPS 180-2, appendix B.1
    static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void bytesPiecesAndFilesGiveTheStandardLowerCaseHex(@TempDir Path dir) throws Exception {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertEquals(ABC, Sha256.hex(abc));
        MessageDigest pieces = Sha256.newDigest();
        pieces.update(abc, 0, 1);
        pieces.update(abc, 1, 2);
        assertEquals(ABC, Sha256.hex(pieces));
        assertEquals(ABC, Sha256.hex(Files.write(dir.resolve("abc"), abc)));
    }
}
