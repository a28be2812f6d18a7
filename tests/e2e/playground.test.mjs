// End-to-end tests of the release build in headless Chromium, as a person would use it.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { launchChromium, openApp, openPage, runCommand, screenshot, serveDist, settled, SUB_PATH } from "./support.mjs";

/** A manifest whose `labels` (line 5) is indented deeper than `name`, a YAML error. */
const BROKEN = "apiVersion: v1\nkind: Pod\nmetadata:\n name: web\n  labels: {app: web}\n";
/** The same Pod, fixed, with an init container and two app containers. */
const FIXED = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
  - name: wait-for-db
    image: busybox:1.36
  containers:
  - name: nginx
    image: nginx:1.27
  - name: log-shipper
    image: fluent/fluent-bit:3.0
`;

/** The seed article's "my-app" Pod as it pastes: the list items' fields lost their indentation. */
const PASTED_SEED = `apiVersion: v1
kind: Pod
metadata:
  name: my-app
spec:
  containers:
  - name: server
  image: nginx:latest
`;

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

/** Opens the playground in a fresh context and waits until the Pod is drawn. */
const openPlayground = () => openApp(browser, `${server.url}/`);

/** Replaces the editor's text by typing it, key by key, as a person would. */
async function typeManifest(page, text) {
  const editor = page.getByTestId("editor");
  await editor.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await editor.pressSequentially(text);
}

describe("the playground", () => {
  test("a pasted manifest with lost indentation gets a located error and a fix", async () => {
    const { page, context, problems } = await openPlayground();
    await page.getByTestId("editor").fill(PASTED_SEED);
    const verdict = page.getByTestId("verdict");
    await verdict.waitFor();
    assert.match(await verdict.textContent(), /The API server would refuse this manifest: 2 errors\./);
    const errors = await page.getByTestId("diagnostic").allTextContents();
    assert.equal(errors.length, 2);
    assert.match(errors[0], /^Line 7, column 5: spec\.containers\[0\]\.image: Required value/);
    assert.match(
      errors[1],
      /^Line 8, column 3: unknown field "spec\.image"Fix: `image` is a field of the `containers` item that starts at line 7: indent it to column 5, in line with `name`$/,
    );
    await screenshot(page, "pasted-seed");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("opens with the sidecar logging example drawn", async () => {
    const { page, context, problems } = await openPlayground();
    assert.equal(await page.getByTestId("pod-name").textContent(), "pod/sidecar-logging");
    assert.equal(await page.getByTestId("container-box").count(), 2);
    assert.match(await page.getByTestId("editor").inputValue(), /name: sidecar-logging/);
    assert.equal(await page.getByTestId("phase").textContent(), "Pending");
    // The example's app image is not one the simulator knows, and the page says so.
    assert.match(
      await page.getByTestId("simulator-notes").textContent(),
      /image "my-app:latest" is not one the playground knows/,
    );
    await screenshot(page, "playground");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a YAML error names its line; fixing it draws every container", async () => {
    const { page, context, problems } = await openPlayground();

    // Typed as a person types: a Pod the views draw, then the line that breaks it.
    const cut = BROKEN.indexOf("  labels");
    await typeManifest(page, BROKEN.slice(0, cut));
    await page.getByTestId("pod-name").filter({ hasText: "pod/web" }).waitFor();
    await settled(page);
    await page.getByTestId("editor").pressSequentially(BROKEN.slice(cut));
    // The list follows the editor a moment later: wait for the new text's error.
    await page.getByTestId("diagnostic").filter({ hasText: "mapping values are not allowed" }).waitFor();
    const diagnostic = page.getByTestId("diagnostic");
    // Plain words first, the parser's own after them.
    assert.match(await diagnostic.textContent(), /^Line 5, column 9: The indentation is probably broken here \(the YAML parser says: mapping values are not allowed in this context\)/);
    assert.equal(await page.getByTestId("container-box").count(), 0);
    // Mid-edit, the diagram keeps the last Pod that could be drawn, and says so; the lifecycle
    // of the example the text replaced is gone, since this is a new text.
    await page.getByTestId("stale-drawing").waitFor();
    assert.equal(await page.getByTestId("stale-lifecycle").count(), 0);
    await screenshot(page, "yaml-error");

    await typeManifest(page, FIXED);
    await page.getByTestId("no-problems").waitFor();
    assert.equal(await page.getByTestId("pod-name").textContent(), "pod/web");
    assert.equal(await page.getByTestId("container-box").count(), 3);
    assert.deepEqual(await page.getByTestId("container-item").allTextContents(), [
      "init 1 wait-for-db busybox:1.36",
      "main nginx nginx:1.27",
      "sidecar log-shipper fluent/fluent-bit:3.0",
    ]);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("Play walks the timeline to Running, and Back returns", async () => {
    const { page, context, problems } = await openPlayground();
    assert.equal(await page.getByTestId("phase").textContent(), "Pending");
    assert.equal(await page.getByTestId("back").isDisabled(), true);

    await page.getByTestId("play").click();
    assert.equal(await page.getByTestId("play").textContent(), "Pause");
    await page.getByTestId("phase").filter({ hasText: "Running" }).waitFor({ timeout: 10_000 });
    assert.equal(await page.getByTestId("status").textContent(), "Running");
    // Playing stops by itself at the last step.
    await page.getByTestId("play").filter({ hasText: "Play" }).waitFor();
    assert.equal(await page.getByTestId("next").isDisabled(), true);
    assert.equal(
      await page.locator('[data-testid="container-box"][data-state="ready"]').count(),
      2,
    );
    await screenshot(page, "running");

    await page.getByTestId("back").click();
    assert.equal(await page.getByTestId("status").textContent(), "ContainerCreating");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("the draft survives a reload", async () => {
    const { page, context, problems } = await openPlayground();
    await typeManifest(page, FIXED);
    await page.getByTestId("pod-name").filter({ hasText: "pod/web" }).waitFor();
    await page.reload();
    await page.getByTestId("pod-name").filter({ hasText: "pod/web" }).waitFor();
    assert.equal(await page.getByTestId("editor").inputValue(), FIXED);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("hosting", () => {
  test("loads from a sub-path, fetching every asset relative to it", async () => {
    const { page, context, problems } = await openPage(browser);
    const fetched = [];
    page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(`${server.url}${SUB_PATH}`);
    await page.getByTestId("pod-name").waitFor();
    assert.equal(await page.getByTestId("container-box").count(), 2);
    // The model thread loads from the sub-path too: the stepper, the gallery and the console.
    await page.getByTestId("lesson").waitFor();
    assert.equal(await page.getByTestId("step").textContent(), "1 of 4");
    assert.match(await runCommand(page, "kubectl get pods"), /sidecar-logging\s+0\/2\s+Pending/);
    assert.ok(fetched.some((path) => /podplay-worker-[0-9a-f]+_bg\.wasm$/.test(path)), `fetched: ${fetched}`);
    assert.ok(fetched.length >= 3, `fetched: ${fetched}`);
    for (const path of fetched) {
      assert.ok(path.startsWith(SUB_PATH), `${path} is outside ${SUB_PATH}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("works inside a cross-origin iframe", async () => {
    // The host page is served by a second server as http://localhost:<port>: another origin and
    // another site than the playground's http://127.0.0.1:<port>, as a course site would be.
    const embedded = `${server.url}${SUB_PATH}`;
    const host = await serveDist({
      pages: {
        "/lesson.html": `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Lesson</title>
<link rel="icon" href="data:,"></head><body><h1>Lesson 3: Pods</h1>
<iframe title="Podplay" src="${embedded}" width="1300" height="800"></iframe></body></html>`,
      },
    });
    try {
      const { page, context, problems } = await openPage(browser);
      const hostUrl = host.url.replace("127.0.0.1", "localhost");
      await page.goto(`${hostUrl}/lesson.html`);
      const frame = page.frameLocator("iframe");
      await frame.getByTestId("pod-name").waitFor();
      assert.equal(await frame.getByTestId("pod-name").textContent(), "pod/sidecar-logging");
      await frame.getByTestId("next").click();
      assert.equal(await frame.getByTestId("status").textContent(), "ContainerCreating");
      assert.notEqual(new URL(hostUrl).hostname, new URL(embedded).hostname);
      await screenshot(page, "iframe");
      assert.deepEqual(problems, []);
      await context.close();
    } finally {
      await host.close();
    }
  });
});

/** The gallery's ambassador and adapter examples (core/src/playground/gallery). */
const AMBASSADOR = `apiVersion: v1
kind: Pod
metadata:
  name: app-with-ambassador
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ['sh', '-c', 'while true; do echo "reading the counter from $REDIS_ADDR"; sleep 10; done']
    env:
    - name: REDIS_ADDR
      value: localhost:6379
  - name: redis-ambassador
    image: alpine/socat:1.8.0.0
    args: ['TCP-LISTEN:6379,fork,reuseaddr', 'TCP:redis.prod.example.com:6379']
    ports:
    - containerPort: 6379
`;
const ADAPTER = `apiVersion: v1
kind: Pod
metadata:
  name: app-with-adapter
spec:
  volumes:
  - name: status
    emptyDir: {}
  containers:
  - name: app
    image: busybox:1.36
    command: ['sh', '-c', 'i=0; while true; do i=$((i+1)); echo "$i" > /var/app/requests; sleep 5; done']
    volumeMounts:
    - name: status
      mountPath: /var/app
  - name: metrics-adapter
    image: busybox:1.36
    command: ['sh', '-c', 'mkdir -p /tmp/www; while true; do echo "app_requests_total $(cat /status/requests)" > /tmp/www/metrics; sleep 5; done & httpd -f -p 9113 -h /tmp/www']
    ports:
    - name: metrics
      containerPort: 9113
    volumeMounts:
    - name: status
      mountPath: /status
      readOnly: true
`;
/** Two app containers that both want port 80. */
const CONFLICT = `apiVersion: v1
kind: Pod
metadata:
  name: clash
spec:
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - containerPort: 80
  - name: admin
    image: httpd:2.4
`;

/** The roles drawn in the diagram, in container order. */
async function roles(page) {
  return page.locator('[data-testid="pod-diagram"] .container-role').allTextContents();
}

describe("the diagram", () => {
  test("draws the pause container, the shared IP, volumes and roles, and follows the timeline", async () => {
    const { page, context, problems } = await openPlayground();
    const diagram = page.getByTestId("pod-diagram");
    assert.equal(await diagram.getByTestId("pause").count(), 1);
    assert.deepEqual(await roles(page), ["main", "sidecar"]);
    assert.equal(await diagram.getByTestId("volume").count(), 1);
    assert.match(await diagram.getByTestId("volume").locator("title").textContent(), /'app' at \/var\/log\/app \(writes\)/);
    // At the first step nothing runs yet: the scheduler has just bound the Pod, which has no IP.
    assert.equal(await diagram.locator('[data-testid="container-box"][data-state="waiting"]').count(), 2);
    assert.match(await diagram.getByTestId("network").textContent(), /Pod IP not assigned yet/);
    assert.match(
      await page.locator('[data-testid="flow-stage"][data-state="current"] > title').textContent(),
      /The scheduler picks a node and writes the binding through the API server to etcd/,
    );
    await page.getByTestId("play").click();
    await page.getByTestId("phase").filter({ hasText: "Running" }).waitFor({ timeout: 10_000 });
    assert.equal(await diagram.locator('[data-testid="container-box"][data-state="ready"]').count(), 2);
    assert.match(await diagram.getByTestId("network").textContent(), /Pod IP 10\.244\.\d+\.\d+/);
    assert.match(
      await page.locator('[data-testid="flow-stage"][data-state="current"] > title').textContent(),
      /kubelet writes the containers' status/,
    );
    await screenshot(page, "diagram-sidecar");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("an ambassador and an adapter get their roles, reasons and outside endpoints", async () => {
    const { page, context, problems } = await openPlayground();
    const diagram = page.getByTestId("pod-diagram");
    await page.getByTestId("editor").fill(AMBASSADOR);
    await page.getByTestId("pod-name").filter({ hasText: "pod/app-with-ambassador" }).waitFor();
    assert.deepEqual(await roles(page), ["main", "ambassador"]);
    assert.match(
      await diagram.getByTestId("container-box").nth(1).locator("title").textContent(),
      /'app' connects to localhost:6379, where this container listens; it forwards them to redis\.prod\.example\.com:6379/,
    );
    assert.deepEqual(await diagram.getByTestId("external").locator(".external-label").allTextContents(), [
      "redis.prod.example.com:6379",
    ]);
    assert.equal(await diagram.locator('[data-testid="edge"].localhost').count(), 1);
    await screenshot(page, "diagram-ambassador");

    await page.getByTestId("editor").fill(ADAPTER);
    await page.getByTestId("pod-name").filter({ hasText: "pod/app-with-adapter" }).waitFor();
    assert.deepEqual(await roles(page), ["main", "adapter"]);
    assert.deepEqual(await diagram.getByTestId("external").locator(".external-label").allTextContents(), [
      "Prometheus",
    ]);
    await screenshot(page, "diagram-adapter");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a port conflict is drawn on both ports and explained with its line", async () => {
    const { page, context, problems } = await openPlayground();
    await page.getByTestId("editor").fill(CONFLICT);
    await page.getByTestId("pod-name").filter({ hasText: "pod/clash" }).waitFor();
    const conflicted = page.locator('[data-testid="pod-diagram"] .port.conflict');
    assert.equal(await conflicted.count(), 2);
    assert.match(await conflicted.first().locator("title").textContent(), /address already in use/);
    const warnings = await page.getByTestId("warning").allTextContents();
    assert.ok(
      warnings.some((w) => /^Line 12, column 12: .*both listen on 80\/TCP/.test(w)),
      warnings.join("\n"),
    );
    await screenshot(page, "diagram-port-conflict");
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("the examples gallery", () => {
  test("loading an example keeps the user's draft aside, and it comes back", async () => {
    const { page, context, problems } = await openPlayground();
    assert.match(await page.getByTestId("lesson").textContent(), /Sidecar: shipping logs/);
    await page.getByTestId("editor").fill(FIXED);
    await page.getByTestId("pod-name").filter({ hasText: "pod/web" }).waitFor();
    assert.equal(await page.getByTestId("lesson").count(), 0);

    await page.getByTestId("examples").selectOption("app-with-ambassador");
    await page.getByTestId("pod-name").filter({ hasText: "pod/app-with-ambassador" }).waitFor();
    assert.match(await page.getByTestId("lesson").textContent(), /Ambassador: a local proxy/);
    // The draft survives a reload too.
    await page.reload();
    await page.getByTestId("pod-name").filter({ hasText: "pod/app-with-ambassador" }).waitFor();
    await page.getByTestId("restore-draft").click();
    await page.getByTestId("pod-name").filter({ hasText: "pod/web" }).waitFor();
    assert.equal(await page.getByTestId("editor").inputValue(), FIXED);
    assert.equal(await page.getByTestId("restore-draft").count(), 0);
    await screenshot(page, "gallery");
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("share links", () => {
  test("a copied link reopens the same manifest at the same step", async () => {
    const { page, context, problems } = await openPlayground();
    await page.getByTestId("editor").fill(FIXED);
    await page.getByTestId("pod-name").filter({ hasText: "pod/web" }).waitFor();
    await page.getByTestId("next").click();
    await page.getByTestId("next").click();
    const step = await page.getByTestId("step").textContent();
    await page.getByTestId("copy-link").click();
    const link = await page.getByTestId("share-link").inputValue();
    assert.match(link, /#v1\.[A-Za-z0-9_-]+$/);
    assert.equal(await page.getByTestId("share-length").textContent(), `${link.length} characters`);
    assert.equal(new URL(page.url()).hash, new URL(link).hash);
    await context.close();

    const other = await openPage(browser);
    await other.page.goto(link);
    await other.page.getByTestId("pod-name").filter({ hasText: "pod/web" }).waitFor();
    assert.equal(await other.page.getByTestId("editor").inputValue(), FIXED);
    assert.equal(await other.page.getByTestId("step").textContent(), step);
    await screenshot(other.page, "share-link");
    assert.deepEqual(problems, []);
    assert.deepEqual(other.problems, []);
    await other.context.close();
  });

  test("a link pasted into a tab that shows Podplay opens as a fresh load would; Back and Forward follow", async () => {
    // The link: the FIXED Pod at its third step, made in another tab.
    const maker = await openPlayground();
    await maker.page.getByTestId("editor").fill(FIXED);
    await maker.page.getByTestId("pod-name").filter({ hasText: "pod/web" }).waitFor();
    await maker.page.getByTestId("next").click();
    await maker.page.getByTestId("next").click();
    const step = await maker.page.getByTestId("step").textContent();
    await maker.page.getByTestId("copy-link").click();
    const link = await maker.page.getByTestId("share-link").inputValue();
    await maker.context.close();

    // The reader's tab shows a draft of their own; the link goes into its address bar.
    const { page, context, problems } = await openPlayground();
    const draft = "apiVersion: v1\nkind: Pod\nmetadata: {name: mine}\nspec:\n  containers: [{name: app, image: nginx}]\n";
    await page.getByTestId("editor").fill(draft);
    await page.getByTestId("pod-name").filter({ hasText: "pod/mine" }).waitFor();
    await page.goto(link);
    await page.getByTestId("pod-name").filter({ hasText: "pod/web" }).waitFor();
    assert.equal(await page.getByTestId("editor").inputValue(), FIXED);
    assert.equal(await page.getByTestId("step").textContent(), step);
    // Back leaves the link's page as it is; Forward opens the link again, and the draft is kept.
    await page.goBack();
    await page.goForward();
    await page.getByTestId("pod-name").filter({ hasText: "pod/web" }).waitFor();
    await page.getByTestId("restore-draft").click();
    await page.getByTestId("pod-name").filter({ hasText: "pod/mine" }).waitFor();
    assert.equal(await page.getByTestId("editor").inputValue(), draft);
    await screenshot(page, "link-in-open-tab");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("the sidecar example's link is at most 1,000 characters", async () => {
    const { page, context, problems } = await openPlayground();
    await page.getByTestId("copy-link").click();
    const length = Number((await page.getByTestId("share-length").textContent()).split(" ")[0]);
    assert.ok(length <= 1000, `${length} characters`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a damaged link says why and keeps the draft", async () => {
    const { page, context, problems } = await openPage(browser);
    await page.goto(`${server.url}/#v1.@@@`);
    await page.getByTestId("link-error").waitFor();
    assert.match(await page.getByTestId("link-error").textContent(), /not base64url text/);
    assert.equal(await page.getByTestId("pod-name").textContent(), "pod/sidecar-logging");
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("the stepper", () => {
  test("first, last, the scrubber and the keys move through the steps", async () => {
    const { page, context, problems } = await openPlayground();
    const step = () => page.getByTestId("step").textContent();
    await page.getByTestId("last").click();
    assert.equal(await step(), "4 of 4");
    assert.equal(await page.getByTestId("last").isDisabled(), true);
    await page.getByTestId("first").click();
    assert.equal(await step(), "1 of 4");
    await page.getByTestId("scrubber").fill("2");
    assert.equal(await step(), "3 of 4");
    // Keys move the steps unless a field has the focus.
    await page.locator("h1").click();
    await page.keyboard.press("ArrowRight");
    assert.equal(await step(), "4 of 4");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    assert.equal(await step(), "2 of 4");
    await page.getByTestId("editor").click();
    await page.keyboard.press("ArrowRight");
    assert.equal(await step(), "2 of 4");
    // Space plays; at 60× the Pod is Running within a fraction of a second.
    await page.getByTestId("speed").selectOption("60");
    await page.locator("h1").click();
    await page.keyboard.press(" ");
    await page.getByTestId("phase").filter({ hasText: "Running" }).waitFor({ timeout: 5_000 });
    assert.match(await page.getByTestId("clock").textContent(), /^t = 3s$/);
    await screenshot(page, "stepper");
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("the kubectl console", () => {
  test("answers at the current step, turns delete into an action, and recalls history", async () => {
    const { page, context, problems } = await openPlayground();
    const input = page.getByTestId("console-input");
    const output = page.getByTestId("console-output");
    await page.getByTestId("last").click();
    await runCommand(page, "kubectl get pods");
    assert.match(await output.textContent(), /sidecar-logging\s+2\/2\s+Running\s+0\s+3s/);
    const steps = await page.getByTestId("step").textContent();

    await runCommand(page, "kubectl delete pod sidecar-logging --grace-period=5");
    assert.match(await output.textContent(), /pod "sidecar-logging" deleted/);
    // The deletion is now part of the timeline: more steps, and Terminating after this one.
    await page.getByTestId("step").filter({ hasNotText: steps }).waitFor();
    const statuses = [];
    for (let i = 0; i < 10 && !(await page.getByTestId("next").isDisabled()); i++) {
      await page.getByTestId("next").click();
      statuses.push(await page.getByTestId("status").textContent());
    }
    assert.ok(statuses.includes("Terminating"), statuses.join(", "));

    await runCommand(page, "kubectl port-forward sidecar-logging 8080:80");
    assert.match(await output.textContent(), /this console does not run "kubectl port-forward/);
    await input.press("ArrowUp");
    await input.press("ArrowUp");
    assert.equal(await input.inputValue(), "kubectl delete pod sidecar-logging --grace-period=5");
    await screenshot(page, "console");
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("kubectl exec in the console", () => {
  test("reads what one container wrote from the other, and command text stays text", async () => {
    const { page, context, problems } = await openPlayground();
    await page.getByTestId("examples").selectOption("app-with-adapter");
    await page.getByTestId("pod-name").filter({ hasText: "pod/app-with-adapter" }).waitFor();
    await page.getByTestId("last").click();
    await settled(page);
    // The app container counts requests into the shared volume; the adapter reads them.
    const count = await runCommand(page, "kubectl exec app-with-adapter -c metrics-adapter -- cat /status/requests");
    assert.match(count, /^\s*\d+\s*$/);
    const listed = await runCommand(page, "kubectl exec app-with-adapter -- ls /var/app");
    assert.match(listed, /Defaulted container "app" out of: app, metrics-adapter/);
    assert.match(listed, /requests/);
    // Hostile text typed into a command comes back as text, never as markup.
    const hostile = await runCommand(page, "kubectl exec app-with-adapter -- sh -c 'echo \"<img src=x onerror=alert(1)>\"; exit 2'");
    assert.match(hostile, /<img src=x onerror=alert\(1\)>/);
    assert.match(hostile, /command terminated with exit code 2/);
    assert.equal(await page.getByTestId("console-output").locator("img").count(), 0);
    const missing = await runCommand(page, "kubectl exec app-with-adapter -c db -- ls");
    assert.match(missing, /container db is not valid for pod app-with-adapter/);
    await screenshot(page, "console-exec");
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("inside the container", () => {
  test("an interactive shell in the console: its prompt, cd, a file it writes seen from the other container, exit", async () => {
    const { page, context, problems } = await openPlayground();
    await page.getByTestId("examples").selectOption("inside-shared-volume");
    await page.getByTestId("pod-name").filter({ hasText: "pod/inside-shared-volume" }).waitFor();
    await page.getByTestId("last").click();
    await settled(page);
    const prompt = page.getByTestId("console-prompt");
    assert.equal(await prompt.textContent(), "$ ");
    await runCommand(page, "kubectl exec -it inside-shared-volume -c writer -- sh");
    // BusyBox's ash shows the working directory in its prompt.
    await page.getByTestId("console-prompt").filter({ hasText: "/ #" }).waitFor();
    await runCommand(page, "cd /data");
    assert.equal(await prompt.textContent(), "/data # ");
    // The scenario's exec at t = 20 s wrote the page nginx serves.
    assert.match(await runCommand(page, "cat index.html"), /Hello from the writer container/);
    assert.match(await runCommand(page, "curl -s localhost"), /Hello from the writer container/);
    // Hostile text stays text in the shell too.
    const hostile = await runCommand(page, "echo '<img src=x onerror=alert(1)>' > index.html; cat index.html");
    assert.match(hostile, /<img src=x onerror=alert\(1\)>/);
    assert.equal(await page.getByTestId("console-output").locator("img").count(), 0);
    // The write is an action of the scenario at this step: the action list shows it.
    await page.getByTestId("actions").filter({ hasText: "kubectl exec -c writer" }).waitFor();
    await settled(page);
    const closed = await runCommand(page, "exit 4");
    assert.match(closed, /command terminated with exit code 4/);
    assert.equal(await prompt.textContent(), "$ ");
    // The other container sees the file in its own mount of the volume.
    const seen = await runCommand(page, "kubectl exec inside-shared-volume -c web -- cat /usr/share/nginx/html/index.html");
    assert.match(seen, /<img src=x onerror=alert\(1\)>/);
    await screenshot(page, "console-shell");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("Open a shell from the diagram, and a share link replays what the shell changed", async () => {
    const { page, context, problems } = await openPlayground();
    await page.getByTestId("examples").selectOption("inside-shared-volume");
    await page.getByTestId("pod-name").filter({ hasText: "pod/inside-shared-volume" }).waitFor();
    await page.getByTestId("last").click();
    await settled(page);
    await page.getByTestId("open-shell-web").click();
    // nginx's image is Debian's: dash prompts "# ".
    await page.getByTestId("console-prompt").filter({ hasText: /^#\s*$/ }).waitFor();
    assert.match(await page.getByTestId("console-output").textContent(), /\$ kubectl exec -it inside-shared-volume -c web -- sh/);
    await runCommand(page, "echo shared by link > /usr/share/nginx/html/index.html");
    await page.getByTestId("actions").filter({ hasText: "shared by link" }).waitFor();
    await runCommand(page, "exit");
    await settled(page);
    await page.getByTestId("copy-link").click();
    const link = await page.getByTestId("share-link").inputValue();
    await context.close();

    const other = await openPage(browser);
    await other.page.goto(link);
    await other.page.getByTestId("pod-name").filter({ hasText: "pod/inside-shared-volume" }).waitFor();
    await settled(other.page);
    assert.match(await runCommand(other.page, "kubectl exec inside-shared-volume -c writer -- cat /data/index.html"), /shared by link/);
    assert.match(await runCommand(other.page, "kubectl exec inside-shared-volume -c writer -- wget -qO- localhost"), /shared by link/);
    await screenshot(other.page, "open-shell-link");
    assert.deepEqual(problems, []);
    assert.deepEqual(other.problems, []);
    await other.context.close();
  });

  test("a process killed from a shell in a shared process namespace restarts its container", async () => {
    const { page, context, problems } = await openPlayground();
    await page.getByTestId("examples").selectOption("shared-process-namespace");
    await page.getByTestId("pod-name").filter({ hasText: "pod/shared-process-namespace" }).waitFor();
    await page.getByTestId("last").click();
    await settled(page);
    // The lesson's kill at t = 30 s ended nginx (exit 0); the kubelet restarted it.
    assert.match(await runCommand(page, "kubectl get pods"), /shared-process-namespace\s+2\/2\s+Running\s+1 \(/);
    await runCommand(page, "kubectl exec -it shared-process-namespace -c shell -- sh");
    const ps = await runCommand(page, "ps ax");
    assert.match(ps, /1 root\s+0:00 \/pause/);
    assert.match(ps, /nginx: master process/);
    // The shell kills nginx again, at the step on screen: a second restart follows.
    await runCommand(page, "kill 2");
    await runCommand(page, "exit");
    await settled(page);
    await page.getByTestId("last").click();
    await settled(page);
    assert.match(await runCommand(page, "kubectl get pods"), /shared-process-namespace\s+2\/2\s+Running\s+2 \(/);
    await screenshot(page, "shell-kill");
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("debugging a container that has no shell", () => {
  test("kubectl debug adds an ephemeral container whose shell sees the target's processes, and describe lists it", async () => {
    const { page, context, problems } = await openPlayground();
    await page.getByTestId("examples").selectOption("ephemeral-demo");
    await page.getByTestId("pod-name").filter({ hasText: "pod/ephemeral-demo" }).waitFor();
    await page.getByTestId("last").click();
    await settled(page);
    const prompt = page.getByTestId("console-prompt");
    // The pause image has no shell.
    assert.match(await runCommand(page, "kubectl exec -it ephemeral-demo -- sh"), /executable file not found in \$PATH/);
    // The lesson's debug container runs: "Open a shell" reaches it.
    await page.getByTestId("open-shell-debugger-8xzrl").click();
    await prompt.filter({ hasText: "/ #" }).waitFor();
    assert.match(await runCommand(page, "ps"), /1 root\s+0:00 \/pause/);
    await runCommand(page, "exit");
    assert.equal(await prompt.textContent(), "$ ");
    // A second debug container from the console, one step back (where the lesson's is being
    // pulled): kubectl's notices, then a session that waits for the container to start.
    const lastStep = await page.getByTestId("step").textContent();
    await page.getByTestId("back").click();
    await page.getByTestId("step").filter({ hasNotText: lastStep }).waitFor();
    await settled(page);
    const told = await runCommand(page, "kubectl debug -it ephemeral-demo --image=busybox:1.28 --target=ephemeral-demo -c probe");
    assert.match(told, /Targeting container "ephemeral-demo"/);
    assert.match(told, /If you don't see a command prompt, try pressing enter\./);
    await prompt.filter({ hasText: "/ #" }).waitFor();
    assert.match(await runCommand(page, "ps"), /not running at this step yet/);
    const stepBefore = await page.getByTestId("step").textContent();
    await page.getByTestId("next").click();
    await page.getByTestId("step").filter({ hasNotText: stepBefore }).waitFor();
    await settled(page);
    assert.match(await page.getByTestId("narration").textContent(), /container 'probe' starts/);
    const ps = await runCommand(page, "ps");
    assert.match(ps, /1 root\s+0:00 \/pause/);
    assert.match(ps, /root\s+0:00 ps$/m);
    await screenshot(page, "debug-shell");
    await runCommand(page, "exit");
    assert.equal(await prompt.textContent(), "$ ");
    await settled(page);
    const described = await runCommand(page, "kubectl describe pod ephemeral-demo");
    assert.match(described, /Ephemeral Containers:\n  debugger-8xzrl:[\s\S]*State:          Running[\s\S]*  probe:[\s\S]*State:          Terminated\n      Reason:       Completed/);
    await page.getByTestId("actions").filter({ hasText: "kubectl debug -it ephemeral-demo --image=busybox:1.28 --target=ephemeral-demo -c probe" }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("a Pod deleted and applied again from the console", () => {
  test("the stepper, the diagram and the console follow the new Pod object", async () => {
    const { page, context, problems } = await openPlayground();
    const input = page.getByTestId("console-input");
    const output = page.getByTestId("console-output");
    const run = async (command) => {
      await runCommand(page, command);
    };
    await page.getByTestId("last").click();
    await run("kubectl delete pod sidecar-logging --grace-period=5");
    // The deletion adds steps; at the last one the kubelet has stopped the containers.
    await page.getByTestId("step").filter({ hasNotText: "4 of 4" }).waitFor();
    await page.getByTestId("last").click();
    const removedAt = await page.getByTestId("clock").textContent();
    assert.equal(removedAt, "t = 8s");
    assert.match(await page.getByTestId("narration").textContent(), /exits with code/);
    const stepsBefore = await page.getByTestId("step").textContent();
    await run("kubectl apply -f -");
    assert.match(await output.textContent(), /pod\/sidecar-logging created/);
    // The new object's steps follow: the removal is told, then the new object from Pending.
    await page.getByTestId("step").filter({ hasNotText: stepsBefore }).waitFor();
    assert.match(await page.getByTestId("narration").textContent(), /the API server removes pod\/sidecar-logging/i);
    await page.getByTestId("next").click();
    assert.equal(await page.getByTestId("status").textContent(), "Pending");
    assert.match(await page.getByTestId("pod-diagram").textContent(), /Pod IP not assigned yet/);
    assert.match(await page.getByTestId("narration").textContent(), /kubectl apply creates pod\/sidecar-logging again: a new object, with a new UID/);
    await page.getByTestId("last").click();
    assert.equal(await page.getByTestId("status").textContent(), "Running");
    // The node still has the images, so the new object runs 1.8 s after its creation.
    assert.equal(await page.getByTestId("clock").textContent(), "t = 9.8s");
    // The diagram draws the new object, with the node's next Pod IP.
    assert.match(await page.getByTestId("pod-diagram").textContent(), /Pod IP 10\.244\.0\.6/);
    // The console reads the same object: Running, one second old.
    await run("kubectl get pods");
    assert.match(await output.locator(".console-reply").last().textContent(), /sidecar-logging\s+2\/2\s+Running\s+0\s+1s/);
    await screenshot(page, "console-applied-again");
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("fault injection", () => {
  test("a crash becomes an action on the timeline, and removing it restores the timeline", async () => {
    const { page, context, problems } = await openPlayground();
    await page.getByTestId("last").click();
    assert.equal(await page.getByTestId("step").textContent(), "4 of 4");
    await page.getByTestId("fault-container").selectOption("app");
    await page.getByTestId("fault-kill").click();
    // "Crash" is the program failing by itself: exit code 1, as kubectl shows a crash (137 is a
    // SIGKILL, which only the OOM killer or a kill sends).
    assert.deepEqual(await page.getByTestId("action").locator("span").allTextContents(), [
      "t = 3s: crash container 'app'",
    ]);
    await page.getByTestId("step").filter({ hasNotText: "4 of 4" }).waitFor();
    for (let i = 0; i < 3 && (await page.getByTestId("status").textContent()) !== "Error"; i += 1) {
      await page.getByTestId("next").click();
    }
    assert.equal(await page.getByTestId("status").textContent(), "Error");
    assert.match(await page.getByTestId("narration").textContent(), /container 'app' exits with code 1 \(Error\)/i);
    // The crash and the restart that follows add steps after this one.
    await page.getByTestId("step").filter({ hasNotText: "4 of 4" }).waitFor();
    await page.getByTestId("last").click();
    const input = page.getByTestId("console-input");
    await runCommand(page, "kubectl get pods");
    assert.match(await page.getByTestId("console-output").textContent(), /sidecar-logging\s+\d\/2\s+\S+\s+1\b/);
    await screenshot(page, "fault-injection");
    await page.getByTestId("remove-action").click();
    await settled(page);
    assert.equal(await page.getByTestId("action").count(), 0);
    assert.equal(await page.getByTestId("step").textContent(), "4 of 4");
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("faults and their remedies", () => {
  /** The STATUS of every step from the current one to the last. */
  async function statusesToTheEnd(page) {
    await settled(page);
    const statuses = [await page.getByTestId("status").textContent()];
    for (let i = 0; i < 40 && !(await page.getByTestId("next").isDisabled()); i++) {
      await page.getByTestId("next").click();
      statuses.push(await page.getByTestId("status").textContent());
    }
    assert.ok(await page.getByTestId("next").isDisabled(), "the last step is reached");
    return statuses;
  }

  test("a failed image pull backs off until it is fixed; a deleted Pod comes back with Apply", async () => {
    const { page, context, problems } = await openPlayground();
    await page.getByTestId("fault-container").selectOption("app");
    await page.getByTestId("fault-pull").click();
    await page.getByTestId("action").first().waitFor();
    // From the first step on, the pulls of 'app' fail and the kubelet backs off.
    const failing = await statusesToTheEnd(page);
    assert.ok(failing.includes("ErrImagePull") && failing.includes("ImagePullBackOff"), failing.join(", "));
    assert.notEqual(failing.at(-1), "Running");
    // Fixed at the first back-off: the next pull works and the Pod runs.
    await page.getByTestId("first").click();
    for (let i = 0; i < 40 && (await page.getByTestId("status").textContent()) !== "ImagePullBackOff"; i++) {
      await page.getByTestId("next").click();
    }
    assert.equal(await page.getByTestId("status").textContent(), "ImagePullBackOff");
    await page.getByTestId("fault-fix-pull").click();
    await page.getByTestId("action").nth(1).waitFor();
    const fixed = await statusesToTheEnd(page);
    assert.equal(fixed.at(-1), "Running", fixed.join(", "));
    assert.deepEqual((await page.getByTestId("action").locator("span").allTextContents()).map((t) => t.replace(/^t = \S+: /, "")), [
      "image pulls of 'app' fail",
      "image pulls of 'app' work",
    ]);

    // Delete Pod, then Apply Pod once it is gone: a new object runs, with the next Pod IP.
    await page.getByTestId("fault-delete").click();
    await page.getByTestId("action").nth(2).waitFor();
    await statusesToTheEnd(page);
    await page.getByTestId("fault-apply").click();
    await page.getByTestId("action").nth(3).waitFor();
    const afterApply = await statusesToTheEnd(page);
    assert.equal(afterApply.at(-1), "Running", afterApply.join(", "));
    assert.match(await page.getByTestId("pod-diagram").textContent(), /Pod IP 10\.244\.0\.6/);
    await screenshot(page, "fault-remedies");
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("the editor", () => {
  test("Tab inserts two spaces, undo takes them back, and Escape then Tab leaves", async () => {
    const { page, context, problems } = await openPlayground();
    const editor = page.getByTestId("editor");
    await editor.fill("a:\n");
    await editor.click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Tab");
    assert.equal(await editor.inputValue(), "a:\n  ");
    await page.keyboard.press("Control+Z");
    assert.equal(await editor.inputValue(), "a:\n");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Tab");
    assert.notEqual(await page.evaluate(() => document.activeElement?.dataset?.testid ?? ""), "editor");
    assert.deepEqual(problems, []);
    await context.close();
  });
});

