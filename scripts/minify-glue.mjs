// A step of the post_build hook (post-build.mjs), release builds only: minifies the page's
// JavaScript glue (wasm-bindgen's `podplay-web-<hash>.js`), which Trunk's own minifier cannot
// read (it warns "Failed to minify JS" and leaves it as it is). The first load is measured in
// bytes, and the glue is its second-largest file. Only local names are shortened: the wasm
// module's imports are properties, which keep their names.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("minify-glue: TRUNK_STAGING_DIR is not set (run it as a Trunk hook)");
  process.exit(1);
}

if (process.env.TRUNK_PROFILE === "release") {
  await minifyGlue(staging);
} else {
  console.log("minify-glue: a development build, nothing to do");
}

/** Minifies the one glue file in `dir`, in place. */
async function minifyGlue(dir) {
  const glue = readdirSync(dir).filter((name) => /^podplay-web-[0-9a-f]+\.js$/.test(name));
  if (glue.length !== 1) {
    console.error(`minify-glue: expected one podplay-web-<hash>.js, found ${glue.length}`);
    process.exit(1);
  }
  const path = join(dir, glue[0]);
  const source = readFileSync(path, "utf8");
  const result = await minify(source, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
  writeFileSync(path, result.code);
  console.log(`minify-glue: ${glue[0]}, ${source.length} → ${result.code.length} bytes`);
}
