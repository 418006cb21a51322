// A letter to the burgemeester where the document is his or her matter: a motie whose dictum asks
// the burgemeester, a raadsvoorstel about cameratoezicht under artikel 151c Gemeentewet. It is
// addressed so, and every question it words itself says "de burgemeester", never "het college";
// the reader's own words and the document's quotes stay as they are. Texts in the form raden use,
// none a real document.
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../../../lib/core/analyse';
import { buildLetter, buildLetters, letterQuestions, letterText, lettersMarkdown, lettersText } from '../../../../lib/record/export/letter';
import { labelsFromRules } from '../../../../lib/record/export/model';
import { checklistOf } from '../../../../lib/core/questions';
import { loadBuiltinRules } from '../../../../lib/core/rules';
import { documentLetterInput } from '../../../../lib/extension/ui/letter-input';
import { documentOpening } from '../../../../lib/core/questions/document-kind';
import { documentKindRules } from '../../../../lib/core/rules/document-kind';
import { templateFor, textFor } from '../../../../lib/core/questions/addressee';
import { decisionLine, proposalChecklist, proposalFollowUps, proposalQuestions } from '../../../../lib/core/questions/proposal';

const rules = loadBuiltinRules();
const analyser = createAnalyser(rules);
const URL = 'https://veendorp.raadsinformatie.nl/document/777/1/Motie+camera%27s';

const MOTIE = [
  'Uitslag: {uitslag}',
  'De raad van de gemeente Veendorp, in vergadering bijeen op 20 mei 2026,',
  'Overwegende dat:',
  '- camera’s met gezichtsherkenning relschoppers snel kunnen opsporen;',
  '{dictum}',
  '- de camera’s op de boulevard uit te rusten met gezichtsherkenning;',
  'En gaat over tot de orde van de dag.',
].join('\n');

const VOORSTEL = [
  'Raadsvoorstel cameratoezicht stationsgebied',
  'Voorgesteld besluit: de burgemeester op grond van artikel 151c van de Gemeentewet bevoegd te verklaren tot cameratoezicht in het stationsgebied.',
  'Het college stelt voor de camerabeelden 28 dagen te bewaren. Er is geen DPIA uitgevoerd.',
].join('\n');

function letterOf(text: string, title: string, notes: unknown[] = []) {
  const { assessment } = analyser.analyse(text, 'blocks');
  const opening = documentOpening(text, documentKindRules());
  const checklist = checklistOf(assessment.safeguards.found, assessment.safeguards.missing, [], rules);
  const input = documentLetterInput({ document: { url: URL, title, gemeente: 'Veendorp', ...(opening.kind ? {} : { type: 'raadsvoorstel' }) }, notes: notes as never, flags: [], checklist, assessment: assessment as never, opening }, rules);
  return { opening, letter: buildLetter({ ...input, date: Date.UTC(2026, 4, 21, 12) }) };
}

const motie = (dictum: string, uitslag = '') => MOTIE.replace('{dictum}', dictum).replace('{uitslag}', uitslag);

describe('a motie that asks the burgemeester', () => {
  for (const uitslag of ['', 'Aangenomen']) {
    it(`is addressed to the burgemeester, and no question says “het college” (${uitslag || 'outcome unknown'})`, () => {
      const { opening, letter } = letterOf(motie('Verzoekt de burgemeester:', uitslag), 'Motie camera’s boulevard');
      expect(opening.addressee).toBe('burgemeester');
      expect(letter.aan).toBe('Aan de burgemeester van de gemeente Veendorp');
      expect(letter.inleiding.startsWith('Geachte burgemeester,\n\n')).toBe(true);
      expect(letter.inleiding).not.toMatch(/\bcollege\b/i);
      expect(letter.groups[0]!.heading).toBe('Het oordeel van de burgemeester');
      const questions = letterQuestions(letter);
      expect(questions.length).toBeGreaterThan(4);
      for (const q of questions) expect(q.text).not.toMatch(/\bcollege\b/i);
      expect(questions.map((q) => q.text).join(' ')).toContain('de burgemeester');
      // No pronoun left over from the college ("voordat het de motie uitvoert", "hoe zorgt het ervoor").
      expect(letterText(letter)).not.toMatch(/voordat het de motie|zorgt het ervoor/);
    });
  }

  it('the same motie asking the college: its letter as before, to the college', () => {
    const { opening, letter } = letterOf(motie('Verzoekt het college:'), 'Motie camera’s boulevard');
    expect(opening.addressee).toBeUndefined();
    expect(letter.aan).toBe('Aan het college van burgemeester en wethouders van de gemeente Veendorp');
    expect(letter.inleiding.startsWith('Geacht college,')).toBe(true);
    expect(letterQuestions(letter)[0]!.text).toBe('Hoe beoordeelt het college de motie, en kan die worden uitgevoerd binnen de privacywetgeving (AVG)?');
  });
});

describe('a raadsvoorstel about cameratoezicht under artikel 151c', () => {
  it('goes to the burgemeester; quotes are not said to be the college’s; the reader’s words stay', () => {
    const note = { id: 'n1', documentId: 'd', text: 'Heeft het college hier zelf over besloten', tags: [], createdAt: 1, updatedAt: 1 };
    const { opening, letter } = letterOf(VOORSTEL, 'Raadsvoorstel cameratoezicht stationsgebied', [note]);
    expect(opening).toEqual({ addressee: 'burgemeester' });
    expect(letter.aan).toBe('Aan de burgemeester van de gemeente Veendorp');
    const texts = letterQuestions(letter).map((q) => q.text);
    const dpia = texts.find((t) => t.includes('Er is geen DPIA uitgevoerd'))!;
    expect(dpia.startsWith('In het raadsvoorstel staat: “')).toBe(true);
    expect(texts.join(' ')).not.toMatch(/Het college schrijft/);
    // The reader's own question keeps its words; only the question Raadslens adds is the burgemeester's.
    expect(texts).toContain('Heeft het college hier zelf over besloten. Kan de burgemeester hierop ingaan?');
    for (const t of texts.filter((x) => !x.includes('Heeft het college'))) expect(t.replace(/“[^”]*”/g, '')).not.toMatch(/\bcollege\b/i);
  });
});

describe('several documents', () => {
  it('one letter per addressee: the burgemeester’s documents and the college’s make two letters', () => {
    const one = letterOf(motie('Verzoekt de burgemeester:'), 'A');
    const input = (texts: string[]) => {
      const docs = texts.map((t, i) => {
        const { assessment } = analyser.analyse(t, 'blocks');
        const opening = documentOpening(t, documentKindRules());
        const checklist = checklistOf(assessment.safeguards.found, assessment.safeguards.missing, [], rules);
        return documentLetterInput({ document: { url: `${URL}${i}`, title: `M${i}`, gemeente: 'Veendorp' }, notes: [], flags: [], checklist, assessment: assessment as never, opening }, rules);
      });
      return { ...docs[0]!, documents: docs.flatMap((d) => d.documents) };
    };
    expect(one.letter.aan.startsWith('Aan de burgemeester')).toBe(true);
    // All the burgemeester's: one letter to the burgemeester about both.
    const mayors = buildLetters(input([motie('Verzoekt de burgemeester:'), VOORSTEL]));
    expect(mayors.map((l) => l.aan.split(' van ')[0])).toEqual(['Aan de burgemeester']);
    expect(lettersText(mayors)).toBe(letterText(mayors[0]!));

    // Mixed (the college's motie listed first): two letters, the burgemeester's first, each with its
    // own address, salutation, numbering and Reglement-van-orde placeholder; the burgemeester's
    // questions are not in the college's letter.
    const mixed = buildLetters({ ...input([motie('Verzoekt het college:'), motie('Verzoekt de burgemeester:')]), date: Date.UTC(2026, 4, 21, 12) });
    expect(mixed.map((l) => [l.to, l.aan])).toEqual([
      ['burgemeester', 'Aan de burgemeester van de gemeente Veendorp'],
      ['college', 'Aan het college van burgemeester en wethouders van de gemeente Veendorp'],
    ]);
    const [toMayor, toCollege] = mixed;
    for (const q of letterQuestions(toMayor!)) expect(q.text).not.toMatch(/\bcollege\b/i);
    expect(letterQuestions(toMayor!)[0]!.text).toBe('Hoe beoordeelt de burgemeester de motie, en kan die worden uitgevoerd binnen de privacywetgeving (AVG)?');
    expect(letterQuestions(toCollege!)[0]!.text).toBe('Hoe beoordeelt het college de motie, en kan die worden uitgevoerd binnen de privacywetgeving (AVG)?');
    expect(toMayor!.inleiding).toContain('(https://veendorp.raadsinformatie.nl/document/777/1/Motie+camera%27s1)');
    expect(toCollege!.inleiding).toContain('(https://veendorp.raadsinformatie.nl/document/777/1/Motie+camera%27s0)');

    // One text (copy and download carry both): said plainly above them, then each letter whole.
    const text = lettersText(mixed);
    expect(text.startsWith('Twee brieven: aan de burgemeester over de motie “M1”, aan het college over de motie “M0”. Verstuur ze apart.\n\nAan de burgemeester van de gemeente Veendorp\n')).toBe(true);
    expect(text).toContain(`${letterText(toMayor!)}\n* * *\n\n${letterText(toCollege!)}`);
    expect(text.match(/^Geachte burgemeester,$|^Geacht college,$/gm)).toEqual(['Geachte burgemeester,', 'Geacht college,']);
    expect(text.match(/^1\. /gm)).toHaveLength(2);
    expect(text.match(/artikel \[artikel …\] van het Reglement van orde/g)).toHaveLength(2);
    const md = lettersMarkdown(mixed);
    expect(md.startsWith('**Twee brieven: aan de burgemeester over de motie “M1”, aan het college over de motie “M0”. Verstuur ze apart.**\n\nAan de burgemeester')).toBe(true);
    expect(md).toContain('\n* * *\n\nAan het college van burgemeester en wethouders');
  });
});

describe('the wording', () => {
  it('the college as a subject or object becomes the burgemeester; other words with “college” stay', () => {
    expect(textFor('Acht het college dit nodig, volgens het college?', 'burgemeester')).toBe('Acht de burgemeester dit nodig, volgens de burgemeester?');
    expect(textFor('Het college en het collegeprogramma', 'burgemeester')).toBe('De burgemeester en het collegeprogramma');
    expect(textFor('Acht het college dit nodig?', 'college')).toBe('Acht het college dit nodig?');
    expect(templateFor('Vraagt het college, voordat het {uitvoert}, eerst advies?', 'burgemeester')).toBe('Vraagt de burgemeester, voordat {uitgevoerd}, eerst advies?');
  });
});

describe('the panel says it as the letter does', () => {
  it('open points, AP follow-ups and the decision line ask the burgemeester, a motie’s or a raadsvoorstel’s', () => {
    for (const [text, kind] of [[motie('Verzoekt de burgemeester:', 'Aangenomen'), 'motie'], [VOORSTEL, 'raadsvoorstel']] as const) {
      const { assessment } = analyser.analyse(text, 'blocks');
      const opening = documentOpening(text, documentKindRules());
      const checklist = checklistOf(assessment.safeguards.found, assessment.safeguards.missing, [], rules);
      const questions = proposalQuestions(rules.safeguards, opening.decision);
      const items = proposalChecklist(checklist, kind, questions, opening.decision, opening.addressee);
      const asks = items.flatMap((i) => (i.ask ? [i.ask] : []));
      expect(asks.length).toBeGreaterThan(3);
      for (const a of asks) expect(a).not.toMatch(/\bcollege\b/i);
      for (const q of assessment.questions) for (const f of proposalFollowUps(q, kind, questions, opening.decision, opening.addressee)) expect(f).not.toMatch(/\bcollege\b/i);
    }
    expect(decisionLine('motie', 'aangenomen', 'burgemeester')).toBe('De raad heeft de motie aangenomen. De vragen gaan over wat de burgemeester doet voordat de motie wordt uitgevoerd.');
    // Asked of the college: as before, the very same list for a document that is no proposal.
    const plain = checklistOf([], [], [], rules);
    expect(proposalChecklist(plain, 'raadsvoorstel', {}, undefined, undefined)).toBe(plain);
  });
});

describe('the meeting a motie was submitted in', () => {
  it('“ingediend in de vergadering van …” for a motie, “geagendeerd voor” for a raadsvoorstel', () => {
    const doc = (type: string) => ({ document: { url: URL, title: 'T', gemeente: 'Veendorp', type, meetingDate: '2025-06-12' }, notes: [], flags: [] });
    const base = { labels: labelsFromRules(rules), status: rules.status };
    expect(buildLetter({ ...base, documents: [doc('motie')] }).inleiding).toContain('(https://veendorp.raadsinformatie.nl/document/777/1/Motie+camera%27s), ingediend in de vergadering van 12 juni 2025, stelt');
    expect(buildLetter({ ...base, documents: [doc('raadsvoorstel')] }).inleiding).toContain(', geagendeerd voor de vergadering van 12 juni 2025, stelt');
  });

  it('a besluitenlijst, the notulen or the agenda is of the meeting, not put on its agenda (the Den Helder besluitenlijst)', () => {
    const doc = (type: string) => ({ document: { url: URL, title: 'Besluitenlijst raad 29 juni 2015', gemeente: 'Den Helder', type, meetingDate: '2015-06-29' }, notes: [], flags: [] });
    const base = { labels: labelsFromRules(rules), status: rules.status };
    for (const kind of ['besluitenlijst', 'notulen', 'agenda']) {
      const opening = buildLetter({ ...base, documents: [doc(kind)] }).inleiding;
      expect(opening).toContain('), van de vergadering van 29 juni 2015, stelt');
      expect(opening).not.toContain('geagendeerd');
    }
    // A raadsinformatiebrief or a beantwoording is put on the agenda.
    for (const kind of ['raadsinformatiebrief', 'beantwoording']) expect(buildLetter({ ...base, documents: [doc(kind)] }).inleiding).toContain(', geagendeerd voor de vergadering van 29 juni 2015, stelt');
  });
});
