// The letter for the repository's demo raadsvoorstel, as committed in test/fixtures/letters/: built
// the way the panel builds it (the page's main text, the analyser, the checklist, a flag and a
// note of a reader with the sentences the page gives for them). Rewrite it after an intended
// change with:  RAADSLENS_WRITE_LETTER=1 npx vitest run --config test/vitest.config.ts test/unit/record/export/example-letter.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../../../lib/core/analyse';
import { describeQuote } from '../../../../lib/core/anchor';
import { readHtml } from '../../../../lib/cli/readers';
import type { StoredFlag, StoredNote } from '../../../../lib/record/db';
import { buildLetter, letterMarkdown, letterQuestions } from '../../../../lib/record/export/letter';
import { checklistOf } from '../../../../lib/core/questions';
import { sentenceAround } from '../../../../lib/core/questions/status';
import { loadBuiltinRules } from '../../../../lib/core/rules';
import { documentLetterInput } from '../../../../lib/extension/ui/letter-input';

const root = path.resolve(__dirname, '../../../..');
const PAGE = path.join(root, 'test/fixtures/pages/raadsvoorstel-cameratoezicht.html');
const LETTER = path.join(root, 'test/fixtures/letters/raadsvoorstel-cameratoezicht.md');
const URL = 'https://utrecht.raadsinformatie.nl/document/raadsvoorstel-cameratoezicht';

const rules = loadBuiltinRules();

async function exampleLetter() {
  const { pages } = await readHtml(new Uint8Array(readFileSync(PAGE)));
  const text = pages[0]!.text;
  const { assessment } = createAnalyser(rules).analyse(text, 'wrapped');
  const at = (phrase: string) => {
    const start = text.indexOf(phrase);
    if (start < 0) throw new Error(`"${phrase}" staat niet op de pagina`);
    return describeQuote(text, start, start + phrase.length);
  };
  const flag: StoredFlag = {
    id: '0f3c1a52-5d6e-4f70-8a91-b2c3d4e5f601', documentId: URL, kind: 'match', termId: 'sensor.slimme-lantaarnpaal', category: 'sensor',
    anchor: at('slimme lantaarnpalen. Deze zijn voorzien van sensoren'), question: 'ap-3',
    reason: 'Kunnen de sensoren ook telefoons of gezichten herkennen?', status: 'open', tags: [], createdAt: 1, updatedAt: 1, revision: 1,
  };
  const note: StoredNote = {
    id: '1a2b3c4d-5e6f-4a70-8b91-c2d3e4f5a602', documentId: URL, anchor: at('achtentwintig dagen bewaard'), question: 'ap-2',
    text: 'Waarom 28 dagen, als andere gemeenten na 7 dagen verwijderen?', status: 'open', tags: [], createdAt: 2, updatedAt: 2, revision: 1,
  };
  const sentences = new Map([flag, note].map((r) => [r.id, sentenceAround(text, r.anchor!.start, r.anchor!.end, rules.status, 'wrapped')]));
  const checklist = checklistOf(assessment.safeguards.found, assessment.safeguards.missing, [], rules);
  const input = documentLetterInput(
    {
      document: { url: URL, title: 'Uitbreiding cameratoezicht binnenstad en pilot slimme lantaarnpalen', gemeente: 'Utrecht', type: 'raadsvoorstel', meetingDate: '2026-03-12' },
      notes: [note],
      flags: [flag],
      checklist,
      assessment: assessment as never,
      sentences,
    },
    rules,
  );
  return buildLetter({ ...input, date: Date.UTC(2026, 2, 2, 12) });
}

describe('the example letter for the demo raadsvoorstel', () => {
  it('is the committed test/fixtures/letters/raadsvoorstel-cameratoezicht.md', async () => {
    const md = letterMarkdown(await exampleLetter());
    if (process.env.RAADSLENS_WRITE_LETTER) writeFileSync(LETTER, md);
    expect(md).toBe(readFileSync(LETTER, 'utf8'));
  });

  it('leads with the DPIA that covers only the pilot, and quotes the reader’s flag as its whole sentence', async () => {
    const questions = letterQuestions(await exampleLetter());
    expect(questions[0]!.text).toMatch(/^Het college schrijft in het raadsvoorstel: “Voor de pilot is een DPIA uitgevoerd\.” Geldt die DPIA ook voor de rest \(camera/);
    const flagged = questions.find((q) => q.text.includes('Kunnen de sensoren'))!;
    expect(flagged.text).toContain('“In de pilot worden veertien bestaande masten vervangen door slimme lantaarnpalen. Deze zijn voorzien van sensoren');
  });
});
