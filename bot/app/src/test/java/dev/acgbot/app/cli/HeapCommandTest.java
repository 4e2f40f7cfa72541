package dev.acgbot.app.cli;

import dev.acgbot.app.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code acgbot heap}: the heap the configured gallery's files ask for, which the launcher gives the bot when it is larger. */
public class HeapCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream savedOut;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
    }

    /** The headers of a gallery's files claiming {@code images} rows and one 512-d CLIP model (the rows are never read). */
    public static void writeGalleryHeaders(Path galleryDir, int images) throws IOException {
        Path vectors = Files.createDirectories(galleryDir.resolve("vectors"));
        try (DataOutputStream o = new DataOutputStream(Files.newOutputStream(vectors.resolve("perceptual-hashes.phr")))) {
            o.writeInt(0x50485233); // "PHR3"
            o.writeLong(1);
            o.writeInt(images);
        }
        try (DataOutputStream o = new DataOutputStream(Files.newOutputStream(vectors.resolve("clip.i8v")))) {
            o.writeInt(0x49385631); // "I8V1"
            o.writeUTF("manifest");
            o.writeInt(512);
        }
    }

    @Test
    void printsWhatTheConfiguredGallerysFilesNeed(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("bot.yaml");
        Files.writeString(config, "bot:\n  data_dir: " + dir.resolve("data") + "\ngallery:\n  data_dir: " + dir.resolve("big") + "\n");

        assertEquals(0, Main.execute("heap", "-c", config.toString()));
        assertEquals("", out.toString(StandardCharsets.UTF_8), "no gallery files yet: nothing to add to the budget's heap");

        writeGalleryHeaders(dir.resolve("big"), 1_000_000);
        assertEquals(0, Main.execute("heap", "-c", config.toString()));
        assertEquals("1152m\n", out.toString(StandardCharsets.UTF_8), "1M images at 512-d: 4-bit rows and the graph");

        out.reset();
        Files.writeString(config, Files.readString(config) + "  index: exact\n");
        assertEquals(0, Main.execute("heap", "-c", config.toString()));
        assertEquals("1024m\n", out.toString(StandardCharsets.UTF_8), "searched exactly: no graph");
    }
}
