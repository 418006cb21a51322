// CSV for a spreadsheet. Choices, for the raadslid who double-clicks the file in Excel-NL:
// - `;` as separator: with Dutch regional settings Excel's list separator is `;` (the comma is the
//   decimal sign), so a comma file opens as one column; LibreOffice and Numbers ask or detect.
// - a UTF-8 BOM: without it Excel reads the file as Windows-1252 and "coöperatie" breaks.
// - RFC 4180 otherwise: CRLF line ends, every field quoted when it holds the separator, a quote
//   or a line break, quotes doubled.
// - cells starting with = + - @ (or tab/CR), also after leading spaces or no-break spaces, get a
//   leading apostrophe, so a note like "-weg ermee" or "=SOM(…)" is shown as text, never run as a
//   formula (CSV injection; lib/record/export/escape.ts).
// - a checklist correction is a row of its own, soort "correctie", written through the same cells.
import { sortableDateTime } from '../../core/time';
import type { StoredCorrection } from '../db/schema';
import type { RecordEntry } from '../entries';
import { correctionLine, inChecklistOrder } from './corrections';
import { statusWord } from '../../core/questions/status-words';
import { neutraliseFormula } from './escape';
import { categoryLabel, groupByDocument, passageLink, questionLabel, type DocumentGroup, type ExportLabels, type ExportSet } from './model';

export const CSV_SEPARATOR = ';';
const CSV_BOM = '\uFEFF';

export const CSV_COLUMNS = [
  'soort',
  'document',
  'gemeente',
  'vergaderdatum',
  'citaat',
  'tekst',
  'status',
  'ap_vraag',
  'categorie',
  'tags',
  'pagina',
  'gemaakt',
  'gewijzigd',
  'link',
  'id',
] as const;

function csvField(value: string): string {
  const v = neutraliseFormula(value);
  return /[;"\r\n,]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** "2026-11-28 23:10" in Dutch time: Excel-NL reads it as a date, and it sorts as text. */
export function csvDateTime(ms: number): string {
  return sortableDateTime(ms);
}

function row(e: RecordEntry, labels: ExportLabels): string[] {
  return [
    e.kind === 'note' ? 'notitie' : e.flagKind === 'document' ? 'aandachtspunt (document)' : 'aandachtspunt',
    e.title,
    e.gemeente ?? '',
    e.meetingDate ?? '',
    e.anchor?.exact ?? '',
    e.text,
    e.status,
    questionLabel(labels, e.question) ?? '',
    categoryLabel(labels, e.category) ?? '',
    e.tags.join(', '),
    e.anchor?.page ? String(e.anchor.page) : '',
    csvDateTime(e.createdAt),
    csvDateTime(e.updatedAt),
    passageLink(e.url, e.anchor?.exact),
    e.id,
  ];
}

/**
 * One safeguard the reader corrected: the plain Dutch line in `tekst`, what the reader says the
 * document says in `status`, the sentence corrected (when kept) as the quote.
 */
function correctionRow(g: DocumentGroup, c: StoredCorrection, labels: ExportLabels): string[] {
  return [
    'correctie',
    g.title,
    g.document?.gemeente ?? '',
    g.document?.meetingDate ?? '',
    c.passage ?? '',
    correctionLine(labels, c),
    statusWord(c.status),
    questionLabel(labels, labels.safeguards?.[c.safeguard]?.question) ?? '',
    '',
    '',
    '',
    csvDateTime(c.createdAt),
    csvDateTime(c.updatedAt),
    passageLink(g.url, c.passage),
    `correctie:${c.safeguard}:${c.documentId}`,
  ];
}

export function toCsv(set: ExportSet, labels: ExportLabels): string {
  const lines = [CSV_COLUMNS.join(CSV_SEPARATOR)];
  for (const g of groupByDocument(set)) {
    for (const c of inChecklistOrder(labels, g.corrections)) lines.push(correctionRow(g, c, labels).map(csvField).join(CSV_SEPARATOR));
    for (const e of g.entries) lines.push(row(e, labels).map(csvField).join(CSV_SEPARATOR));
  }
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}

/**
 * RFC 4180 reader (for the tests and for anyone checking a file): the BOM is skipped, quoted
 * fields may hold separators, quotes and line breaks.
 */
export function parseCsv(text: string, separator = CSV_SEPARATOR): string[][] {
  const src = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let field = '';
  let current: string[] = [];
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      current.push(field);
      field = '';
    } else if (c === '\r' && src[i + 1] === '\n') {
      current.push(field);
      rows.push(current);
      current = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || current.length > 0) {
    current.push(field);
    rows.push(current);
  }
  return rows;
}
