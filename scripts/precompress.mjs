// A step of the post_build hook (post-build.mjs), after externalize-scripts.mjs: writes `NAME.br` (brotli, quality 11) and `NAME.gz` (gzip -9) beside
// every file of a release build, for static hosts that serve precompressed files (README,
// "Hosting"). A development build (`trunk serve`) skips it.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("precompress: TRUNK_STAGING_DIR is not set (run it as a Trunk hook)");
  process.exit(1);
}
if (process.env.TRUNK_PROFILE !== "release") {
  console.log("precompress: a development build, nothing to do");
  process.exit(0);
}

/** Every file under `dir`, without the compressed copies. */
function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(br|gz)$/.test(name) ? [] : [path];
  });
}

let count = 0;
for (const path of files(staging)) {
  const bytes = readFileSync(path);
  writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
  writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
  count += 1;
}
console.log(`precompress: wrote .br and .gz beside ${count} files`);
