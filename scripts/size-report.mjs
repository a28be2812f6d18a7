// Prints the transfer size of every file in a built dist/ directory: raw, gzip and brotli.
// Usage: node scripts/size-report.mjs dist
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dir = process.argv[2] ?? "dist";

function files(path) {
  return statSync(path).isDirectory()
    ? readdirSync(path).sort().flatMap((name) => files(join(path, name)))
    : [path];
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const rows = files(dir).map((path) => {
  const data = readFileSync(path);
  return {
    file: relative(dir, path),
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  };
});
const total = rows.reduce(
  (sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip, brotli: sum.brotli + row.brotli }),
  { raw: 0, gzip: 0, brotli: 0 },
);
const width = Math.max(5, ...rows.map((row) => row.file.length));
console.log(`${"file".padEnd(width)}  ${"raw".padStart(10)}  ${"gzip".padStart(10)}  ${"brotli".padStart(10)}`);
for (const row of [...rows, { file: "total", ...total }]) {
  console.log(
    `${row.file.padEnd(width)}  ${kb(row.raw).padStart(10)}  ${kb(row.gzip).padStart(10)}  ${kb(row.brotli).padStart(10)}`,
  );
}
