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
  children: ComponentChildren;
}

/**
 * Tabs after WAI-ARIA (arrow keys, Home and End move between them), with every tab in the Tab
 * order too: a reader who does not know the arrow keys reaches Notities and Alles with Tab.
 */
export function Tabs<K extends string>({ tabs, current, onSelect, label, children }: Props<K>) {
  const list = useRef<HTMLDivElement>(null);
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
      <div role="tabpanel" id={`panel-${current}`} aria-labelledby={`tab-${current}`} tabIndex={0} class="tab-panel">
        {children}
      </div>
    </>
  );
}
