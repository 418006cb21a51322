// assessDocument on hand-made matches and safeguard hits: the matcher is tested elsewhere, here
// only the reasoning over what was found.
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../../../lib/core/analyse';
import type { TermMatch } from '../../../../lib/core/match/types';
import { assessDocument, readMentions, type SafeguardHit } from '../../../../lib/core/questions';
import { loadBuiltinRules, type CategoryId } from '../../../../lib/core/rules';

const rules = loadBuiltinRules();

/** The n-th occurrence of `word` in `text` as a term match. */
function term(text: string, word: string, termId: string, category: CategoryId, nth = 0): TermMatch {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(word, start + 1);
  if (start < 0) throw new Error(`"${word}" staat niet in de tekst`);
  return { start, end: start + word.length, termId, category, text: word };
}

function hit(text: string, word: string, group: string): SafeguardHit {
  const start = text.indexOf(word);
  if (start < 0) throw new Error(`"${word}" staat niet in de tekst`);
  return { group, start, end: start + word.length, text: word };
}

const question = (a: ReturnType<typeof assessDocument>, id: string) => a.questions.find((q) => q.id === id)!;

describe('assessDocument', () => {
  it('camera without a DPIA: ap-2 applies, with the DPIA missing and its follow-up', () => {
    const text = 'Het college stelt voor cameratoezicht in te voeren in de binnenstad. De camera’s hangen vanaf 1 maart.';
    const a = assessDocument({ layout: 'wrapped', 
      text,
      rules,
      matches: [term(text, 'cameratoezicht', 'camera.cameratoezicht', 'camera'), term(text, 'camera’s', 'camera.camera', 'camera')],
      safeguardHits: [hit(text, 'binnenstad', 'openbare-ruimte')],
    });
    expect(a.hasTechnology).toBe(true);
    expect(a.questions.map((q) => [q.id, q.applies])).toEqual([['ap-1', true], ['ap-2', true], ['ap-3', true]]);
    const ap2 = question(a, 'ap-2');
    expect(ap2.triggers).toEqual([
      { category: 'camera', label: 'Camera’s en beelden', count: 2, weakOnly: false, reason: rules.categories[0]!.questions[1]!.reason },
    ]);
    expect(ap2.missing.map((m) => m.id)).toEqual(expect.arrayContaining(['dpia', 'fg', 'alternatieven', 'noodzaak']));
    expect(ap2.followUps).toContain('Is er vooraf een DPIA uitgevoerd, en wat was de uitkomst? Kan de raad die inzien?');
    expect(ap2.instruments.map((i) => i.id)).toEqual(['alternatieven', 'dpia', 'fg']);
    // A missing IAMA says nothing about camera's: only algorithms and biometrics ask for it.
    expect(a.safeguards.missing.map((m) => m.id)).not.toContain('iama');
    expect(a.safeguards.missing.map((m) => m.id)).not.toContain('algoritmeregister');
  });

  it('a pilot alone raises no question and lists nothing as missing', () => {
    const text = 'De pilot met de nieuwe vergaderapp begint in maart; na de proefperiode volgt een besluit.';
    const a = assessDocument({ layout: 'wrapped', 
      text,
      rules,
      matches: [term(text, 'pilot', 'pilot.pilot', 'pilot'), term(text, 'proefperiode', 'pilot.proefperiode', 'pilot')],
      safeguardHits: [hit(text, 'pilot', 'proefproject')],
    });
    expect(a.hasTechnology).toBe(false);
    expect(a.questions.every((q) => !q.applies && q.missing.length === 0 && q.followUps.length === 0)).toBe(true);
    expect(a.safeguards.missing).toEqual([]);
    // Still visible, so the panel can say why nothing applies.
    expect(a.categories).toEqual([{ category: 'pilot', label: 'Pilots en proeven', count: 2, weakOnly: true, termIds: ['pilot.pilot', 'pilot.proefperiode'] }]);
    expect(question(a, 'ap-2').triggers[0]).toMatchObject({ category: 'pilot', weakOnly: true });
  });

  it('a weak term in a real category (bezoekersstromen) does not count as technology either', () => {
    const text = 'We willen de bezoekersstromen beter spreiden.';
    const a = assessDocument({ layout: 'wrapped',  text, rules, matches: [term(text, 'bezoekersstromen', 'tracking.bezoekersstromen', 'tracking')], safeguardHits: [] });
    expect(a.hasTechnology).toBe(false);
    expect(a.questions.some((q) => q.applies)).toBe(false);
  });

  it('a pilot next to real technology adds the pilot reason under ap-2 and the pilot follow-up', () => {
    const text = 'In een pilot plaatsen we sensoren op het plein.';
    const a = assessDocument({ layout: 'wrapped', 
      text,
      rules,
      matches: [term(text, 'pilot', 'pilot.pilot', 'pilot'), term(text, 'sensoren', 'sensor.sensor', 'sensor')],
      safeguardHits: [hit(text, 'pilot', 'proefproject'), hit(text, 'plein', 'openbare-ruimte')],
    });
    const ap2 = question(a, 'ap-2');
    expect(ap2.applies).toBe(true);
    expect(ap2.triggers.map((t) => t.category)).toEqual(['sensor', 'pilot']);
    expect(ap2.triggers[1]!.reason).toMatch(/^Ook bij een proefproject of pilot moet de noodzaak vooraf vaststaan/);
    expect(ap2.signals.map((s) => s.id)).toEqual(['proefproject']);
    expect(ap2.followUps.at(-1)).toMatch(/^Wat gebeurt er na de pilot/);
    // The cloud category asks nothing under ap-3; pilot asks only ap-2.
    expect(question(a, 'ap-3').triggers.map((t) => t.category)).toEqual(['sensor']);
  });

  it('kinderen sharpen ap-3 with the Code voor Kinderrechten', () => {
    const text = 'Bij de school komt een slimme camera die kinderen telt bij het oversteken.';
    const a = assessDocument({ layout: 'wrapped', 
      text,
      rules,
      matches: [term(text, 'slimme camera', 'camera.slimme-camera', 'camera')],
      safeguardHits: [hit(text, 'school', 'kinderen'), hit(text, 'kinderen', 'kinderen')],
    });
    const ap3 = question(a, 'ap-3');
    expect(ap3.signals).toHaveLength(1);
    expect(ap3.signals[0]).toMatchObject({ id: 'kinderen', count: 2, passage: { text: 'school', start: text.indexOf('school') } });
    expect(ap3.signals[0]!.sharpening).toContain('Code voor Kinderrechten');
    expect(ap3.followUps).toContain('Is bij het ontwerp de Code voor Kinderrechten toegepast, en hoe zijn kinderen en hun ouders geïnformeerd en betrokken?');
    expect(ap3.instruments.map((i) => i.id)).toContain('code-kinderrechten');
    expect(question(a, 'ap-1').signals).toEqual([]);
  });

  it('when every safeguard is stated nothing is missing or asked, and each has its first passage', () => {
    const text =
      'Er is een DPIA gedaan en de FG heeft advies gegeven over het algoritme. Het algoritme is noodzakelijk om het doel te bereiken; alternatieven zijn onderzocht. ' +
      'Privacy by design is uitgangspunt, er is een verwerkersovereenkomst, de bewaartermijn is vier weken, de evaluatie van vorig jaar was positief. ' +
      'Inwoners worden via de website geïnformeerd. Er is een IAMA uitgevoerd en het algoritme staat in het algoritmeregister. Nog een DPIA.';
    const groups: Array<[string, string]> = [
      ['DPIA', 'dpia'], ['FG', 'fg'], ['noodzakelijk', 'noodzaak'], ['alternatieven', 'alternatieven'],
      ['Privacy by design', 'privacy-by-design'], ['verwerkersovereenkomst', 'verwerkersovereenkomst'], ['bewaartermijn', 'bewaartermijn'],
      ['evaluatie', 'evaluatie'], ['geïnformeerd', 'informeren'], ['IAMA', 'iama'], ['algoritmeregister', 'algoritmeregister'],
    ];
    const second = text.lastIndexOf('DPIA');
    const a = assessDocument({ layout: 'wrapped', 
      text,
      rules,
      matches: [term(text, 'algoritme', 'algoritme.algoritme', 'algoritme')],
      // The later DPIA arrives first: the passage must still be the first in the text.
      safeguardHits: [{ group: 'dpia', start: second, end: second + 4, text: 'DPIA' }, ...groups.map(([w, g]) => hit(text, w, g))],
    });
    expect(a.safeguards.missing).toEqual([]);
    // Nothing is asked about a certain ✓; a stated the status model is unsure of ("Nog een DPIA.") is
    // asked as an open question, its safeguard's follow-up (round 5 of the status engine).
    const unsure = new Set(a.safeguards.found.filter((f) => f.certain === false).map((f) => f.ask));
    expect(a.questions.every((q) => q.applies && q.missing.length === 0 && q.followUps.every((f) => unsure.has(f)))).toBe(true);
    for (const f of a.safeguards.found) expect(f.ask).toBe(f.certain === false ? rules.safeguards.safeguards.find((s) => s.id === f.id)!.followUp : undefined);
    expect(a.safeguards.found.map((f) => f.id)).toEqual(groups.map(([, g]) => g));
    const dpia = a.safeguards.found[0]!;
    expect(dpia).toMatchObject({ id: 'dpia', question: 'ap-2', count: 2, passage: { start: text.indexOf('DPIA'), text: 'DPIA' } });
    expect(dpia.passage.snippet).toBe('Er is een DPIA gedaan en de FG heeft advies gegeven …');
    expect(question(a, 'ap-2').found.map((f) => f.id)).toEqual(['dpia', 'fg', 'noodzaak', 'alternatieven', 'bewaartermijn']);
  });

  it('reads plain claims in the present or the perfect as stated, each on its own and in one text', () => {
    // Round 11's model read these as absent (cue-less, its own decision): the necessity of the
    // technology named as the clause's subject, informing through a channel, employees informed.
    // A plain main clause that says the safeguard holds is stated by the guideline; a ✓ only where
    // the model is sure enough, so the test reads the status, not the ✓.
    const analyser = createAnalyser(rules);
    const claims: Array<[string, string]> = [
      ['Het algoritme is noodzakelijk voor het doel.', 'noodzaak'],
      ['We informeren inwoners via de website.', 'informeren'],
      ['De leerkrachten zijn via de medezeggenschapsraad geïnformeerd.', 'informeren'],
    ];
    const statuses = (text: string) => {
      const { matches, safeguardHits } = analyser.find(text);
      const input = { matches, safeguardHits, text, rules, layout: 'wrapped' as const };
      return readMentions(input, assessDocument(input).hasTechnology).map((r) => `${r.hit.group}:${r.status!.status}`);
    };
    const lead = 'De school zet een slimme camera met een algoritme in om het aantal leerlingen op het plein te tellen. ';
    for (const [claim, safeguard] of claims) expect(statuses(lead + claim)).toEqual([`${safeguard}:stated`]);
    expect(statuses(lead + claims.map(([c]) => c).join(' '))).toEqual(claims.map(([, g]) => `${g}:stated`));
  });

  it('ignores hits for groups that are not in the rules, and always returns the three questions in order', () => {
    const text = 'Niets over technologie.';
    const a = assessDocument({ layout: 'wrapped',  text, rules, matches: [], safeguardHits: [{ group: 'onbekend', start: 0, end: 6, text: 'Niets' }] });
    expect(a.questions.map((q) => [q.id, q.number, q.applies])).toEqual([['ap-1', 1, false], ['ap-2', 2, false], ['ap-3', 3, false]]);
    expect(a.safeguards).toEqual({ found: [], missing: [] });
    expect(a.signals).toEqual([]);
  });

  it('counts a reader’s own term (not in the packs) as real technology', () => {
    const text = 'De gemeente zet lidar in.';
    const a = assessDocument({ layout: 'wrapped',  text, rules, matches: [{ start: 16, end: 21, termId: 'eigen-1', category: 'sensor', text: 'lidar' }], safeguardHits: [] });
    expect(a.hasTechnology).toBe(true);
    expect(question(a, 'ap-1').applies).toBe(true);
  });
});
