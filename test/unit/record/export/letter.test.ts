// The letter a raadslid sends: built from what the document says (the real analyser and rules on a
// small raadsvoorstel), the reader's notes and flags, and corrections.
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../../../lib/core/analyse';
import type { StoredFlag, StoredNote } from '../../../../lib/record/db';
import { buildLetter, buildLetters, lettersText, escapeMarkdown, letterMarkdown, letterQuestions, letterText, type LetterDocument, type LetterInput } from '../../../../lib/record/export/letter';
import { labelsFromRules } from '../../../../lib/record/export/model';
import { checklistOf, snapshotItems, type Correction } from '../../../../lib/core/questions';
import { loadBuiltinRules } from '../../../../lib/core/rules';
import { concernsOf, letterSignals, selectionLetters } from '../../../../lib/extension/ui/letter-input';
import { proposalQuestions } from '../../../../lib/core/questions/proposal';

const rules = loadBuiltinRules();
const analyser = createAnalyser(rules);
const labels = labelsFromRules(rules);
const URL_A = 'https://zwolle.raadsinformatie.nl/document/1/raadsvoorstel-camera';

const VOORSTEL = [
  'Raadsvoorstel slimme camera’s Stationsplein',
  '',
  'Het college wil op het Stationsplein acht slimme camera’s plaatsen die drukte meten met een algoritme van de leverancier.',
  'Voor de camera’s is nog geen DPIA uitgevoerd.',
  'De functionaris gegevensbescherming wordt in het voorjaar geraadpleegd.',
  'De beelden worden 28 dagen bewaard.',
  'Cameratoezicht is hier noodzakelijk en proportioneel, omdat andere middelen niet hebben gewerkt.',
].join('\n');

function documentOf(text: string, extra: Partial<LetterDocument> = {}, corrections: Correction[] = []): LetterDocument {
  const { assessment } = analyser.analyse(text, 'wrapped');
  return {
    document: { url: URL_A, title: 'Slimme camera’s Stationsplein', gemeente: 'Zwolle', type: 'raadsvoorstel', meetingDate: '2026-05-20' },
    notes: [],
    flags: [],
    checklist: checklistOf(assessment.safeguards.found, assessment.safeguards.missing, corrections, rules),
    signals: letterSignals(assessment as never, rules),
    ...extra,
  };
}

const build = (documents: LetterDocument[]) =>
  buildLetter({ documents, labels, status: rules.status, concernsOf: concernsOf(rules), proposals: proposalQuestions(rules.safeguards), date: Date.UTC(2026, 4, 1, 12) });

const flag = (over: Partial<StoredFlag>): StoredFlag => ({
  id: '44444444-4444-4444-8444-444444444444',
  documentId: URL_A,
  kind: 'passage',
  reason: '',
  status: 'open',
  tags: [],
  createdAt: 1,
  updatedAt: 1,
  revision: 1,
  ...over,
});
const note = (over: Partial<StoredNote>): StoredNote => ({
  id: '55555555-5555-4555-8555-555555555555',
  documentId: URL_A,
  text: '',
  status: 'open',
  tags: [],
  createdAt: 2,
  updatedAt: 2,
  revision: 1,
  ...over,
});

describe('letter: what the document says leads, quoted as whole sentences', () => {
  const letter = build([documentOf(VOORSTEL)]);
  const questions = letterQuestions(letter);

  it('leads with what the document says was not done, then what it only announces', () => {
    expect(questions[0]).toMatchObject({ about: 'dpia', status: 'negated' });
    // The question asks "Laat het college die alsnog uitvoeren": the quote's lead does not name the college too.
    expect(questions[0]!.text).toBe(`In het raadsvoorstel staat: “Voor de camera’s is nog geen DPIA uitgevoerd.” ${rules.status.safeguards.dpia!.asks!.negated}`);
    expect(questions[1]).toMatchObject({ about: 'fg', status: 'planned' });
    expect(questions[1]!.text).toMatch(/^Het college schrijft in het raadsvoorstel: “De functionaris gegevensbescherming wordt in het voorjaar geraadpleegd\.” Wanneer geeft de FG/);
  });

  it('asks nothing about what the document says is done, and asks about what it does not mention', () => {
    expect(questions.some((q) => q.about === 'bewaartermijn' || q.about === 'noodzaak')).toBe(false);
    const alternatieven = questions.find((q) => q.about === 'alternatieven')!;
    expect(alternatieven.text).toMatch(/^Het raadsvoorstel noemt geen alternatieven\. Zijn er vooraf andere manieren onderzocht waarbij de gemeente geen of minder persoonsgegevens verwerkt/);
  });

  it('groups the questions per AP question, the group with the strongest question first, numbered straight through', () => {
    expect(letter.groups.map((g) => g.question)).toEqual(['ap-2', 'ap-1', 'ap-3']);
    // Only a group with what was not done, announced or done for part leads; the rest keep the AP's order.
    expect(letter.groups[0]!.heading).toBe('Waarom is de inzet van deze technologie noodzakelijk? (vraag 2 van de Autoriteit Persoonsgegevens)');
    const text = letterText(letter);
    const numbers = [...text.matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it('asks each concern once: a signal that a safeguard question covers asks nothing of its own', () => {
    // "leverancier" (signal) is covered by the privacy-by-design and verwerkersovereenkomst questions.
    expect(questions.some((q) => q.about === 'leverancier')).toBe(false);
    expect(new Set(questions.map((q) => q.text)).size).toBe(questions.length);
  });

  it('leaves the Reglement van orde article, naam, fractie and plaats as clear placeholders', () => {
    expect(letter.inleiding).toContain('op grond van artikel [artikel …] van het Reglement van orde voor de vergaderingen van de gemeenteraad van Zwolle');
    expect(letter.datum).toBe('[plaats], 1 mei 2026');
    expect(letter.ondertekening).toEqual(['Met vriendelijke groet,', '', '[naam]', 'Fractie [fractie]']);
  });

  it('fills in what the griffie set: article, fractie, its address, and the gemeente where the document names none', () => {
    const doc = documentOf(VOORSTEL);
    const withDefaults = (defaults: LetterInput['defaults'], d = doc) =>
      buildLetter({ documents: [d], labels, status: rules.status, concernsOf: concernsOf(rules), date: Date.UTC(2026, 4, 1, 12), defaults });
    const set = withDefaults({ gemeente: 'Voorbeeldstad', reglementArtikel: '41', fracties: ['D66'], griffieAddress: 'Postbus 1\n1234 AB Zwolle' });
    expect(set.inleiding).toContain('stelt de fractie van D66, op grond van artikel 41 van het Reglement van orde voor de vergaderingen van de gemeenteraad van Zwolle');
    expect(set.aan).toBe('Aan het college van burgemeester en wethouders van de gemeente Zwolle\nvia de griffie, Postbus 1, 1234 AB Zwolle');
    expect(set.ondertekening.at(-1)).toBe('Fractie D66');
    const nameless = { ...doc, document: { ...doc.document, gemeente: undefined } };
    expect(withDefaults({ gemeente: 'Voorbeeldstad' }, nameless).aan).toBe('Aan het college van burgemeester en wethouders van de gemeente Voorbeeldstad');
    expect(withDefaults({ fracties: ['VVD', 'D66'] }).ondertekening.at(-1)).toBe('Fractie [fractie: VVD / D66]');
    expect(withDefaults({}).inleiding).toContain('artikel [artikel …]');
  });
});

describe('letter: the reader’s notes and flags', () => {
  it('merges a note about a safeguard into its question, quoting the whole sentence the page gave', () => {
    const n = note({ text: 'Waarom wacht het college niet op de DPIA?', anchor: { exact: 'DPIA', prefix: 'is nog geen ', suffix: ' uitgevoerd.', start: 10, end: 14 }, question: 'ap-2' });
    const letter = build([documentOf(VOORSTEL, { notes: [n], sentences: new Map([[n.id, 'Voor de camera’s is nog geen DPIA uitgevoerd.']]) })]);
    const questions = letterQuestions(letter);
    const dpia = questions.filter((q) => q.about === 'dpia' || q.text.includes('Waarom wacht'));
    expect(dpia).toHaveLength(1);
    expect(dpia[0]!.text).toMatch(/“Voor de camera’s is nog geen DPIA uitgevoerd\.” .* Waarom wacht het college niet op de DPIA\?$/);
  });

  it('merges a note on another sentence into its safeguard’s question without naming the document or the college again', () => {
    const sentence = 'Het college wil op het Stationsplein acht slimme camera’s plaatsen die drukte meten met een algoritme van de leverancier.';
    const n = note({ text: 'Komt er ook een DPIA voor het algoritme?', anchor: { exact: 'algoritme', prefix: 'met een ', suffix: ' van', start: 90, end: 99 } });
    const q = letterQuestions(build([documentOf(VOORSTEL, { notes: [n], sentences: new Map([[n.id, sentence]]) })])).find((x) => x.about === 'dpia')!;
    expect(q.text).toBe(`In het raadsvoorstel staat: “Voor de camera’s is nog geen DPIA uitgevoerd.” ${rules.status.safeguards.dpia!.asks!.negated} Ook staat er: “${sentence}” Komt er ook een DPIA voor het algoritme?`);
  });

  it('gives a flag on another concern a question of its own, quoting the sentence and not the bare keyword', () => {
    const f = flag({ kind: 'match', termId: 'camera.camera', category: 'camera', question: 'ap-3', reason: 'Worden mensen herkend?', anchor: { exact: 'slimme camera’s', prefix: 'acht ', suffix: ' plaatsen', start: 40, end: 55 } });
    const sentence = 'Het college wil op het Stationsplein acht slimme camera’s plaatsen die drukte meten met een algoritme van de leverancier.';
    const letter = build([documentOf(VOORSTEL, { flags: [f], sentences: new Map([[f.id, sentence]]) })]);
    const q = letterQuestions(letter).find((x) => x.about === f.id)!;
    expect(q.text).toBe(`Het college schrijft in het raadsvoorstel: “${sentence}” Worden mensen herkend?`);
    expect(letter.groups.find((g) => g.vragen.includes(q))!.question).toBe('ap-3');
  });

  it('without the page, quotes the passage with the context it kept, marked as cut', () => {
    const f = flag({ reason: '', anchor: { exact: 'slimme camera’s', prefix: 'Stationsplein acht ', suffix: ' plaatsen die drukte', start: 40, end: 55 } });
    const q = letterQuestions(build([documentOf(VOORSTEL, { flags: [f] })])).find((x) => x.about === f.id)!;
    expect(q.text).toContain('“… Stationsplein acht slimme camera’s plaatsen die drukte …”');
  });

  it('without the page, quotes whole words only, and cuts at a list item’s or a block’s end', () => {
    // As a PDF viewer keeps a note on "gezichtsherkenning" in a motie's list: 32 characters each side.
    const text = 'de bestaande camera’s op en rond de boulevard uitgerust zouden moeten worden met gezichtsherkenning om dit mogelijk te maken;\nVan mening dat:';
    const at = text.indexOf('gezichtsherkenning');
    const anchor = { exact: 'gezichtsherkenning', prefix: text.slice(at - 32, at), suffix: text.slice(at + 18, at + 50), start: at, end: at + 18, page: 1 };
    expect(anchor.prefix).toBe('gerust zouden moeten worden met ');
    const f = flag({ reason: 'Mag dit?', anchor });
    const q = letterQuestions(build([documentOf(VOORSTEL, { flags: [f] })])).find((x) => x.about === f.id)!;
    expect(q.text).toBe('Het college schrijft in het raadsvoorstel (p. 1): “… zouden moeten worden met gezichtsherkenning om dit mogelijk te maken;” Mag dit?');
    const inBlock = flag({ reason: 'Mag dit?', anchor: { ...anchor, prefix: 'Verzoekt het college:\n- camera’s met ', suffix: ' uit te rusten\nEn gaat over tot' } });
    expect(letterQuestions(build([documentOf(VOORSTEL, { flags: [inBlock] })])).find((x) => x.about === f.id)!.text).toContain('“- camera’s met gezichtsherkenning uit te rusten”. Mag dit?');
  });

  it('closes a quoted title or list item with a full stop, so the question starts a sentence of its own', () => {
    const f = flag({ reason: 'Welke sensoren precies?', anchor: { exact: 'slimme camera’s', prefix: 'Raadsvoorstel ', suffix: ' Stationsplein', start: 14, end: 29 } });
    const title = 'Raadsvoorstel slimme camera’s Stationsplein';
    const q = letterQuestions(build([documentOf(VOORSTEL, { flags: [f], sentences: new Map([[f.id, title]]) })])).find((x) => x.about === f.id)!;
    expect(q.text).toBe(`Het college schrijft in het raadsvoorstel: “${title}”. Welke sensoren precies?`);
  });

  it('two flags on one sentence are one question', () => {
    const a = flag({ id: '66666666-6666-4666-8666-666666666666', reason: 'Wie kijkt mee?', anchor: { exact: 'acht', prefix: '', suffix: '', start: 1, end: 5 } });
    const b = flag({ id: '77777777-7777-4777-8777-777777777777', reason: 'Waarom acht?', anchor: { exact: 'Stationsplein', prefix: '', suffix: '', start: 6, end: 19 } });
    const sentence = 'Het college wil op het Stationsplein acht slimme camera’s plaatsen.';
    const q = letterQuestions(build([documentOf(VOORSTEL, { flags: [a, b], sentences: new Map([[a.id, sentence], [b.id, sentence]]) })]));
    const about = q.filter((x) => x.text.includes(sentence));
    expect(about).toHaveLength(1);
    expect(about[0]!.text).toMatch(/Wie kijkt mee\? Waarom acht\?$/);
  });
});

describe('letter: corrections decide', () => {
  it('a DPIA the reader corrects to done is no question any more; one corrected to not done leads', () => {
    const done = letterQuestions(build([documentOf(VOORSTEL, {}, [{ safeguard: 'dpia', status: 'stated' }])]));
    expect(done.some((q) => q.about === 'dpia')).toBe(false);
    expect(done[0]!.about).toBe('fg');
    const notDone = letterQuestions(build([documentOf(VOORSTEL, {}, [{ safeguard: 'bewaartermijn', status: 'negated' }])]));
    expect(notDone.slice(0, 2).map((q) => q.about)).toEqual(['dpia', 'bewaartermijn']);
    expect(notDone[1]!.text).toContain('“De beelden worden 28 dagen bewaard.”');
  });
});

describe('letter for a selection in "Alles": several documents, per gemeente', () => {
  it('one letter per gemeente, from the checklists kept with the documents and the reader’s corrections', () => {
    const { assessment } = analyser.analyse(VOORSTEL, 'wrapped');
    const items = snapshotItems(assessment.safeguards.found, assessment.safeguards.missing, rules);
    const docs = [
      { id: URL_A, url: URL_A, title: 'Slimme camera’s', gemeente: 'Zwolle', type: 'raadsvoorstel', checklist: { readAt: 1, items }, createdAt: 1, updatedAt: 1 },
      { id: 'https://zwolle.raadsinformatie.nl/document/2/motie', url: 'https://zwolle.raadsinformatie.nl/document/2/motie', title: 'Motie drones', gemeente: 'Zwolle', type: 'motie', createdAt: 1, updatedAt: 1 },
      { id: 'https://ede.nl/x', url: 'https://ede.nl/x', title: 'Brief sensoren', gemeente: 'Ede', createdAt: 1, updatedAt: 1 },
    ];
    const n = note({ documentId: docs[1]!.id, text: 'Worden de dronebeelden bewaard?' });
    const letters = selectionLetters({ documents: docs, notes: [n], flags: [] }, [], rules, 'onbekend');
    expect(letters.map((l) => l.gemeente)).toEqual(['Ede', 'Zwolle']);
    const zwolle = buildLetter({ ...letters[1]!.input, date: 0 });
    expect(zwolle.onderwerp).toBe('Schriftelijke vragen over 2 raadsstukken over technologie en privacy');
    expect(zwolle.inleiding).toContain('- het raadsvoorstel “Slimme camera’s”');
    expect(zwolle.inleiding).toContain('- de motie “Drones”');
    // The list of documents ends its line; what the questions follow is a paragraph of its own.
    expect(zwolle.inleiding).toMatch(/\n- de motie “Drones” \(https:\/\/zwolle\.raadsinformatie\.nl\/document\/2\/motie\)\n\nDe vragen volgen de drie vragen die de Autoriteit Persoonsgegevens/);
    // The motie is a proposal: said in the opening, and the college's judgement of it asked first.
    expect(zwolle.inleiding).toContain('Een motie is een verzoek of uitspraak van de raad, geen inzet van technologie die al plaatsvindt. De motie “Drones” is een voorstel aan de raad; daarover vraagt deze brief hoe het college die beoordeelt');
    const questions = letterQuestions(zwolle);
    expect(questions[0]!.text).toBe('Hoe beoordeelt het college de motie “Drones”, en kan die worden uitgevoerd binnen de privacywetgeving (AVG)?');
    // In a letter about several documents each quote names its document.
    expect(questions[1]!.text).toMatch(/^In het raadsvoorstel “Slimme camera’s” staat: “Voor de camera’s is nog geen DPIA uitgevoerd\.”/);
    expect(questions.some((q) => q.text === 'Worden de dronebeelden bewaard?')).toBe(true);
  });
});

describe('letter for a selection in "Alles": addressed as the documents ask', () => {
  const MOTIE_URL = 'https://zwolle.raadsinformatie.nl/document/3/motie-cameras';
  const motie = (addressee?: 'college' | 'burgemeester') => ({
    id: MOTIE_URL, url: MOTIE_URL, title: 'Motie camera’s boulevard', gemeente: 'Zwolle', type: 'motie', createdAt: 1, updatedAt: 1,
    ...(addressee ? { addressee } : {}),
  });
  const voorstel = { id: URL_A, url: URL_A, title: 'Slimme camera’s', gemeente: 'Zwolle', type: 'raadsvoorstel', createdAt: 1, updatedAt: 1 };
  const letterFor = (documents: ReturnType<typeof motie>[]) => {
    const [only] = selectionLetters({ documents, notes: [note({ documentId: MOTIE_URL, text: 'Mag dit wel?' })], flags: [] }, [], rules, 'onbekend');
    return buildLetter({ ...only!.input, date: 0 });
  };

  it('a motie kept as asking the burgemeester: the letter goes to the burgemeester, and asks the burgemeester', () => {
    const letter = letterFor([motie('burgemeester')]);
    expect(letter.aan).toBe('Aan de burgemeester van de gemeente Zwolle');
    expect(letter.inleiding.startsWith('Geachte burgemeester,')).toBe(true);
    expect(letterQuestions(letter)[0]!.text).toBe('Hoe beoordeelt de burgemeester de motie, en kan die worden uitgevoerd binnen de privacywetgeving (AVG)?');
    expect(letterText(letter)).not.toMatch(/\bcollege\b/);
  });

  it('the college where a document asks the college, where one of several does, and for a record kept before the addressee was', () => {
    for (const documents of [[motie('college')], [motie()], [motie('burgemeester'), voorstel]]) {
      const letter = letterFor(documents);
      expect(letter.aan).toBe('Aan het college van burgemeester en wethouders van de gemeente Zwolle');
      expect(letter.inleiding.startsWith('Geacht college,')).toBe(true);
    }
  });
});

describe('letter for a selection in "Alles": asks as the raad’s outcome of a motie says', () => {
  const MOTIE_URL = 'https://zwolle.raadsinformatie.nl/document/4/motie-drones';
  const MOTIE = ['Motie drones boven evenementen', '', 'De raad verzoekt het college drones met camera’s in te zetten bij grote evenementen.', 'Voor de drones is geen DPIA uitgevoerd.'].join('\n');
  const { assessment } = analyser.analyse(MOTIE, 'wrapped');
  const items = snapshotItems(assessment.safeguards.found, assessment.safeguards.missing, rules);
  const letterFor = (decision?: 'aangenomen' | 'verworpen' | 'ingetrokken', addressee?: 'burgemeester', decisionFrom?: 'text' | 'list') => {
    const motie = {
      id: MOTIE_URL, url: MOTIE_URL, title: 'Motie drones', gemeente: 'Zwolle', type: 'motie', checklist: { readAt: 1, items }, createdAt: 1, updatedAt: 1,
      ...(decision ? { decision } : {}),
      ...(decisionFrom ? { decisionFrom } : {}),
      ...(addressee ? { addressee } : {}),
    };
    const [only] = selectionLetters({ documents: [motie], notes: [note({ documentId: MOTIE_URL, text: 'Mag dit wel?' })], flags: [] }, [], rules, 'onbekend');
    return buildLetter({ ...only!.input, date: 0 });
  };

  it('a motie kept as rejected or withdrawn: no question about carrying it out, as the panel’s letter', () => {
    for (const decision of ['verworpen', 'ingetrokken'] as const) {
      const letter = letterFor(decision);
      const text = letterText(letter);
      expect(text).not.toMatch(/wordt aangenomen|uitvoert|wordt uitgevoerd|uitvoeren/);
      expect(letterQuestions(letter).map((q) => q.text)).toEqual(['Mag dit wel?']);
    }
    expect(letterText(letterFor('verworpen'))).toContain('De raad heeft de motie verworpen');
  });

  it('an outcome the kept motie learnt from a list says so, as the panel’s line does; one from its own text does not', () => {
    const listed = letterFor('verworpen', undefined, 'list');
    expect(letterText(listed)).toContain('De raad heeft de motie verworpen (zo staat het in de lijst; de motie zelf zegt het niet): niemand voert haar uit, dus deze brief vraagt niet naar de uitvoering.');
    expect(letterQuestions(listed).map((q) => q.text)).toEqual(['Mag dit wel?']);
    expect(letterText(letterFor('ingetrokken', undefined, 'list'))).toContain('De motie is ingetrokken (zo staat het in de lijst; de motie zelf zegt het niet): niemand');
    expect(letterText(letterFor('aangenomen', undefined, 'list'))).toContain('De raad heeft de motie aangenomen (zo staat het in de lijst; de motie zelf zegt het niet).');
    expect(letterText(letterFor('verworpen', undefined, 'text'))).toContain('De raad heeft de motie verworpen: niemand');
  });

  it('a motie kept as adopted: asks what comes before it is carried out; one kept without an outcome is asked as a proposal', () => {
    const adopted = letterText(letterFor('aangenomen'));
    expect(adopted).toContain('De raad heeft de motie aangenomen.');
    expect(adopted).toContain('Wordt er, voordat het college de motie uitvoert, eerst een DPIA uitgevoerd, en krijgt de raad de uitkomst te zien?');
    expect(adopted).not.toMatch(/Als de motie wordt aangenomen/);
    // Asking the burgemeester, no name twice in a question: "voordat de motie wordt uitgevoerd".
    const mayor = letterQuestions(letterFor('aangenomen', 'burgemeester')).map((q) => q.text);
    expect(mayor.some((q) => /voordat de motie wordt uitgevoerd/.test(q))).toBe(true);
    expect(mayor.join('\n')).not.toMatch(/Als de motie wordt aangenomen/);
    expect(letterText(letterFor())).toMatch(/Als de motie wordt aangenomen: wordt er dan eerst een DPIA uitgevoerd/);
  });
});

describe('letter as Markdown: page text cannot become markup', () => {
  it('escapes headings, links, HTML and emphasis in quoted text and the reader’s words', () => {
    expect(escapeMarkdown('# Kop [x](javascript:alert(1)) <img src=x onerror=alert(1)> *vet* _schuin_ `code` &amp;')).toBe(
      '\\# Kop \\[x\\](javascript:alert(1)) \\<img src=x onerror=alert(1)\\> \\*vet\\* \\_schuin\\_ \\`code\\` \\&amp;',
    );
    const hostile = `${VOORSTEL}\nEr is geen DPIA [klik](javascript:alert(1)) <img onerror=x> # Kop gedaan.`;
    const md = letterMarkdown(build([documentOf(hostile)]));
    expect(md).not.toMatch(/(^|[^\\])\[klik\]/);
    expect(md).not.toMatch(/(^|[^\\])<img/);
    expect(md).toMatch(/\n### Waarom is de inzet/);
    expect(md).toMatch(/\n1\. In het raadsvoorstel staat/);
  });
});

describe('letter: a safeguard the document does not mention, said with the document’s own article', () => {
  const MOTIE = 'Verzoekt de burgemeester de camera’s op de boulevard uit te rusten met gezichtsherkenning.';
  const absentOf = (type: string, several = false) => {
    const one = documentOf(MOTIE, { document: { url: URL_A, title: 'Motie gezichtsherkenning boulevard', gemeente: 'Zwolle', type } });
    const docs = several ? [one, documentOf(VOORSTEL, { document: { url: 'https://zwolle.raadsinformatie.nl/document/2/b', title: 'Tweede stuk', gemeente: 'Zwolle', type: 'raadsvoorstel' } })] : [one];
    return letterQuestions(build(docs)).find((q) => q.about === 'dpia' && q.status === 'absent')!.text;
  };

  it('"de brief", "de besluitenlijst", "het raadsvoorstel"; plural kinds take a plural verb', () => {
    expect(absentOf('brief')).toMatch(/^De brief noemt geen DPIA\. /);
    expect(absentOf('besluitenlijst')).toMatch(/^De besluitenlijst noemt geen /);
    // A Gemeenteblad permit announcement (portals/officielebekendmakingen.ts).
    expect(absentOf('bekendmaking')).toMatch(/^De bekendmaking noemt geen DPIA\. /);
    expect(absentOf('raadsvoorstel')).toMatch(/^Het raadsvoorstel noemt geen /);
    expect(absentOf('notulen')).toMatch(/^De notulen noemen geen DPIA\. /);
    expect(absentOf('schriftelijke vragen')).toMatch(/^De schriftelijke vragen noemen geen /);
  });

  it('in a letter about several documents, names the document after its kind', () => {
    expect(absentOf('brief', true)).toMatch(/^De brief “Motie gezichtsherkenning boulevard” noemt geen DPIA\. /);
    expect(absentOf('schriftelijke vragen', true)).toMatch(/^De schriftelijke vragen “Motie gezichtsherkenning boulevard” noemen geen /);
  });
});

describe('letter: a document without questions', () => {
  it('has one placeholder question under "Vragen", without a second heading', () => {
    const letter = build([{ document: { url: URL_A, title: 'Besluitenlijst', gemeente: 'Zwolle', type: 'besluitenlijst' }, notes: [], flags: [], checklist: [] }]);
    expect(letterText(letter)).toMatch(/\nVragen\n\n1\. \[vraag\]\n/);
    expect(letterMarkdown(letter)).toMatch(/\n## Vragen\n\n1\. \\\[vraag\\\]\n/);
  });
});

describe('letter: a document without technology, asked about in the reader’s own words', () => {
  // As a besluitenlijst about other matters gets a note of the reader's own (structure of the real
  // GO besluitenlijst: no technology, a whole-document note, no AP question chosen).
  const besluitenlijst = (notes: StoredNote[]) => build([{ document: { url: URL_A, title: 'Besluitenlijst raad 3 maart 2026', gemeente: 'Zwolle', type: 'besluitenlijst', meetingDate: '2026-03-03' }, notes, flags: [], checklist: [] }]);

  it('does not claim its questions follow the AP’s handreiking, and puts no "Overige vragen" above the only ones', () => {
    const letter = besluitenlijst([note({ text: 'Waarom is het besluit over de verordening uitgesteld?' })]);
    const text = letterText(letter);
    expect(text).toMatch(/\nVragen\n\n1\. Waarom is het besluit over de verordening uitgesteld\?\n/);
    expect(text).not.toContain('Overige vragen');
    expect(text).not.toContain('handreiking');
    expect(letterMarkdown(letter)).not.toContain('handreiking');
  });

  it('names the handreiking and keeps "Overige vragen" once an AP question is asked beside them', () => {
    const letter = besluitenlijst([
      note({ text: 'Waarom is het besluit over de verordening uitgesteld?' }),
      note({ id: '88888888-8888-4888-8888-888888888888', text: 'Zijn inwoners geïnformeerd?', question: 'ap-3' }),
    ]);
    const text = letterText(letter);
    expect(text).toContain('Overige vragen');
    expect(text).toContain(`De vragen volgen mede de handreiking “${labels.source!.title}”`);
  });
});

describe('letter: what a raadslid would otherwise rewrite', () => {
  it('quotes a word hyphenated at a line end whole, and a passage once', () => {
    const text = ['Raadsvoorstel geluidssensoren', '', 'Een DPIA is voor de sensoren nog niet uitge-', 'voerd; de functio-', 'naris gegevensbescherming heeft het voorstel nog niet gezien.'].join('\n');
    const questions = letterQuestions(build([documentOf(text)]));
    const dpia = questions.findIndex((q) => q.about === 'dpia');
    expect(questions[dpia]!.text).toContain('“Een DPIA is voor de sensoren nog niet uitgevoerd; de functionaris gegevensbescherming heeft het voorstel nog niet gezien.”');
    // The FG's question is about the same sentence: it refers to the question that quoted it.
    const fg = questions.find((q) => q.about === 'fg')!;
    expect(fg.text).not.toContain('“');
    // A word left out before a conjunction keeps its hyphen.
    const kept = letterQuestions(build([documentOf(['Raadsvoorstel slimme camera’s', '', 'Het college wil slimme camera’s plaatsen.', 'Er is geen DPIA voor de in-', 'en uitvoer van gegevens.'].join('\n'))])).find((q) => q.about === 'dpia')!;
    expect(kept.text).toContain('“Er is geen DPIA voor de in- en uitvoer van gegevens.”');
    expect(fg.text).toMatch(new RegExp(`\\(Over dezelfde passage als vraag ${dpia + 1}\\.\\)$`));
  });

  it('names the besluit an adopted amendement changed, in a letter about several documents', () => {
    const amendement = documentOf(VOORSTEL, { document: { url: 'https://zwolle.raadsinformatie.nl/document/3/amendement', title: 'Camera’s met waarborgen', gemeente: 'Zwolle', type: 'amendement' }, decision: 'aangenomen' });
    const letter = buildLetter({ documents: [amendement, documentOf(VOORSTEL)], labels, status: rules.status, concernsOf: concernsOf(rules), proposals: proposalQuestions(rules.safeguards), adopted: proposalQuestions(rules.safeguards, 'aangenomen'), date: Date.UTC(2026, 4, 1, 12) });
    const questions = letterQuestions(letter);
    expect(questions[0]!.text).toBe('Hoe gaat het college het door het amendement “Camera’s met waarborgen” gewijzigde besluit uitvoeren, en hoe zorgt het ervoor dat de uitvoering binnen de privacywetgeving (AVG) blijft?');
    for (const q of questions) if (/gewijzigde besluit/.test(q.text)) expect(q.text).toContain('het door het amendement “Camera’s met waarborgen” gewijzigde besluit');
    // Adopted: the opening says it is carried out, not judged.
    expect(letter.inleiding).toContain('De raad heeft het amendement “Camera’s met waarborgen” aangenomen: de vragen daarover gaan over wat het college doet voordat het daarmee gewijzigde besluit wordt uitgevoerd');
    expect(letter.inleiding).not.toContain('beoordeelt');
  });

  it('does not say the kind twice when the title opens with it ("de motie “Motie …”")', () => {
    const of = (title: string, type: string, n: number) => documentOf(VOORSTEL, { document: { url: `https://zwolle.raadsinformatie.nl/document/${n}/x`, title, gemeente: 'Zwolle', type } });
    const docs = [of('Motie camera’s boulevard', 'motie', 1), of('Amendement: camera’s met waarborgen', 'amendement', 2), of('Raadsinformatiebrief cameratoezicht Stationsplein', 'raadsinformatiebrief', 3), of('Motie van treurnis', 'motie', 4)];
    const words = { labels, status: rules.status, concernsOf: concernsOf(rules), proposals: proposalQuestions(rules.safeguards), date: Date.UTC(2026, 4, 1, 12) };
    const texts = [lettersText(buildLetters({ ...words, documents: docs })), ...docs.map((d) => lettersText(buildLetters({ ...words, documents: [d] })))];
    for (const text of texts) expect(text).not.toMatch(/\b(?:de|het) (motie|amendement|raadsinformatiebrief) “\1\b/i);
    const several = texts[0]!;
    expect(several).toContain('- de motie “Camera’s boulevard” (https://zwolle.raadsinformatie.nl/document/1/x)');
    expect(several).toContain('het amendement “Camera’s met waarborgen”');
    expect(several).toContain('De raadsinformatiebrief “Cameratoezicht Stationsplein” noemt');
    // Without its kind the title would say something else: it stays whole, after the article alone.
    expect(several).toContain('de “Motie van treurnis”');
    expect(texts[1]).toContain('Naar aanleiding van de motie “Camera’s boulevard” (https://zwolle.raadsinformatie.nl/document/1/x)');
    // The subject line names the title as it is.
    expect(texts[1]).toContain('Onderwerp: Schriftelijke vragen over “Motie camera’s boulevard”');
  });
});
