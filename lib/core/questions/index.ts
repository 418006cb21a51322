export { assessDocument, readMentions } from './assess';
export { partialAssessment, restCategories, strongCategoriesOf, type SafeguardHit } from './partial';
export { snippetAround } from './snippet';
export type * from './types';
export { checklistFromSnapshot, checklistOf, snapshotItems, type Correction } from './checklist';
