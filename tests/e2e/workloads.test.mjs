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
