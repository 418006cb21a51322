// The category and question ids as plain values, apart from their zod schemas (./schema.ts): the
// content script needs the lists but carries no zod.
export const CATEGORY_IDS = [
  'camera',
  'algoritme',
  'sensor',
  'tracking',
  'biometrie',
  'drone',
  'online',
  'data',
  'cloud',
  'pilot',
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export const QUESTION_IDS = ['ap-1', 'ap-2', 'ap-3'] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

const CATEGORY_SET: ReadonlySet<unknown> = new Set(CATEGORY_IDS);
export function isCategoryId(value: unknown): value is CategoryId {
  return CATEGORY_SET.has(value);
}
