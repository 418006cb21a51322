// The one typed protocol between content script, background and extension pages. Every message
// is parsed with zod on arrival: a malformed message gets an error response, never a crash.
import { z } from 'zod';
import { AnchorSchema } from '../../core/anchor/schema';
import { lazySchema } from '../../core/lazy-schema';
import { CategoryIdSchema, CategoryPackSchema, OwnTermSchema, QuestionIdSchema } from '../../core/rules/schema';
import { unpackMatchesSteps, type MatchSummary } from './match-table';
import type { Steps } from '../../core/steps';
import { MatchTableSchema, MatchTableShape } from './match-table-schema';
import { MATCH_PART_CHARS, MAX_ATTACHMENT_ROW, MAX_REPORT_TITLE, MAX_REPORT_URL } from './limits';
import { MATCH_OPTIONS_KEY } from '../../core/analyse/options-key';
import { MAX_SENTENCE_PASSAGE, READING_RADIUS } from '../../core/questions/reading-input';
import { PAGE_WINDOW } from '../../core/questions/page-window';
import { PROPOSAL_DECISIONS } from '../../core/rules/decisions';
import { MENTION_FIELDS, ReadingError, restoreContexts, TECH_FIELDS } from '../../core/questions/reading-wire';
import { MAX_REPORTED_MATCHES, tableIssue } from './match-table';

export { MAX_REPORTED_MATCHES, type MatchSummary } from './match-table';
export { MatchSummarySchema } from './match-table-schema';

const PassageSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  snippet: z.string(),
});

const TriggerSchema = z.object({
  category: CategoryIdSchema,
  label: z.string(),
  count: z.number().int().nonnegative(),
  weakOnly: z.boolean(),
  reason: z.string(),
});
const SafeguardPassageSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string().max(2000),
  status: z.enum(['stated', 'negated', 'planned']),
  term: z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }),
  scope: z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), text: z.string().max(500) }).optional(),
  certain: z.boolean().optional(),
});
const FoundSafeguardSchema = z.object({
  id: z.string(),
  label: z.string(),
  question: QuestionIdSchema,
  count: z.number().int().nonnegative(),
  /** What the document says (lib/core/questions/status): never 'absent' here, that is `missing`. */
  status: z.enum(['stated', 'negated', 'planned']),
  passage: PassageSchema,
  passages: z.array(SafeguardPassageSchema).max(200),
  ask: z.string().optional(),
  certain: z.boolean().optional(),
});
const MissingSafeguardSchema = z.object({
  id: z.string(),
  label: z.string(),
  question: QuestionIdSchema,
  followUp: z.string(),
});
const FoundSignalSchema = z.object({
  id: z.string(),
  label: z.string(),
  question: QuestionIdSchema,
  sharpening: z.string(),
  followUp: z.string().optional(),
  count: z.number().int().nonnegative(),
  passage: PassageSchema,
});

/** lib/core/questions' Assessment as it crosses from the content script to the panel. */
export const AssessmentSummarySchema = z.object({
  hasTechnology: z.boolean(),
  categories: z.array(
    z.object({
      category: CategoryIdSchema,
      label: z.string(),
      count: z.number().int().nonnegative(),
      weakOnly: z.boolean(),
      termIds: z.array(z.string()),
    }),
  ),
  questions: z.array(
    z.object({
      id: QuestionIdSchema,
      number: z.union([z.literal(1), z.literal(2), z.literal(3)]),
      title: z.string(),
      applies: z.boolean(),
      triggers: z.array(TriggerSchema),
      found: z.array(FoundSafeguardSchema),
      missing: z.array(MissingSafeguardSchema),
      signals: z.array(FoundSignalSchema),
      followUps: z.array(z.string()),
      instruments: z.array(z.object({ id: z.string(), label: z.string(), url: z.string().optional() })),
    }),
  ),
  safeguards: z.object({ found: z.array(FoundSafeguardSchema), missing: z.array(MissingSafeguardSchema) }),
  signals: z.array(FoundSignalSchema),
});
export type AssessmentSummary = z.infer<typeof AssessmentSummarySchema>;

/** A page is scanned up to 5 M characters (lib/surface/page/scan/text-index.ts), its windows no further. */
const MAX_READING_CHARS = 6_000_000;
const MAX_READING_ITEMS = 200_000;
const offset = z.number().int().nonnegative();
const TextWindowSchema = z.strictObject({ start: offset, text: z.string().max(MAX_READING_CHARS) });

/**
 * The text around each safeguard mention and what the background reads in it, packed
 * (lib/core/questions/reading-wire.ts: numbers checked where they are unpacked, as the match
 * table's are); it is not kept with the report.
 */
const SentReadingSchema = z.strictObject({
  windows: z.array(TextWindowSchema).max(MAX_READING_ITEMS),
  names: z.array(z.string().max(2000)).max(MAX_READING_ITEMS),
  mentions: z.array(z.number()).max(MENTION_FIELDS * MAX_READING_ITEMS),
  categories: z.array(CategoryIdSchema).max(50),
  tech: z.array(z.number()).max(TECH_FIELDS * MAX_READING_ITEMS),
  rest: z.array(z.strictObject({ category: CategoryIdSchema, count: z.number().int().nonnegative(), form: z.string().max(2000) })).max(50),
  held: z.array(z.number()).max(2 * MAX_REPORTED_MATCHES),
});

/** What the raad did with a motie or an amendement. */
const DecisionSchema = z.enum(PROPOSAL_DECISIONS);

const PortalSchema = z.strictObject({
  portal: z.string().max(40),
  portalLabel: z.string().max(200),
  gemeente: z.string().max(200).optional(),
  title: z.string().max(500).optional(),
  documentType: z.string().max(60).optional(),
  meeting: z.string().max(300).optional(),
  date: z.string().max(100).optional(),
  agendaItem: z.string().max(300).optional(),
  /** What the raad did with the motie or amendement the page shows, where its text or a field says (lib/core/questions/document-kind.ts). */
  decision: DecisionSchema.optional(),
  /** The questions go to the burgemeester ("Verzoekt de burgemeester", "artikel 151c"). */
  addressee: z.literal('burgemeester').optional(),
});
const AttachmentShape = {
  name: z.string().max(500),
  url: z.url().max(MAX_REPORT_URL),
  /** The agendapunt the page lists it under. */
  group: z.string().max(300).optional(),
};
const AttachmentsSchema = z
  .array(
    z.strictObject({
      ...AttachmentShape,
      /** What the list's row that links it says the raad did with it (its status column), read by the background. */
      decision: DecisionSchema.optional(),
    }),
  )
  .max(500);
/**
 * The attachments as the page sends them with a report's details: each with the other cells of
 * its list row, which the background reads into `decision` (lib/extension/background/complete.ts)
 * and does not keep.
 */
const SentAttachmentsSchema = z
  .array(z.strictObject({ ...AttachmentShape, row: z.string().max(MAX_ATTACHMENT_ROW).optional() }))
  .max(500);
const DocumentsLaterSchema = z.number().int().positive().max(100_000);
/** A page's opening as it cut it (lib/core/questions/page-window.ts): each block costs its characters and a line break. */
const OpeningSchema = z
  .array(z.string().max(PAGE_WINDOW))
  .max(PAGE_WINDOW)
  .refine((blocks) => blocks.reduce((n, b) => n + b.length, 0) <= PAGE_WINDOW, { message: `meer dan ${PAGE_WINDOW} tekens in de opening` });

/**
 * What a report with `pending` leaves in the page until it is asked for: the page's answer to
 * 'report-details'. `reading` holds no match contexts (`held` is empty): the report's table kept them.
 */
export const ReportDetailsSchema = z.strictObject({
  portal: PortalSchema.optional(),
  attachments: SentAttachmentsSchema,
  documentsLater: DocumentsLaterSchema.optional(),
  reading: SentReadingSchema.optional(),
  /** The page's text as far as its opening goes, for the background to read what the page is (a motie's kind, outcome, date); absent for a list page. */
  opening: OpeningSchema.optional(),
});
export type ReportDetails = z.infer<typeof ReportDetailsSchema>;
export type SentAttachment = ReportDetails['attachments'][number];

/**
 * A tab's scan as the content script sends it and storage.session keeps it: the matches packed
 * (lib/extension/messages/match-table.ts). Readers unpack it into a ScanReport.
 */
export const PackedScanReportSchema = z.strictObject({
  url: z.string().max(MAX_REPORT_URL),
  title: z.string().max(MAX_REPORT_TITLE),
  scannedAt: z.number(),
  chars: z.number().int().nonnegative(),
  nodes: z.number().int().nonnegative(),
  ms: z.number().nonnegative(),
  /** True when the page was larger than Raadslens scans in one go. */
  truncated: z.boolean(),
  matchCount: z.number().int().nonnegative(),
  /** The first MAX_REPORTED_MATCHES of them. */
  matches: MatchTableSchema,
  /** Without its safeguards read while `reading` is there: the background completes it (lib/extension/background/settle.ts). */
  assessment: AssessmentSummarySchema,
  /** Sent by the content script, dropped by the background once it has read the safeguards' sentences. */
  reading: SentReadingSchema.optional(),
  /** What the portal page says about the document (lib/surface/page/portals); absent on older reports. */
  portal: PortalSchema.optional(),
  /** PDF attachments the page links (portal detectors); the side panel scans them on request. */
  attachments: AttachmentsSchema.optional(),
  /** Agenda items that say they have documents the page does not show yet (they arrive when the reader opens the item). */
  documentsLater: DocumentsLaterSchema.optional(),
  /**
   * Set while the parts only the panel and popup show (portal, attachments, documentsLater, the
   * safeguards' reading) are still in the page: an extension page that reads the report asks the
   * background to complete it ('complete-report'), which asks the page for them under this key
   * ('report-details'). The toolbar count and the highlights need none of them.
   */
  pending: z.string().min(1).max(64).optional(),
  /** Set when the page is not a document: a bot check, the portal's error page, an empty list, a list still loading its rows. Nothing is reported then. */
  page: z
    .strictObject({
      kind: z.enum(['botcheck', 'error', 'empty', 'loading']),
      by: z.string().max(60).optional(),
    })
    .optional(),
});
export type PackedScanReport = z.infer<typeof PackedScanReportSchema>;

/** lib/core/questions/found.ts Found: what the page found, by the rules' ids; the background adds the rest. */
const FoundSchema = z.strictObject({
  categories: z
    .array(z.strictObject({ category: CategoryIdSchema, count: z.number().int().nonnegative(), weakOnly: z.boolean(), termIds: z.array(z.string().max(400)).max(MAX_READING_ITEMS) }))
    .max(50),
  signals: z.array(z.strictObject({ id: z.string().max(200), count: z.number().int().nonnegative(), passage: PassageSchema })).max(200),
});

/**
 * A report as the content script sends it: `found` instead of the assessment, which the
 * background composes (lib/extension/background/settle.ts); an older content script's report
 * carries the assessment itself.
 */
export const SentScanReportSchema = PackedScanReportSchema.extend({
  /** Without the contexts `reading.held` names: checked whole once the background put them back (settle.ts). */
  matches: MatchTableShape,
  assessment: AssessmentSummarySchema.optional(),
  found: FoundSchema.optional(),
})
  .refine((r) => (r.assessment === undefined) !== (r.found === undefined), { message: 'een rapport heeft een assessment of found, niet beide of geen', path: ['found'] })
  .superRefine((r, ctx) => {
    // The table checked whole, with the contexts the windows hold; the rest of the reading is
    // checked where the background unpacks it (lib/extension/background/settle.ts).
    let issue: string | null;
    try {
      issue = tableIssue(r.reading ? { ...r.matches, contexts: restoreContexts(r.reading, r.matches.contexts) } : r.matches);
    } catch (e) {
      issue = e instanceof ReadingError ? e.message : 'onleesbaar';
    }
    if (issue) ctx.addIssue({ code: 'custom', message: issue, path: ['matches'] });
  });
export type SentScanReport = z.infer<typeof SentScanReportSchema>;
/** A tab's scan as the panel and popup read it: every reported match with its snippet. */
export type ScanReport = Omit<PackedScanReport, 'matches'> & { matches: MatchSummary[] };
export type PortalSummary = NonNullable<ScanReport['portal']>;
export type AttachmentSummary = NonNullable<ScanReport['attachments']>[number];
export type PageKindSummary = NonNullable<ScanReport['page']>;

/** The readable report from one that passed PackedScanReportSchema, in steps (lib/core/steps.ts): the extension pages read a report in slices. */
export function* unpackReportSteps(packed: PackedScanReport): Steps<ScanReport> {
  return { ...packed, matches: yield* unpackMatchesSteps(packed.matches) };
}

/** A passage as the notes store keeps it (lib/core/anchor): quote + context + position. */
export type { Anchor } from '../../core/anchor/shape';

/** The reader's settings that change what is matched (lib/core/analyse/scan-rules.ts AnalyserOptions); absent: the built-in rules. */
const MatchOptionsSchema = lazySchema(() =>
  z.strictObject({
    ownTerms: z.array(OwnTermSchema).max(10_000).optional(),
    disabledCategories: z.array(CategoryIdSchema).max(50).optional(),
    extraPacks: z.array(CategoryPackSchema).max(1000).optional(),
  }),
);

/** Messages that the background receives (runtime.sendMessage). */
export const BackgroundRequestSchema = lazySchema(() =>
  z.discriminatedUnion('type', [
    /**
     * Page text to match in the background's warm matcher (the content script carries none); the
     * answer is packed (lib/core/analyse/match-service.ts MatchWire). Nothing of it is kept.
     */
    z.strictObject({
      type: z.literal('match-texts'),
      /** The reader's settings by key (lib/core/analyse/options-key.ts): the background reads them from storage. */
      optionsKey: z.string().regex(MATCH_OPTIONS_KEY).optional(),
      /** The settings themselves, only when the background answered `{ resendOptions: true }` to their key. */
      options: MatchOptionsSchema.optional(),
      texts: z
        .array(z.string().max(MATCH_PART_CHARS))
        .min(1)
        .max(MATCH_PART_CHARS)
        .refine((texts) => texts.reduce((n, t) => n + t.length, 0) <= MATCH_PART_CHARS, { message: `meer dan ${MATCH_PART_CHARS} tekens in één verzoek` }),
    }),
    z.strictObject({ type: z.literal('scan-report'), report: SentScanReportSchema }),
    z.strictObject({ type: z.literal('scan-tab'), tabId: z.number().int().nonnegative() }),
    /** An extension page read the tab's report with `pending`: ask the page for the rest and keep the whole report (answers whether it is whole now). */
    z.strictObject({ type: z.literal('complete-report'), tabId: z.number().int().nonnegative() }),
    /** The content script found the browser showing a PDF at `url` (no page text: the panel reads the file). */
    z.strictObject({ type: z.literal('pdf-tab'), url: z.string().max(8192) }),
    /** The content script needs the reader's actions (lib/surface/page/session/reader.ts): put them into its frame. */
    z.strictObject({ type: z.literal('load-reader') }),
  ]),
);
export type BackgroundRequest = z.infer<typeof BackgroundRequestSchema>;

/** Messages that a content script receives (tabs.sendMessage). */
export const ContentRequestSchema = lazySchema(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('scroll-to-match'), index: z.number().int().nonnegative() }),
    z.strictObject({ type: z.literal('scroll-to-anchor'), anchor: AnchorSchema }),
    z.strictObject({ type: z.literal('get-selection') }),
    z.strictObject({ type: z.literal('anchor-for-match'), index: z.number().int().nonnegative() }),
    /** Which notes' and flags' passages are in this version of the page, answered by entry id (not painted there). */
    z.strictObject({
      type: z.literal('locate-anchors'),
      entries: z.array(z.strictObject({ id: z.string().min(1).max(200), anchor: AnchorSchema })).max(2000),
    }),
    z.strictObject({ type: z.literal('rescan') }),
    /** The whole sentence each passage stands in, for quoting in a letter (null where it is not found). */
    z.strictObject({ type: z.literal('anchor-sentences'), anchors: z.array(AnchorSchema).max(2000) }),
    /** Keyboard commands: show the next / previous match in the page (wraps around). */
    z.strictObject({ type: z.literal('next-match') }),
    z.strictObject({ type: z.literal('prev-match') }),
    z.strictObject({ type: z.literal('ping') }),
    /** The parts of the report with this `pending` key that the page kept (null: that is not its latest report). */
    z.strictObject({ type: z.literal('report-details'), key: z.string().min(1).max(64) }),
    /** The reader took the site's access back: stop reading this page now, take the highlights away. */
    z.strictObject({ type: z.literal('stop') }),
  ]),
);
export type ContentRequest = z.infer<typeof ContentRequestSchema>;

/**
 * What the content script answers to each request. Extension pages check replies as strictly as
 * the content script checks requests: a page may be hostile, and its frame may answer first.
 */
export const ContentReplySchemas = {
  'scroll-to-match': z.boolean(),
  'scroll-to-anchor': z.boolean(),
  'get-selection': z.union([AnchorSchema, z.null()]),
  'anchor-for-match': z.union([AnchorSchema, z.null()]),
  'locate-anchors': z.array(z.strictObject({ id: z.string().min(1).max(200), found: z.boolean() })).max(2000),
  rescan: z.number().int().nonnegative(),
  /** The text around each passage (lib/core/questions/reading-input.ts sentenceWindow); the panel finds the sentence in it. */
  'anchor-sentences': z
    .array(z.union([z.strictObject({ text: z.string().max(MAX_SENTENCE_PASSAGE + 2 * READING_RADIUS), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }), z.null()]))
    .max(2000),
  'next-match': z.union([z.strictObject({ index: z.number().int(), total: z.number().int() }), z.null()]),
  'prev-match': z.union([z.strictObject({ index: z.number().int(), total: z.number().int() }), z.null()]),
  ping: z.literal('pong'),
  'report-details': z.union([ReportDetailsSchema, z.null()]),
  stop: z.literal(true),
} satisfies Record<ContentRequest['type'], z.ZodType>;
export type ContentReply<K extends ContentRequest['type']> = z.infer<(typeof ContentReplySchemas)[K]>;

export type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: string };
