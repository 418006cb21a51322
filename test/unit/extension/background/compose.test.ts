// The content script sends what it found by the rules' ids (Found) and carries only the terms it
// matches; the background composes the assessment from the whole rule set. On every document of
// the status eval's tune set and every demo page, with the built-in settings and with a reader's
// own terms, a griffie pack and categories off, the report composed that way (through the
// protocol's schema and the background's intake) equals the one the CLI makes from the whole text,
// and the one it made before the page sent Found: compose-golden.json holds a digest of each
// document's assessment as the branch point made it (sorted-key JSON, SHA-256, 24 hex digits).
// Each report carries the portal facts a portal page of the text gets (its kind and outcome, round
// 21b), and the whole text is read with the outcome its own opening says, as the CLI reads it.
// When statuses change on purpose (a retrained model, a new status rule), record the digests again
// — only after checking that what changed is the statuses — with:
//   RAADSLENS_WRITE_GOLDEN=1 npx vitest run --config test/vitest.config.ts test/unit/extension/background/compose.test.ts
// (the background still has to equal the whole text's assessment while recording).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAnalyser, createScanner, type AnalyserOptions } from '@/lib/core/analyse';
import { restCategories, strongCategoriesOf } from '@/lib/core/questions';
import { compiledScanModule, loadScanRules } from '@/lib/core/rules/builtin-scan';
import { loadBuiltinRules } from '@/lib/core/rules';
import { settleReport } from '@/lib/extension/background/settle';
import { portalOfDetails } from '@/lib/extension/background/portal-opening';
import { textOutcome } from '@/lib/core/questions/document-kind';
import { documentKindRules } from '@/lib/core/rules/document-kind';
import { SentScanReportSchema, type SentScanReport } from '@/lib/extension/messages/protocol';
import { importEmitted } from '../../support/emitted-module';
import { goldenDocuments, textOf } from '../../support/golden-documents';
import { sampleReport, sentReadingOf } from '../../support/scan-report';

const documents = goldenDocuments;

const OWN: AnalyserOptions = {
  ownTerms: [{ id: 'o1', text: 'besluit', category: 'data' }],
  disabledCategories: ['online'],
  extraPacks: [
    {
      id: 'pilot',
      label: 'Proef',
      description: 'Griffie',
      questions: [{ question: 'ap-1', reason: 'r' }],
      instruments: [],
      registers: [],
      terms: [
        { id: 'raad', text: 'raad', match: 'word', weak: true },
        { id: 'college', text: 'college', match: 'word' },
      ],
    },
  ],
};

const GOLDEN_FILE = path.join(__dirname, 'compose-golden.json');
const GOLDEN = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as Record<string, [string, string]>;
const WRITE_GOLDEN = !!process.env.RAADSLENS_WRITE_GOLDEN;
const recorded: Record<string, [string, string]> = {};
const canonical = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(canonical) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])])) : v;
const digest = (v: unknown) => createHash('sha256').update(JSON.stringify(canonical(v))).digest('hex').slice(0, 24);

/**
 * The portal facts a portal's page of `text` gets in the background (./portal-opening.ts): a
 * motie's kind and what the raad did with it, read with the page's opening. They decide what a
 * rejected motie's dictum asks (round 21b), as the text's own opening does for the CLI.
 */
const portalOf = (text: string) => portalOfDetails({ portal: 'ibabs', portalLabel: 'iBabs' }, [text]);

/** The report as the content script sends it for a text it holds in one block, through the protocol. */
function sent(text: string, matchRules: ReturnType<typeof loadScanRules>, options: AnalyserOptions): SentScanReport {
  const scanner = createScanner(matchRules, options);
  const all = scanner.find(text);
  const dropped = scanner.outOfContext([{ text, matches: all.matches, hits: all.safeguardHits }]);
  const matches = all.matches.filter((m) => !dropped.has(m));
  const hits = all.safeguardHits.filter((h) => !dropped.has(h));
  const found = scanner.findings(matches, hits, text);
  const ids = new Set(matchRules.safeguards.safeguards.map((s) => s.id));
  const mentions = hits.filter((h) => ids.has(h.group));
  const { assessment: _complete, ...rest } = sampleReport();
  const report: SentScanReport = { ...rest, found, portal: portalOf(text)! };
  if (found.categories.some((c) => !c.weakOnly)) report.reading = sentReadingOf(text, mentions, matches, restCategories(matches, strongCategoriesOf(found)));
  return SentScanReportSchema.parse(JSON.parse(JSON.stringify(report)));
}

describe('the assessment composed in the background equals the whole text’s', async () => {
  // The rules as the extension build ships them to the page.
  const { loadScanRules: shipped } = await importEmitted<{ loadScanRules: typeof loadScanRules }>(
    compiledScanModule(path.resolve(__dirname, '../../../../lib/core/rules/match-rules-pack.ts')),
    'builtin-scan',
  );
  const whole = createAnalyser(loadBuiltinRules());
  const wholeOwn = createAnalyser(loadBuiltinRules(), OWN);

  it('has documents that raise questions and signals', async () => {
    expect(documents.length).toBeGreaterThan(40);
    const withSignals = await Promise.all(documents.map(async (d) => whole.analyse(await textOf(d.file), 'wrapped').assessment.signals.length > 0));
    expect(withSignals.filter(Boolean).length).toBeGreaterThan(5);
  });

  it.skipIf(WRITE_GOLDEN)('has a recorded digest for every document', () => {
    expect(Object.keys(GOLDEN).sort()).toEqual(documents.map((d) => d.name).sort());
  });

  afterAll(() => {
    if (!WRITE_GOLDEN) return;
    const sorted = Object.fromEntries(Object.keys(recorded).sort().map((k) => [k, recorded[k]!]));
    writeFileSync(GOLDEN_FILE, JSON.stringify(sorted, null, 1) + '\n');
  });

  it.each(documents.map((d) => [d.name, d.file] as const))('%s', async (name, file) => {
    const text = await textOf(file);
    const composed = settleReport(sent(text, shipped(), {})).assessment;
    const composedOwn = settleReport(sent(text, shipped(), OWN)).assessment;
    const outcome = textOutcome(text, documentKindRules());
    expect(composed).toEqual(whole.analyse(text, 'wrapped', outcome).assessment);
    expect(composedOwn).toEqual(wholeOwn.analyse(text, 'wrapped', outcome).assessment);
    if (WRITE_GOLDEN) recorded[name] = [digest(composed), digest(composedOwn)];
    else expect([digest(composed), digest(composedOwn)]).toEqual(GOLDEN[name]);
  });
});
