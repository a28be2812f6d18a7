// README command 1: `scripts/serve` builds the playground and serves it, and the page works.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { test } from "node:test";
import { launchChromium, openPage, ROOT } from "./support.mjs";

/** A port that is free on 127.0.0.1 right now. */
async function freePort() {
  const probe = createServer();
  await new Promise((done) => probe.listen(0, "127.0.0.1", done));
  const { port } = probe.address();
  await new Promise((done) => probe.close(done));
  return port;
}

/** Polls `url` until it answers 200, or fails after `timeoutMs`. */
async function waitForPage(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`scripts/serve exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok && (await response.text()).includes("podplay-web")) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 1000));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

test("scripts/serve builds and serves a working playground", { timeout: 20 * 60_000 }, async () => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const log = [];
  // Its own process group, so that trunk and cargo stop with it.
  const child = spawn(join(ROOT, "scripts", "serve"), ["--port", String(port)], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (chunk) => log.push(chunk.toString()));
  child.stderr.on("data", (chunk) => log.push(chunk.toString()));
  const browser = await launchChromium();
  try {
    await waitForPage(url, child, 19 * 60_000);
    const { page, problems } = await openPage(browser);
    await page.goto(url);
    await page.getByTestId("pod-name").waitFor();
    assert.equal(await page.getByTestId("pod-name").textContent(), "pod/sidecar-logging");
    assert.equal(await page.getByTestId("container-box").count(), 2);
    assert.deepEqual(problems, []);
  } catch (error) {
    error.message += `\n--- scripts/serve output:\n${log.join("").slice(-4000)}`;
    throw error;
  } finally {
    await browser.close();
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  }
});
