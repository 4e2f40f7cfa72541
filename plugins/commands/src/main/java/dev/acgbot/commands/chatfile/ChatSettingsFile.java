package dev.acgbot.commands.chatfile;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * A properties file of per-chat choices (keys {@code platform:chatId…}), as /safety, /tagstyle and /tagblacklist
 * keep them: read whole at start, rewritten whole and moved into place on every change, so a crash leaves the old
 * file or the new one.
 */
public record ChatSettingsFile(Path file, String description) {

    /** The file's entries; none when it does not exist yet. */
    public Properties read() {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + description + " in " + file, e);
        }
        return p;
    }

    /** Replaces the file with {@code entries} (written to a sibling, then moved over it atomically). */
    public void write(Properties entries, String comment) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            entries.store(out, comment);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static String key(String platform, String chatId) {
        return platform + ":" + chatId;
    }
}
