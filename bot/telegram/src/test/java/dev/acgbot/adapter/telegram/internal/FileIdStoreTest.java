package dev.acgbot.adapter.telegram.internal;

import dev.acgbot.adapter.telegram.internal.FileIdStore.Kind;
import dev.acgbot.adapter.telegram.internal.FileIdStore.StoredFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FileIdStoreTest {
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);

    @TempDir
    Path dir;

    @Test
    void idsSurviveARestartAndTheLatestUploadWins() {
        Path file = dir.resolve("telegram").resolve(FileIdStore.FILE_NAME);
        FileIdStore store = FileIdStore.open(file);
        store.put(A, new StoredFile(Kind.PHOTO, "photo-1"));
        store.put(B, new StoredFile(Kind.DOCUMENT, "doc-2"));
        store.put(A, new StoredFile(Kind.PHOTO, "photo-3"));

        FileIdStore reopened = FileIdStore.open(file);
        assertEquals(Optional.of(new StoredFile(Kind.PHOTO, "photo-3")), reopened.get(A));
        assertEquals(Optional.of(new StoredFile(Kind.DOCUMENT, "doc-2")), reopened.get(B));
        assertEquals(Optional.empty(), reopened.get("c".repeat(64)));
        assertEquals(2, reopened.size());
    }

    @Test
    void aForgottenIdStaysForgottenAfterARestartUntilTheNextUpload() {
        Path file = dir.resolve(FileIdStore.FILE_NAME);
        FileIdStore store = FileIdStore.open(file);
        store.put(A, new StoredFile(Kind.PHOTO, "photo-1"));
        store.put(B, new StoredFile(Kind.PHOTO, "photo-2"));
        store.forget(List.of(A));
        assertEquals(Optional.empty(), FileIdStore.open(file).get(A));
        assertEquals(Optional.of(new StoredFile(Kind.PHOTO, "photo-2")), FileIdStore.open(file).get(B));

        store.put(A, new StoredFile(Kind.PHOTO, "photo-3"));
        assertEquals(Optional.of(new StoredFile(Kind.PHOTO, "photo-3")), FileIdStore.open(file).get(A));
    }

    @Test
    void theSameIdAgainIsNotWrittenAgain() throws Exception {
        Path file = dir.resolve(FileIdStore.FILE_NAME);
        FileIdStore store = FileIdStore.open(file);
        store.put(A, new StoredFile(Kind.PHOTO, "photo-1"));
        store.put(A, new StoredFile(Kind.PHOTO, "photo-1"));
        assertEquals(List.of(A + "\tPHOTO\tphoto-1"), Files.readAllLines(file));
    }

    @Test
    void aLineCutShortByACrashIsSkippedAndTheRestKept() throws Exception {
        Path file = dir.resolve(FileIdStore.FILE_NAME);
        Files.writeString(file, A + "\tPHOTO\tphoto-1\n" + B + "\tPHO\n" + "nonsense\n" + B + "\tVIDEO\tv-1\n");
        FileIdStore store = FileIdStore.open(file);
        assertEquals(Optional.of(new StoredFile(Kind.PHOTO, "photo-1")), store.get(A));
        assertEquals(Optional.empty(), store.get(B));
        store.put(B, new StoredFile(Kind.PHOTO, "photo-2"));
        assertEquals(Optional.of(new StoredFile(Kind.PHOTO, "photo-2")), FileIdStore.open(file).get(B));
    }

    @Test
    void aFileOfMostlySupersededLinesIsCompactedAtLoad() throws Exception {
        Path file = dir.resolve(FileIdStore.FILE_NAME);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lines.add(A + "\tPHOTO\tphoto-" + i);
        }
        Files.write(file, lines);
        FileIdStore store = FileIdStore.open(file);
        assertEquals(Optional.of(new StoredFile(Kind.PHOTO, "photo-39")), store.get(A));
        assertEquals(List.of(A + "\tPHOTO\tphoto-39"), Files.readAllLines(file));
    }

    @Test
    void withoutAFileIdsLiveInMemory() {
        FileIdStore store = FileIdStore.inMemory();
        store.put(A, new StoredFile(Kind.PHOTO, "photo-1"));
        assertEquals(Optional.of(new StoredFile(Kind.PHOTO, "photo-1")), store.get(A));
        assertEquals(List.of(), listFiles());
    }

    private List<Path> listFiles() {
        try (var s = Files.list(dir)) {
            return s.toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
