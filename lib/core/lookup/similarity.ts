// String similarity for the quick lookup: small, bounded and allocation-light, because the popup
// scores every indexed word on every keystroke. Inputs are already folded (lib/core/match foldText).

/**
 * Optimal-string-alignment edit distance (insert, delete, substitute, swap two neighbours),
 * giving up as soon as it must exceed `max`: then `max + 1` is returned. A typo such as
 * "gezichtsherkening" (one letter missing) costs 1, "camrea" (a swap) costs 1.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0) return lb;
  if (lb === 0) return la;
  let prev2 = new Int32Array(lb + 1);
  let prev = new Int32Array(lb + 1);
  let cur = new Int32Array(lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        v = Math.min(v, prev2[j - 2]! + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  return Math.min(prev[lb]!, max + 1);
}

/** How many typos a word of this length may carry and still be recognised. */
export function typoBudget(length: number): number {
  if (length < 4) return 0;
  if (length < 7) return 1;
  if (length < 12) return 2;
  return 3;
}

/** The padded character trigrams of a word ("cam" → " ca", "cam", "am "), as a set. */
export function trigrams(word: string): Set<string> {
  const padded = ` ${word} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

/** Dice coefficient of two trigram sets: 1 for the same word, 0 for nothing in common. */
export function diceSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const g of small) if (large.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

export interface IndexedWord {
  word: string;
  grams: Set<string>;
}

export const indexWord = (word: string): IndexedWord => ({ word, grams: trigrams(word) });

/**
 * How well a typed word fits an indexed word, 0..1. Exact beats prefix ("lantaarn" →
 * lantaarnpaal), prefix beats a Dutch inflection or compound ("lantaarnpaal" → lantaarnpalen,
 * "gezichtsherkenning" → gezichtsherkenningssoftware), and those beat a typo. Below 0.5 is noise.
 */
export function wordScore(query: IndexedWord, target: IndexedWord): number {
  const q = query.word;
  const w = target.word;
  if (q === w) return 1;
  if (q.length >= 3 && w.startsWith(q)) return 0.9 - Math.min(0.15, (w.length - q.length) * 0.01);
  // Inflections share a long prefix: lantaarnpa|al vs lantaarnpa|len, camera|'s.
  const prefix = commonPrefix(q, w);
  let best = 0;
  if (prefix >= 5 && prefix >= Math.min(q.length, w.length) - 3) {
    best = 0.6 + 0.25 * (prefix / Math.max(q.length, w.length));
  }
  const budget = typoBudget(Math.min(q.length, w.length));
  if (budget > 0) {
    const d = boundedEditDistance(q, w, budget);
    if (d <= budget) best = Math.max(best, 0.85 - (0.25 * d) / budget);
    // A typo inside a compound head: compare with the word's start of the same length.
    if (w.length > q.length + 2) {
      const head = w.slice(0, q.length);
      const dh = boundedEditDistance(q, head, budget);
      if (dh <= budget) best = Math.max(best, 0.8 - (0.25 * dh) / budget);
    }
  }
  if (q.length >= 4) {
    const dice = diceSimilarity(query.grams, target.grams);
    if (dice >= 0.5) best = Math.max(best, dice * 0.75);
  }
  return best;
}
