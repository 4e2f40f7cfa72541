package dev.acgbot.models.manifest;

import dev.acgbot.models.api.ModelTask;
import dev.acgbot.models.preprocess.PreprocessSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Arrays;
import java.util.Optional;

/**
 * One model, as described by its manifest file: everything needed to fetch, verify and run it.
 *
 * @param id             unique model id
 * @param task           tagger, clip-image or clip-text
 * @param embeddingSpace CLIP towers: shared by an image tower and the text tower it is comparable with
 * @param description    one line for {@code models list}
 * @param files          every file the model needs
 * @param modelFile      which of {@code files} is the ONNX graph
 * @param fixedBatch     the batch size the graph is fixed to (1 for OFA-Sys's Chinese-CLIP export), or 0 for
 *                       a dynamic batch axis
 * @param image          image input (taggers and image towers)
 * @param text           token input (text towers)
 * @param tokenizer      text towers' tokenizer
 * @param output         the output tensor used
 * @param labels         taggers' label file
 * @param origin         where the manifest was read from (a file path or {@code classpath:...})
 * @param baseDir        directory of a manifest read from disk: local file paths are relative to it
 * @param canonical      the manifest's content in canonical form (sorted keys, {@code source} notes left out),
 *                       the input of the manifest hash
 * @param directory      folder under the models directory holding the files: the id, or a folder shared by
 *                       several manifests (both Chinese-CLIP towers live where OFA-Sys's export writes them, side by side)
 * @param licence        prose for {@code models list} and the docs; not hashed
 * @param constantInputs the graph's other inputs, fed the same tensor on every run (one-graph CLIP exports)
 */
public record ModelManifest(String id, ModelTask task, String embeddingSpace, String description,
                            List<ModelFile> files, String modelFile, int fixedBatch,
                            Optional<ImageInput> image, Optional<TextInput> text, Optional<TokenizerSpec> tokenizer,
                            OutputSpec output, Optional<LabelsSpec> labels, String origin, Optional<Path> baseDir,
                            String canonical, String directory, String licence, List<ConstantInput> constantInputs) {

    public ModelManifest {
        files = List.copyOf(files);
        constantInputs = List.copyOf(constantInputs);
    }

    /** Sum of the files' sizes in bytes, or -1 when any is unknown. */
    public long knownSize() {
        long sum = 0;
        for (ModelFile f : files) {
            if (f.size() < 0) {
                return -1;
            }
            sum += f.size();
        }
        return sum;
    }

    public boolean dynamicBatch() {
        return fixedBatch == 0;
    }

    public Optional<ModelFile> file(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The preprocessing of an image model. */
    public PreprocessSpec preprocessSpec() {
        return image.orElseThrow(() -> new IllegalStateException("model " + id + " takes no image input")).spec();
    }

    /** A copy with another image pipeline: used to test that a wrong pipeline gives wrong answers. */
    public ModelManifest withPreprocessSpec(PreprocessSpec spec) {
        ImageInput in = new ImageInput(image.get().name(), spec);
        return new ModelManifest(id, task, embeddingSpace, description, files, modelFile, fixedBatch, Optional.of(in),
                text, tokenizer, output, labels, origin, baseDir, canonical + "|override:" + describe(spec), directory, licence, constantInputs);
    }

    private static String describe(PreprocessSpec s) {
        return s.width() + "x" + s.height() + " " + s.resize() + " " + s.interpolation() + " " + s.alpha() + " "
                + s.colorOrder() + " " + s.layout() + " scale=" + s.scale() + " mean=" + Arrays.toString(s.mean())
                + " std=" + Arrays.toString(s.std());
    }
}
