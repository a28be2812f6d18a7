// A step of the post_build hook (post-build.mjs): gives the model thread's files (Trunk builds
// a worker under fixed names, `podplay-worker.js` and `podplay-worker_bg.wasm`) names with a
// hash of their content, so that hosts may cache them for good as they do the page's own files;
// writes the worker's loader, which reports a failure to start to the page; and names the loader
// in the page's `podplay-model` meta tag (web/src/model.rs reads it). Every URL is relative, so
// the page works from any sub-path.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("name-worker: TRUNK_STAGING_DIR is not set (run it as a Trunk hook)");
  process.exit(1);
}
const NAME = "podplay-worker";
const hashOf = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);

const js = join(staging, `${NAME}.js`);
const wasm = join(staging, `${NAME}_bg.wasm`);
if (!existsSync(js) || !existsSync(wasm)) {
  console.error(`name-worker: ${NAME}.js or ${NAME}_bg.wasm is missing; has Trunk's worker output changed?`);
  process.exit(1);
}
const wasmName = `${NAME}-${hashOf(readFileSync(wasm))}_bg.wasm`;
renameSync(wasm, join(staging, wasmName));
const jsName = `${NAME}-${hashOf(readFileSync(js))}.js`;
renameSync(js, join(staging, jsName));
const loader = [
  `importScripts("./${jsName}");`,
  `wasm_bindgen({ module_or_path: "./${wasmName}" }).catch((error) => postMessage("failed to start: " + error));`,
  "",
].join("\n");
const loaderName = `${NAME}-${hashOf(loader)}_loader.js`;
writeFileSync(join(staging, loaderName), loader);

const page = join(staging, "index.html");
const html = readFileSync(page, "utf8");
if (!html.includes("</head>")) {
  console.error("name-worker: index.html has no </head>");
  process.exit(1);
}
writeFileSync(page, html.replace("</head>", `<meta name="podplay-model" content="./${loaderName}"></head>`));
console.log(`name-worker: the model thread loads from ${loaderName}`);
