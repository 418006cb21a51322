// The raadslid's record: flags on two documents under "Alles", opening an entry at its passage,
// live updates and conflicts between two windows, backup → fresh profile → restore, and a note
// that survives a changed page. (A note surviving a reload is notes.spec.ts.)
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { FIXTURES_ROOT } from '../tools/fixture-server.mjs';
import { RAADSVOORSTEL, expandGroup, expect, portalUrl, rangeTexts, screenshot, test } from './fixtures';

const BRIEF = 'pages/record-brief-drones.html';
const AMERSFOORT = 'amersfoort.raadsinformatie.nl';

interface Stored {
  documents: Array<Record<string, unknown>>;
  notes: Array<Record<string, unknown>>;
  flags: Array<Record<string, unknown>>;
}

/** Everything in the extension's IndexedDB, read raw (not through our code), sorted by id. */
async function storedRecords(extensionPage: Page): Promise<Stored> {
  return extensionPage.evaluate(async () => {
    // Not before the extension made it: an open without a version would create an empty database.
    while (!(await indexedDB.databases()).some((d) => d.name === 'raadslens')) await new Promise((w) => setTimeout(w, 50));
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('raadslens');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = (store: string) =>
      new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as Array<Record<string, unknown>>);
        request.onerror = () => reject(request.error);
      });
    const byId = (list: Array<Record<string, unknown>>) => list.sort((a, b) => String(a.id).localeCompare(String(b.id)));
    const out = { documents: byId(await all('documents')), notes: byId(await all('notes')), flags: byId(await all('flags')) };
    db.close();
    return out;
  });
}

async function flagFirstMatch(panel: Page, category: string, reason: string): Promise<void> {
  await panel.getByTestId('tab-document').click();
  const group = panel.locator(`[data-testid=match-group][data-category=${category}]`);
  await expandGroup(group);
  await group.getByTestId('match-item').first().getByTestId('match-flag').click();
  await expect(panel.getByTestId('flag-form')).toBeVisible();
  await panel.getByTestId('flag-reason').fill(reason);
  await panel.getByTestId('flag-save').click();
  await expect(panel.getByTestId('flag-item').filter({ hasText: reason })).toHaveCount(1);
}

async function flagDocument(panel: Page, reason: string): Promise<void> {
  await panel.getByTestId('tab-notes').click();
  await panel.getByTestId('flag-start').click();
  await panel.getByTestId('flag-reason').fill(reason);
  await panel.getByTestId('flag-save').click();
  await expect(panel.getByTestId('flag-item').filter({ hasText: reason })).toHaveCount(1);
}

test('markeringen op twee documenten staan allebei onder “Alles”, en een item opent het document bij de passage', async ({
  page,
  context,
  openScanned,
  scanMeasure,
  openPanel,
  errors,
}) => {
  const { tabId } = await openScanned();
  const panel = await openPanel(tabId);
  await flagFirstMatch(panel, 'camera', 'Waarom is uitbreiding van het cameratoezicht nodig?');
  // The flagged passage is found in the page but not painted there: the page's scripts could read it.
  await expect(panel.getByTestId('flag-item').getByTestId('entry-orphan')).toHaveCount(0);
  expect(await page.evaluate(() => CSS.highlights.has('raadslens-flag') || CSS.highlights.has('raadslens-note'))).toBe(false);
  // The flag's AP question came from the match's category.
  await expect(panel.getByTestId('flag-item').first().locator('.pill').first()).toContainText('AP-vraag');
  await screenshot(panel, 'record-notes-view');

  // Concept schriftelijke vragen from this document's flag and its scan: a visible action, and the
  // flag quoted as the whole sentence its term stands in, closed by a full stop before the question
  // (the first camera match is in the title, which has none of its own).
  await panel.getByTestId('letter-open').click();
  const letter = panel.getByTestId('letter-text');
  await expect(letter).toHaveValue(/^Aan het college van burgemeester en wethouders van de gemeente Utrecht/);
  await expect(letter).toHaveValue(/Onderwerp: Schriftelijke vragen over “Uitbreiding cameratoezicht binnenstad/);
  await expect(letter).toHaveValue(/\n\d+\. [^\n“]+: “[^”]*[Cc]ameratoezicht[^”]*(?:\.”|”\.) Waarom is uitbreiding van het cameratoezicht nodig\?/);
  await expect(letter).toHaveValue(/Fractie \[fractie\]/);
  await panel.getByTestId('letter').scrollIntoViewIfNeeded();
  await screenshot(panel, 'record-letter');
  await panel.getByTestId('letter').getByRole('button', { name: 'Sluiten' }).click();

  await page.goto(portalUrl(BRIEF, AMERSFOORT));
  await scanMeasure(page);
  await expect(panel.locator('.doc-title')).toContainText('drones');
  await flagDocument(panel, 'Is de FG geraadpleegd over de dronebeelden?');

  await panel.getByTestId('tab-all').click();
  const items = panel.getByTestId('flag-item');
  await expect(items).toHaveCount(2);
  await expect(panel.getByTestId('all-count')).toHaveText('2 van 2 getoond');
  await expect(items.filter({ hasText: 'Amersfoort' })).toHaveCount(1);
  await expect(items.filter({ hasText: 'Utrecht' })).toHaveCount(1);
  await screenshot(panel, 'record-all-view');

  // Filter and search (diacritics-insensitive).
  await panel.getByTestId('filters').locator('summary').click();
  await panel.getByTestId('filter-gemeente').selectOption('Amersfoort');
  await expect(items).toHaveCount(1);
  await panel.getByTestId('filter-gemeente').selectOption('');
  await panel.getByTestId('all-search').fill('CAMERATOEZÍCHT');
  await expect(items).toHaveCount(1);
  await expect(items).toContainText('cameratoezicht');
  await panel.getByTestId('all-search').fill('');

  // Status inline: set the Utrecht flag to "gesteld" and filter on it.
  const utrecht = items.filter({ hasText: 'Utrecht' });
  await utrecht.getByTestId('entry-status').selectOption('gesteld');
  await panel.getByTestId('filter-status').selectOption('gesteld');
  await expect(items).toHaveCount(1);
  await expect(items).toHaveAttribute('data-status', 'gesteld');

  // Export of the selection: exactly what the filters show, as CSV for Excel-NL.
  await panel.getByTestId('export-menu').locator('summary').click();
  const csvDownload = panel.waitForEvent('download');
  await panel.getByTestId('export-csv').click();
  const csv = await readFile((await (await csvDownload).path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trimEnd().split('\r\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^soort;document;gemeente;/);
  expect(lines[1]).toContain('Waarom is uitbreiding van het cameratoezicht nodig?');
  await expect(panel.getByTestId('export-status')).toContainText('.csv');

  // Opening it: the raadsvoorstel is not open in any tab now, so a new tab opens and scrolls there.
  const opened = context.waitForEvent('page');
  await items.getByTestId('entry-open').click();
  const doc = await opened;
  await expect(doc).toHaveURL(portalUrl(RAADSVOORSTEL));
  // The flagged passage is brought into view, unmarked: a mark would show the page's scripts which
  // passage the reader flagged.
  const inView = () =>
    doc.evaluate(() => {
      const walker = document.createTreeWalker(document.querySelector('article') ?? document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!/camera/i.test((n as Text).data)) continue;
        const r = n.parentElement!.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight;
      }
      return false;
    });
  await expect.poll(inView).toBe(true);
  expect(await rangeTexts(doc, 'raadslens-active')).toEqual([]);
  expect(errors).toEqual([]);
});

test('een wijziging in het ene venster verschijnt in het andere, en twee bewerkingen overschrijven elkaar niet stil', async ({
  openScanned,
  openPanel,
  errors,
}) => {
  const { tabId } = await openScanned();
  const one = await openPanel(tabId);
  const two = await openPanel(tabId);
  await one.getByTestId('tab-notes').click();
  await two.getByTestId('tab-notes').click();

  await one.getByTestId('note-editor').fill('Eerste versie van de vraag');
  await one.getByTestId('note-save').click();
  // Live in the other window, no reload.
  const inTwo = two.getByTestId('note-item');
  await expect(inTwo).toHaveCount(1);
  await expect(inTwo).toContainText('Eerste versie van de vraag');

  // Both start editing the same note.
  await one.getByTestId('entry-edit').click();
  await two.getByTestId('entry-edit').click();
  await one.getByTestId('entry-edit-text').fill('Tekst uit venster één');
  await one.getByTestId('entry-edit-save').click();
  await expect(one.getByTestId('note-item')).toContainText('Tekst uit venster één');

  await two.getByTestId('entry-edit-text').fill('Tekst uit venster twee');
  await two.getByTestId('entry-edit-save').click();
  const conflict = two.getByTestId('entry-conflict');
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('intussen elders gewijzigd');
  await expect(conflict).toContainText('Tekst uit venster één');
  await expect(conflict).toContainText('Tekst uit venster twee');
  await screenshot(two, 'record-conflict');

  await conflict.getByTestId('conflict-keep-mine').click();
  await expect(conflict).toHaveCount(0);
  await expect(one.getByTestId('note-item')).toContainText('Tekst uit venster twee');
  expect(errors).toEqual([]);
});

test.describe.serial('back-up', () => {
  let backupFile = '';
  let before: Stored | null = null;

  test('exporteer alles als JSON', async ({ page, openScanned, scanMeasure, openPanel }, testInfo) => {
    const { tabId } = await openScanned();
    const panel = await openPanel(tabId);
    await flagFirstMatch(panel, 'camera', 'Hoe lang worden de beelden bewaard?');
    await panel.getByTestId('tab-notes').click();
    await panel.getByTestId('note-editor').fill('Vraag aan de wethouder: wie is verwerker?');
    await panel.getByTestId('note-tags').fill('verwerker, AVG');
    await panel.getByTestId('note-save').click();
    await page.goto(portalUrl(BRIEF, AMERSFOORT));
    await scanMeasure(page);
    await flagDocument(panel, 'Geen DPIA genoemd');

    await panel.getByTestId('tab-all').click();
    const download = panel.waitForEvent('download');
    await panel.getByTestId('data-export').click();
    backupFile = testInfo.outputPath('backup.json');
    await (await download).saveAs(backupFile);
    await expect(panel.getByTestId('data-status')).toContainText('Back-up gedownload');
    before = await storedRecords(panel);
    expect(before.notes).toHaveLength(1);
    expect(before.flags).toHaveLength(2);
    expect(before.documents).toHaveLength(2);
    const json = JSON.parse(await readFile(backupFile, 'utf8'));
    expect(json).toMatchObject({ format: 'raadslens-backup', version: 2 });
  });

  test('importeer in een nieuw browserprofiel (via de instellingen): dezelfde gegevens, meteen zichtbaar in het zijpaneel', async ({
    context,
    extensionId,
    openScanned,
    openPanel,
    errors,
  }) => {
    expect(backupFile).not.toBe('');
    const { tabId } = await openScanned();
    const panel = await openPanel(tabId);
    await panel.getByTestId('tab-all').click();
    // Nothing stored: the list says so, without "0 van 0 getoond" above it.
    await expect(panel.getByText('Nog geen notities of aandachtspunten. Markeer een vondst of passage')).toBeVisible();
    await expect(panel.getByTestId('all-count')).toHaveText('');
    expect((await storedRecords(panel)).notes).toHaveLength(0); // a fresh profile

    // The options page embeds the same import; the panel, open beside it, follows without reload.
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const transfer = options.getByTestId('data-transfer');

    // A broken file first: a Dutch message, nothing stored.
    await transfer.getByTestId('data-import-file').setInputFiles({ name: 'kapot.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"raadslens-backup","version":7}') });
    await expect(transfer.getByTestId('data-status')).toContainText('nieuwere versie van Raadslens');
    expect((await storedRecords(panel)).flags).toHaveLength(0);

    await transfer.getByTestId('data-import-file').setInputFiles(backupFile);
    await expect(transfer.getByTestId('data-status')).toContainText('Back-up ingelezen');
    expect(await storedRecords(panel)).toEqual(before);
    await expect(panel.getByTestId('flag-item')).toHaveCount(2);
    await expect(panel.getByTestId('note-item')).toHaveCount(1);
    expect(errors).toEqual([]);
  });
});

test('een pagina waarvan de tekst veranderde houdt haar notities: teruggevonden of getoond als niet teruggevonden', async ({
  page,
  context,
  scanMeasure,
  tabIdFor,
  openPanel,
  highlightedTexts,
  errors,
}) => {
  const url = portalUrl('record/stationsgebied');
  let version = 1;
  await context.route(url, async (route) => {
    const body = await readFile(path.join(FIXTURES_ROOT, 'pages', `record-versie-${version}.html`));
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
  await page.goto(url);
  await scanMeasure(page);
  const panel = await openPanel(await tabIdFor(url));

  for (const [category, term, text] of [
    ['camera', 'cameratoezicht', 'Notitie bij het cameratoezicht'],
    ['drone', 'drone', 'Notitie bij de drone'],
  ] as const) {
    await panel.getByTestId('tab-document').click();
    const group = panel.locator(`[data-testid=match-group][data-category=${category}]`);
    await expandGroup(group);
    await group.getByTestId('match-item').filter({ hasText: term }).first().getByTestId('match-note').click();
    await panel.getByTestId('note-editor').fill(text);
    await panel.getByTestId('note-save').click();
    await expect(panel.getByTestId('note-item').filter({ hasText: text })).toHaveCount(1);
  }

  version = 2;
  await page.reload();
  await scanMeasure(page);
  await panel.reload();
  await panel.getByTestId('tab-notes').click();
  const camera = panel.getByTestId('note-item').filter({ hasText: 'Notitie bij het cameratoezicht' });
  const drone = panel.getByTestId('note-item').filter({ hasText: 'Notitie bij de drone' });
  await expect(camera).toHaveCount(1);
  await expect(drone).toHaveCount(1);
  await expect(drone.getByTestId('entry-orphan')).toHaveText(/niet teruggevonden in de huidige versie/);
  await expect(drone.locator('blockquote')).toContainText('drone');
  await expect(camera.getByTestId('entry-orphan')).toHaveCount(0);
  // The re-attached note is not painted in the page, where the page's scripts could read it.
  expect(await page.evaluate(() => CSS.highlights.has('raadslens-note'))).toBe(false);
  expect(await highlightedTexts(page)).toContain('cameratoezicht');
  await screenshot(panel, 'record-orphan');
  expect(errors).toEqual([]);
});

/** A letter's numbered questions, without their numbers. */
function letterQuestionLines(letter: string): string[] {
  return letter.split('\n').flatMap((line) => /^\d+\. (.*)$/.exec(line)?.[1] ?? []);
}

/** A letter's questions that name a technology ("het algoritme", "het herkenningssysteem", …), without their numbers. */
function technologyQuestions(letter: string): string[] {
  return letterQuestionLines(letter).filter((q) => /\bhet (algoritme|herkenningssysteem|camerasysteem|systeem)\b/.test(q));
}

test('een bewaard raadsvoorstel: de brief uit “Alles” noemt de technologie zoals de brief in het paneel', async ({ page, openScanned, openPanel, errors }) => {
  const { tabId } = await openScanned();
  const panel = await openPanel(tabId);
  await flagFirstMatch(panel, 'camera', 'Waarom is uitbreiding van het cameratoezicht nodig?');

  await panel.getByTestId('letter-open').click();
  // The letter is gathered after the click (the textarea is empty until then).
  await expect(panel.getByTestId('letter-text')).toHaveValue(/^Aan /);
  const panelLetter = await panel.getByTestId('letter-text').inputValue();
  const inPanel = technologyQuestions(panelLetter);
  // The demo raadsvoorstel's matches show an algorithm and cameras, no recognition: "het algoritme".
  expect(inPanel.filter((q) => /\bhet algoritme\b/.test(q)).length).toBeGreaterThan(0);
  await panel.getByTestId('letter').getByRole('button', { name: 'Sluiten' }).click();

  // From "Alles", without the raadsvoorstel in view: the same questions, word for word (it said
  // "het algoritme of het herkenningssysteem" before the record kept the categories).
  const letter = await allLetter(page, panel, 1);
  await expect(letter).toHaveValue(/^Aan /);
  const fromAll = await letter.inputValue();
  expect(technologyQuestions(fromAll)).toEqual(inPanel);
  // Every question the same. The record keeps its signals' ids (here leverancier, proefproject and
  // openbare ruimte, whose questions the safeguards' questions cover, in both letters).
  expect(letterQuestionLines(fromAll)).toEqual(letterQuestionLines(panelLetter));
  expect(fromAll).not.toMatch(/algoritme of (het )?herkenningssysteem/);
  // Kept with the document, raw in IndexedDB: the technology its matches showed and its portal, no page text.
  const [kept] = (await storedRecords(panel)).documents;
  expect(kept).toMatchObject({ portal: 'notubiz', categories: expect.arrayContaining(['camera', 'algoritme']) });
  const fields = ['id', 'url', 'portal', 'gemeente', 'title', 'type', 'meetingDate', 'checklist', 'addressee', 'decision', 'decisionFrom', 'categories', 'signals', 'asks', 'createdAt', 'updatedAt'];
  expect(kept!.signals).toEqual(expect.arrayContaining([expect.stringMatching(/^[a-z0-9-]+$/)]));
  expect(Object.keys(kept!).filter((k) => !fields.includes(k))).toEqual([]);
  // The screenshot shows the IAMA question: the letter scrolled to it, as a reader would.
  await letter.evaluate((el: HTMLTextAreaElement) => {
    const at = el.value.indexOf('Impact Assessment Mensenrechten');
    el.scrollTop = (el.scrollHeight * at) / el.value.length - el.clientHeight / 3;
  });
  await panel.getByTestId('letter').scrollIntoViewIfNeeded();
  await screenshot(panel, 'record-all-letter-technology');
  expect(errors).toEqual([]);
});

/**
 * A motie as NotuBiz serves it (a PDF at an address without .pdf), opened from a portal page and
 * saved with a note; gives what the record keeps of it and, later, the letter from "Alles" for it
 * without the motie in view.
 */
async function keptMotieLetter(page: Page, openPanel: (tabId: number) => Promise<Page>, tabIdFor: (url: string) => Promise<number>, url: string, note: string) {
  const panel = await keepMotie(page, openPanel, tabIdFor, url, note);
  const [stored] = (await storedRecords(panel)).documents;
  return { stored, letter: await allLetter(page, panel, 1) };
}

/** The motie at `url` opened from a portal page in its panel, and saved: a note makes it part of the reader's record. */
async function keepMotie(page: Page, openPanel: (tabId: number) => Promise<Page>, tabIdFor: (url: string) => Promise<number>, url: string, note: string) {
  await page.goto(portalUrl('pages/lege-pagina.html'));
  await page.evaluate((u) => (location.href = u), url).catch(() => {});
  await expect.poll(() => page.url()).toBe(url);
  const panel = await openPanel(await tabIdFor(url));
  await expect(panel.getByTestId('pdf-tab')).toHaveAttribute('data-state', 'done');
  await panel.getByTestId('tab-notes').click();
  await panel.getByTestId('note-editor').fill(note);
  await panel.getByTestId('note-save').click();
  await expect(panel.getByTestId('note-item')).toHaveCount(1);
  return panel;
}

/** The letter from "Alles" about the `count` documents kept, with none of them in view. */
async function allLetter(page: Page, panel: Page, count: number) {
  await page.goto(portalUrl('pages/lege-pagina.html'));
  await panel.reload();
  await panel.getByTestId('tab-all').click();
  await expect(panel.getByTestId('all-count')).toHaveText(`${count} van ${count} getoond`);
  await panel.getByTestId('letter-selection').click();
  return panel.getByTestId('letter-text');
}

test('een motie die de burgemeester verzoekt, bewaard: de brief uit “Alles” gaat naar de burgemeester', async ({ page, openPanel, tabIdFor, errors }) => {
  const url = portalUrl('document/90006/1/Motie+camera%27s+boulevard');
  const { stored, letter } = await keptMotieLetter(page, openPanel, tabIdFor, url, 'Mag de burgemeester gezichtsherkenning op straat inzetten?');
  expect(stored).toMatchObject({ url, type: 'motie', addressee: 'burgemeester' });
  // From "Alles", without the motie in view: the letter still asks the burgemeester.
  await expect(letter).toHaveValue(/^Aan de burgemeester van de gemeente Utrecht\n/);
  await expect(letter).toHaveValue(/\nGeachte burgemeester,\n/);
  // The burgemeester named once in a question (letter15): "kan die worden uitgevoerd", as the unit test has it.
  await expect(letter).toHaveValue(/\n1\. Hoe beoordeelt de burgemeester de motie, en kan die worden uitgevoerd binnen de privacywetgeving \(AVG\)\?/);
  await expect(letter).not.toHaveValue(/\bcollege\b/);
  // What the panel read was kept with it at the note (it was read before it was kept): the safeguards are asked too.
  await expect(letter).toHaveValue(/Als de motie wordt aangenomen: wordt er dan eerst een DPIA uitgevoerd/);
  expect(errors).toEqual([]);
});

test('een motie aan de burgemeester en een aan het college, bewaard: “Alles” geeft twee brieven, elk aan wie het vraagt', async ({ page, openPanel, tabIdFor, errors }) => {
  const mayor = portalUrl('document/90006/1/Motie+camera%27s+boulevard');
  const college = portalUrl('document/90005/1/document+90005');
  await (await keepMotie(page, openPanel, tabIdFor, mayor, 'Mag de burgemeester gezichtsherkenning op straat inzetten?')).close();
  const panel = await keepMotie(page, openPanel, tabIdFor, college, 'Wie betaalt de camera’s bij het station?');
  expect((await storedRecords(panel)).documents).toEqual(
    expect.arrayContaining([expect.objectContaining({ url: mayor, addressee: 'burgemeester' }), expect.objectContaining({ url: college, decision: 'aangenomen' })]),
  );
  const letter = await allLetter(page, panel, 2);
  // Said plainly above them, then the burgemeester's letter and the college's, each whole.
  await expect(letter).toHaveValue(/^Twee brieven: aan de burgemeester over de motie “[^”]+”[,;] aan het college over de motie “[^”]+”\. Verstuur ze apart\.\n\nAan de burgemeester van de gemeente Utrecht\n/);
  const text = await letter.inputValue();
  const [toMayor, toCollege] = text.slice(text.indexOf('\n\n') + 2).split('\n* * *\n\n');
  expect(toMayor).toMatch(/^Aan de burgemeester van de gemeente Utrecht\n/);
  expect(toCollege).toMatch(/^Aan het college van burgemeester en wethouders van de gemeente Utrecht\n/);
  expect(toMayor).toContain('\nGeachte burgemeester,\n');
  expect(toCollege).toContain('\nGeacht college,\n');
  for (const one of [toMayor!, toCollege!]) {
    expect(one).toContain('op grond van artikel [artikel …] van het Reglement van orde');
    expect(one).toMatch(/\n1\. /);
  }
  // The burgemeester's motie is asked of the burgemeester, and only in the burgemeester's letter.
  expect(toMayor).toMatch(/\n1\. Hoe beoordeelt de burgemeester de motie, en kan die worden uitgevoerd binnen de privacywetgeving \(AVG\)\?/);
  expect(toMayor).not.toMatch(/\bcollege\b/);
  expect(toMayor).toContain('Mag de burgemeester gezichtsherkenning op straat inzetten?');
  expect(toCollege).not.toContain('Mag de burgemeester gezichtsherkenning');
  expect(toCollege).toMatch(/\n1\. Hoe gaat het college de motie uitvoeren/);
  expect(toCollege).toContain('Wie betaalt de camera’s bij het station?');
  expect(errors).toEqual([]);
});

test('een verworpen motie, bewaard: de brief uit “Alles” vraagt niet naar de uitvoering', async ({ page, openPanel, tabIdFor, errors }) => {
  const url = portalUrl('document/90007/1/Motie+camera%27s+markt');
  const { stored, letter } = await keptMotieLetter(page, openPanel, tabIdFor, url, 'Is gezichtsherkenning op de markt van de baan?');
  expect(stored).toMatchObject({ url, type: 'motie', decision: 'verworpen' });
  // From "Alles", without the motie in view: the letter knows the raad rejected it.
  await expect(letter).toHaveValue(/De raad heeft de motie verworpen: niemand voert haar uit, dus deze brief vraagt niet naar de uitvoering\./);
  await expect(letter).not.toHaveValue(/Als de motie wordt aangenomen|uitvoert|wordt uitgevoerd/);
  await expect(letter).toHaveValue(/\n1\. Is gezichtsherkenning op de markt van de baan\?/);
  expect(errors).toEqual([]);
});

test('een motie bewaard voordat de raad besliste: de lijst die later “Verworpen” zegt, en de brief uit “Alles” vraagt alleen de notitie', async ({ page, openPanel, tabIdFor, errors }) => {
  // Opened on its own (no list in view): its text says nothing of an outcome.
  const url = 'http://denhaag.raadsinformatie.nl/document/13400002/1/Motie+302';
  await page.goto(portalUrl('pages/lege-pagina.html'));
  await page.evaluate((u) => (location.href = u), url).catch(() => {});
  await expect.poll(() => page.url()).toBe(url);
  const panel = await openPanel(await tabIdFor(url));
  await expect(panel.getByTestId('pdf-tab')).toHaveAttribute('data-state', 'done');
  await expect(panel.getByTestId('verdict-decision')).toHaveCount(0);
  await panel.getByTestId('tab-notes').click();
  await panel.getByTestId('note-editor').fill('Wat doet het college met het register van sensoren?');
  await panel.getByTestId('note-save').click();
  await expect(panel.getByTestId('note-item')).toHaveCount(1);
  expect((await storedRecords(panel)).documents[0]).not.toHaveProperty('decision');

  // Later the list of moties, whose Status column says "Verworpen" beside it; nothing is fetched for it.
  await page.goto(portalUrl('portals/notubiz-moties.html', 'denhaag.raadsinformatie.nl'));
  await panel.getByTestId('tab-document').click();
  await expect(panel.getByTestId('attachments').getByTestId('pdf-doc')).toHaveCount(4);
  await expect.poll(async () => (await storedRecords(panel)).documents).toMatchObject([{ url, type: 'motie', decision: 'verworpen', decisionFrom: 'list' }]);
  expect((await storedRecords(panel)).documents).toHaveLength(1);

  // From "Alles", without the list or the motie in view: says where the outcome comes from, asks only the note.
  await page.goto(portalUrl('pages/lege-pagina.html'));
  await panel.reload();
  await panel.getByTestId('tab-all').click();
  await expect(panel.getByTestId('all-count')).toHaveText('1 van 1 getoond');
  await panel.getByTestId('letter-selection').click();
  const letter = panel.getByTestId('letter-text');
  await expect(letter).toHaveValue(/De raad heeft de motie verworpen \(zo staat het in de lijst; de motie zelf zegt het niet\): niemand voert haar uit, dus deze brief vraagt niet naar de uitvoering\./);
  await expect(letter).toHaveValue(/\n1\. Wat doet het college met het register van sensoren\?/);
  await expect(letter).not.toHaveValue(/\n2\. |Als de motie wordt aangenomen|uitvoert|wordt uitgevoerd/);
  expect(errors).toEqual([]);
});
