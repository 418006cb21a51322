// The one typed protocol between content script, background and extension pages. Every message
// is parsed with zod on arrival: a malformed message gets an error response, never a crash.
import { z } from 'zod';
import { AnchorSchema } from '../anchor/schema';
import { CategoryIdSchema, QuestionIdSchema } from '../rules/schema';

export const MAX_REPORTED_MATCHES = 5000;

export const MatchSummarySchema = z.strictObject({
  index: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  termId: z.string().min(1),
  category: CategoryIdSchema,
  text: z.string(),
  /** Some words either side, for the panel list. */
  snippet: z.string(),
});
export type MatchSummary = z.infer<typeof MatchSummarySchema>;

export const PassageSchema = z.strictObject({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  snippet: z.string(),
});

export const AssessmentSummarySchema = z.strictObject({
  questions: z.array(
    z.strictObject({
      id: QuestionIdSchema,
      applies: z.boolean(),
      triggers: z.array(
        z.strictObject({ category: CategoryIdSchema, count: z.number().int(), reason: z.string() }),
      ),
      followUps: z.array(z.string()),
    }),
  ),
  safeguards: z.strictObject({
    found: z.array(
      z.strictObject({
        id: z.string(),
        label: z.string(),
        question: QuestionIdSchema,
        passage: PassageSchema,
      }),
    ),
    missing: z.array(
      z.strictObject({ id: z.string(), label: z.string(), question: QuestionIdSchema, followUp: z.string() }),
    ),
  }),
  signals: z.array(
    z.strictObject({
      id: z.string(),
      label: z.string(),
      question: QuestionIdSchema,
      sharpening: z.string(),
      passage: PassageSchema,
    }),
  ),
});
export type AssessmentSummary = z.infer<typeof AssessmentSummarySchema>;

export const ScanReportSchema = z.strictObject({
  url: z.string(),
  title: z.string(),
  scannedAt: z.number(),
  chars: z.number().int().nonnegative(),
  nodes: z.number().int().nonnegative(),
  ms: z.number().nonnegative(),
  /** True when the page was larger than Raadslens scans in one go. */
  truncated: z.boolean(),
  matchCount: z.number().int().nonnegative(),
  matches: z.array(MatchSummarySchema).max(MAX_REPORTED_MATCHES),
  assessment: AssessmentSummarySchema,
});
export type ScanReport = z.infer<typeof ScanReportSchema>;

/** A passage as the notes store keeps it (lib/anchor): quote + context + position. */
export const QuoteAnchorSchema = AnchorSchema;

/** Messages that the background receives (runtime.sendMessage). */
export const BackgroundRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('scan-report'), report: ScanReportSchema }),
  z.strictObject({ type: z.literal('scan-tab'), tabId: z.number().int().nonnegative() }),
]);
export type BackgroundRequest = z.infer<typeof BackgroundRequestSchema>;

/** Messages that a content script receives (tabs.sendMessage). */
export const ContentRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('scroll-to-match'), index: z.number().int().nonnegative() }),
  z.strictObject({ type: z.literal('scroll-to-anchor'), anchor: QuoteAnchorSchema }),
  z.strictObject({ type: z.literal('get-selection') }),
  z.strictObject({ type: z.literal('anchor-for-match'), index: z.number().int().nonnegative() }),
  /** Paint the notes' passages and say which ones were found in this version of the page. */
  z.strictObject({ type: z.literal('locate-anchors'), anchors: z.array(QuoteAnchorSchema).max(2000) }),
  z.strictObject({ type: z.literal('rescan') }),
  z.strictObject({ type: z.literal('ping') }),
]);
export type ContentRequest = z.infer<typeof ContentRequestSchema>;

export type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: string };

export type QuoteAnchor = z.infer<typeof QuoteAnchorSchema>;
export const SelectionReplySchema = z.union([QuoteAnchorSchema, z.null()]);
