import type { CategoryId, QuestionId } from '../rules/schema';

/** A place in the document text: offsets into the text that was matched. */
export interface Passage {
  start: number;
  end: number;
  text: string;
  /** About 80 characters around the passage, for lists in the panel. */
  snippet: string;
}

/** A category found in the document, and why it makes one AP question apply. */
export interface QuestionTrigger {
  category: CategoryId;
  label: string;
  /** How often terms of this category occur in the document. */
  count: number;
  /** Only weak terms (pilot, proef): it sharpens the question, it does not make it apply. */
  weakOnly: boolean;
  reason: string;
}

export type SafeguardStatus = 'stated' | 'negated' | 'planned' | 'absent';
type MentionedStatus = Exclude<SafeguardStatus, 'absent'>;

/** A sentence that says something about a safeguard, and what it says. */
export interface SafeguardPassage {
  /** The sentence (or heading, or list item): offsets into the text that was analysed. */
  start: number;
  end: number;
  /** The sentence as quoted: white space folded. */
  text: string;
  status: MentionedStatus;
  /** Where the safeguard's term stands in it. */
  term: { start: number; end: number };
  /** What it is said to cover, when the sentence narrows it ("de pilot"). */
  scope?: { start: number; end: number; text: string };
  /** False for a `stated` the status model is not sure of (no ✓); absent means certain. */
  certain?: boolean;
}

export interface FoundSafeguard {
  id: string;
  label: string;
  question: QuestionId;
  /** How often its terms occur (also where they say nothing, e.g. in a question). */
  count: number;
  /** What the document says: negated if any sentence says it was not done, else stated, else planned. */
  status: MentionedStatus;
  /** The term in the sentence that decides the status, with a snippet around it. */
  passage: Passage;
  /** Every sentence that says something about it, in text order. */
  passages: SafeguardPassage[];
  /** What to ask: why not (negated), when (planned), or whether it covers the rest (stated for part only). */
  ask?: string;
  /** False when it is stated but no sentence says so with certainty: "Genoemd — lees de passage", asked as an open question. */
  certain?: boolean;
}

export interface MissingSafeguard {
  id: string;
  label: string;
  question: QuestionId;
  followUp: string;
}

export interface FoundSignal {
  id: string;
  label: string;
  question: QuestionId;
  sharpening: string;
  followUp?: string;
  count: number;
  passage: Passage;
}

export interface InstrumentRef {
  id: string;
  label: string;
  url?: string;
}

export interface QuestionAssessment {
  id: QuestionId;
  number: 1 | 2 | 3;
  title: string;
  /** True when the document has a real (non-weak) technology term whose category asks this question. */
  applies: boolean;
  /** Categories found in the document that ask this question, most frequent first. */
  triggers: QuestionTrigger[];
  /** Safeguards of this question the document says something about (stated, negated or planned). */
  found: FoundSafeguard[];
  /** Safeguards of this question that the document does not mention (only when it applies). */
  missing: MissingSafeguard[];
  /** Signals in the document that sharpen this question. */
  signals: FoundSignal[];
  /**
   * What to ask the college (only when it applies): what the document says was not done, then what it
   * only announces, then what it does not mention, then what it does for part only, then the signals.
   */
  followUps: string[];
  /** The instruments the AP names for this question, plus those the signals bring in. */
  instruments: InstrumentRef[];
}

export interface CategoryCount {
  category: CategoryId;
  label: string;
  count: number;
  weakOnly: boolean;
  termIds: string[];
}

export interface Assessment {
  /** A real technology term was found; without one no question applies and the checklist stays empty. */
  hasTechnology: boolean;
  categories: CategoryCount[];
  /** Always ap-1, ap-2 and ap-3, in that order. */
  questions: QuestionAssessment[];
  safeguards: { found: FoundSafeguard[]; missing: MissingSafeguard[] };
  signals: FoundSignal[];
}
