import { describe, expect, it } from 'vitest';
import {
  AnnotationCollectionSchema,
  BackupSchema,
  CSV_COLUMNS,
  WebAnnotationSchema,
  backupJson,
  parseBackup,
  parseCsv,
  passageLink,
  toBackup,
  toCsv,
  toMarkdown,
  toWebAnnotations,
} from '../../../../lib/record/export';
import { DOC_A, DOC_B, documents, flags, labels, notes, set } from './fixtures';

describe('Markdown export', () => {
  const md = toMarkdown(set, labels, { exportedAt: Date.UTC(2026, 10, 28, 12) });

  it('has one section per document with its link, gemeente and meeting date, newest meeting first', () => {
    const a = md.indexOf(`## [Raadsvoorstel cameratoezicht Stationsplein](<${DOC_A}>)`);
    const b = md.indexOf(`## [Raadsinformatiebrief slimme lantaarnpalen](<${DOC_B}>)`);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(a);
    expect(md).toContain('Gemeente: Utrecht · Soort: raadsvoorstel · Vergadering: 10 december 2026');
  });

  it('quotes passages, keeps note text and names the AP question and category', () => {
    expect(md).toContain('> cameratoezicht op het Stationsplein');
    expect(md).toContain('Is de FG om advies gevraagd?\nEn wat zei de FG?');
    expect(md).toMatch(/- AP-vraag 2: .+/);
    expect(md).toContain('**Reden:** Gezichtsherkenning is niet proportioneel');
    expect(md).toContain('- Tags: fg, dpia');
    expect(md).toContain('- Pagina 2');
    // The panel's word for a note's progress: "Status" is what the checklist says of a safeguard.
    expect(md).toMatch(/^- Voortgang: (open|gesteld|beantwoord)$/m);
    expect(md).not.toMatch(/^- Status: /m);
  });

  it('lists a document in reading order: whole-document items first, then by position', () => {
    const section = md.slice(0, md.indexOf('## [Raadsinformatiebrief'));
    const order = ['=SOM(1;2)', 'Geen DPIA bijgevoegd?', 'Is de FG om advies', 'Gezichtsherkenning'].map((s) => section.indexOf(s));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
  });

  it('links back to the passage with a URL text fragment', () => {
    expect(md).toContain(`(<${DOC_A}#:~:text=cameratoezicht%20op%20het%20Stationsplein>)`);
    expect(passageLink('https://x.nl/a#oud', 'een twee drie vier vijf zes zeven acht negen tien')).toBe(
      'https://x.nl/a#:~:text=een%20twee%20drie%20vier,zeven%20acht%20negen%20tien',
    );
    expect(passageLink('https://x.nl/a', 'AVG-proof')).toBe('https://x.nl/a#:~:text=AVG%2Dproof');
  });
});

describe('CSV export', () => {
  const csv = toCsv(set, labels);
  const rows = parseCsv(csv);

  it('starts with a BOM, uses ; and CRLF, and has a header of fixed columns', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.includes('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '').includes('\n')).toBe(true); // only inside the quoted multi-line note
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
  });

  it('has one row per note and flag, every row as wide as the header (RFC 4180 quoting)', () => {
    expect(rows).toHaveLength(1 + notes.length + flags.length);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
    const tekst = CSV_COLUMNS.indexOf('tekst');
    const texts = rows.map((r) => r[tekst]);
    expect(texts).toContain('Is de FG om advies gevraagd?\nEn wat zei de FG?');
    expect(texts).toContain('Coöperatie met leverancier — wie is verwerker?');
  });

  it('never lets a cell start a formula', () => {
    const tekst = CSV_COLUMNS.indexOf('tekst');
    expect(rows.map((r) => r[tekst])).toContain(`'=SOM(1;2) "geciteerd"; met puntkomma`);
    expect(csv).toContain(`"'=SOM(1;2) ""geciteerd""; met puntkomma"`);
  });
});

describe('JSON backup', () => {
  it('validates against its schema and round-trips through parseBackup unchanged', () => {
    const backup = toBackup(set, Date.UTC(2026, 10, 28));
    expect(BackupSchema.safeParse(backup).success).toBe(true);
    expect(backup).toMatchObject({ format: 'raadslens-backup', version: 2, exportedAt: '2026-11-28T00:00:00.000Z', corrections: [] });
    const parsed = parseBackup(backupJson(backup));
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(parsed.backup).toEqual(backup);
    expect(new Set(parsed.backup.notes)).toEqual(new Set(notes));
  });
});

describe('W3C Web Annotation export', () => {
  const collection = toWebAnnotations(set, labels, { collectionId: 'urn:uuid:00000000-0000-4000-8000-000000000000' });
  const items = collection.first?.items ?? [];

  it('is an AnnotationCollection whose every item satisfies the model’s required parts', () => {
    expect(AnnotationCollectionSchema.safeParse(collection).success).toBe(true);
    expect(collection.total).toBe(5);
    for (const a of items) expect(WebAnnotationSchema.safeParse(a).error).toBeUndefined();
    // Through JSON, as a consumer reads it.
    expect(AnnotationCollectionSchema.safeParse(JSON.parse(JSON.stringify(collection))).success).toBe(true);
  });

  it('targets passages with a TextQuoteSelector and a TextPositionSelector, and pages of a PDF with a FragmentSelector', () => {
    const note = items.find((a) => a.id === `urn:uuid:${notes[0]!.id}`);
    expect(note).toMatchObject({
      motivation: 'commenting',
      target: {
        source: { id: DOC_A, format: 'text/html', language: 'nl' },
        selector: [
          { type: 'TextQuoteSelector', exact: 'cameratoezicht op het Stationsplein', prefix: 'de inzet van ', suffix: ' gedurende' },
          { type: 'TextPositionSelector', start: 120, end: 155 },
        ],
      },
    });
    const pdf = items.find((a) => a.id === `urn:uuid:${notes[2]!.id}`);
    expect(pdf?.target).toMatchObject({ source: { format: 'application/pdf' }, selector: [{ type: 'FragmentSelector', value: 'page=2', refinedBy: [{ exact: 'slimme lantaarnpalen met sensoren' }, { start: 0 }] }] });
    const whole = items.find((a) => a.id === `urn:uuid:${flags[1]!.id}`);
    expect(whole).toMatchObject({ motivation: 'highlighting', target: { id: DOC_A, format: 'text/html', language: 'nl' } });
  });

  it('rejects what is not an annotation', () => {
    const doc = { id: DOC_A, format: 'text/html', language: 'nl' };
    expect(WebAnnotationSchema.safeParse({ id: 'x', type: 'Annotation', target: doc }).success).toBe(false);
    expect(WebAnnotationSchema.safeParse({ id: 'urn:x', type: 'Note', target: doc }).success).toBe(false);
    expect(
      WebAnnotationSchema.safeParse({ id: 'urn:x', type: 'Annotation', target: { source: doc, selector: [{ type: 'TextQuoteSelector' }] } }).success,
    ).toBe(false);
  });
});
