package dev.acgbot.bench.gallery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acgbot.bench.cli.MissingPrerequisite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** What one evaluation wrote to its JSON file and printed. */
    private record Evaluated(JsonNode json, String printed) {
    }

    /** The evaluation of {@code pictures} at {@code queries} queries (radius 8, no sweep), in {@code dir}; it exits 0. */
    private static Evaluated evaluated(Path pictures, int queries, Path dir) throws Exception {
        Path json = dir.resolve("eval.json");
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int exit = DuplicateEval.run(List.of(pictures), queries, 8, new double[0], json, dir.resolve("data"),
                new PrintStream(text, true, StandardCharsets.UTF_8));
        assertEquals(0, exit);
        return new Evaluated(new ObjectMapper().readTree(json.toFile()), text.toString(StandardCharsets.UTF_8));
    }

    /** {@code count} pictures of coloured blocks (p0.png ...) in {@code folder}, from seed 3. */
    private static Path blockPictures(Path folder, int count) throws IOException {
        Files.createDirectories(folder);
        Random random = new Random(3);
        for (int i = 0; i < count; i++) {
            ImageIO.write(blocks(random), "png", folder.resolve("p" + i + ".png").toFile());
        }
        return folder;
    }

    /**
     * The whole evaluation on a dozen generated pictures: every edit gets a row over all sources (blocks are colour
     * pictures, so there is no sketch row), and a mirrored copy is found first by the gallery's own lookup.
     */
    @Test
    void evaluatesEveryEditOnASmallGallery(@TempDir Path dir) throws Exception {
        Path pictures = blockPictures(dir.resolve("pictures"), 12);

        Evaluated run = evaluated(pictures, 4, dir);

        JsonNode result = run.json();
        assertEquals(12, result.get("gallery_images").asInt());
        List<String> cells = new ArrayList<>();
        for (JsonNode row : result.get("rows")) {
            assertEquals(4, row.get("queries").asInt(), row.toString());
            cells.add(row.get("edit").asText() + "/" + row.get("sources").asText());
        }
        List<String> expected = new ArrayList<>();
        for (RepostEdits.Edit edit : RepostEdits.ALL) {
            expected.add(edit.name() + "/all");
            expected.add(edit.name() + "/colour");
            expected.add(edit.name() + "/not-stars"); // no source lies in the star polygons' folder, so no stars row
        }
        assertEquals(expected, cells);
        JsonNode mirror = result.get("rows").get(3 * RepostEdits.ALL.indexOf(RepostEdits.ALL.stream()
                .filter(e -> e.name().equals("mirror")).findFirst().orElseThrow()));
        assertEquals("mirror/all", mirror.get("edit").asText() + "/" + mirror.get("sources").asText());
        assertEquals(List.of(1.0, 1.0), List.of(mirror.get("recall").asDouble(), mirror.get("named").asDouble()), mirror.toString());
        assertTrue(run.printed().contains("4 queries per edit (0 sketch / line-art sources"));
    }

    /**
     * Blank pages (one fully transparent, one white) are left out of the sample and named: no other page is told apart
     * from them, so they have no source to find; the block pictures fill the sample in their place.
     */
    @Test
    void blankPagesAreLeftOutOfTheSampleAndNamed(@TempDir Path dir) throws Exception {
        Path pictures = blockPictures(dir.resolve("pictures"), 5);
        ImageIO.write(new BufferedImage(120, 80, BufferedImage.TYPE_INT_ARGB), "png", pictures.resolve("transparent.png").toFile());
        BufferedImage white = new BufferedImage(90, 90, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = white.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 90, 90);
        g.dispose();
        ImageIO.write(white, "png", pictures.resolve("white.png").toFile());

        Evaluated run = evaluated(pictures, 7, dir);

        JsonNode result = run.json();
        List<String> left = new ArrayList<>();
        result.get("blank_pages_left_out").forEach(p -> left.add(Path.of(p.asText()).getFileName().toString()));
        assertEquals(List.of("transparent.png", "white.png"), left.stream().sorted().toList());
        assertEquals(5, result.get("rows").get(0).get("queries").asInt());
        String printed = run.printed();
        assertTrue(printed.contains("5 queries per edit (0 sketch / line-art sources: >= 75 % of pixels near white (luma >= 235);"
                + " 2 blank pages left out)"), printed);
        assertTrue(printed.contains("left out, nothing drawn (a blank page): " + pictures.resolve("white.png")), printed);
    }

    /**
     * A pale square (215 grey on white) brightened by a fifth is a blank page: that copy is left out of its edit's row and
     * named, as a blank source is, while every other edit of it is looked up.
     */
    @Test
    void copiesTheirEditLeftBlankAreLeftOutOfTheirRowAndNamed(@TempDir Path dir) throws Exception {
        Path pictures = blockPictures(dir.resolve("pictures"), 5);
        BufferedImage pale = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = pale.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 200, 200);
        g.setColor(new java.awt.Color(215, 215, 215));
        g.fillRect(50, 40, 100, 120);
        g.dispose();
        ImageIO.write(pale, "png", pictures.resolve("pale.png").toFile());

        Evaluated run = evaluated(pictures, 6, dir);

        List<String> left = new ArrayList<>();
        run.json().get("blank_copies_left_out").forEach(c -> left.add(c.asText().replace(pictures.toString(), "DIR")));
        assertEquals(List.of("brightness +20%: DIR/pale.png"), left);
        Map<String, Integer> queries = new java.util.TreeMap<>();
        run.json().get("rows").forEach(r -> {
            if (r.get("sources").asText().equals("all")) {
                queries.put(r.get("edit").asText(), r.get("queries").asInt());
            }
        });
        Map<String, Integer> expected = new java.util.TreeMap<>();
        RepostEdits.ALL.forEach(e -> expected.put(e.name(), e.name().equals("brightness +20%") ? 5 : 6));
        assertEquals(expected, queries);
        assertTrue(run.printed().contains("left out, the edit left nothing drawn: brightness +20%: " + pictures.resolve("pale.png")), run.printed());
    }

    /**
     * Two samples on one index: each one's rows under its seed, and the not-stars rows pooled, every edit's queries the
     * two samples' together; the gallery is indexed once.
     */
    @Test
    void severalSamplesAreEvaluatedOnOneIndexAndPooled(@TempDir Path dir) throws Exception {
        Path pictures = blockPictures(dir.resolve("pictures"), 8);
        Path json = dir.resolve("eval.json");
        ByteArrayOutputStream text = new ByteArrayOutputStream();

        int exit = DuplicateEval.runSamples(List.of(pictures), List.of(5L, 6L), 3, 8, new double[0], json, dir.resolve("data"),
                new PrintStream(text, true, StandardCharsets.UTF_8));

        assertEquals(0, exit);
        JsonNode result = new ObjectMapper().readTree(json.toFile());
        List<String> samples = new ArrayList<>();
        result.get("samples").forEach(s -> samples.add(s.get("sample_seed").asLong() + ": "
                + s.get("index_summary").asText().replaceAll(", unchanged.*", "")));
        assertEquals(List.of("5: added 8, updated 0, removed 0", "6: added 0, updated 0, removed 0"), samples);
        List<String> pooled = new ArrayList<>();
        for (JsonNode row : result.get("pooled")) {
            pooled.add(row.get("edit").asText() + "/" + row.get("sources").asText() + "/" + row.get("queries").asInt());
        }
        assertEquals(RepostEdits.ALL.stream().map(e -> e.name() + "/not-stars/6").toList(), pooled);
        String printed = text.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("=== sample seed 6 ==="), printed);
        assertTrue(printed.contains("pooled over samples [5, 6]"), printed);
    }

    @Test
    void unrelatedPicturesAreLookedUpAndTimedAfterTheWarmUpLeavingOutThoseTheGalleryHolds(@TempDir Path dir) throws Exception {
        Path pictures = Files.createDirectories(dir.resolve("pictures"));
        Path others = Files.createDirectories(dir.resolve("others"));
        Random random = new Random(5);
        for (int i = 0; i < 6; i++) {
            ImageIO.write(blocks(random), "png", pictures.resolve("p" + i + ".png").toFile());
        }
        for (int i = 0; i < 3; i++) {
            ImageIO.write(blocks(random), "png", others.resolve("o" + i + ".png").toFile());
        }
        Files.copy(pictures.resolve("p0.png"), others.resolve("held.png")); // the gallery holds these bytes: not looked up
        Path json = dir.resolve("unrelated.json");
        ByteArrayOutputStream text = new ByteArrayOutputStream();

        int exit = DuplicateEval.runUnrelated(List.of(pictures), others, 2, 8, json, dir.resolve("data"),
                new PrintStream(text, true, StandardCharsets.UTF_8));

        assertEquals(0, exit);
        JsonNode unrelated = new ObjectMapper().readTree(json.toFile()).get("unrelated");
        assertEquals(List.of(2, 1), List.of(unrelated.get("lookups").asInt(), unrelated.get("warm_up").asInt()), unrelated.toString());
        assertEquals(0, unrelated.get("listed_anything").asInt(), unrelated.toString());
        assertTrue(unrelated.get("lookup_p95_ms").asDouble() > 0, unrelated.toString());
        assertTrue(text.toString(StandardCharsets.UTF_8).contains("unrelated: 2 lookups of pictures the gallery does not hold (" + others
                + "), after 1 not counted: listed anything 0, false duplicates per query 0.000;"), text.toString(StandardCharsets.UTF_8));
    }

    /** Random coloured blocks on a 4x4 grid: distinct pictures with strong low frequencies, as hashes need. */
    static BufferedImage blocks(Random random) {
        BufferedImage img = new BufferedImage(256, 192, BufferedImage.TYPE_INT_RGB);
        for (int by = 0; by < 4; by++) {
            for (int bx = 0; bx < 4; bx++) {
                int rgb = random.nextInt(0x1000000);
                for (int y = by * 48; y < (by + 1) * 48; y++) {
                    for (int x = bx * 64; x < (bx + 1) * 64; x++) {
                        img.setRGB(x, y, rgb);
                    }
                }
            }
        }
        return img;
    }
}
