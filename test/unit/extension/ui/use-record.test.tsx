// "Alles" keeps the loaded record current by patching the records a write names, and reloads on a
// bulk change; what it shows always equals a fresh read.
import { options, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { correctionsRepo, documentsRepo, flagsRepo, mergeRecords, notesRepo, readAllRecords } from '../../../../lib/record/db';
import { listEntries, sortEntries } from '../../../../lib/record/entries';
import { correctStatus, undoCorrection } from '../../../../lib/record/writer';
import { preloadRecord, resetRecordForTests, useRecord, type RecordState } from '../../../../lib/extension/ui/use-record';
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

const summary = (entries: RecordState['entries']) =>
  entries.map((e) => (e.kind === 'correction' ? `${e.kind}:${e.corrections.map((c) => `${c.safeguard}=${c.status}`).join()}:${e.title}` : `${e.kind}:${e.text}:${e.status}:${e.title}`)).sort();

async function expectFresh() {
  await vi.waitFor(async () => {
    await act(async () => {});
    const { documents, notes, flags, corrections } = await readAllRecords();
    expect(summary(state!.entries)).toEqual(summary(listEntries(documents, notes, flags, corrections)));
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

  it('lists a document whose only record is a correction, follows each correction without a full reload, and drops it when the last is undone', async () => {
    await vi.waitFor(() => expect(state?.loading).toBe(false));
    const url = 'https://utrecht.raadsinformatie.nl/document/12';
    const facts = { url, title: 'Slimme camera’s', gemeente: 'Utrecht', type: 'raadsvoorstel' };
    const reads = vi.spyOn(correctionsRepo, 'listAll');
    await correctStatus(facts, { safeguard: 'dpia', status: 'negated', detected: 'stated' }, null);
    await expectFresh();
    expect(state!.entries).toHaveLength(1);
    const [entry] = state!.entries;
    expect(entry).toMatchObject({ kind: 'correction', documentId: url, title: 'Slimme camera’s', gemeente: 'Utrecht', documentType: 'raadsvoorstel' });
    expect(state!.set.corrections).toHaveLength(1);

    await correctStatus(facts, { safeguard: 'fg', status: 'planned', detected: 'absent' }, null);
    await expectFresh();
    expect(state!.entries).toHaveLength(1);
    expect(state!.entries[0]!.kind === 'correction' && state!.entries[0]!.corrections.map((c) => c.safeguard)).toEqual(['dpia', 'fg']);

    // A note beside it: two entries; the corrections undone: the note stays, alone.
    await notesRepo.create({ documentId: url, text: 'vragen stellen' });
    await undoCorrection(url, 'dpia');
    await expectFresh();
    expect(state!.entries.map((e) => e.kind).sort()).toEqual(['correction', 'note']);
    await undoCorrection(url, 'fg');
    await expectFresh();
    expect(state!.entries.map((e) => e.kind)).toEqual(['note']);
    expect(state!.set.corrections).toEqual([]);
    expect(reads).not.toHaveBeenCalled();
  });

  it('drops a corrected-only document from the list with its last correction', async () => {
    await vi.waitFor(() => expect(state?.loading).toBe(false));
    const url = 'https://utrecht.raadsinformatie.nl/document/13';
    await correctStatus({ url, title: 'Alleen een correctie' }, { safeguard: 'bewaartermijn', status: 'stated', detected: 'absent' }, null);
    await expectFresh();
    expect(state!.entries.map((e) => e.kind)).toEqual(['correction']);
    await undoCorrection(url, 'bewaartermijn');
    await expectFresh();
    expect(state!.entries).toEqual([]);
  });

  it('shows the first rows of the default order before the whole record is read, and then the whole record', async () => {
    await vi.waitFor(() => expect(state?.loading).toBe(false));
    render(null, root);
    for (let d = 0; d < 4; d++) {
      const url = `https://utrecht.raadsinformatie.nl/document/${d}`;
      await documentsRepo.upsert({ url, title: `Stuk ${d}`, meetingDate: `2025-0${d + 1}-01` });
      for (let i = 0; i < 9; i++) await notesRepo.create({ documentId: url, text: `notitie ${d}.${i}` });
      await flagsRepo.create({ documentId: url, kind: 'document', reason: `vlag ${d}` });
    }
    // The newest meeting's document: only corrected, listed first all the same.
    await correctStatus({ url: 'https://utrecht.raadsinformatie.nl/document/5', title: 'Alleen gecorrigeerd', meetingDate: '2025-09-01' }, { safeguard: 'dpia', status: 'negated', detected: 'stated' }, null);
    // The whole read of the notes waits until the test lets it go.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const listAll = notesRepo.listAll.bind(notesRepo);
    vi.spyOn(notesRepo, 'listAll').mockImplementation(async () => {
      await held;
      return listAll();
    });
    resetRecordForTests();
    render(<Probe />, root);
    await vi.waitFor(async () => {
      await act(async () => {});
      expect(state!.preview).not.toBeNull();
    });
    expect(state!.loading).toBe(true);
    const { documents, notes, flags, corrections } = await readAllRecords();
    const whole = sortEntries(listEntries(documents, notes, flags, corrections), 'meeting-desc');
    expect(state!.preview!.total).toBe(41);
    expect(state!.preview!.entries.map((e) => e.id)).toEqual(whole.slice(0, 20).map((e) => e.id));
    // The newest meeting's document comes first.
    expect(state!.preview!.entries[0]!.title).toBe('Alleen gecorrigeerd');
    expect(state!.preview!.entries[1]!.title).toBe('Stuk 3');

    release();
    await vi.waitFor(async () => {
      await act(async () => {});
      expect(state!.loading).toBe(false);
    });
    expect(state!.preview).toBeNull();
    expect(sortEntries([...state!.entries], 'meeting-desc').map((e) => e.id)).toEqual(whole.map((e) => e.id));
  });

  it('shows a record whose load finished between the view\'s first render and its subscription', async () => {
    // The panel preloads the record; on a busy machine that load can end after "Alles" first drew
    // (still loading) and before its effect subscribed. The view then stayed on "0 van 0" for good.
    await vi.waitFor(() => expect(state?.loading).toBe(false));
    render(null, root);
    const url = 'https://utrecht.raadsinformatie.nl/document/31';
    await documentsRepo.upsert({ url, title: 'Bewaard door een eerdere sessie' });
    await notesRepo.create({ documentId: url, text: 'al opgeslagen' });
    resetRecordForTests();

    // Hold the view's effects (Preact runs them after the next frame) until the load has ended.
    const held: Array<() => void> = [];
    const frame = options.requestAnimationFrame;
    options.requestAnimationFrame = (effects) => void held.push(effects);
    const measures = () => performance.getEntriesByName('raadslens:record-load', 'measure').length;
    const loadsBefore = measures();
    try {
      render(<Probe />, root);
      expect(state!.loading).toBe(true);
      vi.stubGlobal('requestIdleCallback', (run: () => void) => (run(), 1));
      preloadRecord();
      await vi.waitFor(() => expect(measures()).toBeGreaterThan(loadsBefore));
      await new Promise((done) => setTimeout(done, 0));
    } finally {
      options.requestAnimationFrame = frame;
      vi.unstubAllGlobals();
    }
    await act(async () => held.forEach((effects) => effects()));
    await vi.waitFor(async () => {
      await act(async () => {});
      expect(state!.loading).toBe(false);
      expect(state!.entries.map((e) => (e.kind === 'note' ? e.text : e.kind))).toEqual(['al opgeslagen']);
    }, { timeout: 10_000 });
  });
});
