// End-to-end tests of the page's speed work (issue 16), as a person would see it: typing fast
// never loses a key and every view ends on the final text; the model thread (a Web Worker that
// loads after the first paint) failing to load gives a clear message and a retry while the rest
// of the page keeps working.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { launchChromium, openApp, runCommand, screenshot, serveDist, settled } from "./support.mjs";

let server;
let browser;
/** Paths the server answers with 503 while `failing` holds, as a failing host would. */
let failing = () => false;

before(async () => {
  server = await serveDist({ fail: (path) => failing(path) });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const FIXED = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx:1.27
`;

describe("typing", () => {
  test("50 keys at 10 ms intervals: every key is kept and every view ends on the final text", async () => {
    const { page, context, problems } = await openApp(browser, `${server.url}/`);
    const editor = page.getByTestId("editor");
    await editor.fill(FIXED);
    await page.getByTestId("pod-name").filter({ hasText: "pod/web" }).waitFor();
    await settled(page);
    // The caret after "web", then 50 keys that make the name longer.
    const typed = `-${"fastkey-".repeat(6)}a`;
    assert.equal(typed.length, 50);
    const end = FIXED.indexOf("web") + "web".length;
    await editor.evaluate((area, at) => area.setSelectionRange(at, at), end);
    await editor.pressSequentially(typed, { delay: 10 });
    const name = `web${typed}`;
    assert.equal(await editor.inputValue(), FIXED.replace("name: web", `name: ${name}`));
    await settled(page);
    assert.equal(await page.getByTestId("pod-name").textContent(), `pod/${name}`);
    assert.match(await page.getByTestId("no-problems").textContent(), /No errors/);
    assert.match(await page.getByTestId("pod-diagram").textContent(), new RegExp(name));
    assert.equal(await page.getByTestId("stale-lifecycle").count(), 0);
    assert.equal(await page.getByTestId("stale-drawing").count(), 0);
    await page.getByTestId("last").click();
    assert.equal(await page.getByTestId("status").textContent(), "Running");
    assert.match(await runCommand(page, "kubectl get pods"), new RegExp(`^${name}\\s+1/1\\s+Running`, "m"));
    await screenshot(page, "fast-typing");
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("the model thread", () => {
  for (const [what, part] of [
    ["its script (a host error)", /podplay-worker-[0-9a-f]+\.js$/],
    ["its code (a host error while it starts)", /podplay-worker-[0-9a-f]+_bg\.wasm$/],
  ]) {
    test(`failing to load ${what} is reported with a retry; the editor and the diagram keep working`, async () => {
      failing = (path) => part.test(path);
      const { page, context, problems } = await openApp(browser, `${server.url}/`);
      try {
        const error = page.getByTestId("model-error");
        await error.waitFor();
        assert.match(await error.textContent(), /The lifecycle could not be loaded: .+\. The editor and the diagram keep working\./);
        // The rest of the page works: an edit is read, checked and drawn.
        await page.getByTestId("editor").fill(FIXED);
        await page.getByTestId("pod-name").filter({ hasText: "pod/web" }).waitFor();
        assert.equal(await page.getByTestId("container-box").count(), 1);
        // Without the model thread, the list never says the API server would accept the Pod.
        assert.match(await page.getByTestId("unchecked").textContent(), /Not checked yet: the API server's checks run on the page's model thread/);
        assert.equal(await page.getByTestId("no-problems").count(), 0);
        assert.match(await runCommand(page, "kubectl get pods"), /kubectl cannot answer: the lifecycle's code is not running/);
        await screenshot(page, `model-error-${what.split(" ")[0]}`);
        // The host recovers; Retry brings the lifecycle, the console and the gallery.
        failing = () => false;
        await page.getByTestId("model-retry").click();
        await page.getByTestId("step").waitFor();
        assert.equal(await error.count(), 0);
        await page.getByTestId("no-problems").waitFor();
        await page.getByTestId("last").click();
        assert.equal(await page.getByTestId("status").textContent(), "Running");
        assert.match(await runCommand(page, "kubectl get pods"), /^web\s+1\/1\s+Running/m);
        await page.getByTestId("examples").selectOption("crash-loop");
        await page.getByTestId("pod-name").filter({ hasText: "pod/crash-loop" }).waitFor();
        // The failed loads are the only problems the browser reports.
        const unexpected = problems.filter((problem) => !/503|Failed to load|podplay-worker|failed to start/i.test(problem));
        assert.deepEqual(unexpected, []);
      } finally {
        failing = () => false;
        await context.close();
      }
    });
  }
});
