// The edited-page trial for re-anchoring, shaped like Hypothesis' Wikipedia anchoring baseline:
// an encyclopedia-style article whose section headings come back as exact copies (the table of
// contents at the top, a "Zie ook" line about 500 characters into the section), a passage quoted
// at or just after a heading, and then the article edited the way a portal republishes it: about
// 3 % of the letters around the quote changed (always at least one inside it, so the stored quote
// itself no longer occurs anywhere exactly) and a sentence inserted before it. Deterministic per
// seed, so a failing trial can be replayed.
import { describeQuote } from '../../../lib/core/anchor/describe';
import type { Anchor } from '../../../lib/core/anchor/schema';
import { reanchor } from '../../../lib/core/anchor/reanchor';
import { rng } from '../core/match/rng';

const TOPICS = [
  'Geschiedenis', 'Bestuur en politiek', 'Cameratoezicht in de binnenstad', 'Verkeer en vervoer', 'Slimme lantaarnpalen',
  'Economie', 'Onderwijs', 'Cultuur', 'Sport en recreatie', 'Wijken en buurten', 'Openbare veiligheid', 'Bevolking',
  'Gezondheidszorg', 'Natuur en landschap', 'Wonen', 'Digitale dienstverlening',
];
const SUBJECTS = ['De gemeente', 'Het college', 'De gemeenteraad', 'Een meerderheid van de raad', 'De burgemeester', 'De provincie',
  'Het waterschap', 'Een werkgroep van inwoners', 'De politie', 'De rekenkamer', 'Het kabinet', 'De wijkraad'];
const VERBS = ['besloot', 'onderzocht', 'presenteerde', 'bekritiseerde', 'financierde', 'evalueerde', 'steunde', 'herzag'];
const OBJECTS = ['een plan voor de herinrichting van het centrum', 'de inzet van camera’s bij het station', 'een nieuwe verordening',
  'de aanleg van een fietsverbinding', 'het gebruik van sensoren in de openbare ruimte', 'een pilot met slimme verlichting',
  'de sluiting van twee scholen', 'de uitbreiding van het bedrijventerrein', 'een onderzoek naar wifi-tracking',
  'de bouw van vijfhonderd woningen', 'de samenwerking met buurgemeenten', 'een register van algoritmen',
  'de renovatie van het stadhuis', 'een subsidie voor het poppodium', 'het beheer van de haven', 'de verkoop van het zwembad'];
const TAILS = ['na een lange discussie', 'op advies van de commissie', 'ondanks bezwaren van omwonenden', 'met steun van de provincie',
  'als onderdeel van de begroting', 'na een motie van de oppositie', 'zonder hoofdelijke stemming', 'binnen het afgesproken budget',
  'tot verrassing van de pers', 'na overleg met de ondernemers'];
const INSERTS = [
  'Dit gedeelte is in 2024 herschreven op basis van nieuwe bronnen.',
  'Op de overlegpagina wordt over de juistheid van dit artikel gediscussieerd.',
  'Sinds de gemeentelijke herindeling maakt ook het voormalige dorp deel uit van de gemeente.',
  'Volgens het Centraal Bureau voor de Statistiek groeide het inwonertal sinds 2010 met ruim vier procent.',
];

type Random = () => number;
const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

/**
 * Prose from a few word lists, but never one phrase twice in the same surroundings: each object
 * comes with a tail it has not had before on the page and each sentence has its own year. (Drawn
 * freely, two sentences can agree on 60 characters around a quote, and no re-anchoring can tell
 * them apart; an encyclopedia article does not read like that.)
 */
class Prose {
  private year: number;
  private readonly pairs: Array<[string, string]>;

  constructor(private readonly r: Random) {
    this.year = 1850 + Math.floor(r() * 50);
    this.pairs = OBJECTS.flatMap((o) => TAILS.map((t): [string, string] => [o, t])).sort(() => r() - 0.5);
  }

  sentence(): string {
    const [object, tail] = this.pairs.pop() ?? [pick(this.r, OBJECTS), pick(this.r, TAILS)];
    return `${pick(this.r, SUBJECTS)} ${pick(this.r, VERBS)} in ${this.year++} ${object} ${tail}.`;
  }

  /** Sentences until `length` characters. */
  paragraph(length: number): string {
    const out: string[] = [];
    let size = 0;
    while (size < length) {
      const s = this.sentence();
      out.push(s);
      size += s.length + 1;
    }
    return out.join(' ');
  }
}

export interface ArticlePage {
  text: string;
  /** Where each section's heading line starts (the original, not its copies). */
  headings: Array<{ title: string; start: number; bodyStart: number }>;
}

/** The article: title, lead, table of contents, and sections that mention their heading again ~500 characters in. */
export function article(seed: number, sections = 8): ArticlePage {
  const r = rng(seed);
  const prose = new Prose(r);
  const titles = [...TOPICS].sort(() => r() - 0.5).slice(0, sections);
  const parts: string[] = [];
  let at = 0;
  const push = (s: string) => {
    parts.push(s);
    at += s.length;
  };
  push(`Utrecht (gemeente)\n\n${prose.paragraph(600)}\n\nInhoud\n`);
  titles.forEach((title, i) => push(`${i + 1} ${title}\n`));
  const headings: ArticlePage['headings'] = [];
  for (const title of titles) {
    push('\n');
    const start = at;
    push(`${title}\n\n`);
    const bodyStart = at;
    push(`${prose.paragraph(470)} Zie ook: ${title}. ${prose.paragraph(500)}\n\n${prose.paragraph(500)}\n`);
    headings.push({ title, start, bodyStart });
  }
  return { text: parts.join(''), headings };
}

export interface EditedTrial {
  seed: number;
  /** The article as the note was written on it, and the anchor stored then. */
  original: string;
  anchor: Anchor;
  /** The article as republished, and where the (edited) quote lies in it now. */
  edited: string;
  expected: { start: number; end: number };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const isLetter = (c: string) => /\p{L}/u.test(c);

/** Another lowercase letter than `c` (keeps the text's length, so offsets stay comparable). */
function otherLetter(r: Random, c: string): string {
  let next = c;
  while (next === c.toLowerCase() || next === c) next = pick(r, [...LETTERS]);
  return next;
}

export function editedTrial(seed: number): EditedTrial {
  const r = rng(seed * 7919 + 17);
  const page = article(seed);
  const heading = pick(r, page.headings);
  const text = page.text;
  // Half the quotes are a heading (which has exact copies), the rest start at the heading or just after it.
  const kind = r();
  let start: number;
  let end: number;
  if (kind < 0.5) {
    start = heading.start;
    end = start + heading.title.length;
  } else if (kind < 0.75) {
    start = heading.start;
    end = heading.bodyStart + 20 + Math.floor(r() * 40);
  } else {
    start = heading.bodyStart + Math.floor(r() * 200);
    end = start + 20 + Math.floor(r() * 80);
  }
  const anchor = describeQuote(text, start, end);

  // About 3 % of the letters from one context length before the quote to one after it.
  const chars = [...text];
  const from = Math.max(0, start - 64);
  const to = Math.min(text.length, end + 64);
  const letters = (lo: number, hi: number) => Array.from({ length: hi - lo }, (_, i) => lo + i).filter((i) => isLetter(chars[i]!));
  const inQuote = letters(start, end);
  const changed = new Set<number>([pick(r, inQuote)]);
  for (const i of letters(from, to)) if (r() < 0.03) changed.add(i);
  for (const i of changed) chars[i] = otherLetter(r, chars[i]!);
  const withEdits = chars.join('');

  // A sentence inserted before the quote, at a sentence end somewhere between the lead and it.
  const ends: number[] = [];
  for (let i = withEdits.indexOf('. '); i !== -1 && i < from; i = withEdits.indexOf('. ', i + 1)) ends.push(i + 2);
  const at = ends.length ? pick(r, ends) : 0;
  const inserted = `${pick(r, INSERTS)} `;
  const edited = withEdits.slice(0, at) + inserted + withEdits.slice(at);
  return { seed, original: text, anchor, edited, expected: { start: start + inserted.length, end: end + inserted.length } };
}

export interface TrialOutcome {
  refound: number;
  orphaned: number;
  /** Found, but not where the quote is now: the note would sit on the wrong passage. */
  misplaced: number;
  failures: Array<{ seed: number; outcome: 'orphaned' | 'misplaced'; quote: string; found?: string }>;
}

/** Re-found: the span found covers at least 80 % of where the edited quote is, and little else. */
function sameSpan(found: { start: number; end: number }, expected: { start: number; end: number }): boolean {
  const overlap = Math.min(found.end, expected.end) - Math.max(found.start, expected.start);
  const length = expected.end - expected.start;
  return overlap >= 0.8 * length && found.end - found.start <= 1.2 * length + 2;
}

export function runEditedTrials(count = 40, firstSeed = 1): TrialOutcome {
  const outcome: TrialOutcome = { refound: 0, orphaned: 0, misplaced: 0, failures: [] };
  for (let seed = firstSeed; seed < firstSeed + count; seed++) {
    const trial = editedTrial(seed);
    const found = reanchor(trial.edited, trial.anchor);
    if (!found) {
      outcome.orphaned++;
      outcome.failures.push({ seed, outcome: 'orphaned', quote: trial.anchor.exact });
    } else if (sameSpan(found, trial.expected)) outcome.refound++;
    else {
      outcome.misplaced++;
      outcome.failures.push({ seed, outcome: 'misplaced', quote: trial.anchor.exact, found: trial.edited.slice(found.start, found.end) });
    }
  }
  return outcome;
}
