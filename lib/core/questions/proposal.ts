// A motie or an amendement proposes what the raad may decide: nothing in it is done yet, so what to
// ask about a safeguard is what the college would do before carrying it out ("Als de motie wordt
// aangenomen: wordt er dan eerst een DPIA uitgevoerd …?"), not whether it was done. Once the raad
// adopted it, the question is what comes before the college carries it out ("Wordt er, voordat het
// college de motie uitvoert, eerst een DPIA uitgevoerd …?"); a proposal rejected or withdrawn is
// carried out by nobody, so nothing is asked about carrying it out. The wording is the rules'
// (rules/safeguards.json "proposal", "adopted"). Pure.
import type { SafeguardsPack } from '../rules/schema';
import type { ProposalDecision } from '../rules/document-kind';
import { followUpsOf } from './follow-ups';
import { ADDRESSEE, templateFor, textFor, type Addressee } from './addressee';
import type { ChecklistItem } from './checklist';
import type { QuestionAssessment } from './types';
import { findWords } from './document-kind';
import { inUseAsk, reportsInUse, type InUseRules } from './in-use';

export type { ProposalDecision } from '../rules/document-kind';

/** The kinds of document that propose (the portal detectors' and the record's names). */
const PROPOSAL_KINDS: Readonly<Record<string, string>> = { motie: 'de motie', amendement: 'het amendement' };

/** "de motie", "het amendement"; undefined for a document that is no proposal. */
export function proposalName(kind: string | undefined): string | undefined {
  return kind ? PROPOSAL_KINDS[kind.toLowerCase()] : undefined;
}

/**
 * What the raad did with a document: what its own text says, else what the list's row that links
 * it says (`listed`), and that only for a motie or an amendement (a row's "Aangenomen" beside a
 * raadsvoorstel's bijlage says nothing about the bijlage).
 */
export function decisionOf(own: ProposalDecision | undefined, kind: string | undefined, listed: ProposalDecision | undefined): ProposalDecision | undefined {
  return own ?? (listed && proposalName(kind) ? listed : undefined);
}

/** Rejected or withdrawn: nobody carries it out. */
export function proposalClosed(decision: ProposalDecision | undefined): boolean {
  return decision === 'verworpen' || decision === 'ingetrokken';
}

/**
 * Per safeguard and signal id, its question for a proposal, "{voorstel}" for the proposal's name;
 * for one whose dictum asks a study (`asks`) its "study" wording, open or adopted; for an adopted
 * one its "adopted" wording where the rules have one.
 */
export function proposalQuestions(pack: Pick<SafeguardsPack, 'safeguards' | 'signals'>, decision?: ProposalDecision, asks?: 'study'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of [...pack.safeguards, ...pack.signals]) {
    const wording = (asks === 'study' ? s.study : undefined) ?? (decision === 'aangenomen' ? s.adopted : undefined) ?? s.proposal;
    if (wording) out[s.id] = wording;
  }
  return out;
}

/**
 * What is carried out: the motie itself; for an amendement the besluit it changed ("het gewijzigde
 * besluit"), and in a letter about several documents which one ("het door het amendement “Titel”
 * gewijzigde besluit": the raadslid must see which besluit of which document is meant).
 */
export function carriedThing(name: string): string {
  if (!name.startsWith(PROPOSAL_KINDS.amendement!)) return name;
  return name === PROPOSAL_KINDS.amendement ? 'het gewijzigde besluit' : `het door ${name} gewijzigde besluit`;
}

/** What the college carries out: "de motie uitvoert", an adopted amendement "het gewijzigde besluit uitvoert". */
export function carriedOut(name: string): string {
  return `${carriedThing(name)} uitvoert`;
}

/** The same without who carries it out: "de motie wordt uitgevoerd" (./addressee.ts: no name twice in a question). */
export function carriedOutPassive(name: string): string {
  return `${carriedThing(name)} wordt uitgevoerd`;
}

/**
 * After the college's pronoun: "voordat het de motie uitvoert"; an amendement's clause turns
 * passive ("voordat het gewijzigde besluit wordt uitgevoerd"), not "voordat het het gewijzigde besluit uitvoert".
 */
export function carriedOutByIt(name: string): string {
  return name.startsWith(PROPOSAL_KINDS.amendement!) ? carriedOutPassive(name) : `het ${carriedOut(name)}`;
}

/**
 * One proposal question with its name filled in ("de motie", or "de motie “Titel”" in a letter about
 * several); a study it asks for, named by the proposal ("het onderzoek waar de motie om vraagt").
 */
export function proposalAsk(wording: string, name: string): string {
  return wording
    .replaceAll('{onderzoek}', () => STUDY_OF)
    .replaceAll('het {uitvoert}', () => carriedOutByIt(name))
    .replaceAll('{voorstel}', () => name)
    .replaceAll('{uitvoert}', () => carriedOut(name))
    .replaceAll('{uitgevoerd}', () => carriedOutPassive(name));
}

/** A study a proposal asks for, where no opening said so before the question: named by the proposal. */
export const STUDY_OF = 'het onderzoek waar {voorstel} om vraagt';

/** The rules' words for a proposal that itself asks for a safeguard (rules/safeguards.json "requested"). */
export type RequestedWords = NonNullable<SafeguardsPack['requested']>;

/**
 * The passage in which a proposal itself asks for a safeguard ("verzoekt het college een DPIA uit
 * te voeren voordat …"): announced, in its dictum; undefined when it does not ask for it.
 */
export function requestedPassage<P extends { text: string; status: string }>(item: { status: string; passages: readonly P[] }, requested: RequestedWords | undefined): P | undefined {
  if (!requested || item.status !== 'planned') return undefined;
  return item.passages.find((p) => p.status === 'planned' && inDictum(p.text.toLowerCase(), requested));
}

/**
 * Whether a passage is of the dictum: it holds one of the rules' words of asking after the last
 * word of the overwegingen ("overwegende dat …; verzoekt het college …"), or, without one, it is an
 * item of the dictum's list ("een DPIA te laten uitvoeren;") that holds no word of the overwegingen.
 * A considerans "het college is voornemens een DPIA te laten uitvoeren" has an infinitive too, but
 * it says why the motie asks, not what it asks. Read per passage: a considerans item on a line of
 * its own that names no such word is still read as a request.
 */
function inDictum(text: string, requested: RequestedWords): boolean {
  const considerans = Math.max(-1, ...(requested.considerans ?? []).map((w) => lastWord(text, w)));
  const asks = requested.words.map((w) => findWords(text, w)).filter((i) => i >= 0);
  if (asks.length) return Math.min(...asks) > considerans;
  return considerans < 0 && (requested.items ?? []).some((w) => findWords(text, w) >= 0);
}

/** Where `words` last stand in `text` as whole words, or -1. */
function lastWord(text: string, words: string): number {
  let at = -1;
  for (let from = findWords(text, words); from >= 0; from = findWords(text, words, from + 1)) at = from;
  return at;
}

/**
 * The question about a safeguard the proposal itself asks for: not for the safeguard as if nobody
 * had thought of it, but how the college judges (open) or carries out (adopted) what it asks.
 */
export function requestedAsk(requested: RequestedWords, name: string, decision: ProposalDecision | undefined, to?: Addressee): string {
  return proposalAsk(templateFor(decision === 'aangenomen' ? requested.adopted : requested.proposal, to), name);
}

/**
 * "De raad heeft de motie verworpen." — said above a proposal's questions when the text says what
 * became of it; `listed`: only the list that links it says so (its text does not), and the line says that.
 */
export function decisionLine(kind: string | undefined, decision: ProposalDecision | undefined, to: Addressee = 'college', listed = false): string | undefined {
  const name = proposalName(kind);
  if (!name || !decision) return undefined;
  const source = listed ? ` (zo staat het in de lijst; ${name} zelf zegt het niet)` : '';
  const said = `De raad heeft ${name} ${decision}${source}.`;
  const by = ADDRESSEE[to].name;
  if (decision === 'aangenomen') return `${said} De vragen gaan over wat ${by} doet voordat ${to === 'college' ? carriedOutByIt(name) : carriedOutPassive(name)}.`;
  if (decision === 'ingetrokken') return `${capitalise(name)} is ingetrokken${source}: niemand voert ${name === PROPOSAL_KINDS.amendement ? 'het' : 'haar'} uit, dus er zijn geen vragen over de uitvoering.`;
  return `${said} Niemand voert ${name === PROPOSAL_KINDS.amendement ? 'het' : 'haar'} uit, dus er zijn geen vragen over de uitvoering.`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The checklist as a proposal's: each open point's question in the rules' proposal wording where
 * they have one (an adopted proposal's: its "adopted" wording); none for a proposal rejected or
 * withdrawn; unchanged for any other kind of document.
 */
export function proposalChecklist(
  items: readonly ChecklistItem[],
  kind: string | undefined,
  questions: Readonly<Record<string, string>>,
  decision?: ProposalDecision,
  to?: Addressee,
  rules?: InUseRules & { safeguards: Pick<SafeguardsPack, 'requested'> },
): readonly ChecklistItem[] {
  const name = proposalName(kind);
  const requested = rules?.safeguards.requested;
  // Asked of the burgemeester (./addressee.ts): every question says so, a proposal's or not.
  const asked = (ask: string) => textFor(ask, to);
  // Another kind: a report of technology in use is asked what happens now that it runs (./in-use.ts).
  if (!name) return to === 'burgemeester' || reportsInUse(kind) ? items.map((i) => (i.ask ? { ...i, ask: asked(inUseAsk(kind, i.id, i.ask, rules)) } : i)) : items;
  if (proposalClosed(decision)) return items.map((i) => (i.ask ? { ...i, ask: undefined } : i));
  return items.map((i) => {
    if (!i.ask) return i;
    // What the proposal asks for itself: how the college judges or carries out that request.
    if (requestedPassage(i, requested)) return { ...i, ask: requestedAsk(requested!, name, decision, to) };
    return { ...i, ask: questions[i.id] ? proposalAsk(templateFor(questions[i.id]!, to), name) : asked(i.ask) };
  });
}

/** An AP question's "Vraag het college" list as a proposal's (the same order, ./assess.ts); empty for one rejected or withdrawn. */
export function proposalFollowUps(
  q: Pick<QuestionAssessment, 'applies' | 'followUps' | 'found' | 'missing' | 'signals'>,
  kind: string | undefined,
  questions: Readonly<Record<string, string>>,
  decision?: ProposalDecision,
  to?: Addressee,
  rules?: InUseRules,
): string[] {
  const name = proposalName(kind);
  if (!name && q.applies && rules && reportsInUse(kind)) return followUpsOf(q, (id, ask) => textFor(inUseAsk(kind, id, ask, rules), to));
  if (!name || !q.applies) return to === 'burgemeester' ? q.followUps.map((f) => textFor(f, to)) : q.followUps;
  if (proposalClosed(decision)) return [];
  return followUpsOf(q, (id, ask) => (questions[id] ? proposalAsk(templateFor(questions[id]!, to), name) : textFor(ask, to)));
}
