// A corrected document as "Alles" shows it: its name, gemeente, kind and date as stored, which
// safeguards the reader corrected and what Raadslens read, in plain Dutch, each to be undone.
import { describe, expect, it, vi } from 'vitest';
import { CorrectionItem } from '../../../../components/panel/CorrectionItem';
import { recordLabels } from '../../../../lib/extension/ui/record-labels';
import { correctionEntry } from '../../../../lib/record/entries';
import { mount } from '../../support/mount';

const URL_ = 'https://zwolle.raadsinformatie.nl/document/77/raadsvoorstel';
const entry = correctionEntry(
  URL_,
  [
    { documentId: URL_, safeguard: 'fg', status: 'planned', createdAt: 1, updatedAt: 2 },
    { documentId: URL_, safeguard: 'bewaartermijn', status: 'stated', detected: 'absent', createdAt: 1, updatedAt: 1 },
    { documentId: URL_, safeguard: 'dpia', status: 'negated', detected: 'stated', createdAt: 1, updatedAt: 1 },
  ],
  { id: URL_, url: URL_, title: 'Slimme lantaarnpalen', gemeente: 'Zwolle', type: 'raadsvoorstel', meetingDate: '2026-11-05', createdAt: 1, updatedAt: 1 },
);

describe('CorrectionItem', () => {
  it('names the document and each corrected safeguard in the checklist’s order, and undoes one', () => {
    const onUndo = vi.fn();
    const onOpen = vi.fn();
    const { safeguardLabel, safeguardRank } = recordLabels();
    const root = mount(<CorrectionItem entry={entry} onUndo={onUndo} onOpen={onOpen} safeguardLabel={safeguardLabel} safeguardRank={safeguardRank} />);
    const item = root.querySelector<HTMLElement>('[data-testid=correction-item]')!;
    expect(item.querySelector('.entry-doc')!.textContent).toBe('Slimme lantaarnpalen · Zwolle · raadsvoorstel · vergadering 5 nov 2026');
    const lines = [...item.querySelectorAll<HTMLElement>('[data-testid=correction-safeguard]')];
    expect(lines.map((l) => [l.dataset.safeguard, l.dataset.status])).toEqual([
      ['dpia', 'negated'],
      ['fg', 'planned'],
      ['bewaartermijn', 'stated'],
    ]);
    expect(lines[0]!.textContent).toBe('✗ DPIA: het stuk zegt volgens u: niet gedaan (Raadslens las: gedaan) Terugzetten');
    expect(lines[1]!.textContent).toBe('◷ Advies van de functionaris gegevensbescherming (FG): het stuk zegt volgens u: nog niet gedaan, wel aangekondigd Terugzetten');
    lines[2]!.querySelector<HTMLButtonElement>('[data-testid=correction-undo]')!.click();
    expect(onUndo).toHaveBeenCalledWith(entry, 'bewaartermijn');
    expect(lines[2]!.querySelector('button')!.getAttribute('aria-label')).toBe('Bewaartermijn: terugzetten naar wat Raadslens las');
    item.querySelector<HTMLButtonElement>('[data-testid=correction-open]')!.click();
    expect(onOpen).toHaveBeenCalledWith(entry);
  });
});
