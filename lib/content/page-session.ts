// Everything the content script does on one page: scan the main content, paint the matches,
// report to the background, and answer the panel. Errors stay here: the page never sees them.
import { browser } from 'wxt/browser';
import { createAnalyser, type Analyser } from '../analyse';
import { describeQuote, reanchor } from '../anchor';
import { createHighlightEngine, type HighlightEngine } from '../highlight';
import { createListener } from '../messages/listen';
import {
  ContentRequestSchema,
  MAX_REPORTED_MATCHES,
  type ContentRequest,
  type QuoteAnchor,
  type ScanReport,
} from '../messages/protocol';
import { sendToBackground } from '../messages/send';
import { loadBuiltinRules } from '../rules';
import { findMainContent, isPageChrome } from '../scan/main-content';
import { buildTextIndex, rangeFor, type TextIndex } from '../scan/text-index';
import { snippetAround } from '../questions';
import type { TermMatch } from '../match/types';
import { followSettings } from '../settings/content';

export const SCAN_MEASURE = 'raadslens:scan';

interface ScanState {
  index: TextIndex;
  matches: TermMatch[];
  ranges: Array<Range | null>;
  /** The category highlights, kept so note highlights can be painted beside them. */
  groups: Map<string, Range[]>;
}

export interface PageSession {
  scan(): ScanReport | null;
  handle(msg: ContentRequest): unknown;
  stop(): void;
  /** Swaps the analyser (the reader's settings changed); the next scan uses it. */
  setAnalyser(analyser: Analyser): void;
}

export function createPageSession(doc: Document = document, analyser: Analyser = createAnalyser(loadBuiltinRules())): PageSession {
  const engine: HighlightEngine = createHighlightEngine();
  let state: ScanState | null = null;
  let noteAnchors: QuoteAnchor[] = [];
  let stopped = false;
  /** The match last shown by scroll-to-match / next-match / prev-match (-1: none yet). */
  let current = -1;

  /** Paints matches and note passages together; returns which notes were found. */
  function paint(): boolean[] {
    if (!state) return noteAnchors.map(() => false);
    const found: boolean[] = [];
    const noteRanges: Range[] = [];
    for (const anchor of noteAnchors) {
      const hit = reanchor(state.index.text, anchor);
      const range = hit ? rangeFor(state.index, hit.start, hit.end) : null;
      found.push(!!range);
      if (range) noteRanges.push(range);
    }
    const groups = new Map(state.groups);
    if (noteRanges.length) groups.set('note', noteRanges);
    engine.apply(groups);
    return found;
  }

  function scan(): ScanReport | null {
    if (stopped) return null;
    const t0 = performance.now();
    // <mark> fallback: the marks must be out of the DOM before the text is indexed again.
    engine.clear();
    const root = findMainContent(doc);
    const index = buildTextIndex(root, { exclude: isPageChrome });
    const { matches, assessment } = analyser.analyse(index.text);
    const ranges = matches.map((m) => rangeFor(index, m.start, m.end));
    const groups = new Map<string, Range[]>();
    matches.forEach((m, i) => {
      const r = ranges[i];
      if (!r) return;
      const list = groups.get(m.category);
      if (list) list.push(r);
      else groups.set(m.category, [r]);
    });
    state = { index, matches, ranges, groups };
    current = -1;
    paint();
    const t1 = performance.now();
    performance.measure(SCAN_MEASURE, {
      start: t0,
      end: t1,
      detail: { chars: index.text.length, nodes: index.nodes.length, matches: matches.length },
    });
    return {
      url: doc.location?.href ?? '',
      title: doc.title,
      scannedAt: Date.now(),
      chars: index.text.length,
      nodes: index.nodes.length,
      ms: t1 - t0,
      truncated: index.truncated,
      matchCount: matches.length,
      matches: matches.slice(0, MAX_REPORTED_MATCHES).map((m, i) => ({
        index: i,
        start: m.start,
        end: m.end,
        termId: m.termId,
        category: m.category,
        text: m.text,
        snippet: snippetAround(index.text, m.start, m.end, 60),
      })),
      assessment,
    };
  }

  function scrollTo(range: Range | null): boolean {
    if (!range) return false;
    const target = range.startContainer.parentElement;
    if (!target) return false;
    const reduce = doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? true;
    target.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
    engine.setActive(range);
    return true;
  }

  /** The reader's selection as a quote anchor into the scanned text, or null. */
  function selectionAnchor() {
    const sel = doc.getSelection();
    if (!state || !sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    const offsetOf = (node: Node, offset: number): number | null => {
      const i = state!.index.nodes.indexOf(node as Text);
      return i === -1 ? null : state!.index.starts[i]! + offset;
    };
    const start = offsetOf(range.startContainer, range.startOffset);
    const end = offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return null;
    return describeQuote(state.index.text, start, end);
  }

  /** Shows the next (or previous) match after the current one, wrapping around. */
  function step(delta: 1 | -1): { index: number; total: number } | null {
    if (!state) return null;
    const n = state.ranges.length;
    const from = current === -1 ? (delta > 0 ? -1 : n) : current;
    for (let k = 1; k <= n; k++) {
      const i = (((from + delta * k) % n) + n) % n;
      const range = state.ranges[i];
      if (range && scrollTo(range)) {
        current = i;
        return { index: i, total: n };
      }
    }
    return null;
  }

  function handle(msg: ContentRequest): unknown {
    switch (msg.type) {
      case 'ping':
        return 'pong';
      case 'rescan':
        return scan()?.matchCount ?? 0;
      case 'scroll-to-match': {
        const shown = scrollTo(state?.ranges[msg.index] ?? null);
        if (shown) current = msg.index;
        return shown;
      }
      case 'next-match':
        return step(1);
      case 'prev-match':
        return step(-1);
      case 'scroll-to-anchor': {
        if (!state) return false;
        const found = reanchor(state.index.text, msg.anchor);
        return found ? scrollTo(rangeFor(state.index, found.start, found.end)) : false;
      }
      case 'get-selection':
        return selectionAnchor();
      case 'anchor-for-match': {
        const m = state?.matches[msg.index];
        return m && state ? describeQuote(state.index.text, m.start, m.end) : null;
      }
      case 'locate-anchors':
        noteAnchors = msg.anchors;
        return paint();
    }
  }

  return {
    scan,
    handle,
    setAnalyser(next) {
      analyser = next;
    },
    stop() {
      stopped = true;
      engine.clear();
      state = null;
    },
  };
}

/** Wires a session to the extension: initial scan, report, panel requests, clean stop. */
export function runPageSession(onInvalidated: (cb: () => void) => void): PageSession {
  const session = createPageSession();
  const report = () => {
    try {
      const r = session.scan();
      if (r) void sendToBackground({ type: 'scan-report', report: r }).catch(() => {});
    } catch {
      // A failure in our scan must never surface in the page; the panel shows "no results".
    }
  };
  const listener = createListener(ContentRequestSchema, (msg) => session.handle(msg), () => undefined);
  browser.runtime.onMessage.addListener(listener as never);
  // The reader's settings (own terms, categories off, highlight style) come first, then the scan.
  const stopSettings = followSettings(session, report);
  onInvalidated(() => {
    browser.runtime.onMessage.removeListener(listener as never);
    stopSettings();
    session.stop();
  });
  return session;
}
