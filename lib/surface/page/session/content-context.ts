// The content script's link to its own life cycle, built only from things the page cannot reach.
// WXT's ContentScriptContext announces every start with window.postMessage and a CustomEvent
// named after the extension id, stops itself when such an event arrives, and reports client-side
// navigations as another such event: a page script could read the id from the message, switch
// Raadslens off by dispatching the event, and force rescans at will. The build swaps that class
// for an inert one (wxt-context-stub.ts); this is what the session uses instead.
import { pageBrowser } from '../../../extension/page-browser';
import type { ContentContext } from './page-session';

/** How often a browser without the Navigation API compares the address (client-side routing). */
const LOCATION_POLL_MS = 1000;

interface NavigateEventLike extends Event {
  readonly destination?: { readonly url?: string };
}

function extensionAlive(): boolean {
  try {
    return pageBrowser.runtime?.id != null;
  } catch {
    return false;
  }
}

/**
 * A context whose signals come from the extension runtime and the real address of the page.
 * Another copy of the script in the same world is kept out by a flag on this world's global,
 * which the page's own scripts do not see.
 */
export function createContentContext(win: Window & typeof globalThis, release: () => void): ContentContext & { invalidate(): void } {
  const onGone: Array<() => void> = [];
  let gone = false;
  const invalidate = () => {
    if (gone) return;
    gone = true;
    for (const cb of onGone.splice(0)) {
      try {
        cb();
      } catch {
        // One failing clean-up must not keep the others from running.
      }
    }
  };
  return {
    invalidate,
    get isValid() {
      if (!gone && !extensionAlive()) invalidate();
      return !gone;
    },
    onInvalidated(cb) {
      if (gone) cb();
      else onGone.push(cb);
    },
    onLocationChange(cb) {
      let last = win.location.href;
      const changed = (url: string) => {
        if (gone || url === last) return;
        last = url;
        cb();
      };
      const nav = (win as unknown as { navigation?: EventTarget }).navigation;
      if (nav && typeof nav.addEventListener === 'function') {
        // Events the page dispatches itself are not trusted; the address must really change.
        const listener = (e: Event) => {
          if (!e.isTrusted) return;
          const url = (e as NavigateEventLike).destination?.url;
          if (typeof url === 'string') changed(url);
        };
        nav.addEventListener('navigate', listener);
        onGone.push(() => nav.removeEventListener('navigate', listener));
      } else {
        const id = win.setInterval(() => {
          if (!extensionAlive()) return invalidate();
          changed(win.location.href);
        }, LOCATION_POLL_MS);
        onGone.push(() => win.clearInterval(id));
      }
    },
    release,
  };
}
