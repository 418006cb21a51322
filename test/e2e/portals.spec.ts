// Every portal fixture under its real host name: the detector finds the document, highlights
// fall only inside the main content (never in menus, cookie banners, live-stream blocks or
// footers), and the panel shows the page's metadata and its PDF attachments.
import type { Page } from '@playwright/test';
import type { WxtBrowser } from 'wxt/browser';
import { expect, portalUrl, rangeTexts, screenshot, test } from './fixtures';
import { realCaptures } from '../tools/real-captures.mjs';

declare const chrome: WxtBrowser;

interface PortalCase {
  name: string;
  host: string;
  path: string;
  /** The detector's main content (the highlight must be inside it). */
  main: string;
  /** Chrome inside or around the main content (no highlight may be inside it). */
  chrome: string;
  /** Terms that must be highlighted. */
  highlighted: string[];
  meta: Record<string, string>;
  /** Rows of "Over dit stuk" that must not be there (what the page does not say). */
  absent?: string[];
  attachments: number;
  firstAttachment?: string;
}

const CHROME = 'nav, header.site-header, footer, .cookiebanner, .cookie-bar, #cookie-consent, .livestream, .livestream-inner';

const CASES: PortalCase[] = [
  {
    name: 'iBabs vergadering',
    host: 'utrecht.bestuurlijkeinformatie.nl',
    path: 'portals/ibabs-agenda.html',
    main: '#content main',
    chrome: `${CHROME}, .video-container, .sidebar`,
    highlighted: ['cameratoezicht', 'bodycams', 'slimme lantaarnpalen'],
    meta: { gemeente: 'Utrecht', portaal: 'iBabs', soort: 'agenda', vergadering: 'Gemeenteraad', datum: '12 maart 2026' },
    attachments: 5,
    firstAttachment: 'http://utrecht.bestuurlijkeinformatie.nl/Document/LoadAgendaDocument/',
  },
  {
    name: 'iBabs document',
    host: 'rotterdamraad.bestuurlijkeinformatie.nl',
    path: 'portals/ibabs-document.html?documentId=9a1b&agendaItemId=5',
    main: '#content main',
    chrome: `${CHROME}, .share-buttons`,
    highlighted: ['bodycams', 'cloudruimte'],
    meta: {
      gemeente: 'Rotterdam',
      soort: 'raadsinformatiebrief',
      titel: 'Raadsinformatiebrief pilot bodycams handhaving',
      agendapunt: '5. Raadsinformatiebrief pilot bodycams handhaving',
    },
    attachments: 2,
  },
  {
    name: 'NotuBiz vergadering',
    host: 'amsterdam.raadsinformatie.nl',
    path: 'portals/notubiz-vergadering.html',
    main: '#content .main',
    chrome: `${CHROME}, .media-player`,
    highlighted: ['wifitracking', 'algoritmeregister'],
    meta: { gemeente: 'Amsterdam', portaal: 'NotuBiz', soort: 'agenda', vergadering: 'Gemeenteraad', datum: '19 maart 2026' },
    attachments: 4,
    firstAttachment: 'http://amsterdam.raadsinformatie.nl/document/13573898/1/',
  },
  {
    name: 'NotuBiz modulelijst',
    host: 'denhaag.raadsinformatie.nl',
    path: 'portals/notubiz-moties.html',
    main: '#content .main',
    chrome: `${CHROME}, .filter-bar`,
    highlighted: ['gezichtsherkenning', 'drones'],
    meta: { gemeente: 'Den Haag', portaal: 'NotuBiz', soort: 'documentenlijst', titel: 'Moties' },
    attachments: 4,
  },
  {
    name: 'GemeenteOplossingen vergadering',
    host: 'raad.dordrecht.nl',
    path: 'portals/go-vergadering.html',
    main: 'main#main',
    chrome: CHROME,
    highlighted: ['camerabeleid', 'flexibel cameratoezicht'],
    meta: { gemeente: 'Dordrecht', portaal: 'GemeenteOplossingen', soort: 'agenda', vergadering: 'Gemeenteraad 25 maart 2026', datum: '25 maart 2026' },
    attachments: 3,
    firstAttachment: 'http://raad.dordrecht.nl/Documenten/Raadsvoorstel-camerabeleid-2026-2030.pdf',
  },
  {
    name: 'GemeenteOplossingen documenten',
    host: 'gemeenteraad.groningen.nl',
    path: 'portals/go-documenten.html',
    main: 'main#main',
    chrome: `${CHROME}, .tabs-nav`,
    highlighted: ['sensoren', 'bodycams'],
    meta: { gemeente: 'Groningen', soort: 'schriftelijke vragen' },
    attachments: 3,
  },
  {
    name: 'Parlaeus motie',
    host: 'apeldoorn.parlaeus.nl',
    path: 'portals/parlaeus-motie.html',
    main: '#pagecontent',
    chrome: `${CHROME}, .webcast, #menu`,
    highlighted: ['gezichtsherkenning', "slimme camera's"],
    meta: { gemeente: 'Apeldoorn', portaal: 'Parlaeus', soort: 'motie', vergadering: 'Gemeenteraad 5 maart 2026', datum: '5 maart 2026', agendapunt: '6. Veiligheidsplan 2026' },
    attachments: 1,
    firstAttachment: 'http://apeldoorn.parlaeus.nl/user/showdoc/action=view/id=48211',
  },
  {
    name: 'Gemeenteblad',
    host: 'zoek.officielebekendmakingen.nl',
    path: 'portals/gmb-2025-512078.html',
    main: '#broodtekst',
    chrome: `${CHROME}, .publicatie-acties`,
    highlighted: ['algoritmeregister', 'Risicoprofilering'],
    meta: { gemeente: 'Tiel', portaal: 'Gemeenteblad', soort: 'beleidsregel', titel: 'Beleidsregel verantwoord gebruik van AI gemeente Tiel' },
    attachments: 0,
  },
  {
    // A permit made known: its Informatietype says "Beschikkingen", so "bekendmaking", not "besluit".
    name: 'Gemeenteblad bekendmaking',
    host: 'zoek.officielebekendmakingen.nl',
    path: 'portals/gmb-2024-300118.html',
    main: '#broodtekst',
    chrome: `${CHROME}, #ServiceNavigatie, .header, .footer`,
    highlighted: ['drones'],
    meta: { gemeente: 'Harderwijk', portaal: 'Gemeenteblad', soort: 'bekendmaking', titel: 'Bekendmaking ontheffing dronevlucht Zomerfeest Havenkwartier', datum: '21 mei 2024' },
    attachments: 0,
  },
  {
    // A Tweede Kamer motie on the same site: "kamerstuk", not "besluit"; its creator, the Kamer, is no gemeente.
    name: 'Kamerstuk',
    host: 'zoek.officielebekendmakingen.nl',
    path: 'portals/kst-36410-27.html',
    main: '#broodtekst',
    chrome: `${CHROME}, #ServiceNavigatie, .header, .footer`,
    highlighted: ["slimme camera's", 'cameratoezicht'],
    meta: { portaal: 'Kamerstukken II', soort: 'kamerstuk', titel: "Motie van het lid Verhoef over toezicht op slimme camera's in de openbare ruimte", datum: '12 maart 2024' },
    absent: ['gemeente'],
    attachments: 0,
  },
  {
    name: 'CVDR regeling',
    host: 'lokaleregelgeving.overheid.nl',
    path: 'portals/cvdr-camerabeleid.html',
    main: '.regeling',
    chrome: `${CHROME}, .regeling-acties`,
    highlighted: ['cameratoezicht', 'dashcams'],
    meta: { gemeente: 'Brunssum', soort: 'beleidsregel', titel: 'Camerabeleid gemeente Brunssum 2024' },
    attachments: 0,
  },
  {
    name: 'Algoritmeregister',
    host: 'algoritmes.overheid.nl',
    path: 'portals/nl/algoritme/woztaxatiemodellen-gemeente-ede.html',
    main: '.algoritme-detail',
    chrome: `${CHROME}, .deel-pagina`,
    // "machine learning" lives in an open shadow root.
    highlighted: ['taxatiemodel', 'machine learning'],
    meta: { gemeente: 'Ede', portaal: 'Algoritmeregister', soort: 'algoritme' },
    attachments: 0,
  },
];

/** Every category highlight's text and where it sits (inside main? inside chrome?), across shadow roots. */
function highlightPlaces(page: Page, main: string, chrome: string) {
  return page.evaluate(
    ([mainSel, chromeSel]) => {
      const closestComposed = (el: Element | null, sel: string): Element | null => {
        for (let e = el; e; ) {
          const hit = e.closest(sel);
          if (hit) return hit;
          const root = e.getRootNode();
          e = root instanceof ShadowRoot ? root.host : null;
        }
        return null;
      };
      const rangeText = (r: AbstractRange) => { const x = document.createRange(); x.setStart(r.startContainer, r.startOffset); x.setEnd(r.endContainer, r.endOffset); return x.toString(); };
      const out: Array<{ text: string; inMain: boolean; inChrome: boolean; group: string }> = [];
      for (const [name, h] of CSS.highlights) {
        if (!name.startsWith('raadslens-') || name === 'raadslens-active' || name === 'raadslens-note' || name === 'raadslens-flag') continue;
        for (const r of h as unknown as Iterable<AbstractRange>) {
          const el = r.startContainer.parentElement;
          out.push({ text: rangeText(r), inMain: !!closestComposed(el, mainSel), inChrome: !!closestComposed(el, chromeSel), group: name });
        }
      }
      return out;
    },
    [main, chrome] as const,
  );
}

test.describe('portalen onder hun echte hostnaam', () => {
  for (const c of CASES) {
    test(`${c.name}: markeert alleen het document en toont metadata en bijlagen`, async ({ page, scanMeasure, tabIdFor, openPanel, errors }) => {
      const url = portalUrl(c.path, c.host);
      await page.goto(url);
      const scan = await scanMeasure(page);
      expect(scan.matches).toBeGreaterThan(0);

      const places = await highlightPlaces(page, c.main, c.chrome);
      expect(places.length).toBe(scan.matches);
      for (const p of places) {
        expect(p, `"${p.text}" in de hoofdinhoud`).toMatchObject({ inMain: true, inChrome: false });
      }
      const lower = places.map((p) => p.text.toLowerCase());
      for (const term of c.highlighted) expect(lower, term).toContain(term.toLowerCase());
      // The chrome's own words ("tracking cookies", "camera's in de raadzaal") are never a match.
      expect(lower).not.toContain('tracking');

      const panel = await openPanel(await tabIdFor(url));
      const meta = panel.getByTestId('document-meta');
      await expect(meta).toBeVisible();
      for (const [field, value] of Object.entries(c.meta)) {
        await expect(meta.locator(`[data-field="${field}"] dd`), field).toHaveText(value);
      }
      for (const field of c.absent ?? []) await expect(meta.locator(`[data-field="${field}"]`), field).toHaveCount(0);
      // The attachments are listed once, in the scannable Bijlagen section below the metadata.
      const items = panel.getByTestId('pdf-doc');
      await expect(items).toHaveCount(c.attachments);
      if (c.attachments > 0) {
        await expect(items.first()).toBeVisible();
        if (c.firstAttachment) expect(await items.first().locator('a').getAttribute('href')).toContain(c.firstAttachment);
      }
      if (c === CASES[0]) {
        await screenshot(panel, 'portal-meta-ibabs');
        await screenshot(page, 'portal-page-ibabs');
      }
      expect(errors).toEqual([]);
    });
  }

  test('een publicatie (Kamerstuk) met een notitie: de publicatiedatum heet geen "vergadering" (Alles, brief)', async ({ page, scanMeasure, tabIdFor, openPanel, errors }) => {
    const url = portalUrl('portals/kst-36410-27.html', 'zoek.officielebekendmakingen.nl');
    await page.goto(url);
    await scanMeasure(page);
    const panel = await openPanel(await tabIdFor(url));
    await expect(panel.getByTestId('document-meta').locator('[data-field="datum"] dd')).toHaveText('12 maart 2024');
    await panel.locator('[data-testid=match-group]').first().locator('summary').click();
    await panel.getByTestId('match-note').first().click();
    await panel.getByTestId('note-editor').fill('Wat betekent dit voor onze gemeente?');
    await panel.getByTestId('note-save').click();
    await expect(panel.getByTestId('note-item')).toHaveCount(1);
    await panel.getByTestId('letter-open').first().click();
    await expect(panel.getByTestId('letter-text')).toHaveValue(/Naar aanleiding van het kamerstuk/);
    await expect(panel.getByTestId('letter-text')).not.toHaveValue(/vergadering van 12 maart 2024/);
    await panel.getByTestId('tab-all').click();
    const entry = panel.getByTestId('note-item').first();
    await expect(entry).toContainText('Motie van het lid Verhoef');
    // The day it was published is no meeting: it said "vergadering 12 mrt 2024".
    await expect(entry).not.toContainText('vergadering');
    expect(errors).toEqual([]);
  });

  test('een publicatie in de Staatscourant met een notitie: de brief in het paneel en die uit “Alles” vragen wat zij voor de gemeente betekent', async ({ page, scanMeasure, tabIdFor, openPanel, errors }) => {
    const url = portalUrl('portals/stcrt-2025-10001.html', 'zoek.officielebekendmakingen.nl');
    await page.goto(url);
    await scanMeasure(page);
    const panel = await openPanel(await tabIdFor(url));
    await panel.getByTestId('tab-notes').click();
    await panel.getByTestId('note-editor').fill('Gebruiken wij dit bij onze milieuzone?');
    await panel.getByTestId('note-save').click();
    await expect(panel.getByTestId('note-item')).toHaveCount(1);
    // No stuk of the gemeente: not asked about a DPIA of a deployment the gemeente does not run.
    const notOwn = /\n\nDe publicatie is geen stuk van de gemeente, maar een publicatie in de Staatscourant\. Daarover vraagt deze brief wat het voor de gemeente betekent/;
    const meaning = /\n1\. Wat betekent de publicatie voor de gemeente: zet de gemeente de technologie waar het over gaat zelf in/;
    await panel.getByTestId('letter-open').first().click();
    const inPanel = panel.getByTestId('letter-text');
    await expect(inPanel).toHaveValue(/Naar aanleiding van de publicatie “Regeling kentekenherkenning bij milieuzones”/);
    await expect(inPanel).toHaveValue(notOwn);
    await expect(inPanel).toHaveValue(meaning);
    await expect(inPanel).not.toHaveValue(/\n\d+\. [^\n]*DPIA/);
    const panelText = await inPanel.inputValue();
    await panel.getByTestId('letter').getByRole('button', { name: 'Sluiten' }).click();
    // From "Alles", with the publication no longer in view: the kept portal and address say the same.
    await page.goto(portalUrl('pages/lege-pagina.html'));
    await panel.reload();
    await panel.getByTestId('tab-all').click();
    await panel.getByTestId('letter-selection').click();
    const fromAll = panel.getByTestId('letter-text');
    await expect(fromAll).toHaveValue(notOwn);
    await expect(fromAll).toHaveValue(meaning);
    const questions = (text: string) => text.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(questions(await fromAll.inputValue())).toEqual(questions(panelText));
    await screenshot(panel, 'portal-staatscourant-all-letter');
    expect(errors).toEqual([]);
  });

  test('iframe met het document: gescand, gemarkeerd in het frame, samengevoegd in het paneel', async ({ page, scanMeasure, tabIdFor, openPanel, highlightedTexts, serviceWorker, errors }) => {
    const url = portalUrl('portals/go-iframe.html', 'raad.ridderkerk.nl');
    await page.goto(url);
    await expect.poll(async () => (await scanMeasure(page)).frames).toBe(2);
    const frame = page.frames().find((f) => f.url().endsWith('/portals/go-iframe-document.html'));
    expect(frame).toBeDefined();
    const inFrame = await rangeTexts(frame!);
    expect(inFrame.map((t) => t.toLowerCase())).toEqual(expect.arrayContaining(['bodycams', 'drone']));
    // The frame document has the ::highlight rules (they do not cross from the page).
    const styled = await frame!.evaluate(() =>
      document.adoptedStyleSheets.some((s) => [...s.cssRules].some((r) => r.cssText.includes('::highlight(raadslens-camera)'))),
    );
    expect(styled).toBe(true);
    // The reader's highlight style (Options: underline) reaches the frame too, without a reload.
    await serviceWorker.evaluate(async () => {
      const key = 'settings';
      const stored = ((await chrome.storage.local.get(key))[key] ?? { version: 1, disabledCategories: [], ownTerms: [], highlight: { mode: 'background', palette: 'standard', colours: {} } }) as { highlight: Record<string, unknown> };
      await chrome.storage.local.set({ [key]: { ...stored, highlight: { ...stored.highlight, mode: 'underline' } } });
    });
    await expect
      .poll(() =>
        frame!.evaluate(() =>
          document.adoptedStyleSheets.some((s) => [...s.cssRules].some((r) => r.cssText.includes('::highlight(raadslens-camera)') && r.cssText.includes('underline'))),
        ),
      )
      .toBe(true);
    // The page itself: the title, not the live-stream block.
    const top = (await highlightedTexts(page)).map((t) => t.toLowerCase());
    expect(top).toContain('bodycams');
    expect(top.some((t) => t.includes('raadzaal'))).toBe(false);

    const panel = await openPanel(await tabIdFor(url));
    const drone = panel.locator('[data-testid=match-group][data-category=drone]');
    await expect(drone).toBeVisible();
    await expect(panel.getByTestId('document-meta').locator('[data-field="soort"] dd')).toHaveText('raadsvoorstel');
    expect(errors).toEqual([]);
  });
});

/** The tab's stored report as the background keeps it (what the panel and popup read). */
async function storedReport(serviceWorker: import('@playwright/test').Worker, tabId: number) {
  return serviceWorker.evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as Record<string, any> | undefined, tabId);
}

const HOF = 'hofvantwente.bestuurlijkeinformatie.nl';

/** The words in the elements matching `selector` that are laid out over two lines. */
function wordsBrokenIn(panel: import('@playwright/test').Page, selector: string): Promise<string[]> {
  return panel.evaluate((sel) => {
    const broken: string[] = [];
    for (const el of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (const m of (n as Text).data.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(n, m.index!);
          range.setEnd(n, m.index! + m[0].length);
          if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) broken.push(m[0]);
        }
      }
    }
    return broken;
  }, selector);
}

test.describe('portalen zoals ze echt zijn', () => {
  test('iBabs-vergadering: alle documenten (/Agenda/Document/…) per agendapunt in de lijst, en te scannen', async ({ page, scanMeasure, tabIdFor, openPanel, errors }) => {
    const url = portalUrl('portals/ibabs-vergadering.html', HOF);
    await page.goto(url);
    await scanMeasure(page);
    const panel = await openPanel(await tabIdFor(url));
    const meta = panel.getByTestId('document-meta');
    for (const [field, value] of Object.entries({ gemeente: 'Hof van Twente', portaal: 'iBabs', soort: 'agenda', vergadering: 'Gemeenteraad', datum: 'dinsdag 14 april 2026' })) {
      await expect(meta.locator(`[data-field="${field}"] dd`), field).toHaveText(value);
    }
    // The heading only repeats the meeting's name: not a row of its own.
    await expect(meta.locator('[data-field="titel"]')).toHaveCount(0);
    const section = panel.getByTestId('attachments');
    await expect(section.getByTestId('pdf-doc')).toHaveCount(7);
    await expect(section.getByTestId('attachment-group')).toHaveText([
      'Bij de vergadering',
      '2. Raadsvoorstel cameratoezicht centrum Goor',
      '3. Raadsinformatiebrief slimme lantaarnpalen',
      '4. Motie vreemd aan de orde: geen gezichtsherkenning',
    ]);
    await expect(section.locator('.pdf-name')).toHaveText([
      'Agenda gemeenteraad 14 april 2026',
      'Raadsvoorstel cameratoezicht centrum Goor',
      'Raadsvoorstel cameratoezicht centrum Goor - bijlage 1 - DPIA',
      'Ontwerpbesluit cameratoezicht',
      'Raadsinformatiebrief slimme lantaarnpalen Delden',
      'Evaluatie proef sensoren Markt',
      'Motie geen gezichtsherkenning in de openbare ruimte',
    ]);
    await screenshot(panel, 'portal-ibabs-vergadering');
    // Scannable: the portal serves each document at its /Agenda/Document/ address, without .pdf.
    await section.getByTestId('pdf-scan-all').click();
    const summaries = section.locator('[data-testid=pdf-doc] .pdf-result > summary');
    await expect(summaries).toHaveCount(7, { timeout: 30_000 });
    for (const summary of await summaries.all()) await expect(summary).toContainText('1 vondst');
    await expect(section.getByTestId('pdf-error')).toHaveCount(0);
    // In the narrowest panel each name beside its "Opnieuw lezen" still breaks between words
    // ('Raadsinformatiebri|ef' did): the button goes under a name that would get less than 13rem.
    await panel.setViewportSize({ width: 360, height: 900 });
    expect(await wordsBrokenIn(panel, '[data-testid=pdf-doc] .pdf-name')).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('NotuBiz-lijst van moties: de uitslag in de rij geldt voor de PDF van die rij, als de PDF zelf niets zegt', async ({ page, scanMeasure, tabIdFor, openPanel, errors }) => {
    const url = portalUrl('portals/notubiz-moties.html', 'denhaag.raadsinformatie.nl');
    await page.goto(url);
    await scanMeasure(page);
    const panel = await openPanel(await tabIdFor(url));
    const docs = panel.getByTestId('attachments').getByTestId('pdf-doc');
    await expect(docs).toHaveCount(4);
    // Motie 302 is "Verworpen" in its row; its PDF says nothing about it (the fixture server's motie).
    const verworpen = docs.filter({ hasText: 'Motie 302' });
    await verworpen.getByTestId('pdf-scan').click();
    await expect(verworpen.getByTestId('verdict-decision')).toHaveText(
      'De raad heeft de motie verworpen (zo staat het in de lijst; de motie zelf zegt het niet). Niemand voert haar uit, dus er zijn geen vragen over de uitvoering.',
      { timeout: 30_000 },
    );
    await expect(verworpen.getByTestId('pdf-results')).not.toContainText('Als de motie wordt aangenomen');
    // Motie 301, "Aangenomen" in its own row: its own outcome, not its neighbour's.
    const aangenomen = docs.filter({ hasText: 'Motie 301' });
    await aangenomen.getByTestId('pdf-scan').click();
    await expect(aangenomen.getByTestId('verdict-decision')).toHaveText(/^De raad heeft de motie aangenomen \(zo staat het in de lijst; de motie zelf zegt het niet\)\. De vragen gaan over wat het college doet voordat het de motie uitvoert\.$/, { timeout: 30_000 });
    await verworpen.getByTestId('verdict-decision').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(panel, 'portal-notubiz-moties-uitslag');
    expect(errors).toEqual([]);
  });

  test('een motie uit de lijst geopend in een eigen tabblad: de uitslag uit haar rij, en de brief volgt die', async ({ page, context, scanMeasure, tabIdFor, openPanel, errors }) => {
    // The list stays open in its own tab, as a reader opens a motie from it in a new one.
    const list = await context.newPage();
    await list.goto(portalUrl('portals/notubiz-moties.html', 'denhaag.raadsinformatie.nl'));
    await scanMeasure(list);
    const motie = 'http://denhaag.raadsinformatie.nl/document/13400002/1/Motie+302';
    await page.goto(portalUrl('pages/lege-pagina.html'));
    await page.evaluate((u) => (location.href = u), motie).catch(() => {});
    await expect.poll(() => page.url()).toBe(motie);
    const panel = await openPanel(await tabIdFor(motie));
    await expect(panel.getByTestId('pdf-tab')).toHaveAttribute('data-state', 'done');
    await expect(panel.getByTestId('verdict-decision')).toHaveText(
      'De raad heeft de motie verworpen (zo staat het in de lijst; de motie zelf zegt het niet). Niemand voert haar uit, dus er zijn geen vragen over de uitvoering.',
    );
    await panel.getByTestId('letter-open').first().click();
    const letter = panel.getByTestId('letter-text');
    // As the verdict says it: where the outcome comes from.
    await expect(letter).toHaveValue(/De raad heeft de motie verworpen \(zo staat het in de lijst; de motie zelf zegt het niet\): niemand voert haar uit, dus deze brief vraagt niet naar de uitvoering\./);
    await expect(letter).not.toHaveValue(/Als de motie wordt aangenomen/);
    expect(errors).toEqual([]);
  });

  test('iBabs-overzicht: rijen die het script later invult worden gescand en hun documenten getoond', async ({ page, scanMeasure, tabIdFor, openPanel, openPopup, highlightedTexts, errors }) => {
    const url = portalUrl('portals/ibabs-overzicht.html?handmatig', HOF);
    await page.goto(url);
    const first = await scanMeasure(page);
    expect(first.matches).toBe(0);
    const panel = await openPanel(await tabIdFor(url));
    await expect(panel.getByTestId('document-meta').locator('[data-field="titel"] dd')).toHaveText('Raadsbrieven');
    await expect(panel.getByTestId('attachments')).toHaveCount(0);
    // Before its rows come: said to be loading, not "Geen technologie gevonden" about a list nobody saw.
    await expect(panel.getByTestId('page-kind')).toHaveAttribute('data-kind', 'loading');
    await expect(panel.getByTestId('page-kind')).toHaveText('De pagina haalt de rijen van deze lijst nog op: Raadslens leest ze zodra ze er staan.');
    await expect(panel.getByTestId('verdict')).toHaveCount(0);
    // The popup says it too: "Geen vondsten op deze pagina" read as "none of these documents is about technology".
    const popup = await openPopup(await tabIdFor(url));
    await expect(popup.getByTestId('popup-page-kind')).toHaveText('De pagina haalt de rijen van deze lijst nog op: Raadslens leest ze zodra ze er staan.');
    await expect(popup.getByTestId('popup-count')).toHaveCount(0);
    await popup.close();
    // The portal's script fills the table after the first scan.
    await page.evaluate(() => (window as unknown as { laadRijen(): Promise<void> }).laadRijen());
    await expect(panel.getByTestId('page-kind')).toHaveCount(0);
    await expect(panel.getByTestId('attachments').getByTestId('pdf-doc')).toHaveCount(3);
    await expect(panel.getByTestId('attachments').locator('.pdf-name')).toHaveText(['Raadsbrief evaluatie cameratoezicht', 'Raadsbrief drones evenementen', 'Bijlage draaiboek drones']);
    await expect.poll(async () => (await highlightedTexts(page)).map((t) => t.toLowerCase()).sort()).toEqual(['cameratoezicht', 'cameratoezicht', 'drones', 'drones', 'drones']);
    await expect(panel.getByTestId('panel-summary')).toContainText('5 vondsten');
    await screenshot(panel, 'portal-ibabs-overzicht');
    expect(errors).toEqual([]);
  });

  test('GO-vergadering zonder eigen stukken, met stukken die pas in een agendapunt komen: geen “Geen technologie gevonden” over wat niet gelezen is', async ({ page, scanMeasure, tabIdFor, openPanel, errors }) => {
    const url = portalUrl('portals/go-vergadering-alleen-laat.html', 'raad.ridderkerk.nl');
    await page.goto(url);
    await scanMeasure(page);
    const panel = await openPanel(await tabIdFor(url));
    await expect(panel.getByTestId('read-coverage')).toHaveAttribute('data-later', '1');
    // Only the page's text was read: the headline says so, as for an agenda whose attachments are unread.
    const calm = panel.getByTestId('verdict').locator('.verdict-none');
    await expect(calm).toHaveAttribute('data-calm', 'page');
    await expect(calm).toHaveText('Geen technologie in de tekst van deze pagina.');
    expect(errors).toEqual([]);
  });

  test('GO-vergadering: documenten die later in een agendapunt komen, staan in de lijst onder dat agendapunt', async ({ page, scanMeasure, tabIdFor, openPanel, openPopup, errors }) => {
    const url = portalUrl('portals/go-vergadering-laat.html', 'raad.ridderkerk.nl');
    await page.goto(url);
    await scanMeasure(page);
    const panel = await openPanel(await tabIdFor(url));
    const meta = panel.getByTestId('document-meta');
    for (const [field, value] of Object.entries({ gemeente: 'Ridderkerk', portaal: 'GemeenteOplossingen', vergadering: 'Gemeenteraad', datum: '14 april 2026' })) {
      await expect(meta.locator(`[data-field="${field}"] dd`), field).toHaveText(value);
    }
    const docs = panel.getByTestId('attachments').getByTestId('pdf-doc');
    await expect(docs).toHaveCount(1);
    // Three agendapunten say they have documents the page has not loaded: said, not left out.
    const coverage = panel.getByTestId('read-coverage');
    await expect(coverage).toHaveAttribute('data-later', '3');
    await expect(coverage).toContainText('3 agendapunten hebben bijlagen die de pagina pas toont als u het agendapunt opent');
    await expect(panel.getByTestId('panel-summary')).toHaveText(/^Op deze pagina: /);
    // The popup too: its "De bijlage van deze pagina telt hierin niet mee" is not the meeting's whole.
    const popup = await openPopup(await tabIdFor(url));
    await expect(popup.getByTestId('popup-documents-later')).toHaveText('3 agendapunten hebben bijlagen die de pagina pas toont als u het agendapunt opent.');
    await popup.close();
    // The reader opens two agendapunten: GO fetches their documents (risbis) into the page.
    await page.locator('a.bijlage_true[data-agendapunt="41003"]').click();
    await page.locator('a.bijlage_true[data-agendapunt="41004"]').click();
    await expect(docs).toHaveCount(5);
    await expect(coverage).toHaveAttribute('data-later', '1');
    await expect(coverage).toContainText('1 agendapunt heeft bijlagen die de pagina pas toont als u het agendapunt opent');
    await expect(panel.getByTestId('attachment-group')).toHaveText([
      'Bij de vergadering',
      '3. Voorstel tot het vaststellen van het Camerabeleid Ridderkerk 2026.',
      '4. Voorstel tot deelname aan de proef met een algoritme voor schuldsignalering.',
    ]);
    await expect(docs.nth(3).locator('.pdf-name')).toHaveText('DPIA mobiel cameratoezicht');
    expect(await docs.nth(3).locator('a').getAttribute('href')).toBe('https://raad.ridderkerk.nl/Documenten/DPIA-mobiel-cameratoezicht.pdf');
    await screenshot(panel, 'portal-go-vergadering');
    expect(errors).toEqual([]);
  });

  test('Parlaeus-agenda: /showdoc/-documenten per agendapunt', async ({ page, scanMeasure, tabIdFor, openPanel, errors }) => {
    const url = portalUrl('portals/parlaeus-agenda.html', 'apeldoorn.parlaeus.nl');
    await page.goto(url);
    await scanMeasure(page);
    const panel = await openPanel(await tabIdFor(url));
    await expect(panel.getByTestId('document-meta').locator('[data-field="gemeente"] dd')).toHaveText('Apeldoorn');
    await expect(panel.getByTestId('attachment-group')).toHaveText(['6. Veiligheidsplan 2026']);
    await expect(panel.getByTestId('attachments').locator('.pdf-name')).toHaveText(['Raadsvoorstel Veiligheidsplan 2026', 'Motie M12 Geen slimme cameras zonder debat']);
    await screenshot(panel, 'portal-parlaeus-agenda');
    expect(errors).toEqual([]);
  });

  test('botcontrole (Anubis) en daarna het portaal: alleen de echte pagina wordt gemeld', async ({ page, scanMeasure, tabIdFor, openPanel, highlightedTexts, serviceWorker, errors }) => {
    const url = portalUrl('portals/botcontrole-anubis.html', HOF);
    await page.goto(url);
    await scanMeasure(page);
    const tabId = await tabIdFor(url);
    const panel = await openPanel(tabId);
    // Its "AI companies", "scraping" and "robot" are not the document: nothing is highlighted or found.
    await expect(panel.getByTestId('page-kind')).toHaveText('Dit is een controle of u geen robot bent (Anubis), nog niet het raadsstuk. Raadslens leest de pagina zodra het portaal het stuk toont.');
    expect(await highlightedTexts(page)).toEqual([]);
    const check = await storedReport(serviceWorker, tabId);
    expect(check).toMatchObject({ url, matchCount: 0, page: { kind: 'botcheck', by: 'Anubis' } });
    expect(check?.assessment.categories).toEqual([]);
    await expect(panel.getByTestId('question-card')).toHaveCount(0);
    await expect(panel.getByTestId('panel-summary')).toHaveCount(0);
    await screenshot(panel, 'portal-botcontrole');

    // The check passes; the browser goes on to the portal's page.
    const real = portalUrl('portals/ibabs-vergadering.html', HOF);
    await page.evaluate(() => (window as unknown as { solveChallenge(): void }).solveChallenge());
    await page.waitForURL(real);
    await scanMeasure(page);
    await expect.poll(async () => (await storedReport(serviceWorker, tabId))?.url).toBe(real);
    const after = await storedReport(serviceWorker, tabId);
    expect(after?.page).toBeUndefined();
    expect(after?.matchCount).toBeGreaterThan(0);
    const texts = (await highlightedTexts(page)).map((t) => t.toLowerCase());
    expect(texts).toContain('cameratoezicht');
    expect(texts.some((t) => /^(ai|scraping|robot)$/.test(t))).toBe(false);
    await expect(panel.getByTestId('page-kind')).toHaveCount(0);
    await expect(panel.getByTestId('document-meta').locator('[data-field="datum"] dd')).toHaveText('dinsdag 14 april 2026');
    expect(errors).toEqual([]);
  });

  test('botcontrole (Cloudflare) die ter plekke door het portaal wordt vervangen: daarna gescand', async ({ page, scanMeasure, tabIdFor, openPanel, highlightedTexts, serviceWorker, errors }) => {
    const url = portalUrl('portals/botcontrole-cloudflare.html', 'denhaag.raadsinformatie.nl');
    await page.goto(url);
    await scanMeasure(page);
    const tabId = await tabIdFor(url);
    const panel = await openPanel(tabId);
    await expect(panel.getByTestId('page-kind')).toHaveAttribute('data-kind', 'botcheck');
    expect(await highlightedTexts(page)).toEqual([]);
    // The challenge page is replaced in place by the NotuBiz meeting (no navigation).
    await page.evaluate(() => (window as unknown as { solveChallenge(): Promise<void> }).solveChallenge());
    await expect.poll(async () => (await storedReport(serviceWorker, tabId))?.matchCount ?? 0).toBeGreaterThan(0);
    expect((await storedReport(serviceWorker, tabId))?.page).toBeUndefined();
    const texts = (await highlightedTexts(page)).map((t) => t.toLowerCase());
    expect(texts).toContain('gezichtsherkenning');
    expect(texts.some((t) => /^(scraping|robot)$/.test(t))).toBe(false);
    await expect(panel.getByTestId('page-kind')).toHaveCount(0);
    const meta = panel.getByTestId('document-meta');
    await expect(meta.locator('[data-field="gemeente"] dd')).toHaveText('Den Haag');
    await expect(meta.locator('[data-field="datum"] dd')).toHaveText('donderdag 8 mei 2025');
    await expect(panel.getByTestId('attachments').locator('.pdf-name').first()).toHaveText('I.6 VVD motie Relschoppers mogen niet ongestraft wegkomen');
    await screenshot(panel, 'portal-notubiz-vergadering');
    expect(errors).toEqual([]);
  });

  test('foutpagina en lege zoekopdracht van het portaal: gezegd wat het is, niets gemeld', async ({ page, scanMeasure, tabIdFor, openPanel, highlightedTexts, serviceWorker, errors }) => {
    for (const [file, kind] of [['ibabs-foutpagina.html', 'error'], ['ibabs-zoeken-leeg.html', 'empty']] as const) {
      const url = portalUrl(`portals/${file}`, HOF);
      await page.goto(url);
      await scanMeasure(page);
      const tabId = await tabIdFor(url);
      await expect.poll(async () => (await storedReport(serviceWorker, tabId))?.url).toBe(url);
      expect(await storedReport(serviceWorker, tabId)).toMatchObject({ matchCount: 0, page: { kind } });
      expect(await highlightedTexts(page)).toEqual([]);
      const panel = await openPanel(tabId);
      await expect(panel.getByTestId('page-kind')).toHaveAttribute('data-kind', kind);
      await expect(panel.getByTestId('document-meta').locator('.meta-row')).toHaveCount(2);
      if (kind === 'error') await screenshot(panel, 'portal-ibabs-foutpagina');
      await panel.close();
    }
    expect(errors).toEqual([]);
  });
});

test.describe('de echte opnames (../shared/real), waar aanwezig', () => {
  const captures = realCaptures();
  const find = (file: string) => captures.find((c) => c.file === file);
  const CASES = [
    {
      file: 'ibabs/almelo-meeting_detail.html',
      rows: { gemeente: 'Almelo', portaal: 'iBabs', soort: 'agenda', vergadering: 'Raad', datum: 'woensdag 1 april 2026' },
      attachments: 5,
      groups: ['Bij de vergadering', '2. Raadsbesluit toelating gemeenteraad 2026-2030', '5. Verslag informatiefase collegevorming Almelo', '7. Notulen'],
      shot: 'real-ibabs-almelo-vergadering',
    },
    { file: 'ibabs/almelo-document_page.html', rows: { gemeente: 'Almelo', titel: 'Moties', soort: 'documentenlijst' }, attachments: 0, groups: [], shot: 'real-ibabs-almelo-overzicht' },
    {
      file: 'go/denhelder-meeting-2015-06-29.html',
      rows: { gemeente: 'Den Helder', portaal: 'GemeenteOplossingen', soort: 'agenda', vergadering: 'Gemeenteraad', datum: '29 juni 2015' },
      attachments: 2,
      groups: [],
      shot: 'real-go-denhelder-vergadering',
    },
    { file: 'gemeenteblad/gmb-2017-100007-rheden.repository.html', rows: { gemeente: 'Rheden', portaal: 'Gemeenteblad', titel: 'Bekendmaking Wet op de kansspelen St. Inloophuis Velp Zuid', soort: 'bekendmaking' }, attachments: 0, groups: [], shot: 'real-gemeenteblad-rheden' },
  ];
  // Registered where the capture is, not skipped where it is not: the fixture tests above
  // (ibabs-vergadering, ibabs-overzicht, go-vergadering, gmb) follow the same structure and always run.
  for (const c of CASES) {
    const capture = find(c.file);
    if (!capture) continue;
    test(`${c.file}: metadata en bijlagen zoals de pagina ze toont`, async ({ page, scanMeasure, tabIdFor, openPanel }) => {
      const url = capture.url.replace(/^https:/, 'http:');
      await page.goto(url);
      await scanMeasure(page);
      const panel = await openPanel(await tabIdFor(url));
      const meta = panel.getByTestId('document-meta');
      for (const [field, value] of Object.entries(c.rows)) await expect(meta.locator(`[data-field="${field}"] dd`), field).toHaveText(value);
      await expect(panel.getByTestId('pdf-doc')).toHaveCount(c.attachments);
      if (c.groups.length) await expect(panel.getByTestId('attachment-group')).toHaveText(c.groups);
      await screenshot(panel, c.shot);
    });
  }
});
