// The learned status model: its file is checked like a rule file (Dutch messages), training is
// deterministic, and on hand sentences per trigger family the engine and the model agree.
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../../../lib/core/analyse';
import { classifyWithText, mentionFeatures, modelVerdict, compiledStatusRules, segmentText } from '../../../../lib/core/questions/status';
import { loadBuiltinRules } from '../../../../lib/core/rules';
import { RulePackError } from '../../../../lib/core/rules/errors';
import { loadBuiltinStatusModel, parseStatusModel, type StatusModel } from '../../../../lib/core/rules/status-model';
import { train, vetoCues, type Example } from '../../../tools/train-status-model';

const rules = loadBuiltinRules();
const analyser = createAnalyser(rules);
const model = loadBuiltinStatusModel();
const TECH = 'Het college wil twaalf camera’s plaatsen in de binnenstad.\n\n';

function readAll(sentence: string): Array<{ status: string; certain: boolean; features: string[] }> {
  const text = TECH + sentence;
  const { matches, safeguardHits } = analyser.find(text);
  const ids = new Set(rules.safeguards.safeguards.map((s) => s.id));
  const hits = safeguardHits.filter((h) => ids.has(h.group));
  const mentions = hits.map((h) => ({ start: h.start, end: h.end, safeguard: h.group, termId: h.termId ?? '' }));
  const tech = matches.map((m) => ({ start: m.start, end: m.end })).sort((a, b) => a.start - b.start);
  const read = classifyWithText(text, mentions, tech, rules.status, 'wrapped');
  const rule = classifyWithText(text, mentions, tech, rules.status, 'wrapped', { model: null });
  const features = mentionFeatures(text, mentions, rule, compiledStatusRules(rules.status), segmentText(text, compiledStatusRules(rules.status).segment, 'wrapped'));
  return read.map((r, i) => ({ status: r.status, certain: r.certain !== false, features: features[i]! }));
}

describe('status model file', () => {
  it('the shipped model is valid and small', () => {
    expect(Object.keys(model.weights).length).toBeGreaterThan(50);
    expect(JSON.stringify(model).length).toBeLessThan(100_000);
    expect(model.certainStated).toBeGreaterThan(0.5);
  });

  it('rejects a malformed model with a Dutch message naming the place', () => {
    const broken = { ...model, bias: [0, 0, 0] };
    expect(() => parseStatusModel(broken)).toThrow(RulePackError);
    try {
      parseStatusModel(broken);
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toContain('rules/status-model.json');
      expect(message).toContain('bias');
      expect(message).not.toMatch(/expected|invalid/i);
    }
    expect(() => parseStatusModel({ ...model, classes: ['stated', 'stated', 'planned', 'absent'] })).toThrow(/elke status precies één keer/);
    expect(() => parseStatusModel('{niet json')).toThrow(/geen geldige JSON/);
    expect(() => parseStatusModel({ ...model, weights: { 'rule:stated': [1, 2, 'x', 4] } })).toThrow(RulePackError);
  });
});

describe('training', () => {
  const examples: Example[] = [
    { doc: 1, gold: 'negated', rule: 'negated', reason: 'negation', features: ['rule:negated', 'neg:geen:b:c'] },
    { doc: 2, gold: 'stated', rule: 'stated', reason: 'default', features: ['rule:stated', 'tense:perfect'] },
    { doc: 3, gold: 'planned', rule: 'stated', reason: 'default', features: ['rule:stated', 'modal:b:c'] },
    { doc: 50, gold: 'planned', rule: 'stated', reason: 'default', features: ['rule:stated', 'modal:b:c'] },
    { doc: 51, gold: 'stated', rule: 'stated', reason: 'default', features: ['rule:stated', 'tense:perfect'] },
    { doc: 52, gold: 'absent', rule: 'absent', reason: 'question', features: ['rule:absent', 'question'] },
  ];
  const options = { l2: 1e-3, minCount: 1, without: [], iterations: 200, unseenWeight: 1, ruleFrom: 'unseen' as const, overrules: ['default'] };

  it('gives the same model twice', () => {
    expect(JSON.stringify(train(examples, options))).toBe(JSON.stringify(train(examples, options)));
  });

  it('learns what it is shown, and writes a model its own schema accepts', () => {
    const m: StatusModel = parseStatusModel(train(examples, options));
    expect(modelVerdict(m, ['rule:stated', 'modal:b:c'], { status: 'stated', reason: 'default' }).status).toBe('planned');
    expect(modelVerdict(m, ['rule:stated', 'tense:perfect'], { status: 'stated', reason: 'default' }).status).toBe('stated');
    // A cue the rules read decides, whatever the model says.
    expect(modelVerdict(m, ['rule:stated', 'modal:b:c'], { status: 'absent', reason: 'question' }).status).toBe('absent');
  });
});

describe('model on hand sentences, per family', () => {
  const cases: Array<[string, string]> = [
    ['Er is geen DPIA uitgevoerd.', 'negated'],
    ['De functionaris gegevensbescherming is nog niet geraadpleegd.', 'negated'],
    ['Er zal een DPIA worden uitgevoerd.', 'planned'],
    ['De motie verzoekt het college een DPIA te laten uitvoeren.', 'planned'],
    ['Indien nodig wordt de FG betrokken.', 'planned'],
    ['Is er een DPIA uitgevoerd?', 'absent'],
    ['Er is in maart een DPIA uitgevoerd.', 'stated'],
    ['De beelden worden 28 dagen bewaard.', 'stated'],
  ];
  for (const [sentence, expected] of cases) {
    it(sentence, () => expect(readAll(sentence).map((r) => r.status)).toEqual([expected]));
  }

  it('a done act in the perfect tense is a certain ✓', () => {
    const [r] = readAll('De functionaris gegevensbescherming heeft op 3 mei schriftelijk geadviseerd over de camera’s.');
    expect(r!.status).toBe('stated');
    expect(r!.certain).toBe(true);
    expect(r!.features).toContain('rule:stated');
  });

  it('features read the sentence before and after', () => {
    const text = 'De DPIA ligt bij de griffie.';
    const [r] = readAll(`Er komt binnenkort een besluit. ${text} Dat is geen probleem.`);
    expect(r!.features.some((f) => f.startsWith('p:'))).toBe(true);
    expect(r!.features).toContain('n:judging-opener');
  });

  it('is the same whatever the line breaks and spacing', () => {
    const a = readAll('De functionaris gegevensbescherming is  over de uitbreiding\nnog niet geraadpleegd.');
    const b = readAll('De functionaris gegevensbescherming is over de uitbreiding nog niet geraadpleegd.');
    expect(a.map((r) => [r.status, r.certain])).toEqual(b.map((r) => [r.status, r.certain]));
  });
});

describe('features of round 6, per family (hand sentences)', () => {
  const featuresOf = (sentence: string): string[] => readAll(sentence)[0]!.features;

  it('a table row: the answer in its cells, the term in the first cell, the triggers beside it', () => {
    const f = featuresOf('Waarborg                Geregeld\nDPIA uitgevoerd         nee\nBewaartermijn           ja');
    expect(f).toEqual(expect.arrayContaining(['row', 'row:first-cell', 'row:ans:nee']));
    expect(f).not.toContain('row:ans:ja');
    const signs = featuresOf('Waarborg | Stand\nAdvies FG | ✗ | niet geraadpleegd');
    expect(signs).toEqual(expect.arrayContaining(['row', 'row:ans:nee', 'row:t:negation']));
    // A line without cells or an answer of its own is no row.
    expect(featuresOf('Er is een DPIA uitgevoerd voor de camera’s.').some((x) => x.startsWith('row'))).toBe(false);
  });

  it('an imperative recommendation, and a recommendation’s lead-in', () => {
    expect(featuresOf('3. Voer een DPIA uit voor de camera’s.')).toContain('imperative');
    expect(featuresOf('Betrek daarbij de functionaris gegevensbescherming.')).toContain('imperative');
    expect(featuresOf('De gemeente voert een DPIA uit voor de camera’s.')).not.toContain('imperative');
    expect(featuresOf('In de DPIA staat hoe lang de beelden worden bewaard.')).not.toContain('imperative');
    expect(featuresOf('Wij doen de volgende aanbevelingen:\n- Neem het algoritme op in het algoritmeregister.')).toContain('l:recommend');
  });

  it('“zonder dat” governing the term, and a judgement in the next sentence that denies', () => {
    expect(featuresOf('De scores worden sinds 2024 bewaard zonder dat daarvoor een termijn is vastgesteld.')).toContain('zonder-dat:a');
    expect(featuresOf('Gegevens worden bewaard zolang het account actief is. Dat is geen termijn.')).toContain('n:judging-neg');
  });

  it('scope: another, earlier or existing object, a year, a pilot', () => {
    const f = featuresOf('De evaluatie van de bestaande camera’s uit 2019 was positief.');
    expect(f).toEqual(expect.arrayContaining(['other:a', 'year:a']));
    expect(featuresOf('Voor de pilot is een DPIA uitgevoerd.')).toContain('trial:b');
  });

  it('sense: the word right after the term, the raad as who is informed, an infinitive with te', () => {
    expect(featuresOf('De camera’s zijn noodzakelijk voor de veiligheid.')).toContain('nx:voor');
    expect(featuresOf('De raad wordt over de camera’s geïnformeerd.')).toContain('council:c');
    expect(featuresOf('De indieners vragen uitstel, zodat er tijd is om de DPIA te doen.')).toContain('te-inf:a');
  });
});

describe('the model file with a sure overrule', () => {
  it('is checked: a margin below one half is refused', () => {
    const m: StatusModel = { version: 1, classes: ['stated', 'negated', 'planned', 'absent'], bias: [0, 0, 0, 0], weights: {}, overrules: ['default'], certainStated: 0.5 };
    expect(parseStatusModel({ ...m, sure: { reasons: ['negation'], margin: 0.9 } }).sure?.margin).toBe(0.9);
    expect(() => parseStatusModel({ ...m, sure: { reasons: ['negation'], margin: 0.2 } })).toThrow(RulePackError);
  });
});

describe('sure: the model overrules a soft cue only when it is sure', () => {
  const m: StatusModel = { version: 1, classes: ['stated', 'negated', 'planned', 'absent'], bias: [0, 0, 0, 0], weights: { x: [0, 0, 4, 0] }, overrules: ['default'], sure: { reasons: ['negation'], margin: 0.9 }, certainStated: 0.5 };
  it('overrules a listed reason at the margin, never a reason not listed', () => {
    expect(modelVerdict(m, ['x'], { status: 'negated', reason: 'negation' }).status).toBe('planned');
    expect(modelVerdict(m, [], { status: 'negated', reason: 'negation' }).status).toBe('negated');
    expect(modelVerdict(m, ['x'], { status: 'absent', reason: 'question' }).status).toBe('absent');
  });
});

describe('features of round 7, per family (hand sentences)', () => {
  const featuresOf = (sentence: string, which = 0): string[] => readAll(sentence)[which]!.features;

  it('a table row: the cell after the term’s own cell answers for it, and a negation in the other cells', () => {
    const table = 'Waarborg                Stand        Toelichting\n';
    expect(featuresOf(`${table}DPIA uitgevoerd         nee          start na de zomer`)).toEqual(expect.arrayContaining(['row:cell:nee']));
    expect(featuresOf(`${table}DPIA pinbetalingsdata   deels, alleen aggregatie`)).toContain('row:cell:deels');
    expect(featuresOf(`${table}DPIA telecomdata        ja, ingezien door gemeente`)).toContain('row:cell:ja');
    expect(featuresOf(`${table}Advies FG               nog niet     volgt`)).toEqual(expect.arrayContaining(['row:cell:nog-niet', 'row:cell-neg', 'row:neg']));
    expect(featuresOf(`${table}Verwerkersovereenkomst   in concept`)).toContain('row:cell:plan');
    expect(featuresOf(`${table}IAMA                    n.v.t.`)).toContain('row:cell:nvt');
    expect(featuresOf(`${table}IAMA                    niet van toepassing`)).toContain('row:cell:nvt');
    expect(featuresOf(`${table}Bewaartermijn           48 uur`)).toContain('row:cell:num');
    // Prose has no cells.
    expect(featuresOf('Er is een DPIA uitgevoerd, en de beelden worden niet bewaard.').some((f) => f.startsWith('row:cell'))).toBe(false);
  });

  it('a contrast after the term with a negation or qualification, and whether it points back at the term', () => {
    const back = featuresOf('Met de leverancier is wel een verwerkersovereenkomst gesloten, maar die gaat over de app en niet over het model.');
    expect(back).toEqual(expect.arrayContaining(['but-neg:a', 'but-back-neg:a']));
    const vo = featuresOf('Met de leverancier is een verwerkersovereenkomst gesloten; die is voor de nieuwe kluis niet aangepast.');
    expect(vo).toEqual(expect.arrayContaining(['but-neg:a', 'but-back-neg:a']));
    const other = featuresOf('De leverancier noemt het platform privacy by design, maar de gemeente heeft dat niet zelf getoetst.');
    expect(other).toContain('but-neg:a');
    expect(other).not.toContain('but-back-neg:a');
    expect(featuresOf('De gegevens worden bewaard zolang het contract loopt, wat geen termijn is.')).toContain('but-neg:a');
    expect(featuresOf('Er is een DPIA uitgevoerd, maar die is onvolledig.')).toContain('but-qual:a');
    expect(featuresOf('Er is een DPIA uitgevoerd voor de camera’s.').some((f) => f.startsWith('but-'))).toBe(false);
  });

  it('a judgement or qualification of the safeguard’s content, in the sentence and the next', () => {
    expect(featuresOf('De DPIA gaat alleen over de pilot.')).toContain('qual:a:c');
    expect(featuresOf('Een onvoldoende DPIA is opgesteld.')).toContain('qual:b:c');
    const next = featuresOf('Bij de inkoop is aangenomen dat luchtfoto’s geen persoonsgegevens bevatten. Dat klopt niet meer zodra de software personen herkent.');
    expect(next).toContain('n:verdict-neg');
    expect(featuresOf('De gegevens worden bewaard tot het einde van het project. Dit is in strijd met de AVG.')).toEqual(expect.arrayContaining(['n:verdict-qual', 'n:qual-free']));
    // A next sentence that names its own safeguard is about that one.
    expect(featuresOf('Er is een DPIA uitgevoerd. De FG heeft daar alleen kort naar gekeken.')).not.toContain('n:qual-free');
  });

  it('a condition put on the proposal: in a list’s lead-in, the sentence before or the sentence', () => {
    const list = 'In te stemmen met de camera’s, onder de voorwaarden dat:\na. vooraf een DPIA is afgerond;\nb. de beelden worden 28 dagen bewaard;';
    expect(featuresOf(list, 0)).toContain('l:condword');
    expect(featuresOf(list, 1)).toContain('l:condword');
    expect(featuresOf('De camera’s komen er op voorwaarde dat de beelden 28 dagen worden bewaard.')).toContain('condword:b');
  });
});

describe('veto: cues that deny a certain ✓', () => {
  const m: StatusModel = { version: 1, classes: ['stated', 'negated', 'planned', 'absent'], bias: [3, 0, 0, 0], weights: {}, overrules: ['default'], certainStated: 0.5, veto: ['row:cell:nee'] };

  it('take the ✓, not the status', () => {
    const plain = modelVerdict(m, ['rule:stated'], { status: 'stated', reason: 'default' });
    expect([plain.status, plain.certain]).toEqual(['stated', true]);
    const vetoed = modelVerdict(m, ['rule:stated', 'row:cell:nee'], { status: 'stated', reason: 'default' });
    expect([vetoed.status, vetoed.certain]).toEqual(['stated', false]);
    // A negated or planned status is certain anyway.
    expect(modelVerdict(m, ['row:cell:nee'], { status: 'negated', reason: 'negation' }).certain).toBe(true);
  });

  it('are the cues seen often enough and (nearly) never stated, never a word, the safeguard or the rule’s verdict', () => {
    const ex = (gold: Example['gold'], features: string[]): Example => ({ doc: 1, gold, rule: 'stated', reason: 'default', features });
    const examples = [
      ...Array.from({ length: 6 }, () => ex('negated', ['row:cell:nee', 'w:a:uitgevoerd', 'sg:dpia', 'rule:negated'])),
      ...Array.from({ length: 6 }, () => ex('stated', ['tense:perfect'])),
      ex('planned', ['rare']),
      ...Array.from({ length: 5 }, () => ex('negated', ['mixed'])),
      ex('stated', ['mixed']),
    ];
    expect(vetoCues(examples, 5, 0.05)).toEqual(['row:cell:nee']);
    expect(vetoCues(examples, 5, 0.2)).toEqual(['mixed', 'row:cell:nee']);
  });

  it('the shipped model has veto cues, and the file refuses a malformed list', () => {
    expect(model.veto?.length ?? 0).toBeGreaterThan(0);
    expect(() => parseStatusModel({ ...model, veto: [''] })).toThrow(RulePackError);
  });
});
