// Every visible string goes through the extension's i18n (public/_locales). Outside the extension
// (unit tests, the command-line scanner) and in the panel's analysis worker, which has no
// extension API and whose messages the panel words again, the Dutch catalogue is read directly.
// The API is looked up, not imported: the polyfill refuses to load in a worker.
import nl from '../../../public/_locales/nl/messages.json';

export type MessageKey = keyof typeof nl;

function fromCatalogue(key: MessageKey, subs: string[]): string {
  const entry = nl[key] as { message: string } | undefined;
  if (!entry) return key;
  return entry.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

function lookUp(key: MessageKey, s: string[]): string {
  try {
    const msg = (globalThis as { chrome?: { i18n?: { getMessage(key: string, subs: string[]): string } } }).chrome?.i18n?.getMessage(key, s);
    if (msg) return msg;
  } catch {
    // Not inside an extension: fall through to the Dutch catalogue.
  }
  return fromCatalogue(key, s);
}

/**
 * Words already looked up, by key and substitutions: the browser's catalogue is fixed for the
 * page's life, and each getMessage is a call into the extension API (a meeting's forty results
 * asked it for the same page labels and checklist lines thousands of times: ~75 ms of the side
 * panel's thread). Emptied when full, so a long session's page numbers do not pile up.
 */
const worded = new Map<string, string>();
export const WORDED_MAX = 4000;
const SEP = '\u0001';

export function t(key: MessageKey, ...subs: Array<string | number>): string {
  const s = subs.map(String);
  // Joined by a control character no key has; a substitution that has one (a document's own
  // name could) is looked up each time rather than risk another's words.
  const id = s.length === 0 ? key : s.some((x) => x.includes(SEP)) ? null : `${key}${SEP}${s.join(SEP)}`;
  if (id === null) return lookUp(key, s);
  const known = worded.get(id);
  if (known !== undefined) return known;
  const msg = lookUp(key, s);
  if (worded.size >= WORDED_MAX) worded.clear();
  worded.set(id, msg);
  return msg;
}

/** A count with its noun: `one` for exactly 1 ("1 vondst"), `many` for any other number ("0 vondsten"). */
export function tCount(n: number, many: MessageKey, one: MessageKey): string {
  return n === 1 ? t(one) : t(many, n);
}

/** "80 vondsten in 6 categorieën", "2 vondsten in 1 categorie": the two counts every summary line starts with. */
export function matchesInCategories(matches: number, categories: number): [string, string] {
  return [tCount(matches, 'matchCountLabel', 'matchCountLabelOne'), tCount(categories, 'categoryCount', 'categoryCountOne')];
}
