// The checklist as the reader sees it: what the scan read per safeguard, with the reader's own
// corrections on top, and what to ask for each. One model for the panel, the snapshot kept with a
// stored document, and the letter. Pure.
import type { StatusRules } from '../rules/status';
import type { QuestionId, SafeguardsPack } from '../rules/schema';
import { STATUS_ORDER } from './status';
import type { FoundSafeguard, MissingSafeguard, SafeguardStatus } from './types';

export interface ChecklistPassage {
  text: string;
  status: SafeguardStatus;
  scope?: string;
}

export interface ChecklistItem {
  id: string;
  label: string;
  question: QuestionId;
  /** What counts: the reader's correction when there is one, else what was read. */
  status: SafeguardStatus;
  /** What Raadslens read. */
  detected: SafeguardStatus;
  corrected: boolean;
  /** The sentences that say it, the deciding one first. */
  passages: ChecklistPassage[];
  /** What to ask the college for this status; none when the document says it is done. */
  ask?: string;
  /** False: read as stated, but not with certainty — no ✓, and the letter asks. Absent: certain. */
  certain?: boolean;
}

export interface Correction {
  safeguard: string;
  status: SafeguardStatus;
  /** The sentence the reader corrected, when the scan is not at hand. */
  passage?: string;
}

/** The few rule fields the checklist needs: labels, questions, follow-ups and the asks per status. */
export interface ChecklistRules {
  safeguards: SafeguardsPack;
  status: StatusRules;
}

/** What to ask for a safeguard in a status (the follow-up for absent, the status' ask otherwise). */
export function askFor(rules: ChecklistRules, id: string, status: SafeguardStatus, scopedAsk?: string): string | undefined {
  const s = rules.safeguards.safeguards.find((x) => x.id === id);
  const asks = rules.status.safeguards[id]?.asks;
  if (status === 'absent') return s?.followUp;
  if (status === 'negated') return asks?.negated;
  if (status === 'planned') return asks?.planned;
  return scopedAsk;
}

/**
 * Strongest question first: not done, announced, not mentioned, done (and the rules' order within
 * each) — by what was read, so an item the reader corrects stays where it is under the pointer.
 */
export function sortChecklist(items: ChecklistItem[], rules: ChecklistRules): ChecklistItem[] {
  const order = new Map(rules.safeguards.safeguards.map((s, i) => [s.id, i]));
  return items.sort((a, b) => STATUS_ORDER.indexOf(a.detected) - STATUS_ORDER.indexOf(b.detected) || order.get(a.id)! - order.get(b.id)!);
}

function withCorrections(read: ChecklistItem[], corrections: readonly Correction[], rules: ChecklistRules): ChecklistItem[] {
  const byId = new Map(read.map((i) => [i.id, i]));
  for (const c of corrections) {
    const s = rules.safeguards.safeguards.find((x) => x.id === c.safeguard);
    if (!s) continue;
    const item = byId.get(c.safeguard) ?? { id: s.id, label: s.label, question: s.question, status: 'absent', detected: 'absent', corrected: false, passages: [] };
    if (c.status === item.detected) continue;
    const passages = item.passages.length || !c.passage ? item.passages : [{ text: c.passage, status: c.status }];
    const ask = askFor(rules, s.id, c.status);
    // The reader has decided: no doubt left.
    const { certain: _, ...decided } = item;
    byId.set(s.id, { ...decided, status: c.status, corrected: true, passages, ...(ask ? { ask } : { ask: undefined }) });
  }
  return [...byId.values()];
}

/**
 * The checklist of a scanned document: found and missing from the assessment, corrected by the
 * reader. A safeguard that was neither (an IAMA for cameras) appears only when the reader set it.
 */
export function checklistOf(
  found: readonly FoundSafeguard[],
  missing: readonly MissingSafeguard[],
  corrections: readonly Correction[],
  rules: ChecklistRules,
): ChecklistItem[] {
  const read: ChecklistItem[] = [
    ...found.map((f): ChecklistItem => {
      const deciding = f.passages.filter((p) => p.status === f.status);
      const others = f.passages.filter((p) => p.status !== f.status);
      return {
        id: f.id,
        label: f.label,
        question: f.question,
        status: f.status,
        detected: f.status,
        corrected: false,
        passages: [...deciding, ...others].map((p) => ({ text: p.text, status: p.status, ...(p.scope ? { scope: p.scope.text } : {}) })),
        ...(f.ask ? { ask: f.ask } : {}),
        ...(f.certain === false ? { certain: false } : {}),
      };
    }),
    ...missing.map((m): ChecklistItem => ({ id: m.id, label: m.label, question: m.question, status: 'absent', detected: 'absent', corrected: false, passages: [], ask: m.followUp })),
  ];
  return sortChecklist(withCorrections(read, corrections, rules), rules);
}

export interface ChecklistSnapshotItem {
  id: string;
  status: SafeguardStatus;
  passages: ChecklistPassage[];
  ask?: string;
  certain?: boolean;
}

/** What is kept with a stored document: what was read (not the corrections, they are kept apart). */
export function snapshotItems(found: readonly FoundSafeguard[], missing: readonly MissingSafeguard[], rules: ChecklistRules): ChecklistSnapshotItem[] {
  return checklistOf(found, missing, [], rules).map((i) => ({
    id: i.id,
    status: i.status,
    passages: i.passages.slice(0, 3).map((p) => ({ text: p.text.slice(0, 2000), status: p.status, ...(p.scope ? { scope: p.scope.slice(0, 500) } : {}) })),
    ...(i.ask ? { ask: i.ask } : {}),
    ...(i.certain === false ? { certain: false } : {}),
  }));
}

/** The checklist of a document that is not open: its kept snapshot, corrected by the reader. */
export function checklistFromSnapshot(items: readonly ChecklistSnapshotItem[], corrections: readonly Correction[], rules: ChecklistRules): ChecklistItem[] {
  const read = items.flatMap((i): ChecklistItem[] => {
    const s = rules.safeguards.safeguards.find((x) => x.id === i.id);
    if (!s) return [];
    return [
      {
        id: s.id,
        label: s.label,
        question: s.question,
        status: i.status,
        detected: i.status,
        corrected: false,
        passages: [...i.passages],
        ...(i.ask ? { ask: i.ask } : {}),
        ...(i.certain === false ? { certain: false } : {}),
      },
    ];
  });
  return sortChecklist(withCorrections(read, corrections, rules), rules);
}
