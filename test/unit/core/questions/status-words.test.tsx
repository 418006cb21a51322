// One wording per status, from one table: the panel's checklist, its count line, "Eerst vragen
// naar", the correction buttons, the exports and the CLI say the same words.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SafeguardChecklist } from '../../../../components/panel/SafeguardChecklist';
import { Verdict } from '../../../../components/panel/Verdict';
import type { ChecklistItem } from '../../../../lib/core/questions/checklist';
import { STATUS_WORDING } from '../../../../lib/core/questions/status-words';
import type { SafeguardStatus } from '../../../../lib/core/questions/types';
import { loadBuiltinRules } from '../../../../lib/core/rules';
import { mount } from '../../support/mount';

const nl = JSON.parse(readFileSync(path.resolve(__dirname, '../../../../public/_locales/nl/messages.json'), 'utf8')) as Record<string, { message: string }>;
const rules = loadBuiltinRules();
const STATUSES: SafeguardStatus[] = ['stated', 'negated', 'planned', 'absent'];

const items: ChecklistItem[] = STATUSES.map((status, i) => {
  const s = rules.safeguards.safeguards[i]!;
  return { id: s.id, label: s.label, question: s.question, status, detected: status, corrected: false, passages: status === 'absent' ? [] : [{ text: `Zin ${i}.`, status }] };
});

describe('the status wording table', () => {
  it('names "planned" as issue 13 does, and each status once', () => {
    expect(STATUS_WORDING.planned.word).toBe('nog niet gedaan, wel aangekondigd');
    expect(STATUS_WORDING.negated.word).toBe('niet gedaan');
    expect(new Set(STATUSES.map((s) => STATUS_WORDING[s].word)).size).toBe(4);
  });

  it('is what the Dutch messages say, and no other message words a status its own way', () => {
    expect(STATUSES.map((s) => nl[`statusOpt${s[0]!.toUpperCase()}${s.slice(1)}`]!.message)).toEqual(STATUSES.map((s) => STATUS_WORDING[s].word));
    const announced = Object.entries(nl).filter(([, m]) => /aangekondigd/i.test(m.message)).map(([k]) => k);
    expect(announced).toEqual(['statusOptPlanned']);
  });

  it('is what the checklist, its count line and its correction buttons show', () => {
    const root = mount(<SafeguardChecklist items={items} hasTechnology onCorrect={() => {}} />);
    for (const status of STATUSES) {
      const li = root.querySelector(`li[data-status=${status}]`)!;
      expect(li.querySelector('.says')!.textContent).toBe(`Het stuk zegt: ${STATUS_WORDING[status].word}`);
      expect(li.querySelector('.mark')!.textContent).toBe(STATUS_WORDING[status].mark);
    }
    expect(root.querySelector('.summary-line')!.textContent).toBe('Niet gedaan: 1 · Nog niet gedaan, wel aangekondigd: 1 · Niet genoemd: 1 · Gedaan: 1');
    const buttons = [...root.querySelectorAll('li[data-status=stated] [data-testid=safeguard-correct]')].map((b) => b.textContent);
    expect(buttons).toEqual(['niet gedaan', 'nog niet gedaan, wel aangekondigd', 'niet genoemd']);
  });

  it('is what "Eerst vragen naar" says beside each open point', () => {
    const open = items.filter((i) => i.status !== 'stated');
    const verdict = { hasTechnology: true, categories: [], questions: [], openPoints: open, moreOpen: 0 } as unknown as Parameters<typeof Verdict>[0]['verdict'];
    const root = mount(<Verdict verdict={verdict} scope={{ pageRead: true, attachments: 0, attachmentsRead: 0 }} />);
    expect([...root.querySelectorAll('.verdict-open .says')].map((s) => s.textContent)).toEqual(open.map((i) => STATUS_WORDING[i.status].word));
  });
});
