// Writes the README's performance table from the benchmarks' output (scripts/bench): the page's
// harness (target/bench/harness.json), the keystroke benchmark over every gallery example
// (target/bench/keystroke.json), criterion's native figures (target/criterion) and the peer
// comparison (target/bench/compare.json). The table goes between the README's
// `<!-- bench:begin -->` and `<!-- bench:end -->` lines, with the date and the machine.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { ROOT } from "../e2e/support.mjs";

const read = (path) => JSON.parse(readFileSync(join(ROOT, path), "utf8"));
const harness = read("target/bench/harness.json");
const keystroke = read("target/bench/keystroke.json");
const compare = read("target/bench/compare.json");

/** Criterion's median estimate of a benchmark, in nanoseconds, or null. */
function criterion(group, name) {
  const path = join(ROOT, "target/criterion", group, name, "new/estimates.json");
  return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")).median.point_estimate : null;
}
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const ms = (value) => `${value.toFixed(1)} ms`;
const verdict = (value, budget) => (value <= budget ? "within" : "over");

const corpus = criterion("pipeline", "docs corpus (pods)");
const simulator = criterion("simulator", "10 minutes of a 10-container Pod that crash-loops");
const cluster = criterion("simulator", "10 minutes of 100 Pods of 3 containers on 10 nodes");
// The old, plan-ahead simulator's figure for the crash loop, measured in the same criterion run as
// the discrete-event cluster before the old code was deleted (README, "The virtual cluster's
// speed"): the cluster must stay at or under it.
const OLD_SIMULATOR_US = 409;
const CLUSTER_BUDGET_MS = 25;
const rows = [
  ["first load, gzip (raw; brotli)", `${kb(harness.bytes.gzip)} (${kb(harness.bytes.raw)}; ${kb(harness.bytes.brotli)})`, `${harness.budgets.compressedKB} KB`, verdict(harness.bytes.gzip / 1024, harness.budgets.compressedKB)],
  ["navigation to interactive (editor takes input, diagram drawn)", `${harness.interactiveMs.toFixed(0)} ms`, `${harness.budgets.interactiveMs} ms`, verdict(harness.interactiveMs, harness.budgets.interactiveMs)],
  [`keystroke to all views updated, ${keystroke.examples.length} gallery examples (${keystroke.examples.reduce((n, e) => n + e.keystrokes, 0)} keystrokes)`, `${ms(keystroke.median)} (p95 ${ms(keystroke.p95)})`, `${harness.budgets.keystrokeMs} ms`, verdict(keystroke.median, harness.budgets.keystrokeMs)],
  ["keystroke, a Pod of 100 containers and 50 volumes", ms(harness.bigKeystrokeMs), `${harness.budgets.bigKeystrokeMs} ms`, verdict(harness.bigKeystrokeMs, harness.budgets.bigKeystrokeMs)],
  ["jump to a step, diagrams redrawn", ms(harness.stepMs), `${harness.budgets.stepMs} ms`, verdict(harness.stepMs, harness.budgets.stepMs)],
  [`memory after ${harness.memory.afterSteps} steps of 10 simulated minutes (crash-loop): JS heap; wasm`, `${kb(harness.memory.jsHeapBytes ?? 0)}; ${kb(harness.memory.wasmBytes ?? 0)}`, "reported", ""],
  ["native: parse, decode, default, validate and lint, docs corpus", corpus ? `${Math.round((32 * 1e9) / corpus).toLocaleString("en")} Pods/s` : "not run", "reported", ""],
  ["native: simulate 10 minutes of a 10-container crash loop", simulator ? `${(simulator / 1e3).toFixed(0)} µs` : "not run", `${OLD_SIMULATOR_US} µs (old simulator)`, simulator ? verdict(simulator / 1e3, OLD_SIMULATOR_US) : ""],
  ["native: simulate 10 minutes of 100 Pods of 3 containers on 10 nodes", cluster ? ms(cluster / 1e6) : "not run", `${CLUSTER_BUDGET_MS} ms`, cluster ? verdict(cluster / 1e6, CLUSTER_BUDGET_MS) : ""],
  [`against ${compare.peer}: Pods read and validated per second`, `${compare.pods_per_second.podplay.toLocaleString("en")} vs ${compare.pods_per_second["kubernetes-validate"].toLocaleString("en")} (${compare.ratio}×)`, "reported", ""],
  [`invalid manifests caught (tests/compare/invalid/)`, `${compare.invalid_caught.podplay} vs ${compare.invalid_caught["kubernetes-validate"]} of ${compare.invalid_caught.of}`, "reported", ""],
];
const machine = `${cpus().length} × ${cpus()[0]?.model?.trim() ?? "CPU"}`;
const table = [
  `Measured by \`scripts/bench\` on ${harness.date}, on ${machine}; page figures are medians of ${harness.runs} runs of the release build in headless Chromium.`,
  "",
  "| measure | measured | budget | |",
  "|---|---|---|---|",
  ...rows.map((row) => `| ${row.join(" | ")} |`),
].join("\n");
const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const begin = "<!-- bench:begin -->";
const end = "<!-- bench:end -->";
const from = readme.indexOf(begin);
const to = readme.indexOf(end);
if (from < 0 || to < from) throw new Error("README.md has no bench:begin/bench:end markers");
writeFileSync(join(ROOT, "README.md"), `${readme.slice(0, from + begin.length)}\n${table}\n${readme.slice(to)}`);
console.log(table);
