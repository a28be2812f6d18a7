// A step of the post_build hook (post-build.mjs): moves every inline <script> of the staged index.html into a file of
// its own beside it, so that the page runs under a Content-Security-Policy that allows scripts
// from 'self' only (see index.html). Trunk writes its loader (and, under `trunk serve`, its
// reload script) inline; each becomes `script-<hash>.js` with the same type.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("externalize-scripts: TRUNK_STAGING_DIR is not set (run it as a Trunk hook)");
  process.exit(1);
}
const page = join(staging, "index.html");
const html = readFileSync(page, "utf8");
let moved = 0;
const rewritten = html.replace(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g, (whole, attributes = "", body) => {
  if (/\ssrc\s*=/.test(attributes)) return whole;
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 16);
  const file = `script-${hash}.js`;
  writeFileSync(join(staging, file), body);
  moved += 1;
  return `<script${attributes} src="./${file}"></script>`;
});
if (moved === 0) {
  console.error("externalize-scripts: no inline script found; has Trunk's loader changed?");
  process.exit(1);
}
writeFileSync(page, rewritten);
console.log(`externalize-scripts: moved ${moved} inline script(s) out of index.html`);
