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
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value) => `${value.toFixed(1)} ms`;
const verdict = (value, budget) => (value <= budget ? "within" : "over");

const corpus = criterion("pipeline", "docs corpus (pods)");
const simulator = criterion("simulator", "10 minutes of a 10-container Pod that crash-loops");
const cluster = criterion("simulator", "10 minutes of 100 Pods of 3 containers on 10 nodes");
const deployment = criterion("simulator", "10 minutes of a 100-replica Deployment on 10 nodes");
// The old, plan-ahead simulator's figure for the crash loop, measured in the same criterion run as
// the discrete-event cluster before the old code was deleted (README, "The virtual cluster's
// speed"): the cluster must stay at or under it.
const OLD_SIMULATOR_US = 409;
const CLUSTER_BUDGET_MS = 25;
const b = harness.budgets;
const ratio = harness.baselineInteractiveMs ? harness.interactiveMs / harness.baselineInteractiveMs : null;
const examples = `${keystroke.examples} gallery examples, ${keystroke.keystrokes} keystrokes`;
const rows = [
  [`first load before interactive, brotli (gzip; raw), ${harness.firstLoad.files.length} files`, `${kb(harness.firstLoad.brotli)} (${kb(harness.firstLoad.gzip)}; ${kb(harness.firstLoad.raw)})`, `≤ ${b.firstLoadBrotliKB} KB`, verdict(harness.firstLoad.brotli / 1024, b.firstLoadBrotliKB)],
  ["all of dist/ (the model thread loads after the first paint), brotli", kb(harness.all.brotli), "reported", ""],
  ["navigation → interactive (editor takes input, Pod drawn), against the page before issue 16 in the same run", ratio ? `${harness.interactiveMs.toFixed(0)} ms vs ${harness.baselineInteractiveMs.toFixed(0)} ms (${ratio.toFixed(2)}×)` : `${harness.interactiveMs.toFixed(0)} ms (baseline not built)`, `≤ ${b.interactiveRatio}×`, ratio ? verdict(ratio, b.interactiveRatio) : ""],
  [`keystroke → editor repainted, ${examples}`, `${ms(keystroke.repaintMedian)} (p95 ${ms(keystroke.repaintP95)})`, `median ≤ ${b.repaintMedianMs} ms, p95 ≤ ${b.repaintP95Ms} ms`, keystroke.repaintMedian <= b.repaintMedianMs && keystroke.repaintP95 <= b.repaintP95Ms ? "within" : "over"],
  [`keystroke → editor repainted, a Pod of 100 containers and 50 volumes (${harness.big.keystrokes} keystrokes)`, `p95 ${ms(harness.big.repaintP95)} (median ${ms(harness.big.repaintMedian)})`, `p95 ≤ ${b.bigRepaintP95Ms} ms`, verdict(harness.big.repaintP95, b.bigRepaintP95Ms)],
  [`keystroke → every view updated, ${examples}`, `p95 ${ms(keystroke.viewsP95)} (median ${ms(keystroke.viewsMedian)})`, `p95 ≤ ${b.viewsP95Ms} ms`, verdict(keystroke.viewsP95, b.viewsP95Ms)],
  ["keystroke → every view updated, 100 containers", `p95 ${ms(harness.big.viewsP95)} (median ${ms(harness.big.viewsMedian)})`, `p95 ≤ ${b.bigViewsP95Ms} ms`, verdict(harness.big.viewsP95, b.bigViewsP95Ms)],
  ["long tasks over 50 ms while typing, gallery examples", `${keystroke.longTasks}`, "none", keystroke.longTasks <= b.longTasks ? "within" : "over"],
  ["jump to a step, diagrams redrawn", ms(harness.stepMs), "reported", ""],
  ...(harness.deployment100
    ? [
        [`a 100-replica Deployment on 10 nodes (its image changed at 1 min), ${harness.deployment100.steps} steps with Next (3 passes) → diagrams redrawn`, `p95 ${ms(harness.deployment100.redrawnP95)} (median ${ms(harness.deployment100.redrawnMedian)})`, `each ≤ ${b.deploymentStepMs} ms`, verdict(harness.deployment100.redrawnP95, b.deploymentStepMs)],
        [`the ${harness.deployment100.clusterSteps} of those steps at a new instant → cluster view shown (its model re-runs on the model thread)`, `p95 ${ms(harness.deployment100.clusterP95)} (median ${ms(harness.deployment100.clusterMedian)})`, "reported", ""],
      ]
    : []),
  [`memory after ${harness.memory.afterSteps} steps of 10 simulated minutes (crash-loop): JS heap; the page's wasm`, `${kb(harness.memory.jsHeapBytes ?? 0)}; ${kb(harness.memory.wasmBytes ?? 0)}`, "reported", ""],
  ["native: parse, decode, default, validate and lint, docs corpus", corpus ? `${Math.round((32 * 1e9) / corpus).toLocaleString("en")} Pods/s` : "not run", "reported", ""],
  ["native: simulate 10 minutes of a 10-container crash loop", simulator ? `${(simulator / 1e3).toFixed(0)} µs` : "not run", `${OLD_SIMULATOR_US} µs (old simulator)`, simulator ? verdict(simulator / 1e3, OLD_SIMULATOR_US) : ""],
  ["native: simulate 10 minutes of 100 Pods of 3 containers on 10 nodes", cluster ? ms(cluster / 1e6) : "not run", `${CLUSTER_BUDGET_MS} ms`, cluster ? verdict(cluster / 1e6, CLUSTER_BUDGET_MS) : ""],
  ["native: simulate 10 minutes of a 100-replica Deployment on 10 nodes (controllers, scheduler)", deployment ? ms(deployment / 1e6) : "not run", `${CLUSTER_BUDGET_MS} ms`, deployment ? verdict(deployment / 1e6, CLUSTER_BUDGET_MS) : ""],
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
