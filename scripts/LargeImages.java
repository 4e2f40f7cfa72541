import javax.imageio.*;
import javax.imageio.stream.*;
import java.awt.*;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;

/** Large test wallpapers for scripts/index-memory.sh: N JPEGs of W x H, distinct gradients and shapes each. */
public class LargeImages {
    public static void main(String[] a) throws Exception {
        File dir = new File(a[0]); dir.mkdirs();
        int n = Integer.parseInt(a[1]), w = Integer.parseInt(a[2]), h = Integer.parseInt(a[3]);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < n; i++) {
            Random r = new Random(i);
            Graphics2D g = img.createGraphics();
            g.setPaint(new GradientPaint(0, 0, new Color(r.nextInt(0xFFFFFF)), w, h, new Color(r.nextInt(0xFFFFFF))));
            g.fillRect(0, 0, w, h);
            for (int k = 0; k < 40; k++) {
                g.setColor(new Color(r.nextInt(0xFFFFFF)));
                g.fillOval(r.nextInt(w), r.nextInt(h), 50 + r.nextInt(w / 3), 50 + r.nextInt(h / 3));
            }
            g.dispose();
            ImageWriter wr = ImageIO.getImageWritersByFormatName("jpg").next();
            ImageWriteParam p = wr.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT); p.setCompressionQuality(0.9f);
            try (ImageOutputStream out = ImageIO.createImageOutputStream(new File(dir, String.format("wall%04d.jpg", i)))) {
                wr.setOutput(out); wr.write(null, new IIOImage(img, null, null), p);
            }
            wr.dispose();
        }
    }
}
