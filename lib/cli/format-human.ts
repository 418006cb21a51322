// Human output, in Dutch: per file the terms per category with counts and line numbers, then the
// AP questions and the safeguards checklist. Pure: reports in, text out.
import type { CategoryId } from '../core/rules/schema';
import { lastStartBefore } from '../surface/page/scan/text-index';
import type { CliMatch, CliPassage, CliSafeguard, FileFailure, FileReport } from './report';
import { statusWord } from '../core/questions/status-words';

interface HumanFormatOptions {
  /** The term's own spelling in the rules, for a term id (falls back to the id). */
  termText?: (termId: string) => string | undefined;
  /** At most this many line numbers per term; the rest is summarised. */
  maxLines?: number;
}

/** Offsets of line starts, for binary search. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineAt(starts: readonly number[], offset: number): number {
  return lastStartBefore(starts, offset, false) + 1;
}

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

function placesOf(report: FileReport, matches: readonly CliMatch[], max: number): string {
  const starts = new Map<number | undefined, number[]>();
  const places: string[] = [];
  for (const m of matches) {
    const page = report.pages.find((p) => p.page === m.page) ?? report.pages[0];
    let s = starts.get(m.page);
    if (!s) starts.set(m.page, (s = lineStarts(page?.text ?? '')));
    const line = lineAt(s, m.start);
    // A PDF's page is the place: its text breaks lines only at block edges, not where the page does.
    const place = m.page === undefined ? String(line) : report.kind !== 'pdf' && s.length > 1 ? `blz. ${m.page} r. ${line}` : `blz. ${m.page}`;
    if (places.at(-1) !== place) places.push(place);
  }
  const shown = places.slice(0, max).join(', ');
  const rest = places.length - max;
  const label = report.kind === 'pdf' ? '' : places.length === 1 ? 'regel ' : 'regels ';
  return label + shown + (rest > 0 ? ` en nog ${rest}` : '');
}

function formatMatches(report: FileReport, options: HumanFormatOptions, out: string[]): void {
  const { categories } = report.assessment;
  if (report.matches.length === 0) {
    out.push('Geen technologie gevonden.');
    return;
  }
  const byCategory = new Map<CategoryId, CliMatch[]>();
  for (const m of report.matches) {
    const list = byCategory.get(m.category) ?? [];
    list.push(m);
    byCategory.set(m.category, list);
  }
  out.push(`Gevonden termen (${report.matches.length}):`);
  for (const c of categories) {
    const matches = byCategory.get(c.category);
    if (!matches) continue;
    out.push(`  ${c.label} [${c.category}] — ${c.count}×${c.weakOnly ? ' (alleen zwakke termen: telt pas mee naast andere technologie)' : ''}`);
    const byTerm = new Map<string, CliMatch[]>();
    for (const m of matches) byTerm.set(m.term, [...(byTerm.get(m.term) ?? []), m]);
    const terms = [...byTerm.entries()].sort((a, b) => b[1].length - a[1].length || a[1][0]!.start - b[1][0]!.start);
    for (const [termId, hits] of terms) {
      const name = options.termText?.(termId) ?? termId;
      // Spellings that differ only in case are one spelling to a reader.
      const byLower = new Map<string, string>();
      for (const h of hits) {
        const s = oneLine(h.text);
        if (!byLower.has(s.toLowerCase())) byLower.set(s.toLowerCase(), s);
      }
      byLower.delete(name.toLowerCase());
      const spellings = [...byLower.values()];
      const also = spellings.length > 0 ? ` (${spellings.slice(0, 5).join(', ')}${spellings.length > 5 ? ', …' : ''})` : '';
      out.push(`    ${name}${also} — ${hits.length}× — ${placesOf(report, hits, options.maxLines ?? 12)}`);
    }
  }
}

function formatQuestions(report: FileReport, out: string[]): void {
  const { assessment } = report;
  out.push('', 'Vragen van de Autoriteit Persoonsgegevens:');
  for (const q of assessment.questions) {
    out.push(`  Vraag ${q.number}: ${q.title}`);
    if (!q.applies) {
      out.push(assessment.hasTechnology ? '    Niet van toepassing op wat dit stuk noemt.' : '    Niet van toepassing: geen technologie gevonden.');
      continue;
    }
    for (const t of q.triggers) out.push(`    • ${t.label} (${t.count}×): ${t.reason}`);
    for (const s of q.signals) out.push(`    • ${s.label}: ${s.sharpening}`);
    if (q.followUps.length > 0) {
      out.push('    Om te vragen:');
      for (const f of q.followUps) out.push(`      – ${f}`);
    }
    if (q.instruments.length > 0) out.push(`    Instrumenten: ${q.instruments.map((i) => i.label).join('; ')}`);
  }
}

/** The status's mark for a terminal; its words are the panel's (lib/core/questions/status-words.ts). */
const STATUS_MARK: Record<CliSafeguard['status'], string> = { stated: '[x]', negated: '[-]', planned: '[~]', absent: '[ ]' };

function placeOf(report: FileReport, p: CliPassage): string {
  if (p.page !== undefined) return `blz. ${p.page}`;
  const text = report.pages[0]?.text ?? '';
  return `regel ${lineAt(lineStarts(text), p.term.start)}`;
}

function formatChecklist(report: FileReport, out: string[]): void {
  out.push('', 'Waarborgen — wat het stuk erover zegt:');
  if (report.safeguards.length === 0) {
    out.push('  (geen: zonder technologie is er niets af te vinken)');
    return;
  }
  for (const s of report.safeguards) {
    // A safeguard only worth asking about for some technologies (IAMA) stays out when nothing is said.
    if (s.status === 'absent' && !report.assessment.safeguards.missing.some((m) => m.id === s.id)) continue;
    out.push(`  ${STATUS_MARK[s.status]} ${s.label} — ${statusWord(s.status)}`);
    const shown = s.passages.filter((p) => p.status === s.status).slice(0, 3);
    for (const p of shown) {
      const scope = p.scope ? ` (geldt voor: ${oneLine(p.scope)})` : '';
      out.push(`        “${oneLine(p.text)}”${scope} — ${placeOf(report, p)}`);
    }
    const others = s.passages.length - shown.length;
    if (others > 0) out.push(`        (en ${others} andere ${others === 1 ? 'zin' : 'zinnen'} over ${s.label.toLowerCase().startsWith('dpia') ? s.label : s.label.charAt(0).toLowerCase() + s.label.slice(1)})`);
    if (s.ask) out.push(`        Vraag ${s.question.slice(-1)}: ${s.ask}`);
  }
}

export function formatHuman(reports: readonly FileReport[], failures: readonly FileFailure[] = [], options: HumanFormatOptions = {}): string {
  const out: string[] = [];
  for (const report of reports) {
    if (out.length > 0) out.push('');
    const pages = report.kind === 'pdf' ? `, ${report.pages.length} blz.` : '';
    out.push(`== ${report.file} (${report.kind}${pages}) ==`);
    // Said before the findings: "Geen technologie gevonden" is about the pages that have text.
    const textless = report.textlessPages ?? [];
    if (textless.length > 0) {
      const list = textless.length > 12 ? `${textless.slice(0, 12).join(', ')} … (${textless.length} blz.)` : textless.join(', ');
      out.push(`Zonder tekst (leeg of een scan), daar is niets gelezen: blz. ${list}.`);
    }
    formatMatches(report, options, out);
    formatQuestions(report, out);
    formatChecklist(report, out);
  }
  if (reports.length > 1 || failures.length > 0) {
    out.push('', `${reports.length} van ${reports.length + failures.length} bestanden gescand.`);
  }
  return out.join('\n') + '\n';
}

/** The stderr line for a file that could not be scanned. */
export function formatFailure(f: FileFailure): string {
  return `raadslens: ${f.file}: ${f.message}`;
}
