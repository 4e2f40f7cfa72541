package dev.acgbot.commands.captions;

import dev.acgbot.commands.prompt.PromptStyle;
import dev.acgbot.commands.prompt.TagBlacklist;
import dev.acgbot.models.image.DecodeLimits;
import dev.acgbot.models.runtime.InferenceRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Captions of the known-answer gallery by the SYNTHETIC colour tagger (its scores follow mean colours; it is not a
 * real model): red.png scores the character tag synthetic_character_(red) and the general tags red_theme and dark.
 */
class CaptionJobTest {
    static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
    static final String TAGGER = "synthetic-wd-vit-tagger-v3";
    static InferenceRuntime runtime;

    @BeforeAll
    static void startTheSyntheticTagger() {
        runtime = InferenceRuntime.builder().builtIns(false).intraOpThreads(2).manifestDirs(REPO.resolve("models/synthetic")).modelDir(REPO.resolve("models/synthetic"))
                .device("cpu").maxBatch(4).build();
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    private static CaptionOptions options(TagBlacklist blacklist, PromptStyle style, boolean overwrite) {
        return new CaptionOptions(0.35, 0.85, blacklist, style, "txt", true, overwrite, false);
    }

    private static CaptionJob.Summary caption(Path folder, CaptionOptions options, List<String> progress) throws IOException {
        return new CaptionJob(runtime, TAGGER, 2, 448, new DecodeLimits(DecodeLimits.DEFAULT_MAX_BYTES, DecodeLimits.DEFAULT_MAX_PIXELS), options)
                .run(folder, new CaptionJob.Listener() {
                    @Override
                    public void progress(int done, int total) {
                        progress.add(done + "/" + total);
                    }
                });
    }

    /** red, blue and green from the known-answer gallery, a PDF named .png, a text file and an existing sidecar. */
    private static Path dataset(Path dir) throws IOException {
        for (String name : List.of("red.png", "blue.png", "green.png")) {
            Files.copy(REPO.resolve("plugins/commands/known-answer/gallery").resolve(name), dir.resolve(name));
        }
        Files.writeString(dir.resolve("broken.png"), "%PDF-1.4 not a picture");
        Files.writeString(dir.resolve("notes.docx"), "meeting notes");
        Files.writeString(dir.resolve("meta.json"), "{}");
        return dir;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void writesOneCaptionPerImageCharactersFirstAndReportsWhatItCouldNotRead(@TempDir Path dir) throws IOException {
        List<String> progress = new ArrayList<>();
        CaptionJob.Summary s = caption(dataset(dir), options(TagBlacklist.NONE, PromptStyle.CAPTION, false), progress);

        assertEquals("synthetic character (red), red theme, dark\n", read(dir.resolve("red.txt")));
        assertEquals("blue theme\n", read(dir.resolve("blue.txt")));
        assertEquals("green theme, dark\n", read(dir.resolve("green.txt")));
        assertFalse(Files.exists(dir.resolve("broken.txt")));
        assertEquals(3, s.written());
        assertEquals(0, s.skipped());
        assertEquals(List.of(new CaptionJob.Failure(dir.resolve("broken.png"),
                "Documents and archives aren't supported. Please send the image itself.")), s.failed());
        assertEquals(List.of(dir.resolve("notes.docx")), s.notImages());
        assertEquals(List.of("1/4", "2/4", "3/4", "4/4"), progress);
    }

    @Test
    void aRerunSkipsEveryImageThatHasACaptionAndOverwriteReplacesThem(@TempDir Path dir) throws IOException {
        dataset(dir);
        caption(dir, options(TagBlacklist.NONE, PromptStyle.CAPTION, false), new ArrayList<>());
        Files.writeString(dir.resolve("red.txt"), "hand-edited caption\n");
        Files.delete(dir.resolve("blue.txt"));

        CaptionJob.Summary rerun = caption(dir, options(TagBlacklist.NONE, PromptStyle.CAPTION, false), new ArrayList<>());
        assertEquals(1, rerun.written(), "only blue, whose caption was deleted");
        assertEquals(2, rerun.skipped());
        assertEquals("hand-edited caption\n", read(dir.resolve("red.txt")), "never overwritten unless asked");
        assertEquals("blue theme\n", read(dir.resolve("blue.txt")));

        CaptionJob.Summary overwrite = caption(dir, options(TagBlacklist.NONE, PromptStyle.CAPTION, true), new ArrayList<>());
        assertEquals(3, overwrite.written());
        assertEquals(0, overwrite.skipped());
        assertEquals("synthetic character (red), red theme, dark\n", read(dir.resolve("red.txt")));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(), "no temporary file left");
        }
    }

    @Test
    void theBlacklistAndTheStyleShapeTheCaption(@TempDir Path dir) throws IOException {
        dataset(dir);
        caption(dir, options(TagBlacklist.of(List.of("red theme")), new PromptStyle(PromptStyle.Words.UNDERSCORES, true), false),
                new ArrayList<>());
        assertEquals("synthetic_character_\\(red\\), dark\n", read(dir.resolve("red.txt")));
        assertEquals("blue_theme\n", read(dir.resolve("blue.txt")));
    }

    @Test
    void twoImagesWithTheSameStemDoNotShareOneCaption(@TempDir Path dir) throws IOException {
        Files.copy(REPO.resolve("plugins/commands/known-answer/gallery/red.png"), dir.resolve("a.png"));
        Files.copy(REPO.resolve("plugins/commands/known-answer/gallery/blue.png"), dir.resolve("a.webp"));
        CaptionJob.Summary s = caption(dir, options(TagBlacklist.NONE, PromptStyle.CAPTION, false), new ArrayList<>());
        assertEquals("synthetic character (red), red theme, dark\n", read(dir.resolve("a.txt")));
        assertEquals(List.of(new CaptionJob.Failure(dir.resolve("a.webp"), "its caption a.txt is also a.png's")), s.failed());
        assertEquals(Set.of(), Set.copyOf(s.notImages()));
    }
}
