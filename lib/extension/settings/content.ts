// The content script's side of the settings: load them before the first scan, paint in the
// reader's highlight style, and rescan when they change in the options page.
import { createAnalyser, type Analyser } from '../../core/analyse';
import { loadBuiltinRules } from '../../core/rules';
import { highlightCss } from './highlight-css';
import { createPageStyle } from './page-style';
import { analyserOptionsFrom, loadSettings, watchSettings } from './store';
import type { Settings } from './schema';

export interface SettingsTarget {
  setAnalyser(analyser: Analyser): void;
  /** The reader's highlight rules, for what the page style cannot reach (frames, shadow roots). */
  setHighlightCss?(css: string): void;
}

function analyserFor(settings: Settings): Analyser | null {
  // Default settings: the session's built-in analyser already is the right one.
  if (settings.ownTerms.length === 0 && settings.disabledCategories.length === 0) return null;
  return createAnalyser(loadBuiltinRules(), analyserOptionsFrom(settings));
}

/**
 * Applies the stored settings to a page session, then calls `rescan` (also after every later
 * change). Returns a stop function. Unreadable settings mean defaults: the page is still scanned.
 */
export function followSettings(session: SettingsTarget, rescan: () => void, doc: Document = document): () => void {
  const style = createPageStyle(doc);
  let stopped = false;
  // The built-in analyser is compiled here only when the reader goes back to the defaults after
  // own settings (the session starts with one), not at every page load with own settings.
  let customised = false;
  let builtin: Analyser | null = null;
  const apply = (settings: Settings) => {
    if (stopped) return;
    try {
      const css = highlightCss(settings.highlight);
      style.set(css);
      session.setHighlightCss?.(css);
      const custom = analyserFor(settings);
      if (custom) {
        session.setAnalyser(custom);
        customised = true;
      } else if (customised) {
        builtin ??= createAnalyser(loadBuiltinRules());
        session.setAnalyser(builtin);
      }
    } catch {
      // Our styling or compiling failed: keep scanning with what the session has.
    }
    rescan();
  };
  void loadSettings().then(({ settings }) => apply(settings));
  const unwatch = watchSettings(({ settings }) => apply(settings));
  return () => {
    stopped = true;
    unwatch();
    style.remove();
  };
}
