package dev.acgbot.models.manifest;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the two manifests of an Immich CLIP package already on disk: {@code config.json} (embed_dim,
 * text_cfg.context_length), {@code visual/model.onnx} + {@code visual/preprocess_cfg.json} (size, mean, std,
 * interpolation, resize_mode) and {@code textual/model.onnx} + {@code textual/tokenizer.json} (+
 * {@code tokenizer_config.json}: the pad token). Tensor names, dtypes, batch and the attention-mask input are read
 * from the graphs themselves, as Immich's own server reads them (immich_ml/models/clip/{visual,textual}.py), so
 * nothing is guessed; files are used where they are ({@code path:}), never fetched.
 *
 * <p>Immich's 2025+ exports take uint8 NHWC pixels (normalising inside the graph); the runtime feeds float NCHW
 * only, so such a package is refused with a message saying so.
 */
public final class ImmichPackage {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The two manifests, as YAML text, and the ids they carry. */
    public record Manifests(String imageId, String imageYaml, String textId, String textYaml) {
    }

    private ImmichPackage() {
    }

    /** "ViT-B-16-SigLIP-i18n-256__webli" becomes "immich-vit-b-16-siglip-i18n-256__webli". */
    public static String defaultId(Path packageDir) {
        String name = packageDir.toAbsolutePath().normalize().getFileName().toString().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]", "-");
        return ("immich-" + name).replaceAll("-+", "-");
    }

    /**
     * @param packageDir the folder holding config.json, visual/ and textual/
     * @param id         the id prefix: manifests {@code <id>-image} and {@code <id>-text}, embedding space {@code <id>}
     * @param languages  what the text tower reads, of {@code zh} and {@code en} (the package does not say): the
     *                   colour words {@code models check} probes
     * @throws ManifestException naming the file or tensor that does not fit
     */
    public static Manifests read(Path packageDir, String id, List<String> languages) {
        Path dir = packageDir.toAbsolutePath().normalize();
        JsonNode config = json(dir.resolve("config.json"));
        JsonNode pre = json(dir.resolve("visual/preprocess_cfg.json"));
        Graph visual = graph(dir.resolve("visual/model.onnx"));
        Graph textual = graph(dir.resolve("textual/model.onnx"));
        int dim = config.path("embed_dim").asInt(visual.outputDim());
        return new Manifests(id + "-image", imageYaml(dir, id, pre, visual, dim), id + "-text",
                textYaml(dir, id, config, textual, dim, languages));
    }

    private static String imageYaml(Path dir, String id, JsonNode pre, Graph g, int dim) {
        if (g.inputs().size() != 1) {
            throw new ManifestException(dir.resolve("visual/model.onnx") + ": expected one image input, the graph has " + g.names());
        }
        Input in = g.inputs().get(0);
        long[] s = in.shape();
        if (in.type() != OnnxJavaType.FLOAT || s.length != 4 || s[1] != 3) {
            throw new ManifestException(dir.resolve("visual/model.onnx") + ": input '" + in.name() + "' is " + in.type()
                    + " " + java.util.Arrays.toString(s) + "; acgbot feeds float32 [N,3,H,W] (Immich's exports before"
                    + " 2025). Newer uint8 NHWC exports are not supported: use a revision listed in docs/models.md");
        }
        JsonNode size = pre.path("size");
        int px = size.isArray() ? size.get(0).asInt() : size.asInt(s[2] > 0 ? (int) s[2] : 224);
        String resize = switch (pre.path("resize_mode").asText("shortest")) {
            case "squash" -> "squash";
            case "shortest" -> "shorter-side-center-crop";
            default -> throw new ManifestException(dir.resolve("visual/preprocess_cfg.json") + ": resize_mode '"
                    + pre.path("resize_mode").asText() + "' is not supported (squash or shortest)");
        };
        String interpolation = pre.path("interpolation").asText("bicubic").toLowerCase(Locale.ROOT);
        if (!List.of("bicubic", "bilinear", "nearest", "lanczos").contains(interpolation)) {
            throw new ManifestException(dir.resolve("visual/preprocess_cfg.json") + ": interpolation '" + interpolation + "' is not supported");
        }
        StringBuilder y = header(id + "-image", "clip-image", id, "image tower", dir);
        file(y, "model.onnx", dir.resolve("visual/model.onnx"));
        y.append("model: model.onnx\n");
        y.append("batch: ").append(s[0] > 0 ? Long.toString(s[0]) : "dynamic").append('\n');
        y.append("input:\n  name: ").append(in.name()).append("\n  dtype: float32\n  layout: NCHW\n  size: ").append(px)
                .append("\n  resize: ").append(resize).append("\n  interpolation: ").append(interpolation)
                .append("\n  alpha: drop\n  colour_order: RGB\n  scale: 1/255\n  mean: ").append(triple(pre.path("mean")))
                .append("\n  std: ").append(triple(pre.path("std")))
                .append("\n  source: \"visual/preprocess_cfg.json, as immich visual.py uses it: resize, then normalize(x/255, mean, std)\"\n");
        y.append("output:\n  name: ").append(g.outputs().get(0)).append('\n');
        y.append("embedding:\n  dim: ").append(dim).append("\n  l2_normalize: true\n");
        return y.toString();
    }

    private static String textYaml(Path dir, String id, JsonNode config, Graph g, int dim, List<String> languages) {
        Input ids = g.inputs().stream().filter(i -> !i.name().contains("mask")).findFirst().orElseThrow(
                () -> new ManifestException(dir.resolve("textual/model.onnx") + ": no token input among " + g.names()));
        Optional<Input> mask = g.inputs().stream().filter(i -> i.name().contains("mask")).findFirst();
        if (g.inputs().size() > 2 || (g.inputs().size() == 2 && mask.isEmpty())) {
            throw new ManifestException(dir.resolve("textual/model.onnx") + ": expected token ids and at most an attention mask, the graph has " + g.names());
        }
        String dtype = switch (ids.type()) {
            case INT32 -> "int32";
            case INT64 -> "int64";
            default -> throw new ManifestException(dir.resolve("textual/model.onnx") + ": input '" + ids.name() + "' is " + ids.type() + ", expected int32 or int64");
        };
        JsonNode textCfg = config.path("text_cfg");
        int context = textCfg.path("context_length").asInt(ids.shape().length == 2 && ids.shape()[1] > 0 ? (int) ids.shape()[1] : 77);
        Path tokenizer = dir.resolve("textual/tokenizer.json");
        PadToken pad = padToken(dir.resolve("textual/tokenizer_config.json"), tokenizer);
        StringBuilder y = header(id + "-text", "clip-text", id, "text tower", dir);
        file(y, "model.onnx", dir.resolve("textual/model.onnx"));
        file(y, "tokenizer.json", tokenizer);
        y.append("model: model.onnx\n");
        y.append("batch: ").append(ids.shape()[0] > 0 ? Long.toString(ids.shape()[0]) : "dynamic").append('\n');
        y.append("input:\n  name: ").append(ids.name()).append("\n  dtype: ").append(dtype).append('\n');
        mask.ifPresent(m -> y.append("  attention_mask: ").append(m.name()).append('\n'));
        y.append("tokenizer:\n  kind: hf-tokenizer-json\n  file: tokenizer.json\n  context_length: ").append(context)
                .append("\n  pad_id: ").append(pad.id()).append("\n  languages: [").append(String.join(", ", languages))
                .append("]\n  source: >-\n    ").append(pad.source());
        if ("canonicalize".equals(textCfg.path("tokenizer_kwargs").path("clean").asText())) {
            y.append("; NOT reproduced: Immich first lower-cases and strips punctuation (clean_text canonicalize)");
        }
        y.append('\n');
        y.append("output:\n  name: ").append(g.outputs().get(0)).append('\n');
        y.append("embedding:\n  dim: ").append(dim).append("\n  l2_normalize: true\n");
        return y.toString();
    }

    private record PadToken(long id, String source) {
    }

    /** Immich pads with tokenizer_config.json's pad_token; its id comes from tokenizer.json. */
    private static PadToken padToken(Path tokenizerConfig, Path tokenizerJson) {
        if (!Files.isRegularFile(tokenizerConfig)) {
            return new PadToken(0, "no textual/tokenizer_config.json: pad id 0 assumed");
        }
        JsonNode p = json(tokenizerConfig).path("pad_token");
        String token = p.isObject() ? p.path("content").asText() : p.asText();
        JsonNode tok = json(tokenizerJson);
        for (JsonNode added : tok.path("added_tokens")) {
            if (added.path("content").asText().equals(token)) {
                return new PadToken(added.path("id").asLong(), "pad_token '" + token + "' from tokenizer_config.json (added token)");
            }
        }
        JsonNode vocab = tok.path("model").path("vocab");
        if (vocab.isObject() && vocab.has(token)) {
            return new PadToken(vocab.get(token).asLong(), "pad_token '" + token + "' from tokenizer_config.json");
        }
        if (vocab.isArray()) { // Unigram: [[piece, score], ...], the id is the index
            for (int i = 0; i < vocab.size(); i++) {
                if (vocab.get(i).path(0).asText().equals(token)) {
                    return new PadToken(i, "pad_token '" + token + "' from tokenizer_config.json");
                }
            }
        }
        throw new ManifestException(tokenizerConfig + ": pad_token '" + token + "' is not in " + tokenizerJson);
    }

    private static StringBuilder header(String id, String task, String space, String what, Path dir) {
        return new StringBuilder()
                .append("# Written by `acgbot models import-immich` from the Immich package in ").append(dir).append('\n')
                .append("id: ").append(id).append('\n')
                .append("task: ").append(task).append('\n')
                .append("embedding_space: ").append(space).append('\n')
                .append("description: ").append(what).append(" of the Immich package ").append(dir.getFileName()).append('\n')
                .append("source: >-\n  ").append(dir).append(": tensor names, dtypes and batch read from the graphs;")
                .append(" pipeline from config.json / preprocess_cfg.json / tokenizer_config.json as immich_ml reads them\n")
                .append("files:\n");
    }

    private static void file(StringBuilder y, String name, Path path) {
        y.append("  - name: ").append(name).append("\n    path: ").append(path).append("\n    sha256: unknown\n");
    }

    private static String triple(JsonNode n) {
        if (!n.isArray() || n.size() != 3) {
            throw new ManifestException("visual/preprocess_cfg.json: mean and std need three values each");
        }
        return "[" + n.get(0).asDouble() + ", " + n.get(1).asDouble() + ", " + n.get(2).asDouble() + "]";
    }

    private record Input(String name, OnnxJavaType type, long[] shape) {
    }

    private record Graph(List<Input> inputs, List<String> outputs, int outputDim) {
        List<String> names() {
            return inputs.stream().map(Input::name).toList();
        }
    }

    private static Graph graph(Path onnx) {
        if (!Files.isRegularFile(onnx)) {
            throw new ManifestException(onnx + ": missing (an Immich package has visual/model.onnx and textual/model.onnx)");
        }
        // the process's one ONNX Runtime environment, shared with the model runtime (OrtEngine)
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             OrtSession session = env.createSession(onnx.toString(), options)) {
            List<Input> inputs = new ArrayList<>();
            for (Map.Entry<String, NodeInfo> e : session.getInputInfo().entrySet()) {
                TensorInfo t = (TensorInfo) e.getValue().getInfo();
                inputs.add(new Input(e.getKey(), t.type, t.getShape()));
            }
            List<String> outputs = new ArrayList<>(session.getOutputNames());
            long[] outShape = ((TensorInfo) session.getOutputInfo().get(outputs.get(0)).getInfo()).getShape();
            return new Graph(inputs, outputs, (int) outShape[outShape.length - 1]);
        } catch (OrtException | ClassCastException e) {
            throw new ManifestException(onnx + ": ONNX Runtime cannot read it: " + e.getMessage(), e);
        }
    }

    private static JsonNode json(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new ManifestException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}
