import { describe, expect, it, vi } from 'vitest';
import { createContentContext } from '@/lib/surface/page/session/content-context';

/** A window whose Navigation API the test drives; events from the page are untrusted. */
function fakeWindow(href: string) {
  const navigation = new EventTarget();
  const win = { location: { href }, navigation, setInterval, clearInterval } as unknown as Window & typeof globalThis;
  const navigate = (url: string, isTrusted: boolean) => {
    const e = new Event('navigate');
    Object.defineProperty(e, 'isTrusted', { value: isTrusted });
    Object.defineProperty(e, 'destination', { value: { url } });
    navigation.dispatchEvent(e);
  };
  return { win, navigate };
}

describe('content context (nothing the page can forge)', () => {
  it('follows real navigations to another address, not events the page dispatches itself', () => {
    const { win, navigate } = fakeWindow('https://x.nl/a');
    const ctx = createContentContext(win, () => {});
    const changed = vi.fn();
    ctx.onLocationChange(changed);
    navigate('https://x.nl/b', false);
    expect(changed).not.toHaveBeenCalled();
    navigate('https://x.nl/a', true);
    expect(changed).not.toHaveBeenCalled();
    navigate('https://x.nl/b', true);
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('puts nothing on the page: no window message, no DOM event', () => {
    const post = vi.spyOn(window, 'postMessage');
    const dispatchDoc = vi.spyOn(document, 'dispatchEvent');
    const dispatchWin = vi.spyOn(window, 'dispatchEvent');
    const ctx = createContentContext(window, () => {});
    ctx.onLocationChange(() => {});
    expect(post).not.toHaveBeenCalled();
    expect(dispatchDoc).not.toHaveBeenCalled();
    expect(dispatchWin).not.toHaveBeenCalled();
    ctx.invalidate();
  });

  it('runs every clean-up once when invalidated, and at once for a late one', () => {
    const { win } = fakeWindow('https://x.nl/a');
    const ctx = createContentContext(win, () => {});
    const a = vi.fn();
    const b = vi.fn(() => {
      throw new Error('x');
    });
    const c = vi.fn();
    ctx.onInvalidated(b);
    ctx.onInvalidated(a);
    ctx.invalidate();
    ctx.invalidate();
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(1);
    expect(ctx.isValid).toBe(false);
    ctx.onInvalidated(c);
    expect(c).toHaveBeenCalledTimes(1);
  });
});
