// A motie or an amendement proposes what the raad may decide: nothing in it is done yet, so what to
// ask about a safeguard is what the college would do before carrying it out ("Als de motie wordt
// aangenomen: wordt er dan eerst een DPIA uitgevoerd …?"), not whether it was done. The wording is
// the rules' (rules/safeguards.json "proposal"). Pure.
import type { SafeguardsPack } from '../rules/schema';
import { followUpsOf } from './follow-ups';
import type { ChecklistItem } from './checklist';
import type { QuestionAssessment } from './types';

/** The kinds of document that propose (the portal detectors' and the record's names). */
const PROPOSAL_KINDS: Readonly<Record<string, string>> = { motie: 'de motie', amendement: 'het amendement' };

/** "de motie", "het amendement"; undefined for a document that is no proposal. */
export function proposalName(kind: string | undefined): string | undefined {
  return kind ? PROPOSAL_KINDS[kind.toLowerCase()] : undefined;
}

/** Per safeguard and signal id, its question for a proposal, "{voorstel}" for the proposal's name. */
export function proposalQuestions(pack: Pick<SafeguardsPack, 'safeguards' | 'signals'>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of [...pack.safeguards, ...pack.signals]) if (s.proposal) out[s.id] = s.proposal;
  return out;
}

/** One proposal question with its name filled in ("de motie", or "de motie “Titel”" in a letter about several). */
export function proposalAsk(wording: string, name: string): string {
  return wording.replaceAll('{voorstel}', () => name);
}

/**
 * The checklist as a proposal's: each open point's question in the rules' proposal wording where
 * they have one; unchanged for any other kind of document.
 */
export function proposalChecklist(items: readonly ChecklistItem[], kind: string | undefined, questions: Readonly<Record<string, string>>): readonly ChecklistItem[] {
  const name = proposalName(kind);
  if (!name) return items;
  return items.map((i) => (i.ask && questions[i.id] ? { ...i, ask: proposalAsk(questions[i.id]!, name) } : i));
}

/** An AP question's "Vraag het college" list as a proposal's (the same order, ./assess.ts). */
export function proposalFollowUps(
  q: Pick<QuestionAssessment, 'applies' | 'followUps' | 'found' | 'missing' | 'signals'>,
  kind: string | undefined,
  questions: Readonly<Record<string, string>>,
): string[] {
  const name = proposalName(kind);
  if (!name || !q.applies) return q.followUps;
  return followUpsOf(q, (id, ask) => (questions[id] ? proposalAsk(questions[id]!, name) : ask));
}
