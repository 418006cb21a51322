// Rule packs are data (rules/*.json). These schemas are the contract between that data, the
// matcher (lib/core/match) and the question logic (lib/core/questions). Validated at build time (a unit
// test) and again at load time, so a broken pack never reaches the reader as a crash.
import { z } from 'zod';
import { lazySchema } from '../lazy-schema';
import { CATEGORY_IDS, QUESTION_IDS, type CategoryId, type QuestionId } from './ids';

export { CATEGORY_IDS, QUESTION_IDS, type CategoryId, type QuestionId };
export const CategoryIdSchema = z.enum(CATEGORY_IDS);
export const QuestionIdSchema = z.enum(QUESTION_IDS);

// A fresh one per field (a lazy schema has no .max): the same check wherever it stands.
const nonEmpty = () => z.string().trim().min(1);

/**
 * How a term is found in running Dutch text (after folding: lower case, no diacritics,
 * ’ ‘ → ', soft hyphens and line-end hyphenation removed, whitespace runs → one space).
 * - word:    the whole word, plus a Dutch inflection suffix (s, 's, en, n, e, es, je(s), tje(s), …).
 * - stem:    like word, and it may also stand inside a compound: `compound` says where.
 *            'modifier' = first part (camera|toezicht), 'head' = last part (body|camera),
 *            'both' = either (toezicht|camera|beelden).
 * - acronym: case-sensitive, word-bounded (AI, ANPR, IoT); a hyphen compound (ANPR-camera) is fine,
 *            a longer word (AIVD) is not.
 * - phrase:  several words separated by any whitespace; the last word may be inflected.
 * `forms` are extra spellings matched the same way as `text` (plurals that are not regular,
 * spelling variants such as "wifi tracking"). `except` are folded words which, when the hit lies
 * inside them, silence it: "cameraman", "beeldkwaliteitsplan", "proefschrift".
 * `compounds` is a family of compounds: every modifier joined to every head (risico|voorspellings|
 * fraude… + model|modellen), with a hyphen where Dutch writes one (vowels meeting, or a modifier
 * given as "AI-"), each one more spelling of the term, matched the way the term is (so a regular
 * plural needs no head of its own: baken → bakens).
 * Dutch writes a term's kin as one word, and a list of single words misses the siblings of
 * each (risicomodellen listed, voorspellingsmodel not).
 * `weak` terms (pilot, proef) count only near a non-weak term (lib/core/analyse/context.ts).
 */
const CompoundsSchema = lazySchema(() =>
  z.strictObject({
    modifiers: z.array(nonEmpty().max(40)).min(1),
    heads: z.array(nonEmpty().max(40)).min(1),
  }),
);

const TermSchema = lazySchema(() =>
  z.strictObject({
    id: z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'een id bestaat uit kleine letters, cijfers, punten en streepjes'),
    text: nonEmpty().max(80),
    match: z.enum(['word', 'stem', 'acronym', 'phrase']),
    compound: z.enum(['none', 'modifier', 'head', 'both']).optional(),
    forms: z.array(nonEmpty().max(80)).optional(),
    compounds: CompoundsSchema.optional(),
    except: z.array(nonEmpty().max(80)).optional(),
    weak: z.boolean().optional(),
    note: z.string().optional(),
  }),
);
export type Term = z.infer<typeof TermSchema>;

const CategoryQuestionSchema = lazySchema(() =>
  z.strictObject({
    question: QuestionIdSchema,
    reason: nonEmpty(),
  }),
);

export const CategoryPackSchema = lazySchema(() =>
  z.strictObject({
    id: CategoryIdSchema,
    label: nonEmpty(),
    description: nonEmpty(),
    questions: z.array(CategoryQuestionSchema).min(1),
    instruments: z.array(nonEmpty()),
    registers: z.array(nonEmpty()),
    terms: z.array(TermSchema).min(1),
  }),
);
export type CategoryPack = z.infer<typeof CategoryPackSchema>;

const SourceSchema = lazySchema(() =>
  z.strictObject({
    title: nonEmpty(),
    publisher: nonEmpty(),
    version: nonEmpty(),
    date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
    url: z.url(),
  }),
);

const InstrumentSchema = lazySchema(() =>
  z.strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    label: nonEmpty(),
    description: nonEmpty(),
    url: z.url().optional(),
  }),
);

const ApQuestionSchema = lazySchema(() =>
  z.strictObject({
    id: QuestionIdSchema,
    number: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    title: nonEmpty(),
    toelichting: nonEmpty(),
    uitgangspunt: nonEmpty(),
    observatie: nonEmpty(),
    instruments: z.array(z.string()),
  }),
);

export const ApQuestionsDocSchema = lazySchema(() =>
  z.strictObject({
    source: SourceSchema,
    basedOn: SourceSchema.optional(),
    questions: z.array(ApQuestionSchema).length(3),
    instruments: z.array(InstrumentSchema),
  }),
);
export type ApQuestionsDoc = z.infer<typeof ApQuestionsDocSchema>;
export type ApQuestion = z.infer<typeof ApQuestionSchema>;

/** One safeguard the document may or may not mention (DPIA, FG, alternatieven, …). */
const SafeguardSchema = lazySchema(() =>
  z.strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    label: nonEmpty(),
    question: QuestionIdSchema,
    /** The follow-up question to ask when the document does not mention it. */
    followUp: nonEmpty(),
    /**
     * The same question for a proposal (a motie, an amendement): what the college would do before it
     * carries it out. "{voorstel}" is the proposal as the letter names it ("de motie").
     */
    proposal: nonEmpty().optional(),
    /**
     * The question once the raad adopted the proposal: what the college does before it carries it
     * out. "{uitvoert}" is what it carries out ("de motie uitvoert"); absent = `proposal`.
     */
    adopted: nonEmpty().optional(),
    /**
     * The question for a proposal whose dictum asks for a study of the technology, not its
     * deployment ("verzoekt het college onderzoek te doen naar …"): what the study weighs and when
     * the raad sees it, open or adopted. "{onderzoek}" is the study as the letter names it ("het
     * onderzoek", beside other documents "het onderzoek waar de motie “Titel” om vraagt"); absent = `proposal`.
     */
    study: nonEmpty().optional(),
    /**
     * The letter's question when a document reports the technology already in use (a
     * raadsinformatiebrief, a beantwoording) and says the safeguard was not done, is only announced
     * or done for part only ({rest}): what the college does now that it runs, not "voordat de
     * technologie wordt ingezet". Absent: the rules/status.json question, which suits both.
     */
    inUse: z
      .strictObject({ negated: nonEmpty().optional(), planned: nonEmpty().optional(), scoped: nonEmpty().optional() })
      .optional(),
    /**
     * Only worth asking about when the document has a (non-weak) term in one of these categories:
     * a missing IAMA is news for an algorithm, noise for a camera. Absent = always.
     */
    categories: z.array(CategoryIdSchema).min(1).optional(),
    terms: z.array(TermSchema).min(1),
  }),
);
const SignalSchema = lazySchema(() =>
  z.strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    label: nonEmpty(),
    question: QuestionIdSchema,
    /** What the signal adds to the question (e.g. kinderen → Code voor Kinderrechten). */
    sharpening: nonEmpty(),
    /** The extra question the signal makes worth asking (shown only when its AP question applies). */
    followUp: nonEmpty().optional(),
    /** followUp for a proposal (a motie, an amendement), as for a safeguard. */
    proposal: nonEmpty().optional(),
    /** followUp for an adopted proposal, as for a safeguard. */
    adopted: nonEmpty().optional(),
    /** followUp for a proposal that asks for a study, as for a safeguard. */
    study: nonEmpty().optional(),
    /** Ids of instruments from ap-questions.json that the signal brings in. */
    instruments: z.array(nonEmpty()).optional(),
    terms: z.array(TermSchema).min(1),
  }),
);
export const SafeguardsPackSchema = lazySchema(() =>
  z.strictObject({
    safeguards: z.array(SafeguardSchema).min(1),
    signals: z.array(SignalSchema),
    /**
     * A motie or amendement that itself asks for a safeguard ("verzoekt het college een DPIA uit te
     * voeren voordat …"): the question asks how the college judges ("proposal") or carries out
     * ("adopted") what it asks, "{voorstel}" its name, instead of asking for the safeguard as if
     * nobody had thought of it. `words`: a passage the proposal says it with (whole words, lower case).
     */
    requested: z
      .strictObject({
        /** The dictum's words of asking ("verzoekt", "draagt … op"). */
        words: z.array(nonEmpty()).min(1),
        /** Words that ask in an item of the dictum's list without its verb ("een DPIA te laten uitvoeren;"). */
        items: z.array(nonEmpty()).optional(),
        /** Words of the overwegingen: what follows them is the motie's reasons, not what it asks. */
        considerans: z.array(nonEmpty()).optional(),
        proposal: nonEmpty(),
        adopted: nonEmpty(),
      })
      .optional(),
  }),
);
export type SafeguardsPack = z.infer<typeof SafeguardsPackSchema>;

/** A reader's own term from the options page: literal text only, never a pattern. */
export const OwnTermSchema = lazySchema(() =>
  z.strictObject({
    id: z.string().min(1),
    text: z.string(),
    category: CategoryIdSchema,
  }),
);
export type OwnTerm = z.infer<typeof OwnTermSchema>;
