/**
 * Matches grouped per category for the panel's lists (page and PDF alike): categories in rule
 * order, empty ones left out, then the fullest group first (ties keep rule order).
 */
export function groupByCategory<C extends { id: string }, M extends { category: string }>(
  categories: readonly C[],
  matches: readonly M[],
): Array<{ cat: C; items: M[] }> {
  return categories
    .map((cat) => ({ cat, items: matches.filter((m) => m.category === cat.id) }))
    .filter((g) => g.items.length > 0)
    .sort((a, b) => b.items.length - a.items.length);
}
