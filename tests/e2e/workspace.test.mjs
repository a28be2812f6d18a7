// End-to-end tests of the playground's workspace: the editor's marks and docs, lessons with
// scenarios, the console against the CLI, panels, embed mode, export, themes, phones, and
// hostile text. Each asserts what a person sees, and saves screenshots under target/e2e/.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { DIST, launchChromium, openApp, openPage, ROOT, runCommand, screenshot, serveDist, settled } from "./support.mjs";

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

/** Opens the page (with an optional query and fragment) and waits for the first Pod. */
const open = (suffix = "/", options = {}) => openApp(browser, `${server.url}${suffix}`, options);

/** Loads a gallery example by its id and waits for its Pod. */
async function loadExample(page, id, podName = id) {
  await page.getByTestId("examples").selectOption(id);
  await page.getByTestId("pod-name").filter({ hasText: `pod/${podName}` }).waitFor();
  await settled(page);
}

/** The STATUS at each step, repeats folded, pressing Next until the last step or `limit` steps. */
async function statuses(page, limit) {
  if (await page.getByTestId("first").isEnabled()) await page.getByTestId("first").click();
  const seen = [await page.getByTestId("status").textContent()];
  for (let i = 1; i < limit && (await page.getByTestId("next").isEnabled()); i += 1) {
    await page.getByTestId("next").click();
    const status = await page.getByTestId("status").textContent();
    if (status !== seen.at(-1)) seen.push(status);
  }
  return seen;
}

/** A Pod with an unknown field on line 8 and a name with upper case on line 4. */
const FAULTY = `apiVersion: v1
kind: Pod
metadata:
  name: Web
spec:
  containers:
  - name: app
    imagee: nginx:1.27
`;

describe("the editor's marks and docs", () => {
  test("diagnostics are marked in the gutter, underlined, listed, and a click jumps to them", async () => {
    const { page, context, problems } = await open();
    await page.getByTestId("editor").fill(FAULTY);
    await page.getByTestId("verdict").waitFor();
    // Gutter marks at the lines of the errors, and wavy underlines under their text.
    const marked = await page.locator(".gutter .mark-error").evaluateAll((lines) =>
      lines.map((line) => line.dataset.line),
    );
    assert.deepEqual(marked.sort(), ["4", "7", "8"].filter((l) => marked.includes(l)).sort());
    assert.ok(marked.includes("4") && marked.includes("8"), `marked lines: ${marked}`);
    assert.ok((await page.locator(".squiggle.error").count()) >= 2);
    // Syntax highlighting: keys and strings are told apart.
    assert.equal(await page.locator(".code.highlight .tok-key").first().textContent(), "apiVersion");
    // A click on the entry selects its place in the editor.
    const entry = page.getByTestId("diagnostic").filter({ hasText: /imagee/ });
    await entry.getByTestId("jump").click();
    const selected = await page.getByTestId("editor").evaluate((area) =>
      area.value.slice(area.selectionStart, area.selectionEnd),
    );
    assert.equal(selected, "imagee");
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "editor");
    await screenshot(page, "editor-diagnostics");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("the caret or the pointer on a field name shows its documentation", async () => {
    const { page, context, problems } = await open();
    await page.getByTestId("editor").fill(FAULTY.replace("imagee", "image").replace("Web", "web"));
    await page.getByTestId("no-problems").waitFor();
    // Jump the caret onto `image` (line 8, column 5) by keyboard.
    const editor = page.getByTestId("editor");
    await editor.focus();
    await editor.evaluate((area) => {
      const at = area.value.indexOf("image:") + 2;
      area.setSelectionRange(at, at);
    });
    await page.keyboard.press("ArrowRight");
    // The documentation comes from the model thread a moment later.
    await page.getByTestId("field-doc").filter({ hasText: /^spec\.containers\[0\]\.image The container image/ }).waitFor();
    // Hover over `kind` on line 2.
    const box = await editor.boundingBox();
    await page.mouse.move(box.x + 8 + 10, box.y + 8 + 20 + 10);
    const tooltip = page.getByTestId("field-tooltip");
    await tooltip.waitFor();
    assert.match(await tooltip.textContent(), /^kind The REST resource/);
    await screenshot(page, "editor-hover");
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("lessons with scenarios", () => {
  test("CrashLoopBackOff: the STATUS sequence of the crash-loop lesson", async () => {
    const { page, context, problems } = await open();
    await loadExample(page, "crash-loop");
    assert.match(await page.getByTestId("lesson").textContent(), /CrashLoopBackOff: .*10 s, 20 s, 40 s/);
    assert.deepEqual(await statuses(page, 8), [
      "Pending",
      "ContainerCreating",
      "Running",
      "Error",
      "Running",
      "Error",
      "CrashLoopBackOff",
      "Running",
    ]);
    assert.match(await page.getByTestId("narration").textContent(), /^The image of 'app' is on the node; .* container 'app' starts\.$/);
    await screenshot(page, "lesson-crash-loop");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("an init container waits for its database until the scenario creates the Service", async () => {
    const { page, context, problems } = await open();
    await loadExample(page, "init-waits-for-db");
    assert.deepEqual(await statuses(page, 10), ["Pending", "Init:0/1", "PodInitializing", "Running"]);
    assert.equal(await page.getByTestId("clock").textContent(), "t = 41s");
    // The lesson's action is listed and marked on the scrubber.
    assert.match(await page.getByTestId("action").textContent(), /mydb/);
    assert.equal(await page.getByTestId("action-tick").count(), 1);
    assert.equal(await page.getByTestId("tick").count(), 5);
    await screenshot(page, "lesson-init-db");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("Running is not Ready", async () => {
    const { page, context, problems } = await open();
    await loadExample(page, "running-not-ready");
    await page.getByTestId("last").click();
    assert.equal(await page.getByTestId("status").textContent(), "Running");
    assert.equal(await page.getByTestId("ready").textContent(), "0/1");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a static Pod: kubectl delete only replaces its mirror, removing its file stops it", async () => {
    const { page, context, problems } = await open();
    await loadExample(page, "static-web");
    assert.match(await page.getByTestId("lesson").textContent(), /mirror Pod, static-web-node-1/);
    assert.equal(await page.getByTestId("static-pod").isChecked(), true);
    assert.match(await page.getByTestId("pod-name").first().textContent(), /^pod\/static-web-node-1$/);
    assert.match(await page.getByTestId("static-origin").textContent(), /\/etc\/kubernetes\/manifests\/static-web\.yaml/);
    // The kubelet keeps it alive, so the naked-Pod advice does not apply.
    assert.doesNotMatch(await page.getByTestId("diagnostics").textContent(), /bare Pod/);
    assert.match(await page.getByTestId("narration").textContent(), /manifest directory \(\/etc\/kubernetes\/manifests\)/);
    assert.deepEqual(await statuses(page, 20), [
      "Pending",
      "ContainerCreating",
      "Running",
      "Terminating",
      "Pending",
      "Running",
      // The kubelet stops it once its file is gone, and the mirror goes: kubectl finds nothing.
      "Deleted (no longer exists)",
    ]);
    // Back on the new mirror: a new AGE, the same container (no restart).
    await page.getByTestId("first").click();
    while ((await page.getByTestId("clock").textContent()) !== "t = 40s") {
      await page.getByTestId("next").click();
    }
    const input = page.getByTestId("console-input");
    await runCommand(page, "kubectl get pods");
    const reply = await page.getByTestId("console-output").locator(".console-reply").last().textContent();
    assert.match(reply, /static-web-node-1 +1\/1 +Running +0 +9s/);
    await screenshot(page, "lesson-static-pod");
    // As an ordinary Pod, the same kubectl delete ends it: nginx exits 0 on SIGTERM, the kubelet
    // writes that status, and the API server removes the object, as the stepper and kubectl say.
    await page.getByTestId("static-pod").uncheck();
    await settled(page);
    if (await page.getByTestId("last").isEnabled()) await page.getByTestId("last").click();
    assert.equal(await page.getByTestId("status").textContent(), "Deleted (no longer exists)");
    assert.match(await page.getByTestId("narration").textContent(), /exits with code 0 \(Completed\); the API server removes pod\/static-web/);
    assert.equal(await runCommand(page, "kubectl get pods"), "No resources found in default namespace.\n");
    assert.match(await page.getByTestId("pod-name").first().textContent(), /pod\/static-web$/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("an edit in progress that breaks the manifest keeps the views, marked stale", async () => {
    const { page, context, problems } = await open();
    await loadExample(page, "crash-loop");
    const editor = page.getByTestId("editor");
    const text = await editor.inputValue();
    const at = text.indexOf("kind: Pod") + "kind: Pod".length;
    const typeAtKind = async (key) => {
      await editor.focus();
      await editor.evaluate((area, at) => area.setSelectionRange(at, at), at);
      await page.keyboard.type(key);
    };
    // At a later step, the edit is a kubectl apply there, which the API server refuses: the
    // lifecycle goes on as it was, and the refusal is told at that step.
    await page.getByTestId("last").click();
    const status = await page.getByTestId("status").textContent();
    await typeAtKind("x");
    await page.getByTestId("verdict").waitFor();
    await settled(page);
    assert.equal(await page.getByTestId("status").textContent(), status);
    assert.match(await page.getByTestId("narration").textContent(), /kubectl apply -f - \(the edited manifest\): error/);
    await page.keyboard.press("Backspace");
    await page.getByTestId("no-problems").waitFor();
    // At the first step, the edit is the manifest itself: while it breaks the text, the views
    // keep the last Pod the API server would accept, marked stale.
    await page.getByTestId("first").click();
    const first = await page.getByTestId("status").textContent();
    await typeAtKind("x");
    await page.getByTestId("verdict").waitFor();
    // The views are marked stale once the model has read the broken text, a moment later.
    await page.getByTestId("stale-lifecycle").waitFor();
    assert.equal(await page.getByTestId("stale-lifecycle").isVisible(), true);
    assert.equal(await page.getByTestId("status").textContent(), first);
    assert.ok((await page.getByTestId("container-box").count()) > 0);
    assert.equal(await page.getByTestId("action").count(), 0);
    await screenshot(page, "stale-views");
    await page.keyboard.press("Backspace");
    await page.getByTestId("no-problems").waitFor();
    assert.equal(await page.getByTestId("stale-lifecycle").count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("the gallery lists the docs examples", async () => {
    const { page, context, problems } = await open();
    // The examples come from the model thread a moment after the page shows.
    await page.locator("[data-testid=examples] optgroup").first().waitFor({ state: "attached" });
    const groups = await page.locator("[data-testid=examples] optgroup").evaluateAll((g) =>
      g.map((group) => `${group.label}: ${group.children.length}`),
    );
    assert.deepEqual(groups, [
      "Patterns from the articles: 11",
      "Lessons of a Pod's life: 18",
      "Kubernetes documentation examples: 32",
    ]);
    await loadExample(page, "docs-exec-liveness", "liveness-exec");
    assert.match(await page.getByTestId("lesson").textContent(), /kubelet restarts the container/);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("the console against the CLI", () => {
  test("get and describe print what the CLI prints at the same instant", async () => {
    const cli = join(ROOT, "target", "debug", "podplay");
    if (!existsSync(cli)) {
      throw new Error("target/debug/podplay is missing: scripts/test builds it (cargo test --workspace)");
    }
    const { page, context, problems } = await open();
    await loadExample(page, "crash-loop");
    // Step to t = 22s.
    while ((await page.getByTestId("clock").textContent()) !== "t = 22s") {
      await page.getByTestId("next").click();
    }
    const manifest = await page.getByTestId("editor").inputValue();
    const dir = mkdtempSync(join(tmpdir(), "podplay-e2e-"));
    const file = join(dir, "crash-loop.yaml");
    writeFileSync(file, manifest);
    const input = page.getByTestId("console-input");
    const output = page.getByTestId("console-output");
    for (const [command, args] of [
      ["kubectl get pods", ["get", "--at", "22s", file]],
      ["kubectl describe pod crash-loop", ["describe", "--at", "22s", file]],
      ["kubectl logs crash-loop --previous", ["logs", "--previous", "--at", "22s", file]],
    ]) {
      await runCommand(page, command);
      const expected = execFileSync(cli, args, { encoding: "utf8" });
      const shown = await output.locator(".console-reply").last().textContent();
      assert.equal(shown.trimEnd(), expected.trimEnd(), command);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("panels", () => {
  test("panels can be hidden and resized, and a share link keeps which are shown", async () => {
    const { page, context, problems } = await open();
    await page.getByTestId("toggle-editor").click();
    assert.equal(await page.getByTestId("panel-editor").count(), 0);
    assert.equal(await page.getByTestId("toggle-editor").getAttribute("aria-pressed"), "false");
    // Resize by keyboard: the splitter between Pod and Lifecycle.
    const splitter = page.getByTestId("splitter-pod");
    const before = Number(await splitter.getAttribute("aria-valuenow"));
    const width = (await page.getByTestId("panel-pod").boundingBox()).width;
    await splitter.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    assert.ok(Number(await splitter.getAttribute("aria-valuenow")) > before);
    assert.ok((await page.getByTestId("panel-pod").boundingBox()).width > width + 20);
    // And by dragging it back.
    const box = await splitter.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + 50);
    await page.mouse.down();
    await page.mouse.move(box.x - 200, box.y + 50, { steps: 5 });
    await page.mouse.up();
    assert.ok((await page.getByTestId("panel-pod").boundingBox()).width < width);
    await screenshot(page, "panels-two");
    await page.getByTestId("next").click();
    await page.getByTestId("copy-link").click();
    const link = await page.getByTestId("share-link").inputValue();
    await context.close();

    const other = await openPage(browser);
    await other.page.goto(link);
    await other.page.getByTestId("pod-name").waitFor();
    assert.equal(await other.page.getByTestId("panel-editor").count(), 0);
    assert.equal(await other.page.getByTestId("step").textContent(), "2 of 4");
    assert.deepEqual(problems, []);
    assert.deepEqual(other.problems, []);
    await other.context.close();
  });
});

describe("embed mode", () => {
  test("the Embed dialog writes an iframe snippet that opens compact, read-only and dark on another origin", async () => {
    const { page, context, problems } = await open();
    await page.getByTestId("next").click();
    await page.getByTestId("embed").click();
    await page.getByTestId("embed-panel-editor").uncheck();
    const snippet = await page.getByTestId("embed-snippet").inputValue();
    assert.match(snippet, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed=1&amp;panels=pod,lifecycle&amp;readonly=1#v1\.[A-Za-z0-9_-]+" title="Podplay: pod\/sidecar-logging"/);
    await screenshot(page, "embed-dialog");
    await page.keyboard.press("Escape");
    assert.equal(await page.getByTestId("embed-dialog").count(), 0);
    await context.close();

    // A course page on another origin embeds it, dark and at step 3.
    const src = snippet.match(/src="([^"]+)"/)[1].replaceAll("&amp;", "&").replace("#", "&theme=dark&step=2#");
    const host = await serveDist({
      pages: {
        "/course.html": `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Course</title>
<link rel="icon" href="data:,"></head><body><h1>Pods, lesson 2</h1>
<iframe title="Podplay" src="${src}" width="1200" height="700"></iframe></body></html>`,
      },
    });
    try {
      const guest = await openPage(browser);
      await guest.page.goto(`${host.url.replace("127.0.0.1", "localhost")}/course.html`);
      const frame = guest.page.frameLocator("iframe");
      await frame.getByTestId("pod-name").waitFor();
      assert.equal(await frame.getByTestId("panel-editor").count(), 0);
      assert.equal(await frame.locator(".app-header").count(), 0);
      assert.equal(await frame.getByTestId("open-full").count(), 1);
      assert.equal(await frame.getByTestId("step").textContent(), "3 of 4");
      assert.equal(await frame.locator("html").getAttribute("data-theme"), "dark");
      assert.equal(await frame.getByTestId("fault-crash").count(), 0);
      assert.equal(await frame.getByTestId("copy-link").count(), 0);
      // Read-only: a command that would change the scenario is refused.
      await runCommand(frame, "kubectl delete pod sidecar-logging");
      assert.match(await frame.getByTestId("console-output").textContent(), /read-only/);
      await screenshot(guest.page, "embed-iframe");
      assert.deepEqual(guest.problems, []);
      await guest.context.close();
    } finally {
      await host.close();
    }
    assert.deepEqual(problems, []);
  });
});

describe("export", () => {
  test("the diagram exports as SVG and PNG, the manifest as YAML", async () => {
    const { page, context, problems } = await open();
    const take = async (testId) => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
      return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
    };
    const svg = await take("export-svg");
    assert.equal(svg.name, "sidecar-logging.svg");
    assert.match(svg.bytes.toString("utf8"), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="podplay-diagram theme-light/);
    const png = await take("export-png");
    assert.equal(png.name, "sidecar-logging.png");
    assert.deepEqual([...png.bytes.subarray(1, 4)], [0x50, 0x4e, 0x47]);
    const yaml = await take("export-yaml");
    assert.equal(yaml.name, "sidecar-logging.yaml");
    assert.equal(yaml.bytes.toString("utf8"), await page.getByTestId("editor").inputValue());
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("look and access", () => {
  test("dark mode follows the system, and the toggle overrides it and is remembered", async () => {
    const { page, context, problems } = await open("/", { colorScheme: "dark" });
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(await background(), "rgb(20, 23, 28)");
    assert.match(await page.getByTestId("pod-diagram").getAttribute("class"), /theme-auto/);
    await screenshot(page, "dark");
    await page.getByTestId("theme").selectOption("light");
    assert.equal(await background(), "rgb(246, 247, 249)");
    assert.match(await page.getByTestId("pod-diagram").getAttribute("class"), /theme-light/);
    await page.reload();
    await page.getByTestId("pod-name").waitFor();
    assert.equal(await page.locator("html").getAttribute("data-theme"), "light");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("on a phone the panels are tabs", async () => {
    const { page, context, problems } = await open("/", { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    assert.ok(await page.getByTestId("panel-editor").isVisible());
    assert.ok(!(await page.getByTestId("panel-pod").isVisible()));
    await screenshot(page, "phone-editor");
    await page.getByTestId("tab-pod").click();
    assert.ok(await page.getByTestId("pod-diagram").isVisible());
    assert.ok(!(await page.getByTestId("panel-editor").isVisible()));
    await screenshot(page, "phone-pod");
    await page.getByTestId("tab-lifecycle").click();
    await page.getByTestId("next").click();
    assert.equal(await page.getByTestId("status").textContent(), "ContainerCreating");
    await screenshot(page, "phone-lifecycle");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("keyboard only: Tab reaches the stepper and the keys step through the timeline", async () => {
    const { page, context, problems } = await open();
    // Off the fields, the arrow keys step.
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("ArrowRight");
    assert.equal(await page.getByTestId("step").textContent(), "2 of 4");
    // From the First button, Tab moves through the controls; Enter presses them.
    await page.getByTestId("first").focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "next");
    await page.keyboard.press("Enter");
    assert.equal(await page.getByTestId("step").textContent(), "3 of 4");
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("ArrowLeft");
    assert.equal(await page.getByTestId("step").textContent(), "2 of 4");
    const outline = await page.getByTestId("next").evaluate((button) => {
      button.focus();
      return getComputedStyle(button).outlineStyle;
    });
    assert.notEqual(outline, "none");
    assert.deepEqual(problems, []);
    await context.close();
  });
});

/** Dismisses every dialog `page` opens (an alert would mean script ran) and lists them. */
function dismissDialogs(page, dialogs = []) {
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  return dialogs;
}

describe("hostile text", () => {
  /** A Pod's first lines, with markup in an annotation. */
  const HEADER = `apiVersion: v1
kind: Pod
metadata:
  name: xss
  annotations:
    note: "<img src=x onerror=alert(1)>"
spec:
  containers:
`;
  const HOSTILE = `${HEADER}  - name: "<img src=x onerror=alert(2)>"
    image: "<script>alert(3)</script>"
    command: ["sh", "-c", "echo '<img src=x onerror=alert(4)>'"]
`;

  test("names, commands and link contents stay text", async () => {
    const { page, context, problems } = await open();
    const dialogs = dismissDialogs(page);
    await page.getByTestId("editor").fill(HOSTILE);
    await page.getByTestId("verdict").waitFor();
    await page.getByTestId("copy-link").click();
    const link = await page.getByTestId("share-link").inputValue();
    assert.equal(await page.locator("img").count(), 0);
    assert.equal(await page.locator("body script").count(), 0);
    assert.match(await page.locator(".code.highlight").textContent(), /<img src=x onerror=alert\(2\)>/);
    await context.close();

    const other = await openPage(browser);
    dismissDialogs(other.page, dialogs);
    await other.page.goto(link);
    await other.page.getByTestId("verdict").waitFor();
    assert.equal(await other.page.getByTestId("editor").inputValue(), HOSTILE);
    assert.equal(await other.page.locator("img").count(), 0);
    assert.match(await other.page.getByTestId("diagnostics").textContent(), /<img src=x onerror=alert\(2\)>/);
    await screenshot(other.page, "hostile");
    assert.deepEqual(dialogs, []);
    assert.deepEqual(problems, []);
    assert.deepEqual(other.problems, []);
    await other.context.close();
  });

  /** A Pod the API server accepts, with markup in every free-text place it allows. */
  const ACCEPTED = `${HEADER}  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "echo '<img src=x onerror=alert(5)>'; echo '<script>alert(6)</script>'; sleep 3600"]
    env:
    - name: GREETING
      value: "<svg onload=alert(7)>"
  - name: badge
    image: "busybox<img src=x onerror=alert(8)>"
`;

  test("the console, the diagram, the narration and the exported SVG keep it as text", async () => {
    const { page, context, problems } = await open();
    const dialogs = dismissDialogs(page);
    await page.getByTestId("editor").fill(ACCEPTED);
    await page.getByTestId("no-problems").waitFor();
    await page.getByTestId("last").click();
    assert.match(await page.getByTestId("pod-diagram").textContent(), /busybox<img src=x onerror=alert\(8\)>/);
    const input = page.getByTestId("console-input");
    const output = page.getByTestId("console-output");
    for (const command of ["kubectl logs xss -c app", "kubectl describe pod xss", "kubectl get pods -o yaml"]) {
      await runCommand(page, command);
    }
    const printed = await output.textContent();
    assert.match(printed, /<img src=x onerror=alert\(5\)>/);
    assert.match(printed, /<script>alert\(6\)<\/script>/);
    assert.match(printed, /<svg onload=alert\(7\)>/);
    // The exported SVG: the text is escaped, so it parses to no element but the drawing's own.
    const download = page.waitForEvent("download");
    await page.getByTestId("export-svg").click();
    const svg = readFileSync(await (await download).path(), "utf8");
    // Read in a blank page of its own: the playground's policy refuses the SVG's own <style>.
    const reader = await context.newPage();
    const found = await reader.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "image/svg+xml");
      return {
        error: doc.querySelector("parsererror") !== null,
        elements: [...doc.querySelectorAll("*")].map((element) => element.localName).filter((name) => ["img", "script", "foreignObject", "iframe"].includes(name)),
        handlers: [...doc.querySelectorAll("*")].flatMap((element) => [...element.attributes].map((a) => a.name)).filter((name) => name.startsWith("on")),
      };
    }, svg);
    assert.deepEqual(found, { error: false, elements: [], handlers: [] });
    assert.match(svg, /&lt;img src=x onerror=alert\(8\)&gt;/);
    await reader.close();
    // Nothing on the page became an element either.
    for (const tag of ["img", "body script", "main svg svg", "iframe"]) {
      assert.equal(await page.locator(tag).count(), 0, tag);
    }
    assert.deepEqual(dialogs, []);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("storage", () => {
  /** Opens the page with `breakStorage` run before any script of the page. */
  const openWithStorage = (breakStorage) =>
    open("/", { setUp: (context) => context.addInitScript(breakStorage) });

  for (const [name, breakStorage] of [
    [
      "a full storage",
      () => {
        Storage.prototype.setItem = () => {
          throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        };
      },
    ],
    [
      "a storage turned off",
      () => {
        Object.defineProperty(window, "localStorage", {
          get() {
            throw new DOMException("Access is denied for this document.", "SecurityError");
          },
        });
      },
    ],
  ]) {
    test(`${name} is said, and the text stays`, async () => {
      const { page, context, problems } = await openWithStorage(breakStorage);
      await page.getByTestId("editor").fill(FAULTY);
      await page.getByTestId("storage-note").waitFor();
      assert.match(await page.getByTestId("storage-note").textContent(), /Download YAML/);
      assert.equal(await page.getByTestId("editor").inputValue(), FAULTY);
      assert.ok((await page.getByTestId("diagnostic").count()) > 0);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});

describe("content security policy", () => {
  test("the page runs under a policy that allows scripts from itself only", async () => {
    const html = readFileSync(join(DIST, "index.html"), "utf8");
    // The release build's HTML is minified: attributes in any order, quoted or not.
    const meta = html.match(/<meta[^>]*http-equiv=["']?Content-Security-Policy[^>]*>/)?.[0] ?? "";
    const policy = meta.match(/content="([^"]+)"/)?.[1] ?? "";
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval';/);
    assert.doesNotMatch(policy, /unsafe-inline/);
    // Every script of the page is a file: Trunk's loader was moved out of the HTML.
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.ok(scripts.length > 0);
    for (const [, attributes, body] of scripts) {
      assert.match(attributes, /\ssrc=/);
      assert.equal(body.trim(), "");
    }
    const { page, context, problems } = await open();
    await page.evaluate(() => {
      window.violations = [];
      document.addEventListener("securitypolicyviolation", (event) => window.violations.push(event.violatedDirective));
    });
    // Work the page: an example, a step, the console, a theme, an export.
    await page.getByTestId("examples").selectOption("crash-loop");
    await page.getByTestId("last").click();
    await runCommand(page, "kubectl describe pod crash-loop");
    await page.getByTestId("theme").selectOption("dark");
    const download = page.waitForEvent("download");
    await page.getByTestId("export-png").click();
    await download;
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
