package dev.acgbot.models.fetch;

import dev.acgbot.models.manifest.ManifestRegistry;
import dev.acgbot.models.manifest.ModelPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelCommandsTest {

    @Test
    void listShowsEveryModelAndWhetherItsFilesArePresent(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("joytag"));
        Files.writeString(dir.resolve("joytag/top_tags.txt"), "red_theme\n");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ModelCommands cmd = new ModelCommands(ManifestRegistry.load(List.of(Path.of("synthetic"))), new ModelPaths(dir),
                new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertEquals(0, cmd.list());
        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("wd-vit-tagger-v3") && out.contains("0/2 present"), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("joytag ") && l.contains("1/2 present")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("synthetic-colour-clip-image") && l.contains("ready")), out);
        assertEquals(1, cmd.verify(Optional.of("joytag")));
        assertEquals(0, cmd.verify(Optional.of("synthetic-joytag")));
        assertThrows(IllegalArgumentException.class, () -> cmd.verify(Optional.of("nope")));
    }
}
