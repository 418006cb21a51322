// The signals a letter asks about (kinderen, openbare ruimte, a leverancier, a proefproject): the
// follow-up questions the scan's signals add to the AP questions that apply. The panel's letter
// takes them from the scan; a stored document keeps only their ids (no page text) and its letter
// from "Alles" finds the same questions in the rules, so both ask the same. Pure.
import type { QuestionId } from '../rules/ids';
import type { SafeguardsPack } from '../rules/schema';

/** A signal's question in a letter: its id, the AP question it sharpens and what to ask. */
export interface AskedSignal {
  id: string;
  question: QuestionId;
  followUp: string;
}

interface SignalsOfQuestions {
  questions: readonly { applies: boolean; signals: readonly { id: string; followUp?: string }[] }[];
}

/** The ids of the signals a letter asks about, in the panel's order: per AP question that applies, its signals with a follow-up. */
export function askedSignalIds(assessment: SignalsOfQuestions | undefined): string[] {
  return (assessment?.questions ?? []).filter((q) => q.applies).flatMap((q) => q.signals.flatMap((s) => (s.followUp ? [s.id] : [])));
}

/**
 * The signals' questions for `ids` as the rules word them, in the order given; an id the rules no
 * longer have (kept by an older build) or a signal without a follow-up asks nothing.
 */
export function askedSignals(ids: readonly string[] | undefined, rules: Pick<SafeguardsPack, 'signals'>): AskedSignal[] {
  const byId = new Map(rules.signals.map((s) => [s.id, s]));
  return (ids ?? []).flatMap((id) => {
    const s = byId.get(id);
    return s?.followUp ? [{ id: s.id, question: s.question, followUp: s.followUp }] : [];
  });
}
