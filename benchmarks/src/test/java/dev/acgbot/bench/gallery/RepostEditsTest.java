package dev.acgbot.bench.gallery;

import dev.acgbot.gallery.RepostEdit;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RepostEditsTest {
    /** A 100-pixel square drawn to its edges: any crop cuts into it. */
    private static final BufferedImage PICTURE = drawnToTheEdges();
    private static final Map<String, RepostEdits.Edit> BY_NAME = RepostEdits.ALL.stream()
            .collect(Collectors.toMap(RepostEdits.Edit::name, Function.identity()));

    /**
     * A hit names an edit when it names every geometry edit the copy shows and no other but those the copy may show;
     * colour and marks do not count: a turned copy named turned and cropped is named right, a cropped one named bordered
     * is not, a JPEG named recoloured is, a JPEG named cropped is not.
     */
    @Test
    void aHitNamesTheEditWhenItNamesWhatTheCopyShowsAndNothingElseOfWhereThePictureLies() {
        assertEquals(List.of(true, true, false, true, false, false, true, false, true), List.of(
                named("rotate 3°", RepostEdit.ROTATED, RepostEdit.CROPPED),
                named("crop 25%", RepostEdit.CROPPED),
                named("crop 25%", RepostEdit.BORDER),
                named("jpeg q40", RepostEdit.RECOLOURED),
                named("jpeg q40", RepostEdit.CROPPED),
                named("mirror"),
                named("caption bar", RepostEdit.BORDER, RepostEdit.WATERMARKED),
                named("stretch 4:3", RepostEdit.STRETCHED, RepostEdit.CROPPED),
                named("border+rotate+bright", RepostEdit.ROTATED, RepostEdit.BORDER)));
    }

    /**
     * A crop shows as cropped when it cut a tenth or more of the drawing along a side; cutting only white margin, it shows
     * nothing; cutting a sliver, a hit may name it cropped or not.
     */
    @Test
    void aCropShowsAsCroppedWhenItCutEnoughOfTheDrawing() {
        BufferedImage page = page(40, 40, 20, 20), wide = page(0, 40, 100, 20);
        RepostEdits.Copy margin = RepostEdits.cropped(page, 0.10, new Random(1));
        RepostEdits.Copy cut = RepostEdits.cropped(PICTURE, 0.25, new Random(1));
        RepostEdits.Copy sliver = RepostEdits.cropped(wide, 0.03, new Random(1));
        assertEquals(List.of(Set.of(), Set.of(), Set.of(RepostEdit.CROPPED), Set.of(), Set.of(), Set.of(RepostEdit.CROPPED)),
                List.of(margin.shown().shows(), margin.shown().mayShow(), cut.shown().shows(), cut.shown().mayShow(),
                        sliver.shown().shows(), sliver.shown().mayShow()));
        assertEquals(new Rectangle(40, 40, 20, 20), RepostEdits.drawn(page));
    }

    /**
     * A crop window that would keep under half of the drawing (a small drawing in a page's corner, the window at the
     * other) is moved over the drawing: every quarter crop of such a page, whatever the random draw, keeps at least half of
     * it (drawn, a window at random would keep under half for most draws, and none of it for some).
     */
    @Test
    void aCropKeepsAtLeastHalfOfTheDrawing() {
        BufferedImage corner = page(0, 0, 20, 20);
        List<Integer> keptAreas = new java.util.ArrayList<>();
        for (int seed = 0; seed < 50; seed++) {
            Rectangle kept = RepostEdits.drawn(RepostEdits.cropped(corner, 0.25, new Random(seed)).image());
            keptAreas.add(kept.width * kept.height);
        }
        assertEquals(List.of(), keptAreas.stream().filter(area -> area < 200).toList());
    }

    /**
     * A drawing that is its own mirror image (an off-centre rectangle on a page: its drawn bounds are what counts, and a
     * pixel of anti-aliasing to one side does not matter) shows nothing when mirrored, and any copy of it may be named
     * mirrored; an arrow pointing right, or the stripes of {@link #PICTURE}, are not their own mirror images.
     */
    @Test
    void aMirroredCopyOfAPictureThatIsItsOwnMirrorImageShowsNothing() {
        BufferedImage rectangle = page(10, 30, 40, 20);
        rectangle.setRGB(50, 40, Color.GRAY.getRGB());
        BufferedImage arrow = page(10, 45, 60, 10);
        Graphics2D g = arrow.createGraphics();
        g.setColor(Color.BLACK);
        g.fillPolygon(new int[]{70, 90, 70}, new int[]{30, 50, 70}, 3);
        g.dispose();
        assertEquals(List.of(true, false, false), List.of(RepostEdits.ownMirror(rectangle), RepostEdits.ownMirror(arrow),
                RepostEdits.ownMirror(PICTURE)));
        RepostEdits.Shown mirrored = BY_NAME.get("mirror").make().apply(rectangle, new Random(1)).shown().ofOwnMirror();
        RepostEdits.Shown resized = BY_NAME.get("resize 50%").make().apply(rectangle, new Random(1)).shown().ofOwnMirror();
        assertEquals(List.of(true, true, true, true), List.of(mirrored.namedBy(Set.of()), mirrored.namedBy(Set.of(RepostEdit.MIRRORED)),
                resized.namedBy(Set.of()), resized.namedBy(Set.of(RepostEdit.MIRRORED))));
    }

    /**
     * An upscaled copy is the picture enlarged with smooth edges, as an upscaler leaves them: a black square on white
     * doubled is 200 pixels a side and grey levels lie between its black and the white, where an enlargement that repeats
     * pixels (area averaging does when it enlarges) would leave only the two.
     */
    @Test
    void anUpscaledCopyIsEnlargedWithSmoothEdges() {
        BufferedImage copy = BY_NAME.get("upscale 200%").make().apply(page(40, 40, 20, 20), new Random(1)).image();
        java.util.SortedSet<Integer> greys = new java.util.TreeSet<>();
        for (int x = 60; x < 100; x++) {
            greys.add(copy.getRGB(x, 100) & 0xFF);
        }
        assertEquals(List.of(200, 200, 0, 255, true), List.of(copy.getWidth(), copy.getHeight(), greys.first(), greys.last(),
                greys.subSet(1, 255).size() >= 2));
    }

    /** A white 100-pixel page with a black rectangle on it. */
    private static BufferedImage page(int x, int y, int w, int h) {
        BufferedImage page = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 100, 100);
        g.setColor(Color.BLACK);
        g.fillRect(x, y, w, h);
        g.dispose();
        return page;
    }

    private static BufferedImage drawnToTheEdges() {
        BufferedImage img = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        for (int i = 0; i < 10; i++) {
            g.setColor(new Color(i * 20, 100, 200 - i * 15));
            g.fillRect(i * 10, 0, 10, 100);
        }
        g.dispose();
        return img;
    }

    private static boolean named(String edit, RepostEdit... edits) {
        return BY_NAME.get(edit).make().apply(PICTURE, new Random(1)).shown().namedBy(Set.of(edits));
    }
}
