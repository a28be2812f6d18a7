// A headless-browser benchmark of typing, in the release page in Chromium, for each gallery
// example. For each example it types "abc" at the end of each of up to 10 lines and takes it
// back with three Backspaces (60 keystrokes), as a person editing the manifest would: many of
// the edits make the manifest invalid for a moment. Each keystroke is timed twice (probe.mjs):
// until the editor can be repainted, and until every view has followed. Long tasks (over 50 ms)
// while typing are counted. Run with `scripts/bench` (after `scripts/dist`). It prints each
// example's figures and those of all keystrokes, and writes them as JSON when given a path.
import { writeFileSync } from "node:fs";
import { launchChromium, openPage, serveDist } from "../e2e/support.mjs";
import { installProbe, quantile } from "./probe.mjs";

const LINES = 10;
const out = process.argv[2];

const server = await serveDist({ precompressed: false });
const browser = await launchChromium();
try {
  const { page, context } = await openPage(browser);
  await context.addInitScript(installProbe);
  await page.goto(`${server.url}/`);
  await page.getByTestId("pod-name").first().waitFor({ state: "attached" });
  await page.locator("[data-testid=examples] optgroup").first().waitFor({ state: "attached" });
  const ids = await page
    .locator("[data-testid=examples] option")
    .evaluateAll((options) => options.map((option) => option.value).filter((value) => value));
  const results = [];
  for (const id of ids) {
    await page.getByTestId("examples").selectOption(id);
    await page.evaluate(() => window.__probe.settled());
    const { times, longTasks } = await page.evaluate(async (lines) => {
      const probe = window.__probe;
      const editor = document.querySelector('[data-testid="editor"]');
      const ends = [];
      for (let at = editor.value.indexOf("\n"); at >= 0 && ends.length < lines; at = editor.value.indexOf("\n", at + 1)) {
        ends.push(at);
      }
      const from = performance.now();
      const times = [];
      // From the last line up, so the earlier line ends stay where they were.
      for (const end of ends.reverse()) {
        for (let typed = 0; typed < 3; typed += 1) {
          const at = end + typed;
          times.push(await probe.keystroke((editor) => editor.setRangeText("abc"[typed], at, at, "end")));
        }
        for (let left = 3; left > 0; left -= 1) {
          const at = end + left - 1;
          times.push(await probe.keystroke((editor) => editor.setRangeText("", at, at + 1, "end")));
        }
      }
      const longTasks = probe.longTasks.filter((task) => task.start >= from).map((task) => task.duration);
      return { times, longTasks };
    }, LINES);
    const repaints = times.map((time) => time.repaint);
    const views = times.map((time) => time.views);
    results.push({
      id,
      keystrokes: times.length,
      repaintMedian: quantile(repaints, 0.5),
      repaintP95: quantile(repaints, 0.95),
      viewsMedian: quantile(views, 0.5),
      viewsP95: quantile(views, 0.95),
      longTasks,
      repaints,
      views,
    });
  }
  const repaints = results.flatMap((result) => result.repaints);
  const views = results.flatMap((result) => result.views);
  const longTasks = results.flatMap((result) => result.longTasks);
  for (const result of results) {
    console.log(
      `${result.id.padEnd(36)} repaint ${result.repaintMedian.toFixed(2)} ms (p95 ${result.repaintP95.toFixed(2)}), ` +
        `views ${result.viewsMedian.toFixed(1)} ms (p95 ${result.viewsP95.toFixed(1)}), long tasks ${result.longTasks.length}`,
    );
  }
  const summary = {
    keystrokes: repaints.length,
    examples: results.length,
    repaintMedian: quantile(repaints, 0.5),
    repaintP95: quantile(repaints, 0.95),
    viewsMedian: quantile(views, 0.5),
    viewsP95: quantile(views, 0.95),
    longTasks: longTasks.length,
    longestTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
  };
  console.log(
    `${summary.keystrokes} keystrokes over ${summary.examples} gallery examples: editor repainted ${summary.repaintMedian.toFixed(2)} ms ` +
      `(p95 ${summary.repaintP95.toFixed(2)}), every view updated ${summary.viewsMedian.toFixed(1)} ms (p95 ${summary.viewsP95.toFixed(1)}), ` +
      `long tasks over 50 ms: ${summary.longTasks}`,
  );
  if (out) {
    writeFileSync(
      out,
      JSON.stringify({ ...summary, perExample: results.map(({ repaints, views, ...rest }) => rest) }, null, 2),
    );
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
