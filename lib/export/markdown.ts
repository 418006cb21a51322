// Markdown for reading and pasting (fractie-overleg, e-mail): per document its quotes, notes and
// flags in reading order, the AP question each belongs to, and links back to the passage.
import type { RecordEntry } from '../record/entries';
import {
  categoryLabel,
  entryKindLabel,
  formatDateTime,
  formatMeetingDate,
  groupByDocument,
  passageLink,
  questionLabel,
  type ExportLabels,
  type ExportSet,
} from './model';

/** Escapes what would turn plain text into Markdown syntax in a heading or link text. */
export function escapeInline(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/** Each line of `text` as a blockquote line (empty lines keep the quote together). */
export function blockquote(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => (line.trim() ? `> ${line}` : '>'))
    .join('\n');
}

function entryMarkdown(e: RecordEntry, labels: ExportLabels): string {
  const lines: string[] = [];
  const heading = e.anchor ? `“${escapeInline(e.anchor.exact.slice(0, 80))}${e.anchor.exact.length > 80 ? '…' : ''}”` : 'Hele document';
  lines.push(`### ${entryKindLabel(e)}: ${heading}`, '');
  if (e.anchor) lines.push(blockquote(e.anchor.exact), '');
  if (e.text.trim()) lines.push(e.kind === 'flag' ? `**Reden:** ${e.text.trim()}` : e.text.trim(), '');
  const meta: string[] = [`Status: ${e.status}`];
  const q = questionLabel(labels, e.question);
  if (q) meta.push(q);
  const c = categoryLabel(labels, e.category);
  if (c) meta.push(`Categorie: ${c}`);
  if (e.tags.length) meta.push(`Tags: ${e.tags.join(', ')}`);
  if (e.anchor?.page) meta.push(`Pagina ${e.anchor.page}`);
  meta.push(`Gewijzigd: ${formatDateTime(e.updatedAt)}`);
  for (const m of meta) lines.push(`- ${m}`);
  lines.push(`- [${e.anchor ? 'Naar de passage' : 'Naar het document'}](<${passageLink(e.url, e.anchor?.exact)}>)`, '');
  return lines.join('\n');
}

export function toMarkdown(set: ExportSet, labels: ExportLabels, options: { exportedAt?: number; title?: string } = {}): string {
  const out: string[] = [`# ${options.title ?? 'Raadslens: notities en aandachtspunten'}`, ''];
  out.push(`Geëxporteerd op ${formatDateTime(options.exportedAt ?? Date.now())}.`, '');
  const groups = groupByDocument(set);
  if (groups.length === 0) out.push('_Geen notities of aandachtspunten._', '');
  for (const g of groups) {
    out.push(`## [${escapeInline(g.title)}](<${g.url}>)`, '');
    const facts: string[] = [];
    if (g.document?.gemeente) facts.push(`Gemeente: ${g.document.gemeente}`);
    if (g.document?.type) facts.push(`Soort: ${g.document.type}`);
    if (g.document?.meetingDate) facts.push(`Vergadering: ${formatMeetingDate(g.document.meetingDate)}`);
    if (facts.length) out.push(facts.join(' · '), '');
    for (const e of g.entries) out.push(entryMarkdown(e, labels));
  }
  if (labels.source) out.push('---', '', `AP-vragen uit: ${labels.source.publisher}, “${labels.source.title}” (<${labels.source.url}>).`, '');
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}
