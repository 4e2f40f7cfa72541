package dev.acgbot.models.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.acgbot.models.api.ModelTask;
import dev.acgbot.models.manifest.LabelsSpec.Format;
import dev.acgbot.models.manifest.OutputSpec.Activation;
import dev.acgbot.models.manifest.TextInput.TokenDtype;
import dev.acgbot.models.manifest.TokenizerSpec.Kind;
import dev.acgbot.models.preprocess.PreprocessSpec;
import dev.acgbot.models.preprocess.PreprocessSpec.AlphaMode;
import dev.acgbot.models.preprocess.PreprocessSpec.ColorOrder;
import dev.acgbot.models.preprocess.PreprocessSpec.Interpolation;
import dev.acgbot.models.preprocess.PreprocessSpec.Layout;
import dev.acgbot.models.preprocess.PreprocessSpec.ResizeMode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads one YAML manifest and validates it; every error names the manifest and the key, e.g.
 * {@code manifest wd-vit-tagger-v3: input.layout: expected NCHW or NHWC, got 'NWHC'}. Unknown keys are
 * rejected too, so a typo does not silently fall back to a default.
 */
public final class ManifestParser {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern APPROX = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|kB|KB|MB|GB)");

    private static final Set<String> TOP_KEYS = Set.of("id", "task", "embedding_space", "description", "source",
            "files", "model", "batch", "input", "output", "tokenizer", "labels", "embedding", "directory", "licence",
            "constant_inputs");
    private static final Set<String> FILE_KEYS = Set.of("name", "url", "sha256", "size", "approx_size", "path", "source");
    private static final Set<String> IMAGE_KEYS = Set.of("name", "dtype", "layout", "size", "width", "height",
            "resize", "interpolation", "alpha", "colour_order", "scale", "mean", "std", "source");
    private static final Set<String> TEXT_KEYS = Set.of("name", "dtype", "attention_mask", "source");
    private static final Set<String> OUTPUT_KEYS = Set.of("name", "activation", "source");
    private static final Set<String> EMBEDDING_KEYS = Set.of("dim", "l2_normalize", "source");
    private static final Set<String> TOKENIZER_KEYS = Set.of("kind", "file", "context_length", "pad_id", "lowercase", "languages", "source");
    private static final Set<String> LABEL_KEYS = Set.of("file", "format", "source");
    private static final Set<String> CONSTANT_KEYS = Set.of("name", "dtype", "shape", "values", "fill", "source");
    /** A constant stands in for another tower's input: 16 M elements is already 64 MB of float32. */
    private static final long MAX_CONSTANT_ELEMENTS = 1L << 24;

    private ManifestParser() {
    }

    /**
     * @param yaml    the manifest text
     * @param origin  where it came from, for messages
     * @param baseDir directory local file paths are relative to; empty for classpath manifests
     */
    public static ModelManifest parse(String yaml, String origin, Optional<Path> baseDir) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new ManifestException("manifest " + origin + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ManifestException("manifest " + origin + ": expected a mapping of keys at the top level");
        }
        String idForMessages = root.path("id").isTextual() ? root.get("id").asText() : origin;
        return new Reader(idForMessages, origin, baseDir).read((ObjectNode) root);
    }

    /** Field access that reports errors as "manifest ID: key.path: ...". */
    private static final class Reader {
        private final String id;
        private final String origin;
        private final Optional<Path> baseDir;

        Reader(String id, String origin, Optional<Path> baseDir) {
            this.id = id;
            this.origin = origin;
            this.baseDir = baseDir;
        }

        ModelManifest read(ObjectNode root) {
            checkKeys(root, "", TOP_KEYS);
            String modelId = text(root, "id");
            if (!ID.matcher(modelId).matches()) {
                throw error("id", "expected lower-case letters, digits, '.', '_' or '-', got '" + modelId + "'");
            }
            ModelTask task = choice(root, "task", Map.of("tagger", ModelTask.TAGGER, "clip-image", ModelTask.CLIP_IMAGE,
                    "clip-text", ModelTask.CLIP_TEXT, "image-embedding", ModelTask.IMAGE_EMBEDDING),
                    "tagger, clip-image, clip-text or image-embedding");
            List<ModelFile> files = files(root);
            String modelFile = text(root, "model");
            requireFile(files, modelFile, "model");
            int fixedBatch = batch(root);

            Optional<ImageInput> image = Optional.empty();
            Optional<TextInput> textInput = Optional.empty();
            Optional<TokenizerSpec> tokenizer = Optional.empty();
            Optional<LabelsSpec> labels = Optional.empty();
            String embeddingSpace = "";
            OutputSpec output;
            JsonNode input = object(root, "input");
            if (task == ModelTask.CLIP_TEXT) {
                checkKeys(input, "input.", TEXT_KEYS);
                textInput = Optional.of(textInput(input));
                JsonNode tok = object(root, "tokenizer");
                checkKeys(tok, "tokenizer.", TOKENIZER_KEYS);
                tokenizer = Optional.of(tokenizer(tok, files));
            } else {
                checkKeys(input, "input.", IMAGE_KEYS);
                image = Optional.of(imageInput(input));
                forbid(root, "tokenizer", task);
            }
            JsonNode out = object(root, "output");
            checkKeys(out, "output.", OUTPUT_KEYS);
            String outName = text(out, "output.name");
            if (task == ModelTask.TAGGER) {
                Activation activation = choice(out, "output.activation", Map.of("none", Activation.NONE,
                        "sigmoid", Activation.SIGMOID), "none or sigmoid");
                JsonNode lab = object(root, "labels");
                checkKeys(lab, "labels.", LABEL_KEYS);
                String file = text(lab, "labels.file");
                requireFile(files, file, "labels.file");
                Format format = lab.has("format") ? choice(lab, "labels.format", Map.of("selected-tags-csv",
                        Format.SELECTED_TAGS_CSV, "lines", Format.LINES), "selected-tags-csv or lines") : Format.SELECTED_TAGS_CSV;
                labels = Optional.of(new LabelsSpec(file, format));
                forbid(root, "embedding", task);
                forbid(root, "embedding_space", task);
                output = new OutputSpec(outName, activation, 0, false);
            } else {
                if (out.has("activation") && !"none".equals(out.get("activation").asText())) {
                    throw error("output.activation", "embedding models take none, got '" + out.get("activation").asText() + "'");
                }
                embeddingSpace = text(root, "embedding_space");
                JsonNode emb = object(root, "embedding");
                checkKeys(emb, "embedding.", EMBEDDING_KEYS);
                int dim = positiveInt(emb, "embedding.dim");
                boolean l2 = !emb.has("l2_normalize") || bool(emb, "embedding.l2_normalize");
                forbid(root, "labels", task);
                output = new OutputSpec(outName, Activation.NONE, dim, l2);
            }
            String description = root.has("description") ? text(root, "description") : "";
            String directory = root.has("directory") ? text(root, "directory") : modelId;
            if (!ID.matcher(directory).matches()) {
                throw error("directory", "expected a plain folder name (a-z0-9._-), got '" + directory + "'");
            }
            String licence = root.has("licence") ? text(root, "licence") : "";
            String ownInput = image.isPresent() ? image.get().name() : textInput.orElseThrow().name();
            List<ConstantInput> constants = constantInputs(root, ownInput, textInput.flatMap(TextInput::attentionMask));
            return new ModelManifest(modelId, task, embeddingSpace, description, files, modelFile, fixedBatch, image,
                    textInput, tokenizer, output, labels, origin, baseDir, canonical(root), directory, licence, constants);
        }

        /** {@code constant_inputs}: the other inputs of a graph that holds more than the model's own tower. */
        private List<ConstantInput> constantInputs(ObjectNode root, String input, Optional<String> mask) {
            JsonNode node = root.get("constant_inputs");
            if (node == null) {
                return List.of();
            }
            if (!node.isArray() || node.isEmpty()) {
                throw error("constant_inputs", "expected a list of inputs (name, dtype, shape, values or fill)");
            }
            List<ConstantInput> constants = new ArrayList<>();
            Set<String> names = new HashSet<>(List.of(input));
            mask.ifPresent(names::add);
            for (int i = 0; i < node.size(); i++) {
                String key = "constant_inputs[" + i + "]";
                JsonNode c = node.get(i);
                if (!c.isObject()) {
                    throw error(key, "expected a mapping with name, dtype, shape and values or fill");
                }
                checkKeys(c, key + ".", CONSTANT_KEYS);
                String name = text(c, key + ".name");
                if (!names.add(name)) {
                    throw error(key + ".name", "'" + name + "' is already fed (by the model's own input or another constant)");
                }
                ConstantInput.ElementType type = choice(c, key + ".dtype", Map.of("float32", ConstantInput.ElementType.FLOAT32,
                        "int64", ConstantInput.ElementType.INT64, "int32", ConstantInput.ElementType.INT32),
                        "float32, int64 or int32");
                List<Long> shape = constantShape(c, key + ".shape");
                long elements = shape.stream().reduce(1L, (a, b) -> a * b);
                if (c.has("values") == c.has("fill")) {
                    throw error(key, "give either values (every element) or fill (one value for all)");
                }
                List<Double> values = new ArrayList<>();
                JsonNode v = c.has("values") ? c.get("values") : c.get("fill");
                String vkey = key + (c.has("values") ? ".values" : ".fill");
                for (JsonNode e : v.isArray() ? v : List.of(v)) {
                    if (!e.isNumber() || (type != ConstantInput.ElementType.FLOAT32 && !e.isIntegralNumber())) {
                        throw error(vkey, "expected " + (type == ConstantInput.ElementType.FLOAT32 ? "numbers" : "whole numbers")
                                + ", got '" + e.asText() + "'");
                    }
                    values.add(e.asDouble());
                }
                if (c.has("values") && (!v.isArray() || values.size() != elements)) {
                    throw error(vkey, "expected " + elements + " numbers for shape " + shape + ", got " + values.size());
                }
                constants.add(new ConstantInput(name, type, shape, values));
            }
            return constants;
        }

        private List<Long> constantShape(JsonNode c, String key) {
            JsonNode s = c.get("shape");
            if (s == null || !s.isArray() || s.isEmpty()) {
                throw error(key, "expected a list of dimensions such as [1, 2]");
            }
            List<Long> shape = new ArrayList<>();
            long elements = 1;
            for (JsonNode d : s) {
                if (!d.isIntegralNumber() || d.asLong() < 1) {
                    throw error(key, "expected positive whole dimensions, got '" + d.asText() + "'");
                }
                shape.add(d.asLong());
                elements *= d.asLong();
                if (elements > MAX_CONSTANT_ELEMENTS) {
                    throw error(key, "more than " + MAX_CONSTANT_ELEMENTS + " elements: a constant input must stay small");
                }
            }
            return shape;
        }

        private List<ModelFile> files(ObjectNode root) {
            JsonNode node = root.get("files");
            if (node == null || !node.isArray() || node.isEmpty()) {
                throw error("files", "expected a list of files (name, url, sha256, size)");
            }
            List<ModelFile> files = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (int i = 0; i < node.size(); i++) {
                String key = "files[" + i + "]";
                JsonNode f = node.get(i);
                if (!f.isObject()) {
                    throw error(key, "expected a mapping with name, url, sha256, size");
                }
                checkKeys(f, key + ".", FILE_KEYS);
                String name = text(f, key + ".name");
                if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                    throw error(key + ".name", "expected a plain file name, got '" + name + "'");
                }
                if (!names.add(name)) {
                    throw error(key + ".name", "file '" + name + "' is listed twice");
                }
                Optional<String> url = optionalText(f, key + ".url").filter(u -> !"none".equals(u));
                url.ifPresent(u -> {
                    if (!u.startsWith("https://") && !u.startsWith("http://")) {
                        throw error(key + ".url", "expected an http(s) URL or none, got '" + u + "'");
                    }
                });
                String sha = optionalText(f, key + ".sha256").orElseThrow(
                        () -> error(key + ".sha256", "missing: give the checksum or write 'unknown'"));
                Optional<String> sha256 = Optional.empty();
                if (!"unknown".equals(sha)) {
                    String lower = sha.toLowerCase(Locale.ROOT);
                    if (!SHA256.matcher(lower).matches()) {
                        throw error(key + ".sha256", "expected 64 hex digits or unknown, got '" + sha + "'");
                    }
                    sha256 = Optional.of(lower);
                }
                long size = -1;
                JsonNode s = f.get("size");
                if (s != null && !(s.isTextual() && "unknown".equals(s.asText()))) {
                    if (!s.canConvertToLong() || s.asLong() < 0) {
                        throw error(key + ".size", "expected a byte count or unknown, got '" + s.asText() + "'");
                    }
                    size = s.asLong();
                }
                long approx = f.has("approx_size") ? approxBytes(text(f, key + ".approx_size"), key + ".approx_size") : -1;
                Optional<String> path = optionalText(f, key + ".path");
                files.add(new ModelFile(name, url, sha256, size, path, approx));
            }
            return files;
        }

        /** "349 MB", "3.77 MB", "308 kB", "1.26 GB": the rounded decimal sizes a hub listing shows. */
        private long approxBytes(String value, String key) {
            java.util.regex.Matcher m = APPROX.matcher(value.strip());
            if (!m.matches()) {
                throw error(key, "expected a size such as '349 MB', '308 kB' or '1.26 GB', got '" + value + "'");
            }
            double factor = switch (m.group(2)) {
                case "kB", "KB" -> 1e3;
                case "MB" -> 1e6;
                case "GB" -> 1e9;
                default -> 1;
            };
            return Math.round(Double.parseDouble(m.group(1)) * factor);
        }

        private int batch(ObjectNode root) {
            JsonNode b = root.get("batch");
            if (b == null || (b.isTextual() && "dynamic".equals(b.asText()))) {
                return 0;
            }
            if (b.canConvertToInt() && b.asInt() >= 1 && b.isIntegralNumber()) {
                return b.asInt();
            }
            throw error("batch", "expected dynamic or a fixed batch size such as 1, got '" + b.asText() + "'");
        }

        private ImageInput imageInput(JsonNode in) {
            String name = text(in, "input.name");
            if (in.has("dtype") && !"float32".equals(in.get("dtype").asText())) {
                throw error("input.dtype", "image inputs are float32, got '" + in.get("dtype").asText() + "'");
            }
            int width;
            int height;
            if (in.has("size")) {
                width = height = positiveInt(in, "input.size");
            } else {
                width = positiveInt(in, "input.width");
                height = positiveInt(in, "input.height");
            }
            Layout layout = choice(in, "input.layout", Map.of("NCHW", Layout.NCHW, "NHWC", Layout.NHWC), "NCHW or NHWC");
            ResizeMode resize = choice(in, "input.resize", Map.of("pad-square-white", ResizeMode.PAD_SQUARE_WHITE,
                    "squash", ResizeMode.SQUASH, "shorter-side-center-crop", ResizeMode.SHORTER_SIDE_CENTER_CROP,
                    "tf-bilinear-align-corners", ResizeMode.TF_BILINEAR_ALIGN_CORNERS),
                    "pad-square-white, squash, shorter-side-center-crop or tf-bilinear-align-corners");
            Interpolation interpolation = choice(in, "input.interpolation", Map.of("nearest", Interpolation.NEAREST,
                    "bilinear", Interpolation.BILINEAR, "bicubic", Interpolation.BICUBIC, "lanczos", Interpolation.LANCZOS),
                    "nearest, bilinear, bicubic or lanczos");
            AlphaMode alpha = choice(in, "input.alpha", Map.of("composite-white", AlphaMode.COMPOSITE_WHITE,
                    "drop", AlphaMode.DROP), "composite-white or drop");
            ColorOrder order = choice(in, "input.colour_order", Map.of("RGB", ColorOrder.RGB, "BGR", ColorOrder.BGR),
                    "RGB or BGR");
            float scale = scale(in);
            float[] mean = triple(in, "input.mean", new float[]{0, 0, 0});
            float[] std = triple(in, "input.std", new float[]{1, 1, 1});
            for (float s : std) {
                if (!(s > 0)) {
                    throw error("input.std", "every value must be positive");
                }
            }
            return new ImageInput(name, new PreprocessSpec(width, height, resize, interpolation, alpha, order, layout,
                    scale, mean, std));
        }

        private float scale(JsonNode in) {
            JsonNode s = in.get("scale");
            if (s == null) {
                throw error("input.scale", "missing: expected 1/255 (values 0-1) or 1 (values 0-255)");
            }
            if (s.isNumber() && s.floatValue() > 0) {
                return s.floatValue();
            }
            if (s.isTextual() && s.asText().matches("1\\s*/\\s*255")) {
                return 1f / 255f;
            }
            throw error("input.scale", "expected 1/255 or a positive number, got '" + s.asText() + "'");
        }

        private float[] triple(JsonNode in, String key, float[] fallback) {
            JsonNode n = in.get(leaf(key));
            if (n == null) {
                return fallback;
            }
            if (!n.isArray() || n.size() != 3) {
                throw error(key, "expected three numbers in tensor channel order");
            }
            float[] v = new float[3];
            for (int i = 0; i < 3; i++) {
                if (!n.get(i).isNumber()) {
                    throw error(key, "expected three numbers, got '" + n.get(i).asText() + "'");
                }
                v[i] = n.get(i).floatValue();
            }
            return v;
        }

        private TextInput textInput(JsonNode in) {
            String name = text(in, "input.name");
            TokenDtype dtype = choice(in, "input.dtype", Map.of("int64", TokenDtype.INT64, "int32", TokenDtype.INT32),
                    "int64 or int32");
            return new TextInput(name, dtype, optionalText(in, "input.attention_mask"));
        }

        private TokenizerSpec tokenizer(JsonNode tok, List<ModelFile> files) {
            Kind kind = choice(tok, "tokenizer.kind", Map.of("bert-wordpiece", Kind.BERT_WORDPIECE,
                    "clip-bpe", Kind.CLIP_BPE, "hf-tokenizer-json", Kind.HF_TOKENIZER_JSON),
                    "bert-wordpiece, clip-bpe or hf-tokenizer-json");
            String file = text(tok, "tokenizer.file");
            if (!file.startsWith("classpath:")) {
                requireFile(files, file, "tokenizer.file");
            }
            int context = positiveInt(tok, "tokenizer.context_length");
            if (context < 3) {
                throw error("tokenizer.context_length", "needs room for two special tokens and text");
            }
            long pad = tok.has("pad_id") ? nonNegativeLong(tok, "tokenizer.pad_id") : 0;
            boolean lower = tok.has("lowercase") && bool(tok, "tokenizer.lowercase");
            List<String> languages = List.of("zh", "en");
            if (tok.has("languages")) {
                JsonNode l = tok.get("languages");
                if (!l.isArray() || l.isEmpty() || !java.util.stream.StreamSupport.stream(l.spliterator(), false)
                        .allMatch(n -> n.isTextual() && (n.asText().equals("zh") || n.asText().equals("en")))) {
                    throw error("tokenizer.languages", "expected a list of zh and/or en, e.g. [en]");
                }
                languages = java.util.stream.StreamSupport.stream(l.spliterator(), false).map(JsonNode::asText).toList();
            }
            return new TokenizerSpec(kind, file, context, pad, lower, languages);
        }

        private void requireFile(List<ModelFile> files, String name, String key) {
            if (files.stream().noneMatch(f -> f.name().equals(name))) {
                throw error(key, "'" + name + "' is not one of the files listed under files");
            }
        }

        private void forbid(JsonNode root, String key, ModelTask task) {
            if (root.has(key)) {
                throw error(key, "not used by a " + task.manifestName() + " model");
            }
        }

        private void checkKeys(JsonNode node, String prefix, Set<String> allowed) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!allowed.contains(key)) {
                    throw error(prefix + key, "unknown key (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
                }
            }
        }

        private JsonNode object(JsonNode node, String key) {
            JsonNode n = node.get(leaf(key));
            if (n == null || !n.isObject()) {
                throw error(key, n == null ? "missing" : "expected a mapping");
            }
            return n;
        }

        private String text(JsonNode node, String key) {
            JsonNode n = node.get(leaf(key));
            if (n == null || n.isNull()) {
                throw error(key, "missing");
            }
            if (!n.isValueNode() || n.asText().isBlank()) {
                throw error(key, "expected a non-empty value");
            }
            return n.asText().trim();
        }

        private Optional<String> optionalText(JsonNode node, String key) {
            JsonNode n = node.get(leaf(key));
            if (n == null || n.isNull()) {
                return Optional.empty();
            }
            return Optional.of(text(node, key));
        }

        private int positiveInt(JsonNode node, String key) {
            JsonNode n = node.get(leaf(key));
            if (n == null || !n.isIntegralNumber() || n.asInt() < 1) {
                throw error(key, "expected a positive whole number, got '" + (n == null ? "nothing" : n.asText()) + "'");
            }
            return n.asInt();
        }

        private long nonNegativeLong(JsonNode node, String key) {
            JsonNode n = node.get(leaf(key));
            if (n == null || !n.isIntegralNumber() || n.asLong() < 0) {
                throw error(key, "expected a whole number >= 0, got '" + (n == null ? "nothing" : n.asText()) + "'");
            }
            return n.asLong();
        }

        private boolean bool(JsonNode node, String key) {
            JsonNode n = node.get(leaf(key));
            if (n == null || !n.isBoolean()) {
                throw error(key, "expected true or false");
            }
            return n.asBoolean();
        }

        private <T> T choice(JsonNode node, String key, Map<String, T> options, String expected) {
            JsonNode n = node.get(leaf(key));
            if (n == null) {
                throw error(key, "missing: expected " + expected);
            }
            T value = options.get(n.asText());
            if (value == null) {
                throw error(key, "expected " + expected + ", got '" + n.asText() + "'");
            }
            return value;
        }

        private static String leaf(String key) {
            int dot = key.lastIndexOf('.');
            return dot < 0 ? key : key.substring(dot + 1);
        }

        private ManifestException error(String key, String message) {
            return new ManifestException("manifest " + id + ": " + key + ": " + message
                    + (origin.equals(id) ? "" : " (in " + origin + ")"));
        }
    }

    /** Sorted-key JSON of the manifest without {@code source}/{@code description} notes: comments must not re-embed. */
    static String canonical(JsonNode root) {
        try {
            return CANONICAL.writeValueAsString(CANONICAL.convertValue(strip(root), TreeMap.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode strip(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).deepCopy();
            copy.remove(List.of("source", "description", "licence", "languages")); // words and probe settings, not the pipeline
            List<String> names = new ArrayList<>();
            copy.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                copy.set(name, strip(copy.get(name)));
            }
            return copy;
        }
        if (node.isArray()) {
            var copy = node.deepCopy();
            for (int i = 0; i < copy.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) copy).set(i, strip(copy.get(i)));
            }
            return copy;
        }
        return node;
    }
}
