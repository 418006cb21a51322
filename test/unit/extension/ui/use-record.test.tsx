// "Alles" keeps the loaded record current by patching the records a write names, and reloads on a
// bulk change; what it shows always equals a fresh read.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { documentsRepo, flagsRepo, mergeRecords, notesRepo, readAllRecords } from '../../../../lib/record/db';
import { buildEntries } from '../../../../lib/record/entries';
import { resetRecordForTests, useRecord, type RecordState } from '../../../../lib/extension/ui/use-record';
import { useFreshDatabase } from '../../record/db/helpers';
import { set as fixture } from '../../record/export/fixtures';

useFreshDatabase();
let root: HTMLElement;
let state: RecordState | null = null;

function Probe() {
  state = useRecord();
  return null;
}

beforeEach(() => {
  resetRecordForTests();
  root = document.createElement('div');
  render(<Probe />, root);
});
afterEach(() => render(null, root));

const summary = (entries: RecordState['entries']) => entries.map((e) => `${e.kind}:${e.text}:${e.status}:${e.title}`).sort();

async function expectFresh() {
  await vi.waitFor(async () => {
    await act(async () => {});
    const { documents, notes, flags } = await readAllRecords();
    expect(summary(state!.entries)).toEqual(summary(buildEntries(documents, notes, flags)));
  });
}

describe('useRecord', () => {
  it('follows creates, edits, deletes and document changes without a full reload, and reloads after an import', async () => {
    await vi.waitFor(() => expect(state?.loading).toBe(false));
    const url = 'https://utrecht.raadsinformatie.nl/document/9';
    await documentsRepo.upsert({ url, title: 'Eerste titel' });
    const note = await notesRepo.create({ documentId: url, text: 'een' });
    const flag = await flagsRepo.create({ documentId: url, kind: 'document', reason: 'let op' });
    await expectFresh();
    expect(state!.entries).toHaveLength(2);

    const reads = vi.spyOn(notesRepo, 'listAll');
    await notesRepo.save({ ...note, status: 'gesteld' });
    await documentsRepo.upsert({ url, title: 'Nieuwe titel' });
    await flagsRepo.remove(flag.id);
    await expectFresh();
    expect(state!.entries.map((e) => e.title)).toEqual(['Nieuwe titel']);
    expect(reads).not.toHaveBeenCalled();

    await mergeRecords(fixture);
    await expectFresh();
    expect(state!.entries).toHaveLength(6);
    expect(reads).toHaveBeenCalled();
  });
});
