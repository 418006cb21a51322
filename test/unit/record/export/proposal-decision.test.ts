// A motie whose text says what the raad did with it: adopted, the letter and the panel ask what
// comes before the college carries it out ("Als de motie wordt aangenomen" would be untrue);
// rejected or withdrawn, nothing is asked about carrying it out and the panel says why. And a
// motie whose name does not say so ("document 12345") known by its opening. Texts written in
// the form raden use, none a real document.
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../../../lib/core/analyse';
import { buildLetter, letterQuestions, type LetterDocument } from '../../../../lib/record/export/letter';
import { labelsFromRules } from '../../../../lib/record/export/model';
import { checklistOf } from '../../../../lib/core/questions';
import { loadBuiltinRules } from '../../../../lib/core/rules';
import { concernsOf, documentLetterInput, letterSignals } from '../../../../lib/extension/ui/letter-input';
import { decisionLine, proposalChecklist, proposalFollowUps, proposalQuestions } from '../../../../lib/core/questions/proposal';
import { documentOpening } from '../../../../lib/core/questions/document-kind';
import { documentKindRules } from '../../../../lib/core/rules/document-kind';

const rules = loadBuiltinRules();
const analyser = createAnalyser(rules);
const URL = 'https://veendorp.raadsinformatie.nl/document/12345/1/document+12345';

const MOTIE = [
  'Stuknummer: RIS 4711 Uitslag stemming: {uitslag}',
  'Onderwerp: Slimme camera’s bij het station',
  'De raad van de gemeente Veendorp, in vergadering bijeen op 20 mei 2026,',
  'Constaterende dat:',
  '- bij het station elke week fietsen worden gestolen;',
  'Overwegende dat:',
  '- slimme camera’s met gezichtsherkenning daders snel kunnen opsporen;',
  'Verzoekt het college:',
  '- bij de fietsenstalling van het station slimme camera’s met gezichtsherkenning te plaatsen.',
  'En gaat over tot de orde van de dag.',
].join('\n');

/** The letter as the panel builds it for a PDF named "document 12345": no kind from its name or portal. */
function letterFor(uitslag: string) {
  const text = MOTIE.replace('{uitslag}', uitslag);
  const { assessment } = analyser.analyse(text, 'blocks');
  const opening = documentOpening(text, documentKindRules());
  const checklist = checklistOf(assessment.safeguards.found, assessment.safeguards.missing, [], rules);
  const input = documentLetterInput({ document: { url: URL, title: 'document 12345', gemeente: 'Veendorp' }, notes: [], flags: [], checklist, assessment: assessment as never, opening }, rules);
  return { opening, checklist, assessment, letter: buildLetter({ ...input, date: Date.UTC(2026, 4, 21, 12) }) };
}

describe('a motie named “document 12345”', () => {
  it('is a motie by its opening, and its letter a proposal’s', () => {
    const { opening, letter } = letterFor('');
    expect(opening).toEqual({ kind: 'motie', date: '20 mei 2026' });
    expect(letter.inleiding).toContain('Naar aanleiding van de motie “document 12345”');
    expect(letter.inleiding).toContain('Het gaat om een motie: een verzoek of uitspraak van de raad');
    const dpia = letterQuestions(letter).find((q) => q.about === 'dpia')!;
    expect(dpia.text).toMatch(/^Als de motie wordt aangenomen: wordt er dan eerst een DPIA uitgevoerd/);
  });
});

describe('an adopted motie', () => {
  const { opening, letter, checklist, assessment } = letterFor('Aangenomen');
  const questions = letterQuestions(letter);

  it('says so, and asks what comes before the college carries it out', () => {
    expect(opening).toEqual({ kind: 'motie', decision: 'aangenomen', date: '20 mei 2026' });
    expect(letter.inleiding).toContain('De raad heeft de motie aangenomen.');
    expect(questions[0]!.text).toBe('Hoe gaat het college de motie uitvoeren, en hoe zorgt het ervoor dat de uitvoering binnen de privacywetgeving (AVG) blijft?');
    const dpia = questions.find((q) => q.about === 'dpia')!;
    expect(dpia.text).toBe('Wordt er, voordat het college de motie uitvoert, eerst een DPIA uitgevoerd, en krijgt de raad de uitkomst te zien?');
    for (const q of questions) expect(q.text).not.toMatch(/wordt aangenomen|zou hebben/);
    expect(questions.length).toBeGreaterThan(3);
  });

  it('the panel’s open points and AP cards ask the same', () => {
    const questionsAdopted = proposalQuestions(rules.safeguards, 'aangenomen');
    const items = proposalChecklist(checklist, 'motie', questionsAdopted, 'aangenomen');
    expect(items.find((i) => i.id === 'dpia')!.ask).toBe('Wordt er, voordat het college de motie uitvoert, eerst een DPIA uitgevoerd, en krijgt de raad de uitkomst te zien?');
    for (const i of items) expect(i.ask ?? '').not.toMatch(/wordt aangenomen/);
    const ap2 = assessment.questions.find((q) => q.id === 'ap-2')!;
    const followUps = proposalFollowUps(ap2, 'motie', questionsAdopted, 'aangenomen');
    expect(followUps.length).toBe(ap2.followUps.length);
    for (const f of followUps) expect(f).not.toMatch(/wordt aangenomen|Is er vooraf/);
    expect(decisionLine('motie', 'aangenomen')).toBe('De raad heeft de motie aangenomen. De vragen gaan over wat het college doet voordat het de motie uitvoert.');
  });
});

describe('a rejected or withdrawn motie', () => {
  for (const [uitslag, said] of [['Verworpen', 'De raad heeft de motie verworpen'], ['Ingetrokken', 'De motie is ingetrokken']] as const) {
    it(`${uitslag}: no question about carrying it out, and the opening says why`, () => {
      const { opening, letter, checklist, assessment } = letterFor(uitslag);
      expect(opening.decision).toBe(uitslag.toLowerCase());
      expect(letter.inleiding).toContain(`${said}: niemand voert haar uit, dus deze brief vraagt niet naar de uitvoering.`);
      expect(letterQuestions(letter).map((q) => q.about)).toEqual(['placeholder']);
      const items = proposalChecklist(checklist, 'motie', proposalQuestions(rules.safeguards), opening.decision);
      expect(items.some((i) => i.ask)).toBe(false);
      // The statuses stay: only the questions go.
      expect(items.map((i) => i.status)).toEqual(checklist.map((i) => i.status));
      for (const q of assessment.questions) expect(proposalFollowUps(q, 'motie', proposalQuestions(rules.safeguards), opening.decision)).toEqual(q.applies ? [] : q.followUps);
      expect(decisionLine('motie', opening.decision)).toContain('dus er zijn geen vragen over de uitvoering');
    });
  }

  it('a reader’s own note is still asked', () => {
    const text = MOTIE.replace('{uitslag}', 'Verworpen');
    const { assessment } = analyser.analyse(text, 'blocks');
    const note = { id: 'n1', documentId: 'd', text: 'Waarom stemde het college tegen?', tags: [], createdAt: 1, updatedAt: 1 } as never;
    const input = documentLetterInput({ document: { url: URL, title: 'document 12345' }, notes: [note], flags: [], checklist: [], assessment: assessment as never, opening: documentOpening(text, documentKindRules()) }, rules);
    expect(letterQuestions(buildLetter(input)).map((q) => q.text)).toEqual(['Waarom stemde het college tegen?']);
  });
});

describe('other documents', () => {
  it('a decision said in a raadsvoorstel changes nothing: it is no proposal', () => {
    expect(decisionLine('raadsvoorstel', 'aangenomen')).toBeUndefined();
    const items = checklistOf([], [], [], rules);
    expect(proposalChecklist(items, 'raadsvoorstel', proposalQuestions(rules.safeguards), 'verworpen')).toBe(items);
  });

  it('unknown: today’s wording', () => {
    const doc: LetterDocument = { document: { url: URL, title: 'Motie camera’s', type: 'motie' }, notes: [], flags: [], checklist: checklistOf([], ['dpia'] as never, [], rules), signals: letterSignals(undefined, rules) };
    const letter = buildLetter({ documents: [doc], labels: labelsFromRules(rules), status: rules.status, concernsOf: concernsOf(rules), proposals: proposalQuestions(rules.safeguards), adopted: proposalQuestions(rules.safeguards, 'aangenomen') });
    expect(letter.inleiding).not.toContain('De raad heeft');
  });
});
