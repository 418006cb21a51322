// Each question of a letter says each thing once: over every document of the compose-golden set
// (the status eval's tune set and the demo pages) and the demo raadsvoorstel, as the kind its
// opening shows and as a motie (open, adopted, to the burgemeester), no question repeats a run of
// five words, spells out a defined term twice or names the burgemeester twice in a sentence
// (./repetition.ts).
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../../../lib/core/analyse';
import { checklistOf } from '../../../../lib/core/questions';
import { documentOpening, type DocumentOpening } from '../../../../lib/core/questions/document-kind';
import { documentKindRules } from '../../../../lib/core/rules/document-kind';
import { loadBuiltinRules } from '../../../../lib/core/rules';
import { buildLetter, letterQuestions } from '../../../../lib/record/export/letter';
import { documentLetterInput } from '../../../../lib/extension/ui/letter-input';
import { goldenDocuments as documents, textOf } from '../../support/golden-documents';
import { repetitionsIn } from './repetition';

const rules = loadBuiltinRules();
const analyser = createAnalyser(rules);
const kinds = documentKindRules();

/** The opening as read, and the same text as an open motie, an adopted one and one to the burgemeester. */
const readings = (own: DocumentOpening): [string, DocumentOpening, string][] => [
  ['as read', own, 'raadsvoorstel'],
  ['as a motie', { kind: 'motie' }, 'motie'],
  ['as an adopted motie to the burgemeester', { kind: 'motie', decision: 'aangenomen', addressee: 'burgemeester' }, 'motie'],
  ['as an open motie to the burgemeester', { kind: 'motie', addressee: 'burgemeester' }, 'motie'],
];

async function repeatedQuestions(): Promise<string[]> {
  const out: string[] = [];
  for (const d of documents) {
    const text = await textOf(d.file);
    const { assessment } = analyser.analyse(text, 'wrapped');
    const checklist = checklistOf(assessment.safeguards.found, assessment.safeguards.missing, [], rules);
    for (const [how, opening, type] of readings(documentOpening(text, kinds))) {
      const input = documentLetterInput(
        { document: { url: `https://example.org/${d.name}`, title: d.name, type }, notes: [], flags: [], checklist, assessment: assessment as never, opening },
        rules,
      );
      for (const q of letterQuestions(buildLetter(input))) {
        const again = repetitionsIn(q.text);
        if (again.length) out.push(`${d.name} ${how} [${again.join('; ')}]: ${q.text}`);
      }
    }
  }
  return out;
}

describe('a letter’s question says each thing once', () => {
  it('finds repetition where there is some', () => {
    expect(repetitionsIn('Het stuk noemt geen alternatieven waarbij de gemeente minder verwerkt. Welke alternatieven waarbij de gemeente minder verwerkt zijn onderzocht?')).toEqual(['alternatieven waarbij de gemeente minder', 'waarbij de gemeente minder verwerkt']);
    expect(repetitionsIn('Is de functionaris gegevensbescherming (FG) gevraagd? Heeft de functionaris gegevensbescherming (FG) geantwoord?')).toContain('(FG) twice');
    expect(repetitionsIn('Is er een IAMA? Is een Impact Assessment Mensenrechten en Algoritmes (IAMA) gedaan?')).toContain('IAMA before (IAMA)');
    expect(repetitionsIn('Het raadsvoorstel zegt niet hoe inwoners over de technologie worden geïnformeerd. Hoe worden inwoners uit eigen beweging geïnformeerd?')).toEqual(['niet hoe … hoe (inwoners, geïnformeerd)']);
    // The gap named, then asked: not a repetition; nor "hoe" asked about something else.
    expect(repetitionsIn('Het raadsvoorstel zegt niets over informatie aan inwoners. Hoe worden inwoners uit eigen beweging geïnformeerd?')).toEqual([]);
    expect(repetitionsIn('Het raadsvoorstel zegt niet hoe de gemeente de gegevens bewaart. Hoe controleert de gemeente de leverancier?')).toEqual([]);
    expect(repetitionsIn('Het college schrijft: “de raad krijgt de uitkomst te zien.” Krijgt de raad de uitkomst te zien?')).toEqual([]);
  });

  it('in no letter for the compose-golden documents', { timeout: 120_000 }, async () => {
    expect(await repeatedQuestions()).toEqual([]);
  });
});
