// The order of an AP question's "Vraag het college" list, in one place: the assessment's wording
// (./assess.ts) and a motie's (./proposal.ts) follow it. Pure.
import type { FoundSafeguard, QuestionAssessment } from './types';

/**
 * What to ask the college under one AP question, strongest first: what the document says was not
 * done, then what it only announces, then what it does not mention, then what it does for part
 * only, then the signals. `reword` may give another wording by id (a motie's: ./proposal.ts).
 */
export function followUpsOf(
  q: Pick<QuestionAssessment, 'found' | 'missing' | 'signals'>,
  reword: (id: string, ask: string) => string = (_id, ask) => ask,
): string[] {
  const asked = (status: FoundSafeguard['status']) => q.found.flatMap((f) => (f.status === status && f.ask ? [reword(f.id, f.ask)] : []));
  return [
    ...asked('negated'),
    ...asked('planned'),
    ...q.missing.map((m) => reword(m.id, m.followUp)),
    ...asked('stated'),
    ...q.signals.flatMap((s) => (s.followUp ? [reword(s.id, s.followUp)] : [])),
  ];
}
