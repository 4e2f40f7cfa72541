// Reference outputs from nsfwjs itself on the pure-JavaScript TF.js CPU backend (no native build):
//   node reference.cjs <dir of NAME.rgb files, 224x224x3 uint8 RGB> <out.json>
// The images are already 224x224, so nsfwjs skips its resize and the inputs are exactly pixel/255.
const fs = require("fs");
const path = require("path");
const tf = require("@tensorflow/tfjs");
const nsfwjs = require("nsfwjs");

async function main() {
  const [dir, out] = process.argv.slice(2);
  await tf.setBackend("cpu");
  const model = await nsfwjs.load("MobileNetV2");
  // the package's exports hide package.json: read it next to dist/
  const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve("nsfwjs")), "..", "..", "package.json")));
  const result = { nsfwjs: pkg.version, tfjs: tf.version.tfjs, backend: tf.getBackend(),
    classes: ["Drawing", "Hentai", "Neutral", "Porn", "Sexy"], images: {} };
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".rgb")).sort()) {
    const bytes = fs.readFileSync(path.join(dir, file));
    const img = tf.tensor3d(Int32Array.from(bytes), [224, 224, 3], "int32");
    const probs = model.infer(img);
    result.images[file.replace(/\.rgb$/, ".png")] = Array.from(await probs.data());
    img.dispose();
    probs.dispose();
  }
  fs.writeFileSync(out, JSON.stringify(result, null, 1) + "\n");
  console.log(`${Object.keys(result.images).length} images -> ${out} (tfjs ${result.tfjs}, backend ${result.backend})`);
}

main().catch((e) => { console.error(e); process.exit(1); });
