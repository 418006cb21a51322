// A question that does not apply says so in words that are true also where nothing was found:
// "geen van de gevonden termen" on an agenda without any technology spoke of terms that were not there.
import { describe, expect, it } from 'vitest';
import { QuestionCard } from '../../../../components/panel/QuestionCard';
import { loadBuiltinRules } from '../../../../lib/core/rules';
import { mount } from '../../support/mount';

const rules = loadBuiltinRules();

describe('QuestionCard', () => {
  it('a question that does not apply speaks of no technology found, not of "found terms"', () => {
    const root = mount(<QuestionCard question={rules.questions.questions[0]!} assessment={undefined} />);
    const line = root.querySelector('.applies-line')!.textContent!;
    expect(line).toBe('Niet van toepassing: er is geen technologie gevonden die bij deze vraag hoort.');
    expect(line).not.toMatch(/gevonden termen/);
  });
});
