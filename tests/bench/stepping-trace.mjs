// A Chromium performance trace of stepping a 100-replica Deployment (its image changed at 1 min)
// on the release page in dist/: three passes of Next, 200 ms apart, then the main thread's tasks
// over 4 ms, sorted, so the slowest steps can be told apart from the model thread's work (a
// trace has both; only CrRendererMain counts here). Usage: node tests/bench/stepping-trace.mjs
// (writes /tmp/trace.json). Not part of scripts/test or scripts/bench.
import { deflateRawSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { launchChromium, openPage, serveDist } from "../e2e/support.mjs";
import { installProbe } from "./probe.mjs";
const manifest = ["apiVersion: apps/v1","kind: Deployment","metadata:","  name: web","spec:","  replicas: 100","  selector:","    matchLabels:","      app: web","  template:","    metadata:","      labels:","        app: web","    spec:","      containers:","      - name: nginx","        image: nginx:1.27",""].join("\n");
const nodes = Array.from({ length: 10 }, (_, i) => ({ name: `node-${i + 1}` }));
const actions = [{ at: "1m", do: "setImage", workload: "deployment/web", container: "nginx", image: "nginx:1.28" }];
const link = `#v1.${deflateRawSync(Buffer.from(JSON.stringify({ scenario: { version: 1, manifest, nodes, horizon: "10m", actions }, step: 0 })), { level: 9 }).toString("base64url")}`;
const server = await serveDist({ precompressed: false });
const browser = await launchChromium();
const { page, context } = await openPage(browser);
await context.addInitScript(installProbe);
await page.goto(`${server.url}/${link}`);
await page.getByTestId("pod-name").filter({ hasText: "deployment.apps/web" }).waitFor();
await page.waitForTimeout(1500);
await browser.startTracing(page, { path: "/tmp/trace.json", categories: ["devtools.timeline", "v8", "disabled-by-default-devtools.timeline"] });
const times = await page.evaluate(async () => {
  const settled = window.__probe.settled;
  const out = [];
  for (let pass = 0; pass < 3; pass += 1) {
    document.querySelector('[data-testid="first"]').click();
    await settled();
    await new Promise((r) => setTimeout(r, 300));
    const next = document.querySelector('[data-testid="next"]');
    while (!next.disabled) {
      performance.mark("step-start");
      const start = performance.now();
      next.click();
      await settled();
      out.push(Math.round((performance.now() - start) * 10) / 10);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return out;
});
await browser.stopTracing();
console.log(JSON.stringify(times));
const trace = JSON.parse(readFileSync("/tmp/trace.json", "utf8"));
const events = trace.traceEvents ?? trace;
const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
const tasks = events.filter((e) => e.name === "RunTask" && e.tid === main?.tid && e.pid === main?.pid && e.dur > 4000);
const durations = tasks.map((t) => Math.round(t.dur / 100) / 10).sort((a, b) => a - b);
console.log("main-thread tasks over 4 ms:", durations.length, "over 16 ms:", durations.filter((d) => d > 16).length, "max", durations.at(-1), JSON.stringify(durations));
await context.close(); await browser.close(); await server.close();
