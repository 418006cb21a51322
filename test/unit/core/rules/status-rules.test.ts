// rules/status.json is edited by hand: a broken word list must say in Dutch where it is and what
// to change, and every list of words says what it is for (issue 13: the status engine's words are data).
import { describe, expect, it } from 'vitest';
import statusJson from '../../../../rules/status.json';
import { RulePackError, loadBuiltinRules, parseStatusRules } from '../../../../lib/core/rules';

const safeguards = loadBuiltinRules().safeguards;
type Json = Record<string, any>;

/** The shipped file with `edit` applied to a copy; the message of the RulePackError it throws. */
function errorOf(edit: (json: Json) => void): string {
  const json = structuredClone(statusJson) as Json;
  edit(json);
  try {
    parseStatusRules(json, safeguards);
  } catch (e) {
    expect(e).toBeInstanceOf(RulePackError);
    return (e as RulePackError).message;
  }
  throw new Error('verwacht een RulePackError');
}

describe('status rules: the word lists', () => {
  it('accepts the shipped file', () => {
    expect(() => parseStatusRules(structuredClone(statusJson), safeguards)).not.toThrow();
  });

  it('asks for a note saying what a list is for', () => {
    expect(errorOf((j) => delete j.structure.planningHeads.note)).toBe('rules/status.json: structure.planningHeads.note: ontbreekt (verwacht tekst)');
    expect(errorOf((j) => (j.features.modals.note = '  '))).toBe('rules/status.json: features.modals.note: schrijf in een korte zin waarvoor deze lijst is');
  });

  it('names an empty list, a stray field and a word that is no text', () => {
    expect(errorOf((j) => (j.links.demonstratives.words = []))).toBe('rules/status.json: links.demonstratives.words: mag geen lege lijst zijn');
    expect(errorOf((j) => (j.structure.claimants.woorden = ['bedrijf']))).toBe('rules/status.json: structure.claimants: onbekend veld "woorden": controleer de spelling of haal het weg');
    expect(errorOf((j) => j.structure.limitWords.words.push(3))).toBe('rules/status.json: structure.limitWords.words[14]: verwacht tekst, maar dit is het getal 3');
    expect(errorOf((j) => delete j.features.qualify)).toBe('rules/status.json: features.qualify: ontbreekt (verwacht een object { … })');
  });

  it('refuses a group of words in a list that is compared word by word', () => {
    expect(errorOf((j) => j.structure.claimVerbs.words.push('laat weten'))).toBe(
      'rules/status.json: structure.claimVerbs.words[11]: "laat weten" is meer dan één woord: deze lijst wordt woord voor woord vergeleken en vindt het nooit',
    );
    expect(errorOf((j) => j.features.trial.words.push('proef-project'))).toMatch(/features\.trial\.words\[4\]: "proef-project" is meer dan één woord/);
    // A list of word pairs may hold pairs.
    expect(() => parseStatusRules({ ...structuredClone(statusJson), structure: { ...structuredClone(statusJson.structure), planningPairs: { note: 'paren', words: ['nog te doen'] } } }, safeguards)).not.toThrow();
  });

  it('checks what a document covers and what an advice asks', () => {
    expect(errorOf((j) => j.structure.coverage.safeguards.push('camera'))).toBe('rules/status.json: structure.coverage.safeguards[6]: onbekende waarborg "camera" (niet in rules/safeguards.json)');
    expect(errorOf((j) => j.structure.coverage.verbs.push('gaat over'))).toMatch(/structure\.coverage\.verbs\[19\]: "gaat over" is meer dan één woord/);
    expect(errorOf((j) => (j.structure.advice.reach = 0))).toMatch(/^rules\/status\.json: structure\.advice\.reach: /);
    expect(errorOf((j) => delete j.structure.coverage.note)).toBe('rules/status.json: structure.coverage.note: ontbreekt (verwacht tekst)');
  });

  it('checks per-case acts, a DPIA as the place of the work, keeping without end and the acts a denial may name', () => {
    expect(errorOf((j) => j.structure.perCase.safeguards.push('drone'))).toBe('rules/status.json: structure.perCase.safeguards[8]: onbekende waarborg "drone" (niet in rules/safeguards.json)');
    expect(errorOf((j) => (j.structure.perCase.phrases = []))).toBe('rules/status.json: structure.perCase.phrases: mag geen lege lijst zijn');
    expect(errorOf((j) => j.structure.inDocument.verbs.push('neemt mee'))).toMatch(/structure\.inDocument\.verbs\[\d+\]: "neemt mee" is meer dan één woord/);
    expect(errorOf((j) => delete j.structure.inDocument.note)).toBe('rules/status.json: structure.inDocument.note: ontbreekt (verwacht tekst)');
    expect(errorOf((j) => j.structure.denial.acts.push('geen toestemming'))).toMatch(/structure\.denial\.acts\[\d+\]: "geen toestemming" is meer dan één woord/);
    expect(errorOf((j) => j.structure.noTerm.unlimited.push('{eeuwigheid}'))).toBe('rules/status.json: structure.noTerm.unlimited[10]: onbekende klasse {eeuwigheid}');
  });

  it('checks answer cells, signs and cell classes', () => {
    expect(errorOf((j) => j.structure.answerCells.planned.push(' gepland'))).toBe('rules/status.json: structure.answerCells.planned[7]: mag niet met een spatie beginnen');
    expect(errorOf((j) => (j.features.signs.signs['✓✓'] = 'ja'))).toBe('rules/status.json: features.signs.signs.✓✓: "✓✓" moet één teken zijn (zoals ✓)');
    expect(errorOf((j) => (j.features.signs.signs['✓'] = 'jawel'))).toBe('rules/status.json: features.signs.signs.✓: "jawel" staat niet in features.answers');
    expect(errorOf((j) => (j.features.cells.classes[0].class = 'Niet Van Toepassing'))).toBe('rules/status.json: features.cells.classes[0].class: alleen kleine letters en streepjes');
  });
});

describe('status rules: round 13 lists', () => {
  it('checks the adverb terminators, topic headings, attributes and the data test’s adverbial', () => {
    expect(errorOf((j) => j.adverbTerminators.push('evenwel'))).toBe('rules/status.json: adverbTerminators[1]: "evenwel" staat niet in terminators: alleen een afsluitend woord kan ook een bijwoord zijn');
    expect(errorOf((j) => j.topicHeadings.words.push('op welke'))).toMatch(/topicHeadings\.words\[\d+\]: "op welke" is meer dan één woord/);
    expect(errorOf((j) => j.attributeOf.nouns.push('kosten post'))).toMatch(/attributeOf\.nouns\[\d+\]: "kosten post" is meer dan één woord/);
    expect(errorOf((j) => delete j.attributeOf.note)).toBe('rules/status.json: attributeOf.note: ontbreekt (verwacht tekst)');
    expect(errorOf((j) => (j.structure.dataTest.adverbial.maxWords = 12))).toBe('rules/status.json: structure.dataTest.adverbial.maxWords: een bepaling van meer dan acht woorden is een eigen zin');
    expect(errorOf((j) => j.structure.answerCells.otherColumn.push(' nvt'))).toMatch(/structure\.answerCells\.otherColumn\[2\]: mag niet met een spatie beginnen/);
  });
});

describe('status rules: round 14 lists', () => {
  it('checks the run-in heading words, the promise and time words, the norm verdicts and the acts per safeguard', () => {
    expect(errorOf((j) => j.links.runInHeads.words.push('wat betreft'))).toMatch(/links\.runInHeads\.words\[\d+\]: "wat betreft" is meer dan één woord/);
    expect(errorOf((j) => j.structure.thenWords.words.push('zo dra'))).toMatch(/structure\.thenWords\.words\[\d+\]: "zo dra" is meer dan één woord/);
    expect(errorOf((j) => delete j.structure.promiseVerbs.note)).toBe('rules/status.json: structure.promiseVerbs.note: ontbreekt (verwacht tekst)');
    expect(errorOf((j) => (j.structure.normVerdicts.negated = []))).toBe('rules/status.json: structure.normVerdicts.negated: mag geen lege lijst zijn');
    expect(errorOf((j) => (j.structure.ownActs.acts.camera = ['gebruikt']))).toBe('rules/status.json: structure.ownActs.acts.camera: onbekende waarborg "camera" (niet in rules/safeguards.json)');
    expect(errorOf((j) => j.structure.ownActs.acts.fg.push('advies gegeven'))).toMatch(/ownActs\.acts\.fg\[\d+\]: "advies gegeven" is meer dan één woord/);
  });
});

describe('status rules: round 15 lists', () => {
  it('checks the run-in denials, the words of considering and declining, "al" and the reach of the technology', () => {
    expect(errorOf((j) => j.links.runInDenials.words.push('geen enkele'))).toMatch(/links\.runInDenials\.words\[\d+\]: "geen enkele" is meer dan één woord/);
    expect(errorOf((j) => j.structure.considerVerbs.words.push('in overweging'))).toMatch(/structure\.considerVerbs\.words\[\d+\]: "in overweging" is meer dan één woord/);
    expect(errorOf((j) => delete j.structure.declineContrasts.note)).toBe('rules/status.json: structure.declineContrasts.note: ontbreekt (verwacht tekst)');
    expect(errorOf((j) => (j.structure.alreadyWords.words = []))).toBe('rules/status.json: structure.alreadyWords.words: mag geen lege lijst zijn');
    expect(errorOf((j) => (j.safeguards.informeren.sense.technologyReach = 'overal'))).toMatch(/safeguards\.informeren\.sense\.technologyReach/);
  });
});

describe('status rules: round 16 lists', () => {
  it('checks the anchors of a present of any verb, the verbs of asking, and the document’s own title', () => {
    expect(errorOf((j) => j.structure.anyVerbAnchors.words.push('voor de start'))).toMatch(/structure\.anyVerbAnchors\.words\[\d+\]: "voor de start" is meer dan één woord/);
    expect(errorOf((j) => delete j.structure.anyVerbAnchors.note)).toBe('rules/status.json: structure.anyVerbAnchors.note: ontbreekt (verwacht tekst)');
    expect(errorOf((j) => j.structure.advice.verbs.push('vraagt aan'))).toMatch(/structure\.advice\.verbs\[\d+\]: "vraagt aan" is meer dan één woord/);
    expect(errorOf((j) => j.ownTitles.words.push('korte samenvatting'))).toMatch(/ownTitles\.words\[\d+\]: "korte samenvatting" is meer dan één woord/);
    expect(errorOf((j) => (j.ownTitles.safeguards = ['dpia', 'geen-waarborg']))).toMatch(/ownTitles\.safeguards\[1\]/);
    expect(errorOf((j) => (j.ownTitles.reach = 10))).toMatch(/ownTitles\.reach/);
  });
});

describe('status rules: round 17 lists', () => {
  it('checks told-late, ready-by-a-date and the split acts', () => {
    expect(errorOf((j) => j.late.before.push('pas op'))).toMatch(/late\.before\[\d+\]: "pas op" is meer dan één woord/);
    expect(errorOf((j) => (j.late.safeguards = ['fg', 'geen-waarborg']))).toMatch(/late\.safeguards\[1\]: onbekende waarborg "geen-waarborg"/);
    expect(errorOf((j) => delete j.structure.readyWords.note)).toBe('rules/status.json: structure.readyWords.note: ontbreekt (verwacht tekst)');
    expect(errorOf((j) => j.structure.readyWords.words.push('af en toe'))).toMatch(/structure\.readyWords\.words\[\d+\]: "af en toe" is meer dan één woord/);
    expect(errorOf((j) => j.structure.splitActs.particles.push('uit met'))).toMatch(/structure\.splitActs\.particles\[\d+\]: "uit met" is meer dan één woord/);
  });
});

describe('status rules: round 18 lists', () => {
  it('checks the statement before a colon and the necessity of a safeguard or a step', () => {
    expect(errorOf((j) => j.colonQuestions.statement.push('wij gaan'))).toMatch(/colonQuestions\.statement\[\d+\]: "wij gaan" is meer dan één woord/);
    expect(errorOf((j) => delete j.colonQuestions.questionWords)).toBe('rules/status.json: colonQuestions.questionWords: ontbreekt (verwacht een lijst [ … ])');
    expect(errorOf((j) => (j.otherNecessity.safeguards = ['noodzaak', 'geen-waarborg']))).toMatch(/otherNecessity\.safeguards\[1\]: onbekende waarborg "geen-waarborg"/);
    expect(errorOf((j) => j.otherNecessity.nouns.push('een dpia'))).toMatch(/otherNecessity\.nouns\[\d+\]: "een dpia" is meer dan één woord/);
  });
});

describe('status rules: round 19 lists', () => {
  it('checks money, asking lead-ins and the object first', () => {
    expect(errorOf((j) => j.otherNecessity.money.push('extra budget'))).toMatch(/otherNecessity\.money\[\d+\]: "extra budget" is meer dan één woord/);
    expect(errorOf((j) => delete j.askingLeads.verbs)).toBe('rules/status.json: askingLeads.verbs: ontbreekt (verwacht een lijst [ … ])');
    expect(errorOf((j) => j.askingLeads.verbs.push('stelt voor'))).toMatch(/askingLeads\.verbs\[\d+\]: "stelt voor" is meer dan één woord/);
    expect(errorOf((j) => (j.frontedObject.safeguards = ['dpia', 'geen-waarborg']))).toMatch(/frontedObject\.safeguards\[1\]: onbekende waarborg "geen-waarborg"/);
    expect(errorOf((j) => j.frontedObject.subjects.push('het hele college'))).toMatch(/frontedObject\.subjects\[\d+\]: "het hele college" is langer dan twee woorden/);
    expect(errorOf((j) => j.frontedObject.verbs.push('werken uit'))).toMatch(/frontedObject\.verbs\[\d+\]: "werken uit" is meer dan één woord/);
  });
});

describe('status rules: round 20 lists', () => {
  it('checks the sole planning heads and the device setting', () => {
    expect(errorOf((j) => j.structure.planningSoleHeads.words.push('plan van aanpak'))).toMatch(/structure\.planningSoleHeads/);
    expect(errorOf((j) => delete j.structure.noTerm.deviceSetting.participles)).toBe('rules/status.json: structure.noTerm.deviceSetting.participles: ontbreekt (verwacht een lijst [ … ])');
    expect(errorOf((j) => j.structure.noTerm.deviceSetting.because.push('omdat de'))).toMatch(/structure\.noTerm\.deviceSetting\.because\[\d+\]/);
    expect(errorOf((j) => (j.structure.noTerm.deviceSetting.reach = 0))).toMatch(/structure\.noTerm\.deviceSetting\.reach/);
  });
});

describe('status rules: round 21 lists', () => {
  it('checks the rejected ask and the promise nouns', () => {
    expect(errorOf((j) => j.structure.rejectedAsk.titles.push('de motie'))).toMatch(/structure\.rejectedAsk\.titles\[\d+\]/);
    expect(errorOf((j) => j.structure.rejectedAsk.codes.push('M2'))).toMatch(/structure\.rejectedAsk\.codes\[\d+\]: één kleine letter/);
    expect(errorOf((j) => delete j.structure.rejectedAsk.rejected)).toBe('rules/status.json: structure.rejectedAsk.rejected: ontbreekt (verwacht een lijst [ … ])');
    expect(errorOf((j) => (j.structure.rejectedAsk.decisionWords = 0))).toMatch(/structure\.rejectedAsk\.decisionWords/);
    expect(errorOf((j) => j.structure.promisedAbout.nouns.push('de toezegging'))).toMatch(/structure\.promisedAbout\.nouns\[\d+\]/);
  });
});

describe('status rules: round 22 lists', () => {
  it('checks the moment after the term and the plural claim verbs', () => {
    expect(errorOf((j) => j.structure.momentAfter.safeguards.push('bewaren'))).toMatch(/structure\.momentAfter\.safeguards\[\d+\]: onbekende waarborg "bewaren"/);
    expect(errorOf((j) => j.structure.momentAfter.subordinators.push('voor dat'))).toMatch(/structure\.momentAfter\.subordinators\[\d+\]: "voor dat" is meer dan één woord/);
    expect(errorOf((j) => delete j.structure.momentAfter.leads)).toBe('rules/status.json: structure.momentAfter.leads: ontbreekt (verwacht een lijst [ … ])');
    expect(errorOf((j) => j.structure.claimVerbsPlural.words.push('laten weten'))).toMatch(/structure\.claimVerbsPlural\.words\[\d+\]: "laten weten" is meer dan één woord/);
  });
});

describe('status rules: round 23 lists', () => {
  it('checks the waiting words before the term', () => {
    expect(errorOf((j) => j.structure.momentBefore.subordinators.push('tot dat'))).toMatch(/structure\.momentBefore\.subordinators\[\d+\]: "tot dat" is meer dan één woord/);
    expect(errorOf((j) => j.structure.momentBefore.afterwards.push('daarna pas'))).toMatch(/structure\.momentBefore\.afterwards\[\d+\]: "daarna pas" is meer dan één woord/);
    expect(errorOf((j) => delete j.structure.momentBefore.perfect)).toBe('rules/status.json: structure.momentBefore.perfect: ontbreekt (verwacht een lijst [ … ])');
  });
});

describe('status rules: round 24 lists', () => {
  it('checks the words of a whole title line and the links of a dated document', () => {
    expect(errorOf((j) => j.structure.rejectedAsk.titleLines.push('voorstel'))).toMatch(/structure\.rejectedAsk\.titleLines\[\d+\]: "voorstel" staat niet in titles/);
    expect(errorOf((j) => j.structure.rejectedAsk.titleLines.push('titel van'))).toMatch(/structure\.rejectedAsk\.titleLines\[\d+\]: "titel van" is meer dan één woord/);
    expect(errorOf((j) => j.structure.datedLinks.words.push('van de'))).toMatch(/structure\.datedLinks\.words\[\d+\]: "van de" is meer dan één woord/);
    expect(errorOf((j) => delete j.structure.datedLinks)).toBe('rules/status.json: structure.datedLinks: ontbreekt (verwacht een object { … })');
  });
});
