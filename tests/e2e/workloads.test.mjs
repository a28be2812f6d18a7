// End-to-end tests of workloads on the page (issue 18), as a person would use them: a pasted
// Deployment is checked, drawn from its Pod template and run; its Pods carry the controller's
// names; a deleted Pod is replaced; scaling and a new image answer as kubectl does; a Job's
// failures are new Pods until its backoffLimit fails it.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { launchChromium, openApp, runCommand, screenshot, serveDist, settled } from "./support.mjs";

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

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
`;

/** The rows of a `kubectl get` table, header left out. */
const rows = (table) => table.trim().split("\n").slice(1);

describe("a Deployment", () => {
  test("is drawn from its template; its ReplicaSet's Pods run, a deleted one is replaced, and it scales", async () => {
    const { page, context, problems } = await openApp(browser, `${server.url}/`);
    await page.getByTestId("editor").fill(DEPLOYMENT);
    await page.getByTestId("pod-name").filter({ hasText: "deployment.apps/web" }).waitFor();
    await settled(page);
    // Checked by the API server's rules, drawn from the template, and said to be a template.
    await page.getByTestId("no-problems").waitFor();
    assert.match(await page.getByTestId("template-origin").textContent(), /makes its Pods from this template/);
    assert.equal(await page.getByTestId("container-box").count(), 1);
    // The lifecycle follows the first Pod the ReplicaSet makes.
    await page.getByTestId("last").click();
    assert.equal(await page.getByTestId("status").textContent(), "Running");
    const deployments = await runCommand(page, "kubectl get deploy");
    assert.match(deployments, /^web\s+3\/3\s+3\s+3\s/m);
    const replicaSets = await runCommand(page, "kubectl get rs");
    const [rs] = rows(replicaSets);
    const rsName = rs.split(/\s+/)[0];
    assert.match(rsName, /^web-[456789bcdf]{6,10}$/);
    const pods = rows(await runCommand(page, "kubectl get pods"));
    assert.equal(pods.length, 3);
    for (const row of pods) {
      assert.match(row, new RegExp(`^${rsName}-[bcdfghjklmnpqrstvwxz2456789]{5}\\s+1/1\\s+Running`));
    }
    // A deleted Pod is replaced at once by its ReplicaSet.
    const victim = pods[0].split(/\s+/)[0];
    assert.equal((await runCommand(page, `kubectl delete pod ${victim}`)).trim(), `pod "${victim}" deleted`);
    await settled(page);
    const after = rows(await runCommand(page, "kubectl get pods"));
    assert.ok(after.some((row) => row.startsWith(victim) && /Terminating/.test(row)), after.join("\n"));
    assert.equal(after.filter((row) => !row.startsWith(victim)).length, 3, after.join("\n"));
    // Scaling and a new image answer as kubectl does.
    assert.equal((await runCommand(page, "kubectl scale deploy/web --replicas=5")).trim(), "deployment.apps/web scaled");
    await settled(page);
    assert.equal((await runCommand(page, "kubectl set image deployment/web nginx=nginx:1.28")).trim(), "deployment.apps/web image updated");
    await settled(page);
    assert.match(await runCommand(page, "kubectl rollout status deployment/web"), /^Waiting for deployment "web" rollout to finish: \d out of 5 new replicas have been updated\.\.\./);
    await screenshot(page, "deployment");
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("a Job", () => {
  test("the lesson's failures: a new Pod after each back-off, then Failed past its backoffLimit", async () => {
    const { page, context, problems } = await openApp(browser, `${server.url}/`);
    await page.getByTestId("examples").selectOption("job-backoff-limit");
    await page.getByTestId("pod-name").filter({ hasText: "job.batch/flaky" }).waitFor();
    await settled(page);
    await page.getByTestId("no-problems").waitFor();
    assert.match(await page.getByTestId("lesson").textContent(), /backoffLimit: 2/);
    // The first Pod the Job made fails; the stepper's last step is its Error.
    await page.getByTestId("last").click();
    assert.equal(await page.getByTestId("status").textContent(), "Error");
    // At the scenario's end (2 min), three Pods failed and the Job with them.
    const jobs = await runCommand(page, "kubectl get jobs");
    assert.match(jobs, /^flaky\s+Failed\s+0\/1\s/m, jobs);
    const pods = rows(await runCommand(page, "kubectl get pods"));
    assert.equal(pods.length, 3, pods.join("\n"));
    for (const row of pods) {
      assert.match(row, /^flaky-[bcdfghjklmnpqrstvwxz2456789]{5}\s+0\/1\s+Error\s+0\s/);
    }
    const events = await runCommand(page, "kubectl get events");
    assert.match(events, /Warning\s+BackoffLimitExceeded\s+job\/flaky\s+Job has reached the specified backoff limit/);
    assert.equal((events.match(/SuccessfulCreate\s+job\/flaky/g) ?? []).length, 3, events);
    const logs = await runCommand(page, "kubectl logs job/flaky");
    assert.match(logs, /^Found 3 pods, using pod\/flaky-\w{5}\nconnecting to the database\.\.\.\nno database/);
    await screenshot(page, "job-backoff-limit");
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("a rollout", () => {
  test("walks step by step: the Deployment controller's scalings are told, and the console answers at each step", async () => {
    const { page, context, problems } = await openApp(browser, `${server.url}/`);
    await page.getByTestId("examples").selectOption("rollout-held-by-readiness");
    await page.getByTestId("pod-name").filter({ hasText: "deployment.apps/web" }).waitFor();
    await settled(page);
    if (await page.getByTestId("first").isEnabled()) await page.getByTestId("first").click();
    // Step on to the image change at 30 s: the controller's scalings are that step's story.
    let narration = "";
    while (await page.getByTestId("next").isEnabled()) {
      await page.getByTestId("next").click();
      narration = await page.getByTestId("narration").textContent();
      if (/Scaled up replica set/.test(narration)) break;
    }
    assert.equal(await page.getByTestId("clock").textContent(), "t = 30s");
    const scalings = [...narration.matchAll(/Scaled (up|down) replica set web-\w+ from (\d+) to (\d+)/g)].map((m) => `${m[1]} ${m[2]}→${m[3]}`);
    assert.deepEqual(scalings, ["up 0→1", "down 4→3", "up 1→2"], narration);
    const replicaSets = rows(await runCommand(page, "kubectl get rs")).map((row) => row.split(/\s+/).slice(1, 3).join(" "));
    assert.deepEqual(replicaSets.sort(), ["2 2", "3 3"]);
    // At the end the rollout still waits: the new Pods are never Ready.
    await page.getByTestId("last").click();
    assert.match(await runCommand(page, "kubectl rollout status deployment/web"), /^Waiting for deployment "web" rollout to finish: 2 out of 4 new replicas have been updated\.\.\./);
    const pods = rows(await runCommand(page, "kubectl get pods"));
    assert.equal(pods.filter((row) => /\s0\/1\s+Running\s/.test(row)).length, 2, pods.join("\n"));
    assert.equal(pods.filter((row) => /\s1\/1\s+Running\s/.test(row)).length, 3, pods.join("\n"));
    await screenshot(page, "rollout-held");
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("the workload lessons", () => {
  const lessons = [
    ["deployment-node-loss", "pod/naked-pod"],
    ["rollout-held-by-readiness", "deployment.apps/web"],
    ["job-backoff-limit", "job.batch/flaky"],
    ["cron-job", "cronjob.batch/hello"],
    ["static-pod-vs-daemonset", "pod/static-web"],
    ["stateful-set", "statefulset.apps/web"],
  ];
  for (const [id, shown] of lessons) {
    test(`${id}: its share link opens the same manifest, scenario and step`, async () => {
      const { page, context, problems } = await openApp(browser, `${server.url}/`);
      await page.getByTestId("examples").selectOption(id);
      await page.getByTestId("pod-name").filter({ hasText: shown }).waitFor();
      await settled(page);
      await page.getByTestId("last").click();
      const step = await page.getByTestId("step").textContent();
      const pods = await runCommand(page, "kubectl get pods -o wide");
      await page.getByTestId("copy-link").click();
      const link = await page.getByTestId("share-link").inputValue();
      const manifest = await page.getByTestId("editor").inputValue();
      await context.close();

      const other = await openApp(browser, link);
      await other.page.getByTestId("pod-name").filter({ hasText: shown }).waitFor();
      await settled(other.page);
      assert.equal(await other.page.getByTestId("editor").inputValue(), manifest);
      assert.equal(await other.page.getByTestId("step").textContent(), step);
      assert.equal(await runCommand(other.page, "kubectl get pods -o wide"), pods);
      assert.deepEqual(problems, []);
      assert.deepEqual(other.problems, []);
      await other.context.close();
    });
  }
});

describe("the cluster view", () => {
  test("follows the stepper: a lost node's Pods, the replacement on the other node, and the owners", async () => {
    const { page, context, problems } = await openApp(browser, `${server.url}/`);
    await page.getByTestId("examples").selectOption("deployment-node-loss");
    await page.getByTestId("pod-name").filter({ hasText: "pod/naked-pod" }).waitFor();
    await settled(page);
    // At the start both nodes are Ready and hold the Pods.
    if (await page.getByTestId("first").isEnabled()) await page.getByTestId("first").click();
    const cluster = page.getByTestId("cluster");
    await cluster.getByTestId("cluster-node").first().waitFor();
    const nodeText = async () => (await cluster.getByTestId("cluster-node").allTextContents()).map((t) => t.replace(/\s+/g, " ").trim());
    // At the last step node-1 is NotReady; the Deployment's replacement runs on node-2.
    await page.getByTestId("last").click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll("[data-testid=cluster-node]")].some((node) => node.textContent.includes("NotReady")),
    );
    const nodes = await nodeText();
    assert.equal(nodes.length, 2, nodes.join("\n"));
    assert.match(nodes[0], /^node-1 NotReady/, nodes.join("\n"));
    assert.match(nodes[0], /naked-pod/);
    assert.match(nodes[1], /^node-2 Ready/, nodes.join("\n"));
    assert.match(nodes[1], /web-\w+-\w{5} 1\/1 Running/);
    const owners = (await cluster.getByTestId("cluster-owner").allTextContents()).map((t) => t.replace(/\s+/g, " ").trim());
    assert.match(owners[0], /^deployment\.apps\/web /, owners.join("\n"));
    assert.match(owners[1], /^replicaset\.apps\/web-\w+ /, owners.join("\n"));
    assert.ok(owners.some((row) => /^pod\/naked-pod /.test(row)), owners.join("\n"));
    await cluster.scrollIntoViewIfNeeded();
    await screenshot(page, "cluster-view");

    // Choosing the replacement (by keyboard) draws it and the stepper tells its story: it was
    // made on node-2 after the eviction, and runs.
    const replacement = cluster.getByTestId("cluster-node").nth(1).getByTestId("cluster-pod").filter({ hasText: "Running" }).last();
    const name = (await replacement.textContent()).trim().split(/\s+/)[0];
    await replacement.focus();
    await page.keyboard.press("Enter");
    assert.equal(await replacement.getAttribute("aria-pressed"), "true");
    await page.waitForFunction((name) => document.querySelector("[data-testid=pod-diagram]")?.textContent.includes(name), name);
    await settled(page);
    assert.equal(await page.getByTestId("drawn-chosen").textContent(), `The diagram draws pod/${name}, chosen in the cluster view below.`);
    if (await page.getByTestId("last").isEnabled()) await page.getByTestId("last").click();
    assert.equal(await page.getByTestId("status").textContent(), "Running");
    const told = await page.getByTestId("tick").evaluateAll((ticks) => ticks.map((tick) => tick.title).join("\n"));
    assert.match(told, /node-2/, told);
    await screenshot(page, "cluster-view-selected");
    // The choice travels in a share link.
    await page.getByTestId("copy-link").click();
    const link = await page.getByTestId("share-link").inputValue();
    const other = await openApp(browser, link);
    await other.page.waitForFunction((name) => document.querySelector("[data-testid=pod-diagram]")?.textContent.includes(name), name);
    await other.page.getByTestId("cluster").getByTestId("cluster-pod").filter({ hasText: name }).waitFor();
    assert.equal(await other.page.getByTestId("cluster").getByTestId("cluster-pod").filter({ hasText: name }).getAttribute("aria-pressed"), "true");
    // Choosing it again goes back to the first Pod of the manifest.
    await other.page.getByTestId("cluster").getByTestId("cluster-pod").filter({ hasText: name }).click();
    await other.page.waitForFunction((name) => !document.querySelector("[data-testid=pod-diagram]")?.textContent.includes(name), name);
    assert.match(await other.page.getByTestId("pod-diagram").textContent(), /naked-pod/);
    assert.equal(await other.page.getByTestId("drawn-chosen").count(), 0);
    assert.deepEqual(other.problems, []);
    await other.context.close();
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("the cluster view's actions", () => {
  test("a node added, a lost one, a Deployment scaled, given a new image and rolled back, each an action at the step on screen", async () => {
    const { page, context, problems } = await openApp(browser, `${server.url}/`);
    await page.getByTestId("editor").fill(DEPLOYMENT);
    await page.getByTestId("pod-name").filter({ hasText: "deployment.apps/web" }).waitFor();
    await settled(page);
    const cluster = page.getByTestId("cluster");
    await cluster.getByTestId("cluster-node").first().waitFor();
    const toLast = async () => {
      if (await page.getByTestId("last").isEnabled()) await page.getByTestId("last").click();
    };
    const actions = async () => (await page.getByTestId("action").allTextContents()).map((t) => t.replace(/×$/, "").trim());
    // A second node joins at the first step.
    if (await page.getByTestId("first").isEnabled()) await page.getByTestId("first").click();
    await cluster.getByTestId("add-node").click();
    await settled(page);
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=cluster-node]").length === 2);
    assert.deepEqual(await actions(), ["t = 0s: node node-2 joins the cluster"]);
    // Scaled to 4 at the last step: the fourth Pod runs.
    await toLast();
    await settled(page);
    const deployment = cluster.getByTestId("cluster-owner").filter({ hasText: "deployment.apps/web" });
    await deployment.getByTestId("scale-up").click();
    await settled(page);
    assert.match((await actions())[1], /^t = \d+s: kubectl scale deployment\/web --replicas=4$/);
    await toLast();
    assert.match(await runCommand(page, "kubectl get deploy"), /^web\s+\d\/4\s+4\s/m);
    // A new image rolls out: a second ReplicaSet; then a roll back is offered, and taken.
    await settled(page);
    // "Set image…" writes the command in the console, the image selected for typing over.
    await deployment.getByTestId("set-image").click();
    const input = page.getByTestId("console-input");
    await page.waitForFunction(() => document.activeElement?.dataset.testid === "console-input");
    assert.equal(await input.inputValue(), "kubectl set image deployment/web nginx=nginx:1.27");
    await page.keyboard.type("nginx:1.28");
    await page.keyboard.press("Enter");
    await page.getByTestId("console-output").filter({ hasText: "deployment.apps/web image updated" }).waitFor();
    await settled(page);
    assert.match((await actions())[2], /kubectl set image deployment\/web nginx=nginx:1\.28$/);
    await toLast();
    await settled(page);
    assert.equal(rows(await runCommand(page, "kubectl get rs")).length, 2);
    await deployment.getByTestId("roll-back").click();
    await settled(page);
    assert.match((await actions())[3], /kubectl rollout undo deployment\/web$/);
    // node-1 is lost at the last step, and the panel says so once the controller marks it.
    await toLast();
    await settled(page);
    await cluster.getByTestId("cluster-node").first().getByTestId("node-fault").click();
    await settled(page);
    assert.match((await actions())[4], /node node-1 is lost$/);
    await toLast();
    await page.waitForFunction(() =>
      [...document.querySelectorAll("[data-testid=cluster-node]")].some((node) => node.textContent.includes("node-1 NotReady")),
    );
    await cluster.scrollIntoViewIfNeeded();
    await screenshot(page, "cluster-actions");
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("editing while the scenario runs", () => {
  test("an edit at a later step is a kubectl apply there: a Deployment rolls out, and the link keeps both texts", async () => {
    const { page, context, problems } = await openApp(browser, `${server.url}/`);
    await page.getByTestId("editor").fill(DEPLOYMENT);
    await page.getByTestId("pod-name").filter({ hasText: "deployment.apps/web" }).waitFor();
    await settled(page);
    const actions = async () => (await page.getByTestId("action").allTextContents()).map((t) => t.replace(/×$/, "").trim());
    // At the first step, an edit is the manifest itself: no action, no note.
    if (await page.getByTestId("first").isEnabled()) await page.getByTestId("first").click();
    assert.equal(await page.getByTestId("edit-applies").isVisible(), false);
    // At the last step the note says what an edit does; the edit is an apply there.
    await page.getByTestId("last").click();
    await settled(page);
    const clock = await page.getByTestId("clock").textContent();
    await page.getByTestId("edit-applies").waitFor();
    assert.match(await page.getByTestId("edit-applies").textContent(), /kubectl apply at the step on screen/);
    const editor = page.getByTestId("editor");
    await editor.fill(DEPLOYMENT.replace("nginx:1.27", "nginx:1.28"));
    await settled(page);
    const at = clock.replace("t = ", "");
    assert.deepEqual(await actions(), [`t = ${at}: kubectl apply -f - (the edited manifest)`]);
    // Typing on at the same step changes the same apply.
    await editor.fill(DEPLOYMENT.replace("nginx:1.27", "nginx:1.29").replace("replicas: 3", "replicas: 2"));
    await settled(page);
    assert.equal((await actions()).length, 1);
    assert.match(await page.getByTestId("narration").textContent(), /kubectl apply -f - \(the edited manifest\): deployment\.apps\/web configured\./);
    // The rollout follows: at the end, the new ReplicaSet has the two Pods, of the new image.
    await page.getByTestId("last").click();
    await settled(page);
    const sets = rows(await runCommand(page, "kubectl get rs -o wide"));
    assert.equal(sets.length, 2, sets.join("\n"));
    assert.ok(sets.some((row) => /\s2\s+2\s+2\s.*nginx:1\.29/.test(row)), sets.join("\n"));
    await screenshot(page, "apply-on-edit");
    // The share link carries the manifest applied at the start and the edit.
    await page.getByTestId("copy-link").click();
    const link = await page.getByTestId("share-link").inputValue();
    const edited = await editor.inputValue();
    const step = await page.getByTestId("step").textContent();
    await context.close();
    const other = await openApp(browser, link);
    await other.page.getByTestId("pod-name").filter({ hasText: "deployment.apps/web" }).waitFor();
    await settled(other.page);
    assert.equal(await other.page.getByTestId("editor").inputValue(), edited);
    assert.equal(await other.page.getByTestId("step").textContent(), step);
    assert.equal(rows(await runCommand(other.page, "kubectl get rs -o wide")).length, 2);
    // Back at the first step, an edit is the manifest applied at the start: the apply goes.
    await other.page.getByTestId("first").click();
    await other.page.getByTestId("editor").fill(DEPLOYMENT);
    await settled(other.page);
    assert.equal(await other.page.getByTestId("action").count(), 0);
    assert.deepEqual(problems, []);
    assert.deepEqual(other.problems, []);
    await other.context.close();
  });

  test("a naked Pod: a new image restarts its container; another change is refused as the API server refuses it", async () => {
    const { page, context, problems } = await openApp(browser, `${server.url}/`);
    const pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: nginx\n    image: nginx:1.27\n    ports:\n    - containerPort: 80\n";
    await page.getByTestId("editor").fill(pod);
    await page.getByTestId("pod-name").filter({ hasText: "pod/web" }).waitFor();
    await settled(page);
    await page.getByTestId("last").click();
    await settled(page);
    await page.getByTestId("editor").fill(pod.replace("containerPort: 80", "containerPort: 8080"));
    await settled(page);
    assert.match(await page.getByTestId("narration").textContent(), /The Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than/);
    await page.getByTestId("editor").fill(pod.replace("nginx:1.27", "nginx:1.28"));
    await settled(page);
    assert.match(await page.getByTestId("narration").textContent(), /pod\/web configured/);
    await page.getByTestId("last").click();
    await settled(page);
    assert.match(await runCommand(page, "kubectl get pods"), /^web\s+1\/1\s+Running\s+1 \(/m);
    assert.match(await runCommand(page, "kubectl describe pod web"), /Killing\s.*Container nginx definition changed, will be restarted/);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
