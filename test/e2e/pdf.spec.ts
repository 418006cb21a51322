// PDF raadsstukken: the panel lists a portal page's PDF attachments and scans them (page numbers,
// Dutch messages for bad files), the Raadslens viewer highlights matches and keeps notes on passages.
import AxeBuilder from '@axe-core/playwright';
import type { Page, Worker } from '@playwright/test';
import type { WxtBrowser } from 'wxt/browser';
import { storedPdfUrls } from '../tools/pdf-cache';
import { expandGroup, expect, portalUrl, screenshot, test } from './fixtures';

declare const chrome: WxtBrowser;

const HOST = 'utrecht.raadsinformatie.nl';
const PAGE = 'pages/pdf-bijlagen.html';
const pdfUrl = (name: string) => `http://${HOST}/pdf/${name}`;

/** The content script's report names the page's PDF links as attachments (portal detectors), once an extension page reads it. */
async function reportedAttachments(wholeReport: (tabId: number) => Promise<{ attachments?: { name: string; url: string }[] }>, tabId: number): Promise<{ name: string; url: string }[]> {
  let list: { name: string; url: string }[] = [];
  await expect
    .poll(async () => {
      list = (await wholeReport(tabId)).attachments ?? [];
      return list.length;
    })
    .toBe(5);
  return list;
}

async function highlightCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => Object.fromEntries([...CSS.highlights.entries()].map(([name, h]) => [name, h.size])));
}

test('bijlagen: scan alle, paginanummers, duidelijke meldingen, bewaard resultaat', async ({
  openScanned,
  openPanel,
  serviceWorker,
  wholeReport,
  context,
  errors,
  requestedUrls,
}) => {
  const { tabId } = await openScanned(PAGE, HOST);
  expect((await reportedAttachments(wholeReport, tabId)).map((a) => a.url)).toContain(pdfUrl('raadsvoorstel-3p.pdf'));
  const panel = await openPanel(tabId);

  const section = panel.getByTestId('attachments');
  await expect(section).toBeVisible();
  await expect(section.getByRole('heading', { name: 'Bijlagen (5)' })).toBeVisible();
  const docs = section.getByTestId('pdf-doc');
  await expect(docs).toHaveCount(5);

  await section.getByTestId('pdf-scan-all').click();
  const doc = (name: string) => docs.filter({ has: panel.locator(`[data-url="${pdfUrl(name)}"]`) }).or(panel.locator(`[data-testid=pdf-doc][data-url="${pdfUrl(name)}"]`));

  const voorstel = doc('raadsvoorstel-3p.pdf');
  // After "Lees de bijlagen" each result starts folded, so the list stays short.
  await expect(voorstel.locator('.pdf-result > summary')).toContainText('15 vondsten');
  await voorstel.locator('.pdf-result > summary').click();
  await expect(voorstel.getByTestId('pdf-results')).toBeVisible();
  await expect(voorstel.getByTestId('pdf-summary')).toContainText('3 pagina’s');

  // Page numbers: cameratoezicht on 1, AI-verordening on 2, gezichtsherkenning on 3.
  const pagesFor = async (category: string, text: string) => {
    const group = voorstel.locator(`[data-testid=pdf-match-group][data-category=${category}]`);
    await expandGroup(group);
    return group.getByTestId('pdf-match').filter({ hasText: text }).evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLElement).dataset.page))]);
  };
  expect(await pagesFor('camera', 'cameratoezicht')).toEqual(['1']);
  expect(await pagesFor('algoritme', 'AI-verordening')).toEqual(['2']);
  expect(await pagesFor('biometrie', 'Gezichtsherkenning')).toEqual(['3']);
  await expect(voorstel.getByTestId('question-card')).toHaveCount(3);
  await expect(voorstel.locator('[data-testid=safeguard-found][data-safeguard=dpia]')).toBeVisible();

  const message = (name: string) => doc(name).getByTestId('pdf-error');
  await expect(message('gescand.pdf')).toHaveText('Dit document bevat geen doorzoekbare tekst (gescand?).');
  await expect(message('beveiligd.pdf')).toContainText('beveiligd met een wachtwoord');
  await expect(message('kapot.pdf')).toHaveText('Dit bestand is geen leesbare PDF (beschadigd of onvolledig).');
  await expect(message('ontbreekt.pdf')).toContainText('niet gevonden (404)');
  // Trying again helps a damaged download or a missing file (it may come), not a scan or a password.
  await expect(doc('gescand.pdf').getByTestId('pdf-scan')).toHaveCount(0);
  await expect(doc('beveiligd.pdf').getByTestId('pdf-scan')).toHaveCount(0);
  await expect(doc('kapot.pdf').getByTestId('pdf-scan')).toHaveText('Opnieuw proberen');

  await voorstel.locator('.pdf-result > summary').click();
  await section.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 120));
  await screenshot(panel, 'pdf-panel-attachments');
  await voorstel.locator('.pdf-result > summary').click();
  await voorstel.getByTestId('pdf-results').scrollIntoViewIfNeeded();
  await screenshot(panel, 'pdf-panel-results');

  // Clicking a result opens the Raadslens viewer at that page.
  const group = voorstel.locator('[data-testid=pdf-match-group][data-category=algoritme]');
  const opened = context.waitForEvent('page');
  await group.getByTestId('pdf-match').filter({ hasText: 'AI-verordening' }).first().locator('button').click();
  const viewer = await opened;
  await viewer.waitForLoadState();
  expect(viewer.url()).toMatch(/pdf-viewer\.html\?file=.*raadsvoorstel-3p\.pdf#page=2&at=\d+$/);
  // The clicked match is marked as the active one.
  await expect
    .poll(() => viewer.evaluate(() => [...(CSS.highlights.get('raadslens-active') ?? [])].map((r) => r.toString())))
    .toEqual(['AI-', 'verordening']);
  await screenshot(viewer, 'pdf-viewer-active-match');
  await viewer.close();

  // Unchanged on the server (same ETag): the stored result is used, not fetched again.
  await panel.reload();
  await panel.getByTestId('attachments').locator(`[data-testid=pdf-doc][data-url="${pdfUrl('raadsvoorstel-3p.pdf')}"]`).getByTestId('pdf-scan').click();
  await expect(panel.getByText('Ongewijzigd sinds de vorige scan: bewaard resultaat.')).toBeVisible();

  // Nothing but the fixture host was asked for anything.
  const hosts = new Set(requestedUrls.filter((u) => u.startsWith('http')).map((u) => new URL(u).host));
  expect([...hosts]).toEqual([HOST]);
  expect(errors.filter((e) => !/404|Failed to load resource/.test(e.text))).toEqual([]);
});

test('viewer: alle vondsten gemarkeerd, opent op de gevraagde pagina', async ({ context, extensionId, errors }) => {
  const viewer = await context.newPage();
  await viewer.goto(`chrome-extension://${extensionId}/pdf-viewer.html?file=${encodeURIComponent(pdfUrl('raadsvoorstel-3p.pdf'))}#page=2`);
  await expect(viewer.locator('body[data-extracted=done]')).toHaveCount(1);
  await expect(viewer.locator('section[data-page="2"][data-rendered=true]')).toHaveCount(1);
  // Page 2 is at the top of the view.
  const top = await viewer.locator('section[data-page="2"]').evaluate((el) => el.getBoundingClientRect().top);
  expect(top).toBeLessThan(120);

  await expect.poll(async () => (await highlightCounts(viewer))['raadslens-algoritme'] ?? 0).toBeGreaterThan(0);
  const texts = await viewer.evaluate(() => [...CSS.highlights.entries()].flatMap(([name, h]) => [...h].map((r) => `${name}:${r.toString()}`)));
  // "AI-⏎verordening" is one match over two lines: one range per line.
  expect(texts).toEqual(expect.arrayContaining(['raadslens-algoritme:AI-', 'raadslens-algoritme:verordening', 'raadslens-tracking:wifitracking']));
  // The highlighted ranges sit on the page's text layer, as many as the page's data-highlights says.
  const onPage2 = Number(await viewer.locator('section[data-page="2"]').getAttribute('data-highlights'));
  expect(onPage2).toBeGreaterThan(2);

  // Page 1 (camera-⏎toezicht across a line end): both halves highlighted.
  await viewer.locator('section[data-page="1"]').scrollIntoViewIfNeeded();
  await expect(viewer.locator('section[data-page="1"][data-rendered=true]')).toHaveCount(1);
  await expect
    .poll(async () => viewer.evaluate(() => [...(CSS.highlights.get('raadslens-camera') ?? [])].map((r) => r.toString())))
    .toEqual(expect.arrayContaining(['camera-', 'toezicht']));

  await viewer.locator('section[data-page="2"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(viewer, 'pdf-viewer');
  expect(errors).toEqual([]);
});

test('viewer: een ingescande pagina met een JPEG 2000-afbeelding wordt getekend, niet leeg gelaten', async ({ context, extensionId, errors }) => {
  const viewer = await context.newPage();
  await viewer.goto(`chrome-extension://${extensionId}/pdf-viewer.html?file=${encodeURIComponent(pdfUrl('gescand-jpx.pdf'))}`);
  await expect(viewer.locator('section[data-page="1"][data-rendered=true]')).toHaveCount(1);
  // The picture's dark block (x 20–60, y 15–65 of 120 × 80) is drawn at 72 pt, 842 − 680 pt from the top,
  // 360 × 240 pt: sample the canvas in its middle and on the white paper beside it.
  const shades = await viewer.locator('section[data-page="1"] canvas').evaluate((canvas: HTMLCanvasElement) => {
    const ctx = canvas.getContext('2d')!;
    const pt = canvas.width / 595;
    const grey = (x: number, y: number) => ctx.getImageData(Math.round(x * pt), Math.round(y * pt), 1, 1).data[0]!;
    return { block: grey(72 + 3 * 40, 842 - 680 + 3 * 40), paper: grey(500, 300) };
  });
  expect(shades.paper).toBeGreaterThan(200);
  expect(shades.block, 'the JPEG 2000 picture is drawn').toBeLessThan(90);
  await expect.poll(async () => (await highlightCounts(viewer))['raadslens-camera'] ?? 0).toBeGreaterThan(0);
  await screenshot(viewer, 'pdf-viewer-jpx');
  expect(errors).toEqual([]);
});

test('viewer: pagina’s ver uit beeld worden opgeruimd en komen terug met hun markeringen', async ({ context, extensionId, errors }) => {
  const viewer = await context.newPage();
  await viewer.goto(`chrome-extension://${extensionId}/pdf-viewer.html?file=${encodeURIComponent('http://utrecht.raadsinformatie.nl/generated/60-paginas.pdf')}`);
  await expect(viewer.locator('body[data-extracted=done]')).toHaveCount(1, { timeout: 20_000 });
  await expect(viewer.locator('section[data-page="1"][data-rendered=true]')).toHaveCount(1);
  await expect.poll(async () => Number(await viewer.locator('section[data-page="1"]').getAttribute('data-highlights'))).toBeGreaterThan(0);

  // Through the whole bundle to the end: the first pages are taken down, only a few canvases stay.
  for (const page of [15, 30, 45, 60]) {
    await viewer.locator(`section[data-page="${page}"]`).scrollIntoViewIfNeeded();
    await expect(viewer.locator(`section[data-page="${page}"][data-rendered=true]`)).toHaveCount(1);
  }
  await expect(viewer.locator('section[data-page="1"][data-rendered=false]')).toHaveCount(1);
  expect(await viewer.locator('canvas').count()).toBeLessThan(12);
  const onPage1 = () =>
    viewer.evaluate(() => {
      const host = document.querySelector('section[data-page="1"]')!;
      return [...CSS.highlights.values()].flatMap((h) => [...h]).filter((r) => host.contains(r.startContainer)).length;
    });
  expect(await onPage1()).toBe(0);
  // The page does not move while pages come and go.
  const before = await viewer.locator('section[data-page="60"]').evaluate((el) => el.getBoundingClientRect().top);

  // Back to the start: page 1 is drawn again, with its highlights.
  await viewer.locator('section[data-page="1"]').scrollIntoViewIfNeeded();
  await expect(viewer.locator('section[data-page="1"][data-rendered=true]')).toHaveCount(1);
  await expect.poll(onPage1).toBeGreaterThan(0);
  await viewer.locator('section[data-page="60"]').scrollIntoViewIfNeeded();
  expect(await viewer.locator('section[data-page="60"]').evaluate((el) => el.getBoundingClientRect().top)).toBe(before);
  expect(errors).toEqual([]);
});

/** The stored document at `key`, read from the record in an extension page. */
function storedDocument(extensionPage: Page, key: string): Promise<Record<string, unknown> | undefined> {
  return extensionPage.evaluate(
    (id) =>
      new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
        const open = indexedDB.open('raadslens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('documents').objectStore('documents').get(id);
          get.onsuccess = () => (resolve(get.result as Record<string, unknown> | undefined), open.result.close());
          get.onerror = () => reject(get.error);
        };
      }),
    key,
  );
}

test('viewer: een notitie bij een PDF-passage blijft bewaard na herladen, en de brief uit “Alles” vraagt naar wat de PDF zegt', async ({ context, extensionId, openPanel, tabIdFor, errors }) => {
  const viewer = await context.newPage();
  // The workers the viewer starts: its reading of the PDF runs in an extraction worker of its own.
  const workers: string[] = [];
  viewer.on('worker', (w) => workers.push(w.url()));
  const url = `chrome-extension://${extensionId}/pdf-viewer.html?file=${encodeURIComponent(pdfUrl('raadsvoorstel-3p.pdf'))}#page=3`;
  await viewer.goto(url);
  await expect(viewer.locator('body[data-extracted=done]')).toHaveCount(1);
  await expect(viewer.locator('section[data-page="3"][data-rendered=true]')).toHaveCount(1);

  // Select "uitdrukkelijk niet toegepast" in the text layer, as a reader would by dragging.
  const quote = 'uitdrukkelijk niet toegepast';
  await viewer.locator('section[data-page="3"]').evaluate((pageEl, q) => {
    const span = [...pageEl.querySelectorAll('.textLayer span')].find((s) => s.textContent?.includes(q));
    const node = span?.firstChild as Text;
    const at = node.data.indexOf(q);
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + q.length);
    const sel = document.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
  }, quote);
  await viewer.getByTestId('pdf-note-from-selection').click();
  const text = 'Vraag: wie controleert dat gezichtsherkenning echt uit staat?';
  await viewer.getByTestId('pdf-note-editor').fill(text);
  await viewer.getByTestId('pdf-note-save').click();
  const item = viewer.getByTestId('pdf-note-item').filter({ hasText: text });
  await expect(item).toHaveCount(1);
  await expect(item).toHaveAttribute('data-page', '3');
  await expect(item).toContainText(quote);
  // The document is kept with its gemeente (from the portal's address), so a letter names it.
  const kept = () => storedDocument(viewer, pdfUrl('raadsvoorstel-3p.pdf'));
  const stored = await kept();
  expect(stored).toMatchObject({ gemeente: 'Utrecht' });

  // A flag on another passage ("28 dagen"), with a reason.
  await viewer.locator('section[data-page="3"]').evaluate((pageEl) => {
    const span = [...pageEl.querySelectorAll('.textLayer span')].find((s) => s.textContent?.includes('28 dagen'));
    const node = span?.firstChild as Text;
    const at = node.data.indexOf('28 dagen');
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + '28 dagen'.length);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  });
  await viewer.getByTestId('pdf-flag-from-selection').click();
  await viewer.getByTestId('pdf-note-editor').fill('Waarom 28 dagen en niet korter?');
  await viewer.getByTestId('pdf-note-save').click();
  await expect(viewer.locator('[data-testid=pdf-note-item][data-kind=flag]')).toContainText('28 dagen');

  await viewer.reload();
  await expect(viewer.locator('body[data-extracted=done]')).toHaveCount(1);
  await expect(viewer.getByTestId('pdf-note-item').filter({ hasText: text })).toHaveCount(1);
  await expect(viewer.locator('[data-testid=pdf-note-item][data-kind=flag]')).toContainText('Waarom 28 dagen en niet korter?');
  await expect(viewer.getByTestId('pdf-note-item').filter({ hasText: text })).not.toContainText('niet teruggevonden');
  await expect(viewer.locator('section[data-page="3"][data-rendered=true]')).toHaveCount(1);
  // The note and the flag, each in its own style.
  await expect.poll(async () => viewer.evaluate(() => [...(CSS.highlights.get('raadslens-note') ?? [])].map((r) => r.toString()))).toEqual([quote]);
  await expect.poll(async () => viewer.evaluate(() => [...(CSS.highlights.get('raadslens-flag') ?? [])].map((r) => r.toString()))).toEqual(['28 dagen']);
  await screenshot(viewer, 'pdf-viewer-note');

  // The viewer read the PDF as the panel reads it and kept what it read with the stored document
  // (checklist snapshot, technology, signals: ids, no text), so the letter from "Alles" asks about
  // its statuses and its signals as the panel's letter does.
  await expect.poll(async () => ((await kept())?.checklist as { items?: unknown[] } | undefined)?.items?.length ?? 0).toBeGreaterThan(0);
  await expect(viewer.locator('body[data-assessed=done]')).toHaveCount(1);
  // Read off the viewer's main thread: in the panel's extraction worker entry, not in the page.
  expect(workers.some((u) => /\/extraction\.worker[^/]*\.js$/.test(u))).toBe(true);
  const read = (await kept())!;
  expect(read).toMatchObject({ categories: expect.arrayContaining(['camera', 'algoritme']), signals: expect.arrayContaining(['proefproject']) });
  expect((read.checklist as { items: { id: string; status: string }[] }).items).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'dpia', status: 'stated' })]));
  expect(JSON.stringify(read.signals)).not.toMatch(/pilot|Stationsplein/);

  const page = await context.newPage();
  await page.goto(portalUrl('pages/lege-pagina.html'));
  const panel = await openPanel(await tabIdFor(page.url()));
  await panel.getByTestId('tab-all').click();
  await panel.getByTestId('letter-selection').click();
  const letter = panel.getByTestId('letter-text');
  // What the PDF says of its safeguards: without the snapshot the letter asked only the note and the flag.
  // (Its signals, a pilot and the openbare ruimte, ask nothing of their own here: the evaluation's and
  // the information's questions cover them, in the panel's letter too.)
  await expect(letter).toHaveValue(/\n\d+\. Het college schrijft in het raadsvoorstel: “Voor de pilot is een DPIA uitgevoerd\.” Uit deze passage is ons niet duidelijk/);
  await expect(letter).toHaveValue(/\n\d+\. Het raadsvoorstel noemt geen verwerkersovereenkomst\./);
  await expect(letter).toHaveValue(/\n\d+\. Het college schrijft in het raadsvoorstel \(p\. 3\): “Gezichtsherkenning wordt uitdrukkelijk niet toegepast\.” Vraag: wie controleert/);
  await letter.evaluate((el: HTMLTextAreaElement) => {
    // At the DPIA's question, about as far down as it stands in the text (the lines wrap).
    el.scrollTop = Math.max(0, (el.scrollHeight * el.value.indexOf('Voor de pilot is een DPIA')) / el.value.length - 80);
  });
  await panel.getByTestId('letter').scrollIntoViewIfNeeded();
  await screenshot(panel, 'pdf-viewer-note-all-letter');
  expect(errors).toEqual([]);
});

test('viewer: een gescande PDF en een kapotte PDF geven een duidelijke melding', async ({ context, extensionId }) => {
  const viewer = await context.newPage();
  await viewer.goto(`chrome-extension://${extensionId}/pdf-viewer.html?file=${encodeURIComponent(pdfUrl('kapot.pdf'))}`);
  await expect(viewer.getByTestId('viewer-error')).toHaveText('Dit bestand is geen leesbare PDF (beschadigd of onvolledig).');
  await viewer.goto(`chrome-extension://${extensionId}/pdf-viewer.html`);
  await expect(viewer.getByTestId('viewer-error')).toContainText('Geen document opgegeven');
});

test('viewer: een gescande PDF toont de pagina en zegt dat er geen doorzoekbare tekst is', async ({ context, extensionId, errors }) => {
  const viewer = await context.newPage();
  await viewer.goto(`chrome-extension://${extensionId}/pdf-viewer.html?file=${encodeURIComponent(pdfUrl('gescand.pdf'))}`);
  await expect(viewer.getByTestId('viewer-notice')).toHaveText('Dit document bevat geen doorzoekbare tekst (gescand?).');
  await expect(viewer.locator('section[data-page="1"][data-rendered=true]')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('een PDF in het tabblad zelf: het zijpaneel leest hem vanzelf', async ({ page, openPanel, tabIdFor }) => {
  // Chromium shows a PDF in its own viewer, where no content script reads text; the panel reads the file.
  const url = pdfUrl('raadsvoorstel-3p.pdf');
  await page.goto(`http://${HOST}/${PAGE}`);
  await page.evaluate((u) => (location.href = u), url).catch(() => {});
  await expect.poll(() => page.url()).toBe(url);
  const panel = await openPanel(await tabIdFor(url));
  const card = panel.getByTestId('pdf-tab');
  await expect(card).toBeVisible();
  await expect(panel.getByTestId('scan-page')).toHaveCount(0);
  // The count is said once, in the header: not again in the tab's results.
  await expect(card.getByTestId('pdf-summary')).toHaveCount(0);
  await expect(card.locator('[data-testid=pdf-match][data-page="2"]').first()).toBeAttached();
  // The summary is the PDF's: the browser's wrapper page reports nothing of its own.
  await expect(panel.getByTestId('panel-summary')).toContainText('3 pagina’s');
  await screenshot(panel, 'pdf-panel-tab');
});

test('een server die blijft hangen: voortgang zichtbaar, annuleren werkt, paneel blijft bruikbaar', async ({ openScanned, openPanel, serviceWorker, wholeReport }) => {
  const { tabId } = await openScanned(PAGE, HOST);
  await reportedAttachments(wholeReport, tabId);
  await serviceWorker.evaluate(async (id) => {
    const key = `tab:${id}`;
    const report = (await chrome.storage.session.get(key))[key] as Record<string, unknown>;
    await chrome.storage.session.set({ [key]: { ...report, attachments: [{ name: 'Traag stuk', url: 'http://utrecht.raadsinformatie.nl/generated/hangt.pdf' }] } });
  }, tabId);
  const panel = await openPanel(tabId);
  const row = panel.getByTestId('pdf-doc');
  await row.getByTestId('pdf-scan').click();
  await expect(row.getByTestId('pdf-progress')).toHaveText(/Document ophalen|Nagaan/);
  await row.getByTestId('pdf-cancel').click();
  await expect(row.getByTestId('pdf-error')).toHaveText('Scan geannuleerd.');
  await expect(row.getByTestId('pdf-error')).toHaveAttribute('data-kind', 'cancelled');
  // Nothing half-stored.
  expect(await storedPdfUrls(serviceWorker)).toEqual([]);
  // The panel still answers: the tabs switch.
  await panel.getByTestId('tab-notes').click();
  await expect(panel.getByTestId('tab-notes')).toHaveAttribute('aria-selected', 'true');
});

test('een bundel van 2000 pagina’s: voortgang per pagina, de eerste 1000 gescand, met een duidelijke melding', async ({ openScanned, openPanel, serviceWorker, wholeReport }) => {
  test.setTimeout(90_000);
  const { tabId } = await openScanned(PAGE, HOST);
  await reportedAttachments(wholeReport, tabId);
  await serviceWorker.evaluate(async (id) => {
    const key = `tab:${id}`;
    const report = (await chrome.storage.session.get(key))[key] as Record<string, unknown>;
    await chrome.storage.session.set({ [key]: { ...report, attachments: [{ name: 'Verslagen 2025 (bundel)', url: 'http://utrecht.raadsinformatie.nl/generated/2000-paginas.pdf' }] } });
  }, tabId);
  const panel = await openPanel(tabId);
  const row = panel.getByTestId('pdf-doc');
  // Every text the row's progress shows, as the panel draws it: reading 1,000 one-line pages can
  // take less than a second, and on a busy machine the slow part is before it (the cache and the
  // workers starting), so polling for the transient text could miss the whole reading phase.
  await panel.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid=pdf-progress]')?.textContent ?? '';
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await row.getByTestId('pdf-scan').click();
  await expect
    .poll(() => panel.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen.some((t) => /Pagina \d+ van 1000 gelezen/.test(t))), { timeout: 60_000 })
    .toBe(true);
  // The panel answers while the worker reads (or just after: see above).
  await panel.getByTestId('tab-notes').click();
  await expect(panel.getByTestId('tab-notes')).toHaveAttribute('aria-selected', 'true');
  await panel.getByTestId('tab-document').click();
  await expect(row.getByText('Dit document telt 2000 pagina’s; alleen de eerste 1000 zijn gescand.')).toBeVisible({ timeout: 60_000 });
  await expect(row.getByTestId('pdf-summary')).toContainText('1000 pagina’s');
  await expect(row.locator('[data-testid=pdf-match][data-page="1000"]')).toHaveCount(1);
  await expect(row.locator('[data-testid=pdf-match][data-page="1001"]')).toHaveCount(0);
});

test('toegankelijk: PDF-resultaten in het paneel en de viewer, licht en donker (axe, WCAG A/AA)', async ({ openScanned, openPanel, wholeReport, context, extensionId }) => {
  const { tabId } = await openScanned(PAGE, HOST);
  await reportedAttachments(wholeReport, tabId);
  const panel = await openPanel(tabId);
  const row = panel.locator(`[data-testid=pdf-doc][data-url="${pdfUrl('raadsvoorstel-3p.pdf')}"]`);
  await row.getByTestId('pdf-scan').click();
  await expect(row.getByTestId('pdf-results')).toBeVisible();
  await panel.locator(`[data-testid=pdf-doc][data-url="${pdfUrl('gescand.pdf')}"]`).getByTestId('pdf-scan').click();
  await expect(panel.locator(`[data-testid=pdf-doc][data-url="${pdfUrl('gescand.pdf')}"]`).getByTestId('pdf-error')).toBeVisible();
  const viewer = await context.newPage();
  await viewer.goto(`chrome-extension://${extensionId}/pdf-viewer.html?file=${encodeURIComponent(pdfUrl('raadsvoorstel-3p.pdf'))}`);
  await expect(viewer.locator('body[data-extracted=done]')).toHaveCount(1);
  for (const scheme of ['light', 'dark'] as const) {
    for (const [name, page] of [['panel', panel], ['viewer', viewer]] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      const bad = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ rule: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      expect(bad, `axe on the ${name} (${scheme})`).toEqual([]);
      expect(results.passes.length).toBeGreaterThan(5);
    }
  }
  await viewer.emulateMedia({ colorScheme: 'dark' });
  await screenshot(viewer, 'pdf-viewer-dark');
});
