// A motie shown as a web page (a portal's detail page: its text, or its fields "Status",
// "Uitslag", a list row's state column) is known as its PDF would be, and whom its questions go
// to (the burgemeester where the dictum asks him or her alone, or the text names his or her own
// competence: artikel 151c Gemeentewet, cameratoezicht). Blocks written from the structure of
// iBabs, NotuBiz and GO detail pages (a cell, a <dt>/<dd>, a paragraph: a block each), none a real
// document.
import { describe, expect, it } from 'vitest';
import { documentOpening, pageOpening } from '@/lib/core/questions/document-kind';
import { openingBlocks, PAGE_WINDOW } from '@/lib/core/questions/page-window';
import { documentKindRules, parseDocumentKindRules } from '@/lib/core/rules/document-kind';
import { RulePackError } from '@/lib/core/rules/errors';
import { ReportDetailsSchema } from '@/lib/extension/messages/protocol';

const rules = documentKindRules();
/** As the extension reads a page: the page cuts its opening and sends it (valid for the protocol), the background reads it. */
const page = (blocks: string[]) => {
  const { opening } = ReportDetailsSchema.parse({ attachments: [], opening: [...openingBlocks(blocks, PAGE_WINDOW)] });
  const read = pageOpening(opening!, rules);
  expect(read).toEqual(pageOpening(blocks, rules));
  return read;
};

const DICTUM = [
  'De raad van de gemeente Veendorp, in vergadering bijeen op 3 juni 2026,',
  'Constaterende dat:',
  '- op het Marktplein vaker wordt ingebroken;',
  '{dictum}',
  '- daar camera’s te plaatsen die beelden 28 dagen bewaren;',
  'En gaat over tot de orde van de dag.',
];
const motie = (dictum: string) => DICTUM.map((l) => l.replace('{dictum}', dictum));

/** A detail page's fields as the portal's table or definition list gives them: label and value, a block each. */
function detailPage(fields: Record<string, string>, body: string[] = []): string[] {
  return ['Moties', 'Camera’s op het Marktplein', ...Object.entries(fields).flatMap(([k, v]) => [k, v]), ...body];
}

describe('a motie as a web page', () => {
  it('its outcome from a field: label and value in blocks of their own, or on one line', () => {
    expect(page(detailPage({ Datum: '3 juni 2026', Indieners: 'J. Jansen (Lokaal Belang)', Status: 'Aangenomen' }, motie('Verzoekt het college:')))).toEqual({ kind: 'motie', decision: 'aangenomen', date: '3 juni 2026' });
    expect(page(['Motie camera’s Marktplein', 'Uitslag: verworpen', 'Datum afdoening: 3 juni 2026'])).toEqual({ decision: 'verworpen' });
    expect(page(['Motie camera’s Marktplein', 'Status: Ingetrokken Datum: 3 juni 2026'])).toEqual({ decision: 'ingetrokken' });
    expect(page(detailPage({ 'Uitslag stemming': 'Aangenomen met 21 stemmen voor en 12 tegen' }))).toEqual({ decision: 'aangenomen' });
  });

  it('no outcome from a field that says something else, an empty one, or the word inside a sentence', () => {
    expect(page(detailPage({ Status: 'In behandeling', Afdoening: '' }, motie('Verzoekt het college:')))).toEqual({ kind: 'motie', date: '3 juni 2026' });
    expect(page(['Motie camera’s Marktplein', 'De eerder aangenomen motie over de binnenstad vroeg om een evaluatie van het cameratoezicht.'])).toEqual({});
  });

  it('a list of moties with their states is no one motie’s: rows that disagree give no outcome', () => {
    const rows = ['Datum', 'Titel', 'Status', '3 juni 2026', 'Motie camera’s Marktplein', 'Aangenomen', '3 juni 2026', 'Motie wifi-tellers', 'Verworpen'];
    expect(page(rows).decision).toBeUndefined();
  });

  it('reads a page only as far as the rules’ pageWindow: a field far down a long agenda is no motie’s', () => {
    const filler = Array.from({ length: Math.ceil(rules.pageWindow / 40) }, (_, i) => `Agendapunt ${i}: een onderwerp zonder uitslag, met wat tekst erbij.`);
    expect(page([...filler, 'Status', 'Aangenomen'])).toEqual({});
    expect(page(['Status', 'Aangenomen', ...filler])).toEqual({ decision: 'aangenomen' });
  });

  it('the page cuts its opening where the rules read it: PAGE_WINDOW is their pageWindow, another figure is refused', () => {
    expect(rules.pageWindow).toBe(PAGE_WINDOW);
    expect(() => parseDocumentKindRules({ ...rules, pageWindow: PAGE_WINDOW + 1 })).toThrow(new RegExp(`moet ${PAGE_WINDOW} zijn`));
    // A block across the window is cut, as the reading cuts it; none after it; a line break counts.
    const cut = [...openingBlocks(['a'.repeat(PAGE_WINDOW - 3), 'bbbbb', 'c'], PAGE_WINDOW)];
    expect(cut).toEqual(['a'.repeat(PAGE_WINDOW - 3), 'bb']);
    expect([...openingBlocks(['x'.repeat(PAGE_WINDOW * 2)], PAGE_WINDOW)]).toEqual(['x'.repeat(PAGE_WINDOW)]);
    // More than the window is no page's opening.
    expect(ReportDetailsSchema.safeParse({ attachments: [], opening: ['x'.repeat(PAGE_WINDOW), 'y'] }).success).toBe(false);
  });

  it('the same blocks as one text (a PDF) give the same answer', () => {
    const blocks = detailPage({ Status: 'Verworpen' }, motie('Verzoekt het college:'));
    expect(documentOpening(blocks.join('\n'), rules)).toEqual(page(blocks));
  });
});

describe('the meeting’s date from the opening', () => {
  it('“in vergadering bijeen op 12 juni 2025”: the date as written, only for a motie or amendement', () => {
    expect(documentOpening(motie('Verzoekt het college:').join('\n'), rules).date).toBe('3 juni 2026');
    expect(documentOpening('De raad van de gemeente Veendorp, in vergadering bijeen d.d. 14 maart 2026, ter bespreking van agendapunt 7, verzoekt het college een register bij te houden.', rules).date).toBe('14 maart 2026');
    // No date written there, or a date that is none: no date.
    expect(documentOpening(motie('Verzoekt het college:').join('\n').replace(' op 3 juni 2026', ''), rules).date).toBeUndefined();
    expect(documentOpening(motie('Verzoekt het college:').join('\n').replace('3 juni 2026', '3 juno 2026'), rules).date).toBeUndefined();
    expect(documentOpening('Raadsvoorstel\nDe raad, in vergadering bijeen op 3 juni 2026, wordt voorgesteld …', rules).date).toBeUndefined();
  });
});

describe('whom the questions go to', () => {
  it('the burgemeester when the dictum asks the burgemeester alone', () => {
    expect(page(motie('Verzoekt de burgemeester:'))).toEqual({ kind: 'motie', addressee: 'burgemeester', date: '3 juni 2026' });
    expect(page(motie('Roept de Burgemeester op om:')).addressee).toBe('burgemeester');
    expect(documentOpening(motie('verzoekt de burgemeester').join(' '), rules)).toMatchObject({ kind: 'motie', addressee: 'burgemeester' });
  });

  it('the college when the dictum asks the college, burgemeester en wethouders, or both', () => {
    expect(page(motie('Verzoekt het college:')).addressee).toBeUndefined();
    expect(page(motie('Verzoekt burgemeester en wethouders:')).addressee).toBeUndefined();
    expect(page(motie('Verzoekt de burgemeester en wethouders:')).addressee).toBeUndefined();
    expect(page(motie('Verzoekt het college en de burgemeester:')).addressee).toBeUndefined();
    expect(page([...motie('Verzoekt het college:'), 'Verzoekt de burgemeester:', '- de raad te informeren.']).addressee).toBeUndefined();
  });

  it('a motie’s dictum wins over the competence it cites: asking the college stays the college', () => {
    const cites = motie('Verzoekt het college:');
    cites.splice(2, 0, '- de burgemeester op grond van artikel 151c van de Gemeentewet cameratoezicht kan instellen;');
    expect(page(cites)).toEqual({ kind: 'motie', date: '3 juni 2026' });
  });

  it('a raadsvoorstel or besluit about cameratoezicht under artikel 151c: the burgemeester', () => {
    const voorstel = [
      'Raadsvoorstel',
      'Onderwerp: cameratoezicht Marktplein',
      'Voorgesteld besluit: de burgemeester de bevoegdheid te geven cameratoezicht in te stellen op het Marktplein.',
      'Juridische grondslag',
      'Op grond van art. 151c, eerste lid, Gemeentewet kan de raad de burgemeester bevoegd verklaren.',
    ];
    expect(page(voorstel)).toEqual({ addressee: 'burgemeester' });
    expect(page(['Besluit cameratoezicht', 'De burgemeester is bevoegd te besluiten tot cameratoezicht op openbare plaatsen.']).addressee).toBe('burgemeester');
    expect(documentOpening('Gelet op artikel\n151c van de Gemeentewet;\nbesluit: …', rules).addressee).toBe('burgemeester');
  });

  it('not for other articles, nor a competence named only beyond the opening’s window', () => {
    expect(page(['Raadsvoorstel', 'Op grond van artikel 151d Gemeentewet en artikel 160 is het college bevoegd.'])).toEqual({});
    expect(page(['Raadsvoorstel', 'Wij vragen naar artikel 151cc.'])).toEqual({});
    const long = ['Raadsvoorstel slimme verlichting', 'x'.repeat(rules.addressee.window), 'Voor camera’s is de burgemeester bevoegd (artikel 151c Gemeentewet).'];
    expect(page(long).addressee).toBeUndefined();
    // A college's raadsvoorstel that names artikel 151c in its planning ("Na het raadsbesluit wijst
    // de burgemeester de gebieden aan (artikel 151c Gemeentewet)"), past its subject, beslispunten
    // and grounds, with pilots and bodycams besides the cameras: its questions go to the college.
    const planning = [
      'Raadsvoorstel Uitbreiding cameratoezicht binnenstad en pilot slimme lantaarnpalen',
      'Voorgesteld besluit: in te stemmen met de uitbreiding van het cameratoezicht, de pilot met slimme lantaarnpalen en de inzet van bodycams.',
      ...Array.from({ length: 30 }, (_, i) => `Argument ${i + 1}: de overlast in de binnenstad neemt toe en handhavers vragen om ondersteuning bij hun werk op straat.`),
      'Planning: na het raadsbesluit wijst de burgemeester de gebieden aan waar cameratoezicht plaatsvindt (artikel 151c Gemeentewet).',
    ];
    expect(planning.join('\n').indexOf('151c')).toBeGreaterThan(rules.addressee.window);
    expect(page(planning).addressee).toBeUndefined();
  });

  it('the rules are data: a broken addressee section is refused in Dutch', () => {
    const broken = structuredClone(rules) as Record<string, unknown>;
    (broken.addressee as Record<string, unknown>).competence = [['Artikel 151c']];
    expect(() => parseDocumentKindRules(broken)).toThrow(RulePackError);
    expect(() => parseDocumentKindRules(broken)).toThrow(/kleine letters/);
  });
});
