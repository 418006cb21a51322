import { describe, expect, it } from 'vitest';
import { buildPageText, pageTextOnly, type TextItemLike } from '@/lib/surface/pdf/page-text';
import { lineEdges } from '@/lib/surface/pdf/line-edges';
import { extractPdfPagesInNode } from '@/lib/surface/pdf/node';
import { compiledStatusRules, segmentText } from '@/lib/core/questions/status';
import { loadBuiltinRules } from '@/lib/core/rules';
import { kopjesPdf } from '../../../fixtures/pdf/generate.mjs';

/** Lines as pdf.js gives them: one item per line, at `x`, going down by `step` unless `y` says where. */
interface L {
  text: string;
  font?: string;
  size?: number;
  x?: number;
  y?: number;
  /** Width of the line; default: half the size per character. */
  width?: number;
}
function page(lines: L[], step = 14): TextItemLike[] {
  let y = 800;
  return lines.map((l, i) => {
    const size = l.size ?? 11;
    y = l.y ?? (i === 0 ? y : y - step);
    return { str: l.text, hasEOL: i < lines.length - 1, transform: [size, 0, 0, size, l.x ?? 72, y], width: l.width ?? l.text.length * size * 0.5, height: size, fontName: l.font ?? 'body' };
  });
}
/** Lines of running text that fill the column (their width says so). */
const full = (text: string): L => ({ text, width: 450 });

describe('lineEdges: where a PDF line end is a block edge', () => {
  it('breaks after a bold heading, not inside the section under it', () => {
    const { text } = buildPageText(page([full('De camera’s hangen bij de containers en zijn sinds maart in gebruik bij de'), { text: 'handhavers.' }, { text: 'Privacy', font: 'bold' }, full("Voor de slimme camera's is geen DPIA uitgevoerd, omdat de leverancier de software al"), { text: 'bij andere gemeenten gebruikt.' }, full('Filler regel die de kolom vult zodat de rechterkant bekend is voor de pagina tekst.')]));
    expect(text).toContain('bij de handhavers.\nPrivacy\nVoor de slimme');
    expect(text).toContain('software al bij andere');
  });

  it('breaks between list items without punctuation and after a title, but not in a wrapped sentence before a capitalised name', () => {
    const items = page([
      { text: 'Raadsvoorstel cameratoezicht', size: 16, font: 'bold' },
      full('Het college heeft hierover in het voorjaar uitvoerig gesproken met de buurgemeente'),
      full('Almelo en met de ondernemers in de binnenstad, die het voorstel steunen en de'),
      { text: 'Locaties:' },
      { text: 'Stationsplein' },
      { text: 'Grote Markt' },
      { text: 'Wilhelminaplein' },
      full('Deze regel vult de kolom tot de rechterkant zodat de pagina een rechterkant heeft.'),
    ]);
    const { text } = buildPageText(items);
    expect(text).toBe('Raadsvoorstel cameratoezicht\nHet college heeft hierover in het voorjaar uitvoerig gesproken met de buurgemeente Almelo en met de ondernemers in de binnenstad, die het voorstel steunen en de Locaties:\nStationsplein\nGrote Markt\nWilhelminaplein\nDeze regel vult de kolom tot de rechterkant zodat de pagina een rechterkant heeft.');
  });

  it('breaks at a paragraph gap and before a bullet, never before a lower-case continuation', () => {
    const items = page([
      full('De raad besluit het voorstel over de inzet van camera’s bij de containers aan te'),
      { text: 'nemen' },
      { text: 'Bewaartermijn beelden 24 uur', y: 740 },
      { text: '• Stationsplein', y: 726 },
      full('De functionaris gegevensbescherming is om advies gevraagd en heeft dat ook gegeven.'),
    ]);
    expect(buildPageText(items).text).toBe('De raad besluit het voorstel over de inzet van camera’s bij de containers aan te nemen\nBewaartermijn beelden 24 uur\n• Stationsplein\nDe functionaris gegevensbescherming is om advies gevraagd en heeft dat ook gegeven.'.replace('’', "'"));
  });

  it('judges a narrower paragraph by its own right edge, not the widest lines of the page', () => {
    const wide = (text: string): L => ({ text, width: 450 });
    const narrow = (text: string): L => ({ text, width: 330 });
    const items = page([
      wide('Een brede alinea die de kolom helemaal vult, tot aan de rechterkant van de pagina.'),
      wide('Nog een brede regel van dezelfde alinea, die ook tot de rechterkant doorloopt en.'),
      wide('Een derde brede regel, zodat de pagina weet waar de rechterkant van de kolom is.'),
      narrow('Het voorstel past binnen de kaders van de nieuwe regionale'),
      { text: 'zienswijze en van de', width: 250 },
      { text: 'Omgevingsvisie en het coalitieakkoord.' },
    ]);
    expect(buildPageText(items).text).toContain('van de Omgevingsvisie');
  });

  it('keeps a table row on its own line before the paragraph under it', () => {
    const items = page([
      full('De gemeente houdt voor de beelden van de camera’s bij de containers termijnen aan,'),
      full('die in de tabel hieronder staan, naast wat er voor de pilot verder is afgesproken en'),
      full('wat de raad daarover eerder besloot. De tabel geldt voor alle locaties die de gemeente'),
      { text: 'aanhoudt.' },
      { text: 'DPIA nee' },
      { text: 'Bewaartermijn 28 dagen' },
      full('Voor de slimme camera’s is dus geen DPIA gedaan, maar wel een bewaartermijn gesteld.'),
    ]);
    expect(buildPageText(items).text).toContain('aanhoudt.\nDPIA nee\nBewaartermijn 28 dagen\nVoor de slimme');
  });

  it('does not join a hyphenated word across a block edge, but does in running text', () => {
    const across = page([{ text: 'Kosten en ge-' }, { text: 'meente', y: 740 }, full('Een regel die de kolom tot de rechterkant vult, zodat die rechterkant bekend is.')]);
    expect(buildPageText(across).text.startsWith('Kosten en ge-\nmeente ')).toBe(true);
    const wrapped = page([full('De sensoren meten drukte en ge-'), full('luid in de binnenstad en de wijken rond het station, en geven dat door aan'), full('de handhavers die het bekijken.')]);
    expect(buildPageText(wrapped).text).toBe('De sensoren meten drukte en geluid in de binnenstad en de wijken rond het station, en geven dat door aan de handhavers die het bekijken.');
  });

  it('starts a new dash item where the one before ran to the column edge, but not inside a sentence that wraps before a dash', () => {
    // A motie's "Overwegende dat:" list: dashes at one left edge, continuations hanging further in;
    // one item fills its line and has no punctuation, the next starts with the same dash there.
    const items = page([
      { text: 'Overwegende dat:' },
      { text: '- er op het plein camera’s hangen die voor toezicht worden ingezet', x: 90 },
      { text: '- de beelden na vier weken worden gewist;', x: 90 },
      { text: '- de raad vindt dat de wijkagent de camera’s mag bekijken en dat de beelden', x: 90, width: 450 },
      { text: 'met de politie worden gedeeld;', x: 108 },
      full('Het college heeft de inzet van de camera’s en de koppeling met het meldpunt besproken'),
      { text: '- en daarmee ook de bewaartermijn - met de politie en met de wijkraad.' },
      full('Deze regel vult de kolom tot de rechterkant zodat de pagina een rechterkant heeft.'),
    ]);
    // The first item reaches the column's right edge (no room for the next word).
    items[1]!.width = 450 - 18;
    expect(buildPageText(items).text.replace(/’/g, "'")).toBe(
      "Overwegende dat:\n- er op het plein camera's hangen die voor toezicht worden ingezet\n- de beelden na vier weken worden gewist;\n- de raad vindt dat de wijkagent de camera's mag bekijken en dat de beelden met de politie worden gedeeld;\nHet college heeft de inzet van de camera's en de koppeling met het meldpunt besproken - en daarmee ook de bewaartermijn - met de politie en met de wijkraad.\nDeze regel vult de kolom tot de rechterkant zodat de pagina een rechterkant heeft.",
    );
  });

  it('finds no edges without positions (then every line end is a space, as before)', () => {
    expect(lineEdges([{ str: 'Privacy', hasEOL: true }, { str: 'Voor de camera’s' }])).toBeNull();
    expect(buildPageText([{ str: 'Privacy', hasEOL: true }, { str: 'Voor de camera’s' }]).text).toBe("Privacy Voor de camera's");
  });

  it('keeps the map one character for one: an edge is the line end, from nowhere on the page', () => {
    const alphabet = ['a', 'Z', 'é', '-', '•', '.', ':', ' ', '\u00ad', '’', '1'];
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    for (let round = 0; round < 1500; round++) {
      const items: TextItemLike[] = [];
      let y = 800;
      for (let i = rand(12); i >= 0; i--) {
        let str = '';
        for (let k = rand(9); k > 0; k--) str += alphabet[rand(alphabet.length)];
        y -= [0, 12, 14, 30][rand(4)]!;
        const size = [9, 11, 16][rand(3)]!;
        items.push({ str, hasEOL: rand(2) === 0, transform: [size, 0, 0, size, 72 + rand(40), y], width: rand(460), height: size, fontName: rand(3) === 0 ? 'bold' : 'body' });
      }
      const { text, map } = buildPageText(items);
      expect(pageTextOnly(items)).toBe(text);
      expect(map.item.length).toBe(text.length);
      expect(map.offset.length).toBe(text.length);
      const flat = items.map((it) => it.str ?? '');
      for (let i = 0; i < text.length; i++) {
        const it = map.item[i]!;
        if (it === -1) {
          expect(text[i] === ' ' || text[i] === '\n').toBe(true);
          continue;
        }
        const ch = flat[it]![map.offset[i]!]!;
        // One character for one: the same character, a folded apostrophe or white space as one space or edge.
        expect(ch === text[i] || (ch === '’' && text[i] === "'") || (/\s/.test(ch) && /\s/.test(text[i]!))).toBe(true);
      }
      // Without hyphens (which an edge keeps), the edges as spaces give the text as it was without positions.
      if (!flat.some((s) => s.includes('-'))) expect(text.replace(/\n/g, ' ')).toBe(buildPageText(items.map(({ str, hasEOL }) => ({ str, hasEOL }))).text);
    }
  });
});

describe('a laid-out raadsvoorstel (generate.mjs kopjesPdf)', () => {
  it('reads the heading apart from its section, the list items apart, and running text as one', async () => {
    const pages = [];
    for await (const p of extractPdfPagesInNode(kopjesPdf())) pages.push(p);
    const { text } = pages[0]!;
    expect(text).toContain('handhaver. Over de proef is gesproken met de buurgemeente Almelo, die');
    expect(text).toContain('sturen dan een korte beeldreeks');
    expect(text).toContain('Locaties\nStationsplein\nGrote Markt en de Kerkstraat\nWilhelminaplein bij de bibliotheek\nPrivacy\nVoor de slimme');
    expect(text).toContain('gebruikt.\nBewaartermijn beelden 24 uur\nDe functionaris');
    const segments = segmentText(text, compiledStatusRules(loadBuiltinRules().status).segment, 'blocks');
    const dpia = segments.find((s) => text.slice(s.start, s.end).includes('DPIA'))!;
    expect(text.slice(dpia.start, dpia.end)).toBe("Voor de slimme camera's is geen DPIA uitgevoerd, omdat de leverancier de software al bij andere gemeenten gebruikt.");
  });
});
