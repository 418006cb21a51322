// The record's load does the heavy work of "Alles" in slices with a turn between (so a click
// never waits behind one long task), and ahead of the view: the default order, the filters'
// choices and the search text are ready when the whole record is published, and kept per list.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { documentsRepo, notesRepo } from '../../../../lib/record/db';
import { defaultSort, entryFacets, resetRecordForTests, sortedEntries, useRecord, type RecordState } from '../../../../lib/extension/ui/use-record';
import * as entries from '../../../../lib/record/entries';
import * as tasks from '../../../../lib/core/tasks';
import { useFreshDatabase } from '../../record/db/helpers';

vi.mock('../../../../lib/record/entries', async (original) => {
  const actual = await original<typeof import('../../../../lib/record/entries')>();
  return { ...actual, sortEntries: vi.fn(actual.sortEntries), facetsOf: vi.fn(actual.facetsOf) };
});
vi.mock('../../../../lib/core/tasks', async (original) => {
  const actual = await original<typeof import('../../../../lib/core/tasks')>();
  return { ...actual, nextTurn: vi.fn(actual.nextTurn) };
});

useFreshDatabase();
let state: RecordState | null = null;
function Probe() {
  state = useRecord();
  return null;
}
const root = document.createElement('div');
afterEach(() => render(null, root));

async function seed(count: number) {
  const url = 'https://utrecht.raadsinformatie.nl/document/1';
  await documentsRepo.upsert({ url, title: 'Raadsvoorstel camera’s', meetingDate: '2026-03-04' });
  for (let i = 0; i < count; i++) await notesRepo.create({ documentId: url, text: `notitie ${i}`, tags: i % 2 ? ['dpia'] : [] });
}

describe('the record’s load', () => {
  it('sorts the default order and gathers the facets once, ahead of the view, and keeps them with the list', async () => {
    await seed(5);
    resetRecordForTests();
    vi.mocked(entries.sortEntries).mockClear();
    vi.mocked(entries.facetsOf).mockClear();
    act(() => render(<Probe />, root));
    await vi.waitFor(() => expect(state?.loading).toBe(false));
    expect(entries.sortEntries).toHaveBeenCalledTimes(1);
    expect(entries.facetsOf).toHaveBeenCalledTimes(1);
    const list = state!.entries;
    const order = defaultSort(list);
    expect(order).toBe('meeting-desc');
    expect(sortedEntries(list, order)).toBe(sortedEntries(list, order));
    expect(sortedEntries(list, order).map((e) => e.id)).toEqual(entries.sortEntries([...list], order).map((e) => e.id));
    expect(entryFacets(list)).toBe(entryFacets(list));
    expect(entryFacets(list).tags).toEqual(['dpia']);
    expect(entries.facetsOf).toHaveBeenCalledTimes(1);
  });

  it('builds the list entries in slices, with a turn between', async () => {
    await seed(300);
    resetRecordForTests();
    vi.mocked(tasks.nextTurn).mockClear();
    // Each reading of the clock 10 ms later: every slice of 64 entries outlasts the slice's 8 ms.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 10));
    act(() => render(<Probe />, root));
    await vi.waitFor(() => expect(state?.loading).toBe(false));
    expect(state!.entries).toHaveLength(300);
    // 300 entries: a turn after 64, 128, 192 and 256, then before the order and the facets.
    expect(vi.mocked(tasks.nextTurn).mock.calls.length).toBeGreaterThanOrEqual(6);
  });
});
