// The first scan waits until the page has rendered once. A content script starts at
// document_idle, often before the browser's full style and layout of a long page (≈130 ms on a
// 1 MB agenda): our first slice then holds that layout up, and the layout lands between our
// slices. After one rendering update the two no longer compete. (The first contentful paint
// comes earlier still and is the same with or without Raadslens: test/bench/page.bench.ts.)

export interface RenderWindow {
  requestAnimationFrame(cb: () => void): unknown;
  setTimeout(cb: () => void, ms: number): unknown;
  clearTimeout(id: never): void;
}

/** Longest wait: hidden tabs get no animation frames, and their scan must still happen. */
const MAX_RENDER_WAIT_MS = 250;

/**
 * Calls `cb` once, in the first task after the next rendering update (an animation frame, then a
 * message: the frame's style, layout and paint come in between), or after `maxWaitMs` when no
 * frame comes (a background tab).
 */
export function afterRender(win: RenderWindow, cb: () => void, maxWaitMs = MAX_RENDER_WAIT_MS): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    win.clearTimeout(timer as never);
    cb();
  };
  const timer = win.setTimeout(run, maxWaitMs);
  win.requestAnimationFrame(() => {
    if (typeof MessageChannel !== 'function') {
      win.setTimeout(run, 0);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      run();
    };
    channel.port2.postMessage(null);
  });
}
