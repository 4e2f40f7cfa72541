package dev.acgbot.bench.gallery;

import dev.acgbot.bench.cli.MissingPrerequisite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DuplicateEvalTest {

    @Test
    void defaultPicturesComeFromDebianPackages() {
        assertEquals(List.of(new DuplicateEval.DataSet(Path.of("/usr/share/openclipart/png"), "openclipart-png"),
                new DuplicateEval.DataSet(Path.of("/usr/share/backgrounds"), "gnome-backgrounds")), DuplicateEval.DEFAULT_DATA);
    }

    @Test
    void missingDefaultPicturesNameOnlyThePackagesToInstall(@TempDir Path dir) throws Exception {
        Path present = Files.createDirectories(dir.resolve("backgrounds"));
        List<DuplicateEval.DataSet> sets = List.of(new DuplicateEval.DataSet(dir.resolve("openclipart"), "openclipart-png"),
                new DuplicateEval.DataSet(present, "gnome-backgrounds"));

        MissingPrerequisite e = assertThrows(MissingPrerequisite.class, () -> DuplicateEval.requireDefaultData(sets));

        assertEquals("the default pictures are missing: install with `sudo apt-get install openclipart-png` (or pass --gallery DIR)",
                e.getMessage());
    }

    @Test
    void installedDefaultPicturesAreUsedAsTheyAre(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        assertEquals(List.of(a, b), DuplicateEval.requireDefaultData(List.of(new DuplicateEval.DataSet(a, "pa"),
                new DuplicateEval.DataSet(b, "pb"))));
    }
}
