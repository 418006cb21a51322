// From the blocks of every scanned frame to one ScanReport for the tab: offsets in one joined
// text (frame after frame, block after block, one line break between), the match list (packed,
// lib/extension/messages/match-table.ts), the AP assessment, and the portal's metadata and attachments.
// Cost: proportional to the number of matches and blocks; no DOM walk and no matching happens here.
import type { ScanRules } from '../../../core/analyse/scan-rules';
import { MatchTablePacker } from '../../../extension/messages/match-table';
import { MAX_ATTACHMENT_ROW, MAX_REPORT_TITLE, MAX_REPORT_URL } from '../../../extension/messages/limits';
import type { SentAttachment, SentScanReport, PageKindSummary, PortalSummary } from '../../../extension/messages/protocol';
import type { TermMatch } from '../../../core/match/types';
import type { Found } from '../../../core/questions/found';
import type { Attachment, PortalMeta } from '../portals';
import { RestCounter, strongCategoriesOf, type SafeguardHit } from '../../../core/questions/partial';
import { snippetAround } from '../../../core/questions/snippet';
import { readingRanges, type TextWindow } from '../../../core/questions/reading-input';
import { ReadingPacker, type HeldContext, type SentReading } from '../../../core/questions/reading-wire';
import type { FrameScanner, ScanBlock } from './frame-scanner';

export interface Segment {
  frame: FrameScanner;
  block: ScanBlock;
  /** Where the block's text starts in the joined text. */
  start: number;
  /** The block's text when the segments were made: a report's details read it after the block may have been re-indexed. */
  text: string;
}

export interface MatchRef {
  segment: Segment;
  /** Index into the block's matches. */
  local: number;
  start: number;
  end: number;
}

export const MAX_ATTACHMENTS = 500;
const PASSAGE_SNIPPET_RADIUS = 40;

export function segmentsOf(frames: readonly FrameScanner[]): { segments: Segment[]; length: number } {
  const segments: Segment[] = [];
  let offset = 0;
  for (const frame of frames) {
    for (const block of frame.index?.blocks ?? []) {
      const text = block.index.text;
      segments.push({ frame, block, start: offset, text });
      offset += text.length + 1;
    }
  }
  return { segments, length: offset };
}

/** The index of the segment whose text holds `at` (binary search over starts), or -1. */
function segmentIndexAt(segments: readonly Segment[], at: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  if (hi < 0) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]!.start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The segment whose text holds `at`. */
export function segmentAt(segments: readonly Segment[], at: number): Segment | null {
  return segments[segmentIndexAt(segments, at)] ?? null;
}

function clip(s: string | undefined, max: number): string | undefined {
  if (s === undefined) return undefined;
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/**
 * The portal's facts, clipped for the protocol. What the page's own text says (a motie's kind,
 * outcome, date, addressee) the background adds from the opening the page sends
 * (lib/extension/background/portal-opening.ts withOpening).
 */
export function portalSummary(meta: PortalMeta): PortalSummary {
  const out: PortalSummary = { portal: meta.portal, portalLabel: clip(meta.portalLabel, 200)! };
  const put = (k: Exclude<keyof PortalSummary, 'portal' | 'portalLabel' | 'decision' | 'addressee'>, v: string | undefined, max: number) => {
    const c = clip(v, max);
    if (c) out[k] = c;
  };
  put('gemeente', meta.gemeente, 200);
  put('title', meta.title, 500);
  put('documentType', meta.documentType, 60);
  put('meeting', meta.meeting, 300);
  put('date', meta.date, 100);
  put('agendaItem', meta.agendaItem, 300);
  return out;
}

/** The text of every block of the frames, in report order (the joined text's blocks). */
export function* blockTexts(frames: readonly FrameScanner[]): Generator<string, void, void> {
  for (const frame of frames) for (const block of frame.index?.blocks ?? []) yield block.index.text;
}

/** Attachments of all frames, once each, valid for the protocol. */
export function mergeAttachments(lists: ReadonlyArray<readonly Attachment[]>): SentAttachment[] {
  const seen = new Set<string>();
  const out: SentAttachment[] = [];
  for (const list of lists) {
    for (const a of list) {
      if (seen.has(a.url) || !/^https?:\/\//.test(a.url) || a.url.length > MAX_REPORT_URL) continue;
      seen.add(a.url);
      const group = clip(a.group, 300);
      const row = clip(a.row, MAX_ATTACHMENT_ROW);
      out.push({ name: clip(a.name || a.url, 500)!, url: a.url, ...(group ? { group } : {}), ...(row ? { row } : {}) });
      if (out.length >= MAX_ATTACHMENTS) return out;
    }
  }
  return out;
}

interface ComposeInput {
  frames: readonly FrameScanner[];
  analyser: ScanRules;
  url: string;
  title: string;
  ms: number;
  truncated: boolean;
  /** The page is not a document (bot check, error page, empty list). */
  page?: PageKindSummary;
}

interface Composed {
  report: SentScanReport;
  refs: MatchRef[];
  segments: Segment[];
  /**
   * The safeguards' reading the report leaves out (sliced; no contexts held: the table kept
   * them), or null when it has none. The caller keeps it with the portal's facts and the
   * attachments, also left out, until an extension page asks (page-session.ts detailsFor).
   */
  reading: (() => Generator<void, SentReading, void>) | null;
}

/** Matches (or mentions, windows) handled between two points where composing may pause. */
const COMPOSE_STEP = 1500;

/**
 * The tab's report composed from the frames, in steps: it yields every COMPOSE_STEP matches,
 * mentions or windows and between its parts, so a long page's report is spread over several tasks
 * (composed at once it was one task of 60–170 ms on the 1 MB council page). It reads the blocks as they
 * are at each step; a scan that changes them meanwhile ends with a report of its own.
 */
export function* composeReportSteps(input: ComposeInput): Generator<void, Composed, void> {
  const { segments } = segmentsOf(input.frames);
  const matches: TermMatch[] = [];
  const hits: SafeguardHit[] = [];
  const refs: MatchRef[] = [];
  const table = new MatchTablePacker();
  let chars = 0;
  let nodes = 0;
  let work = 0;
  for (const seg of segments) {
    if (work >= COMPOSE_STEP) {
      work = 0;
      yield;
    }
    const { block } = seg;
    chars += block.index.text.length;
    nodes += block.index.lengths.length;
    const data = block.data;
    work++;
    if (!data) continue;
    const list = data.matches;
    work += list.length + data.hits.length;
    for (let local = 0; local < list.length; local++) {
      const m = list[local]!;
      const start = m.start + seg.start;
      const end = m.end + seg.start;
      matches.push({ start, end, termId: m.termId, category: m.category, text: m.text });
      refs.push({ segment: seg, local, start, end });
    }
    if (!table.full) table.addBlock(block.index.text, seg.start, list);
    for (const h of data.hits) hits.push({ ...h, start: h.start + seg.start, end: h.end + seg.start });
  }
  // The safeguards' sentences are read by the background (lib/core/questions/reading.ts) in the
  // text around them sent with the report; the page carries no status engine.
  yield;
  const found = input.analyser.findings(matches, hits, '');
  for (const p of found.signals.map((x) => x.passage)) {
    const seg = segmentAt(segments, p.start);
    if (seg) p.snippet = snippetAround(seg.block.index.text, p.start - seg.start, p.end - seg.start, PASSAGE_SNIPPET_RADIUS);
  }
  const report: SentScanReport = {
    url: input.url.slice(0, MAX_REPORT_URL),
    title: clip(input.title, MAX_REPORT_TITLE) ?? '',
    scannedAt: Date.now(),
    chars,
    nodes,
    ms: input.ms,
    truncated: input.truncated,
    matchCount: matches.length,
    // Packed: the panel's snippets are made from the table's contexts when the report is read.
    matches: table.table(),
    found,
  };
  if (input.page) report.page = input.page;
  const reading = found.categories.some((c) => !c.weakOnly) ? () => readingOnly(statusReadingSteps(segments, matches, hits, input.analyser, found, [])) : null;
  return { report, refs, segments, reading };
}

function* readingOnly(steps: Generator<void, { reading: SentReading }, void>): Generator<void, SentReading, void> {
  return (yield* steps).reading;
}

/** The joined text's [start, end), built from the blocks (the page's whole text is never built here). */
function joinedSlice(segments: readonly Segment[], start: number, end: number): string {
  let out = '';
  for (let k = Math.max(0, segmentIndexAt(segments, start)); k < segments.length && segments[k]!.start < end; k++) {
    const seg = segments[k]!;
    const text = seg.text;
    out += text.slice(Math.max(0, start - seg.start), Math.max(0, Math.min(text.length, end - seg.start)));
    // Blocks are joined with one line break, which the sentence reader treats like a heading's or a list item's line end.
    if (seg.start + text.length < end && k + 1 < segments.length) out += '\n';
  }
  return out;
}

/**
 * What the background needs to read the safeguards' sentences: the text around each mention,
 * merged, packed (lib/core/questions/reading-wire.ts); the match table's `contexts` that the
 * windows hold leave the table (`kept` are the others). A generator (see composeReportSteps): it
 * yields every COMPOSE_STEP windows or mentions.
 */
function* statusReadingSteps(segments: readonly Segment[], matches: readonly TermMatch[], hits: readonly SafeguardHit[], scanner: ScanRules, found: Pick<Found, 'categories'>, contexts: readonly HeldContext[]): Generator<void, { reading: SentReading; kept: HeldContext[] }, void> {
  const ids = new Set(scanner.rules.safeguards.safeguards.map((s) => s.id));
  const mentions = hits.filter((h) => ids.has(h.group));
  const last = segments.at(-1);
  const length = last ? last.start + last.text.length : 0;
  const ranges = readingRanges(mentions, length);
  const packer = new ReadingPacker();
  // One pass over every match of the page: the tech spans inside a window, and the count per technology.
  const rest = new RestCounter(strongCategoriesOf(found));
  let r = 0;
  let k = 0;
  for (const m of matches) {
    rest.add(m);
    while (r < ranges.length && ranges[r]!.end < m.end) r++;
    if (r < ranges.length && m.start >= ranges[r]!.start) packer.addTech(m);
    if (++k % COMPOSE_STEP === 0) yield;
  }
  yield;
  const windows: TextWindow[] = [];
  let copied = 0;
  for (const w of ranges) {
    windows.push({ start: w.start, text: joinedSlice(segments, w.start, w.end) });
    // Windows are long: counted by the characters copied (a hundred per match's worth).
    copied += w.end - w.start;
    if (copied >= COMPOSE_STEP * 100) {
      copied = 0;
      yield;
    }
  }
  yield;
  let n = 0;
  for (const h of mentions) {
    const seg = segmentAt(segments, h.start)!;
    // Its snippet is made by the background, from the window and the block's edges.
    packer.addMention(h, seg.text, seg.start);
    if (++n % COMPOSE_STEP === 0) yield;
  }
  yield;
  return packer.finish(windows, rest.result(), contexts);
}
