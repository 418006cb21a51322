// The side panel's store without a DOM: the page and the background are fakes, the record is
// fake-indexeddb. Above all: a reply that arrives after the reader switched tabs (or the tab
// moved to another document) is dropped, so the panel never shows it under the wrong document.
import { describe, expect, it, vi } from 'vitest';
import { documentsRepo, flagsRepo, notesRepo } from '../../../../lib/record/db';
import { PanelStore, type PanelDeps } from '../../../../lib/extension/ui/panel-store';
import type { MatchSummary, ScanReport } from '../../../../lib/extension/messages/protocol';
import type { PendingNote } from '../../../../lib/extension/background/menus';
import { anchor, useFreshDatabase } from '../../record/db/helpers';

useFreshDatabase();

const A = 'https://almelo.bestuurlijkeinformatie.nl/Agenda/Document/a';
const B = 'https://almelo.bestuurlijkeinformatie.nl/Agenda/Document/b';

/** A promise the test settles when it wants to. */
function held<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

function report(url: string, matches: Partial<MatchSummary>[] = []): ScanReport {
  return { url, title: 'Raadsvoorstel', chars: 100, matchCount: matches.length, matches } as unknown as ScanReport;
}

const match = { index: 0, termId: 'camera', category: 'camera', text: 'camera', start: 120, end: 126 } as unknown as MatchSummary;

/** The page as a list of requests, each answered by the test. */
function fakePage() {
  const asked: { tabId: number; msg: { type: string }; reply: ReturnType<typeof held<unknown>> }[] = [];
  const toTab = ((tabId: number, msg: { type: string }) => {
    const reply = held<unknown>();
    asked.push({ tabId, msg, reply });
    return reply.promise;
  }) as unknown as PanelDeps['toTab'];
  const of = (type: string) => asked.filter((a) => a.msg.type === type);
  return { asked, toTab, of };
}

function memory(): PanelDeps['viewMemory'] {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) };
}

/** A store showing `url` in tab `tabId`, its report received. */
function showing(panel: PanelStore, tabId: number, url: string, withReport = true) {
  panel.setTabId(tabId);
  panel.setTab(tabId, { url, title: 'Raadsvoorstel' });
  if (withReport) panel.receiveReport(tabId, report(url, [match]));
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('PanelStore: what the panel is about', () => {
  it('takes the report for the tab and its document; one about the document before or another tab is not shown', () => {
    const panel = new PanelStore({ toTab: fakePage().toTab, viewMemory: null });
    panel.setTabId(1);
    expect(panel.state.report).toBeUndefined();
    panel.receiveReport(1, report(A));
    // The tab's address is not known yet: the report cannot be judged.
    expect(panel.state.report).toBeUndefined();
    panel.setTab(1, { url: A, title: 'a' });
    expect(panel.state.report?.url).toBe(A);
    // The tab navigated to B; the stored report is still A's.
    panel.setTab(1, { url: B, title: 'b' });
    expect(panel.state.report).toBeNull();
    // A late answer about tab 2 (the reader has left it) changes nothing.
    panel.receiveReport(2, report(B));
    panel.setTab(2, { url: 'https://elders.nl/', title: 'x' });
    expect(panel.state.report).toBeNull();
    expect(panel.state.tab?.url).toBe(B);
    panel.receiveReport(1, report(B));
    expect(panel.state.report?.url).toBe(B);
  });

  it('remembers the view for the panel session and reopens on it', () => {
    const viewMemory = memory();
    const panel = new PanelStore({ viewMemory });
    expect(panel.state.view).toBe('document');
    panel.setView('all');
    expect(new PanelStore({ viewMemory }).state.view).toBe('all');
  });

  it('tells listeners only about real changes', () => {
    const panel = new PanelStore({ viewMemory: null });
    const heard = vi.fn();
    panel.store.subscribe(heard);
    panel.setView('document');
    expect(heard).not.toHaveBeenCalled();
    panel.setView('notes');
    expect(heard).toHaveBeenCalledTimes(1);
  });
});

describe('PanelStore: notes of the document', () => {
  it('drops a late read of the notes of the tab the reader switched away from', async () => {
    await notesRepo.create({ documentId: A, text: 'notitie bij A' });
    await notesRepo.create({ documentId: B, text: 'notitie bij B' });
    const read = notesRepo.listByDocument.bind(notesRepo);
    const heldA = held<void>();
    vi.spyOn(notesRepo, 'listByDocument').mockImplementation(async (id: string) => {
      const notes = await read(id);
      if (id === A) await heldA.promise;
      return notes;
    });
    const panel = new PanelStore({ toTab: fakePage().toTab, viewMemory: null });
    showing(panel, 1, A, false);
    showing(panel, 2, B, false);
    await vi.waitFor(() => expect(panel.state.notes.list.map((n) => n.text)).toEqual(['notitie bij B']));
    heldA.resolve();
    await flush();
    await flush();
    expect(panel.state.notes.list.map((n) => n.text)).toEqual(['notitie bij B']);
    expect(panel.state.notes.entries.map((e) => e.url)).toEqual([B]);
  });

  it('stores the document with the first note, edits against the revision shown, deletes', async () => {
    const panel = new PanelStore({ toTab: fakePage().toTab, viewMemory: null });
    showing(panel, 1, A, false);
    await panel.addNote('eerste');
    expect((await documentsRepo.get(A))?.title).toBe('Raadsvoorstel');
    expect(panel.state.notes.list.map((n) => n.text)).toEqual(['eerste']);
    const [entry] = panel.state.notes.entries;
    expect(await panel.updateEntry(entry!, { text: 'bijgewerkt' })).toMatchObject({ kind: 'saved', stored: { text: 'bijgewerkt', revision: 2 } });
    // An edit against a revision the reader no longer sees is a conflict, not a silent overwrite.
    expect((await panel.updateEntry(entry!, { text: 'oud' })).kind).toBe('conflict');
    await panel.removeEntry(panel.state.notes.entries[0]!);
    expect(panel.state.notes.entries).toEqual([]);
  });

  it('a PDF tab: the note’s document is named as the panel names the PDF, not by the tab title (its stale embedded title)', async () => {
    const pdf = 'https://gemeenteraad.voorbeeldstad.nl/Documenten/Besluitenlijst-raad-1-juni-2026.pdf';
    const panel = new PanelStore({ toTab: fakePage().toTab, viewMemory: null });
    panel.setTabId(3);
    panel.setTab(3, { url: pdf, title: 'Aandachtspuntenlijst 2008' });
    panel.receiveReport(3, null);
    panel.setPdfFacts({ url: pdf, title: 'Besluitenlijst raad 1 juni 2026', portal: { gemeente: 'Voorbeeldstad', documentType: 'besluitenlijst', title: 'Besluitenlijst raad 1 juni 2026' } });
    await panel.addNote('eerste');
    expect(await documentsRepo.get(pdf)).toMatchObject({ title: 'Besluitenlijst raad 1 juni 2026', gemeente: 'Voorbeeldstad', type: 'besluitenlijst' });
    // Facts about another address (the tab moved on) are not used.
    panel.setTab(3, { url: A, title: 'Raadsvoorstel' });
    expect(panel.facts()).toMatchObject({ url: A, title: 'Raadsvoorstel' });
  });

  it('a PDF stored under its tab title by an older build is renamed once the panel names it', async () => {
    const pdf = 'https://denhaag.raadsinformatie.nl/document/1/1/Motie+Voorbeeld';
    await documentsRepo.upsert({ url: pdf, title: 'Motie+Voorbeeld' });
    await notesRepo.create({ documentId: pdf, text: 'oude notitie' });
    const panel = new PanelStore({ toTab: fakePage().toTab, viewMemory: null });
    panel.setTabId(4);
    panel.setTab(4, { url: pdf, title: 'Motie+Voorbeeld' });
    panel.receiveReport(4, null);
    await vi.waitFor(() => expect(panel.state.notes.document?.title).toBe('Motie+Voorbeeld'));
    panel.setPdfFacts({ url: pdf, title: 'Motie Voorbeeld', portal: { gemeente: 'Den Haag', title: 'Motie Voorbeeld' } });
    await vi.waitFor(async () => expect(await documentsRepo.get(pdf)).toMatchObject({ title: 'Motie Voorbeeld', gemeente: 'Den Haag' }));
  });

  it('a motie’s outcome (its text or its list row) is kept with its note, and a stored one learns a later read', async () => {
    const pdf = 'https://denhaag.raadsinformatie.nl/document/2/1/Motie+Drones';
    const panel = new PanelStore({ toTab: fakePage().toTab, viewMemory: null });
    panel.setTabId(5);
    panel.setTab(5, { url: pdf, title: 'Motie+Drones' });
    panel.receiveReport(5, null);
    const portal = { gemeente: 'Den Haag', documentType: 'motie', title: 'Motie Drones' };
    panel.setPdfFacts({ url: pdf, title: 'Motie Drones', portal, addressee: 'college' });
    await panel.addNote('eerste');
    expect((await documentsRepo.get(pdf))?.decision).toBeUndefined();
    // The list row's "Verworpen" arrives (the panel learned it): the stored motie takes it.
    panel.setPdfFacts({ url: pdf, title: 'Motie Drones', portal, addressee: 'college', decision: 'verworpen' });
    await vi.waitFor(async () => expect((await documentsRepo.get(pdf))?.decision).toBe('verworpen'));
    await panel.addNote('tweede');
    expect((await documentsRepo.get(pdf))?.decision).toBe('verworpen');
  });

  it('a list page whose rows say what the raad did: the kept motie it links learns it, and nothing else is stored', async () => {
    const kept = 'https://denhaag.raadsinformatie.nl/document/13400002/1/Motie+302';
    const notKept = 'https://denhaag.raadsinformatie.nl/document/13400001/1/Motie+301';
    const list = 'https://denhaag.raadsinformatie.nl/modules/6/moties';
    // Saved before the raad decided: its text says nothing of an outcome.
    const panel = new PanelStore({ toTab: fakePage().toTab, viewMemory: null });
    panel.setTabId(6);
    panel.setTab(6, { url: kept, title: 'Motie+302' });
    panel.receiveReport(6, null);
    panel.setPdfFacts({ url: kept, title: 'Motie 302', portal: { gemeente: 'Den Haag', documentType: 'motie' } });
    await panel.addNote('Wat doet het college met het register?');
    expect((await documentsRepo.get(kept))?.decision).toBeUndefined();
    // Later, the list of moties in the same tab: its Status column says "Verworpen".
    panel.setTab(6, { url: list, title: 'Moties' });
    panel.receiveReport(6, { ...report(list), attachments: [{ name: 'Motie 301', url: notKept, decision: 'aangenomen' }, { name: 'Motie 302', url: kept, decision: 'verworpen' }] });
    await vi.waitFor(async () => expect(await documentsRepo.get(kept)).toMatchObject({ decision: 'verworpen', decisionFrom: 'list' }));
    expect(await documentsRepo.get(notKept)).toBeUndefined();
    expect(await documentsRepo.get(list)).toBeUndefined();
  });

  it('a note started on a match takes its passage and category; the editor gets the focus again', async () => {
    const page = fakePage();
    const panel = new PanelStore({ toTab: page.toTab, viewMemory: null });
    showing(panel, 1, A);
    const started = panel.noteOnMatch(match);
    page.of('anchor-for-match')[0]!.reply.resolve(anchor);
    await started;
    expect(panel.state).toMatchObject({ anchor, noteCategory: 'camera', focusKey: 1, view: 'notes' });
    await panel.addNote('Is er een DPIA?', { question: 'ap-1' });
    expect(panel.state.anchor).toBeNull();
    const [stored] = await notesRepo.listByDocument(A);
    expect(stored).toMatchObject({ text: 'Is er een DPIA?', category: 'camera', question: 'ap-1', anchor: { exact: anchor.exact } });
  });

  it('a passage for a match the page answers after the reader switched tabs starts no note', async () => {
    const page = fakePage();
    const panel = new PanelStore({ toTab: page.toTab, viewMemory: null });
    showing(panel, 1, A);
    const started = panel.flagMatch(match);
    showing(panel, 2, B);
    page.of('anchor-for-match')[0]!.reply.resolve(anchor);
    await started;
    expect(panel.state.flagTarget).toBeNull();
    expect(panel.state.view).toBe('document');
  });

  it('a page that does not answer gets one Dutch message', async () => {
    const page = fakePage();
    const panel = new PanelStore({ toTab: page.toTab, viewMemory: null });
    showing(panel, 1, A);
    panel.showMatch(match);
    page.of('scroll-to-match')[0]!.reply.reject(new Error('Could not establish connection'));
    await flush();
    expect(panel.state.message).toMatch(/pagina/i);
  });
});

describe('PanelStore: asking the page which passages it still finds', () => {
  it('keys the answer by entry, and drops an answer for the tab the reader left', async () => {
    await notesRepo.create({ documentId: A, text: 'bij A', anchor });
    await flagsRepo.create({ documentId: B, kind: 'passage', anchor, reason: 'bij B' });
    const page = fakePage();
    const panel = new PanelStore({ toTab: page.toTab, viewMemory: null });
    showing(panel, 1, A);
    await vi.waitFor(() => expect(page.of('locate-anchors').at(-1)?.msg).toMatchObject({ entries: [{ anchor: { exact: anchor.exact } }] }));
    const forA = page.of('locate-anchors').at(-1)!;
    const noteKey = panel.state.notes.anchored[0]!.id;
    expect(noteKey).toMatch(/^note:/);

    showing(panel, 2, B);
    forA.reply.resolve([{ id: noteKey, found: false }]);
    await flush();
    expect(panel.state.found).toBeNull();

    await vi.waitFor(() => expect(page.of('locate-anchors').at(-1)?.tabId).toBe(2));
    await vi.waitFor(() => expect(panel.state.notes.anchored).toHaveLength(1));
    const forB = page.of('locate-anchors').at(-1)!;
    const flagKey = panel.state.notes.anchored[0]!.id;
    expect(flagKey).toMatch(/^flag:/);
    forB.reply.resolve([{ id: flagKey, found: true }]);
    await vi.waitFor(() => expect(panel.state.found).toEqual(new Map([[flagKey, true]])));
  });

  it('the letter asks the sentences of the anchored notes once opened; a late answer after a switch is dropped', async () => {
    await notesRepo.create({ documentId: A, text: 'bij A', anchor });
    const page = fakePage();
    const panel = new PanelStore({ toTab: page.toTab, viewMemory: null });
    showing(panel, 1, A);
    await vi.waitFor(() => expect(panel.state.notes.entries).toHaveLength(1));
    expect(page.of('anchor-sentences')).toHaveLength(0);
    panel.openLetter();
    expect(panel.state.view).toBe('notes');
    const asked = page.of('anchor-sentences').at(-1)!;
    expect(asked.msg).toMatchObject({ anchors: [{ exact: anchor.exact }] });
    const id = panel.state.notes.entries[0]!.id;
    // The page answers with the text around each passage; the panel finds the sentence in it.
    asked.reply.resolve([{ text: 'Inleiding. De hele zin met cameratoezicht op het Stationsplein. Slot.', start: 27, end: 41 }]);
    await vi.waitFor(() => expect(panel.state.sentences).toEqual(new Map([[id, 'De hele zin met cameratoezicht op het Stationsplein.']])));

    // Asked again (A's record changed), then the reader switches to B (a note there too): A's
    // late answer must not stand as B's sentences while B's answer is out.
    await notesRepo.create({ documentId: A, text: 'nog een bij A', anchor });
    await notesRepo.create({ documentId: B, text: 'bij B', anchor });
    void panel.reloadNotes();
    await vi.waitFor(() => expect(page.of('anchor-sentences').length).toBeGreaterThan(1));
    const again = page.of('anchor-sentences').at(-1)!;
    showing(panel, 2, B);
    await vi.waitFor(() => expect(page.of('anchor-sentences').at(-1)?.tabId).toBe(2));
    again.reply.resolve([{ text: 'zin van A', start: 0, end: 3 }]);
    await flush();
    expect(panel.state.sentences).toBeNull();
    page.of('anchor-sentences').at(-1)!.reply.resolve([{ text: 'zin van B', start: 0, end: 3 }]);
    await vi.waitFor(() => expect([...(panel.state.sentences?.values() ?? [])]).toEqual(['zin van B']));
  });
});

describe('PanelStore: a record read again as it was', () => {
  /** A panel on A with one anchored note, its notes read and its passages asked of the page once. */
  async function settled() {
    await notesRepo.create({ documentId: A, text: 'bij A', anchor });
    const page = fakePage();
    const panel = new PanelStore({ toTab: page.toTab, viewMemory: null });
    showing(panel, 1, A);
    await vi.waitFor(() => expect(panel.state.notes.anchored).toHaveLength(1));
    await flush();
    const heard = vi.fn();
    panel.store.subscribe(heard);
    return { page, panel, heard, asked: page.of('locate-anchors').length };
  }

  it('draws nothing again and asks the page nothing (the panel’s own save is read twice: after it and on its broadcast)', async () => {
    const { page, panel, heard, asked } = await settled();
    const notes = panel.state.notes;
    await panel.reloadNotes();
    await flush();
    expect(panel.state.notes).toBe(notes);
    expect(heard).not.toHaveBeenCalled();
    expect(page.of('locate-anchors')).toHaveLength(asked);
  });

  it('a note without a passage, or an edited text, shows at once without asking the page to find the passages again', async () => {
    const { page, panel, asked } = await settled();
    const anchored = panel.state.notes.anchored;
    await panel.addNote('over het hele document');
    expect(panel.state.notes.list.map((n) => n.text)).toEqual(['over het hele document', 'bij A']);
    const entry = panel.state.notes.entries.find((e) => e.text === 'bij A')!;
    await panel.updateEntry(entry, { text: 'bij A, bijgewerkt', status: 'gesteld' });
    expect(panel.state.notes.entries.map((e) => e.text)).toContain('bij A, bijgewerkt');
    expect(panel.state.notes.anchored).toBe(anchored);
    expect(page.of('locate-anchors')).toHaveLength(asked);
  });

  it('the first read of a document without notes is taken: with the letter open, it has its (no) sentences', async () => {
    const panel = new PanelStore({ toTab: fakePage().toTab, viewMemory: null });
    showing(panel, 1, A, false);
    panel.openLetter();
    await vi.waitFor(() => expect(panel.state.sentences).toEqual(new Map()));
    showing(panel, 2, B, false);
    expect(panel.state.sentences).toBeNull();
    await vi.waitFor(() => expect(panel.state.sentences).toEqual(new Map()));
  });

  it('a new passage is asked of the page', async () => {
    const { page, panel, asked } = await settled();
    panel.store.set({ anchor: { ...anchor, start: anchor.start + 40, end: anchor.end + 40 } });
    await panel.addNote('tweede passage');
    expect(panel.state.notes.anchored).toHaveLength(2);
    expect(page.of('locate-anchors')).toHaveLength(asked + 1);
  });
});

describe('PanelStore: a passage left by the context menu', () => {
  it('is taken once the tab’s document is known: a flag is stored and said', async () => {
    const panel = new PanelStore({ toTab: fakePage().toTab, viewMemory: null });
    panel.setTabId(1);
    const pending: PendingNote = { tabId: 1, action: 'flag', anchor } as PendingNote;
    panel.receivePending(1, pending);
    await flush();
    expect((await flagsRepo.listByDocument(A))).toHaveLength(0);
    panel.setTab(1, { url: A, title: 'Raadsvoorstel' });
    await vi.waitFor(() => expect(panel.state.view).toBe('notes'));
    expect(panel.state.message).toBeTruthy();
    expect((await flagsRepo.listByDocument(A)).map((f) => f.anchor?.exact)).toEqual([anchor.exact]);
  });

  it('one left for another tab is not taken', async () => {
    const panel = new PanelStore({ toTab: fakePage().toTab, viewMemory: null });
    showing(panel, 1, A, false);
    panel.receivePending(2, { tabId: 2, action: 'note', anchor } as PendingNote);
    expect(panel.state.anchor).toBeNull();
    panel.receivePending(1, { tabId: 1, action: 'note', anchor } as PendingNote);
    expect(panel.state).toMatchObject({ anchor, view: 'notes', focusKey: 1 });
  });
});
