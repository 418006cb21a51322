// A question names only the technology the document's matches show: the rules ask about "het
// algoritme of het herkenningssysteem" (the IAMA, the Algoritmeregister) for any technology, and a
// raadslid asking the college about the recognition system of a document that only holds an
// algorithm (or only cameras) asks about something the document does not say is there. Over every
// document of the compose-golden set in every kind and outcome, and the Alles letters.
import { describe, expect, it } from 'vitest';
import { buildLetters, letterQuestions, type LetterDocument, type LetterInput } from '../../../../lib/record/export/letter';
import { goldenLetters, KIND_READINGS, MOTIE_READINGS } from './golden-letters';
import { ownText } from './repetition';

/** Per technology the letter may name, the categories that must be among the matches. */
const NAMES: readonly (readonly [RegExp, string, readonly string[]])[] = [
  [/\bhet algoritme\b/, 'het algoritme', ['algoritme']],
  [/\bherkenningssysteem\b/, 'het herkenningssysteem', ['biometrie']],
  [/\bcamerasysteem\b/, 'het camerasysteem', ['camera']],
];

/** Each question of a letter about one document that names a technology its matches do not show. */
function namedWithout(input: LetterInput, where: string): string[] {
  if (input.documents.length !== 1) return [];
  const d: LetterDocument = input.documents[0]!;
  const has = new Set(d.categories ?? []);
  return buildLetters(input)
    .flatMap(letterQuestions)
    .flatMap((q) => {
      const own = ownText(q.text).toLowerCase();
      return NAMES.filter(([words, , needs]) => words.test(own) && !needs.some((c) => has.has(c as never))).map(([, name]) => `${where} [${q.about}, ${name} without ${[...has].join('/') || 'categories'}]: ${q.text}`);
    });
}

describe('a question names only the technology the document’s matches show', () => {
  it('in no letter for the compose-golden documents', { timeout: 180_000 }, async () => {
    const letters = await goldenLetters([...MOTIE_READINGS, ...KIND_READINGS]);
    // The letters know what each document is about, and some ask about the IAMA or the Algoritmeregister.
    expect(letters.every(({ input }) => input.documents.every((d) => d.categories))).toBe(true);
    const asked = letters.flatMap(({ input }) => buildLetters(input).flatMap(letterQuestions)).filter((q) => q.about === 'iama' || q.about === 'algoritmeregister');
    expect(asked.length).toBeGreaterThan(50);
    expect(letters.flatMap(({ where, input }) => namedWithout(input, where))).toEqual([]);
  });
});
