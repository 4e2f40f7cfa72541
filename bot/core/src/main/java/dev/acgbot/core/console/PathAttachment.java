package dev.acgbot.core.console;

import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.command.AttachmentTooLargeException;
import dev.acgbot.api.command.BoundedRead;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A local file standing in for a chat attachment. */
public final class PathAttachment implements Attachment {
    private final Path path;

    public PathAttachment(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    public Path path() {
        return path;
    }

    @Override
    public String fileName() {
        return path.getFileName().toString();
    }

    @Override
    public Optional<String> contentType() {
        try {
            return Optional.ofNullable(Files.probeContentType(path));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public long declaredSize() {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public byte[] read(long maxBytes) throws IOException {
        if (Files.size(path) > maxBytes) {
            throw new AttachmentTooLargeException(fileName(), maxBytes);
        }
        try (InputStream in = Files.newInputStream(path)) {
            return BoundedRead.readAtMost(in, fileName(), maxBytes);
        }
    }

    @Override
    public String sourceKey() {
        return path.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathAttachment other && other.path.equals(path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
