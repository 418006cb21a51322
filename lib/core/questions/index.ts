export { assessDocument, completeAssessment, readMentions, type AssessInput, type Completion, type ReadMention } from './assess';
export { partialAssessment, restCategories, strongCategoriesOf, type RestCategory, type SafeguardHit } from './partial';
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
