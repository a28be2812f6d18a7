// A headless-browser benchmark: how long the release page takes, in Chromium, to re-read a
// manifest and redraw after one edit (wasm parse + default + validate + lint, then the DOM update).
// Run with `scripts/bench` (after `scripts/dist`); it prints the median and 95th percentile.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { launchChromium, openPage, ROOT, serveDist } from "../e2e/support.mjs";

const ROUNDS = 200;

/** Every docs example, as the manifests a person might paste or edit. */
function corpus() {
  const dir = join(ROOT, "core/tests/corpus/k8s-docs-examples/pods");
  const files = [];
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop();
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) pending.push(path);
      else if (name.endsWith(".yaml")) files.push(path);
    }
  }
  return files.sort().map((path) => readFileSync(path, "utf8"));
}

const server = await serveDist();
const browser = await launchChromium();
try {
  const { page, context } = await openPage(browser);
  await page.goto(`${server.url}/`);
  await page.getByTestId("pod-name").waitFor();
  const timings = await page.evaluate(
    async ({ manifests, rounds }) => {
      const editor = document.querySelector('[data-testid="editor"]');
      const out = [];
      for (let round = 0; round < rounds; round += 1) {
        // One keystroke's worth of change: a different manifest each time, so nothing is cached.
        const text = `${manifests[round % manifests.length]}# edit ${round}\n`;
        const start = performance.now();
        editor.value = text;
        editor.dispatchEvent(new Event("input", { bubbles: true }));
        // Leptos updates the DOM before the next task; wait for it.
        await new Promise((resolve) => setTimeout(resolve, 0));
        out.push(performance.now() - start);
      }
      return out;
    },
    { manifests: corpus(), rounds: ROUNDS },
  );
  timings.sort((a, b) => a - b);
  const at = (q) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))];
  console.log(
    `keystroke to redraw, release build in headless Chromium, ${ROUNDS} edits over the docs corpus: ` +
      `median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, max ${at(1).toFixed(2)} ms`,
  );
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
