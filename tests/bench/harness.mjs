// The page's benchmark harness: the release build in dist/, served on 127.0.0.1, in headless
// Chromium. It reports medians over RUNS runs of:
// - the bytes of a first load, raw and compressed (gzip -9 and brotli, as a static host would
//   serve them), against the 250 KB budget;
// - navigation to interactive: the editor takes input and the Pod diagram is drawn;
// - a keystroke to every view updated, on a few gallery examples and on a generated Pod of 100
//   containers and 50 volumes (tests/bench/keystroke.mjs covers every example);
// - a jump to a step of the timeline, to the diagrams redrawn;
// - memory: the JS heap and the wasm memory after stepping through the ten simulated minutes of
//   the largest example.
// Usage: node tests/bench/harness.mjs [OUT.json] [--smoke]. `--smoke` runs each measure once or
// twice, as scripts/test does; without it, RUNS times. Timing budgets are reported, not asserted.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { DIST, launchChromium, openPage, serveDist } from "../e2e/support.mjs";

const smoke = process.argv.includes("--smoke");
const out = process.argv.slice(2).find((arg) => !arg.startsWith("--"));
const RUNS = smoke ? 2 : 10;
/** The budgets, from the budgets issue. */
export const BUDGETS = { compressedKB: 250, interactiveMs: 150, keystrokeMs: 2, bigKeystrokeMs: 16, stepMs: 16 };
/**
 * The size the page may not grow past (gzip): the size when the harness came, plus a little.
 * The 250 KB budget is not met yet (NOTES.md); this ceiling keeps the page from growing
 * meanwhile, and comes down as the page shrinks.
 */
export const SIZE_CEILING_KB = 670;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Raw, gzip and brotli bytes of every file a first load fetches (all of dist/). */
function bytesOfDist() {
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const name of readdirSync(DIST)) {
    const bytes = readFileSync(join(DIST, name));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
    brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { raw, gzip, brotli };
}

/** A Pod of `containers` containers and `volumes` emptyDir volumes, each container mounting two. */
function bigPod(containers, volumes) {
  const lines = ["apiVersion: v1", "kind: Pod", "metadata:", "  name: big", "spec:", "  containers:"];
  for (let c = 0; c < containers; c += 1) {
    lines.push(`  - name: c${c}`, "    image: busybox:1.36", '    command: ["sh", "-c", "sleep 3600"]', "    volumeMounts:");
    for (const v of [c % volumes, (c + 1) % volumes]) lines.push(`    - name: v${v}`, `      mountPath: /v${v}`);
  }
  lines.push("  volumes:");
  for (let v = 0; v < volumes; v += 1) lines.push(`  - name: v${v}`, "    emptyDir: {}");
  return `${lines.join("\n")}\n`;
}

/** In the page: `window.__settled()` resolves after Leptos' effects and a layout. */
function installSettled() {
  window.__settled = () =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        void document.body.offsetHeight;
        resolve();
      };
      channel.port2.postMessage(0);
    });
}

async function interactiveMs(browser, url) {
  const { page, context } = await openPage(browser);
  await context.addInitScript(() => {
    const check = () => {
      if (!window.__interactive && document.querySelector('[data-testid="editor"]') && document.querySelector('[data-testid="pod-diagram"] g')) {
        window.__interactive = performance.now();
      }
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__interactive);
  const ms = await page.evaluate(() => window.__interactive);
  await context.close();
  return ms;
}

/** Median keystroke time typing into `text` (loaded into the editor first). */
async function keystrokeMs(page, text, keystrokes) {
  return page.evaluate(
    async ({ text, keystrokes }) => {
      const settled = window.__settled;
      const editor = document.querySelector('[data-testid="editor"]');
      editor.value = text;
      editor.dispatchEvent(new InputEvent("input", { bubbles: true }));
      await settled();
      const at = text.indexOf("\n", text.indexOf("image:"));
      const times = [];
      for (let i = 0; i < keystrokes; i += 1) {
        const typing = i % 2 === 0;
        const start = performance.now();
        editor.setRangeText(typing ? "a" : "", at, typing ? at : at + 1, "end");
        editor.dispatchEvent(new InputEvent("input", { bubbles: true }));
        await settled();
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      return times[Math.floor(times.length / 2)];
    },
    { text, keystrokes },
  );
}

/** Median time from a jump to a random step to the diagrams redrawn, and the memory after. */
async function stepping(page) {
  return page.evaluate(
    async () => {
      const settled = window.__settled;
      const scrubber = document.querySelector('[data-testid="scrubber"]');
      const last = Number(scrubber.max);
      const times = [];
      let seed = 7;
      for (let i = 0; i < 40; i += 1) {
        seed = (seed * 48271) % 2147483647;
        const start = performance.now();
        scrubber.value = String(seed % (last + 1));
        scrubber.dispatchEvent(new Event("input", { bubbles: true }));
        await settled();
        times.push(performance.now() - start);
      }
      // Every step of the ten simulated minutes, once.
      for (let step = 0; step <= last; step += 1) {
        scrubber.value = String(step);
        scrubber.dispatchEvent(new Event("input", { bubbles: true }));
        await settled();
      }
      times.sort((a, b) => a - b);
      return {
        stepMs: times[Math.floor(times.length / 2)],
        steps: last + 1,
        jsHeapBytes: performance.memory ? performance.memory.usedJSHeapSize : null,
        wasmBytes: window.__wasm ? window.__wasm.memory.buffer.byteLength : null,
      };
    },
  );
}

const server = await serveDist();
const browser = await launchChromium(["--enable-precise-memory-info"]);
try {
  const url = `${server.url}/`;
  const sizes = bytesOfDist();
  const interactive = [];
  for (let run = 0; run < RUNS; run += 1) interactive.push(await interactiveMs(browser, url));

  const { page, context } = await openPage(browser);
  await context.addInitScript(() => addEventListener("TrunkApplicationStarted", (event) => (window.__wasm = event.detail.wasm)));
  await context.addInitScript(installSettled);
  await page.goto(url);
  await page.getByTestId("pod-name").first().waitFor({ state: "attached" });
  const examples = smoke ? ["sidecar-logging"] : ["sidecar-logging", "crash-loop", "init-waits-for-db", "docs-init-containers"];
  const perExample = {};
  for (const id of examples) {
    await page.getByTestId("examples").selectOption(id);
    const text = await page.getByTestId("editor").inputValue();
    perExample[id] = await keystrokeMs(page, text, smoke ? 6 : 40);
  }
  const big = await keystrokeMs(page, bigPod(100, 50), smoke ? 4 : 20);
  // The largest lesson: the crash loop, ten simulated minutes of restarts.
  await page.getByTestId("examples").selectOption("crash-loop");
  const steps = await stepping(page);
  await context.close();

  const result = {
    date: new Date().toISOString().slice(0, 10),
    runs: RUNS,
    bytes: sizes,
    interactiveMs: median(interactive),
    keystrokeMs: { median: median(Object.values(perExample)), perExample },
    bigKeystrokeMs: big,
    stepMs: steps.stepMs,
    memory: { afterSteps: steps.steps, jsHeapBytes: steps.jsHeapBytes, wasmBytes: steps.wasmBytes },
    budgets: BUDGETS,
  };
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const rows = [
    ["first load, gzip (raw; brotli)", `${kb(sizes.gzip)} (${kb(sizes.raw)}; ${kb(sizes.brotli)})`, `${BUDGETS.compressedKB} KB`],
    ["navigation to interactive", `${result.interactiveMs.toFixed(0)} ms`, `${BUDGETS.interactiveMs} ms`],
    [`keystroke to all views updated (${examples.length} gallery examples)`, `${result.keystrokeMs.median.toFixed(1)} ms`, `${BUDGETS.keystrokeMs} ms`],
    ["keystroke, 100 containers and 50 volumes", `${big.toFixed(1)} ms`, `${BUDGETS.bigKeystrokeMs} ms`],
    ["jump to a step, diagrams redrawn", `${steps.stepMs.toFixed(1)} ms`, `${BUDGETS.stepMs} ms`],
    [`memory after ${steps.steps} steps (10 simulated minutes): JS heap; wasm`, `${kb(steps.jsHeapBytes ?? 0)}; ${kb(steps.wasmBytes ?? 0)}`, "reported"],
  ];
  console.log(`| measure (median of ${RUNS}) | measured | budget |\n|---|---|---|`);
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
  if (out) {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  }
  if (sizes.gzip / 1024 > SIZE_CEILING_KB) {
    console.error(`The page is ${kb(sizes.gzip)} gzip, over its ceiling of ${SIZE_CEILING_KB} KB (budget ${BUDGETS.compressedKB} KB).`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  await server.close();
}
