// A letter's opening and its questions agree on where each document stands: proposed (a motie or
// amendement whose outcome is not known: "Als de motie wordt aangenomen"), adopted ("voordat het
// college de motie uitvoert"), rejected or withdrawn (nothing asked about carrying it out), the
// college's raadsvoorstel, or a document that proposes nothing (raadsinformatiebrief,
// beantwoording, besluitenlijst). Over every document of the compose-golden set in each kind and
// outcome the record knows, and over "Alles" letters about several (./stage.ts). In a letter about
// several documents a question that speaks of carrying a proposal out names which one.
import { describe, expect, it } from 'vitest';
import { buildLetters, letterQuestions, type LetterDocument, type LetterInput } from '../../../../lib/record/export/letter';
import { goldenLetters, KIND_READINGS, MOTIE_READINGS } from './golden-letters';
import { stageContradictions, stageOf } from './stage';
import { ownText } from './repetition';

const named = (text: string, d: LetterDocument) => text.includes(`“${d.document.title}”`);

/** Words of a proposal carried out or decided: in a letter about several, they name which document. */
const CARRYING_OUT = /\bgewijzigde besluit\b|\buitvoert\b|\bwordt uitgevoerd\b|\bwordt aangenomen\b/;

/** Each sentence of the opening and each question of `input`'s letters that puts a document at another stage, with where. */
function stageIn(input: LetterInput, where: string): string[] {
  return buildLetters(input).flatMap((letter) => {
    const docs = input.documents.filter((d) => named(letter.inleiding, d));
    const about = (text: string, carried: readonly LetterDocument[]): readonly LetterDocument[] => {
      if (docs.length === 1) return docs;
      const here = docs.filter((d) => named(text, d));
      return here.length ? here : carried;
    };
    const found: string[] = [];
    // The opening, sentence by sentence; a sentence that names no document speaks of those the one before named ("die stukken").
    for (const p of letter.inleiding.split('\n\n').slice(1)) {
      let carried: readonly LetterDocument[] = [];
      for (const sentence of p.split(/(?<=[.?!])\s+(?=\p{Lu})/u)) {
        carried = about(sentence, carried);
        for (const d of carried) found.push(...stageContradictions(sentence, stageOf(d)).map((c) => `${where}, opening [${c}]: ${sentence}`));
      }
    }
    for (const q of letterQuestions(letter)) {
      const these = about(q.text, []);
      if (!these.length && CARRYING_OUT.test(ownText(q.text))) found.push(`${where} [names no document]: ${q.text}`);
      for (const d of these) found.push(...stageContradictions(q.text, stageOf(d)).map((c) => `${where} [${c}]: ${q.text}`));
    }
    return found;
  });
}

describe('a letter’s opening and questions agree on where each document stands', () => {
  it('finds a contradiction where there is one', () => {
    expect(stageContradictions('Bij die stukken gaan de vragen over hoe het college ze beoordeelt.', 'adopted')).toEqual(['adopted, said as still to be judged: “beoordeelt”']);
    expect(stageContradictions('Als de motie wordt aangenomen: wordt er dan eerst een DPIA uitgevoerd?', 'adopted')).toEqual(['adopted, said as if adopted: “wordt aangenomen”']);
    expect(stageContradictions('Hoe gaat het college de motie uitvoeren?', 'proposed')).toEqual(['proposed, said as carried out: “gaat het college de motie uitvoeren”']);
    expect(stageContradictions('Uit deze passage is ons niet duidelijk of dit is gebeurd voor wat nu wordt voorgesteld.', 'report')).toEqual(['report, said as a proposal: “wordt voorgesteld”']);
    // The document's own words are not the letter's; what agrees is no finding.
    expect(stageContradictions('In de besluitenlijst staat: “Het voorstel wordt aangenomen.” Wanneer is de DPIA klaar?', 'report')).toEqual([]);
    expect(stageContradictions('Wordt er, voordat het college de motie uitvoert, eerst een DPIA uitgevoerd?', 'adopted')).toEqual([]);
    expect(stageContradictions('Hoe beoordeelt het college de motie, en kan die worden uitgevoerd binnen de privacywetgeving (AVG)?', 'proposed')).toEqual([]);
    // A raadsinformatiebrief or a beantwoording reports technology in use: nothing can come before it starts.
    expect(stageContradictions('Laat het college die alsnog uitvoeren voordat de technologie wordt ingezet, en krijgt de raad de uitkomst te zien?', 'in use')).toEqual(['in use, said as not yet in use: “voordat de technologie wordt ingezet”']);
    expect(stageContradictions('Wanneer wordt de verwerkersovereenkomst gesloten, en begint de verwerking pas daarna?', 'in use')).toEqual(['in use, said as not yet in use: “begint de verwerking pas”']);
    expect(stageContradictions('Wanneer wordt die alsnog uitgevoerd, en wat betekent het dat de technologie intussen al wordt gebruikt?', 'in use')).toEqual([]);
  });

  it('in no letter for the compose-golden documents, in every kind and outcome', { timeout: 180_000 }, async () => {
    const letters = await goldenLetters([...MOTIE_READINGS, ...KIND_READINGS]);
    expect(letters.flatMap(({ where, input }) => stageIn(input, where))).toEqual([]);
  });
});

describe('a report of technology in use: the panel asks as the letter does', () => {
  it('the checklist’s and the question cards’ questions of a raadsinformatiebrief say what happens now that it runs', async () => {
    const { createAnalyser } = await import('../../../../lib/core/analyse');
    const { checklistOf } = await import('../../../../lib/core/questions');
    const { proposalChecklist, proposalFollowUps } = await import('../../../../lib/core/questions/proposal');
    const { loadBuiltinRules } = await import('../../../../lib/core/rules');
    const rules = loadBuiltinRules();
    const text = 'Raadsinformatiebrief camera’s boulevard. Sinds 1 maart hangen op de boulevard zes camera’s met beeldanalyse. Er is geen DPIA uitgevoerd. Een Impact Assessment Mensenrechten en Algoritmes (IAMA) is niet uitgevoerd.';
    const { assessment } = createAnalyser(rules).analyse(text, 'wrapped');
    const items = checklistOf(assessment.safeguards.found, assessment.safeguards.missing, [], rules);
    const asks = [
      ...proposalChecklist(items, 'raadsinformatiebrief', {}, undefined, 'college', rules).flatMap((i) => (i.ask ? [i.ask] : [])),
      ...assessment.questions.flatMap((q) => proposalFollowUps(q, 'raadsinformatiebrief', {}, undefined, 'college', rules)),
    ];
    expect(asks.some((a) => a.includes('Wanneer wordt die alsnog uitgevoerd, wordt de technologie tot die tijd al gebruikt'))).toBe(true);
    expect(asks.flatMap((a) => stageContradictions(a, 'in use'))).toEqual([]);
    // A raadsvoorstel keeps "voordat de technologie wordt ingezet".
    expect(proposalChecklist(items, 'raadsvoorstel', {}, undefined, 'college', rules).find((i) => i.id === 'dpia')!.ask).toContain('voordat de technologie wordt ingezet');
  });
});
