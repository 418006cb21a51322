// What a hostile backup or a broken record can do to the extension pages: a view that cannot be
// shown says so in Dutch and the rest keeps working; a backup with impossible dates or addresses
// is refused; a stored address that is not a web address is never opened.
import type { Page } from '@playwright/test';
import { expandGroup, expect, screenshot, test } from './fixtures';

const DOC = 'https://utrecht.raadsinformatie.nl/document/9001/raadsvoorstel';

/** Writes records straight into the extension's IndexedDB, past our own checks, as an older build or a bug could have. */
async function storeRaw(extensionPage: Page, records: { documents?: object[]; notes?: object[] }): Promise<void> {
  await extensionPage.evaluate(async (r) => {
    // The panel creates the database as it loads. Opening it before that (a busy machine) would
    // create an empty one at version 1, without stores: wait until the panel's exists; an open
    // made during its upgrade waits for the upgrade to finish.
    while (!(await indexedDB.databases()).some((d) => d.name === 'raadslens')) await new Promise((w) => setTimeout(w, 50));
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('raadslens');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['documents', 'notes'], 'readwrite');
      for (const d of r.documents ?? []) tx.objectStore('documents').put(d);
      for (const n of r.notes ?? []) tx.objectStore('notes').put(n);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, records);
}

const note = (id: string, documentId: string, text: string) => ({
  id, documentId, text, status: 'open', tags: [], createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000, revision: 1,
});

test('een weergave die niet getoond kan worden meldt dat in het Nederlands; de andere tabbladen werken', async ({ context, extensionId, openScanned, openPanel }) => {
  const { tabId } = await openScanned();
  const first = await openPanel(tabId);
  await first.getByTestId('tab-notes').click();
  await first.getByTestId('note-editor').fill('Is er een DPIA?');
  await first.getByTestId('note-save').click();
  await expect(first.getByTestId('note-item')).toHaveCount(1);
  await first.close();

  // A panel in which formatting a note's date fails, as it did for a date beyond Date's range.
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.addInitScript(() => {
    Date.prototype.toISOString = () => {
      throw new RangeError('Invalid time value');
    };
  });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  await panel.getByTestId('tab-notes').click();
  await expect(panel.getByTestId('view-error')).toContainText('kon niet worden getoond');
  await expect(panel.getByTestId('view-error')).toHaveAttribute('role', 'alert');
  await screenshot(panel, 'view-error');
  // The header and the other tabs still work.
  await expect(panel.getByTestId('panel-summary')).toBeVisible();
  await panel.getByTestId('tab-document').click();
  await expect(panel.getByTestId('view-error')).toHaveCount(0);
  const group = panel.locator('[data-testid=match-group][data-category=camera]');
  await expandGroup(group);
  await expect(group.getByTestId('match-item').first()).toBeVisible();
  await panel.getByTestId('tab-all').click();
  await expect(panel.getByTestId('view-error')).toHaveCount(1);
});

test('een back-up met onmogelijke datums of adressen wordt geweigerd; Alles blijft werken', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const transfer = options.getByTestId('data-transfer');
  const backup = (documents: object[], notes: object[]) =>
    Buffer.from(JSON.stringify({ format: 'raadslens-backup', version: 1, exportedAt: '2026-11-28T12:00:00.000Z', documents, notes, flags: [] }));
  const doc = { id: DOC, url: DOC, title: 'Raadsvoorstel', createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000 };

  await transfer.getByTestId('data-import-file').setInputFiles({
    name: 'datum.json', mimeType: 'application/json',
    buffer: backup([doc], [{ ...note('11111111-1111-4111-8111-111111111111', DOC, 'x'), updatedAt: 9e15 }]),
  });
  await expect(transfer.getByTestId('data-status')).toContainText('notes.0.updatedAt');

  const script = 'data:text/html,<script>alert(document.domain)</script>';
  await transfer.getByTestId('data-import-file').setInputFiles({
    name: 'adres.json', mimeType: 'application/json',
    buffer: backup([{ ...doc, id: script, url: script }], [note('11111111-1111-4111-8111-111111111111', script, 'x')]),
  });
  await expect(transfer.getByTestId('data-status')).toContainText('alleen een webadres (http of https)');

  await transfer.getByTestId('data-import-file').setInputFiles({
    name: 'goed.json', mimeType: 'application/json', buffer: backup([doc], [note('11111111-1111-4111-8111-111111111111', DOC, 'Bewaartermijn?')]),
  });
  await expect(transfer.getByTestId('data-status')).toContainText('1 nieuwe en 0 bijgewerkte notities');
  await expect(transfer.getByTestId('data-status')).toContainText('1 nieuwe en 0 bijgewerkte documenten');
});

test('“Open het document” opent geen adres dat geen webadres is, ook niet als het al opgeslagen was', async ({ context, extensionId, openScanned, openPanel }) => {
  const { tabId } = await openScanned();
  const panel = await openPanel(tabId);
  const script = 'data:text/html,<script>document.title="uitgevoerd"</script>';
  await storeRaw(panel, {
    documents: [{ id: script, url: script, title: 'Oud document', createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000 }],
    notes: [note('22222222-2222-4222-8222-222222222222', script, 'Opgeslagen door een oudere versie')],
  });
  await panel.reload();
  await panel.getByTestId('tab-all').click();
  const item = panel.getByTestId('note-item').filter({ hasText: 'Opgeslagen door een oudere versie' });
  await expect(item).toHaveCount(1);
  const pagesBefore = context.pages().length;
  await item.getByTestId('entry-open').click();
  await expect(panel.getByRole('status').filter({ hasText: 'alleen webadressen' })).toBeVisible();
  expect(context.pages()).toHaveLength(pagesBefore);
  expect(context.pages().some((p) => p.url().startsWith('data:'))).toBe(false);
});
