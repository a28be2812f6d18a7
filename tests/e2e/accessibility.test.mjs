// An axe-core audit (npm's axe-core, WCAG 2.0–2.2 A and AA rules) of the page as people use it:
// the light and dark themes, a phone, a course embed, the Embed dialog open, a lesson's step.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { after, before, describe, test } from "node:test";
import { launchChromium, openApp, screenshot, serveDist, settled } from "./support.mjs";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let server;
let browser;

before(async () => {
  server = await serveDist();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Runs axe on `scope` (a page or a frame) and returns its violations, one line each. */
async function audit(scope) {
  await scope.evaluate(AXE);
  const result = await scope.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    }),
  );
  return result.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
        .slice(0, 4)
        .map((node) => `${node.target.join(" ")}${node.any[0]?.message ? `: ${node.any[0].message}` : ""}`)
        .join("; ")}`,
  );
}

/** Opens the page for an audit: axe is injected, so the page's own script policy steps aside. */
const open = (path, options = {}) => openApp(browser, `${server.url}${path}`, { bypassCSP: true, ...options });

describe("an axe-core audit finds no violation", () => {
  for (const [label, options] of [
    ["in the light theme", { colorScheme: "light" }],
    ["in the dark theme", { colorScheme: "dark" }],
    ["on a phone", { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }],
    ["on a phone in the dark", { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, colorScheme: "dark" }],
  ]) {
    test(label, async () => {
      const { page, context, problems } = await open("/", options);
      assert.deepEqual(await audit(page), []);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test("in an embed", async () => {
    const { page, context, problems } = await open("/?embed=1&panels=pod,lifecycle&readonly=1", { viewport: { width: 900, height: 700 } });
    assert.deepEqual(await audit(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("with the Embed dialog open", async () => {
    const { page, context, problems } = await open("/");
    await page.getByTestId("embed").click();
    await page.getByTestId("embed-snippet").waitFor();
    assert.deepEqual(await audit(page), []);
    await screenshot(page, "audit-dialog");
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const scheme of ["light", "dark"]) {
    test(`at a step of a lesson, ${scheme}`, async () => {
      const { page, context, problems } = await open("/", { colorScheme: scheme });
      await page.getByTestId("examples").selectOption("crash-loop");
      await settled(page);
      for (let i = 0; i < 5; i += 1) await page.getByTestId("next").click();
      await page.getByTestId("console-input").fill("kubectl get pods");
      await page.getByTestId("console-input").press("Enter");
      await page.locator(".console-reply").waitFor();
      assert.deepEqual(await audit(page), []);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
