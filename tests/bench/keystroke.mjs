// A headless-browser benchmark: keystroke to every view updated, in the release page in Chromium,
// for each gallery example. For each example it types "abc" at the end of each of up to 10
// lines and takes it back with three Backspaces (60 keystrokes), as a person editing the
// manifest would: many of the edits make the manifest invalid for a moment.
// Each keystroke is timed from the input event until the page has re-read the manifest, re-run
// the simulation, redrawn the editor, the diagnostics, the diagrams and the timeline (Leptos
// runs its effects in microtasks; a MessageChannel message comes after all of them) and laid
// out the page. Run with `scripts/bench` (after `scripts/dist`). It prints the median and 95th
// percentile of each example and of all keystrokes, and writes them as JSON when given a path.
import { writeFileSync } from "node:fs";
import { launchChromium, openPage, serveDist } from "../e2e/support.mjs";

const LINES = 10;
const out = process.argv[2];

/** The q-quantile of sorted numbers. */
function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const server = await serveDist();
const browser = await launchChromium();
try {
  const { page, context } = await openPage(browser);
  await page.goto(`${server.url}/`);
  await page.getByTestId("pod-name").first().waitFor({ state: "attached" });
  const ids = await page
    .locator("[data-testid=examples] option")
    .evaluateAll((options) => options.map((option) => option.value).filter((value) => value));
  const results = [];
  for (const id of ids) {
    await page.getByTestId("examples").selectOption(id);
    await page.waitForTimeout(50);
    const timings = await page.evaluate(async (lines) => {
      const editor = document.querySelector('[data-testid="editor"]');
      const settled = () =>
        new Promise((resolve) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = resolve;
          channel.port2.postMessage(0);
        });
      const ends = [];
      for (let at = editor.value.indexOf("\n"); at >= 0 && ends.length < lines; at = editor.value.indexOf("\n", at + 1)) {
        ends.push(at);
      }
      const type = async (make) => {
        const start = performance.now();
        make();
        editor.dispatchEvent(new InputEvent("input", { bubbles: true }));
        await settled();
        void document.body.offsetHeight;
        return performance.now() - start;
      };
      const out = [];
      // From the last line up, so the earlier line ends stay where they were.
      for (const end of ends.reverse()) {
        for (let typed = 0; typed < 3; typed += 1) {
          const at = end + typed;
          out.push(await type(() => editor.setRangeText("abc"[typed], at, at, "end")));
        }
        for (let left = 3; left > 0; left -= 1) {
          const at = end + left - 1;
          out.push(await type(() => editor.setRangeText("", at, at + 1, "end")));
        }
      }
      return out;
    }, LINES);
    timings.sort((a, b) => a - b);
    results.push({ id, keystrokes: timings.length, median: quantile(timings, 0.5), p95: quantile(timings, 0.95), all: timings });
  }
  const all = results.flatMap((result) => result.all).sort((a, b) => a - b);
  for (const result of results) {
    console.log(`${result.id.padEnd(36)} median ${result.median.toFixed(2)} ms  p95 ${result.p95.toFixed(2)} ms  (${result.keystrokes} keystrokes)`);
  }
  const worst = results.reduce((a, b) => (b.median > a.median ? b : a));
  console.log(
    `keystroke to all views updated, release build in headless Chromium, ${all.length} keystrokes over ${results.length} gallery examples: ` +
      `median ${quantile(all, 0.5).toFixed(2)} ms, p95 ${quantile(all, 0.95).toFixed(2)} ms; ` +
      `slowest example ${worst.id} (median ${worst.median.toFixed(2)} ms)`,
  );
  if (out) {
    writeFileSync(
      out,
      JSON.stringify(
        {
          median: quantile(all, 0.5),
          p95: quantile(all, 0.95),
          examples: results.map(({ id, keystrokes, median, p95 }) => ({ id, keystrokes, median, p95 })),
        },
        null,
        2,
      ),
    );
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
