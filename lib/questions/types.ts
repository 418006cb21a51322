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

export interface FoundSafeguard {
  id: string;
  label: string;
  question: QuestionId;
  count: number;
  /** The first place the document mentions it. */
  passage: Passage;
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
  /** Safeguards of this question that the document mentions. */
  found: FoundSafeguard[];
  /** Safeguards of this question that the document does not mention (only when it applies). */
  missing: MissingSafeguard[];
  /** Signals in the document that sharpen this question. */
  signals: FoundSignal[];
  /** What to ask the college: missing safeguards first, then what the signals add (only when it applies). */
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
  /** A real technology term was found; without one no question applies. */
  hasTechnology: boolean;
  categories: CategoryCount[];
  /** Always ap-1, ap-2 and ap-3, in that order. */
  questions: QuestionAssessment[];
  safeguards: { found: FoundSafeguard[]; missing: MissingSafeguard[] };
  signals: FoundSignal[];
}
