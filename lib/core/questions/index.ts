export { assessDocument, readMentions, type AssessInput, type ReadMention, type SafeguardHit } from './assess';
export { snippetAround } from './snippet';
export type * from './types';
export {
  askFor,
  checklistFromSnapshot,
  checklistOf,
  snapshotItems,
  sortChecklist,
  type ChecklistItem,
  type ChecklistPassage,
  type ChecklistRules,
  type ChecklistSnapshotItem,
  type Correction,
} from './checklist';
