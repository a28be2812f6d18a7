// End-to-end tests of what a usability test found (issue 17), each as a person meets it.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { launchChromium, openApp, openPage, runCommand, screenshot, serveDist, settled } from "./support.mjs";

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

describe("the kubectl console", () => {
  test("follows its newest answer unless the reader scrolled up, and `clear` empties it", async () => {
    const { page, context, problems } = await openApp(browser, `${server.url}/`);
    const output = page.getByTestId("console-output");
    await page.getByTestId("last").click();
    // Enough answers to overflow the output.
    for (let i = 0; i < 3; i += 1) await runCommand(page, "kubectl describe pod sidecar-logging");
    await runCommand(page, "kubectl get pods");
    assert.ok(await output.evaluate((pre) => pre.scrollHeight > pre.clientHeight), "the output overflows");
    // The newest answer scrolls into view (in the frame after it is drawn).
    await page.waitForFunction(
      () => {
        const pre = document.querySelector('[data-testid="console-output"]');
        return pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 4;
      },
      null,
      { timeout: 2000 },
    );
    await screenshot(page, "console-follows");
    // Scrolled up to read, the reader stays where they are when a new answer comes.
    await output.evaluate((pre) => {
      pre.scrollTop = 0;
      pre.dispatchEvent(new Event("scroll"));
    });
    await runCommand(page, "kubectl get pods -o wide");
    assert.equal(await output.evaluate((pre) => pre.scrollTop), 0);
    // `clear` empties the output; ↑ still recalls the commands.
    await page.getByTestId("console-input").fill("clear");
    await page.getByTestId("console-input").press("Enter");
    assert.equal(await output.locator(".console-command").count(), 0);
    await page.getByTestId("console-input").press("ArrowUp");
    assert.equal(await page.getByTestId("console-input").inputValue(), "clear");
    await page.getByTestId("console-input").press("ArrowUp");
    assert.equal(await page.getByTestId("console-input").inputValue(), "kubectl get pods -o wide");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("answers the forms people type: a name before -o, -oyaml, -o json and name, describe without a name", async () => {
    const { page, context, problems } = await openApp(browser, `${server.url}/`);
    await page.getByTestId("last").click();
    assert.match(await runCommand(page, "kubectl get pod sidecar-logging -o yaml"), /^apiVersion: v1\nkind: Pod\nmetadata:/);
    // A request for every Pod prints a List, even of one, as kubectl does.
    assert.match(await runCommand(page, "kubectl get pods -oyaml"), /^apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n/);
    assert.match(await runCommand(page, "kubectl get pod sidecar-logging -o json"), /^\{\n {4}"apiVersion": "v1",\n {4}"kind": "Pod",/);
    assert.equal(await runCommand(page, "kubectl get pods -o name"), "pod/sidecar-logging\n");
    assert.match(await runCommand(page, "kubectl describe pod"), /^Name: +sidecar-logging\n/);
    assert.match(await runCommand(page, "kubectl describe pods"), /^Name: +sidecar-logging\n/);
    assert.equal(await runCommand(page, "kubectl get pods -o jsonpath={.items[0].status.podIP}"), "10.244.0.5\n");
    assert.equal(
      await runCommand(page, `kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}'`),
      "sidecar-logging\tRunning\n",
    );
    assert.match(
      await runCommand(page, "kubectl get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName"),
      /^NAME +NODE\nsidecar-logging +node-1\n$/,
    );
    assert.match(await runCommand(page, "kubectl get pods -o xml"), /unable to match a printer suitable for the output format "xml"/);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("the kubectl console, following", () => {
  test("get events lists what happened, sorted as asked; logs -f and get -w follow the stepper", async () => {
    const { page, context, problems } = await openApp(browser, `${server.url}/`);
    await page.getByTestId("examples").selectOption("crash-loop");
    await settled(page);
    await page.getByTestId("last").click();
    const events = await runCommand(page, "kubectl get events --sort-by=.lastTimestamp");
    assert.match(events, /^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE\n/);
    assert.match(events, /Warning +BackOff +pod\/crash-loop +Back-off restarting failed container app/);
    assert.match(await runCommand(page, "kubectl get events --sort-by=.nope"), /couldn't find any field with path "\{\.nope\}"/);
    // Back at the start, `logs -f` prints what the container has written so far, and more as
    // the stepper moves on, until the next command.
    await page.getByTestId("first").click();
    await runCommand(page, "kubectl get pods -w");
    const watched = page.getByTestId("console-output").locator(".console-reply").last();
    const before = (await watched.textContent()).split("\n").length;
    assert.match(await page.getByTestId("console-output").textContent(), /following the stepper/);
    await page.getByTestId("last").click();
    await page.waitForFunction(
      (lines) => {
        const replies = document.querySelectorAll('[data-testid="console-output"] .console-reply');
        return replies[replies.length - 1].textContent.split("\n").length > lines + 3;
      },
      before,
      { timeout: 5000 },
    );
    assert.match(await watched.textContent(), /CrashLoopBackOff/);
    await screenshot(page, "console-follows-the-stepper");
    // The next command ends the following: moving the stepper changes nothing above it.
    await runCommand(page, "kubectl get pods");
    const frozen = await watched.textContent();
    await page.getByTestId("first").click();
    await settled(page);
    assert.equal(await watched.textContent(), frozen);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("the editor", () => {
  test("shows a tab and a non-breaking space where they are, and says what the parser means in plain words", async () => {
    const { page, context, problems } = await openApp(browser, `${server.url}/`);
    const text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name:\u00a0web\nspec:\n  containers:\n\t- name: app\n    image: nginx:1.27\n";
    await page.getByTestId("editor").fill(text);
    await settled(page);
    const tab = page.locator(".highlight .tok-tab");
    const nbsp = page.locator(".highlight .tok-invisible");
    assert.equal(await tab.count(), 1);
    assert.equal(await nbsp.count(), 1);
    // Each mark sits where its character is: the arrow on line 7, the dot on line 4.
    const arrow = await tab.evaluate((span) => getComputedStyle(span, "::before").content);
    assert.equal(arrow, '"→"');
    const message = await page.getByTestId("diagnostic").first().textContent();
    assert.match(message, /^Line 7, column 1: Line 7 is indented with a tab; YAML allows only spaces/);
    assert.match(message, /the YAML parser says: /);
    await screenshot(page, "editor-invisible-damage");
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("a damaged link", () => {
  for (const [label, options] of [
    ["at 1280 px", { viewport: { width: 1280, height: 800 } }],
    ["on a phone", { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }],
  ]) {
    test(`says so at the top of the page, before the example, ${label}`, async () => {
      const { page, context, problems } = await openPage(browser, options);
      await page.goto(`${server.url}/#v1.@@@`);
      const banner = page.getByTestId("link-error");
      await banner.waitFor();
      assert.match(await banner.textContent(), /^The link could not be opened: .*not base64url text.*\. Below is the example\./);
      // In view without scrolling, above the panels.
      const box = await banner.boundingBox();
      const panels = await page.locator("main.panels").boundingBox();
      assert.ok(box.y >= 0 && box.y + box.height <= options.viewport.height, JSON.stringify(box));
      assert.ok(box.y < panels.y, `${box.y} < ${panels.y}`);
      await screenshot(page, `damaged-link-${label.replace(/\W+/g, "-")}`);
      await page.getByTestId("dismiss-link-error").click();
      assert.equal(await banner.count(), 0);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});

describe("suggestions", () => {
  test("are folded on a gallery example and in an embed, and shown in full for the reader's own manifest", async () => {
    const { page, context, problems } = await openApp(browser, `${server.url}/`);
    const folded = page.getByTestId("suggestions");
    assert.equal(await folded.locator("summary").textContent(), "8 suggestions");
    assert.equal(await page.getByTestId("warning").first().isVisible(), false);
    await screenshot(page, "suggestions-folded");
    await folded.locator("summary").click();
    assert.ok(await page.getByTestId("warning").first().isVisible());
    // The reader's own edit: every suggestion in full.
    const editor = page.getByTestId("editor");
    await editor.fill((await editor.inputValue()).replace("name: sidecar-logging", "name: mine"));
    await page.getByTestId("pod-name").filter({ hasText: "pod/mine" }).waitFor();
    assert.equal(await folded.evaluate((details) => details.open), true);
    assert.ok(await page.getByTestId("warning").first().isVisible());
    assert.deepEqual(problems, []);
    await context.close();

    const embedded = await openApp(browser, `${server.url}/?embed=1&panels=editor,pod`);
    assert.equal(await embedded.page.getByTestId("suggestions").locator("summary").textContent(), "8 suggestions");
    assert.deepEqual(embedded.problems, []);
    await embedded.context.close();
  });
});

describe("small things", () => {
  test("Copy link and Copy snippet say whether they copied", async () => {
    const { page, context, problems } = await openApp(browser, `${server.url}/`, {
      setUp: (context) => context.grantPermissions(["clipboard-read", "clipboard-write"]),
    });
    await page.getByTestId("copy-link").click();
    await page.getByTestId("copy-status").filter({ hasText: "Copied to the clipboard." }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.getByTestId("share-link").inputValue());
    await page.getByTestId("embed").click();
    await page.getByTestId("copy-snippet").click();
    await page.locator(".dialog-actions [data-testid=copy-status]").filter({ hasText: "Copied to the clipboard." }).waitFor();
    assert.match(await page.evaluate(() => navigator.clipboard.readText()), /^<iframe src=/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("the chips name each container's role as the diagram does", async () => {
    const { page, context, problems } = await openApp(browser, `${server.url}/`);
    await page.getByTestId("examples").selectOption("app-with-ambassador");
    await settled(page);
    assert.deepEqual(await page.getByTestId("container-item").locator(".badge").allTextContents(), ["main", "ambassador"]);
    const roles = await page.locator("[data-testid=panel-pod] .container-role").allTextContents();
    assert.deepEqual(roles.map((role) => role.toLowerCase()), ["main", "ambassador"]);
    await page.getByTestId("examples").selectOption("sidecar-logging");
    await settled(page);
    assert.deepEqual(await page.getByTestId("container-item").locator(".badge").allTextContents(), ["main", "sidecar"]);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a running init container is Running, and every state's words fit in its box", async () => {
    const { page, context, problems } = await openApp(browser, `${server.url}/`);
    await page.getByTestId("examples").selectOption("init-demo");
    await settled(page);
    while (!/Init:0\/1/.test(await page.getByTestId("status").textContent()) || !/starts/.test(await page.getByTestId("narration").textContent())) {
      await page.getByTestId("next").click();
    }
    const initState = page.locator("[data-testid=panel-pod] [data-testid=container-box]").first().locator(".container-state");
    assert.equal(await initState.textContent(), "Running");
    // CrashLoopBackOff after an OOM kill, the longest words: inside the container's box.
    await page.getByTestId("examples").selectOption("oom-killed");
    await settled(page);
    while ((await page.getByTestId("status").textContent()) !== "CrashLoopBackOff") await page.getByTestId("next").click();
    const fits = await page.evaluate(() =>
      [...document.querySelectorAll("[data-testid=panel-pod] [data-testid=container-box]")].map((group) => {
        const box = group.querySelector(".container-box").getBoundingClientRect();
        const words = group.querySelector(".container-state").getBoundingClientRect();
        return [group.querySelector(".container-state").textContent, words.right <= box.right];
      }),
    );
    assert.deepEqual(fits, [["CrashLoopBackOff: OOM", true]]);
    await screenshot(page, "crashloop-oom-fits");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("the ImagePullBackOff lesson tells each retry once, and no credit has brackets in brackets", async () => {
    const { page, context, problems } = await openApp(browser, `${server.url}/`);
    await page.getByTestId("examples").selectOption("image-pull-backoff");
    await settled(page);
    const narrations = [];
    for (;;) {
      narrations.push(await page.getByTestId("narration").textContent());
      if (await page.getByTestId("next").isDisabled()) break;
      await page.getByTestId("next").click();
    }
    // A retry's step tells the pull and its failure, not the back-off before it again.
    for (const told of narrations.filter((n) => /pulling the image of 'app' fails/.test(n))) {
      assert.doesNotMatch(told, /waits before pulling/, told);
    }
    const ids = await page.getByTestId("examples").locator("option").evaluateAll((options) => options.map((o) => o.value).filter(Boolean));
    for (const id of ids) {
      await page.getByTestId("examples").selectOption(id);
      const source = await page.getByTestId("lesson").locator(".source").textContent();
      assert.doesNotMatch(source.slice(1, -1), /[()]/, `${id}: ${source}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("on a phone every button is at least 44 px tall", async () => {
    const { page, context, problems } = await openApp(browser, `${server.url}/`, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    for (const tab of ["editor", "pod", "lifecycle"]) {
      await page.getByTestId(`tab-${tab}`).click();
      const heights = await page.locator("button:visible, select:visible").evaluateAll((controls) =>
        controls.map((control) => [control.dataset.testid ?? control.textContent.trim(), Math.round(control.getBoundingClientRect().height)]),
      );
      const small = heights.filter(([, height]) => height < 44);
      assert.deepEqual(small, [], `${tab}: ${JSON.stringify(small)}`);
    }
    await screenshot(page, "phone-touch-targets");
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("one story at every step", () => {
  test("after a node loss the stepper, the diagram, the narration and kubectl agree", async () => {
    const { page, context, problems } = await openApp(browser, `${server.url}/`);
    await page.getByTestId("examples").selectOption("naked-pod");
    await settled(page);
    await page.getByTestId("last").click();
    assert.equal(await page.getByTestId("status").textContent(), "Unknown");
    const state = page.locator("[data-testid=panel-pod] .container-state");
    assert.equal(await state.textContent(), "Unknown (node lost)");
    assert.match(await page.getByTestId("narration").textContent(), /kubectl shows Unknown/);
    // The control-plane flow is at the node's loss too.
    assert.match(await page.getByTestId("flow-diagram").textContent(), /▶ !\s+The node stops reporting/);
    assert.match(await runCommand(page, "kubectl get pods"), /naked-pod +1\/1 +Unknown/);
    // One step back, the node controller has set Ready to False, while READY still counts the
    // containers as the kubelet last reported them: the narration says so.
    await page.getByTestId("back").click();
    assert.equal(await page.getByTestId("ready").textContent(), "1/1");
    assert.match(await page.getByTestId("narration").textContent(), /Ready condition to False; READY still counts the containers/);
    await screenshot(page, "node-lost-one-story");
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("the Pod diagram", () => {
  // Where the diagram and what must never be hidden (the endpoints outside the Pod, the legend)
  // are, against the frame that shows them.
  const measure = (page) =>
    page.evaluate(() => {
      const frame = document.querySelector("[data-testid=panel-pod] .diagram-frame");
      const box = frame.getBoundingClientRect();
      const parts = [...frame.querySelectorAll("[data-testid=external], [data-testid=legend], [data-testid=network]")];
      return {
        frame: { left: box.left, right: box.right },
        overflows: frame.scrollWidth > frame.clientWidth + 1,
        hidden: parts
          .map((part) => ({ id: part.dataset.testid, box: part.getBoundingClientRect() }))
          .filter(({ box: b }) => b.left < box.left - 1 || b.right > box.right + 1)
          .map(({ id }) => id),
        parts: parts.length,
      };
    });
  const zoomed = (page) => page.locator("[data-testid=panel-pod] [data-zoom=fit]").getAttribute("aria-pressed");

  for (const [label, options, tabs] of [
    ["at 1280 px", { viewport: { width: 1280, height: 800 } }, false],
    ["at 1440 px", { viewport: { width: 1440, height: 900 } }, false],
    ["at 1920 px", { viewport: { width: 1920, height: 1080 } }, false],
    ["in a 900 px window", { viewport: { width: 900, height: 700 } }, true],
    ["on a phone", { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }, true],
  ]) {
    test(`fits its panel ${label}: the remote Redis of the ambassador lesson and the legend are in sight`, async () => {
      const { page, context, problems } = await openApp(browser, `${server.url}/`, options);
      await page.getByTestId("examples").selectOption("app-with-ambassador");
      if (tabs) await page.getByTestId("tab-pod").click();
      await page.locator("[data-testid=panel-pod] [data-testid=external]").waitFor();
      const fitted = await measure(page);
      assert.ok(fitted.parts >= 3, "the endpoint, the legend and the network are drawn");
      assert.deepEqual(fitted.hidden, [], `nothing is cut off ${label}`);
      assert.equal(fitted.overflows, false, "the fitted diagram needs no sideways scrolling");
      assert.equal(await zoomed(page), "true");
      await screenshot(page, `diagram-fit-${label.replaceAll(" ", "-")}`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test("zooms by its buttons, the keyboard and Ctrl+wheel, pans by dragging, and fits again", async () => {
    const { page, context, problems } = await openApp(browser, `${server.url}/`, { viewport: { width: 1440, height: 900 } });
    await page.getByTestId("examples").selectOption("app-with-ambassador");
    const panel = page.getByTestId("panel-pod");
    const frame = panel.locator(".diagram-frame");
    const readout = panel.locator(".zoom-readout");
    await panel.getByRole("button", { name: "Zoom in" }).click();
    await panel.getByRole("button", { name: "Zoom in" }).click();
    assert.match(await readout.textContent(), /^\d+ %$/);
    assert.equal(await zoomed(page), "false");
    assert.ok((await measure(page)).overflows, "zoomed in, the diagram is wider than its frame");
    // A mouse drag pans it.
    const box = await frame.boundingBox();
    const before = await frame.evaluate((f) => f.scrollLeft);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    assert.ok((await frame.evaluate((f) => f.scrollLeft)) > before + 60, "the drag panned the diagram");
    await screenshot(page, "diagram-zoomed");
    // The keyboard: 0 fits, + zooms, the arrow keys scroll.
    await frame.focus();
    await page.keyboard.press("0");
    assert.equal(await zoomed(page), "true");
    assert.equal((await measure(page)).overflows, false);
    await page.keyboard.press("+");
    assert.equal(await zoomed(page), "false");
    const percent = Number.parseInt(await readout.textContent(), 10);
    // The arrow keys pan the focused, zoomed diagram.
    await frame.evaluate((f) => {
      f.scrollLeft = 0;
    });
    for (let i = 0; i < 5; i += 1) await page.keyboard.press("ArrowRight");
    await page.waitForFunction(() => document.querySelector("[data-testid=panel-pod] .diagram-frame").scrollLeft > 0);
    // Ctrl and the wheel zoom around the pointer, as in map and drawing tools.
    await page.mouse.move(box.x + 40, box.y + 40);
    await page.keyboard.down("Control");
    await page.mouse.wheel(0, -100);
    await page.keyboard.up("Control");
    // In proportion to the distance, as a trackpad's pinch sends many small steps.
    const wheeled = Number.parseInt(await readout.textContent(), 10);
    assert.ok(Math.abs(wheeled - percent * Math.exp(0.22)) <= 2, `${percent} % → ${wheeled} %`);
    // The Fit button brings everything back in sight.
    await panel.getByRole("button", { name: "Fit" }).click();
    const fitted = await measure(page);
    assert.deepEqual(fitted.hidden, []);
    assert.equal(fitted.overflows, false);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("zooms by a two-finger pinch on a touch screen", async () => {
    const { page, context, problems } = await openApp(browser, `${server.url}/`, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await page.getByTestId("examples").selectOption("app-with-ambassador");
    await page.getByTestId("tab-pod").click();
    const frame = page.getByTestId("panel-pod").locator(".diagram-frame");
    await frame.scrollIntoViewIfNeeded();
    const box = await frame.boundingBox();
    const [x, y] = [box.x + box.width / 2, box.y + Math.min(box.height / 2, 60)];
    const cdp = await context.newCDPSession(page);
    const touch = (type, spread) =>
      cdp.send("Input.dispatchTouchEvent", {
        type,
        touchPoints:
          type === "touchEnd"
            ? []
            : [
                { x: x - spread, y, id: 1 },
                { x: x + spread, y, id: 2 },
              ],
      });
    await touch("touchStart", 20);
    for (const spread of [30, 40, 50, 60]) await touch("touchMove", spread);
    await touch("touchEnd", 0);
    assert.equal(await zoomed(page), "false", "the pinch zoomed the diagram");
    assert.ok((await measure(page)).overflows, "pinched open, the diagram scrolls in its frame");
    // One finger pans it, as the browser scrolls the frame.
    const left = await frame.evaluate((f) => f.scrollLeft);
    const after = await frame.boundingBox();
    const [fx, fy] = [after.x + after.width / 2, after.y + Math.min(after.height / 2, 80)];
    const finger = (type, dx) =>
      cdp.send("Input.dispatchTouchEvent", { type, touchPoints: type === "touchEnd" ? [] : [{ x: fx + dx, y: fy, id: 3 }] });
    await finger("touchStart", 0);
    for (let dx = -15; dx >= -180; dx -= 15) await finger("touchMove", dx);
    await finger("touchEnd", 0);
    await page.waitForTimeout(300);
    const moved = await frame.evaluate((f) => [f.scrollLeft, f.scrollWidth - f.clientWidth]);
    assert.ok(moved[0] > left + 40, `a one-finger swipe panned the diagram: ${left} → ${moved}`);
    await screenshot(page, "diagram-pinched");
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("a course embed", () => {
  test("shows its panels side by side from 640 px, opens on the lifecycle, and lists the scenario's actions", async () => {
    const { page, context, problems } = await openApp(browser, `${server.url}/`);
    await page.getByTestId("examples").selectOption("image-pull-backoff");
    await settled(page);
    await page.getByTestId("embed").click();
    await page.getByTestId("embed-panel-editor").uncheck();
    const snippet = await page.getByTestId("embed-snippet").inputValue();
    await context.close();
    const src = snippet.match(/src="([^"]+)"/)[1].replaceAll("&amp;", "&");
    const widths = [900, 700, 600];
    const host = await serveDist({
      pages: {
        "/course.html": `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Course</title>
<link rel="icon" href="data:,"></head><body><h1>ImagePullBackOff</h1>
${widths.map((width) => `<iframe id="w${width}" title="Podplay ${width}" src="${src}" width="${width}" height="640"></iframe>`).join("\n")}
</body></html>`,
      },
    });
    try {
      const guest = await openPage(browser, { viewport: { width: 1400, height: 2200 } });
      await guest.page.goto(`${host.url.replace("127.0.0.1", "localhost")}/course.html`);
      for (const width of widths) {
        const frame = guest.page.frameLocator(`#w${width}`);
        await frame.getByTestId("pod-name").waitFor({ state: "attached" });
        await settled(frame);
        const pod = frame.getByTestId("panel-pod");
        const lifecycle = frame.getByTestId("panel-lifecycle");
        assert.equal(await lifecycle.isVisible(), true, `the lifecycle shows at ${width} px`);
        // The read-only embed says what the scenario does, and when.
        assert.deepEqual(await frame.getByTestId("action").allTextContents(), [
          "t = 0s: image pulls of 'app' fail",
          "t = 120s: image pulls of 'app' work",
        ]);
        if (width >= 640) {
          assert.equal(await pod.isVisible(), true, `the Pod shows beside it at ${width} px`);
          const [a, b] = [await pod.boundingBox(), await lifecycle.boundingBox()];
          assert.ok(a.x + a.width <= b.x + 1, `side by side at ${width} px`);
          assert.equal(await frame.locator(".panel-tabs").isVisible(), false);
          // In the narrower panel the diagram still fits: the client outside the Pod in sight.
          const fits = await pod.locator(".diagram-frame").evaluate((box) => {
            const frameBox = box.getBoundingClientRect();
            const outside = [...box.querySelectorAll("[data-testid=external], [data-testid=legend]")];
            return box.scrollWidth <= box.clientWidth + 1 && outside.every((part) => part.getBoundingClientRect().right <= frameBox.right + 1);
          });
          assert.equal(fits, true, `the diagram fits at ${width} px`);
        } else {
          // Narrower, one panel at a time: the lifecycle first.
          assert.equal(await pod.isVisible(), false);
          assert.equal(await frame.getByTestId("tab-lifecycle").getAttribute("aria-selected"), "true");
        }
      }
      await screenshot(guest.page, "embed-side-by-side");
      assert.deepEqual(guest.problems, []);
      await guest.context.close();
    } finally {
      await host.close();
    }
    assert.deepEqual(problems, []);
  });
});
