// Reading safeguard sentences away from the page. The content script sends, with its report, the
// text around each safeguard mention (windows of READING_RADIUS characters either side, merged
// where they overlap) instead of reading the sentences itself; the background reads them here
// with the status engine, which then never loads into a web page. The engine looks at the
// sentence around a term, its neighbours and a list's lead-in, all well inside such a window
// (test/unit/core/questions/reading.test.ts holds windows to whole-text reading on the eval texts).
import type { RuleSet } from '../rules/load';
import { completeAssessment, type ReadMention } from './assess';
import type { SafeguardHit } from './partial';
import type { SentenceWindow, StatusReading } from './reading-input';
import { parseDocumentOutcome, type DocumentOutcome } from './outcome';
import type { Steps } from '../steps';
import { classifyWithTextSteps, sentenceAround, type ClassifiedMention, type TextLayout } from './status';
import type { Assessment } from './types';

export * from './reading-input';

function shift<T extends { start: number; end: number }>(x: T, by: number): T {
  return { ...x, start: x.start + by, end: x.end + by };
}

/**
 * What each mention's sentence says, read in its window; offsets in the document's text. `layout`:
 * what a line break in the windows' text means (a web page's: 'wrapped', see status/segment.ts).
 * In steps (lib/core/steps.ts): the service worker reads a page's windows in slices.
 */
export function* readWindowSteps(
  reading: Pick<StatusReading, 'windows' | 'mentions' | 'tech'>,
  rules: Pick<RuleSet, 'status'>,
  layout: TextLayout,
  outcome: DocumentOutcome = 'unknown',
): Steps<Array<ClassifiedMention | undefined>> {
  const out: Array<ClassifiedMention | undefined> = new Array(reading.mentions.length);
  let m = 0;
  let t = 0;
  const order = reading.mentions.map((_, i) => i).sort((a, b) => reading.mentions[a]!.start - reading.mentions[b]!.start);
  const tech = [...reading.tech].sort((a, b) => a.start - b.start);
  for (const w of [...reading.windows].sort((a, b) => a.start - b.start)) {
    const end = w.start + w.text.length;
    while (m < order.length && reading.mentions[order[m]!]!.start < w.start) m++;
    const inside: number[] = [];
    while (m < order.length && reading.mentions[order[m]!]!.end <= end) inside.push(order[m++]!);
    if (inside.length === 0) continue;
    while (t < tech.length && tech[t]!.start < w.start) t++;
    const spans: Array<{ start: number; end: number }> = [];
    for (let k = t; k < tech.length && tech[k]!.start < end; k++) if (tech[k]!.end <= end) spans.push(shift({ start: tech[k]!.start, end: tech[k]!.end }, -w.start));
    yield;
    const read = yield* classifyWithTextSteps(
      w.text,
      inside.map((i) => {
        const x = reading.mentions[i]!;
        return { start: x.start - w.start, end: x.end - w.start, safeguard: x.group, termId: x.termId };
      }),
      spans,
      rules.status,
      layout,
      { outcome },
    );
    inside.forEach((i, k) => {
      const r = read[k]!;
      out[i] = { ...r, sentence: shift(r.sentence, w.start), ...(r.scope ? { scope: shift(r.scope, w.start) } : {}), ...(r.cue ? { cue: shift(r.cue, w.start) } : {}) };
    });
  }
  return out;
}

/**
 * The content script's partial assessment completed with its mentions read in their windows, in
 * steps (lib/core/steps.ts). `outcome`: what became of the document itself (./outcome.ts; the
 * page does not read it, the background knows it from the portal facts), checked here.
 */
export function* settleAssessmentSteps(partial: Assessment, reading: StatusReading, rules: Pick<RuleSet, 'status' | 'safeguards'>, layout: TextLayout, outcome: DocumentOutcome = 'unknown'): Steps<Assessment> {
  if (!partial.hasTechnology) return partial;
  const statuses = yield* readWindowSteps(reading, rules, layout, parseDocumentOutcome(outcome));
  yield;
  const snippets = new Map<SafeguardHit, string>();
  const mentions: ReadMention[] = reading.mentions.map((x, i) => {
    const hit: SafeguardHit = { group: x.group, start: x.start, end: x.end, text: x.text, termId: x.termId };
    snippets.set(hit, x.snippet);
    return { hit, status: statuses[i] };
  });
  return completeAssessment(partial, { mentions, snippetOf: (hit) => snippets.get(hit) ?? '', rest: reading.rest, tech: reading.tech, rules });
}

/** The sentence a passage stands in, as quoted (sentenceAround), from the window the page sent. */
export function sentenceInWindow(w: SentenceWindow, rules: Pick<RuleSet, 'status'>, layout: TextLayout): string {
  return sentenceAround(w.text, w.start, w.end, rules.status, layout);
}
