// Storage that fails safely, seen from the panel: a clear Dutch message, and the text being
// typed stays in the editor.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotesView } from '../../../../components/panel/NotesView';
import { NoteEditor } from '../../../../components/panel/NoteEditor';
import { StorageError, notesRepo } from '../../../../lib/record/db';
import { useEffect, useState } from 'preact/hooks';
import { PanelContext, PanelStore } from '../../../../lib/extension/ui/panel-store';
import { followRecordChanges } from '../../../../lib/extension/ui/use-record-changes';
import { useFreshDatabase } from '../../record/db/helpers';

useFreshDatabase();

const TAB = { url: 'https://utrecht.raadsinformatie.nl/document/1', title: 'Raadsvoorstel' };
let root: HTMLElement;

function mount(node: preact.ComponentChild): HTMLElement {
  root = document.createElement('div');
  document.body.append(root);
  render(node, root);
  return root;
}
afterEach(() => {
  render(null, root);
  root.remove();
});

/** The notes view in the panel's store, about TAB, kept current as the panel's wiring does. */
function Panel() {
  const [panel] = useState(() => {
    const p = new PanelStore({ viewMemory: null });
    p.setTabId(1);
    p.setTab(1, TAB);
    return p;
  });
  useEffect(() => followRecordChanges(() => void panel.reloadNotes()), [panel]);
  return (
    <PanelContext.Provider value={panel}>
      <NotesView letter={null} corrections={[]} />
    </PanelContext.Provider>
  );
}

async function type(el: HTMLTextAreaElement, text: string) {
  await act(async () => {
    el.value = text;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function settle(check: () => void) {
  await vi.waitFor(async () => {
    await act(async () => {});
    check();
  });
}

describe('storage failures in the notes view', () => {
  it('NoteEditor keeps the typed text and shows the Dutch message when saving is refused', async () => {
    const onSave = vi.fn().mockRejectedValue(new StorageError('quota'));
    const el = mount(<NoteEditor anchor={null} onClearAnchor={() => {}} onPickSelection={() => {}} onSave={onSave} focusKey={0} />);
    const area = el.querySelector<HTMLTextAreaElement>('[data-testid=note-editor]')!;
    await type(area, 'Mijn vraag over de DPIA');
    await act(async () => el.querySelector<HTMLButtonElement>('[data-testid=note-save]')!.click());
    await settle(() => expect(el.querySelector('[role=alert]')?.textContent).toMatch(/^De opslag van de browser is vol/));
    expect(onSave).toHaveBeenCalledWith('Mijn vraag over de DPIA', { question: undefined, tags: [] });
    expect(area.value).toBe('Mijn vraag over de DPIA');
  });

  it('a full disk: the panel says so, nothing is stored, the text stays; saving again works once there is room', async () => {
    const el = mount(<Panel />);
    const area = el.querySelector<HTMLTextAreaElement>('[data-testid=note-editor]')!;
    await type(area, 'Waarom 28 dagen bewaren?');
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await act(async () => el.querySelector<HTMLButtonElement>('[data-testid=note-save]')!.click());
    await settle(() => expect(el.textContent).toContain('De opslag van de browser is vol'));
    expect(area.value).toBe('Waarom 28 dagen bewaren?');
    put.mockRestore();
    expect(await notesRepo.listAll()).toHaveLength(0);

    await act(async () => el.querySelector<HTMLButtonElement>('[data-testid=note-save]')!.click());
    // The list may show the note (the change broadcast reloads it) a moment before the save's own
    // promise clears the editor: wait for both.
    await settle(() => {
      expect(el.querySelectorAll('[data-testid=note-item]')).toHaveLength(1);
      expect(area.value).toBe('');
    });
  });

  it('IndexedDB unavailable (private window): the panel shows why, and the editor keeps the text', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const el = mount(<Panel />);
    await settle(() => expect(el.querySelector('[data-testid=storage-error]')?.textContent).toMatch(/privévenster/));
    const area = el.querySelector<HTMLTextAreaElement>('[data-testid=note-editor]')!;
    await type(area, 'Niet kwijtraken');
    await act(async () => el.querySelector<HTMLButtonElement>('[data-testid=note-save]')!.click());
    await settle(() => expect(el.querySelector('.note-form [role=alert]')?.textContent).toMatch(/Opslaan is in dit venster niet mogelijk/));
    expect(area.value).toBe('Niet kwijtraken');
  });

  it('another page’s change appears without reload', async () => {
    const el = mount(<Panel />);
    await settle(() => expect(el.textContent).toContain('Nog geen'));
    // Written elsewhere (same origin): the change announcement refreshes this view.
    await notesRepo.create({ documentId: 'https://utrecht.raadsinformatie.nl/document/1', text: 'uit een ander venster' });
    await settle(() => expect(el.querySelector('[data-testid=note-item]')?.textContent).toContain('uit een ander venster'));
  });
});
