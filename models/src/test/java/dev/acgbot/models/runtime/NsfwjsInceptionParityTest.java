package dev.acgbot.models.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * nsfwjs's REAL InceptionV3 (299x299), converted by the same committed command as the MobileNetV2 but NOT committed
 * (22.6 MB): runs when {@code -Dnsfwjs.inception=PATH} (or {@code NSFWJS_INCEPTION_ONNX}) names the converted file
 * (models/nsfwjs/nsfwjs-inception-v3.yaml says how to make it), and is skipped otherwise. The reference is nsfwjs's
 * own InceptionV3 on TF.js's pure-JavaScript backend on the resize fixture's 23 real images
 * (fixture-resized/reference-InceptionV3.json), so its 299 resize is part of what is compared.
 */
class NsfwjsInceptionParityTest {
    @Test
    void probabilitiesAndFeaturesEqualNsfwjsInceptionV3(@TempDir Path models) throws Exception {
        new ConvertedNsfwjsParity("nsfwjs.inception", "NSFWJS_INCEPTION_ONNX", "nsfwjs-inception-v3",
                "reference-InceptionV3.json", 2048).assertEqualsNsfwjs(models);
    }
}
