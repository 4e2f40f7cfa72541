package dev.acgbot.api.reply;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads a gallery file for upload the one safe way: under its root, no symlink from the root down (the root
 * itself may be one: the operator chose it), opened with O_NOFOLLOW, a regular file of the indexed size, and
 * finally the indexed sha256 over exactly the bytes read. The hash closes the race between the checks and the
 * open: whatever was opened, only the indexed content is ever returned (hashing costs about 2 ms per MB).
 */
final class VerifiedRead {
    private VerifiedRead() {
    }

    static byte[] read(Path path, ImageRef.IndexedFile expected) throws IOException {
        Path root = expected.root().toAbsolutePath().normalize();
        Path file = path.toAbsolutePath().normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new ImageChangedException(file + " is not under the gallery folder " + root);
        }
        for (Path p = file; !p.equals(root); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                throw new ImageChangedException(p + " is a symbolic link");
            }
        }
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            throw new ImageChangedException(file + " is not a regular file");
        }
        if (attributes.size() != expected.size()) {
            throw new ImageChangedException(file + " has " + attributes.size() + " bytes, the index has " + expected.size());
        }
        byte[] content = readExactly(file, expected.size());
        if (!sha256(content).equalsIgnoreCase(expected.sha256())) {
            throw new ImageChangedException(file + " no longer has the indexed content");
        }
        return content;
    }

    private static byte[] readExactly(Path file, long size) throws IOException {
        if (size > Integer.MAX_VALUE - 16) {
            throw new ImageChangedException(file + " is too large to send");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size + 1);
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // one byte more than expected tells a file that grew since the size check
            }
        }
        if (buffer.position() != size) {
            throw new ImageChangedException(file + " changed size while it was read");
        }
        byte[] content = new byte[(int) size];
        buffer.flip().get(content);
        return content;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
