import { describe, expect, it } from 'vitest';
import { afterRender, type RenderWindow } from '@/lib/surface/page/session/after-render';

/** A window whose frames and timers the test drives by hand. */
function fakeWindow() {
  const frames: Array<() => void> = [];
  const timers = new Map<number, () => void>();
  let next = 1;
  const win: RenderWindow = {
    requestAnimationFrame: (cb) => frames.push(cb),
    setTimeout: (cb) => {
      timers.set(next, cb);
      return next++;
    },
    clearTimeout: (id) => void timers.delete(id as unknown as number),
  };
  return { win, frames, timers };
}
const tick = () => new Promise((r) => setTimeout(r, 10));

describe('afterRender', () => {
  it('runs after the next animation frame and the task that follows it, once', async () => {
    const { win, frames, timers } = fakeWindow();
    let calls = 0;
    afterRender(win, () => calls++);
    await tick();
    expect(calls).toBe(0);
    frames.shift()!();
    expect(calls).toBe(0); // not inside the frame: after its rendering
    await tick();
    expect(calls).toBe(1);
    expect(timers.size).toBe(0); // the fallback timer is cleared
  });

  it('runs from the fallback timer when no frame comes (a hidden tab), and not again after a late frame', async () => {
    const { win, frames, timers } = fakeWindow();
    let calls = 0;
    afterRender(win, () => calls++, 100);
    [...timers.values()][0]!();
    expect(calls).toBe(1);
    frames.shift()!();
    await tick();
    expect(calls).toBe(1);
  });
});
