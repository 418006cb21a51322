// The records as they are stored. Every write is parsed with these before `put`, every read after
// `get`: IndexedDB keeps whatever it is given, and data written by an older build, a failed import
// or a hand-edited backup must show up as "unreadable", never crash a list.
// Each record's schema is built on its first use (lazy-schema.ts), not when the panel loads.
import { z } from 'zod';
import { AnchorSchema } from '../../core/anchor/schema';
import { lazySchema } from '../../core/lazy-schema';
import { CategoryIdSchema, QuestionIdSchema } from '../../core/rules/schema';
import { CATEGORY_IDS } from '../../core/rules/ids';
import { PROPOSAL_DECISIONS } from '../../core/rules/decisions';
import { DECISION_SOURCES } from './outcome';

export const DB_NAME = 'raadslens';

export const STORE_NAMES = ['documents', 'notes', 'flags', 'settings', 'corrections'] as const;
export type StoreName = (typeof STORE_NAMES)[number];

/** The latest moment a Date can hold (ECMAScript: ±10^8 days around 1970); beyond it every date format throws. */
export const MAX_DATE_MS = 8.64e15;

const timestamp = z.number().int().nonnegative().max(MAX_DATE_MS);

export const SAFEGUARD_STATUSES = ['stated', 'negated', 'planned', 'absent'] as const;
const SafeguardStatusSchema = z.enum(SAFEGUARD_STATUSES);
const safeguardId = z.string().regex(/^[a-z0-9-]+$/).max(60);

/**
 * What the checklist read in the document when the reader last had it open, kept with a stored
 * document so a letter for several documents ("Alles") can quote it without opening each again.
 */
export const ChecklistSnapshotSchema = lazySchema(() =>
  z.object({
    readAt: timestamp,
    items: z
      .array(
        z.object({
          id: safeguardId,
          status: SafeguardStatusSchema,
          /** The sentences that say it (a few), as quoted. */
          passages: z.array(z.object({ text: z.string().max(2000), status: SafeguardStatusSchema, scope: z.string().max(500).optional() })).max(5),
          ask: z.string().max(2000).optional(),
          /** False: stated, but not with certainty (absent in data kept before: certain). */
          certain: z.boolean().optional(),
        }),
      )
      .max(50),
  }),
);
export type ChecklistSnapshot = z.infer<typeof ChecklistSnapshotSchema>;

export const StoredDocumentSchema = lazySchema(() =>
  z.object({
    /** normaliseDocumentUrl(url): the same document reached via a tracking link is one record. */
    id: z.string().min(1),
    url: z.string().min(1),
    /**
     * The portal's id (lib/surface/page/portals/types.ts PortalId) as the page was detected: with
     * the address it tells a Staatscourant or Kamerstuk from the gemeente's own Gemeenteblad
     * (portals/publication.ts). Free text as it always was here: a later build's portal id is
     * still read. Absent (records kept before version 4 on an unknown host): no portal known.
     */
    portal: z.string().min(1).optional(),
    gemeente: z.string().min(1).optional(),
    title: z.string(),
    /** raadsvoorstel, raadsinformatiebrief, motie, …: free text, the portal detectors decide. */
    type: z.string().min(1).optional(),
    meetingDate: z.iso.date().optional(),
    checklist: ChecklistSnapshotSchema.optional(),
    /**
     * Whom its questions go to, as its text said when it was last read (lib/core/questions/
     * addressee.ts): a letter from "Alles" is addressed by it. Absent (records kept before, a
     * document not read yet): the college. Not indexed, so no migration: old records stay valid.
     */
    addressee: z.enum(['college', 'burgemeester']).optional(),
    /**
     * What the raad did with it (a motie's or amendement's own text, else the list row that links
     * it), as last read: a letter from "Alles" asks nothing about carrying out a rejected one.
     * Absent (records kept before, no outcome read): asked as an open proposal. Not indexed: no migration.
     */
    decision: z.enum(PROPOSAL_DECISIONS).optional(),
    /**
     * Where `decision` was read (./outcome.ts): the document's own text, or a list's row that links
     * it ("zo staat het in de lijst"). A list's word never replaces the text's. Absent beside a
     * decision (records kept before): counted as the text's. Not indexed: no migration.
     */
    decisionFrom: z.enum(DECISION_SOURCES).optional(),
    /**
     * The technology the document's matches showed when it was last read (the categories with a
     * match: lib/core/questions/technology.ts shownCategories), kept beside the checklist snapshot
     * so a letter from "Alles" names the technology as the panel's letter does ("het algoritme").
     * Absent (records kept before, a document never read): unknown, and the letter keeps the
     * rules' words for any technology ("het algoritme of het herkenningssysteem").
     */
    categories: z
      .array(CategoryIdSchema)
      .max(CATEGORY_IDS.length)
      .refine((ids) => new Set(ids).size === ids.length, { message: 'een categorie staat er twee keer in' })
      .optional(),
    /**
     * The signals the document's matches showed that the letter asks about (kinderen, leverancier,
     * proefproject …: the ids of rules/safeguards.json "signals" of the AP questions that apply, with
     * a follow-up question; lib/core/questions/signals.ts askedSignalIds), in the panel's order, kept
     * beside the checklist snapshot so a letter from "Alles" asks them as the panel's letter does.
     * Ids only: the question comes from the rules, no page text is kept. Absent (records kept before,
     * a document never read): unknown, and the letter asks none of them, as before.
     */
    signals: z
      .array(z.string().regex(/^[a-z0-9-]+$/).max(100))
      .max(100)
      .refine((ids) => new Set(ids).size === ids.length, { message: 'een signaal staat er twee keer in' })
      .optional(),
    /**
     * What a motie's or amendement's dictum asks, as its opening said when last read (lib/core/
     * questions/document-kind.ts `asks`): 'study' when it asks for a study of the technology, not its
     * deployment, so a letter from "Alles" asks about that study as the panel's letter does. 'other'
     * is written only where a later read no longer says so. Absent (records kept before, any other
     * document): as 'other', the letter asks the proposal's questions. Not indexed: no migration.
     */
    asks: z.enum(['study', 'other']).optional(),
    createdAt: timestamp,
    updatedAt: timestamp,
  }),
);
export type StoredDocument = z.infer<typeof StoredDocumentSchema>;

export const NOTE_STATUSES = ['open', 'gesteld', 'beantwoord'] as const;
export const NoteStatusSchema = z.enum(NOTE_STATUSES);
export type NoteStatus = z.infer<typeof NoteStatusSchema>;

const tag = z.string().trim().min(1).max(64);

export const StoredNoteSchema = lazySchema(() =>
  z.object({
    id: z.uuid(),
    documentId: z.string().min(1),
    /** Absent: the note is about the whole document. */
    anchor: AnchorSchema.optional(),
    text: z.string().max(20_000),
    question: QuestionIdSchema.optional(),
    category: CategoryIdSchema.optional(),
    status: NoteStatusSchema.default('open'),
    tags: z.array(tag).max(50).default([]),
    createdAt: timestamp,
    updatedAt: timestamp,
    /** Bumped on every save; a save must name the revision it started from (optimistic concurrency). */
    revision: z.number().int().positive(),
  }),
);
export type StoredNote = z.infer<typeof StoredNoteSchema>;

export const FLAG_KINDS = ['match', 'passage', 'document'] as const;

export const StoredFlagSchema = lazySchema(() =>
  z
    .object({
      id: z.uuid(),
      documentId: z.string().min(1),
      /** match: a highlighted term; passage: a selection; document: the whole document. */
      kind: z.enum(FLAG_KINDS),
      anchor: AnchorSchema.optional(),
      termId: z.string().min(1).optional(),
      category: CategoryIdSchema.optional(),
      /** The AP question the reader linked the flag to (optional; no index, so no migration). */
      question: QuestionIdSchema.optional(),
      reason: z.string().max(2_000),
      /** A flag becomes a question the reader asks: same life cycle as a note's. Defaults keep older records readable. */
      status: NoteStatusSchema.default('open'),
      tags: z.array(tag).max(50).default([]),
      createdAt: timestamp,
      updatedAt: timestamp,
      revision: z.number().int().positive(),
    })
    // A flag that points at text must say where, or it can never be shown in the document again.
    .refine((f) => f.kind === 'document' || f.anchor !== undefined, {
      message: 'een markering van een passage of term heeft een anker nodig',
      path: ['anchor'],
    })
    .refine((f) => f.kind !== 'match' || f.termId !== undefined, {
      message: 'een markering van een term heeft een termId nodig',
      path: ['termId'],
    }),
);
export type StoredFlag = z.infer<typeof StoredFlagSchema>;

export const StoredSettingSchema = lazySchema(() =>
  z.object({
    key: z.string().min(1).max(200),
    /** JSON only, so a setting survives the JSON backup unchanged. */
    value: z.json(),
    updatedAt: timestamp,
  }),
);
export type StoredSetting = z.infer<typeof StoredSettingSchema>;

/**
 * The reader's correction of one safeguard's status in one document ("the document does say the FG
 * was consulted"): kept with the document, used by the panel and the letter instead of what was read.
 */
export const StoredCorrectionSchema = lazySchema(() =>
  z.object({
    documentId: z.string().min(1),
    safeguard: safeguardId,
    status: SafeguardStatusSchema,
    /** What Raadslens read when the reader corrected it. */
    detected: SafeguardStatusSchema.optional(),
    /** The sentence the reader corrected, as quoted then (the letter can use it without a scan). */
    passage: z.string().max(2000).optional(),
    createdAt: timestamp,
    updatedAt: timestamp,
  }),
);
export type StoredCorrection = z.infer<typeof StoredCorrectionSchema>;
