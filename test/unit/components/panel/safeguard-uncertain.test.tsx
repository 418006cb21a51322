// A safeguard the status model read as stated without certainty: no ✓, "Genoemd — lees de
// passage", data-status still one of the four; and the letter asks about it as an open question.
import { describe, expect, it } from 'vitest';
import { SafeguardChecklist } from '../../../../components/panel/SafeguardChecklist';
import type { ChecklistItem } from '../../../../lib/core/questions/checklist';
import { loadBuiltinRules } from '../../../../lib/core/rules';
import { buildLetter, letterText } from '../../../../lib/record/export/letter';
import { labelsFromRules } from '../../../../lib/record/export/model';
import { mount } from '../../support/mount';

const rules = loadBuiltinRules();
const dpia = rules.safeguards.safeguards.find((s) => s.id === 'dpia')!;
const item = (over: Partial<ChecklistItem>): ChecklistItem => ({
  id: 'dpia',
  label: dpia.label,
  question: dpia.question,
  status: 'stated',
  detected: 'stated',
  corrected: false,
  passages: [{ text: 'De DPIA van de leverancier ligt bij de griffie.', status: 'stated' }],
  ...over,
});

describe('SafeguardChecklist, stated without certainty', () => {
  it('shows no ✓ and asks the reader to read the passage', () => {
    const root = mount(<SafeguardChecklist items={[item({ certain: false, ask: dpia.followUp })]} hasTechnology />);
    const li = root.querySelector('[data-testid=safeguard-found]')!;
    expect(li.getAttribute('data-status')).toBe('stated');
    expect(li.getAttribute('data-certain')).toBe('false');
    expect(li.querySelector('.mark')!.textContent).not.toBe('✓');
    expect(li.textContent).toContain('Genoemd — lees de passage');
    expect(li.textContent).not.toContain('Het stuk zegt: gedaan');
    expect(root.querySelector('.summary-line')!.textContent).toContain('Genoemd: 1');
  });

  it('a certain stated keeps its ✓, and a reader’s correction ends the doubt', () => {
    const root = mount(<SafeguardChecklist items={[item({}), { ...item({ id: 'fg', certain: false, corrected: true, detected: 'negated' }) }]} hasTechnology />);
    const [certain, corrected] = [...root.querySelectorAll('[data-testid=safeguard-found]')];
    expect(certain!.querySelector('.mark')!.textContent).toBe('✓');
    expect(certain!.hasAttribute('data-certain')).toBe(false);
    expect(corrected!.hasAttribute('data-certain')).toBe(false);
    expect(corrected!.querySelector('.mark')!.textContent).toBe('✓');
  });
});

describe('letter, stated without certainty', () => {
  const letter = (checklist: ChecklistItem[]) =>
    letterText(
      buildLetter({
        documents: [{ document: { url: 'https://zwolle.raadsinformatie.nl/document/1/x', title: 'Camera’s', gemeente: 'Zwolle', type: 'raadsvoorstel' }, notes: [], flags: [], checklist }],
        labels: labelsFromRules(rules),
        status: rules.status,
        date: Date.UTC(2026, 4, 1, 12),
      }),
    );

  it('quotes the passage and asks whether it was done, as an open question', () => {
    const text = letter([item({ certain: false, ask: dpia.followUp })]);
    expect(text).toContain('“De DPIA van de leverancier ligt bij de griffie.”');
    expect(text).toContain('Uit deze passage is ons niet duidelijk of dit is gebeurd voor wat nu wordt voorgesteld.');
    expect(text).toContain(dpia.followUp);
  });

  it('asks nothing about a certain ✓', () => {
    expect(letter([item({})])).not.toContain('De DPIA van de leverancier');
  });
});
