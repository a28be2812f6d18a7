// What the benchmarks measure inside the page, shared by harness.mjs and keystroke.mjs.
//
// A keystroke is an edit of the editor's text and its input event. Two times are taken from
// the moment before the event is dispatched:
// - "editor repainted": until the main thread is free again, when the browser can paint the
//   edited text. A `setTimeout(0)` queued just before the event fires then: after the input
//   handler and every microtask it queued (Leptos runs its effects in microtasks), and before any
//   task the handler scheduled for later (the model's work follows after the next frame);
// - "every view updated": the time of the last DOM change the keystroke caused, once the page
//   says no view is behind any more (`main.panels` loses `aria-busy="true"`: the model has worked
//   on the text and the model thread's answer is drawn).
// Long tasks (over 50 ms) are collected with a PerformanceObserver.

/** Installs `window.__probe` in the page; pass it to `context.addInitScript`. */
export function installProbe() {
  const longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch {
    // No long-task timing in this browser: none are reported.
  }
  const nextTask = () =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(0);
    });
  window.__probe = {
    longTasks,
    /** Resolves once no view is behind the editor (the model thread's answers drawn). */
    async settled() {
      for (;;) {
        await nextTask();
        const main = document.querySelector("main.panels");
        if (main && main.getAttribute("aria-busy") !== "true") break;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      await nextTask();
      void document.body.offsetHeight;
    },
    /**
     * Applies `edit` to the editor, dispatches its input event, and times it. The keystroke
     * starts in a task of its own (a message), as a key from the keyboard does: from within a
     * chain of timers, the browser would delay the `setTimeout(0)` that marks the repaint.
     */
    async keystroke(edit) {
      const editor = document.querySelector('[data-testid="editor"]');
      let last = 0;
      const observer = new MutationObserver(() => {
        last = performance.now();
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      const { start, repaint } = await new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          const start = performance.now();
          setTimeout(() => resolve({ start, repaint: performance.now() - start }), 0);
          edit(editor);
          editor.dispatchEvent(new InputEvent("input", { bubbles: true }));
        };
        channel.port2.postMessage(0);
      });
      await window.__probe.settled();
      observer.disconnect();
      return { repaint, views: Math.max(repaint, last - start) };
    },
  };
}

/** The q-quantile of numbers. */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** A Pod of `containers` containers and `volumes` emptyDir volumes, each container mounting two. */
export function bigPod(containers, volumes) {
  const lines = ["apiVersion: v1", "kind: Pod", "metadata:", "  name: big", "spec:", "  containers:"];
  for (let c = 0; c < containers; c += 1) {
    lines.push(`  - name: c${c}`, "    image: busybox:1.36", '    command: ["sh", "-c", "sleep 3600"]', "    volumeMounts:");
    for (const v of [c % volumes, (c + 1) % volumes]) lines.push(`    - name: v${v}`, `      mountPath: /v${v}`);
  }
  lines.push("  volumes:");
  for (let v = 0; v < volumes; v += 1) lines.push(`  - name: v${v}`, "    emptyDir: {}");
  return `${lines.join("\n")}\n`;
}
