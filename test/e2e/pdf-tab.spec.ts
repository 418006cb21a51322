// A document the reader opens is read, or the panel says that it was not. A PDF in a tab —
// a NotuBiz /document/{id}/{n}/{name} address without .pdf, an iBabs address whose response is a
// PDF — is read by the panel on its own, with page numbers; a failure, a scan without text and a
// host Raadslens may not fetch from are said as such, with the action; an agenda whose attachments
// were not read never says that nothing was found.
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { realCaptures } from '../tools/real-captures.mjs';
import { expandGroup, expect, portalUrl, screenshot, test } from './fixtures';

const NOTUBIZ_PDF = portalUrl('document/90001/1/Raadsvoorstel++Cameratoezicht+en+slimme+sensoren');
const FAILING_PDF = portalUrl('document/90002/1/Motie+cameratoezicht+Stationsplein');
const SCANNED_PDF = portalUrl('document/90003/2/Ondertekende+brief+college');
const IBABS_DOCUMENT = portalUrl(
  'Agenda/Document/6b0e52a1-3c4d-4e8f-9a17-2d5c8b1e0f44?documentId=0c9d7e12-5a3b-4f6c-8e21-9b4a7d3c2e15&agendaItemId=a41f3b7c-2e9d-4c58-b613-7e0d5a9c8f21',
  'utrecht.bestuurlijkeinformatie.nl',
);
const AGENDA = 'pages/agenda-zonder-termen.html';
/** What the panel may only say of text it read. */
const NOTHING_FOUND = /Geen technologietermen gevonden|(?<!\d)0 vondsten/;

/** Where the export and the letter of the real motie are written, to be read by a person. */
const testInfoPath = (name: string) => {
  const dir = path.resolve('test-results/real-motie');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
};

const REAL_MOTIE = realCaptures().find((c) => c.file === 'pdf/denhaag-motie-15518187-gezichtsherkenning-cameras.pdf');

/**
 * Shows `url` in `page` as the reader would get there: by following a link from a portal page
 * (Playwright's goto does not wait for a PDF viewer's load).
 */
async function openInTab(page: Page, url: string): Promise<void> {
  await page.goto(portalUrl('pages/lege-pagina.html'));
  await page.evaluate((u) => (location.href = u), url).catch(() => {});
  await expect.poll(() => page.url()).toBe(url);
}

/** Serious or critical WCAG A/AA violations axe finds in the page. */
async function axeProblems(page: Page): Promise<Array<{ rule: string; nodes: string[] }>> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.passes.length).toBeGreaterThan(5);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

/** The page numbers of one category's matches in the tab's PDF results. */
async function pagesOf(panel: Page, category: string): Promise<string[]> {
  const group = panel.locator(`[data-testid=pdf-tab] [data-testid=pdf-match-group][data-category=${category}]`);
  await expandGroup(group);
  return group.getByTestId('pdf-match').evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLElement).dataset.page ?? ''))]);
}

/**
 * The side panel for a tab, with `prepare` run before it loads (a route, for instance), and the
 * addresses the panel itself requested.
 */
async function panelFor(context: BrowserContext, extensionId: string, tabId: number, prepare?: (panel: Page) => Promise<unknown>) {
  const panel = await context.newPage();
  const requested: string[] = [];
  panel.on('request', (r) => requested.push(r.url()));
  await panel.setViewportSize({ width: 400, height: 900 });
  await prepare?.(panel);
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  return { panel, requested };
}

test('NotuBiz-adres zonder .pdf: het zijpaneel leest de PDF vanzelf, met paginanummers', async ({ page, context, extensionId, tabIdFor, scanMeasure, errors }) => {
  // The agenda that links it stays open in another tab: its link text is the document's name
  // (once the agenda has been read: on a busy machine that comes after its load event).
  const agenda = await context.newPage();
  await agenda.goto(portalUrl(AGENDA));
  await scanMeasure(agenda);
  await openInTab(page, NOTUBIZ_PDF);
  const { panel, requested } = await panelFor(context, extensionId, await tabIdFor(NOTUBIZ_PDF));

  const card = panel.getByTestId('pdf-tab');
  await expect(card).toHaveAttribute('data-state', 'done');
  await expect(panel.getByTestId('panel-summary')).toHaveText(/^(?:1 vondst|[1-9]\d* vondsten) in (?:1 categorie|[2-9] categorieën) · 3 pagina’s$/);
  // No button to find: it was read without one, and there is no page to scan.
  await expect(panel.getByTestId('pdf-scan-this')).toHaveCount(0);
  await expect(panel.getByTestId('scan-page')).toHaveCount(0);
  await expect(card.getByTestId('pdf-doc')).toHaveAttribute('data-url', NOTUBIZ_PDF);
  // Cameratoezicht on page 1, the AI-verordening on 2, gezichtsherkenning on 3.
  expect(await pagesOf(panel, 'camera')).toContain('1');
  expect(await pagesOf(panel, 'algoritme')).toContain('2');
  expect(await pagesOf(panel, 'biometrie')).toEqual(['3']);
  await expect(card.getByTestId('question-card')).toHaveCount(3);
  // Named as the agenda names it; portal and type from the address and that name.
  await expect(panel.locator('.doc-title')).toHaveText('Bijlage bij het raadsvoorstel');
  const meta = panel.getByTestId('document-meta');
  await expect(meta.locator('.meta-row[data-field=portaal]')).toContainText('NotuBiz');
  await expect(meta.locator('.meta-row[data-field=gemeente]')).toContainText('Utrecht');

  // The panel's one request: the document the reader opened, once.
  expect(requested.filter((u) => u.startsWith('http'))).toEqual([NOTUBIZ_PDF]);
  expect(errors).toEqual([]);
});

test('een motie die haar naam niet noemt, door de raad aangenomen: soort, panel en brief zeggen het', async ({ page, context, extensionId, tabIdFor, errors }) => {
  const url = portalUrl('document/90005/1/document+90005');
  await openInTab(page, url);
  const { panel } = await panelFor(context, extensionId, await tabIdFor(url));
  await expect(panel.getByTestId('pdf-tab')).toHaveAttribute('data-state', 'done');
  await expect(panel.getByTestId('document-meta').locator('.meta-row[data-field=soort]')).toContainText('motie');
  await expect(panel.getByTestId('verdict-decision')).toHaveText('De raad heeft de motie aangenomen. De vragen gaan over wat het college doet voordat het de motie uitvoert.');
  const verdict = panel.getByTestId('verdict');
  await expect(verdict).not.toContainText('wordt aangenomen');
  await expect(verdict).not.toContainText('Is er vooraf');
  await panel.getByTestId('letter-open').first().click();
  // The letter is gathered after the click (the textarea is empty until then).
  await expect(panel.getByTestId('letter-text')).toHaveValue(/^Aan /);
  const letter = await panel.getByTestId('letter-text').inputValue();
  expect(letter).toContain('Naar aanleiding van de motie “document 90005”');
  expect(letter).toContain('De raad heeft de motie aangenomen.');
  expect(letter).toContain('Wordt er, voordat het college de motie uitvoert, eerst een DPIA uitgevoerd');
  expect(letter).not.toMatch(/wordt aangenomen|Is er vooraf|raadsstuk/);
  expect(errors).toEqual([]);
});

// The real capture, where this machine has it (../shared/real/); the fixture motie below is read the same way without it.
if (REAL_MOTIE) {
  test('de echte NotuBiz-motie over gezichtsherkenning (Den Haag) wordt gelezen', async ({ page, openPanel, tabIdFor, errors }) => {
    const url = `http://${REAL_MOTIE.host}${REAL_MOTIE.pathAndQuery}`;
    await openInTab(page, url);
    const panel = await openPanel(await tabIdFor(url));
    await expect(panel.getByTestId('pdf-tab')).toHaveAttribute('data-state', 'done');
    await expect(panel.locator('.doc-title')).toHaveText('I.6 VVD motie Relschoppers mogen niet ongestraft wegkomen');
    await expect(panel.getByTestId('panel-summary')).toContainText('1 pagina');
    expect(await pagesOf(panel, 'biometrie')).toEqual(['1']);
    const group = panel.locator('[data-testid=pdf-tab] [data-testid=pdf-match-group][data-category=biometrie]');
    await expect(group.getByTestId('pdf-match').first()).toContainText(/gezichtsherkenning/i);
    await expect(panel.locator('[data-testid=document-meta] .meta-row[data-field=soort]')).toContainText('motie');
    await panel.evaluate(() => window.scrollTo(0, 0));
    await screenshot(panel, 'pdf-tab-notubiz-motie');
    expect(errors).toEqual([]);
  });
}

/** Selects `text` (its `nth` occurrence) in the viewer's text layer of page 1, as a reader would by dragging. */
async function selectInViewer(viewer: Page, text: string, nth = 0): Promise<void> {
  await viewer.locator('section[data-page="1"]').evaluate(
    (pageEl, [q, n]) => {
      const spans = [...pageEl.querySelectorAll('.textLayer span')].filter((s) => s.textContent?.includes(q as string));
      const node = spans[n as number]?.firstChild as Text;
      const at = node.data.indexOf(q as string);
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + (q as string).length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    },
    [text, nth] as const,
  );
}

/** A motie in a PDF tab, and what the reader does with it: the words a note and a flag are put on, and the quote the letter must give. */
interface MotieCase {
  url: string;
  title: string;
  gemeente: string;
  /** The word the note is on, and which of its occurrences on page 1. */
  note: { text: string; nth: number };
  flag: string;
  /** The note's quote in the letter: a PDF tab gives no whole sentence, so the kept context in whole words, cut at the list item's end. */
  quote: string;
  /** Where the export and the letter are written, for a person to read. */
  out: string;
  /** Whom its dictum asks ("Verzoekt de Burgemeester:"): the panel and the letter ask the same; default the college. */
  to?: 'het college' | 'de burgemeester';
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type MotieFixtures = Pick<Parameters<Parameters<typeof test>[2]>[0], 'page' | 'context' | 'extensionId' | 'openPanel' | 'tabIdFor' | 'errors'>;

async function motieNotesExportAndLetter({ page, context, extensionId, openPanel, tabIdFor, errors }: MotieFixtures, m: MotieCase) {
  const { url } = m;
  await openInTab(page, url);
  const panel = await openPanel(await tabIdFor(url));
  await expect(panel.getByTestId('pdf-tab')).toHaveAttribute('data-state', 'done');

  // In the viewer, as a reader reads it: a note on one gezichtsherkenning match, a flag on a camera match.
  const viewer = await context.newPage();
  await viewer.goto(`chrome-extension://${extensionId}/pdf-viewer.html?file=${encodeURIComponent(url)}`);
  await expect(viewer.locator('body[data-extracted=done]')).toHaveCount(1);
  await expect(viewer.locator('section[data-page="1"][data-rendered=true]')).toHaveCount(1);
  await selectInViewer(viewer, m.note.text, m.note.nth);
  await viewer.getByTestId('pdf-note-from-selection').click();
  await viewer.getByTestId('pdf-note-editor').fill('Mag de gemeente dit wel? Biometrie is bijzonder persoonsgegeven.');
  await viewer.getByTestId('pdf-note-save').click();
  await selectInViewer(viewer, m.flag);
  await viewer.getByTestId('pdf-flag-from-selection').click();
  await viewer.getByTestId('pdf-note-editor').fill('Welke camera’s precies, en van wie?');
  await viewer.getByTestId('pdf-note-save').click();
  await expect(viewer.getByTestId('pdf-note-item')).toHaveCount(2);

  // The panel's open points are a proposal's too.
  const dpia = panel.locator('[data-testid=verdict-point][data-safeguard=dpia]').first();
  await dpia.locator('summary').click();
  const to = m.to ?? 'het college';
  await expect(dpia).toContainText(`Vraag ${to}: Als de motie wordt aangenomen: wordt er dan eerst een DPIA uitgevoerd`);
  await expect(panel.locator('[data-testid=pdf-tab] [data-testid=question-card][data-question=ap-2]')).toContainText('Als de motie wordt aangenomen: wordt er dan eerst een DPIA uitgevoerd');
  expect((await panel.locator('[data-testid=pdf-tab] [data-testid=question-card]').allTextContents()).join('\n')).not.toContain('Is er vooraf een DPIA uitgevoerd');

  // The panel's export of this document.
  await panel.reload();
  await expect(panel.getByTestId('pdf-tab')).toHaveAttribute('data-state', 'done');
  await panel.getByRole('tab', { name: /Notities/ }).click();
  // The browser's PDF viewer gives no selection: the editor names the viewer instead of offering it.
  await expect(panel.getByTestId('note-from-selection')).toHaveCount(0);
  await expect(panel.getByText('Een notitie bij een passage maakt u in de Raadslens-viewer.')).toBeVisible();
  await panel.getByTestId('export-menu').first().locator('summary').click();
  const download = panel.waitForEvent('download');
  await panel.getByTestId('export-md').first().click();
  const md = await readFile((await (await download).path())!, 'utf8');
  // Title as the panel names the PDF, linked to its address; gemeente and kind; both quotes
  // with the reader's words, their page and a link to the passage; the export's date.
  expect(md).toContain(`## [${m.title.replace(/_/g, '\\_')}](<${url}>)`);
  expect(md).toContain(`Gemeente: ${m.gemeente} · Soort: motie`);
  expect(md).toMatch(/Geëxporteerd op \d{1,2} \w+ \d{4}/);
  expect(md).toMatch(new RegExp(`### Notitie: “${m.note.text}”\n\n> ${m.note.text}\n\nMag de gemeente dit wel\\? Biometrie is bijzonder persoonsgegeven\\.\n`));
  expect(md).toMatch(new RegExp(`### Aandachtspunt: “${m.flag}”\n\n> ${m.flag}\n\n\\*\\*Reden:\\*\\* Welke camera’s precies, en van wie\\?\n`));
  expect(md.match(/- Pagina 1\n/g)).toHaveLength(2);
  expect(md).toContain(`- [Naar de passage](<${url}#:~:text=${m.note.text}>)`);

  // The letter about the motie: a proposal, with the reader's note and flag as questions.
  await panel.getByTestId('letter-open').click();
  const letter = panel.getByTestId('letter-text');
  await expect(letter).toHaveValue(/Het gaat om een motie: een verzoek of uitspraak van de raad, geen inzet van technologie die al plaatsvindt\./);
  await expect(letter).toHaveValue(new RegExp(`\\n1\\. Hoe beoordeelt ${to} de motie, en kan die worden uitgevoerd binnen de privacywetgeving \\(AVG\\)\\?`));
  await expect(letter).toHaveValue(/Als de motie wordt aangenomen: wordt er dan eerst een DPIA uitgevoerd/);
  await expect(letter).toHaveValue(/Mag de gemeente dit wel\? Biometrie is bijzonder persoonsgegeven\./);
  await expect(letter).toHaveValue(new RegExp(`In de motie \\(p\\. 1\\) staat: “${escapeRegExp(m.quote)}” Mag de gemeente`));
  await expect(letter).toHaveValue(/Welke camera’s precies, en van wie\?/);
  await expect(letter).not.toHaveValue(/Is er vooraf een DPIA uitgevoerd|zegt niet of/);
  writeFileSync(testInfoPath(`${m.out}-export.md`), md);
  writeFileSync(testInfoPath(`${m.out}-letter.txt`), await letter.inputValue());
  expect(errors).toEqual([]);
}

test('een NotuBiz-motie als PDF: notitie en aandachtspunt bij een vondst, de Markdown-export en de brief lezen goed', async ({ page, context, extensionId, openPanel, tabIdFor, errors }) => {
  await motieNotesExportAndLetter({ page, context, extensionId, openPanel, tabIdFor, errors }, {
    url: portalUrl('document/90004/1/I_4++motie+Gezichtsherkenning+in+het+uitgaansgebied'),
    title: 'I.4 motie Gezichtsherkenning in het uitgaansgebied',
    gemeente: 'Utrecht',
    note: { text: 'gezichtsherkenning', nth: 1 },
    flag: 'Janskerkhof',
    quote: '… per direct uit te rusten met gezichtsherkenning om dit mogelijk te maken;',
    out: 'fixture-motie',
  });
});

// The real capture, where this machine has it (../shared/real/); the test above holds the same claims without it.
if (REAL_MOTIE) {
  test('de echte NotuBiz-motie: notitie en aandachtspunt bij een vondst, de Markdown-export en de brief lezen goed', async ({ page, context, extensionId, openPanel, tabIdFor, errors }) => {
    await motieNotesExportAndLetter({ page, context, extensionId, openPanel, tabIdFor, errors }, {
      url: `http://${REAL_MOTIE.host}${REAL_MOTIE.pathAndQuery}`,
      title: 'I.6 VVD motie Relschoppers mogen niet ongestraft wegkomen',
      gemeente: 'Den Haag',
      note: { text: 'gezichtsherkenning', nth: 1 },
      flag: 'Palacepromenade',
      quote: '… zouden moeten worden met gezichtsherkenning om dit mogelijk te maken;',
      out: 'notubiz-motie',
      // Its dictum: "Verzoekt de Burgemeester:".
      to: 'de burgemeester',
    });
  });
}

test('de brief bij een PDF-tabblad: genoemd zoals het paneel de PDF noemt, met de vragen uit wat de PDF (niet) zegt', async ({ page, openPanel, tabIdFor, errors }) => {
  await openInTab(page, NOTUBIZ_PDF);
  const panel = await openPanel(await tabIdFor(NOTUBIZ_PDF));
  await expect(panel.getByTestId('pdf-tab')).toHaveAttribute('data-state', 'done');
  await panel.getByRole('tab', { name: /Notities/ }).click();
  await panel.getByTestId('letter-open').click();
  const letter = panel.getByTestId('letter-text');
  // Not the tab title (the raw address or the PDF's own title): the name the panel shows.
  await expect(letter).toHaveValue(/^Aan het college van burgemeester en wethouders van de gemeente Utrecht\n/);
  await expect(letter).toHaveValue(/Onderwerp: Schriftelijke vragen over “Raadsvoorstel Cameratoezicht en slimme sensoren”/);
  // The PDF's checklist gives the questions, quoting it: no empty placeholder.
  await expect(letter).toHaveValue(/\n\d+\. Het college schrijft in het raadsvoorstel: “Voor de pilot is een DPIA uitgevoerd\.”/);
  await expect(letter).toHaveValue(/\n\d+\. Het raadsvoorstel zegt niet of de functionaris gegevensbescherming \(FG\) om advies is gevraagd\./);
  await expect(letter).not.toHaveValue(/\[vraag\]/);
  expect(errors).toEqual([]);
});

test('iBabs-adres zonder PDF-vorm waarvan het antwoord een PDF is: gelezen, genoemd naar het bestand', async ({ page, openPanel, openPopup, tabIdFor, errors }) => {
  await openInTab(page, IBABS_DOCUMENT);
  const tabId = await tabIdFor(IBABS_DOCUMENT);
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('pdf-tab')).toHaveAttribute('data-state', 'done');
  // The file name from Content-Disposition: the address has only ids.
  await expect(panel.locator('.doc-title')).toHaveText('Raadsvoorstel cameratoezicht Stationsplein');
  await expect(panel.getByTestId('panel-summary')).toContainText('3 pagina’s');
  expect(await pagesOf(panel, 'algoritme')).toContain('2');
  // The popup does not offer to scan a page that is a PDF.
  const popup = await openPopup(tabId);
  await expect(popup.getByTestId('popup-pdf')).toBeVisible();
  await expect(popup.getByTestId('scan-page')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('ophalen mislukt: eerlijke melding, opnieuw proberen werkt', async ({ page, context, extensionId, tabIdFor }) => {
  await openInTab(page, FAILING_PDF);
  const tabId = await tabIdFor(FAILING_PDF);
  // The portal answers the browser, then fails the panel's request.
  const failing = (route: import('@playwright/test').Route) => route.fulfill({ status: 503, contentType: 'text/plain', body: 'onderhoud' });
  const { panel } = await panelFor(context, extensionId, tabId, (p) => p.route(FAILING_PDF, failing));
  const card = panel.getByTestId('pdf-tab');
  await expect(card.getByTestId('pdf-error')).toHaveText('De server gaf een fout (503) bij het ophalen van het document.');
  await expect(card).toContainText('Raadslens heeft deze PDF niet gelezen.');
  await expect(panel.getByTestId('panel-summary')).toHaveCount(0);
  await expect(panel.locator('body')).not.toContainText(NOTHING_FOUND);
  const retry = card.getByTestId('pdf-scan');
  await expect(retry).toHaveText('Opnieuw proberen');
  await screenshot(panel, 'pdf-tab-failed');
  expect(await axeProblems(panel), 'axe on the failure').toEqual([]);

  await panel.unroute(FAILING_PDF, failing);
  await retry.click();
  await expect(card).toHaveAttribute('data-state', 'done');
  await expect(panel.getByTestId('panel-summary')).toHaveText(/^(?:1 vondst|[1-9]\d* vondsten) in (?:1 categorie|[2-9] categorieën) · 3 pagina’s$/);
  await panel.emulateMedia({ colorScheme: 'dark' });
  expect(await axeProblems(panel), 'axe on the results, dark').toEqual([]);
});

test('een ingescande PDF zonder tekst: "niet gelezen", nooit "0 vondsten"', async ({ page, openPanel, tabIdFor }) => {
  await openInTab(page, SCANNED_PDF);
  const panel = await openPanel(await tabIdFor(SCANNED_PDF));
  const card = panel.getByTestId('pdf-tab');
  await expect(card.getByTestId('pdf-error')).toHaveText('Dit document bevat geen doorzoekbare tekst (gescand?).');
  await expect(card).toContainText('Raadslens heeft deze PDF niet gelezen.');
  await expect(panel.getByTestId('panel-summary')).toHaveCount(0);
  await expect(panel.locator('body')).not.toContainText(NOTHING_FOUND);
  // The same file reads the same: no "Opnieuw proberen" that cannot help.
  await expect(card.getByTestId('pdf-scan')).toHaveCount(0);
});

test('een PDF met een gescande eerste pagina: gezegd dat die pagina niet gelezen kon worden', async ({ page, openPanel, tabIdFor }) => {
  const url = portalUrl('generated/brief-gescande-eerste-pagina.pdf');
  await openInTab(page, url);
  const panel = await openPanel(await tabIdFor(url));
  await expect(panel.getByTestId('pdf-tab')).toHaveAttribute('data-state', 'done');
  const verdict = panel.getByTestId('verdict').first();
  await expect(verdict).toHaveAttribute('data-verdict', 'none');
  await expect(verdict.getByTestId('verdict-scope')).toHaveText('Gelezen: 2 pagina’s; p. 1 heeft geen tekst (leeg of gescand): daar kon niets gelezen worden');
  await expect(panel.getByTestId('pdf-results')).toContainText('Geen technologietermen gevonden op de pagina’s met tekst.');
  await expect(panel.getByTestId('pdf-results')).not.toContainText('in dit document');
  // Nothing found: no "bij elke vondst staat de pagina" about findings there are none of.
  await expect(panel.getByTestId('pdf-tab')).toContainText('Raadslens heeft deze PDF gelezen.');
  await expect(panel.getByTestId('pdf-tab')).not.toContainText('bij elke vondst');
  await screenshot(panel, 'pdf-tab-scanned-first-page');
});

test('een PDF op een site die Raadslens niet mag lezen: niet gelezen, met de actie', async ({ page, context, extensionId, tabIdFor }) => {
  const url = portalUrl('pdf/raadsvoorstel-3p.pdf', 'onbekend.example');
  await openInTab(page, url);
  const { panel, requested } = await panelFor(context, extensionId, await tabIdFor(url));
  const card = panel.getByTestId('pdf-tab');
  await expect(card).toHaveAttribute('data-state', 'blocked');
  await expect(card).toContainText('Raadslens heeft deze PDF niet gelezen: het haalt documenten van onbekend.example alleen op als u dat toestaat.');
  await expect(card.getByTestId('pdf-scan-this')).toBeVisible();
  await expect(panel.getByTestId('panel-summary')).toHaveCount(0);
  await expect(panel.locator('body')).not.toContainText(NOTHING_FOUND);
  // Not fetched by the panel without the reader's permission.
  expect(requested.filter((u) => u.startsWith('http'))).toEqual([]);
  await screenshot(panel, 'pdf-tab-blocked');
  expect(await axeProblems(panel), 'axe on the unread PDF').toEqual([]);
});

test('een agenda waarvan de bijlagen nog niet gelezen zijn zegt dat, en leest ze op verzoek', async ({ openScanned, openPanel, errors }) => {
  const { tabId } = await openScanned(AGENDA);
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('panel-summary')).toHaveText('Op deze pagina: geen vondsten');
  const coverage = panel.getByTestId('read-coverage');
  await expect(coverage).toContainText('Gelezen: de tekst van deze pagina; 3 bijlagen nog niet gelezen.');
  await expect(panel.locator('body')).not.toContainText('Geen technologietermen gevonden');
  // The verdict's calm line says what was read, so "nothing found" is about this page's text only:
  // the coverage line is that line (said once, not again in the header).
  const verdict = panel.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'none');
  await expect(verdict.getByTestId('read-coverage')).toBeVisible();
  // Only what was read: the page's text, not the unread attachments (not "Geen technologie gevonden").
  await expect(verdict.locator('.verdict-none')).toHaveText('Geen technologie in de tekst van deze pagina.');
  await expect(panel.locator('header').getByTestId('read-coverage')).toHaveCount(0);
  await screenshot(panel, 'panel-unread-attachments');

  await coverage.getByTestId('pdf-scan-unread').click();
  await expect(coverage).toHaveText('Gelezen: de tekst van deze pagina en 2 van de 3 bijlagen; 1 bijlage kon niet worden gelezen.');
  await expect(coverage.getByTestId('pdf-scan-unread')).toHaveCount(0);
  // The attachments' own count joins the page's: the two that were read, both the 3-page raadsvoorstel.
  const read = await panel.locator('[data-testid=attachments] .pdf-result > summary').allTextContents();
  const each = read.map((text) => Number(/· (\d+) vondsten/.exec(text)?.[1]));
  expect(each).toHaveLength(2);
  await expect(panel.getByTestId('panel-summary')).toHaveText(`Op deze pagina: geen vondsten · ${each[0]! + each[1]!} vondsten in de gelezen bijlagen`);
  // Not "no technology" any more: the page has none, the attachments read do.
  await expect(verdict.locator('.verdict-none')).toHaveText(`Geen technologie in de tekst van deze pagina; wel ${each[0]! + each[1]!} vondsten in de gelezen bijlagen.`);
  // The page's own AP questions speak of its text only, not "no technology found" below attachments that have some.
  const pageQuestions = panel.locator('section[aria-labelledby="h-questions"]');
  await expect(pageQuestions.locator('.questions-folded > summary')).toHaveText('De drie vragen van de AP bij de tekst van deze pagina (geen van toepassing; de vragen bij de bijlagen staan bij elke bijlage)');
  await expect(pageQuestions).not.toContainText('er is geen technologie gevonden die bij deze vraag hoort');
  const scan = panel.locator(`[data-testid=attachments] [data-testid=pdf-doc][data-url="${portalUrl('document/90003/2/Ondertekende+brief+college')}"]`);
  await expect(scan.getByTestId('pdf-error')).toHaveText('Dit document bevat geen doorzoekbare tekst (gescand?).');
  await expect(panel.locator('body')).not.toContainText('Geen technologietermen gevonden');
  await screenshot(panel, 'panel-attachments-read');
  expect(errors).toEqual([]);
});

test('de brief bij een agenda zonder technologie, met alleen een eigen vraag: geen “Overige vragen”, geen beroep op de handreiking van de AP', async ({ openScanned, openPanel, errors }) => {
  const { tabId } = await openScanned(AGENDA);
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('panel-summary')).toHaveText('Op deze pagina: geen vondsten');
  await panel.getByTestId('tab-notes').click();
  await panel.getByTestId('note-editor').fill('Waarom staat het voorstel pas na de zomer op de agenda?');
  await panel.getByTestId('note-save').click();
  await expect(panel.getByTestId('note-item')).toHaveCount(1);
  await panel.getByTestId('letter-open').first().click();
  // The letter is gathered after the click (the textarea is empty until then).
  await expect(panel.getByTestId('letter-text')).toHaveValue(/^Aan /);
  const letter = await panel.getByTestId('letter-text').inputValue();
  expect(letter).toMatch(/\nVragen\n\n1\. Waarom staat het voorstel pas na de zomer op de agenda\?\n/);
  expect(letter).not.toMatch(/Overige vragen|handreiking|Autoriteit Persoonsgegevens/);
  expect(errors).toEqual([]);
});

test('een pagina die nog niet gelezen is zegt dat, en biedt de scan aan', async ({ page, openPanel, tabIdFor }) => {
  const url = portalUrl('pages/raadsvoorstel-cameratoezicht.html', 'onbekend.example');
  await page.goto(url);
  const panel = await openPanel(await tabIdFor(url));
  const unread = panel.getByTestId('tab-unread');
  await expect(unread).toContainText('Deze pagina is nog niet gescand.');
  await expect(unread.getByTestId('scan-page')).toBeVisible();
  await expect(panel.getByTestId('panel-summary')).toHaveCount(0);
  await expect(panel.getByTestId('pdf-tab')).toHaveCount(0);
  await expect(panel.locator('body')).not.toContainText(NOTHING_FOUND);
  await screenshot(panel, 'panel-page-unread');
});

test('een PDF zonder DPIA: de lezer corrigeert de status in het paneel, de correctie blijft, en beide brieven volgen haar', async ({ page, context, extensionId, tabIdFor, errors }) => {
  const url = portalUrl('document/90004/1/Raadsvoorstel+slimme+cameras+tegen+afvaldumping', 'zwolle.raadsinformatie.nl');
  await openInTab(page, url);
  const { panel } = await panelFor(context, extensionId, await tabIdFor(url));
  await expect(panel.getByTestId('pdf-tab')).toHaveAttribute('data-state', 'done');

  const dpia = panel.locator('[data-testid=pdf-tab] [data-testid=safeguards] [data-testid=safeguard-found][data-safeguard=dpia]');
  await expect(dpia).toHaveAttribute('data-status', 'negated');
  await expect(dpia).toContainText('Het stuk zegt: niet gedaan');
  await expect(panel.locator('[data-testid=pdf-tab] [data-safeguard=fg]')).toHaveAttribute('data-status', 'planned');
  // The verdict above names the DPIA as an open point.
  await expect(panel.getByTestId('verdict')).toContainText('DPIA');

  // The letter, offered under the PDF's checklist as under a page's: its first question is the DPIA.
  await panel.locator('[data-testid=pdf-tab] [data-testid=letter-open]').click();
  const letter = panel.getByTestId('letter-text');
  await expect(letter).toHaveValue(/^Aan het college van burgemeester en wethouders van de gemeente Zwolle/);
  // The quote is the sentence, not the heading "Privacy" above it glued to it (a PDF line end is a block edge there).
  await expect(letter).toHaveValue(/\n1\. [^\n“]+: “Voor de slimme camera's is geen DPIA uitgevoerd[^”]*” Waarom is er geen DPIA uitgevoerd/);

  // One click — here with the keyboard — and the status is the reader's, kept with the PDF.
  await panel.getByTestId('tab-document').click();
  const stated = dpia.locator('[data-testid=safeguard-correct][data-status=stated]');
  await stated.focus();
  await expect(stated).toBeFocused();
  await panel.keyboard.press('Enter');
  await expect(dpia).toHaveAttribute('data-status', 'stated');
  await expect(dpia).toHaveAttribute('data-detected', 'negated');
  await expect(dpia.getByTestId('safeguard-corrected')).toContainText('Raadslens las: niet gedaan');
  await expect(panel.getByTestId('verdict')).not.toContainText('DPIA');
  await dpia.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await screenshot(panel, 'pdf-tab-checklist-corrected');

  await panel.reload();
  await expect(panel.getByTestId('pdf-tab')).toHaveAttribute('data-state', 'done');
  await expect(dpia).toHaveAttribute('data-status', 'stated');
  await expect(dpia).toHaveAttribute('data-detected', 'negated');

  await panel.locator('[data-testid=pdf-tab] [data-testid=letter-open]').click();
  await expect(letter).toHaveValue(/\n1\. [^\n“]+: “De functionaris gegevensbescherming wordt na de zomer/);
  await expect(letter).not.toHaveValue(/Waarom is er geen DPIA uitgevoerd/);

  // "Alles" lists the PDF by its correction alone, with its gemeente, before any note.
  await panel.getByTestId('tab-all').click();
  const corrected = panel.getByTestId('correction-item');
  await expect(corrected).toHaveCount(1);
  await expect(panel.getByTestId('all-count')).toHaveText('1 van 1 getoond');
  await expect(corrected.locator('.entry-doc')).toContainText('Zwolle');
  await expect(corrected.locator('[data-testid=correction-safeguard][data-safeguard=dpia]')).toContainText('DPIA: het stuk zegt volgens u: gedaan (Raadslens las: niet gedaan)');

  // "Alles": a selection with this PDF (a note makes it one) gets the same letter.
  await panel.getByTestId('tab-notes').click();
  await panel.getByTestId('note-editor').fill('Vragen over de camera’s bij de containers');
  await panel.getByTestId('note-save').click();
  await expect(panel.getByTestId('note-item')).toHaveCount(1);
  await panel.getByTestId('tab-all').click();
  await expect(panel.getByTestId('all-count')).toHaveText('2 van 2 getoond');
  await panel.getByTestId('letter-selection').click();
  await expect(letter).toHaveValue(/gemeente Zwolle/);
  await expect(letter).toHaveValue(/De functionaris gegevensbescherming wordt na de zomer/);
  await expect(letter).not.toHaveValue(/Waarom is er geen DPIA uitgevoerd/);
  expect(errors).toEqual([]);
});
