package dev.acgbot.bench.memory;

import dev.acgbot.bench.inference.StandIn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Manifests that configure the stand-ins as the bot's default model set (WD tagger v3 layout at 448, Chinese-CLIP
 * ViT-B/16 image and text towers), so the product's runtime and gallery load them as they would the real ones.
 * They are written next to the stand-ins (git-ignored cache) with a generated 10,861-line label file.
 */
final class StandInManifests {
    static final String TAGGER = "standin-wd-vit-tagger-v3";
    static final String CLIP_IMAGE = "standin-cn-clip-vit-b-16-image";
    static final String CLIP_TEXT = "standin-cn-clip-vit-b-16-text";

    private StandInManifests() {
    }

    static Path write(Path dir, List<StandIn> standIns) throws IOException {
        Path manifests = dir.resolve("manifests");
        Files.createDirectories(manifests);
        Path labels = manifests.resolve("standin-selected_tags.csv");
        StringBuilder csv = new StringBuilder("tag_id,name,category,count\n");
        String[] ratings = {"general", "sensitive", "questionable", "explicit"};
        for (int i = 0; i < 10_861; i++) {
            String name = i < 4 ? ratings[i] : i < 400 ? "standin_character_" + i : "standin_tag_" + i;
            csv.append(i).append(',').append(name).append(',').append(i < 4 ? 9 : i < 400 ? 4 : 0).append(",0\n");
        }
        Files.writeString(labels, csv);
        Files.writeString(manifests.resolve(TAGGER + ".yaml"), """
                # RANDOM-WEIGHT STAND-IN (bench memory): wd-vit-tagger-v3's tensors and size, meaningless scores.
                id: %s
                task: tagger
                description: "STAND-IN: random ViT-B/16 at 448 in the wd-vit-tagger-v3 layout"
                files:
                  - name: model.onnx
                    path: %s
                    sha256: unknown
                    size: %d
                  - name: selected_tags.csv
                    path: standin-selected_tags.csv
                    sha256: unknown
                    size: %d
                model: model.onnx
                batch: dynamic
                input:
                  name: input
                  dtype: float32
                  layout: NHWC
                  size: 448
                  resize: pad-square-white
                  interpolation: bicubic
                  alpha: composite-white
                  colour_order: BGR
                  scale: 1
                  mean: [0, 0, 0]
                  std: [1, 1, 1]
                output:
                  name: output
                  activation: none
                labels:
                  file: selected_tags.csv
                  format: selected-tags-csv
                """.formatted(TAGGER, file(standIns, "vit-b16-448-nhwc"), Files.size(file(standIns, "vit-b16-448-nhwc")),
                Files.size(labels)));
        Files.writeString(manifests.resolve(CLIP_IMAGE + ".yaml"), """
                # RANDOM-WEIGHT STAND-IN (bench memory): cn-clip-vit-b-16-image's tensors and size, meaningless vectors.
                id: %s
                task: clip-image
                embedding_space: standin-cn-clip-vit-b-16
                description: "STAND-IN: random ViT-B/16 at 224"
                files:
                  - name: image.onnx
                    path: %s
                    sha256: unknown
                    size: %d
                model: image.onnx
                batch: dynamic
                input:
                  name: image
                  dtype: float32
                  layout: NCHW
                  size: 224
                  resize: squash
                  interpolation: bicubic
                  alpha: drop
                  colour_order: RGB
                  scale: 1/255
                  mean: [0.48145466, 0.4578275, 0.40821073]
                  std: [0.26862954, 0.26130258, 0.27577711]
                output:
                  name: embedding
                embedding:
                  dim: 512
                  l2_normalize: true
                """.formatted(CLIP_IMAGE, file(standIns, "vit-b16-224"), Files.size(file(standIns, "vit-b16-224"))));
        Files.writeString(manifests.resolve(CLIP_TEXT + ".yaml"), """
                # RANDOM-WEIGHT STAND-IN (bench memory): cn-clip-vit-b-16-text's tensors and size, meaningless vectors.
                id: %s
                task: clip-text
                embedding_space: standin-cn-clip-vit-b-16
                description: "STAND-IN: random BERT-base text tower"
                files:
                  - name: text.onnx
                    path: %s
                    sha256: unknown
                    size: %d
                model: text.onnx
                batch: dynamic
                input:
                  name: text
                  dtype: int64
                tokenizer:
                  kind: bert-wordpiece
                  file: classpath:dev/acgbot/models/tokenizers/cn-clip/vocab.txt
                  context_length: 52
                  pad_id: 0
                  lowercase: true
                output:
                  name: unnorm_text_features
                embedding:
                  dim: 512
                  l2_normalize: true
                """.formatted(CLIP_TEXT, file(standIns, "bert-base-text"), Files.size(file(standIns, "bert-base-text"))));
        return manifests;
    }

    private static Path file(List<StandIn> standIns, String name) {
        return standIns.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().file().toAbsolutePath();
    }
}
