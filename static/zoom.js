// The diagrams' zoom and pan (web/src/components/zoom.rs draws the frame and its controls).
// A frame fits its diagram to the panel until the reader zooms: the buttons, + - 0 on the
// focused frame, Ctrl and the wheel, a two-finger pinch. A zoomed frame scrolls, and a mouse
// drags it. The frame's `zoomed` class and `--scale` tell the stylesheet the size.
(() => {
  "use strict";
  const MIN = 0.25;
  const MAX = 4;
  const STEP = 1.25;
  const scales = new WeakMap();
  const svgOf = (frame) => frame.querySelector(":scope > svg");
  const naturalWidth = (frame) => Number(svgOf(frame)?.getAttribute("width")) || 1;
  const scaleNow = (frame) =>
    scales.get(frame) ?? (svgOf(frame)?.getBoundingClientRect().width || naturalWidth(frame)) / naturalWidth(frame);
  const controlsOf = (frame) => frame.previousElementSibling;

  function show(frame) {
    const scale = scales.get(frame);
    frame.classList.toggle("zoomed", scale !== undefined);
    frame.style.setProperty("--scale", String(scale ?? 1));
    const controls = controlsOf(frame);
    if (!controls?.classList.contains("zoom-controls")) return;
    controls.querySelector("[data-zoom=fit]").setAttribute("aria-pressed", String(scale === undefined));
    controls.querySelector(".zoom-readout").textContent =
      scale === undefined ? "" : `${Math.round(scale * 100)} %`;
  }

  function fit(frame) {
    scales.delete(frame);
    show(frame);
  }

  // Zooms to `scale`, keeping the point (x, y) of the frame's visible area where it is. A
  // diagram fitted smaller than MIN never grows on "zoom out".
  function zoomTo(frame, scale, anchor) {
    const before = scaleNow(frame);
    const after = Math.min(MAX, Math.max(Math.min(MIN, before), Number.isFinite(scale) ? scale : 1));
    const [x, y] = anchor ?? [frame.clientWidth / 2, frame.clientHeight / 2];
    const ratio = after / before;
    const left = (frame.scrollLeft + x) * ratio - x;
    const top = (frame.scrollTop + y) * ratio - y;
    scales.set(frame, after);
    show(frame);
    frame.scrollLeft = left;
    frame.scrollTop = top;
  }

  const within = (frame, event) => {
    const box = frame.getBoundingClientRect();
    return [event.clientX - box.left, event.clientY - box.top];
  };
  const frameOf = (target) => target instanceof Element ? target.closest(".diagram-frame") : null;

  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest("[data-zoom]") : null;
    const frame = button?.parentElement?.nextElementSibling;
    if (!frame?.classList.contains("diagram-frame")) return;
    const how = button.dataset.zoom;
    if (how === "fit") fit(frame);
    else zoomTo(frame, scaleNow(frame) * (how === "in" ? STEP : 1 / STEP));
  });

  document.addEventListener("keydown", (event) => {
    const frame = frameOf(event.target);
    if (!frame || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "+" || event.key === "=") zoomTo(frame, scaleNow(frame) * STEP);
    else if (event.key === "-" || event.key === "_") zoomTo(frame, scaleNow(frame) / STEP);
    else if (event.key === "0") fit(frame);
    else return;
    event.preventDefault();
  });

  // Ctrl (or ⌘) and the wheel, or a trackpad's pinch (which the browser sends as such wheel
  // events, many per gesture), zoom in proportion to the distance. The listener sits on each
  // frame, added when the pointer first comes over it: one on the document that could cancel
  // scrolling would make every scroll of the page wait for it.
  const wheeling = new WeakSet();
  const onWheel = (event) => {
    const frame = event.currentTarget;
    if (!(event.ctrlKey || event.metaKey) || event.deltaY === 0) return;
    event.preventDefault();
    const pixels = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
    zoomTo(frame, scaleNow(frame) * Math.exp(-pixels * 0.0022), within(frame, event));
  };
  document.addEventListener("pointerover", (event) => {
    const frame = frameOf(event.target);
    if (frame && !wheeling.has(frame)) {
      wheeling.add(frame);
      frame.addEventListener("wheel", onWheel, { passive: false });
    }
  });

  // A mouse drags a zoomed diagram; two fingers pinch it (one finger scrolls, natively).
  let drag = null;
  // The touches on one frame (a second frame's touch starts over).
  const touches = new Map();
  let touched = null;
  let pinch = null;
  const spread = () => {
    const [a, b] = [...touches.values()];
    return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : null;
  };
  // The point between the two fingers, within the frame.
  const middle = (frame) => {
    const [a, b] = [...touches.values()];
    return within(frame, { clientX: (a.x + b.x) / 2, clientY: (a.y + b.y) / 2 });
  };
  document.addEventListener("pointerdown", (event) => {
    const frame = frameOf(event.target);
    if (!frame) return;
    if (event.pointerType === "touch") {
      if (touched !== frame) touches.clear();
      touched = frame;
      touches.set(event.pointerId, { x: event.clientX, y: event.clientY });
      const distance = spread();
      pinch = distance ? { frame, distance, scale: scaleNow(frame) } : null;
    } else if (event.button === 0 && scales.has(frame)) {
      // A press on the frame's own scrollbars is the browser's.
      const box = frame.getBoundingClientRect();
      if (event.clientX - box.left >= frame.clientWidth || event.clientY - box.top >= frame.clientHeight) return;
      drag = { frame, x: event.clientX, y: event.clientY, left: frame.scrollLeft, top: frame.scrollTop };
      frame.setPointerCapture?.(event.pointerId);
      event.preventDefault();
    }
  });
  document.addEventListener("pointermove", (event) => {
    if (touches.has(event.pointerId)) {
      touches.set(event.pointerId, { x: event.clientX, y: event.clientY });
      const distance = spread();
      if (pinch && distance) {
        event.preventDefault();
        zoomTo(pinch.frame, (pinch.scale * distance) / Math.max(1, pinch.distance), middle(pinch.frame));
      }
    } else if (drag) {
      // A release the page never heard of (outside the window) ends the drag.
      if ((event.buttons & 1) === 0) {
        drag = null;
        return;
      }
      drag.frame.scrollLeft = drag.left - (event.clientX - drag.x);
      drag.frame.scrollTop = drag.top - (event.clientY - drag.y);
    }
  });
  const end = (event) => {
    touches.delete(event.pointerId);
    pinch = null;
    drag = null;
  };
  document.addEventListener("pointerup", end);
  document.addEventListener("pointercancel", end);

  // "Open a shell" (static/shell.js) is not part of the first paint: it loads once the Pod's
  // diagram or the console is there, a moment later.
  const later = () => {
    if (!document.querySelector('[data-testid="pod-diagram"] g, [data-testid="console-input"]')) {
      setTimeout(later, 250);
      return;
    }
    setTimeout(() => {
      const script = document.createElement("script");
      script.src = "./shell.js";
      document.head.append(script);
    }, 500);
  };
  later();
})();
