// The panel's notes follow the tab: a slow read for the tab the reader just left must not put
// that document's notes under the one now shown; and every write goes through the record's writer.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { documentsRepo, notesRepo, type StoredNote } from '../../../../lib/record/db';
import { inReadingOrder, useDocumentNotes, type DocumentNotes } from '../../../../lib/extension/ui/use-document-notes';
import type { TabInfo } from '../../../../lib/extension/ui/hooks';
import { useFreshDatabase } from '../../record/db/helpers';

useFreshDatabase();
const A = 'https://almelo.bestuurlijkeinformatie.nl/Agenda/Document/a';
const B = 'https://almelo.bestuurlijkeinformatie.nl/Agenda/Document/b';
let root: HTMLElement;
let state: DocumentNotes | null = null;

function Probe({ tab }: { tab: TabInfo }) {
  state = useDocumentNotes(tab);
  return null;
}
const show = (url: string) => act(() => render(<Probe tab={{ url, title: 'Raadsvoorstel' }} />, root));

beforeEach(() => {
  root = document.createElement('div');
});
afterEach(() => render(null, root));

describe('useDocumentNotes', () => {
  it('drops a late reply about the tab the reader switched away from', async () => {
    await notesRepo.create({ documentId: A, text: 'notitie bij A' });
    await notesRepo.create({ documentId: B, text: 'notitie bij B' });
    const read = notesRepo.listByDocument.bind(notesRepo);
    let releaseA!: () => void;
    const heldA = new Promise<void>((resolve) => (releaseA = resolve));
    vi.spyOn(notesRepo, 'listByDocument').mockImplementation(async (id: string) => {
      const notes = await read(id);
      if (id === A) await heldA;
      return notes;
    });

    await show(A);
    await show(B);
    await vi.waitFor(() => expect(state!.list.map((n) => n.text)).toEqual(['notitie bij B']));
    releaseA();
    await act(async () => {
      await heldA;
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(state!.list.map((n) => n.text)).toEqual(['notitie bij B']);
    expect(state!.entries.map((e) => e.url)).toEqual([B]);
  });

  it('stores the document with the first note and shows what it wrote', async () => {
    await show(A);
    await vi.waitFor(() => expect(state).not.toBeNull());
    await act(() => state!.add('eerste', null));
    expect((await documentsRepo.get(A))?.title).toBe('Raadsvoorstel');
    await vi.waitFor(() => expect(state!.list.map((n) => n.text)).toEqual(['eerste']));
    const [entry] = state!.entries;
    const outcome = await state!.update(entry!, { text: 'bijgewerkt' });
    expect(outcome).toMatchObject({ kind: 'saved', stored: { text: 'bijgewerkt', revision: 2 } });
    // An edit against a revision the reader no longer sees is a conflict, not a silent overwrite.
    const stale = await state!.update(entry!, { text: 'oud' });
    expect(stale.kind).toBe('conflict');
    await act(() => state!.removeEntry(state!.entries[0]!));
    await vi.waitFor(() => expect(state!.entries).toEqual([]));
  });
});

describe('inReadingOrder', () => {
  it('puts notes without a passage first, then by passage, then by age', () => {
    const note = (id: string, start: number | null, createdAt: number) =>
      ({ id, documentId: A, text: id, status: 'open', tags: [], createdAt, updatedAt: createdAt, revision: 1, ...(start === null ? {} : { anchor: { exact: 'x', prefix: '', suffix: '', start, end: start + 1 } }) }) as unknown as StoredNote;
    const { list } = inReadingOrder({ notes: [note('b', 50, 1), note('a', null, 2), note('c', 10, 3), note('d', 10, 0)], flags: [], document: undefined });
    expect(list.map((n) => n.id)).toEqual(['a', 'd', 'c', 'b']);
  });
});
