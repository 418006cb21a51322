// The letters the whole-letter checks read: every document of the compose-golden set (the status
// eval's tune set and the demo pages) in several readings (as read, as a motie open, adopted or to
// the burgemeester, and as each other kind and outcome the record knows), one letter each, and
// "Alles" letters about several of them, each named with its title.
import { createAnalyser } from '../../../../lib/core/analyse';
import { checklistOf } from '../../../../lib/core/questions';
import { documentOpening, type DocumentOpening } from '../../../../lib/core/questions/document-kind';
import { documentKindRules } from '../../../../lib/core/rules/document-kind';
import { loadBuiltinRules } from '../../../../lib/core/rules';
import type { LetterDocument, LetterInput } from '../../../../lib/record/export/letter';
import { documentLetterInput } from '../../../../lib/extension/ui/letter-input';
import { goldenDocuments as documents, textOf } from '../../support/golden-documents';

const rules = loadBuiltinRules();
const analyser = createAnalyser(rules);
const kinds = documentKindRules();

/** A reading: its name, the opening it is read with (from the text's own) and the kind it is stored as. */
export type Reading = readonly [string, (own: DocumentOpening) => DocumentOpening, string];

/** The opening as read, and the same text as an open motie, an adopted one and one to the burgemeester. */
export const MOTIE_READINGS: readonly Reading[] = [
  ['as read', (own) => own, 'raadsvoorstel'],
  ['as a motie', () => ({ kind: 'motie' }), 'motie'],
  ['as an adopted motie to the burgemeester', () => ({ kind: 'motie', decision: 'aangenomen', addressee: 'burgemeester' }), 'motie'],
  ['as an open motie to the burgemeester', () => ({ kind: 'motie', addressee: 'burgemeester' }), 'motie'],
];

/** Each other kind and outcome the record knows, after the four above (the same order: Alles letters take them by place). */
export const KIND_READINGS: readonly Reading[] = [
  ['as an adopted amendement', () => ({ kind: 'amendement', decision: 'aangenomen' }), 'amendement'],
  ['as an open amendement', () => ({ kind: 'amendement' }), 'amendement'],
  ['as a rejected motie', () => ({ kind: 'motie', decision: 'verworpen' }), 'motie'],
  ['as a raadsinformatiebrief', () => ({}), 'raadsinformatiebrief'],
  ['as a beantwoording', () => ({}), 'beantwoording'],
  ['as a besluitenlijst', () => ({}), 'besluitenlijst'],
];

export interface GoldenLetter {
  where: string;
  input: LetterInput;
}

/**
 * One letter per document and reading, then the Alles letters in threes: one as read, one as a
 * motie, one as an adopted motie to the burgemeester; the burgemeester's in twos; with the kind
 * readings also an adopted amendement, a motie and a raadsinformatiebrief, and a rejected motie,
 * an open amendement and a beantwoording.
 */
export async function goldenLetters(readings: readonly Reading[]): Promise<GoldenLetter[]> {
  const out: GoldenLetter[] = [];
  const perReading: LetterDocument[][] = readings.map(() => []);
  let words: Omit<LetterInput, 'documents'> | undefined;
  for (const d of documents) {
    const text = await textOf(d.file);
    const { assessment } = analyser.analyse(text, 'wrapped');
    const checklist = checklistOf(assessment.safeguards.found, assessment.safeguards.missing, [], rules);
    const own = documentOpening(text, kinds);
    readings.forEach(([how, opening, type], r) => {
      const { documents: [one], ...rest } = documentLetterInput(
        { document: { url: `https://example.org/${d.name}`, title: d.name, type }, notes: [], flags: [], checklist, assessment: assessment as never, opening: opening(own) },
        rules,
      );
      words ??= rest;
      perReading[r]!.push(one!);
      out.push({ where: `${d.name} ${how}`, input: { ...rest, documents: [one!] } });
    });
  }
  const at = (r: number, i: number) => perReading[r]![i]!;
  for (let i = 0; i + 2 < documents.length; i += 3) {
    out.push({ where: `Alles ${i}-${i + 2}`, input: { ...words!, documents: [at(0, i), at(1, i + 1), at(2, i + 2)] } });
    out.push({ where: `Alles to the burgemeester ${i}-${i + 1}`, input: { ...words!, documents: [at(2, i), at(3, i + 1)] } });
    if (readings.length < 10) continue;
    out.push({ where: `Alles with an adopted amendement ${i}-${i + 2}`, input: { ...words!, documents: [at(4, i), at(1, i + 1), at(7, i + 2)] } });
    out.push({ where: `Alles with a rejected motie ${i}-${i + 2}`, input: { ...words!, documents: [at(6, i), at(5, i + 1), at(8, i + 2)] } });
  }
  return out;
}
