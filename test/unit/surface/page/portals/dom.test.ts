import { describe, expect, it } from 'vitest';
import {
  attachmentName,
  chromeTest,
  cleanDocumentName,
  collectAttachments,
  fileNameFromUrl,
  firstTitle,
  firstWithText,
  gemeenteFromText,
  gemeenteIn,
  inlineDate,
  insideChrome,
  isPdfLink,
  textOf,
} from '@/lib/surface/page/portals/dom';

// The readers stop early; these tests hold them to what reading the whole textContent gives.
// Large documents in happy-dom: on a shared, busy machine they take seconds, which is no failure.
const LARGE = { timeout: 60_000 };
const wholeTextOf = (el: Element, max = 300) => {
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

function element(html: string): Element {
  const doc = new DOMParser().parseFromString(`<!doctype html><body><div id="x">${html}</div></body>`, 'text/html');
  return doc.getElementById('x')!;
}

/** A deterministic mix of words, white-space runs and elements (no Math.random: reproducible). */
function mixedHtml(seed: number, parts: number): string {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  const words = ['Gemeente', 'Utrecht', 'van', 'raad', 'camera', 'Bergen', 'op', 'Zoom', '’s-Hertogenbosch', '2026', '.', ',', '𝐀lpha'];
  const gaps = [' ', '  ', '\n', '\n\t  ', '', '&nbsp;'];
  let html = '';
  for (let i = 0; i < parts; i++) {
    const w = words[Math.floor(next() * words.length)]!;
    const g = gaps[Math.floor(next() * gaps.length)]!;
    const r = next();
    html += r < 0.2 ? `<b>${w}</b>${g}` : r < 0.3 ? `<span>${g}</span>${w}` : `${w}${g}`;
  }
  return html;
}

describe('textOf', () => {
  it('gives what the whole textContent would give, for short, long and blank elements', LARGE, () => {
    const cases = [
      '',
      '   \n\t ',
      'Raadsvoorstel',
      `<h1>  Titel\n  met <em>nadruk</em>  </h1>`,
      'x'.repeat(299),
      'x'.repeat(300),
      'x'.repeat(301),
      `${' '.repeat(5000)}<p>${'woord '.repeat(100)}</p>${' '.repeat(5000)}`,
      `<p>${'a '.repeat(150)}</p>${'<span>   </span>'.repeat(400)}<p>b</p>`,
      `${' \n'.repeat(1000)}${'woord '.repeat(100)}`, // one text node, blank for a long way
      `${'\t'.repeat(700)}x${' '.repeat(700)}`,
      ...Array.from({ length: 40 }, (_, k) => mixedHtml(k + 1, 20 + k * 25)),
    ];
    for (const html of cases) {
      const el = element(html);
      for (const max of [1, 5, 60, 200, 300]) expect(textOf(el, max), `${html.slice(0, 40)} @${max}`).toBe(wholeTextOf(el, max));
    }
    expect(textOf(null)).toBeUndefined();
  });

  it('reads only a prefix of a large element', LARGE, () => {
    const el = element(`<p>${'<span>tekst </span>'.repeat(20_000)}</p>`);
    untouchable(el, 100);
    expect(textOf(el, 300)).toBe(`${'tekst '.repeat(50)}`.slice(0, 299) + '…');
  });
});

/** Text nodes from the `from`-th on throw when read: a reader that gets there reads too far. */
function untouchable(el: Element, from: number) {
  const walker = el.ownerDocument.createTreeWalker(el, 4);
  let k = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (k++ < from) continue;
    Object.defineProperty(n, 'data', {
      get() {
        throw new Error('read too far');
      },
    });
  }
}

describe('gemeenteIn', () => {
  it('finds the phrase the whole text has, also across elements and chunk boundaries', LARGE, () => {
    const filler = (n: number) => 'Dit is tekst zonder die naam, met cijfers 123. '.repeat(n);
    const cases = [
      '',
      'Gemeente Utrecht',
      'Beleid van de <b>Gemeente</b> <i>Bergen op Zoom</i>, vastgesteld',
      `${filler(60)}Gemeenteraad van ’s-Hertogenbosch`,
      `${filler(43)}xx gemeente Den Haag`, // near the first check at 2048 characters
      `${filler(43)}Gemeente <span>Bergen</span> <span>op</span> Zoom. Gemeente Utrecht`,
      `${filler(200)}`,
      `${'a'.repeat(5000)} Gemeente Tiel`, // no character outside a phrase before the end
      ...Array.from({ length: 60 }, (_, k) => `${filler(k * 3)}${mixedHtml(k + 7, 50 + k * 40)}`),
    ];
    for (const html of cases) {
      const el = element(html);
      expect(gemeenteIn(el), html.slice(-60)).toBe(gemeenteFromText(el.textContent ?? undefined));
    }
    expect(gemeenteIn(null)).toBeUndefined();
  });

  it('stops reading after the first phrase on a long page', LARGE, () => {
    const el = element(`<p>Gemeente Utrecht, raadsvoorstel.</p>${'<p>Nog meer tekst, en meer.</p>'.repeat(20_000)}`);
    untouchable(el, 1000);
    expect(gemeenteIn(el)).toBe('Utrecht');
  });
});

describe('firstWithText', () => {
  it('skips matches without text and keeps the order of preference', () => {
    const el = element('<main> </main><main><p>Tekst</p></main><article>Artikel</article>');
    expect(firstWithText(el, ['section', 'main', 'article'])).toBe(el.querySelectorAll('main')[1]);
    expect(firstWithText(el, ['article', 'main'])).toBe(el.querySelector('article'));
    expect(firstWithText(el, ['section'])).toBeNull();
  });
});

describe('collectAttachments', () => {
  const location = new URL('https://utrecht.raadsinformatie.nl/vergadering/1');

  it('gives what querySelectorAll in document order gives, de-duplicated', () => {
    const el = element(
      '<a href="/a.pdf">Stuk A</a><svg><a href="/svg.pdf">svg</a></svg><p><a href="/document/1/2/x">Stuk X</a><a href="/a.pdf">A again</a>' +
        '<a href="javascript:void(0)" type="application/pdf">js</a><a>no href</a><a href="/b.html">B</a></p>',
    );
    expect(collectAttachments(el, location)).toEqual([
      { name: 'Stuk A', url: 'https://utrecht.raadsinformatie.nl/a.pdf' },
      { name: 'svg', url: 'https://utrecht.raadsinformatie.nl/svg.pdf' },
      { name: 'Stuk X', url: 'https://utrecht.raadsinformatie.nl/document/1/2/x' },
    ]);
    expect(collectAttachments(el, location, 'p a[href*="/document/"]', () => true)).toEqual([
      { name: 'Stuk X', url: 'https://utrecht.raadsinformatie.nl/document/1/2/x' },
    ]);
  });

  it('stops at 500', () => {
    const el = element(Array.from({ length: 700 }, (_, i) => `<a href="/stukken/${i}.pdf">Stuk ${i}</a>`).join(''));
    const found = collectAttachments(el, location);
    expect(found).toHaveLength(500);
    expect(found.at(-1)).toEqual({ name: 'Stuk 499', url: 'https://utrecht.raadsinformatie.nl/stukken/499.pdf' });
  });
});

describe('document links as portals write them', () => {
  const link = (html: string) => element(html).querySelector('a')!;

  it('knows the download shapes without .pdf, and no note or page link', () => {
    const yes = [
      '<a href="/Agenda/Document/55a2d355-2f35-4543-ae50-6d3576dd1275?documentId=0ee6f5f4&amp;agendaItemId=f16d">Raadsvoorstel</a>',
      '<a href="/Reports/Item/x?documentId=0ee6f5f4">Stuk</a>',
      '<a href="/document/15518187/1/I_6++VVD+motie">Motie</a>',
      '<a href="/user/showdoc/action=view/id=48211/type=pdf/Motie.pdf">Motie</a>',
      '<a href="Besluitenlijst-raadsvergadering-29-juni-2015.pdf">Besluitenlijst</a>',
      '<a href="/stuk?id=7"><span class="icon pdf" aria-label="pdf" role="img"></span> Stuk</a>',
      '<a href="/download/7">Raadsbesluit Zeestad..pdf</a>',
    ];
    const no = [
      '<a href="Besluitenlijst-raadsvergadering-29-juni-2015.pdf/notitie/">notitie</a>',
      '<a href="/Agenda/Index/55a2d355">Raad</a>',
      '<a href="/Reports/Item/1">Motie</a>',
      '<a href="#documentId=1">anker</a>',
      '<a href="/Documenten/">Documenten</a>',
    ];
    for (const html of yes) expect(isPdfLink(link(html)), html).toBe(true);
    for (const html of no) expect(isPdfLink(link(html)), html).toBe(false);
  });

  it('names a document by its text without the size, "(pdf, …)" or ".pdf"; an icon link by its file name', () => {
    expect(cleanDocumentName('Toelating leden gemeenteraad 2026-2030 - Raadsvoorstel 60 KB')).toBe('Toelating leden gemeenteraad 2026-2030 - Raadsvoorstel');
    expect(cleanDocumentName('Evaluatie 1,4 MB')).toBe('Evaluatie');
    expect(cleanDocumentName(' Raadsbesluit bekrachtiging geheimhouding Exploitatie Zeestad..pdf')).toBe('Raadsbesluit bekrachtiging geheimhouding Exploitatie Zeestad');
    expect(cleanDocumentName('Motie 412')).toBe('Motie 412');
    expect(cleanDocumentName('Begroting 2026')).toBe('Begroting 2026');
    expect(fileNameFromUrl('https://denhaag.raadsinformatie.nl/document/15518187/1/I_6++VVD+motie+Relschoppers+mogen+niet+ongestraft+wegkomen')).toBe('I.6 VVD motie Relschoppers mogen niet ongestraft wegkomen');
    expect(fileNameFromUrl('https://x.parlaeus.nl/user/showdoc/action=view/id=1/type=pdf/Motie_M12_Geen_slimme_cameras.pdf')).toBe('Motie M12 Geen slimme cameras');
    expect(fileNameFromUrl('https://x.nl/stukken/Raadsvoorstel%20camera%27s%20100%.pdf')).toBe('Raadsvoorstel%20camera%27s%20100%');
    const a = link('<a href="/document/1/1/Motie+drones" title=""><span class="icon"></span></a>');
    expect(attachmentName(a, 'https://x.nl/document/1/1/Motie+drones')).toBe('Motie drones');
  });
});

describe('chrome and titles', () => {
  it('chromeTest answers as insideChrome does, for every element', () => {
    const root = element(mixedHtml(3, 400) + '<nav><p><a href="/x.pdf">x</a></p></nav><aside><b>y</b></aside>');
    const isChrome = (el: Element) => el.tagName === 'NAV' || el.tagName === 'ASIDE' || el.tagName === 'SPAN';
    const memo = chromeTest(root, isChrome);
    for (const el of root.querySelectorAll('*')) expect(memo(el)).toBe(insideChrome(el, root, isChrome));
  });

  it('takes the first heading that is neither chrome nor furniture', () => {
    const root = element('<aside><h1>Filters</h1></aside><div><h1>Pagina afdrukken</h1></div><h1>Moties</h1><h1>Later</h1>');
    expect(firstTitle(root, ['h2', 'h1'], (el) => el.tagName === 'ASIDE')).toBe('Moties');
  });

  it('reads "Datum:" as a line, not glued to the next one', () => {
    expect(inlineDate(element('<p>Datum: 31-08-2015<br>Aanvang: 19:30</p>'))).toBe('31-08-2015');
    expect(inlineDate(element('<p>Vergaderdatum: woensdag 1 april 2026</p>'))).toBe('woensdag 1 april 2026');
    expect(inlineDate(element('<p>Datum onbekend</p>'))).toBeUndefined();
  });
});
