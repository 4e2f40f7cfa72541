package dev.acgbot.bench.jmh;

import dev.acgbot.models.image.DecodedImage;

import java.util.SplittableRandom;

/** The microbenchmarks' input picture: generated, so runs need no data set and are the same everywhere. */
final class Pictures {
    private static final int WIDTH = 1920;
    private static final int HEIGHT = 1080;

    private Pictures() {
    }

    /** Smooth gradients with fine noise, so the resampler gets no easy ride. */
    static DecodedImage fullHd() {
        SplittableRandom random = new SplittableRandom(42);
        int[] argb = new int[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int r = (x * 255 / WIDTH + random.nextInt(24)) & 0xFF;
                int g = (y * 255 / HEIGHT + random.nextInt(24)) & 0xFF;
                int b = ((x + y) * 255 / (WIDTH + HEIGHT) + random.nextInt(24)) & 0xFF;
                argb[y * WIDTH + x] = 0xFF000000 | r << 16 | g << 8 | b;
            }
        }
        return new DecodedImage(WIDTH, HEIGHT, argb, false);
    }
}
