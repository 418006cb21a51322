// A motie or amendement that itself asks for a safeguard ("verzoekt het college een DPIA uit te
// voeren voordat …") is not asked for it again as if nobody had thought of it ("Als de motie wordt
// aangenomen: wordt er dan eerst een DPIA uitgevoerd …?"): the letter quotes the request and asks
// how the college judges it (open) or carries it out (adopted). Over every document of the
// compose-golden set read as a motie or amendement, open and adopted, and a motie written for it.
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../../../lib/core/analyse';
import { checklistOf } from '../../../../lib/core/questions';
import { proposalChecklist, proposalQuestions, requestedPassage } from '../../../../lib/core/questions/proposal';
import { loadBuiltinRules } from '../../../../lib/core/rules';
import { buildLetters, letterQuestions, type LetterInput } from '../../../../lib/record/export/letter';
import { documentLetterInput } from '../../../../lib/extension/ui/letter-input';
import { goldenLetters, KIND_READINGS, MOTIE_READINGS } from './golden-letters';
import { ownText } from './repetition';

const rules = loadBuiltinRules();
const requested = rules.safeguards.requested!;

/** The words of asking for the safeguard as if it were new: "eerst", "Als … wordt aangenomen:", "voordat het college de motie uitvoert". */
const ASKED_AS_NEW = /\beerst\b|^als\b[^:]*\bwordt aangenomen:|\bvoordat (het|het college|de burgemeester)\b[^?]*\buitvoert\b/;

/** Per letter about one document, each question about a safeguard its proposal itself asks for that asks for it as if new. */
function askedAgain(input: LetterInput, where: string): string[] {
  if (input.documents.length !== 1) return [];
  const questions = buildLetters(input).flatMap(letterQuestions);
  return input.documents.flatMap((d) => {
    if (d.document.type !== 'motie' && d.document.type !== 'amendement') return [];
    return (d.checklist ?? []).flatMap((item) => {
      if (!requestedPassage(item, requested)) return [];
      return questions.filter((q) => q.about === item.id && ASKED_AS_NEW.test(ownText(q.text).toLowerCase().trim())).map((q) => `${where} [${item.id}]: ${q.text}`);
    });
  });
}

describe('a safeguard the proposal itself asks for', () => {
  it('is asked how the college judges or carries out the request, in the panel and the letter alike', () => {
    const text =
      'Motie camera’s boulevard. De raad van de gemeente Voorbeeld, in vergadering bijeen op 12 maart 2026, overwegende dat op de boulevard camera’s met gezichtsherkenning worden geplaatst, ' +
      'verzoekt het college een DPIA uit te voeren voordat de camera’s worden ingezet, en de raad daarover te informeren, en gaat over tot de orde van de dag.';
    const analyser = createAnalyser(rules);
    const { assessment } = analyser.analyse(text, 'wrapped');
    const checklist = checklistOf(assessment.safeguards.found, assessment.safeguards.missing, [], rules);
    const dpia = checklist.find((i) => i.id === 'dpia')!;
    expect(dpia.status).toBe('planned');
    expect(requestedPassage(dpia, requested)).toBeDefined();
    const letterOf = (decision?: 'aangenomen') => {
      const input = documentLetterInput(
        { document: { url: 'https://example.org/motie', title: 'Motie camera’s boulevard', type: 'motie' }, notes: [], flags: [], checklist, assessment: assessment as never, opening: { kind: 'motie', ...(decision ? { decision } : {}) } },
        rules,
      );
      return letterQuestions(buildLetters(input)[0]!).find((q) => q.about === 'dpia')!.text;
    };
    expect(letterOf()).toMatch(/^De indieners schrijven: “[^”]*verzoekt het college een DPIA uit te voeren[^”]*” Is het college bereid te doen wat de motie hierover vraagt, en wanneer zou dat gebeuren\?$/);
    // The panel's question under the checklist says the same.
    const panel = proposalChecklist(checklist, 'motie', proposalQuestions(rules.safeguards), undefined, 'college', rules);
    expect(panel.find((i) => i.id === 'dpia')!.ask).toBe('Is het college bereid te doen wat de motie hierover vraagt, en wanneer zou dat gebeuren?');
    expect(letterOf('aangenomen')).toMatch(/” Hoe en wanneer doet het college wat de motie hierover vraagt, en krijgt de raad de uitkomst te zien\?$/);
  });

  it('is read in the dictum only: a considerans that announces a DPIA is the motie’s reason, not its request', () => {
    const text = [
      'Motie camera’s boulevard',
      'De raad van de gemeente Voorbeeld, in vergadering bijeen op 12 maart 2026,',
      'overwegende dat:',
      '- op de boulevard camera’s met gezichtsherkenning worden geplaatst;',
      '- het college voornemens is een DPIA te laten uitvoeren;',
      'verzoekt het college:',
      '- de camera’s niet in te zetten voordat de raad is geïnformeerd,',
      'en gaat over tot de orde van de dag.',
    ].join('\n');
    const { assessment } = createAnalyser(rules).analyse(text, 'blocks');
    const checklist = checklistOf(assessment.safeguards.found, assessment.safeguards.missing, [], rules);
    const dpia = checklist.find((i) => i.id === 'dpia')!;
    expect(dpia.status).toBe('planned');
    expect(dpia.passages[0]!.text).toContain('voornemens is een DPIA te laten uitvoeren');
    expect(requestedPassage(dpia, requested)).toBeUndefined();
    // The dictum's own list item, and a dictum after the overwegingen in one passage, still ask.
    const planned = (t: string) => ({ status: 'planned', passages: [{ text: t, status: 'planned' }] });
    expect(requestedPassage(planned('- een DPIA te laten uitvoeren voordat de camera’s worden ingezet;'), requested)).toBeDefined();
    expect(requestedPassage(planned('overwegende dat er camera’s komen, verzoekt het college een DPIA uit te voeren'), requested)).toBeDefined();
    expect(requestedPassage(planned('verzoekt het college, overwegende dat het college voornemens is een DPIA te laten uitvoeren, de raad te informeren'), requested)).toBeUndefined();
  });

  it('is in no letter for the compose-golden documents asked for as if new', { timeout: 180_000 }, async () => {
    const readings = [...MOTIE_READINGS.slice(1), ...KIND_READINGS.slice(0, 2)];
    const letters = await goldenLetters(readings);
    const proposals = letters.flatMap(({ input }) => input.documents.filter((d) => d.checklist?.some((i) => requestedPassage(i, requested))));
    // The set holds such proposals: the check reads something.
    expect(proposals.length).toBeGreaterThan(10);
    expect(letters.flatMap(({ where, input }) => askedAgain(input, where))).toEqual([]);
  });
});
