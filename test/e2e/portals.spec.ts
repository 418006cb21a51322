// Every portal fixture under its real host name: the detector finds the document, highlights
// fall only inside the main content (never in menus, cookie banners, live-stream blocks or
// footers), and the panel shows the page's metadata and its PDF attachments.
import type { Page } from '@playwright/test';
import type { WxtBrowser } from 'wxt/browser';
import { expect, portalUrl, rangeTexts, screenshot, test } from './fixtures';

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
    meta: { gemeente: 'Utrecht', portal: 'iBabs', type: 'agenda', meeting: 'Gemeenteraad · 12 maart 2026' },
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
      type: 'raadsinformatiebrief',
      title: 'Raadsinformatiebrief pilot bodycams handhaving',
      'agenda-item': '5. Raadsinformatiebrief pilot bodycams handhaving',
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
    meta: { gemeente: 'Amsterdam', portal: 'NotuBiz', type: 'agenda', meeting: 'Gemeenteraad · 19 maart 2026' },
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
    meta: { portal: 'NotuBiz', type: 'motie', title: 'Moties' },
    attachments: 4,
  },
  {
    name: 'GemeenteOplossingen vergadering',
    host: 'raad.dordrecht.nl',
    path: 'portals/go-vergadering.html',
    main: 'main#main',
    chrome: CHROME,
    highlighted: ['camerabeleid', 'flexibel cameratoezicht'],
    meta: { gemeente: 'Dordrecht', portal: 'GemeenteOplossingen', type: 'agenda', meeting: 'Gemeenteraad 25 maart 2026 · 25 maart 2026' },
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
    meta: { gemeente: 'Groningen', type: 'schriftelijke vragen' },
    attachments: 3,
  },
  {
    name: 'Parlaeus motie',
    host: 'apeldoorn.parlaeus.nl',
    path: 'portals/parlaeus-motie.html',
    main: '#pagecontent',
    chrome: `${CHROME}, .webcast, #menu`,
    highlighted: ['gezichtsherkenning', "slimme camera's"],
    meta: { gemeente: 'Apeldoorn', portal: 'Parlaeus', type: 'motie', meeting: 'Gemeenteraad 5 maart 2026 · 5 maart 2026', 'agenda-item': '6. Veiligheidsplan 2026' },
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
    meta: { gemeente: 'Tiel', portal: 'Gemeenteblad', type: 'beleidsregel', title: 'Beleidsregel verantwoord gebruik van AI gemeente Tiel' },
    attachments: 0,
  },
  {
    name: 'CVDR regeling',
    host: 'lokaleregelgeving.overheid.nl',
    path: 'portals/cvdr-camerabeleid.html',
    main: '.regeling',
    chrome: `${CHROME}, .regeling-acties`,
    highlighted: ['cameratoezicht', 'dashcams'],
    meta: { gemeente: 'Brunssum', type: 'beleidsregel', title: 'Camerabeleid gemeente Brunssum 2024' },
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
    meta: { gemeente: 'Ede', portal: 'Algoritmeregister', type: 'algoritme' },
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

  test('iframe met het document: gescand, gemarkeerd in het frame, samengevoegd in het paneel', async ({ page, scanMeasure, tabIdFor, openPanel, highlightedTexts, serviceWorker, errors }) => {
    const url = portalUrl('portals/go-iframe.html', 'raad.ridderkerk.nl');
    await page.goto(url);
    await expect.poll(async () => (await scanMeasure(page)).frames, { timeout: 10_000 }).toBe(2);
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
    await expect(panel.getByTestId('document-meta').locator('[data-field="type"] dd')).toHaveText('raadsvoorstel');
    expect(errors).toEqual([]);
  });
});
