// The letter about a motie or an amendement: a proposal, not technology in use. Its opening says
// so, the college's judgement is asked first, and every safeguard question asks what the college
// would do before it carries the proposal out. Built from a motie written in the form raden use
// (constaterende / overwegende / verzoekt / en gaat over tot de orde van de dag).
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../../../lib/core/analyse';
import type { StoredFlag, StoredNote } from '../../../../lib/record/db';
import { buildLetter, letterQuestions, letterText, type LetterDocument } from '../../../../lib/record/export/letter';
import { labelsFromRules } from '../../../../lib/record/export/model';
import { checklistOf } from '../../../../lib/core/questions';
import { loadBuiltinRules } from '../../../../lib/core/rules';
import { concernsOf, letterSignals } from '../../../../lib/extension/ui/letter-input';
import { proposalChecklist, proposalFollowUps, proposalQuestions } from '../../../../lib/core/questions/proposal';
import { followUpsOf } from '../../../../lib/core/questions/follow-ups';

const rules = loadBuiltinRules();
const analyser = createAnalyser(rules);
const URL = 'https://zwolle.raadsinformatie.nl/document/7/2/M_4+motie+Slimme+camera+s+station';

const MOTIE = [
  'Motie: Slimme camera’s bij het station',
  'De raad van de gemeente Zwolle, in vergadering bijeen op 20 mei 2026,',
  'Constaterende dat:',
  '- bij het station elke week fietsen worden gestolen;',
  'Overwegende dat:',
  '- slimme camera’s met gezichtsherkenning daders snel kunnen opsporen;',
  'Verzoekt het college:',
  '- bij de fietsenstalling van het station slimme camera’s met gezichtsherkenning te plaatsen.',
  'En gaat over tot de orde van de dag.',
].join('\n');

function documentOf(text: string, type: string, title = 'Slimme camera’s bij het station'): LetterDocument {
  const { assessment } = analyser.analyse(text, 'blocks');
  return {
    document: { url: URL, title, gemeente: 'Zwolle', type },
    notes: [],
    flags: [],
    checklist: checklistOf(assessment.safeguards.found, assessment.safeguards.missing, [], rules),
    signals: letterSignals(assessment as never, rules),
  };
}
const build = (documents: LetterDocument[], withProposals = true) =>
  buildLetter({ documents, labels: labelsFromRules(rules), status: rules.status, concernsOf: concernsOf(rules), ...(withProposals ? { proposals: proposalQuestions(rules.safeguards) } : {}), date: Date.UTC(2026, 4, 21, 12) });

/** Wording that takes the technology for deployed: "Is er vooraf een DPIA uitgevoerd", "De motie zegt niet of er …". */
const DEPLOYED = /\b(zegt niet (of|hoe)|is er vooraf|hoe heeft de gemeente|is er met de leverancier|worden de gegevens bewaard|wordt het algoritme of het herkenningssysteem opgenomen|is voor het algoritme)\b/i;

describe('letter about a motie', () => {
  const doc = documentOf(MOTIE, 'motie');
  const letter = build([doc]);
  const questions = letterQuestions(letter);

  it('says in its opening that the motie is a proposal and what the questions therefore ask', () => {
    expect(letter.inleiding).toContain('Naar aanleiding van de motie “Slimme camera’s bij het station”');
    expect(letter.inleiding).toContain(
      'Het gaat om een motie: een verzoek of uitspraak van de raad, geen inzet van technologie die al plaatsvindt. De vragen gaan daarom over hoe het college de motie beoordeelt, en over wat het zou moeten doen voordat die wordt uitgevoerd.',
    );
    // The Reglement van orde's article stays a placeholder.
    expect(letter.inleiding).toContain('op grond van artikel [artikel …] van het Reglement van orde');
  });

  it('asks the college’s judgement first, then per safeguard what comes before carrying it out', () => {
    expect(letter.groups[0]!.heading).toBe('Het oordeel van het college');
    expect(questions[0]!.text).toBe('Hoe beoordeelt het college de motie, en kan die worden uitgevoerd binnen de privacywetgeving (AVG)?');
    const dpia = questions.find((q) => q.about === 'dpia')!;
    expect(dpia.text).toBe('Als de motie wordt aangenomen: wordt er dan eerst een DPIA uitgevoerd, voordat de technologie wordt ingezet, en krijgt de raad de uitkomst te zien?');
    for (const q of questions) expect(q.text).not.toMatch(DEPLOYED);
  });

  it('keeps one question per safeguard, the same safeguards as for any document', () => {
    const asked = doc.checklist!.filter((i) => i.ask).map((i) => i.id);
    const safeguardQuestions = questions.filter((q) => asked.includes(q.about)).map((q) => q.about);
    expect(safeguardQuestions.sort()).toEqual([...asked].sort());
    expect(new Set(questions.map((q) => q.about)).size).toBe(questions.length);
    // The same questions as the letter of a raadsvoorstel with this text, plus the judgement.
    const asVoorstel = letterQuestions(build([documentOf(MOTIE, 'raadsvoorstel')])).map((q) => q.about);
    expect(questions.map((q) => q.about).filter((a) => a !== 'oordeel').sort()).toEqual([...asVoorstel].sort());
  });

  it('quotes what the motie says about a safeguard and asks the proposal’s question after it', () => {
    const negated = documentOf(`${MOTIE}\nConstaterende dat voor de camera’s bij het stadhuis nooit een DPIA is uitgevoerd.`, 'motie');
    const q = letterQuestions(build([negated])).find((x) => x.about === 'dpia')!;
    expect(q.status).toBe('negated');
    // The question names the motie ("Als de motie wordt aangenomen"): the quote is its indieners' words.
    expect(q.text).toBe('De indieners schrijven: “Constaterende dat voor de camera’s bij het stadhuis nooit een DPIA is uitgevoerd.” Als de motie wordt aangenomen: wordt er dan eerst een DPIA uitgevoerd, voordat de technologie wordt ingezet, en krijgt de raad de uitkomst te zien?');
  });

  it('keeps the reader’s notes and flags: merged into a safeguard’s question, or a question of their own', () => {
    const note: StoredNote = { id: '55555555-5555-4555-8555-555555555555', documentId: URL, text: 'Hoe lang blijven de beelden bewaard?', status: 'open', tags: [], createdAt: 2, updatedAt: 2, revision: 1 };
    const flag: StoredFlag = {
      id: '44444444-4444-4444-8444-444444444444', documentId: URL, kind: 'passage', reason: 'Wie mag de beelden bekijken?', status: 'open', tags: [], createdAt: 1, updatedAt: 1, revision: 1,
      anchor: { exact: 'daders snel kunnen opsporen', prefix: 'met gezichtsherkenning ', suffix: ';', start: 0, end: 0 } as never,
    };
    const qs = letterQuestions(build([{ ...doc, notes: [note], flags: [flag] }]));
    expect(qs.find((q) => q.about === 'bewaartermijn')!.text).toMatch(/^Als de motie wordt aangenomen: hoe lang zouden de gegevens worden bewaard.*Hoe lang blijven de beelden bewaard\?$/);
    expect(qs.some((q) => q.about === flag.id && q.text.startsWith('In de motie staat: “') && q.text.endsWith('Wie mag de beelden bekijken?'))).toBe(true);
  });

  it('reads whole as a letter about a proposal', () => {
    const text = letterText(letter);
    expect(text).toMatch(/^Aan het college van burgemeester en wethouders van de gemeente Zwolle\n/);
    expect(text).toContain('\nHet oordeel van het college\n\n1. Hoe beoordeelt het college de motie');
    expect(text).toContain('(vraag 2 van de Autoriteit Persoonsgegevens)');
    expect(text).toMatch(/\n\[naam\]\nFractie \[fractie\]\n$/);
  });
});

describe('letter about an amendement, and about a selection with a motie', () => {
  it('an amendement: "Als het amendement wordt aangenomen", the changed besluit carried out', () => {
    const letter = build([documentOf(MOTIE.replace('Motie:', 'Amendement:'), 'amendement', 'Camera’s station')]);
    expect(letter.inleiding).toContain('Het gaat om een amendement: een voorstel om een besluit van de raad te wijzigen, geen inzet van technologie die al plaatsvindt. De vragen gaan daarom over hoe het college het amendement beoordeelt, en over wat het zou moeten doen voordat het gewijzigde besluit wordt uitgevoerd.');
    const questions = letterQuestions(letter);
    expect(questions[0]!.text).toBe('Hoe beoordeelt het college het amendement, en kan het gewijzigde besluit worden uitgevoerd binnen de privacywetgeving (AVG)?');
    expect(questions.find((q) => q.about === 'evaluatie')!.text).toMatch(/^Als het amendement wordt aangenomen: wanneer en hoe wordt de inzet dan geëvalueerd/);
  });

  it('without the rules’ wording for a safeguard, its plain question after "Als … wordt aangenomen:"', () => {
    const q = letterQuestions(build([documentOf(MOTIE, 'motie')], false)).find((x) => x.about === 'dpia')!;
    expect(q.text).toBe('Als de motie wordt aangenomen: is er vooraf een DPIA uitgevoerd, en wat was de uitkomst? Kan de raad die inzien?');
  });

  it('other kinds keep their letter: no judgement, no "Als … wordt aangenomen"', () => {
    const letter = build([documentOf(MOTIE, 'raadsvoorstel')]);
    expect(letter.groups.some((g) => g.heading === 'Het oordeel van het college')).toBe(false);
    expect(letterText(letter)).not.toMatch(/wordt aangenomen|Het gaat om een/);
  });
});

describe('the rules word every safeguard and signal question for a proposal', () => {
  it('each with "{voorstel}" and a question mark', () => {
    const withFollowUp = [...rules.safeguards.safeguards, ...rules.safeguards.signals].filter((s) => s.followUp);
    for (const s of withFollowUp) {
      expect(s.proposal, s.id).toMatch(/\{voorstel\}/);
      expect(s.proposal, s.id).toMatch(/\?$/);
    }
  });
});

describe('the panel’s open points of a proposal', () => {
  const items = documentOf(MOTIE, 'motie').checklist!;
  const questions = proposalQuestions(rules.safeguards);

  it('ask what would come before carrying it out, for a motie and an amendement', () => {
    const motie = proposalChecklist(items, 'motie', questions);
    expect(motie.find((i) => i.id === 'dpia')!.ask).toBe('Als de motie wordt aangenomen: wordt er dan eerst een DPIA uitgevoerd, voordat de technologie wordt ingezet, en krijgt de raad de uitkomst te zien?');
    expect(proposalChecklist(items, 'Amendement', questions).find((i) => i.id === 'fg')!.ask).toMatch(/^Als het amendement wordt aangenomen: vraagt het college dan eerst advies/);
    // Only the question changes: status, passages and what is not asked stay.
    expect(motie.map((i) => [i.id, i.status, !!i.ask])).toEqual(items.map((i) => [i.id, i.status, !!i.ask]));
  });

  it('stay as they are for any other kind, or an unknown one', () => {
    expect(proposalChecklist(items, 'raadsvoorstel', questions)).toBe(items);
    expect(proposalChecklist(items, undefined, questions)).toBe(items);
  });
});

describe('the AP questions’ “Vraag het college” of a proposal', () => {
  const { assessment } = analyser.analyse(MOTIE, 'blocks');
  const questions = proposalQuestions(rules.safeguards);

  it('the same questions in the same order, worded for the motie', () => {
    for (const q of assessment.questions) {
      // The shared order gives the assessment's own list back.
      expect(followUpsOf(q)).toEqual(q.followUps);
      expect(proposalFollowUps(q, 'raadsvoorstel', questions)).toBe(q.followUps);
      const motie = proposalFollowUps(q, 'motie', questions);
      expect(motie).toHaveLength(q.followUps.length);
      for (const f of motie) expect(f).not.toMatch(DEPLOYED);
    }
    const ap2 = proposalFollowUps(assessment.questions.find((q) => q.id === 'ap-2')!, 'motie', questions);
    expect(ap2[0]).toBe('Als de motie wordt aangenomen: wordt er dan eerst een DPIA uitgevoerd, voordat de technologie wordt ingezet, en krijgt de raad de uitkomst te zien?');
  });
});
