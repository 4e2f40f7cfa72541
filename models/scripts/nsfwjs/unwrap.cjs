// Unwraps one of nsfwjs's JS-wrapped TF.js models into plain files:
//   node unwrap.cjs <unpacked nsfwjs package dir> <model: mobilenet_v2 | mobilenet_v2_mid | inception_v3> <out dir>
// writes <out>/model.json (Keras topology + weights manifest, paths rewritten to weights.bin) and <out>/weights.bin
// (the shards' base64 strings decoded and concatenated in manifest order).
const fs = require("fs");
const path = require("path");

const [pkg, name, out] = process.argv.slice(2);
if (!pkg || !name || !out) {
  console.error("usage: node unwrap.cjs <nsfwjs package dir> <model> <out dir>");
  process.exit(2);
}
const dir = path.join(pkg, "dist", "models", name);
const model = require(path.resolve(dir, "model.min.js"));
const parts = [];
for (const group of model.weightsManifest) {
  for (const shard of group.paths) {
    const encoded = require(path.resolve(dir, shard + ".min.js"));
    parts.push(Buffer.from(encoded, "base64"));
  }
  group.paths = ["weights.bin"];
}
if (model.weightsManifest.length !== 1) {
  throw new Error("expected one weight group, got " + model.weightsManifest.length);
}
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, "weights.bin"), Buffer.concat(parts));
fs.writeFileSync(path.join(out, "model.json"), JSON.stringify({ format: "layers-model", ...model }));
console.log(`${name}: ${parts.length} shard(s), ${Buffer.concat(parts).length} bytes of weights -> ${out}`);
