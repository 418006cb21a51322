// The save outcome the note editor, flag form, entry list and PDF viewer notes share.
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { NoteEditor } from '../../../../components/panel/NoteEditor';
import { StatusMessage } from '../../../../components/common/StatusMessage';
import { t } from '../../../../lib/extension/i18n';
import { mount } from '../../support/mount';

let root: HTMLElement;

describe('StatusMessage', () => {
  it('announces an error at once and a success politely; inline as a span, else a paragraph', () => {
    root = mount(
      <div>
        <StatusMessage status={{ kind: 'error', text: 'Opslag vol' }} />
        <StatusMessage status={{ kind: 'ok', text: 'Bewaard' }} inline />
        <StatusMessage status={null} />
      </div>,
    );
    const shown = [...root.querySelectorAll('.status')].map((el) => [el.tagName, el.className, el.getAttribute('role'), el.textContent]);
    expect(shown).toEqual([
      ['P', 'status error', 'alert', 'Opslag vol'],
      ['SPAN', 'status ok', 'status', 'Bewaard'],
    ]);
  });

  it('the note editor says an empty note is refused, then that a note was saved', async () => {
    root = mount(<NoteEditor anchor={null} onClearAnchor={() => {}} onPickSelection={() => {}} onSave={vi.fn(async () => {})} focusKey={0} />);
    const submit = () =>
      act(async () => {
        root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      });
    await submit();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(t('noteEmpty'));
    const area = root.querySelector<HTMLTextAreaElement>('[data-testid="note-editor"]')!;
    act(() => {
      area.value = 'Navragen';
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await submit();
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect(root.querySelector('[role="status"]')?.textContent).toBe(t('noteSaved'));
  });
});
