// The checklist reads what the text says, and the letter follows it: a raadsvoorstel that says no
// DPIA was carried out shows that with its own mark and sentence, the letter's first question is
// about it, and a status the reader corrects survives a reload of the panel and changes the letter.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { RAADSVOORSTEL, expect, portalUrl, screenshot, test } from './fixtures';

/** Downloads one format of the export menu and reads the file. */
async function exported(panel: Page, format: 'md' | 'csv'): Promise<string> {
  await panel.getByTestId('export-menu').locator('summary').click();
  const download = panel.waitForEvent('download');
  await panel.getByTestId(`export-${format}`).click();
  return readFile((await (await download).path())!, 'utf8');
}

const PAGE = 'pages/raadsvoorstel-geen-dpia.html';
const HOST = 'zwolle.raadsinformatie.nl';

test('een stuk zonder DPIA: het eigen teken, de eerste vraag van de brief, en een correctie die blijft', async ({ openScanned, openPanel, errors }) => {
  const { tabId } = await openScanned(PAGE, HOST);
  const panel = await openPanel(tabId);

  const dpia = panel.locator('[data-testid=safeguard-found][data-safeguard=dpia]');
  await expect(dpia).toHaveAttribute('data-status', 'negated');
  await expect(dpia).toContainText('Het stuk zegt: niet gedaan');
  await expect(dpia.locator('.mark')).toHaveText('✗');
  await expect(dpia.locator('blockquote')).toHaveText("Voor de slimme camera's is geen DPIA uitgevoerd, omdat de leverancier de software al bij andere gemeenten gebruikt.");
  const fg = panel.locator('[data-testid=safeguard-found][data-safeguard=fg]');
  await expect(fg).toHaveAttribute('data-status', 'planned');
  await expect(fg).toContainText('Het stuk zegt: nog niet gedaan, wel aangekondigd');
  await expect(panel.locator('[data-testid=safeguard-found][data-safeguard=bewaartermijn]')).toHaveAttribute('data-status', 'stated');
  await expect(panel.locator('[data-testid=safeguard-missing][data-safeguard=alternatieven]')).toHaveAttribute('data-status', 'absent');
  // ✓ only where the text says it was done.
  await expect(panel.locator('[data-testid=safeguards] .mark', { hasText: '✓' })).toHaveCount(1);
  await panel.getByTestId('safeguards').evaluate((el) => el.scrollIntoView());
  await screenshot(panel, 'checklist-statuses');

  // The letter: a visible action under the checklist; its first question is the missing DPIA, quoted.
  await panel.getByTestId('letter-open').first().click();
  const letter = panel.getByTestId('letter-text');
  // (How the quote is introduced depends on the document type the portal page gives.)
  await expect(letter).toHaveValue(/^Aan het college van burgemeester en wethouders van de gemeente Zwolle/);
  await expect(letter).toHaveValue(/\n1\. [^\n“]+: “Voor de slimme camera's is geen DPIA uitgevoerd, omdat [^”]+” Waarom is er geen DPIA uitgevoerd/);
  await expect(letter).toHaveValue(/\n2\. [^\n“]+: “De functionaris gegevensbescherming wordt na de zomer om advies gevraagd\.” Wanneer geeft de FG advies/);
  await expect(letter).toHaveValue(/artikel \[artikel …\] van het Reglement van orde/);
  await panel.getByTestId('letter').scrollIntoViewIfNeeded();
  await screenshot(panel, 'checklist-letter');

  // The reader reads it otherwise: one click, kept with the document.
  await panel.getByTestId('tab-document').click();
  await dpia.locator('[data-testid=safeguard-correct][data-status=stated]').click();
  await expect(dpia).toHaveAttribute('data-status', 'stated');
  await expect(dpia).toHaveAttribute('data-detected', 'negated');
  await expect(dpia.getByTestId('safeguard-corrected')).toContainText('Raadslens las: niet gedaan');
  await panel.getByTestId('safeguards').evaluate((el) => el.scrollIntoView());
  await screenshot(panel, 'checklist-corrected');

  await panel.reload();
  await expect(dpia).toHaveAttribute('data-status', 'stated');
  await expect(dpia).toHaveAttribute('data-detected', 'negated');

  await panel.getByTestId('letter-open').first().click();
  await expect(letter).toHaveValue(/\n1\. [^\n“]+: “De functionaris gegevensbescherming wordt na de zomer/);
  await expect(letter).not.toHaveValue(/Waarom is er geen DPIA uitgevoerd/);

  // Back to what was read: the DPIA question returns.
  await panel.getByTestId('tab-document').click();
  await dpia.getByTestId('safeguard-corrected').getByRole('button').click();
  await expect(dpia).toHaveAttribute('data-status', 'negated');
  expect(errors).toEqual([]);
});

test('een correctie zonder notitie: het stuk staat in "Alles", gaat mee in de brief over een selectie, en verdwijnt na terugzetten', async ({ page, openScanned, openPanel, scanMeasure, errors }) => {
  // Another document, in another gemeente, with a note: "Alles" has more than the corrected one.
  const { tabId } = await openScanned(PAGE, HOST);
  const panel = await openPanel(tabId);
  await panel.getByTestId('tab-notes').click();
  await panel.getByTestId('note-editor').fill('Wie kijkt mee met de camera’s bij de containers?');
  await panel.getByTestId('note-save').click();
  await expect(panel.getByTestId('note-item')).toHaveCount(1);

  // The Utrecht raadsvoorstel says the DPIA was done; the reader reads it otherwise and writes nothing.
  await page.goto(portalUrl(RAADSVOORSTEL));
  await scanMeasure(page);
  await expect(panel.locator('.doc-title')).toContainText('cameratoezicht');
  await panel.getByTestId('tab-document').click();
  const dpia = panel.locator('[data-testid=safeguard-found][data-safeguard=dpia]');
  await expect(dpia).toHaveAttribute('data-status', 'stated');
  await dpia.locator('[data-testid=safeguard-correct][data-status=negated]').click();
  await expect(dpia).toHaveAttribute('data-status', 'negated');
  await expect(dpia).toHaveAttribute('data-detected', 'stated');

  // The document's own export, without a note, carries the correction.
  await panel.getByTestId('tab-notes').click();
  expect(await exported(panel, 'md')).toContain('- DPIA: het stuk zegt volgens u: niet gedaan (Raadslens las: gedaan)');

  // "Alles": the document is listed with its correction, beside the note on the other one.
  await panel.getByTestId('tab-all').click();
  const corrected = panel.getByTestId('correction-item');
  await expect(corrected).toHaveCount(1);
  await expect(panel.getByTestId('note-item')).toHaveCount(1);
  await expect(panel.getByTestId('all-count')).toHaveText('2 van 2 getoond');
  await expect(corrected.locator('.entry-doc')).toContainText('Uitbreiding cameratoezicht binnenstad');
  await expect(corrected.locator('.entry-doc')).toContainText('Utrecht');
  const line = corrected.locator('[data-testid=correction-safeguard][data-safeguard=dpia]');
  await expect(line).toHaveAttribute('data-status', 'negated');
  await expect(line).toContainText('DPIA: het stuk zegt volgens u: niet gedaan (Raadslens las: gedaan)');
  await corrected.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await screenshot(panel, 'all-correction');

  // Selected by its name, as a reader narrows "Alles": the letter is about it alone and leads with the DPIA.
  await panel.getByTestId('all-search').fill('lantaarnpalen');
  await expect(panel.getByTestId('all-count')).toHaveText('1 van 2 getoond');
  await expect(corrected).toHaveCount(1);
  await expect(panel.getByTestId('note-item')).toHaveCount(0);
  await panel.getByTestId('letter-selection').click();
  const letter = panel.getByTestId('letter-text');
  await expect(letter).toHaveValue(/^Aan het college van burgemeester en wethouders van de gemeente Utrecht/);
  await expect(letter).toHaveValue(/\n1\. [^\n]*DPIA/);
  await expect(letter).not.toHaveValue(/containers/);
  await panel.getByTestId('letter').getByRole('button', { name: 'Sluiten' }).click();

  // The selection's Markdown and CSV carry the correction, and only what the list shows.
  const md = await exported(panel, 'md');
  expect(md).toContain('### Checklist gecorrigeerd');
  expect(md).toContain('- DPIA: het stuk zegt volgens u: niet gedaan (Raadslens las: gedaan)');
  expect(md).not.toContain('containers');
  const rows = (await exported(panel, 'csv')).slice(1).trimEnd().split('\r\n');
  expect(rows).toHaveLength(2);
  expect(rows[1]).toMatch(/^correctie;/);
  expect(rows[1]).toContain(';DPIA: het stuk zegt volgens u: niet gedaan (Raadslens las: gedaan);niet gedaan;');

  // Back to what was read, with the keyboard, from "Alles": the document leaves the list.
  const undo = line.getByTestId('correction-undo');
  await expect(undo).toHaveAccessibleName('DPIA: terugzetten naar wat Raadslens las');
  await undo.focus();
  await expect(undo).toBeFocused();
  await panel.keyboard.press('Enter');
  await expect(corrected).toHaveCount(0);
  await expect(panel.getByTestId('all-count')).toHaveText('0 van 1 getoond');
  await panel.getByTestId('all-search').fill('');
  await expect(panel.getByTestId('note-item')).toHaveCount(1);
  await panel.getByTestId('tab-document').click();
  await expect(dpia).toHaveAttribute('data-status', 'stated');
  expect(errors).toEqual([]);
});
