import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { idleTimer } from '@/lib/surface/pdf/idle-timer';

describe('idleTimer', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());
  const clock = () => Date.now();

  it('fires once nothing touched it for its time, counted from the last touch', () => {
    const fired = vi.fn();
    const t = idleTimer(100, fired, clock);
    vi.advanceTimersByTime(60);
    t.touch();
    vi.advanceTimersByTime(60);
    t.touch();
    vi.advanceTimersByTime(99);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fired).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(fired).toHaveBeenCalledTimes(1);
  });

  it('keeps one browser timer however often it is touched', () => {
    const set = vi.spyOn(globalThis, 'setTimeout');
    const t = idleTimer(100, () => {}, clock);
    for (let i = 0; i < 500; i++) {
      vi.advanceTimersByTime(1);
      t.touch();
    }
    // One set at the start, one each time it came due early (every ~100 ms of touches).
    expect(set.mock.calls.length).toBeLessThanOrEqual(7);
    t.stop();
    set.mockRestore();
  });

  it('never fires once stopped', () => {
    const fired = vi.fn();
    const t = idleTimer(50, fired, clock);
    t.touch();
    t.stop();
    vi.advanceTimersByTime(500);
    expect(fired).not.toHaveBeenCalled();
  });

  it('fires with no touch at all', () => {
    const fired = vi.fn();
    idleTimer(30, fired, clock);
    vi.advanceTimersByTime(30);
    expect(fired).toHaveBeenCalledTimes(1);
  });
});
