// Shared support for the end-to-end tests: a static file server for dist/, and Chromium with
// console and page-error capture. No test framework beyond node:test and playwright-core.
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const DIST = join(ROOT, "dist");
export const SCREENSHOTS = join(ROOT, "target", "e2e");
/** The sub-path a course page might serve the playground from. */
export const SUB_PATH = "/courses/k8s/podplay/";

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};

/**
 * Serves `dist/` (or `dir`) on 127.0.0.1 both at `/` and at `SUB_PATH`, as any static host
 * would: no rewriting, no server logic. A file's precompressed copy (`NAME.br`, else `NAME.gz`)
 * is served when the browser accepts its encoding, as hosts that serve precompressed files do (turn it off with
 * `precompressed: false`). Extra pages (such as an iframe host) can be given by path, and
 * `fail` names paths that answer 503, as a failing host would.
 */
export async function serveDist({ pages = {}, dir = DIST, precompressed = true, fail = () => false } = {}) {
  if (!existsSync(join(dir, "index.html"))) {
    throw new Error(`${dir}/index.html is missing: build it first with scripts/dist (scripts/test does)`);
  }
  const requests = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    requests.push(path);
    if (pages[path]) {
      response.writeHead(200, { "content-type": MIME[".html"] });
      response.end(pages[path]);
      return;
    }
    if (fail(path)) {
      response.writeHead(503, { "content-type": "text/plain" });
      response.end("service unavailable");
      return;
    }
    const relative = path.startsWith(SUB_PATH) ? path.slice(SUB_PATH.length) : path.slice(1);
    const file = normalize(join(dir, relative || "index.html"));
    if (!file.startsWith(dir + sep) || !existsSync(file) || statSync(file).isDirectory()) {
      const index = join(file, "index.html");
      if (file.startsWith(dir) && existsSync(index)) {
        response.writeHead(200, { "content-type": MIME[".html"] });
        response.end(readFileSync(index));
        return;
      }
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("not found");
      return;
    }
    const type = MIME[extname(file)] ?? "application/octet-stream";
    const accepted = request.headers["accept-encoding"] ?? "";
    for (const [encoding, suffix] of [["br", ".br"], ["gzip", ".gz"]]) {
      if (precompressed && new RegExp(`\\b${encoding}\\b`).test(accepted) && existsSync(`${file}${suffix}`)) {
        response.writeHead(200, { "content-type": type, "content-encoding": encoding, vary: "accept-encoding" });
        response.end(readFileSync(`${file}${suffix}`));
        return;
      }
    }
    response.writeHead(200, { "content-type": type });
    response.end(readFileSync(file));
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((done) => server.close(done)),
  };
}

/** Launches Debian's Chromium headless, with flags that keep it off the network, and `extra`. */
export function launchChromium(extra = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...extra,
    ],
  });
}

/**
 * Opens a new page in its own context (fresh storage), recording console errors, page errors
 * and failed requests, so that a test can assert there were none.
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, ...options });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") {
      problems.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  // A request the page itself cancels (a reload while a script loads after the first paint,
  // such as static/shell.js) fails with net::ERR_ABORTED and is no problem; a missing file
  // shows as its HTTP status below.
  page.on("requestfailed", (request) => {
    if (request.failure()?.errorText !== "net::ERR_ABORTED") problems.push(`request failed: ${request.url()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return { page, context, problems };
}

/**
 * Opens `url` in a fresh page (see `openPage`, whose options it takes), runs `setUp(context)`
 * first when given (to add init scripts), and waits for the page's first Pod.
 */
export async function openApp(browser, url, { setUp, ...options } = {}) {
  const opened = await openPage(browser, options);
  if (setUp) await setUp(opened.context);
  await opened.page.goto(url);
  await opened.page.getByTestId("pod-name").first().waitFor({ state: "attached" });
  // The model thread's first answers (the lifecycle) are drawn, as a person would see them.
  await settled(opened.page);
  return opened;
}

/** Saves a screenshot under target/e2e/ and returns its path. */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Types `command` into the kubectl console of `scope` (a page or a frame) and waits for its
 * answer, which comes from the model thread a moment later; returns the answer's text.
 */
export async function runCommand(scope, command) {
  const input = scope.getByTestId("console-input");
  const output = scope.getByTestId("console-output");
  const asked = await output.locator(".console-command").count();
  await input.fill(command);
  await input.press("Enter");
  await output.locator(".console-command").nth(asked).waitFor();
  // A command that prints nothing (a shell's `cd`) has an empty answer: attached, not visible.
  await output.locator(".console-reply").nth(asked).waitFor({ state: "attached" });
  return output.locator(".console-reply").nth(asked).textContent();
}

/**
 * Waits until every view of `scope` (a page or a frame) has followed the last change: the
 * editor's text and the scenario reach the model thread, and its answers are drawn.
 */
export async function settled(scope) {
  await scope.locator('main.panels[aria-busy="false"]').waitFor({ state: "attached" });
}
