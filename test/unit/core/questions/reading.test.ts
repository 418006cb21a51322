// The background reads safeguard sentences in the windows the content script sends
// (lib/core/questions/reading.ts). Those windows must say what the whole text says: on every
// document of the status eval's tune set and every demo page, each mention's status (sentence,
// scope, cue, reason, quoted text) and the completed assessment equal the whole text's. This
// guards the status engine too: a rule that looks further than a window fails here.
import { drain } from '../../../../lib/core/steps';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../../../lib/cli/readers';
import { assessDocument, readMentions } from '../../../../lib/core/questions';
import { readWindowSteps, settleAssessmentSteps, readingRanges, sentenceInWindow, sentenceWindow } from '../../../../lib/core/questions/reading';
import { readingOf } from '../../support/status-reading';
import { sentenceAround } from '../../../../lib/core/questions/status';
import { loadBuiltinRules } from '../../../../lib/core/rules';
import { textOutcome } from '../../../../lib/core/questions/document-kind';
import { documentKindRules } from '../../../../lib/core/rules/document-kind';
import { WHOLE_AMENDEMENT, wholeMotie } from '../../support/whole-proposals';

const FIXTURES = path.join(__dirname, '../../../fixtures');
const TUNE = path.join(FIXTURES, 'eval/status/tune');
const PAGES = path.join(FIXTURES, 'pages');
const rules = loadBuiltinRules();

const documents: Array<{ name: string; text: () => Promise<string> }> = [
  ...readdirSync(TUNE)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: `tune/${f}`, text: async () => readFileSync(path.join(TUNE, f), 'utf8') })),
  ...readdirSync(PAGES)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => ({ name: `pages/${f}`, text: async () => (await readHtml(new Uint8Array(readFileSync(path.join(PAGES, f))))).pages[0]!.text })),
];

describe('safeguard statuses read in windows equal the whole text’s', () => {
  it('has documents with mentions to compare', () => {
    expect(documents.length).toBeGreaterThan(40);
  });

  it.each(documents.map((d) => [d.name, d] as const))('%s', async (_name, doc) => {
    const text = await doc.text();
    const { matches, hits, mentions, partial, reading } = readingOf(text);
    // As read (no outcome: a page without portal facts), with the outcome its own text says, and as
    // if the raad had voted it down: every ask then takes the document's outcome where no decision
    // line stands within reach, in the windows as in the whole text (round 21b).
    for (const outcome of new Set(['unknown', textOutcome(text, documentKindRules()), 'rejected'] as const)) {
      const input = { matches, text, safeguardHits: hits, rules, layout: 'wrapped' as const, outcome };
      const whole = readMentions(input, true).map((r) => r.status);
      const windowed = drain(readWindowSteps(reading, rules, 'wrapped', outcome));
      expect(windowed, outcome).toEqual(whole);
      expect(drain(settleAssessmentSteps(partial, reading, rules, 'wrapped', outcome)), outcome).toEqual(assessDocument(input));
      if (partial.hasTechnology) expect(mentions.length === 0 || windowed.every((s) => s !== undefined)).toBe(true);
    }
  });

  it('reads a whole-document motie’s dictum with its vote far beyond the windows, as the whole text does', () => {
    for (const text of [wholeMotie('verworpen'), wholeMotie('aangenomen'), WHOLE_AMENDEMENT]) {
      const { matches, hits, partial, reading } = readingOf(text);
      // The vote is in no window the page sends.
      const vote = text.indexOf('Stemming');
      expect(reading.windows.every((w) => w.start + w.text.length < vote)).toBe(true);
      const outcome = textOutcome(text, documentKindRules());
      const input = { matches, text, safeguardHits: hits, rules, layout: 'wrapped' as const, outcome };
      const windowed = drain(readWindowSteps(reading, rules, 'wrapped', outcome));
      expect(windowed).toEqual(readMentions(input, true).map((r) => r.status));
      expect(drain(settleAssessmentSteps(partial, reading, rules, 'wrapped', outcome))).toEqual(assessDocument(input));
      expect(windowed.filter((s) => s?.reason === 'rejected').length).toBe(outcome === 'rejected' ? (text === WHOLE_AMENDEMENT ? 2 : 3) : 0);
    }
  });

  it('sends less than the whole text where mentions are sparse, and merges overlapping windows', () => {
    const filler = 'De raad vergadert over de begroting en andere zaken. '.repeat(200);
    const text = `${filler}Er is een DPIA uitgevoerd voor de camera's. ${filler}De camera's hebben geen bewaartermijn. ${filler}`;
    const { reading, windowChars } = readingOf(text);
    expect(reading.windows).toHaveLength(2);
    expect(windowChars).toBeLessThan(text.length / 2);
    expect(readingRanges([{ start: 100, end: 110 }, { start: 2000, end: 2010 }], 5000, 1000)).toEqual([{ start: 0, end: 3010 }]);
    expect(readingRanges([{ start: 100, end: 110 }, { start: 4000, end: 4010 }], 4500, 1000)).toEqual([
      { start: 0, end: 1110 },
      { start: 3000, end: 4500 },
    ]);
  });
});

describe('a passage’s sentence found in the window the page sends', () => {
  it('equals the sentence found in the whole text', async () => {
    const text = await documents.find((d) => d.name.includes('06-'))!.text();
    for (let at = 0; at < text.length; at += 97) {
      const end = Math.min(text.length, at + 1 + (at % 23));
      expect(sentenceInWindow(sentenceWindow(text, at, end), rules, 'wrapped')).toBe(sentenceAround(text, at, end, rules.status, 'wrapped'));
    }
  });
});
