package dev.acgbot.gallery;

import dev.acgbot.gallery.cli.IndexCommand;
import dev.acgbot.gallery.testing.FakeInference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class IndexCommandTest {

    @Test
    void showsAProgressBarAndEndsWithTheSummaryLineThenASecondRunAddsNothing(@TempDir Path tmp) {
        Path folder = tmp.resolve("pics");
        GalleryTest.writePictures(folder, 0, 9);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        IndexCommand.run(List.of(folder), tmp.resolve("data"), List.of(FakeInference.CLIP), new FakeInference(), out);
        String first = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(first.contains("\rindexing       ["), first);
        assertTrue(first.contains("9/9 100%"), first);
        assertTrue(first.contains("added 9,"), first);
        // the stage line follows the summary: images/s overall, per stage, and the fake engine's calls (issue 15 goal 5)
        assertTrue(first.matches("(?s).*added 9,[^\n]*\n[0-9.]+ images/s overall \\(9 in [0-9.]+ s\\); per stage, images/s: decode [0-9.]+, "
                + "preprocess -, inference fake-clip [0-9.]+, commit [0-9.]+; engine busy [0-9]+ %\\n.*"), first);

        bytes.reset();
        IndexCommand.run(List.of(folder), tmp.resolve("data"), List.of(FakeInference.CLIP), new FakeInference(), out);
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("added 0, updated 0, removed 0, unchanged 9"), bytes.toString());
        assertTrue(!bytes.toString(StandardCharsets.UTF_8).contains("images/s overall"), "nothing indexed, no stage line: " + bytes);
    }
}
