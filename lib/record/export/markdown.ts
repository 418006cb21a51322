// Markdown for reading and pasting (fractie-overleg, e-mail): per document the reader's checklist
// corrections, then its quotes, notes and flags in reading order, the AP question each belongs to,
// and links back to the passage.
import type { StoredCorrection } from '../db/schema';
import type { RecordEntry } from '../entries';
import { correctionLine, inChecklistOrder } from './corrections';
import { escapeMarkdownInline, escapeMarkdownLines, markdownLink } from './escape';
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

/** Each line of `text` as a blockquote line, escaped (empty lines keep the quote together). */
function blockquote(text: string): string {
  return escapeMarkdownLines(text)
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}

function entryMarkdown(e: RecordEntry, labels: ExportLabels): string {
  const lines: string[] = [];
  const heading = e.anchor ? `“${escapeMarkdownInline(e.anchor.exact.slice(0, 80))}${e.anchor.exact.length > 80 ? '…' : ''}”` : 'Hele document';
  lines.push(`### ${entryKindLabel(e)}: ${heading}`, '');
  if (e.anchor) lines.push(blockquote(e.anchor.exact), '');
  // The reader's own text, but it may come from a backup file: written as text, line by line.
  const text = escapeMarkdownLines(e.text.trim()).join('\n');
  if (text) lines.push(e.kind === 'flag' ? `**Reden:** ${text}` : text, '');
  // "Voortgang", the panel's word for a note's progress (a safeguard's status is another thing).
  const meta: string[] = [`Voortgang: ${e.status}`];
  const q = questionLabel(labels, e.question);
  if (q) meta.push(escapeMarkdownInline(q));
  const c = categoryLabel(labels, e.category);
  if (c) meta.push(`Categorie: ${escapeMarkdownInline(c)}`);
  if (e.tags.length) meta.push(`Tags: ${escapeMarkdownInline(e.tags.join(', '))}`);
  if (e.anchor?.page) meta.push(`Pagina ${e.anchor.page}`);
  meta.push(`Gewijzigd: ${formatDateTime(e.updatedAt)}`);
  for (const m of meta) lines.push(`- ${m}`);
  lines.push(`- ${markdownLink(e.anchor ? 'Naar de passage' : 'Naar het document', passageLink(e.url, e.anchor?.exact))}`, '');
  return lines.join('\n');
}

/**
 * "Checklist gecorrigeerd", as "Alles" shows it: per safeguard what the document says according to
 * the reader and what Raadslens read, with the sentence corrected when it was kept.
 */
function correctionsMarkdown(corrections: readonly StoredCorrection[], labels: ExportLabels): string {
  const lines: string[] = ['### Checklist gecorrigeerd', ''];
  let updated = 0;
  for (const c of inChecklistOrder(labels, corrections)) {
    lines.push(`- ${escapeMarkdownInline(correctionLine(labels, c))}`);
    // The sentence comes from the page: on its own line of the item, as text.
    if (c.passage?.trim()) lines.push(`  “${escapeMarkdownInline(c.passage)}”`);
    updated = Math.max(updated, c.updatedAt);
  }
  lines.push('', `Gewijzigd: ${formatDateTime(updated)}`, '');
  return lines.join('\n');
}

export function toMarkdown(set: ExportSet, labels: ExportLabels, options: { exportedAt?: number; title?: string } = {}): string {
  const out: string[] = [`# ${options.title ?? 'Raadslens: notities en aandachtspunten'}`, ''];
  out.push(`Geëxporteerd op ${formatDateTime(options.exportedAt ?? Date.now())}.`, '');
  const groups = groupByDocument(set);
  if (groups.length === 0) out.push('_Geen notities, aandachtspunten of correcties._', '');
  for (const g of groups) {
    out.push(`## ${markdownLink(g.title, g.url)}`, '');
    const facts: string[] = [];
    if (g.document?.gemeente) facts.push(`Gemeente: ${escapeMarkdownInline(g.document.gemeente)}`);
    if (g.document?.type) facts.push(`Soort: ${escapeMarkdownInline(g.document.type)}`);
    if (g.document?.meetingDate) facts.push(`Vergadering: ${formatMeetingDate(g.document.meetingDate)}`);
    if (facts.length) out.push(facts.join(' · '), '');
    // The checklist as the reader corrected it frames the notes, as a whole-document item does.
    if (g.corrections.length) out.push(correctionsMarkdown(g.corrections, labels));
    for (const e of g.entries) out.push(entryMarkdown(e, labels));
  }
  if (labels.source) {
    const { publisher, title, url } = labels.source;
    out.push('---', '', `AP-vragen uit: ${escapeMarkdownInline(publisher)}, ${markdownLink(`“${title}”`, url)}.`, '');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}
