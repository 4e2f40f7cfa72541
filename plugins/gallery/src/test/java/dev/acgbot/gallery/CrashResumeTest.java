package dev.acgbot.gallery;

import dev.acgbot.gallery.testing.FakeInference;
import dev.acgbot.gallery.testing.ReindexChild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrashResumeTest {

    @Test
    void killMinusNineMidReindexLosesNoCommittedBatchAndTheRerunRedoesNone(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("pics");
        int total = 40;
        GalleryTest.writePictures(folder, 0, total);
        Path data = tmp.resolve("data");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = List.of(java, "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                ReindexChild.class.getName(), data.toString(), folder.toString());
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        int committed = 0;
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            for (String line; (line = out.readLine()) != null; ) {
                output.add(line);
                if (line.startsWith("COMMITTED ")) {
                    committed = Integer.parseInt(line.substring(10).trim());
                    if (committed >= 12) {
                        child.destroyForcibly(); // SIGKILL: no shutdown hook, no MapDB close
                        break;
                    }
                }
            }
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertTrue(committed >= 12, "child output: " + output);
        assertTrue(output.stream().noneMatch(l -> l.equals("FINISHED")), "killed before the end");

        FakeInference inference = new FakeInference("h", 0);
        GalleryOptions options = GalleryTest.options(data, folder).build();
        try (Gallery g = Gallery.open(options, inference)) {
            int kept = g.stats().images();
            assertTrue(kept >= committed && kept < total, "kept " + kept + " of " + total + ", child reported " + committed);
            assertEquals(0, kept % 4, "only whole batches survive");
            assertEquals(kept, g.stats().embeddings().get(FakeInference.CLIP));
            ReindexSummary rerun = g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            assertEquals(kept, rerun.unchanged());
            assertEquals(total - kept, rerun.added());
            assertEquals(total - kept, inference.embeddedImages.get(), "no finished batch is embedded again");
            assertEquals(total, g.stats().images());
        }
    }
}
