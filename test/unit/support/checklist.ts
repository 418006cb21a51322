import type { ChecklistItem } from '@/lib/core/questions/checklist';
import type { DocumentChecklist } from '@/lib/extension/ui/use-checklist';

/** A document's checklist for a view under test that never corrects: one that fails loudly if it tried. */
export function fixedChecklist(items: readonly ChecklistItem[] = []): DocumentChecklist {
  return {
    items: [...items],
    corrections: [],
    error: null,
    correct: () => Promise.reject(new Error('not expected')),
    undo: () => Promise.reject(new Error('not expected')),
  };
}
