// The reader's note on the first match, as the panel benches do it (panel-tasks.bench.ts's "note
// saved", prof-worker.ts PROF_THREAD=panel): the first category opened, "Notitie" on its first
// match, a text typed and saved, the note shown in the list.
// The Document view's steps use the panel's own querySelector: Playwright's locators walk every
// element of the panel (34,000 on the 1 MB council page) in the panel's thread, 20–27 ms a query,
// and were that moment's longest tasks (prof-worker.ts PROF_THREAD=panel, main 63068bc) — the
// bench's own work counted as ours. Once the Notes view is shown the panel is small again.
import type { Page } from 'playwright-core';

export async function saveNoteOnFirstMatch(panel: Page, text: string): Promise<void> {
  await panel.evaluate(async () => {
    const group = document.querySelector('[data-testid=match-group]');
    if (group instanceof HTMLDetailsElement && !group.open) group.querySelector('summary')?.click();
    // Drawn and painted open, as the reader sees it before choosing a match.
    for (let i = 0; i < 2; i++) await new Promise((done) => requestAnimationFrame(done));
  });
  await panel.waitForFunction(() => !!document.querySelector('[data-testid=match-group] [data-testid=match-item] [data-testid=match-note]'), undefined, { timeout: 30_000 });
  await panel.evaluate(() => (document.querySelector('[data-testid=match-group] [data-testid=match-item] [data-testid=match-note]') as HTMLElement).click());
  await panel.waitForFunction(() => !!document.querySelector('[data-testid=note-editor]'), undefined, { timeout: 30_000 });
  await panel.getByTestId('note-editor').fill(text);
  await panel.getByTestId('note-save').click();
  await panel.getByTestId('note-item').filter({ hasText: text }).first().waitFor({ timeout: 30_000 });
}

/** A view of the panel (`tab-<id>`) clicked with the panel's querySelector, waited for drawn and painted. */
export function showView(panel: Page, id: 'document' | 'notes' | 'all'): Promise<void> {
  // What each view shows once drawn, in the tab panel on show (a hidden one does not count).
  const drawn = { document: '[data-testid=match-group]', notes: '#h-notes', all: '[data-testid=all-count]' }[id];
  return panel.evaluate(
    async ([tab, sel]) => {
      (document.querySelector(`[data-testid=tab-${tab}]`) as HTMLElement).click();
      // (No named function in here: tsx would wrap it in a helper the panel does not have.)
      const shown = `[role=tabpanel]:not([hidden]) ${sel}`;
      for (const t0 = performance.now(); !document.querySelector(shown) && performance.now() - t0 < 30_000; ) await new Promise((r) => setTimeout(r, 10));
      for (let i = 0; i < 2; i++) await new Promise((done) => requestAnimationFrame(done));
    },
    [id, drawn] as const,
  );
}

/**
 * The reader going through the panel's views from Document: Notities, Alles, and back to
 * Document, each clicked with the panel's own querySelector (Playwright's locators would walk the
 * Document view's 34,000 elements in the panel's thread and be counted as ours).
 */
export async function switchTabs(panel: Page): Promise<void> {
  await showView(panel, 'notes');
  await showView(panel, 'all');
  await showView(panel, 'document');
}
