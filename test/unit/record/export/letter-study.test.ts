// A motie whose dictum asks the college to study a technology ("verzoekt het college onderzoek te
// doen naar …") asks for no deployment: its letter asks what the study weighs (noodzaak,
// alternatieven, the FG) and when the raad gets it, not "Acht het college de inzet waar de motie
// om vraagt noodzakelijk …". A dictum that asks both, a study and the deployment, keeps the
// proposal's questions. Motie texts written for this test.
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../../../lib/core/analyse';
import { checklistOf } from '../../../../lib/core/questions';
import { documentOpening } from '../../../../lib/core/questions/document-kind';
import { proposalChecklist, proposalFollowUps, proposalQuestions } from '../../../../lib/core/questions/proposal';
import { documentKindRules, parseDocumentKindRules } from '../../../../lib/core/rules/document-kind';
import { loadBuiltinRules } from '../../../../lib/core/rules';
import { buildLetters, letterQuestions } from '../../../../lib/record/export/letter';
import { documentLetterInput } from '../../../../lib/extension/ui/letter-input';
import { RulePackError } from '../../../../lib/core/rules/errors';
import { motieText as motie, STUDY_MOTIE as STUDY } from '../../support/study-motie';

const rules = loadBuiltinRules();
const kinds = documentKindRules();

const BOTH = motie(['verzoekt het college:', '- onderzoek te doen naar de mogelijkheden van algoritmes en beeldherkenning voor het meten van drukte;', '- de camera’s daarna bij evenementen in te zetten,']);

function checklistOfText(text: string) {
  const { assessment } = createAnalyser(rules).analyse(text, 'blocks');
  return checklistOf(assessment.safeguards.found, assessment.safeguards.missing, [], rules);
}

function questionsOf(text: string, decision?: 'aangenomen') {
  const { assessment } = createAnalyser(rules).analyse(text, 'blocks');
  const checklist = checklistOf(assessment.safeguards.found, assessment.safeguards.missing, [], rules);
  const opening = { ...documentOpening(text, kinds), ...(decision ? { decision } : {}) };
  const input = documentLetterInput({ document: { url: 'https://example.org/motie', title: 'Motie slimme sensoren', type: 'motie' }, notes: [], flags: [], checklist, assessment: assessment as never, opening }, rules);
  const [letter] = buildLetters(input);
  return { letter: letter!, questions: letterQuestions(letter!) };
}

describe('a motie that asks for a study', () => {
  it('is read as asking a study only where its dictum does', () => {
    expect(documentOpening(STUDY, kinds)).toMatchObject({ kind: 'motie', asks: 'study' });
    expect(documentOpening(BOTH, kinds).asks).toBeUndefined();
    // "onderzoek" in the considerans is no request for a study.
    const reason = motie(['overwegende dat onderzoek van de VNG dit laat zien,', 'verzoekt het college:', '- camera’s met beeldherkenning bij evenementen in te zetten,']);
    expect(documentOpening(reason, kinds)).toMatchObject({ kind: 'motie' });
    expect(documentOpening(reason, kinds).asks).toBeUndefined();
    // A study as one item after another request is no motie about a study.
    const later = motie(['verzoekt het college:', '1. het gebruik van de camera’s op te schorten totdat een DPIA is uitgevoerd;', '2. daarbij te onderzoeken of het doel ook met minder persoonsgegevens kan worden bereikt,']);
    expect(documentOpening(later, kinds).asks).toBeUndefined();
    // The dictum in one sentence with the study.
    expect(documentOpening(motie(['verzoekt het college, gelet op het bovenstaande, te onderzoeken of beeldherkenning drukte kan meten,']), kinds).asks).toBe('study');
    // Not a motie: no dictum to read.
    expect(documentOpening('Raadsvoorstel. Het college stelt voor onderzoek te doen naar algoritmes.', kinds).asks).toBeUndefined();
  });

  it('is asked about the study, open or adopted, not about the deployment', () => {
    for (const decision of [undefined, 'aangenomen'] as const) {
      const { letter, questions } = questionsOf(STUDY, decision);
      const about = (id: string) => questions.find((q) => q.about === id)?.text ?? '';
      expect(about('noodzaak')).toBe('Weegt het onderzoek ook of een inzet van de technologie noodzakelijk is om het doel te bereiken, en of de inbreuk op de privacy dan in verhouding staat tot dat doel?');
      expect(about('alternatieven')).toMatch(/^Neemt het onderzoek ook alternatieven mee/);
      expect(about('fg')).toMatch(/^Vraagt het college voor het onderzoek advies aan de functionaris gegevensbescherming \(FG\)/);
      expect(about('evaluatie')).toMatch(/^Wanneer krijgt de raad de uitkomsten van het onderzoek/);
      const all = questions.map((q) => q.text).join('\n');
      expect(all).not.toMatch(/de inzet waar de motie om vraagt|Als de motie wordt aangenomen: wordt er dan eerst een DPIA|voordat het college de motie uitvoert/);
      expect(letter.inleiding).toContain('De motie vraagt om een onderzoek, niet om de inzet zelf.');
    }
  });

  it('is asked about the study in the panel too, naming the motie (a card stands alone)', () => {
    const { assessment } = createAnalyser(rules).analyse(STUDY, 'blocks');
    const checklist = checklistOf(assessment.safeguards.found, assessment.safeguards.missing, [], rules);
    const { asks } = documentOpening(STUDY, kinds);
    const panel = proposalChecklist(checklist, 'motie', proposalQuestions(rules.safeguards, undefined, asks), undefined, 'college', rules);
    expect(panel.find((i) => i.id === 'noodzaak')!.ask).toBe('Weegt het onderzoek waar de motie om vraagt ook of een inzet van de technologie noodzakelijk is om het doel te bereiken, en of de inbreuk op de privacy dan in verhouding staat tot dat doel?');
    const cards = assessment.questions.flatMap((q) => proposalFollowUps(q, 'motie', proposalQuestions(rules.safeguards, 'aangenomen', asks), 'aangenomen', 'college', rules));
    expect(cards.join('\n')).toContain('Vraagt het college voor het onderzoek waar de motie om vraagt advies aan de functionaris gegevensbescherming (FG)');
    expect(cards.join('\n')).not.toMatch(/voordat het college de motie uitvoert|de inzet waar de motie om vraagt/);
  });

  it('that also asks for the deployment keeps the proposal’s questions', () => {
    const { questions } = questionsOf(BOTH);
    expect(questions.find((q) => q.about === 'noodzaak')?.text).toBe('Acht het college de inzet waar de motie om vraagt noodzakelijk om het doel te bereiken, en de inbreuk op de privacy in verhouding tot dat doel?');
    expect(questions.map((q) => q.text).join('\n')).not.toMatch(/\bhet onderzoek\b/);
  });

  it('beside another document, names the motie whose study it asks about', () => {
    const one = documentLetterInput({ document: { url: 'https://example.org/motie', title: 'Motie slimme sensoren', type: 'motie' }, notes: [], flags: [], checklist: checklistOfText(STUDY), opening: documentOpening(STUDY, kinds) }, rules);
    const other = documentLetterInput({ document: { url: 'https://example.org/rv', title: 'Raadsvoorstel camera’s', type: 'raadsvoorstel' }, notes: [], flags: [], checklist: checklistOfText(BOTH) }, rules);
    const [letter] = buildLetters({ ...one, documents: [...one.documents, ...other.documents] });
    const noodzaak = letterQuestions(letter!).filter((q) => q.about === 'noodzaak').map((q) => q.text);
    expect(noodzaak).toContain('Weegt het onderzoek waar de motie “Slimme sensoren” om vraagt ook of een inzet van de technologie noodzakelijk is om het doel te bereiken, en of de inbreuk op de privacy dan in verhouding staat tot dat doel?');
  });

  it('takes its words from the rules, checked with a Dutch message', () => {
    const broken = { ...kinds, study: { ...kinds.study, words: ['Onderzoek '] } };
    expect(() => parseDocumentKindRules(broken)).toThrow(RulePackError);
    expect(() => parseDocumentKindRules(broken)).toThrow(/kleine letters/);
  });
});
