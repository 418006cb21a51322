import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

interface TabDef<K extends string> {
  id: K;
  label: string;
  badge?: number;
}

interface Props<K extends string> {
  tabs: TabDef<K>[];
  current: K;
  onSelect: (id: K) => void;
  label: string;
  /** Each view's content, drawn in its own tab panel. */
  panels: Partial<Record<K, ComponentChildren>>;
  /**
   * Views kept drawn, hidden, once shown, while another is on show: switching back does not draw
   * them again. The others are drawn afresh each time they are shown.
   */
  keep?: readonly K[];
  /** What the views show (the tab's address): another thing shown, the kept views open at their top again. */
  subject?: string;
}

/**
 * The selection in the view being left, or a caret at the panels' own level, dropped before the
 * switch. Left there, it ends beside the hidden kept view (a view unmounted leaves its caret at
 * its place among the tab panels), and at each frame that lays anything out Chromium looks for
 * the caret's place through every node of the hidden view (VisibleUnits::canonicalPosition: on
 * the 1 MB council page 15-25 ms of the panel's thread a frame, the Notities and Alles views'
 * first frames after a note was typed; test/bench/panel-switch.ts). A view hidden or unmounted
 * shows no selection anyway; one elsewhere (the document's title above) stays.
 */
function dropSelectionLeaving(list: HTMLElement | null): void {
  const panels = list?.parentElement;
  const selection = panels?.ownerDocument.getSelection();
  if (!panels || !selection || selection.rangeCount === 0) return;
  const leaving = [...panels.children].find((el) => el.getAttribute('role') === 'tabpanel' && !(el as HTMLElement).hidden);
  const inLeaving = (node: Node | null) => node === panels || (!!node && !!leaving?.contains(node));
  if (inLeaving(selection.anchorNode) || inLeaving(selection.focusNode)) selection.removeAllRanges();
}

/**
 * Tabs after WAI-ARIA (arrow keys, Home and End move between them), with every tab in the Tab
 * order too: a reader who does not know the arrow keys reaches Notities and Alles with Tab.
 * A kept view while hidden has the `hidden` attribute: out of the Tab order, the accessibility
 * tree and layout, as if it were not there.
 */
export function Tabs<K extends string>({ tabs, current, onSelect, label, panels, keep = [], subject }: Props<K>) {
  const list = useRef<HTMLDivElement>(null);
  const shown = useRef(new Set<K>());
  shown.current.add(current);
  // Where the reader was in each kept view: the panel scrolls as one page, so a kept view shown
  // again would open where the shorter view before it left the page (its top). Read when the view is
  // left, here in the render that leaves it, before the views change: the page is still as the reader
  // had it, whatever chose the other view (a tab, a note's button, a skip link). Not from the page's
  // scroll events: they come at the next frame, and a switch in the same frame as the scrolling (a
  // busy panel, or a key pressed just after) brought the reader back to where the page was before.
  const scrolled = useRef(new Map<K, number>());
  const shownSubject = useRef(subject);
  if (shownSubject.current !== subject) {
    shownSubject.current = subject;
    scrolled.current.clear();
  }
  const leaving = useRef(current);
  if (leaving.current !== current) {
    const left = leaving.current;
    leaving.current = current;
    const page = list.current?.ownerDocument.scrollingElement;
    if (keep.includes(left) && page) scrolled.current.set(left, page.scrollTop);
  }
  useLayoutEffect(() => {
    const y = scrolled.current.get(current);
    const page = list.current?.ownerDocument.scrollingElement;
    if (y === undefined || !page) return;
    page.scrollTop = y;
  }, [current]);
  const select = (id: K) => {
    if (id !== current) dropSelectionLeaving(list.current);
    onSelect(id);
  };
  const move = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.id === current);
    const next =
      e.key === 'ArrowRight' ? (i + 1) % tabs.length
      : e.key === 'ArrowLeft' ? (i - 1 + tabs.length) % tabs.length
      : e.key === 'Home' ? 0
      : e.key === 'End' ? tabs.length - 1
      : -1;
    if (next < 0) return;
    e.preventDefault();
    select(tabs[next]!.id);
    list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[next]?.focus();
  };
  return (
    <>
      <div class="tabs" role="tablist" aria-label={label} ref={list} onKeyDown={move}>
        {tabs.map((t) => (
          <button
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            key={t.id}
            aria-selected={t.id === current}
            aria-controls={`panel-${t.id}`}
            tabIndex={0}
            data-testid={`tab-${t.id}`}
            onClick={() => select(t.id)}
          >
            {t.label}
            {t.badge !== undefined && t.badge > 0 && <span class="tab-badge">{t.badge}</span>}
          </button>
        ))}
      </div>
      {tabs.map(({ id }) =>
        id === current || (keep.includes(id) && shown.current.has(id)) ? (
          <div role="tabpanel" key={id} id={`panel-${id}`} aria-labelledby={`tab-${id}`} tabIndex={0} class="tab-panel" hidden={id !== current} inert={id !== current}>
            {panels[id]}
          </div>
        ) : null,
      )}
    </>
  );
}
