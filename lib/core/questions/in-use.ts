// A document in which the college reports technology as it stands (a raadsinformatiebrief, a
// beantwoording, a brief or memo) is often about technology already in use: a safeguard not done, only
// announced or done for part only is not asked what comes "voordat de technologie wordt ingezet". Nor is
// its use taken for granted: the kind says the college reports, not that this technology already runs
// (a brief also announces a pilot that starts later), so the question asks whether it is used until
// the safeguard is there. The wording is the rules' (rules/safeguards.json "inUse"); one place for the
// panel's questions and the letter's. Pure.
import type { SafeguardsPack } from '../rules/schema';
import type { StatusRules } from '../rules/status';

/** The kinds of document (the portal detectors' and the record's names) that report technology in use. */
const IN_USE_KINDS = new Set(['raadsinformatiebrief', 'collegebrief', 'brief', 'beantwoording', 'memo']);

/** Whether a document of this kind reports technology in use. */
export function reportsInUse(kind: string | undefined): boolean {
  return !!kind && IN_USE_KINDS.has(kind);
}

export type InUseWords = NonNullable<SafeguardsPack['safeguards'][number]['inUse']>;

/** What inUseAsk reads: per safeguard its in-use words and its status questions. */
export interface InUseRules {
  safeguards: Pick<SafeguardsPack, 'safeguards'>;
  status: Pick<StatusRules, 'safeguards'>;
}

/**
 * The question `ask` (a safeguard's status question, as the checklist filled it in) for a document
 * of `kind`: its in-use wording where the kind reports technology in use and the rules word one for
 * that question; else `ask` itself. Done for part only: the part it leaves ({rest}) is read back
 * from the filled-in question.
 */
export function inUseAsk(kind: string | undefined, id: string, ask: string, rules: InUseRules | undefined): string {
  if (!rules || !reportsInUse(kind)) return ask;
  const words = rules.safeguards.safeguards.find((s) => s.id === id)?.inUse;
  const asks = rules.status.safeguards[id]?.asks;
  if (!words || !asks) return ask;
  if (ask === asks.negated) return words.negated ?? ask;
  if (ask === asks.planned) return words.planned ?? ask;
  if (!words.scoped) return ask;
  const [before = '', after = ''] = asks.scoped.split('{rest}');
  if (ask.length < before.length + after.length || !ask.startsWith(before) || !ask.endsWith(after)) return ask;
  return words.scoped.replace('{rest}', () => ask.slice(before.length, ask.length - after.length));
}
