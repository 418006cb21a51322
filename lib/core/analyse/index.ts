// Text in, findings out: the term matches and the AP assessment of one document. Pure, so the
// PDF scanner, the command-line scanner and the benchmarks share it; the content script uses its
// status-free part, ./scanner.ts.
import type { TermMatch } from '../match';
import { assessDocument, type Assessment, type SafeguardHit } from '../questions';
import { assessDocumentSteps } from '../questions/assess';
import type { Steps } from '../steps';
import type { DocumentOutcome } from '../questions/outcome';
import type { TextLayout } from '../questions/status';
import type { RuleSet } from '../rules';
import { createScanner, type AnalyserOptions, type Scanner } from './scanner';

export { createScanner, type AnalyserOptions, type Scanner } from './scanner';
export { PartsSoFar, type ContextPart } from './context';

interface Analysis {
  matches: TermMatch[];
  assessment: Assessment;
}

export interface Analyser extends Scanner<RuleSet> {
  /**
   * `layout`: what a line break in `text` means, as the surface it comes from says — 'blocks' for
   * PDF text (every line a block), 'wrapped' for text files and web pages (status/segment.ts).
   */
  analyse(text: string, layout: TextLayout, outcome?: DocumentOutcome): Analysis;
  /**
   * The assessment over parts found separately; `text` feeds the passages' sentences and snippets.
   * `outcome` (both): what became of the document itself, a motie or amendement (questions/outcome.ts).
   */
  assess(matches: TermMatch[], safeguardHits: SafeguardHit[], text: string, layout: TextLayout, outcome?: DocumentOutcome): Assessment;
  /** assess in steps (lib/core/steps.ts): the same result, with pauses between its pieces. */
  assessSteps(matches: TermMatch[], safeguardHits: SafeguardHit[], text: string, layout: TextLayout, outcome?: DocumentOutcome): Steps<Assessment>;
}

/** Compiles the rules once; analyse() is then linear in the text. */
export function createAnalyser(builtRules: RuleSet, options: AnalyserOptions = {}): Analyser {
  const scanner = createScanner(builtRules, options);
  const { rules } = scanner;
  return {
    ...scanner,
    analyse(text, layout, outcome = 'unknown') {
      const found = scanner.find(text);
      const dropped = scanner.outOfContext([{ text, matches: found.matches, hits: found.safeguardHits }]);
      const matches = dropped.size ? found.matches.filter((m) => !dropped.has(m)) : found.matches;
      const safeguardHits = dropped.size ? found.safeguardHits.filter((h) => !dropped.has(h)) : found.safeguardHits;
      return { matches, assessment: assessDocument({ matches, text, safeguardHits, rules, layout, outcome }) };
    },
    assess: (matches, safeguardHits, text, layout, outcome = 'unknown') => assessDocument({ matches, text, safeguardHits, rules, layout, outcome }),
    assessSteps: (matches, safeguardHits, text, layout, outcome = 'unknown') => assessDocumentSteps({ matches, text, safeguardHits, rules, layout, outcome }),
  };
}
