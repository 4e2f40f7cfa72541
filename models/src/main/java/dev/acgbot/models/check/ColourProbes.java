package dev.acgbot.models.check;

import dev.acgbot.models.image.DecodedImage;

import java.util.Arrays;
import java.util.List;

/**
 * The built-in probes: six solid colours, each with its word in Chinese and English and its Danbooru theme
 * tag. Black and white have no theme tag that taggers reliably answer, so taggers are probed on four.
 *
 * @param name    English name, also the English probe word
 * @param rgb     0xRRGGBB
 * @param chinese the Chinese colour word
 * @param theme   the Danbooru tag for art in that colour, or empty
 */
record ColourProbes(String name, int rgb, String chinese, String theme) {

    static final List<ColourProbes> ALL = List.of(
            new ColourProbes("red", 0xFF0000, "红色", "red_theme"),
            new ColourProbes("green", 0x00FF00, "绿色", "green_theme"),
            new ColourProbes("blue", 0x0000FF, "蓝色", "blue_theme"),
            new ColourProbes("yellow", 0xFFFF00, "黄色", "yellow_theme"),
            new ColourProbes("black", 0x000000, "黑色", ""),
            new ColourProbes("white", 0xFFFFFF, "白色", ""));

    /** 64x64 is enough: every pipeline resizes, and a solid colour survives any resize exactly. */
    DecodedImage image() {
        int[] px = new int[64 * 64];
        Arrays.fill(px, 0xFF000000 | rgb);
        return new DecodedImage(64, 64, px, false);
    }
}
