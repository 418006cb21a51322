// The side panel's state in one place: which tab and document it is about, the document's
// report, its notes and flags and which of them the page still finds, the editor, the letter,
// the view and the message to the reader. Views read it through usePanel; every change goes
// through an action here, which asks the page (the message protocol) or writes (the record's
// writer). Replies are checked against the tab and document asked about: a reply that arrives
// after the reader switched tabs is dropped, so the panel never shows one tab's answer under
// another tab's document.
import type { CategoryId } from '../../core/rules/schema';
import type { Anchor, MatchSummary, ScanReport } from '../messages/protocol';
import { sendToBackground, sendToTab } from '../messages/send';
import type { UnkeptReason } from '../tabs/tab-state';
import type { PendingNote } from '../background/menus';
import { normaliseDocumentUrl } from '../../record/db/url';
import { addFlag, addNote, keepDocument, learnListedOutcomes, removeEntry, saveEntry, type DocumentFacts, type EntryOutcome } from '../../record/writer';
import { decisionToKeep, type DecisionSource } from '../../record/db/outcome';
import { documentFacts, type PortalFacts } from '../../record/document-meta';
import { addresseeRead, type Addressee } from '../../core/questions/addressee';
import type { ProposalDecision } from '../../core/questions/proposal';
import type { RecordEntry } from '../../record/entries';
import type { FlagInput, NoteInput } from '../../record/db';
import { t } from '../i18n';
import { loadBuiltinRules } from '../../core/rules';
import { sentenceInWindow } from '../../core/questions/reading';
import { errorText } from './error-text';
import { reportForTab, type TabInfo } from './hooks';
import { createStore, storeContext, useStore, type Store } from './store';
import {
  editInput,
  entryKey,
  inReadingOrder,
  loadDocumentNotes,
  sameAnchored,
  sameRecord,
  type EntryChanges,
  type Loaded,
  type NewFlagInput,
  type NoteExtras,
  type FlagTarget,
} from './document-notes';

type PanelView = 'document' | 'notes' | 'all';
const VIEW_KEY = 'raadslens:view';

interface PanelNotes extends Loaded {
  /** The document's notes, in reading order. */
  list: Loaded['notes'];
  /** Notes and flags together, in reading order. */
  entries: RecordEntry[];
  /** The entries that have an anchor, keyed by entryKey (what the page is asked to find). */
  anchored: { id: string; anchor: Anchor }[];
}

interface PanelState {
  tabId: number | null;
  tab: TabInfo | null;
  /** The report about the document the tab shows now: undefined while loading, null when there is none. */
  report: ScanReport | null | undefined;
  /** Why the tab's latest report could not be kept; undefined while loading. */
  unkept: UnkeptReason | null | undefined;
  view: PanelView;
  notes: PanelNotes;
  /** A storage problem with the document's notes, in Dutch. */
  notesError: string | null;
  /** Per anchored entry (by entryKey): found in the page now; null while unknown. */
  found: ReadonlyMap<string, boolean> | null;
  /** The passage the next note is about, and the category of the match it was started from. */
  anchor: Anchor | null;
  noteCategory: CategoryId | undefined;
  /** Grows each time a note is started, so the editor takes the focus again. */
  focusKey: number;
  /** A flag being made (from a match in the Document tab, or in the notes). */
  flagTarget: FlagTarget | null;
  letterOpen: boolean;
  /** The whole sentence of each anchored note and flag (by entry id), asked of the page when the letter opens. */
  sentences: ReadonlyMap<string, string> | null;
  /** A message to the reader (page unreachable, no selection, flag added). */
  message: string | null;
  /** The heading a skip link asked for, focused once its view is drawn. */
  skipTo: string | null;
  /**
   * What the panel knows about the PDF a tab shows (the portal's name for it, gemeente, type). A
   * PDF tab has no page report, and its tab title is the PDF's own title (often stale) or its raw
   * address: a note stored there is named from this instead.
   */
  pdfFacts: PdfFacts | null;
}

interface PdfFacts {
  url: string;
  title: string;
  portal?: PortalFacts;
  /** Whom its questions go to, once it is read (lib/core/questions/addressee.ts addresseeRead). */
  addressee?: Addressee;
  /** What the raad did with it, where its text or the list that links it says (lib/core/questions/proposal.ts decisionOf). */
  decision?: ProposalDecision;
  /** 'list': only the list that links it says so (its text does not). */
  decisionFrom?: DecisionSource;
}

/** What the store needs from outside: the page and the background (replaced in tests). */
export interface PanelDeps {
  toTab: typeof sendToTab;
  toBackground: typeof sendToBackground;
  loadNotes: (documentId: string) => Promise<Loaded>;
  /** Where the view is remembered for the panel session (sessionStorage; none in Node). */
  viewMemory: Pick<Storage, 'getItem' | 'setItem'> | null;
}

const EMPTY_NOTES: PanelNotes = { notes: [], flags: [], document: undefined, list: [], entries: [], anchored: [] };

/**
 * The panel's notes from a read of the record. `before`'s list of passages is kept when the
 * passages are the same (a note's text or status edited, a note without a passage added): the
 * page is asked to find them again only when they changed.
 */
function notesOf(loaded: Loaded, before: PanelNotes | null): PanelNotes {
  const { list, entries } = inReadingOrder(loaded);
  const anchored = entries.flatMap((e) => (e.anchor ? [{ id: entryKey(e), anchor: e.anchor }] : []));
  return { ...loaded, list, entries, anchored: before && sameAnchored(anchored, before.anchored) ? before.anchored : anchored };
}

function documentIdOf(tab: TabInfo | null): string | null {
  try {
    return tab?.url ? normaliseDocumentUrl(tab.url) : null;
  } catch {
    return null;
  }
}

function defaultDeps(): PanelDeps {
  return {
    toTab: sendToTab,
    toBackground: sendToBackground,
    loadNotes: loadDocumentNotes,
    viewMemory: typeof sessionStorage === 'undefined' ? null : sessionStorage,
  };
}

export class PanelStore {
  readonly store: Store<PanelState>;
  private readonly deps: PanelDeps;
  /** The tab's latest report as stored, before it is checked against the tab's document. */
  private tabReport: ScanReport | null | undefined = undefined;
  private pending: PendingNote | null = null;
  /** One number per question kind: a reply is taken only if no newer question was asked since. */
  private asked = { notes: 0, locate: 0, sentences: 0 };

  constructor(deps: Partial<PanelDeps> = {}) {
    this.deps = { ...defaultDeps(), ...deps };
    const v = this.deps.viewMemory?.getItem(VIEW_KEY);
    this.store = createStore<PanelState>({
      tabId: null,
      tab: null,
      report: undefined,
      unkept: undefined,
      // The panel reopens on the view the reader left it on (per panel session).
      view: v === 'notes' || v === 'all' ? v : 'document',
      notes: EMPTY_NOTES,
      notesError: null,
      found: null,
      anchor: null,
      noteCategory: undefined,
      focusKey: 0,
      flagTarget: null,
      letterOpen: false,
      sentences: null,
      message: null,
      skipTo: null,
      pdfFacts: null,
    });
  }

  get state(): PanelState {
    return this.store.get();
  }

  private get documentId(): string | null {
    return documentIdOf(this.state.tab);
  }

  // ── What the panel is about: tab, tab info, report (each called by the browser wiring) ──

  /** The reader switched to another tab: everything about the one before is let go. */
  setTabId(tabId: number | null): void {
    if (tabId === this.state.tabId) return;
    this.tabReport = undefined;
    this.store.set({ tabId, tab: null, unkept: undefined });
    this.afterDocumentChange();
  }

  /** The tab's address and title (null: the tab is gone). An answer about another tab is dropped. */
  setTab(tabId: number, tab: TabInfo | null): void {
    if (tabId !== this.state.tabId) return;
    const before = this.documentId;
    const old = this.state.tab;
    if (old && tab && old.url === tab.url && old.title === tab.title && old.status === tab.status) return;
    this.store.set({ tab });
    if (documentIdOf(tab) !== before) this.afterDocumentChange();
    else this.intakeReport();
  }

  /** The tab's latest scan, as the background keeps it. The one place a report enters the panel. */
  receiveReport(tabId: number, report: ScanReport | null): void {
    if (tabId !== this.state.tabId) return;
    this.tabReport = report;
    this.intakeReport();
  }

  /** The tab's PDF as the panel names it (null: the tab shows no PDF). */
  setPdfFacts(facts: PdfFacts | null): void {
    const old = this.state.pdfFacts;
    if (old === facts || (old && facts && old.url === facts.url && old.title === facts.title && old.portal === facts.portal && old.addressee === facts.addressee && old.decision === facts.decision && old.decisionFrom === facts.decisionFrom)) return;
    this.store.set({ pdfFacts: facts });
    this.repairDocument();
  }

  setUnkept(tabId: number, unkept: UnkeptReason | null): void {
    if (tabId === this.state.tabId) this.store.set({ unkept });
  }

  /**
   * The report about the document the tab shows now: undefined while either is loading, null when
   * there is none or it is about the document the tab showed before (reportIsFor).
   */
  private intakeReport(): void {
    const report = reportForTab(this.tabReport, this.state.tabId, this.state.tab);
    if (report === this.state.report) return;
    this.store.set({ report });
    this.repairDocument();
    this.learnListed(report);
    void this.locate();
    void this.gatherSentences();
  }

  /**
   * A list whose rows say what the raad did (a Status column): the moties and amendementen among
   * its attachments that the reader keeps learn it (lib/record/writer.ts learnListedOutcomes),
   * once per report. Best effort, like repairDocument: the next read of the list tries again.
   */
  private learnedFrom: ScanReport | null = null;
  private learnListed(report: ScanReport | null | undefined): void {
    if (!report?.attachments?.some((a) => a.decision) || report === this.learnedFrom) return;
    this.learnedFrom = report;
    learnListedOutcomes(report.attachments).catch(() => undefined);
  }

  private afterDocumentChange(): void {
    this.store.set({ notes: EMPTY_NOTES, notesError: null, found: null, sentences: null });
    this.intakeReport();
    void this.reloadNotes();
    this.takePending();
  }

  // ── The document's notes and flags ──

  /** Reads the document's notes again (also after every change to the record, from any page). */
  async reloadNotes(): Promise<void> {
    const documentId = this.documentId;
    const asked = ++this.asked.notes;
    if (!documentId) {
      this.setNotes(EMPTY_NOTES);
      return;
    }
    try {
      const loaded = await this.deps.loadNotes(documentId);
      if (asked !== this.asked.notes || documentId !== this.documentId) return;
      // Read again as it was (the panel's own save is read once after it and once more on its
      // broadcast; another document's change is heard here too): nothing drawn or asked again.
      // The first read of a document is taken whole (the empty list it starts with is no read).
      const before = this.state.notes === EMPTY_NOTES ? null : this.state.notes;
      if (!before || !sameRecord(loaded, before)) this.setNotes(notesOf(loaded, before));
      this.store.set({ notesError: null });
    } catch (e) {
      if (asked !== this.asked.notes || documentId !== this.documentId) return;
      this.store.set({ notesError: errorText(e) });
    }
  }

  private setNotes(notes: PanelNotes): void {
    const before = this.state.notes;
    this.store.set({ notes });
    this.repairDocument();
    if (notes.anchored !== before.anchored) void this.locate();
    if (notes.entries !== before.entries) void this.gatherSentences();
  }

  /** The document as the tab and the portal describe it (for storing it with its first note). */
  facts(): DocumentFacts | null {
    const { tab, report } = this.state;
    if (!tab) return null;
    const pdf = this.pdfFacts();
    // A page's portal facts come with its read opening (the background's): whom it asks and what
    // became of it are known then.
    return pdf
      ? documentFacts(tab.url, pdf.title, pdf.portal, pdf.addressee, pdf.decision, pdf.decisionFrom)
      : documentFacts(tab.url, tab.title, report?.portal, addresseeRead(report?.portal), report?.portal?.decision);
  }

  /** The PDF facts when they are about the address the tab shows now. */
  private pdfFacts(): PdfFacts | null {
    const { tab, pdfFacts } = this.state;
    return tab && pdfFacts?.url === tab.url ? pdfFacts : null;
  }

  private known(): DocumentFacts {
    const facts = this.facts();
    if (!this.documentId || !facts) throw new Error('Geen document geopend.');
    return facts;
  }

  /** A stored document learns what a later scan knows better (gemeente, type, meeting date, whom it asks, its outcome). */
  private repaired: string | null = null;
  private repairDocument(): void {
    const stored = this.state.notes.document;
    const portal: PortalFacts | undefined = this.state.report?.portal ?? this.pdfFacts()?.portal;
    const facts = this.facts();
    // A PDF stored under the tab's title (its stale embedded title or raw address, as older
    // builds did) takes the name the panel gives it; a title that is not the tab's is kept.
    const pdf = this.pdfFacts();
    const retitle = !!stored && !!pdf && stored.title === this.state.tab?.title && stored.title !== pdf.title;
    const stale =
      !!stored && !!facts && !!portal &&
      ((facts.gemeente && facts.gemeente !== stored.gemeente) || (facts.type && facts.type !== stored.type) || (facts.meetingDate && facts.meetingDate !== stored.meetingDate) ||
        (facts.addressee && facts.addressee !== (stored.addressee ?? 'college')) || !!decisionToKeep(stored, facts));
    const key = stale || retitle ? this.documentId : null;
    if (key === this.repaired) return;
    this.repaired = key;
    // Best effort: the next scan tries again, and the reader's notes do not depend on it.
    if ((stale || retitle) && facts) keepDocument({ ...facts, title: (!retitle && stored?.title) || facts.title }).catch(() => undefined);
  }

  async addNote(text: string, extras: NoteExtras = {}): Promise<void> {
    const { anchor, noteCategory } = this.state;
    const category = this.noteCategoryFor(anchor, noteCategory);
    await addNote(this.known(), { text, anchor: anchor ?? undefined, ...extras, category });
    this.store.set({ anchor: null });
    await this.reloadNotes();
  }

  async addFlag(flag: NewFlagInput): Promise<void> {
    await addFlag(this.known(), flag);
    this.store.set({ flagTarget: null });
    await this.reloadNotes();
  }

  /** Saves an edit against the revision shown; a conflict comes back for the reader to resolve. */
  updateEntry(entry: RecordEntry, changes: EntryChanges): Promise<EntryOutcome> {
    return this.saveInput(entry.kind, editInput(entry, changes));
  }

  /** Saves exactly `input` (after the reader resolved a conflict). */
  async saveInput(kind: RecordEntry['kind'], input: NoteInput | FlagInput): Promise<EntryOutcome> {
    const outcome = await saveEntry(kind, input);
    await this.reloadNotes();
    return outcome;
  }

  async removeEntry(entry: RecordEntry): Promise<void> {
    try {
      await removeEntry(entry.kind, entry.id, entry.stored.revision);
    } catch (e) {
      this.store.set({ notesError: errorText(e) });
    }
    await this.reloadNotes();
  }

  /**
   * A note started from a match takes that match's category; otherwise the first match inside
   * the passage gives it (and with it the question).
   */
  noteCategoryFor(anchor: Anchor | null, fromMatch: CategoryId | undefined): CategoryId | undefined {
    if (!anchor) return undefined;
    return fromMatch ?? this.state.report?.matches.find((m) => m.start >= anchor.start && m.end <= anchor.end)?.category;
  }

  // ── Asking the page ──

  /** Which notes' passages are still in the page, by entry. */
  private async locate(): Promise<void> {
    const asked = ++this.asked.locate;
    const { tabId, report, notes } = this.state;
    this.store.set({ found: null });
    if (tabId === null || !report) return;
    const documentId = this.documentId;
    const current = () => asked === this.asked.locate && tabId === this.state.tabId && documentId === this.documentId;
    try {
      const list = await this.deps.toTab(tabId, { type: 'locate-anchors', entries: notes.anchored });
      if (current()) this.store.set({ found: new Map(list.map((x) => [x.id, x.found])) });
    } catch {
      if (current()) this.store.set({ found: null });
    }
  }

  /**
   * The letter quotes whole sentences: the page finds the sentence each note or flag stands in. Only
   * a page session answers (a PDF tab has none), so the window is a web page's text: 'wrapped'.
   */
  private async gatherSentences(): Promise<void> {
    const asked = ++this.asked.sentences;
    const { letterOpen, tabId, report, notes } = this.state;
    this.store.set({ sentences: null });
    if (!letterOpen) return;
    const anchored = notes.entries.filter((e) => e.anchor);
    if (tabId === null || !report || anchored.length === 0) {
      this.store.set({ sentences: new Map() });
      return;
    }
    const documentId = this.documentId;
    const current = () => asked === this.asked.sentences && tabId === this.state.tabId && documentId === this.documentId;
    try {
      const found = await this.deps.toTab(tabId, { type: 'anchor-sentences', anchors: anchored.map((e) => e.anchor!) });
      if (current()) this.store.set({ sentences: new Map(anchored.flatMap((e, i) => (found[i] ? [[e.id, sentenceInWindow(found[i]!, loadBuiltinRules(), 'wrapped')] as const] : []))) });
    } catch {
      if (current()) this.store.set({ sentences: new Map() });
    }
  }

  /** Runs a request to the page; a page that does not answer gets one Dutch message. */
  private async ask<T>(p: Promise<T>): Promise<T | undefined> {
    try {
      const value = await p;
      this.store.set({ message: null });
      return value;
    } catch {
      this.store.set({ message: t('pageUnreachable') });
      return undefined;
    }
  }

  /** Asks the page for the sentence of a match; undefined when the panel moved on meanwhile. */
  private async anchorOf(m: MatchSummary): Promise<Anchor | null | undefined> {
    const tabId = this.state.tabId;
    if (tabId === null) return undefined;
    const a = await this.ask(this.deps.toTab(tabId, { type: 'anchor-for-match', index: m.index }));
    return tabId === this.state.tabId ? a : undefined;
  }

  private startNote(a: Anchor | null | undefined): void {
    if (a === undefined) return;
    if (a) this.store.set({ anchor: a });
    else this.store.set({ message: t('noSelection') });
    this.store.set({ focusKey: this.state.focusKey + 1 });
    this.setView('notes');
  }

  showMatch = (m: MatchSummary): void => {
    const tabId = this.state.tabId;
    if (tabId !== null) void this.ask(this.deps.toTab(tabId, { type: 'scroll-to-match', index: m.index }));
  };

  showAnchor = (a: Anchor): void => {
    const tabId = this.state.tabId;
    if (tabId !== null) void this.ask(this.deps.toTab(tabId, { type: 'scroll-to-anchor', anchor: a }));
  };

  noteOnMatch = async (m: MatchSummary): Promise<void> => {
    const a = await this.anchorOf(m);
    if (a === undefined) return;
    this.store.set({ noteCategory: a ? m.category : undefined });
    this.startNote(a);
  };

  flagMatch = async (m: MatchSummary): Promise<void> => {
    const a = await this.anchorOf(m);
    if (!a) return;
    this.store.set({ flagTarget: { kind: 'match', anchor: a, termId: m.termId, category: m.category, term: m.text } });
    this.setView('notes');
  };

  /** The reader's selection in the page becomes the passage of the next note. */
  pickSelection = async (): Promise<void> => {
    const tabId = this.state.tabId;
    if (tabId === null) return;
    this.store.set({ noteCategory: undefined });
    const a = await this.ask(this.deps.toTab(tabId, { type: 'get-selection' }));
    if (tabId === this.state.tabId) this.startNote(a);
  };

  scanNow = (): void => {
    const tabId = this.state.tabId;
    if (tabId !== null) void this.ask(this.deps.toBackground({ type: 'scan-tab', tabId }));
  };

  // ── A passage from the context menu ("Notitie bij deze passage", "Markeer als aandachtspunt") ──

  /** The background left a passage for this tab; taken once the tab's document is known. */
  receivePending(tabId: number, pending: PendingNote): void {
    if (tabId !== this.state.tabId) return;
    this.pending = pending;
    this.takePending();
  }

  private takePending(): void {
    const pending = this.pending;
    if (!pending || !this.state.tab) return;
    this.pending = null;
    if (pending.action === 'flag' && pending.anchor) {
      void this.addFlag({ kind: 'passage', anchor: pending.anchor, reason: '' })
        .then(() => {
          this.setView('notes');
          this.store.set({ message: t('flagAddedFromMenu') });
        })
        // A failed save is a storage problem (quota, private window): say that, in its own words.
        .catch((e: unknown) => this.store.set({ message: errorText(e) }));
    } else this.startNote(pending.anchor);
  }

  // ── Editor, letter, views ──

  clearAnchor = (): void => this.store.set({ anchor: null });
  setFlagTarget = (flagTarget: FlagTarget | null): void => this.store.set({ flagTarget });

  /** "Brief met schriftelijke vragen": shown in the notes view, with the sentences asked of the page. */
  openLetter = (): void => {
    this.setLetterOpen(true);
    this.setView('notes');
  };

  setLetterOpen = (letterOpen: boolean): void => {
    if (letterOpen === this.state.letterOpen) return;
    this.store.set({ letterOpen });
    void this.gatherSentences();
  };

  setView = (view: PanelView): void => {
    this.store.set({ view });
    this.deps.viewMemory?.setItem(VIEW_KEY, view);
  };

  /** A skip link: the view it needs, then the heading (focused once the view is drawn). */
  skip = (view: PanelView, id: string): void => {
    this.setView(view);
    this.store.set({ skipTo: id });
  };

  skipDone = (): void => this.store.set({ skipTo: null });
}

const panel = storeContext<PanelStore>('PanelStore');
/** Provides the panel's store to the views below it. */
export const PanelContext = panel.Context;

/** The panel's store (its actions) for a view inside the panel. */
export const usePanelStore = panel.use;

/** What a view reads from the panel's state; it is drawn again when that changes. */
export function usePanel<T>(select: (state: PanelState) => T): T {
  return useStore(usePanelStore().store, select);
}
