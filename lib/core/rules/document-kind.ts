// rules/document-kind.json: how a motie or an amendement is known from its own text (its opening
// and dictum) and what the raad did with it (a stamp or a field: "Aangenomen", "Uitslag stemming:
// Verworpen"). Data, checked here with messages in Dutch; lib/core/questions/document-kind.ts reads it.
import { z } from 'zod';
import raw from '../../../rules/document-kind.json';
import { RulePackError, formatZodIssues, rulesErrorMap } from './errors';
import { PAGE_WINDOW } from '../questions/page-window';
import { PROPOSAL_DECISIONS, type ProposalDecision } from './decisions';

const DOCUMENT_KIND_FILE = 'rules/document-kind.json';

// Words as the text has them after folding: lower case, one space between words.
const Words = z.string().min(1).max(120).refine((s) => s === s.toLowerCase() && s === s.trim() && !/\s{2}/.test(s), { message: 'alleen kleine letters, zonder dubbele of omringende spaties' });
/** Pieces in this order, at most `gap` characters apart. */
const Sequence = z.array(Words).min(1).max(4);

const DocumentKindRulesSchema = z.strictObject({
  note: z.string().min(10),
  /** Only the document's first characters are its opening. */
  window: z.number().int().min(500).max(20_000),
  gap: z.number().int().min(1).max(1000),
  /** A web page is read this far: a motie's page with its fields is shorter; a longer page (an agenda, a list) is no one motie. The page cuts its opening there itself (PAGE_WINDOW). */
  pageWindow: z.literal(PAGE_WINDOW, { error: `moet ${PAGE_WINDOW} zijn: zo ver knipt de pagina haar opening zelf af (PAGE_WINDOW, lib/core/questions/page-window.ts)` }),
  pageNote: z.string().min(10),
  assembly: z.strictObject({
    note: z.string().min(10),
    start: z.array(Words).min(1).max(10),
    phrase: z.array(Words).min(1).max(10),
    within: z.number().int().min(10).max(1000),
    dateNote: z.string().min(10),
    /** Words after the phrase before the meeting's date ("in vergadering bijeen op 12 juni 2025"). */
    dateLeads: z.array(Words).max(10),
  }),
  kinds: z
    .array(
      z.strictObject({
        kind: z.enum(['motie', 'amendement']),
        note: z.string().min(10),
        dictum: z.array(Sequence).min(1).max(40),
        alone: z.array(Sequence).max(20),
      }),
    )
    .min(1)
    .max(5),
  decision: z.strictObject({
    note: z.string().min(10),
    maxBlock: z.number().int().min(10).max(400),
    outcomes: z
      .array(z.strictObject({ decision: z.enum(PROPOSAL_DECISIONS), words: z.array(Words).min(1).max(20) }))
      .min(1)
      .max(5),
    leads: z.array(Words).max(40),
    labels: z.array(Words).max(40),
    after: z.array(Words).max(40),
    /** The outcome as a sentence about the document itself, also at the head of a longer line ("De motie wordt met 12 stemmen voor en 17 tegen verworpen. Voor: …"). */
    sentence: z.strictObject({
      note: z.string().min(10),
      maxLength: z.number().int().min(20).max(1000),
      leads: z.array(Words).min(1).max(40),
      votes: z.array(Words).max(10),
    }),
  }),
  /** To whom the questions go: the burgemeester where a motie's dictum asks him or her alone, or the text names his or her own competence. */
  addressee: z.strictObject({
    note: z.string().min(10),
    college: z.array(Sequence).min(1).max(40),
    burgemeester: z.array(Sequence).min(1).max(40),
    window: z.number().int().min(500).max(50_000),
    competence: z.array(Sequence).min(1).max(40),
  }),
  /** A dictum that asks for a study of the technology, not its deployment: its letter asks about the study. */
  study: z.strictObject({
    note: z.string().min(10),
    words: z.array(Words).min(1).max(40),
    request: z.array(Words).min(1).max(10),
    deploy: z.array(Words).max(40),
    end: z.array(Words).max(10),
  }),
});
export type DocumentKindRules = z.infer<typeof DocumentKindRulesSchema>;
export type ProposalKind = DocumentKindRules['kinds'][number]['kind'];
export type { ProposalDecision };
/** Who is asked: absent means the college (the default), 'burgemeester' where the text says it is his or her matter. */
export type Addressee = 'college' | 'burgemeester';

/** The rules checked: a RulePackError in plain Dutch when the file is broken. */
export function parseDocumentKindRules(input: unknown): DocumentKindRules {
  const parsed = DocumentKindRulesSchema.safeParse(input, { error: rulesErrorMap });
  if (!parsed.success) throw new RulePackError(formatZodIssues(DOCUMENT_KIND_FILE, parsed.error.issues));
  return parsed.data;
}

let loaded: DocumentKindRules | null = null;

/** The shipped rules, validated once per context (shared, do not mutate). */
export function documentKindRules(): DocumentKindRules {
  loaded ??= parseDocumentKindRules(raw);
  return loaded;
}

/**
 * The source of the module that stands in for this one in an extension build (wxt.config.ts): the
 * rules validated at build time, as a literal, so no page, worker or viewer runs zod over them.
 */
export function compiledDocumentKindModule(): string {
  return [
    `const RULES = ${JSON.stringify(parseDocumentKindRules(raw))};`,
    `export const DOCUMENT_KIND_FILE = ${JSON.stringify(DOCUMENT_KIND_FILE)};`,
    'export function documentKindRules() {',
    '  return RULES;',
    '}',
    'export function parseDocumentKindRules() {',
    `  throw new Error(${JSON.stringify(`${DOCUMENT_KIND_FILE} is bij het bouwen al gecontroleerd`)});`,
    '}',
    '',
  ].join('\n');
}
