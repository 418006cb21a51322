import type { ComponentChildren } from 'preact';
import { t, tCount } from '@/lib/extension/i18n';

interface Props {
  cat: { id: string; label: string };
  count: number;
  testid: string;
  /** Shown between the label and the count (the PDF list names its pages there). */
  extra?: ComponentChildren;
  children: ComponentChildren;
}

/** One category's collapsible list of matches, in its category colour, with the count. */
export function CategoryGroup({ cat, count, testid, extra, children }: Props) {
  return (
    <details class={`group cat-${cat.id}`} data-testid={testid} data-category={cat.id}>
      <summary>
        <span class="swatch" aria-hidden="true" />
        <span class="group-label">{cat.label}</span>
        {extra}
        <span class="count" aria-label={tCount(count, 'matchCountLabel', 'matchCountLabelOne')}>
          {count}
        </span>
      </summary>
      {children}
    </details>
  );
}
