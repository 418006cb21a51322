// The analysis worker's CPU on a whole meeting, by phase, in Node: the meeting's 40 generated PDFs
// (./meeting-pdfs.ts) extracted once with pdf.js (kept in the system's temp directory), then each
// document analysed as the worker does it (lib/surface/pdf/scan.ts scanPages and
// lib/core/questions assessDocument), with each step timed on its own: matching, the weak-term
// context, snippets, the status reading's steps, the report, and the messages between worker and
// panel (structured clone, measured as v8.serialize + deserialize of the same objects).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { createAnalyser, type Analyser } from '../../lib/core/analyse';
import type { TermMatch } from '../../lib/core/match';
import { snippetAround, type SafeguardHit } from '../../lib/core/questions';
import { visibleLength } from '../../lib/core/questions/snippet';
import { completeAssessment, readMentions, type ReadMention } from '../../lib/core/questions/assess';
import { partialAssessment, restCategories, SNIPPET_RADIUS, strongCategoriesOf } from '../../lib/core/questions/partial';
import { classifyMentions, compiledStatusRules, mentionFeatures, modelVerdict, passageText, readStructure, segmentText } from '../../lib/core/questions/status';
import { withStructure } from '../../lib/core/questions/status/structure';
import { DocumentTokens } from '../../lib/core/questions/status/tokens';
import { loadBuiltinRules, type RuleSet } from '../../lib/core/rules';
import { loadBuiltinStatusModel } from '../../lib/core/rules/status-model';
import { scanPages, type ScannedPage } from '../../lib/surface/pdf/scan';
import { ROOT } from './corpus';
import { meetingDocs, meetingPdf } from './meeting-pdfs';

export interface MeetingText {
  name: string;
  pages: ScannedPage[];
}

/** The meeting's page texts as the panel extracts them, cached by the sources that make them. */
export async function meetingTexts(pages = 2000): Promise<MeetingText[]> {
  const sources = ['test/bench/meeting-pdfs.ts', 'lib/surface/pdf/extract.ts', 'lib/surface/pdf/page-text.ts', 'lib/surface/pdf/line-edges.ts', 'lib/surface/pdf/item-gaps.ts', 'package-lock.json'];
  const hash = createHash('sha1');
  for (const s of sources) hash.update(readFileSync(join(ROOT, s)));
  const dir = join(tmpdir(), 'raadslens-bench');
  const file = join(dir, `meeting-${pages}-${hash.digest('hex').slice(0, 12)}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as MeetingText[];
  const { extractPdfPagesInNode } = await import('../../lib/surface/pdf/node');
  const out: MeetingText[] = [];
  const docs = meetingDocs(40, pages);
  for (const [i, d] of docs.entries()) {
    const texts: ScannedPage[] = [];
    for await (const p of extractPdfPagesInNode(meetingPdf(d, i + 1))) texts.push({ page: p.page, pageCount: p.pageCount, pageLimit: p.pageLimit, text: p.text });
    out.push({ name: d.name, pages: texts });
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify(out));
  return out;
}

/**
 * The reference: bare pdf.js text extraction of the same PDFs in this process (pdf.js' legacy build,
 * its worker code in-process), in ms of CPU: open, each page's getTextContent, nothing else.
 */
export async function bareExtractionMs(pages = 2000): Promise<number> {
  const pdfs = meetingDocs(40, pages).map((d, i) => meetingPdf(d, i + 1));
  const t0 = cpu();
  await bareExtract(pdfs);
  return cpu() - t0;
}

/** Bare pdf.js on `pdfs` (which it takes over: pass copies to keep them): open, each page's getTextContent. */
export async function bareExtract(pdfs: readonly Uint8Array[]): Promise<void> {
  const { loadLegacyPdfJs } = await import('../../lib/surface/pdf/node');
  const { getDocument } = await loadLegacyPdfJs();
  for (const data of pdfs) {
    const task = getDocument({ data, verbosity: 0 });
    const doc = await task.promise;
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      await page.getTextContent();
      page.cleanup();
    }
    await task.destroy();
  }
}

/** CPU time (user + system) of the process, in ms: no other thread runs during these steps. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export const PHASES = [
  ['match', 'matching each page (terms + safeguards automaton)'],
  ['visible', 'counting visible characters per page'],
  ['pageSnippets', 'snippets of the streamed page matches'],
  ['context', 'weak terms in context (outOfContext)'],
  ['join', 'whole-document offsets, snippets, joined text'],
  ['partial', 'report: findings, categories, questions'],
  ['segment', 'status: segmentText (whole document)'],
  ['classify', 'status: classifyMentions (rules, tokens)'],
  ['structure', 'status: readStructure + withStructure'],
  ['features', 'status: mentionFeatures'],
  ['model', 'status: model verdicts'],
  ['passage', 'status: passage texts'],
  ['complete', 'report: safeguards, follow-ups, snippets'],
  ['wireIn', 'wire: page texts panel → worker'],
  ['wireOut', 'wire: page matches + result worker → panel'],
] as const;
export type Phase = (typeof PHASES)[number][0];
export type PhaseTimes = Record<Phase, number>;

const zero = (): PhaseTimes => Object.fromEntries(PHASES.map(([k]) => [k, 0])) as PhaseTimes;
const clone = <T>(x: T): T => deserialize(serialize(x)) as T;

/**
 * One document through the worker's steps, each timed: the same calls in the same order as
 * scanPages → Analyser.assess → assessDocument → readMentions → classifyWithText, taken apart.
 */
function documentPhases(doc: MeetingText, analyser: Analyser, rules: RuleSet, t: PhaseTimes): void {
  const model = loadBuiltinStatusModel()!;
  const parts: { text: string; page: number; matches: TermMatch[]; hits: SafeguardHit[] }[] = [];
  let step = cpu();
  const lap = (k: Phase) => {
    const now = cpu();
    t[k] += now - step;
    step = now;
  };
  let streamed = 0;
  const snippets = new Map<TermMatch, string>();
  for (const p0 of doc.pages) {
    const p = clone(p0);
    lap('wireIn');
    visibleLength(p.text);
    lap('visible');
    const found = analyser.find(p.text);
    lap('match');
    parts.push({ text: p.text, page: p.page, matches: found.matches, hits: found.safeguardHits });
    const pageMatches = [];
    for (const m of found.matches) {
      if (analyser.isWeak(m.termId) || streamed >= 500) continue;
      const snippet = snippetAround(p.text, m.start, m.end, 60);
      snippets.set(m, snippet);
      pageMatches.push({ index: streamed++, page: p.page, start: m.start, end: m.end, termId: m.termId, category: m.category, text: m.text, snippet });
    }
    lap('pageSnippets');
    clone({ kind: 'page', id: 1, progress: { page: p.page, pageLimit: p.pageLimit, pageCount: p.pageCount, matches: pageMatches } });
    lap('wireOut');
  }
  const dropped = analyser.outOfContext(parts);
  lap('context');
  const matches: TermMatch[] = [];
  const safeguardHits: SafeguardHit[] = [];
  const pdfMatches = [];
  let offset = 0;
  for (const p of parts) {
    for (const m of p.matches) {
      if (dropped.has(m)) continue;
      matches.push({ ...m, start: m.start + offset, end: m.end + offset });
      if (pdfMatches.length < 500) pdfMatches.push({ index: pdfMatches.length, page: p.page, start: m.start, end: m.end, snippet: snippets.get(m) ?? snippetAround(p.text, m.start, m.end, 60) });
    }
    for (const h of p.hits) if (!dropped.has(h)) safeguardHits.push({ ...h, start: h.start + offset, end: h.end + offset });
    offset += p.text.length + 2;
  }
  const text = parts.map((p) => p.text).join('\n\n');
  lap('join');
  const partial = partialAssessment(matches, safeguardHits, text, rules);
  lap('partial');
  let assessment = partial;
  if (partial.hasTechnology) {
    // readMentions, with classifyWithText's steps apart.
    const ids = new Set(rules.safeguards.safeguards.map((s) => s.id));
    const hits = safeguardHits.filter((h) => ids.has(h.group));
    const mentions = hits.map((h) => ({ start: h.start, end: h.end, safeguard: h.group, termId: h.termId ?? '' }));
    const tech = matches.map((m) => ({ start: m.start, end: m.end })).sort((a, b) => a.start - b.start);
    const compiled = compiledStatusRules(rules.status);
    lap('partial');
    const read: ReadMention[] = [];
    if (mentions.length > 0) {
      // PDF text, as scanPages reads it: every line a block.
      const segments = segmentText(text, compiled.segment, 'blocks');
      lap('segment');
      const doc = new DocumentTokens(text);
      const rule = classifyMentions(text, mentions, tech, compiled, segments, doc);
      lap('classify');
      const structure = readStructure(text, mentions, segments, compiled, doc);
      const decided = rule.map((r, i) => withStructure(r, structure[i]!));
      lap('structure');
      const features = mentionFeatures(text, mentions, decided, compiled, segments, doc);
      structure.forEach((s, i) => { for (const c of s.cues) features[i]!.push(`st:${c}`); });
      lap('features');
      const verdicts = decided.map((s, i) => modelVerdict(model, features[i]!, s));
      lap('model');
      decided.forEach((s, i) => {
        const passage = passageText(text, s.sentence, mentions[i]!);
        const v = verdicts[i]!;
        const status = v.status === s.status ? { ...s, text: passage } : { ...s, status: v.status, reason: 'model' as const, text: passage };
        read.push({ hit: hits[i]!, status: { ...status, ...(v.certain ? {} : { certain: false }) } });
      });
      lap('passage');
    }
    assessment = completeAssessment(partial, {
      mentions: read,
      snippetOf: (hit) => snippetAround(text, hit.start, hit.end, SNIPPET_RADIUS),
      rest: restCategories(matches, strongCategoriesOf(partial)),
      tech: matches,
      rules,
    });
    lap('complete');
  }
  clone({ kind: 'done', id: 1, result: { url: '', title: doc.name, matches: pdfMatches, assessment, chars: text.length } });
  lap('wireOut');
}

/** The whole meeting through scanPages as the worker runs it, in ms of CPU. */
async function scanPagesMs(docs: readonly MeetingText[], analyser: Analyser): Promise<number> {
  const t0 = cpu();
  for (const d of docs) {
    await scanPages(
      (async function* () {
        yield* d.pages;
      })(),
      analyser,
      { url: '' },
    );
  }
  return cpu() - t0;
}

export interface MeetingAnalysisFigures {
  phases: PhaseTimes;
  /** scanPages itself (no wire), for the phases' sum to be checked against. */
  scanPagesMs: number;
  chars: number;
  pages: number;
}

/** Best of `runs` for each phase (after a warm-up), and of scanPages as a whole. */
export async function measureMeetingAnalysis(docs: readonly MeetingText[], runs = 3): Promise<MeetingAnalysisFigures> {
  const rules = loadBuiltinRules();
  const analyser = createAnalyser(rules);
  for (const d of docs) documentPhases(d, analyser, rules, zero());
  const best = zero();
  for (const [k] of PHASES) best[k] = Infinity;
  let whole = Infinity;
  for (let r = 0; r < runs; r++) {
    const t = zero();
    for (const d of docs) documentPhases(d, analyser, rules, t);
    for (const [k] of PHASES) best[k] = Math.min(best[k], t[k]);
    whole = Math.min(whole, await scanPagesMs(docs, analyser));
  }
  return {
    phases: best,
    scanPagesMs: whole,
    chars: docs.reduce((n, d) => n + d.pages.reduce((m, p) => m + p.text.length, 0), 0),
    pages: docs.reduce((n, d) => n + d.pages.length, 0),
  };
}

export function phaseTable(f: MeetingAnalysisFigures): string {
  const sum = PHASES.reduce((n, [k]) => n + f.phases[k], 0);
  const lines = PHASES.map(([k, label]) => `  ${label.padEnd(52)} ${f.phases[k].toFixed(1).padStart(9)} ms ${((100 * f.phases[k]) / sum).toFixed(1).padStart(5)} %`);
  lines.push(`  ${'sum of the phases'.padEnd(52)} ${sum.toFixed(1).padStart(9)} ms`);
  lines.push(`  ${'scanPages as the worker runs it (no wire)'.padEnd(52)} ${f.scanPagesMs.toFixed(1).padStart(9)} ms`);
  return lines.join('\n');
}

export { ROOT };
