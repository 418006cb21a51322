// Phrases compared with the text as written, character by character: a table cell's answer
// ("n.v.t.", "na oplevering", "✓") and the few words read before a line is tokenized. The rules
// write them as data (rules/status.json); they are parsed once into steps and never turned into a
// pattern. Matching one phrase at one place is linear in the phrase (times the digits or letters
// a wildcard may take).

/** One step of a phrase: a character (optional for a dot and a space right after one), or a run. */
type Step = { ch: number; optional: boolean } | { run: 'digits' | 'letters' };

export interface SpelledPhrase {
  readonly phrase: string;
  readonly steps: readonly Step[];
}

/**
 * A phrase as steps. A dot may be left out, and so may a space right after a dot: "n. v. t."
 * is also "n.v.t.", "nvt" and "n v t"; "#" is one or more digits; "*" one or more of a–z and "-"
 * (a word of a cell, already in lower case).
 */
export function spelled(phrase: string): SpelledPhrase {
  const steps: Step[] = [];
  for (let i = 0; i < phrase.length; i++) {
    const c = phrase.charCodeAt(i);
    if (c === 35) steps.push({ run: 'digits' });
    else if (c === 42) steps.push({ run: 'letters' });
    else steps.push({ ch: c, optional: c === 46 || (c === 32 && phrase.charCodeAt(i - 1) === 46) });
  }
  return { phrase, steps };
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetter = (c: number): boolean => (c >= 97 && c <= 122) || c === 45;
/** An ASCII letter compared without case, as a case-insensitive pattern does; anything else as it is. */
const same = (c: number, want: number): boolean => c === want || (c >= 65 && c <= 90 && c + 32 === want);

/** Every place in `text` where `p` can end when it starts at `from`, ascending. */
export function endsOf(p: SpelledPhrase, text: string, from: number): number[] {
  let at = [from];
  for (const step of p.steps) {
    // The common step, one place and a required character, without a set.
    if (at.length === 1 && !('run' in step) && !step.optional) {
      if (!(at[0]! < text.length && same(text.charCodeAt(at[0]!), step.ch))) return [];
      at[0]!++;
      continue;
    }
    const next = new Set<number>();
    for (const i of at) {
      if ('run' in step) {
        const fits = step.run === 'digits' ? isDigit : isLetter;
        for (let j = i; j < text.length && fits(text.charCodeAt(j)); ) next.add(++j);
      } else {
        if (step.optional) next.add(i);
        if (i < text.length && same(text.charCodeAt(i), step.ch)) next.add(i + 1);
      }
    }
    if (!next.size) return [];
    at = [...next].sort((a, b) => a - b);
  }
  return at;
}

/** Whether one of `phrases` starts at `from` and can end where `endsWell` accepts. */
export function startsWith(phrases: readonly SpelledPhrase[], text: string, from: number, endsWell: (end: number) => boolean): boolean {
  for (const p of phrases) for (const end of endsOf(p, text, from)) if (endsWell(end)) return true;
  return false;
}

/**
 * Whether one of `phrases` stands in `text` as a word: not preceded or followed by a character
 * `inWord` counts as part of a word.
 */
export function containsWord(phrases: readonly SpelledPhrase[], text: string, inWord: (c: number) => boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    if (i > 0 && inWord(text.charCodeAt(i - 1))) continue;
    const c = text.charCodeAt(i);
    for (const p of phrases) {
      // Most places fail on the first character: no steps walked for them.
      const first = p.steps[0];
      if (first && !('run' in first) && !first.optional && !same(c, first.ch)) continue;
      for (const end of endsOf(p, text, i)) if (end >= text.length || !inWord(text.charCodeAt(end))) return true;
    }
  }
  return false;
}

/** A word character as a pattern's \b sees it: ASCII letters, digits and "_". */
export const asciiWord = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigit(c) || c === 95;
