// "Open a shell" below the Pod's diagram (web/src/lib.rs lists the Pod and its running
// containers with a shell in `data-shells`): a button for each, whose press types
// `kubectl exec -it POD -c NAME -- sh` into the console and runs it, as the reader would.
// Ctrl-D on the console's empty line in a shell types `exit`, as in a terminal. Names reach
// the page as text only (textContent, attributes), never as markup.
(() => {
  "use strict";

  function draw(holder) {
    const [pod, ...names] = (holder.dataset.shells || "").split(" ").filter(Boolean);
    const buttons = names.map((name) => {
      const button = document.createElement("button");
      const command = `kubectl exec -it ${pod} -c ${name} -- sh`;
      button.type = "button";
      button.className = "open-shell";
      button.dataset.testid = `open-shell-${name}`;
      button.dataset.command = command;
      button.title = `Open a shell in container ${name} of pod ${pod}: ${command}`;
      button.textContent = `Open a shell: ${name}`;
      return button;
    });
    holder.replaceChildren(...buttons);
  }

  const drawAll = () => document.querySelectorAll(".open-shells").forEach(draw);

  // The list changes with the step on screen; a panel shown again is drawn anew.
  const watch = new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === "attributes") draw(change.target);
      else drawAll();
    }
  });
  const start = () => {
    watch.observe(document.body, { attributes: true, attributeFilter: ["data-shells"], subtree: true });
    const panels = document.querySelector("main.panels");
    if (panels) watch.observe(panels, { childList: true });
    else requestAnimationFrame(start);
    drawAll();
  };
  start();

  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest(".open-shell[data-command]") : null;
    if (!button) return;
    // On a phone the console is on the lifecycle's tab, drawn once the tab is chosen.
    document.querySelector('[data-testid="tab-lifecycle"]')?.click();
    run(button.dataset.command, 10);
  });

  document.addEventListener("keydown", (event) => {
    const input = event.target;
    const inShell = document.querySelector('[data-testid="console-prompt"]')?.textContent !== "$ ";
    if (event.key === "d" && event.ctrlKey && input.dataset?.testid === "console-input" && !input.value && inShell) {
      event.preventDefault();
      run("exit", 0);
    }
  });

  function run(command, tries) {
    const input = document.querySelector('[data-testid="console-input"]');
    if (!input) {
      if (tries > 0) requestAnimationFrame(() => run(command, tries - 1));
      return;
    }
    input.value = command;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true }));
    input.focus();
  }
})();
