// Every spelling a term stands for, in one place: the matcher compiles them, the lookup finds
// the term by them, the rule checks and the tests read them.
import type { Term } from '../rules/schema';

const VOWELS = 'aeiouy';

/**
 * Whether Dutch writes a hyphen between the two parts: where the vowels would run together
 * (risicotaxatie-instrument, risico-inschatting).
 */
function vowelsMeet(modifier: string, head: string): boolean {
  return VOWELS.includes(modifier.at(-1)?.toLowerCase() ?? '') && VOWELS.includes(head[0]?.toLowerCase() ?? '');
}

/**
 * The term's text, its forms, then each compound of its family: modifier and head joined, and
 * with a hyphen where the vowels meet. A modifier given with its hyphen ("AI-", "wifi-") is
 * joined to each head as written.
 */
export function termSpellings(term: Term): string[] {
  const out = [term.text, ...(term.forms ?? [])];
  const family = term.compounds;
  if (family) {
    for (const m of family.modifiers) {
      for (const h of family.heads) {
        out.push(m + h);
        if (!m.endsWith('-') && vowelsMeet(m, h)) out.push(`${m}-${h}`);
      }
    }
  }
  return out;
}
