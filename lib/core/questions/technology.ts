// The rules ask about "het algoritme of het herkenningssysteem" (the IAMA, the Algoritmeregister)
// for any technology. A raadslid asking about the recognition system of a document that only holds
// an algorithm (or only cameras) asks about something the document does not say is there, so where
// the scan says what the document is about, the question names only that. One place for the
// panel's questions (checklist, question cards) and the letter's. Pure.
import type { CategoryId } from '../rules/ids';

/** The technology a document's matches show: the categories with at least one match. */
export function shownCategories(assessment: { categories: readonly { category: CategoryId; count: number }[] }): CategoryId[] {
  return assessment.categories.filter((c) => c.count > 0).map((c) => c.category);
}

/**
 * `ask` naming only the technology in `categories`: an algorithm "het algoritme", face or
 * number-plate recognition "het herkenningssysteem", cameras without either "het camerasysteem",
 * anything else "het systeem". Unknown (a stored document): the rules' words.
 */
export function technologyOf(ask: string, categories: readonly CategoryId[] | undefined): string {
  if (!categories) return ask;
  const has = new Set(categories);
  const named = [
    ...(has.has('algoritme') ? ['het algoritme'] : []),
    ...(has.has('biometrie') ? ['het herkenningssysteem'] : has.has('camera') && !has.has('algoritme') ? ['het camerasysteem'] : []),
  ];
  const said = named.length ? named.join(' of ') : 'het systeem';
  return ask.replace(ALGORITHM_OR_RECOGNITION, (m) => (m.startsWith('H') ? said.charAt(0).toUpperCase() + said.slice(1) : said));
}

/** Checklist items whose questions name only the technology in `categories` (technologyOf). */
export function technologyAsks<T extends { ask?: string }>(items: readonly T[], categories: readonly CategoryId[] | undefined): readonly T[] {
  if (!categories) return items;
  return items.map((i) => (i.ask ? { ...i, ask: technologyOf(i.ask, categories) } : i));
}

/** The rules' words for any technology: "het algoritme of (het) herkenningssysteem". */
const ALGORITHM_OR_RECOGNITION = /\b[Hh]et algoritme of (?:het )?herkenningssysteem\b/g;
