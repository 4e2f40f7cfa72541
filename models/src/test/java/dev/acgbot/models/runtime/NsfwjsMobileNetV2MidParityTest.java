package dev.acgbot.models.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * nsfwjs's REAL mid-size MobileNetV2 (224x224, width 1.4), which nsfwjs ships as a TF.js graph model (fused
 * convolutions) and convert.py's graph path converts; NOT committed (4.7 MB): runs when {@code -Dnsfwjs.mid=PATH} (or
 * {@code NSFWJS_MID_ONNX}) names the converted file (models/nsfwjs/nsfwjs-mobilenet-v2-mid.yaml says how to make
 * it), and is skipped otherwise. The reference is nsfwjs's own MobileNetV2Mid on TF.js's pure-JavaScript backend on
 * the resize fixture's 23 real images (fixture-resized/reference-MobileNetV2Mid.json; features from the graph's
 * global-pool node), so nsfwjs's resize and the graph's own x * 2 - 1 are part of what is compared.
 */
class NsfwjsMobileNetV2MidParityTest {
    @Test
    void probabilitiesAndFeaturesEqualNsfwjsMobileNetV2Mid(@TempDir Path models) throws Exception {
        new ConvertedNsfwjsParity("nsfwjs.mid", "NSFWJS_MID_ONNX", "nsfwjs-mobilenet-v2-mid",
                "reference-MobileNetV2Mid.json", 1792).assertEqualsNsfwjs(models);
    }
}
