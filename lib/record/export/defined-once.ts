// A term with its abbreviation is spelled out once in a question of the letter, the first time it
// comes up; after that the abbreviation alone: "Het raadsvoorstel noemt geen Impact Assessment
// Mensenrechten en Algoritmes (IAMA). Is voor het algoritme … een IAMA uitgevoerd …?". The
// rules word each sentence to stand alone (the panel shows a question without the sentence before
// it), so two of them joined in one question can both spell it out, or the first can use the
// abbreviation the second spells out ("… een IAMA … een Impact Assessment Mensenrechten en
// Algoritmes (IAMA) …"). The long form is the words before "(ABBR)" whose initials make it ("en",
// "van" … may stand between); one that does not ("privacywetgeving (AVG)") is left as it is.
// What the question quotes (“…”) is the document's and is not touched. Pure.

/** Small words a long form may hold without an initial in the abbreviation. */
const LINKS = new Set(['en', 'van', 'voor', 'de', 'het', 'of']);
const WORD = /[\p{L}\p{N}][\p{L}\p{N}-]*/gu;

interface Defined {
  abbr: string;
  long: string;
}

/** The long form before "(abbr)" at `open` in `text`, or undefined when the words do not spell it. */
function longFormBefore(text: string, open: number, abbr: string): string | undefined {
  const words = [...text.slice(0, open).matchAll(WORD)];
  let need = abbr.length;
  let first = words.length;
  for (let i = words.length - 1; i >= 0 && need > 0; i--) {
    const w = words[i]![0];
    if (w[0]!.toLowerCase() === abbr[need - 1]!.toLowerCase()) {
      need--;
      first = i;
    } else if (!LINKS.has(w.toLowerCase()) || need === abbr.length) return undefined;
  }
  if (need > 0) return undefined;
  const start = words[first]!.index!;
  return text.slice(start, open).trimEnd();
}

/** The terms a question defines, each once. */
function definitions(parts: readonly string[]): Defined[] {
  const out: Defined[] = [];
  for (const part of parts) {
    for (const m of part.matchAll(/\(([A-Z][A-Za-z]*[A-Z])\)/g)) {
      const long = longFormBefore(part, m.index!, m[1]!);
      if (long && !out.some((d) => d.abbr === m[1])) out.push({ abbr: m[1]!, long });
    }
  }
  return out;
}

/** `text` with every defined term spelled out at its first mention only. */
export function definedOnce(text: string): string {
  // Odd parts are quotes: "a “b” c" splits into ["a ", "“b”", " c"].
  const parts = text.split(/(“[^”]*”)/);
  const own = parts.filter((_, i) => i % 2 === 0);
  for (const { abbr, long } of definitions(own)) {
    const full = `${long} (${abbr})`;
    let seen = false;
    for (let i = 0; i < parts.length; i += 2) {
      parts[i] = replaceMentions(parts[i]!, full, abbr, () => (seen ? abbr : ((seen = true), full)));
    }
  }
  return parts.join('');
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether `c` may stand beside a bare abbreviation: not a letter, a digit or its own bracket. */
const freeBeside = (c: string | undefined, bracket: string): boolean => c === undefined || (c !== bracket && !LETTER_OR_DIGIT.test(c));

/**
 * `text` with each mention of the term — spelled out (`full`) or the bare abbreviation standing
 * alone — replaced by `by()`, left to right. Plain string search: the words come from the rules,
 * and no pattern is built from them.
 */
function replaceMentions(text: string, full: string, abbr: string, by: () => string): string {
  let out = '';
  let at = 0;
  for (let i = 0; i < text.length; ) {
    if (text.startsWith(full, i)) {
      out += text.slice(at, i) + by();
      i += full.length;
      at = i;
    } else if (text.startsWith(abbr, i) && freeBeside(text[i - 1], '(') && freeBeside(text[i + abbr.length], ')')) {
      out += text.slice(at, i) + by();
      i += abbr.length;
      at = i;
    } else i++;
  }
  return out + text.slice(at);
}
