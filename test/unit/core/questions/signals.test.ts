import { describe, expect, it } from 'vitest';
import { askedSignalIds, askedSignals } from '../../../../lib/core/questions/signals';
import { loadBuiltinRules } from '../../../../lib/core/rules';

const rules = loadBuiltinRules();
const signal = (id: string, followUp?: string) => ({ id, ...(followUp ? { followUp } : {}) });

describe('the signals a letter asks about', () => {
  it('are those with a follow-up of the AP questions that apply, in question order', () => {
    const assessment = {
      questions: [
        { applies: true, signals: [signal('leverancier', 'Wie?')] },
        { applies: false, signals: [signal('proefproject', 'Wanneer?')] },
        { applies: true, signals: [signal('kinderen', 'Hoe?'), signal('stil')] },
      ],
    };
    expect(askedSignalIds(assessment)).toEqual(['leverancier', 'kinderen']);
    expect(askedSignalIds(undefined)).toEqual([]);
  });

  it('are worded by the rules from their ids; an id the rules no longer have asks nothing', () => {
    const asked = askedSignals(['kinderen', 'weg-sinds-vorige-versie', 'leverancier'], rules.safeguards);
    expect(asked.map((s) => s.id)).toEqual(['kinderen', 'leverancier']);
    const kinderen = rules.safeguards.signals.find((s) => s.id === 'kinderen')!;
    expect(asked[0]).toEqual({ id: 'kinderen', question: kinderen.question, followUp: kinderen.followUp });
    expect(askedSignals(undefined, rules.safeguards)).toEqual([]);
  });
});
