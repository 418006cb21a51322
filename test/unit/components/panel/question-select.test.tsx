// The AP-question field the note editor, the flag form and the entry editor share.
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { FlagForm } from '../../../../components/panel/FlagForm';
import { NoteEditor } from '../../../../components/panel/NoteEditor';
import { QuestionSelect } from '../../../../components/panel/QuestionSelect';
import type { QuestionId } from '../../../../lib/core/rules/schema';
import { mount } from '../../support/mount';

const questions = [
  { id: 'ap-1' as QuestionId, label: 'Vraag 1' },
  { id: 'ap-2' as QuestionId, label: 'Vraag 2' },
];

let root: HTMLElement;

function choose(select: HTMLSelectElement, value: string) {
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('QuestionSelect', () => {
  it('offers none plus every question, shows the value and reports the choice', () => {
    const onChange = vi.fn();
    root = mount(<QuestionSelect questions={questions} value="ap-2" onChange={onChange} testid="q" />);
    const select = root.querySelector<HTMLSelectElement>('[data-testid="q"]')!;
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ['', 'Geen AP-vraag'],
      ['ap-1', 'Vraag 1'],
      ['ap-2', 'Vraag 2'],
    ]);
    expect(select.value).toBe('ap-2');
    choose(select, 'ap-1');
    expect(onChange).toHaveBeenCalledWith('ap-1');
  });

  it('has no test id unless given one', () => {
    root = mount(<QuestionSelect questions={questions} value="" onChange={() => {}} />);
    expect(root.querySelector('select')!.hasAttribute('data-testid')).toBe(false);
  });

  it('the flag form saves the question chosen in it', async () => {
    const onSave = vi.fn(async () => {});
    root = mount(<FlagForm target={{ kind: 'document' }} questions={questions} categoryLabel={(id) => id} onSave={onSave} onCancel={() => {}} />);
    choose(root.querySelector<HTMLSelectElement>('[data-testid="flag-question"]')!, 'ap-2');
    await act(async () => {
      root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ kind: 'document', question: 'ap-2' }));
  });

  it('the note editor saves the question chosen in it, and shows no field without questions', async () => {
    const onSave = vi.fn(async () => {});
    root = mount(<NoteEditor anchor={null} onClearAnchor={() => {}} onPickSelection={() => {}} onSave={onSave} focusKey={0} questions={questions} />);
    choose(root.querySelector<HTMLSelectElement>('[data-testid="note-question"]')!, 'ap-1');
    const area = root.querySelector<HTMLTextAreaElement>('[data-testid="note-editor"]')!;
    act(() => {
      area.value = 'Vragen stellen';
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(onSave).toHaveBeenCalledWith('Vragen stellen', { question: 'ap-1', tags: [] });
    root = mount(<NoteEditor anchor={null} onClearAnchor={() => {}} onPickSelection={() => {}} onSave={onSave} focusKey={0} />);
    expect(root.querySelector('[data-testid="note-question"]')).toBeNull();
  });
});
