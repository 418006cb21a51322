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
