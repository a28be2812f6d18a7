// A step of the post_build hook (post-build.mjs), release builds only: drops what Leptos's
// server functions bring into a client-side page and nothing calls, the stream classes of the
// `wasm-streams` crate (`IntoUnderlyingSource`, `…Sink`, `…ByteSource`). wasm-bindgen exports
// them, and an export keeps its code alive; so `wasm-opt --remove-exports` takes the exports
// out of the page's wasm (and its optimizer the code they kept), and the JavaScript classes that
// call them go from the glue. Run before `minify-glue.mjs`.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "acorn";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("drop-stream-exports: TRUNK_STAGING_DIR is not set (run it as a Trunk hook)");
  process.exit(1);
}
const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));

if (process.env.TRUNK_PROFILE === "release") {
  dropFromWasm(staging);
  dropFromGlue(staging);
} else {
  console.log("drop-stream-exports: a development build, nothing to do");
}

/** The one file of `dir` whose name matches `pattern`. */
function only(dir, pattern) {
  const found = readdirSync(dir).filter((name) => pattern.test(name));
  if (found.length !== 1) {
    console.error(`drop-stream-exports: expected one file like ${pattern}, found ${found.length}`);
    process.exit(1);
  }
  return join(dir, found[0]);
}

/** Takes the stream classes' exports out of the page's wasm, and their code with them. */
function dropFromWasm(dir) {
  const wasm = only(dir, /^podplay-web-[0-9a-f]+_bg\.wasm$/);
  const before = readFileSync(wasm).length;
  execFileSync(join(ROOT, "node_modules", ".bin", "wasm-opt"), [
    wasm,
    "--remove-exports",
    "--pass-arg=remove-exports@*intounderlying*",
    "-Oz",
    "-o",
    wasm,
  ]);
  console.log(`drop-stream-exports: ${wasm.split("/").pop()}, ${before} → ${readFileSync(wasm).length} bytes`);
}

/** Takes the stream classes, and the registries that free them, out of the JavaScript glue. */
function dropFromGlue(dir) {
  const glue = only(dir, /^podplay-web-[0-9a-f]+\.js$/);
  const source = readFileSync(glue, "utf8");
  const program = parse(source, { ecmaVersion: "latest", sourceType: "module" });
  // Every top-level statement about them, of the kinds wasm-bindgen writes: the classes, their
  // finalization registries, and the `Symbol.dispose` aliases set on them. Anything else that
  // names them (a shim inside the imports, say) would break the page if dropped: the build stops.
  const STREAM = /^IntoUnderlying\w*$/;
  const mentions = (node) => /IntoUnderlying/.test(source.slice(node.start, node.end));
  const ours = (node) => {
    const declaration = node.type === "ExportNamedDeclaration" ? node.declaration : node;
    if (declaration?.type === "ClassDeclaration") return STREAM.test(declaration.id.name);
    if (declaration?.type === "VariableDeclaration") {
      return declaration.declarations.every((d) => d.id.type === "Identifier" && /^IntoUnderlying\w*Finalization$/.test(d.id.name));
    }
    const text = source.slice(node.start, node.end);
    return /^(if \(Symbol\.dispose\) )?IntoUnderlying\w*\.prototype\[Symbol\.dispose\] = IntoUnderlying\w*\.prototype\.free;?$/.test(text);
  };
  const strangers = program.body.filter((node) => mentions(node) && !ours(node));
  if (strangers.length > 0) {
    console.error(`drop-stream-exports: the glue names the stream classes where this script does not expect it:\n${strangers.map((node) => source.slice(node.start, node.start + 120)).join("\n")}`);
    process.exit(1);
  }
  const ranges = program.body
    .filter((node) => mentions(node))
    .map((node) => [node.start, node.end]);
  let trimmed = source;
  for (const [start, end] of ranges.reverse()) {
    trimmed = trimmed.slice(0, start) + trimmed.slice(end);
  }
  writeFileSync(glue, trimmed);
  console.log(`drop-stream-exports: ${glue.split("/").pop()}, ${ranges.length} statements dropped`);
}
