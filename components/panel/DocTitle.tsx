import { useEffect, useState } from 'preact/hooks';

/**
 * The document's title in one line, so the verdict below it stays on the first screen: the whole
 * title on hover and, for keyboard and touch, on a click that unfolds it.
 */
export function DocTitle({ title }: { title: string }) {
  const [open, setOpen] = useState(false);
  useEffect(() => setOpen(false), [title]);
  return (
    <button
      type="button"
      class={`doc-title${open ? ' open' : ''}`}
      title={title}
      aria-expanded={open}
      onClick={() => setOpen(!open)}
    >
      {title}
    </button>
  );
}
