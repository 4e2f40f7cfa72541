// Reference outputs from nsfwjs itself on the pure-JavaScript TF.js CPU backend (no native build):
//   node reference.cjs <dir of NAME.rgb files> <out.json> [features]
// Each NAME.rgb is uint8 RGB; its size is 224x224 unless <dir>/sizes.json says {"NAME.rgb": [width, height]}.
// nsfwjs.infer does its own preprocessing: toFloat().div(255), then resizeBilinear(alignCorners=true) to 224 when
// the size differs. "features" also records the 1280 global-pool features (endpoint flatten_1) of every third
// image, to 7 significant digits (enough for a 1e-4 comparison; keeps the fixture small). NSFWJS_MODEL picks the
// model (MobileNetV2 by default, or InceptionV3: 299x299, features from its flatten_1 as well; or MobileNetV2Mid, a TF
// graph model, whose infer() takes no endpoint: its 1792 features are the squeezed global pool (node
// GRAPH_FEATURES), read with the GraphModel's execute() on the same preprocessed input as infer()'s).
const fs = require("fs");
const path = require("path");
const tf = require("@tensorflow/tfjs");
const nsfwjs = require("nsfwjs");

const GRAPH_FEATURES = "StatefulPartitionedCall/sequential/keras_layer/StatefulPartitionedCall/StatefulPartitionedCall/"
  + "StatefulPartitionedCall/predict/feature_vector/SpatialSqueeze";

// infer()'s own preprocessing (dist/cjs/core.js), then the graph model executed up to its global-pool node
function graphFeatures(model, img) {
  return tf.tidy(() => {
    const size = model.options.size;
    let x = img.toFloat().div(model.normalizationOffset);
    if (img.shape[0] !== size || img.shape[1] !== size) {
      x = tf.image.resizeBilinear(x, [size, size], true);
    }
    return model.model.execute(x.reshape([1, size, size, 3]), GRAPH_FEATURES);
  });
}

async function main() {
  const [dir, out, withFeatures] = process.argv.slice(2);
  await tf.setBackend("cpu");
  const modelName = process.env.NSFWJS_MODEL || "MobileNetV2";
  const model = await nsfwjs.load(modelName);
  // the package's exports hide package.json: read it next to dist/
  const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve("nsfwjs")), "..", "..", "package.json")));
  const sizesFile = path.join(dir, "sizes.json");
  const sizes = fs.existsSync(sizesFile) ? JSON.parse(fs.readFileSync(sizesFile)) : {};
  const result = { nsfwjs: pkg.version, model: modelName, tfjs: tf.version.tfjs, backend: tf.getBackend(),
    classes: ["Drawing", "Hentai", "Neutral", "Porn", "Sexy"], images: {} };
  if (withFeatures) {
    result.features = {};
  }
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".rgb")).sort();
  for (const [index, file] of files.entries()) {
    const bytes = fs.readFileSync(path.join(dir, file));
    const [width, height] = sizes[file] || [224, 224];
    const img = tf.tensor3d(Int32Array.from(bytes), [height, width, 3], "int32");
    const name = sizes[file] ? file.replace(/\.rgb$/, "") : file.replace(/\.rgb$/, ".png");
    const probs = model.infer(img);
    result.images[name] = Array.from(await probs.data());
    probs.dispose();
    if (withFeatures && index % 3 === 0) {
      const features = modelName === "MobileNetV2Mid" ? graphFeatures(model, img) : model.infer(img, "flatten_1");
      result.features[name] = Array.from(await features.data(), (v) => Number(v.toPrecision(7)));
      features.dispose();
    }
    img.dispose();
  }
  // one line per image
  const json = JSON.stringify(result, null, 1).replace(/\[\s+([-0-9.e,\s]+?)\s+\]/g, (m, body) => "[" + body.replace(/\s+/g, "") + "]");
  fs.writeFileSync(out, json + "\n");
  console.log(`${Object.keys(result.images).length} images -> ${out} (tfjs ${result.tfjs}, backend ${result.backend})`);
}

main().catch((e) => { console.error(e); process.exit(1); });
