// A letter made in "Alles" from a stored document words it as the panel's letter does: the record
// keeps the technology the document's matches showed, its portal and the ids of the signals the
// letter asks about (issue 13 item 3), so the questions name "het algoritme" where the panel's do,
// the follow-up questions of its signals (a leverancier, a proefproject, kinderen) are asked, and a
// Staatscourant publication is asked what it means for the gemeente, as a Kamerstuk is. Each document of the compose-golden set is read,
// stored through the record's own writer (as the panel stores a document it keeps) and read back;
// its Alles letter is compared with the panel's letter of the same read, whole.
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../../../lib/core/analyse';
import { checklistOf, snapshotItems } from '../../../../lib/core/questions/checklist';
import { shownCategories } from '../../../../lib/core/questions/technology';
import { askedSignalIds } from '../../../../lib/core/questions/signals';
import { loadBuiltinRules } from '../../../../lib/core/rules';
import { documentsRepo } from '../../../../lib/record/db';
import { documentFacts, type PortalFacts } from '../../../../lib/record/document-meta';
import { keepChecklistSnapshot, keepDocument } from '../../../../lib/record/writer';
import { buildLetters, lettersText, letterQuestions, type LetterInput } from '../../../../lib/record/export/letter';
import { documentLetterInput, selectionLetters } from '../../../../lib/extension/ui/letter-input';
import { documentOpening } from '../../../../lib/core/questions/document-kind';
import { documentKindRules } from '../../../../lib/core/rules/document-kind';
import type { StoredDocument } from '../../../../lib/record/db/schema';
import { goldenDocuments, textOf } from '../../support/golden-documents';
import { useFreshDatabase } from '../db/helpers';
import { STUDY_MOTIE } from '../../support/study-motie';

useFreshDatabase();

const rules = loadBuiltinRules();
const analyser = createAnalyser(rules);
const DATE = Date.UTC(2026, 2, 12);
const COMBINED = /het algoritme of (het )?herkenningssysteem/i;

/** The panel's letter for a document read now: its facts, its checklist, the technology its matches show and its signals' questions (`withSignals` false: without them). */
function panelLetter(url: string, portal: PortalFacts, text: string, withSignals = true): { text: string; input: LetterInput } {
  const { assessment } = analyser.analyse(text, 'wrapped');
  const checklist = assessment.hasTechnology ? checklistOf(assessment.safeguards.found, assessment.safeguards.missing, [], rules) : [];
  const input = documentLetterInput({ document: documentFacts(url, portal.title ?? url, portal), notes: [], flags: [], checklist, assessment: assessment as never }, rules);
  const read = { ...input, documents: withSignals ? input.documents : input.documents.map((d) => ({ ...d, signals: [] })), date: DATE };
  return { text: lettersText(buildLetters(read)), input: read };
}

/** The same read kept as the panel keeps it (the writer, with the snapshot, categories, signals and portal), read back from the record. */
async function storedDocument(url: string, portal: PortalFacts, text: string): Promise<StoredDocument> {
  const { assessment } = analyser.analyse(text, 'wrapped');
  const id = await keepDocument(documentFacts(url, portal.title ?? url, portal));
  if (assessment.hasTechnology) {
    await keepChecklistSnapshot(id, snapshotItems(assessment.safeguards.found, assessment.safeguards.missing, rules), undefined, undefined, undefined, { categories: shownCategories(assessment), signals: askedSignalIds(assessment), portal: portal.portal });
  }
  return (await documentsRepo.get(id))!;
}

function allesLetter(doc: StoredDocument): string {
  const [only, ...more] = selectionLetters({ documents: [doc], notes: [], flags: [] }, [], rules, 'onbekend');
  expect(more).toEqual([]);
  return lettersText(buildLetters({ ...only!.input, date: DATE }));
}

describe('the Alles letter of a stored document', () => {
  it('is the panel’s letter of the same read, for every compose-golden document', { timeout: 300_000 }, async () => {
    let named = 0;
    let combinedInOld = 0;
    let signalled = 0;
    const differ: string[] = [];
    const differOld: string[] = [];
    for (const [i, d] of goldenDocuments.entries()) {
      const text = await textOf(d.file);
      const url = `https://gemeente.bestuurlijkeinformatie.nl/document/${i}`;
      const portal: PortalFacts = { portal: 'ibabs', title: d.name, documentType: 'Raadsvoorstel', gemeente: 'Utrecht' };
      const panel = panelLetter(url, portal, text);
      const stored = await storedDocument(url, portal, text);
      const alles = allesLetter(stored);
      if (alles !== panel.text) differ.push(d.name);
      // A record kept before the categories were (an older build's): the rules' words, as before.
      const { categories: _kept, ...old } = stored;
      const before = allesLetter(old as StoredDocument);
      if (COMBINED.test(before) && !COMBINED.test(alles)) combinedInOld++;
      if (/\bhet (algoritme|herkenningssysteem|camerasysteem)\b/.test(alles) && !COMBINED.test(alles)) named++;
      // A record kept before the signals were: no signal question, as the letter had before.
      const { signals: keptSignals, ...unsignalled } = stored;
      const withoutSignals = allesLetter(unsignalled as StoredDocument);
      if (withoutSignals !== panelLetter(url, portal, text, false).text) differOld.push(d.name);
      if (keptSignals?.length && withoutSignals !== alles) signalled++;
      // Ids only: nothing of the page's text is kept for them.
      expect(keptSignals ?? []).toEqual(keptSignals?.filter((id) => /^[a-z0-9-]+$/.test(id)) ?? []);
    }
    expect(differ).toEqual([]);
    expect(differOld).toEqual([]);
    // The signals are common in the set and change the letter: they are asked.
    expect(signalled).toBeGreaterThan(20);
    // The case this is about is common in the set: the stored technology changes the wording.
    expect(combinedInOld).toBeGreaterThan(20);
    expect(named).toBeGreaterThan(20);
  });

  it('asks about a Staatscourant publication what it means for the gemeente, as the panel does; a Gemeenteblad stays the gemeente’s own', { timeout: 60_000 }, async () => {
    const page = goldenDocuments.find((d) => d.name === 'pages/raadsvoorstel-cameratoezicht.html')!;
    const text = await textOf(page.file);
    const stcrt = 'https://zoek.officielebekendmakingen.nl/stcrt-2025-12345.html';
    const facts: PortalFacts = { portal: 'officielebekendmakingen', title: 'Regeling cameratoezicht openbare ruimte', date: '2025-04-01' };
    const panel = panelLetter(stcrt, facts, text);
    const alles = allesLetter(await storedDocument(stcrt, facts, text));
    expect(alles).toBe(panel.text);
    const [letter] = buildLetters({ ...selectionLetters({ documents: [(await documentsRepo.get(stcrt))!], notes: [], flags: [] }, [], rules, 'onbekend')[0]!.input, date: DATE });
    expect(letter!.inleiding).toContain('Naar aanleiding van de publicatie “Regeling cameratoezicht openbare ruimte” (https://zoek.officielebekendmakingen.nl/stcrt-2025-12345.html)');
    expect(letter!.inleiding).toContain('De publicatie is geen stuk van de gemeente, maar een publicatie in de Staatscourant. Daarover vraagt deze brief wat het voor de gemeente betekent');
    expect(letterQuestions(letter!).map((q) => q.about)).toEqual(['betekenis']);
    expect(letterQuestions(letter!)[0]!.text).toMatch(/^Wat betekent de publicatie voor de gemeente: zet de gemeente de technologie/);

    // The gemeente's own Gemeenteblad on the same portal is asked about its safeguards.
    const gmb = 'https://zoek.officielebekendmakingen.nl/gmb-2025-512078.html';
    const own: PortalFacts = { ...facts, documentType: 'Besluit', gemeente: 'Tiel' };
    const ownAlles = allesLetter(await storedDocument(gmb, own, text));
    expect(ownAlles).toBe(panelLetter(gmb, own, text).text);
    expect(ownAlles).not.toContain('geen stuk van de gemeente');
    expect(ownAlles).toMatch(/DPIA/);

    // Kept without its portal (before version 4, or a PDF read in its own tab): its address is the
    // Staatscourant's identifier, so it is still no stuk of the gemeente.
    const { portal: _p, ...unknown } = (await documentsRepo.get(stcrt))!;
    expect(allesLetter(unknown as StoredDocument)).toContain('De publicatie is geen stuk van de gemeente, maar een publicatie in de Staatscourant');
    // Without a portal, an address that is no publication's identifier stays the gemeente's own.
    const pdf = 'https://tiel.raadsinformatie.nl/document/12345/regeling-cameratoezicht.pdf';
    expect(allesLetter({ ...(unknown as StoredDocument), id: pdf, url: pdf })).not.toContain('geen stuk van de gemeente');
  });

  it('names the Kamer and the Staatscourant apart in one letter about both', () => {
    const doc = (url: string, title: string, type?: string, portal?: string): StoredDocument => ({ id: url, url, title, ...(type ? { type } : {}), ...(portal ? { portal } : {}), gemeente: 'Utrecht', createdAt: 1, updatedAt: 1 });
    const documents = [
      doc('https://zoek.officielebekendmakingen.nl/kst-35300-VI-64.html', 'Motie over gezichtsherkenning', 'kamerstuk', 'officielebekendmakingen'),
      doc('https://zoek.officielebekendmakingen.nl/stcrt-2025-1.html', 'Regeling camera’s', undefined, 'officielebekendmakingen'),
      doc('https://utrecht.raadsinformatie.nl/document/1', 'Raadsvoorstel camera’s', 'raadsvoorstel', 'notubiz'),
    ];
    const [letter] = buildLetters({ ...selectionLetters({ documents, notes: [], flags: [] }, [], rules, 'onbekend')[0]!.input, date: DATE });
    expect(letter!.inleiding).toContain(
      'Het kamerstuk “Motie over gezichtsherkenning” is geen stuk van de gemeente, maar van de Tweede of Eerste Kamer. De publicatie “Regeling camera’s” is geen stuk van de gemeente, maar een publicatie in de Staatscourant. Daarover vraagt deze brief',
    );
    expect(letterQuestions(letter!).filter((q) => q.about === 'betekenis')).toHaveLength(2);
  });

  it('of a motie whose dictum asks a study asks about that study, as the panel’s letter does', async () => {
    const text = STUDY_MOTIE;
    const opening = documentOpening(text, documentKindRules());
    expect(opening).toMatchObject({ kind: 'motie', asks: 'study' });
    const url = 'https://gemeente.bestuurlijkeinformatie.nl/document/motie-sensoren.pdf';
    const portal: PortalFacts = { portal: 'ibabs', title: 'Motie slimme sensoren', documentType: 'motie', gemeente: 'Utrecht' };
    const { assessment } = analyser.analyse(text, 'blocks');
    const checklist = checklistOf(assessment.safeguards.found, assessment.safeguards.missing, [], rules);
    // The panel's letter of the PDF as read now, with its opening (`asks` left out: as before it was read).
    const panel = (read: typeof opening) => {
      const input = documentLetterInput({ document: documentFacts(url, portal.title!, portal), notes: [], flags: [], checklist, assessment: assessment as never, opening: read }, rules);
      return lettersText(buildLetters({ ...input, date: DATE }));
    };
    const { asks: _asks, ...deployment } = opening;
    // Kept through the one writer as the panel keeps it: the snapshot and, beside it, what the dictum asks.
    const id = await keepDocument(documentFacts(url, portal.title!, portal));
    const kept = { categories: shownCategories(assessment), signals: askedSignalIds(assessment), portal: portal.portal };
    expect(await keepChecklistSnapshot(id, snapshotItems(assessment.safeguards.found, assessment.safeguards.missing, rules), undefined, undefined, undefined, { ...kept, asks: opening.asks })).toBe(true);
    const stored = (await documentsRepo.get(id))!;
    expect(stored.asks).toBe('study');
    const alles = allesLetter(stored);
    expect(alles).toBe(panel(opening));
    expect(alles).toContain('De motie vraagt om een onderzoek, niet om de inzet zelf.');
    expect(alles).toContain('Weegt het onderzoek ook of een inzet van de technologie noodzakelijk is');
    expect(alles).not.toContain('Acht het college de inzet waar de motie om vraagt');
    // A record kept before the reading was: today's letter, the proposal's questions.
    const { asks: _kept, ...older } = stored;
    expect(allesLetter(older as StoredDocument)).toBe(panel(deployment));
    expect(allesLetter(older as StoredDocument)).toContain('Acht het college de inzet waar de motie om vraagt');
    // A later read that no longer says so (other rules): written, and the letter follows it.
    expect(await keepChecklistSnapshot(id, null, undefined, undefined, undefined, { asks: 'other' })).toBe(true);
    expect(allesLetter((await documentsRepo.get(id))!)).toBe(panel(deployment));
  });
});
