// A document that is not the gemeente's own (a Kamerstuk: realqa9's kind for a motie, brief or
// wetsvoorstel of the Tweede or Eerste Kamer) is not asked about safeguards as if the gemeente had
// deployed its technology ("Hoe heeft de gemeente zelf gecontroleerd …", "Is er een DPIA
// uitgevoerd …"): the letter asks what it means for the gemeente, and its opening says why the
// rest is left out. Over every document of the compose-golden set read as a Kamerstuk, alone and in
// an Alles letter beside a raadsvoorstel.
import { describe, expect, it } from 'vitest';
import { buildLetters, letterQuestions, type LetterInput } from '../../../../lib/record/export/letter';
import { goldenLetters, type Reading } from './golden-letters';

const READINGS: readonly Reading[] = [
  ['as a kamerstuk', () => ({}), 'kamerstuk'],
  ['as a raadsvoorstel', () => ({}), 'raadsvoorstel'],
  // The Alles letters take the readings by place (golden-letters.ts): a third and a fourth.
  ['as a kamerstuk again', () => ({}), 'kamerstuk'],
  ['as a raadsvoorstel again', () => ({}), 'raadsvoorstel'],
];

/** Each question about a Kamerstuk of `input` that presumes the gemeente deploys its technology: one about a safeguard or signal. */
function presumed(input: LetterInput, where: string): string[] {
  const kamerstukken = input.documents.filter((d) => d.document.type === 'kamerstuk');
  if (!kamerstukken.length) return [];
  return buildLetters(input).flatMap((letter) =>
    letterQuestions(letter)
      .filter((q) => q.about !== 'betekenis' && q.about !== 'oordeel')
      // In a letter about several documents, the questions that name a Kamerstuk.
      .filter((q) => input.documents.length === 1 || kamerstukken.some((d) => q.text.includes(`“${d.document.title}”`)))
      .map((q) => `${where} [${q.about}]: ${q.text}`),
  );
}

describe('a Kamerstuk is asked what it means for the gemeente, not about the gemeente’s own deployment', () => {
  it('in no letter for the compose-golden documents', { timeout: 180_000 }, async () => {
    const letters = await goldenLetters(READINGS);
    const single = letters.filter(({ where }) => where.endsWith('as a kamerstuk'));
    expect(single.length).toBeGreaterThan(20);
    expect(letters.flatMap(({ where, input }) => presumed(input, where))).toEqual([]);
    for (const { input } of single) {
      const [letter] = buildLetters(input);
      expect(letter!.inleiding).toContain('Het kamerstuk is geen stuk van de gemeente, maar van de Tweede of Eerste Kamer. Daarover vraagt deze brief wat het voor de gemeente betekent');
      expect(letterQuestions(letter!)[0]!.text).toMatch(/^Wat betekent het kamerstuk voor de gemeente: zet de gemeente de technologie waar het over gaat zelf in/);
    }
    // Beside it a raadsvoorstel of the gemeente keeps its safeguard questions.
    const raadsvoorstel = letters.filter(({ where, input }) => where.endsWith('as a raadsvoorstel') && input.documents[0]!.checklist?.some((i) => i.ask));
    expect(raadsvoorstel.every(({ input }) => letterQuestions(buildLetters(input)[0]!).some((q) => q.about !== 'betekenis'))).toBe(true);
  });
});
