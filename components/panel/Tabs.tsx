import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

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
}

/**
 * Tabs after WAI-ARIA (arrow keys, Home and End move between them), with every tab in the Tab
 * order too: a reader who does not know the arrow keys reaches Notities and Alles with Tab.
 * A kept view while hidden has the `hidden` attribute: out of the Tab order, the accessibility
 * tree and layout, as if it were not there.
 */
export function Tabs<K extends string>({ tabs, current, onSelect, label, panels, keep = [] }: Props<K>) {
  const list = useRef<HTMLDivElement>(null);
  const shown = useRef(new Set<K>());
  shown.current.add(current);
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
    onSelect(tabs[next]!.id);
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
            onClick={() => onSelect(t.id)}
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
