// The checklist as the reader sees it: what was read, the reader's corrections on top, the
// strongest first; and the snapshot kept with a stored document gives the same checklist back.
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../../../lib/core/analyse';
import { checklistFromSnapshot, checklistOf, snapshotItems } from '../../../../lib/core/questions';
import { loadBuiltinRules } from '../../../../lib/core/rules';

const rules = loadBuiltinRules();
const text = [
  'Het college plaatst camera’s op het plein.',
  'Er is een DPIA uitgevoerd.',
  'De functionaris gegevensbescherming is niet geraadpleegd.',
  'De evaluatie volgt na een jaar.',
].join(' ');
const { safeguards } = createAnalyser(rules).analyse(text, 'wrapped').assessment;

describe('checklistOf', () => {
  const items = checklistOf(safeguards.found, safeguards.missing, [], rules);

  it('orders the strongest first: not done, announced, not mentioned, done', () => {
    const order = items.map((i) => `${i.id}:${i.status}`);
    expect(order.slice(0, 2)).toEqual(['fg:negated', 'evaluatie:planned']);
    expect(order.at(-1)).toBe('dpia:stated');
    expect(items.find((i) => i.id === 'fg')).toMatchObject({ detected: 'negated', corrected: false, passages: [{ text: 'De functionaris gegevensbescherming is niet geraadpleegd.', status: 'negated' }] });
    expect(items.find((i) => i.id === 'fg')!.ask).toBe(rules.status.safeguards.fg!.asks!.negated);
    expect(items.find((i) => i.id === 'dpia')!.ask).toBeUndefined();
    expect(items.find((i) => i.id === 'bewaartermijn')).toMatchObject({ status: 'absent', ask: rules.safeguards.safeguards.find((s) => s.id === 'bewaartermijn')!.followUp });
  });

  it('a correction decides the status and what is asked, keeps the sentence, and remembers what was read', () => {
    const corrected = checklistOf(safeguards.found, safeguards.missing, [{ safeguard: 'fg', status: 'stated' }, { safeguard: 'bewaartermijn', status: 'negated', passage: 'Hoe lang? Onbekend.' }], rules);
    expect(corrected.find((i) => i.id === 'fg')).toMatchObject({ status: 'stated', detected: 'negated', corrected: true, ask: undefined });
    expect(corrected.find((i) => i.id === 'bewaartermijn')).toMatchObject({ status: 'negated', detected: 'absent', corrected: true, passages: [{ text: 'Hoe lang? Onbekend.' }] });
    // The list keeps its order (by what was read), so a corrected item stays where the reader clicked.
    expect(corrected.map((i) => i.id)).toEqual(items.map((i) => i.id));
    // A correction to what was read is no correction; one for a safeguard the rules do not know is ignored.
    const same = checklistOf(safeguards.found, safeguards.missing, [{ safeguard: 'fg', status: 'negated' }, { safeguard: 'onbekend', status: 'stated' }], rules);
    expect(same).toEqual(items);
  });

  it('the snapshot kept with a document gives the same checklist, corrections included', () => {
    const kept = snapshotItems(safeguards.found, safeguards.missing, rules);
    expect(checklistFromSnapshot(kept, [], rules)).toEqual(items.map((i) => ({ ...i, passages: i.passages.slice(0, 3) })));
    expect(checklistFromSnapshot(kept, [{ safeguard: 'dpia', status: 'negated' }], rules).find((i) => i.id === 'dpia')).toMatchObject({ status: 'negated', corrected: true });
  });
});
