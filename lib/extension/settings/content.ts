// The content script's side of the settings: load them before the first scan, paint in the
// reader's highlight style with the griffie's terms, and rescan when either changes.
import { isDefault, type AnalyserOptions } from '../../core/analyse/scan-rules';
import { highlightCss } from './highlight-css';
import { DEFAULT_SETTINGS } from './defaults';
import { createPageStyle } from './page-style';
import { effectiveAnalyserOptions, type EffectiveSettings } from './effective';
import { loadContentSettings, watchContentSettings } from './content-read';

interface SettingsTarget {
  /** Scan with what these settings match (own terms, categories off, the griffie's packs). */
  useOptions(options: AnalyserOptions): void;
  /** The reader's highlight rules, for what the page style cannot reach (frames, shadow roots). */
  setHighlightCss?(css: string): void;
}

/**
 * Applies the stored settings to a page session, then calls `rescan` (also after every later
 * change). Returns a stop function. Unreadable settings mean defaults: the page is still scanned.
 */
export function followSettings(session: SettingsTarget, rescan: () => void, doc: Document = document): () => void {
  const style = createPageStyle(doc);
  let stopped = false;
  // The session is told only when the reader has settings of their own, or goes back to the
  // defaults after them (it starts with the built-in rules).
  let customised = false;
  // The built-in style is the manifest's CSS, in the page before its first style pass. A sheet
  // added later restyles every element of the page (::highlight() matches them all): 570 ms of
  // one task on a page of 100,000 text nodes, 2.3 s with invalidation tracking on. So the page
  // gets a sheet only for a style of the reader's own; frames and shadow roots always do.
  const builtIn = highlightCss(DEFAULT_SETTINGS.highlight);
  const apply = (loaded: EffectiveSettings) => {
    if (stopped) return;
    try {
      const css = highlightCss(loaded.settings.highlight);
      if (css === builtIn) style.remove();
      else style.set(css);
      session.setHighlightCss?.(css);
      // Default settings: the session's built-in analyser already is the right one.
      const options = effectiveAnalyserOptions(loaded);
      const custom = !isDefault(options);
      if (custom || customised) session.useOptions(options);
      customised = custom;
    } catch {
      // Our styling or compiling failed: keep scanning with what the session has.
    }
    rescan();
  };
  // The reader's settings at once, the griffie's policy when the browser hands it over (slowly in
  // a content script); the second pass rescans only when the policy changes anything.
  let first: string | null = null;
  const fingerprint = (l: EffectiveSettings) => JSON.stringify([l.settings, l.griffie.policy]);
  void loadContentSettings({ withManaged: false }).then((l) => {
    if (first === null) {
      first = fingerprint(l);
      apply(l);
    }
  });
  void loadContentSettings().then((l) => {
    if (first === null || first !== fingerprint(l)) {
      first = fingerprint(l);
      apply(l);
    }
  });
  const unwatch = watchContentSettings(apply);
  return () => {
    stopped = true;
    unwatch();
    style.remove();
  };
}
