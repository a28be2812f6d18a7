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

  // The list changes with the step on screen, and the Pod panel may be drawn anew: the holder
  // is looked for once a second and watched alone, never the whole page (a watch over the
  // page's subtree slowed every keystroke in the editor).
  let holder = null;
  const watch = new MutationObserver(() => holder && draw(holder));
  const track = () => {
    const found = document.querySelector(".open-shells");
    if (found !== holder) {
      watch.disconnect();
      holder = found;
      if (holder) {
        watch.observe(holder, { attributes: true, attributeFilter: ["data-shells"] });
        draw(holder);
      }
    }
    setTimeout(track, 1000);
  };
  track();

  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest(".open-shell[data-command]") : null;
    if (!button) return;
    // On a phone the console is on the lifecycle's tab, drawn once the tab is chosen.
    document.querySelector('[data-testid="tab-lifecycle"]')?.click();
    run(button.dataset.command, 10);
  });

  document.addEventListener("keydown", (event) => {
    // Only Ctrl-D is looked at: every other key goes by at once.
    if (event.key !== "d" || !event.ctrlKey) return;
    const input = event.target;
    if (input.dataset?.testid !== "console-input" || input.value) return;
    const inShell = document.querySelector('[data-testid="console-prompt"]')?.textContent !== "$ ";
    if (inShell) {
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
