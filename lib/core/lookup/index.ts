// Quick lookup for the popup: "what should I ask about slimme lantaarnpalen?". The rule packs
// (terms with their spellings, categories, AP questions, instruments, registers) are compiled
// once into folded, tokenised keys; a query is folded the same way (lib/core/match foldText) and
// scored word by word with a bounded edit distance and trigram overlap, so diacritics, typos,
// inflections and compounds still find their entry. Pure: no browser APIs.
import { foldText } from '../match';
import type { RuleSet } from '../rules';
import { termSpellings } from '../match/spellings';
import type { CategoryId, QuestionId } from '../rules/schema';
import { indexWord, wordScore, type IndexedWord } from './similarity';

export { boundedEditDistance, diceSimilarity, trigrams, typoBudget, wordScore } from './similarity';

type LookupTarget =
  | { kind: 'term'; category: CategoryId; termId: string }
  | { kind: 'category'; category: CategoryId }
  | { kind: 'question'; question: QuestionId }
  | { kind: 'instrument'; instrument: string }
  | { kind: 'register'; register: string };

interface Key {
  /** What the reader sees as "found via". */
  text: string;
  words: IndexedWord[];
  joined: IndexedWord;
  /** Descriptions count less than names. */
  weight: number;
}

interface Entry {
  target: LookupTarget;
  keys: Key[];
}

export interface LookupHit {
  target: LookupTarget;
  score: number;
  /** The spelling or name that matched best, as written in the rules ('' when only a description matched). */
  via: string;
}

export interface LookupIndex {
  search(query: string, limit?: number): LookupHit[];
  readonly size: number;
}

/** Below this a hit is noise: "camera" must not find "cloud". */
export const MIN_SCORE = 0.55;
const DESCRIPTION_WEIGHT = 0.75;
const MAX_QUERY_CHARS = 200;

// Words that carry nothing in a question typed in plain Dutch ("wat moet ik vragen over ...").
const STOP_WORDS = new Set(
  'de het een en of van voor over bij met in op aan te is zijn wat moet ik vragen vraag hoe waarom wie welke die dat er als om door naar ook nog wel niet geen'.split(' '),
);

function tokens(text: string): string[] {
  return foldText(text)
    .folded.split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

function makeKey(text: string, weight = 1): Key | null {
  const words = tokens(text);
  if (words.length === 0) return null;
  return { text, words: words.map(indexWord), joined: indexWord(words.join('')), weight };
}

function keys(list: Array<[string, number?]>): Key[] {
  return list.map(([text, weight]) => makeKey(text, weight)).filter((k): k is Key => k !== null);
}

function buildEntries(rules: RuleSet): Entry[] {
  const entries: Entry[] = [];
  const registers = new Set<string>();
  for (const pack of rules.categories) {
    entries.push({
      target: { kind: 'category', category: pack.id },
      keys: keys([[pack.label], [pack.id], [pack.description, DESCRIPTION_WEIGHT]]),
    });
    for (const term of pack.terms) {
      entries.push({
        target: { kind: 'term', category: pack.id, termId: term.id },
        keys: keys(termSpellings(term).map((f): [string] => [f])),
      });
    }
    pack.registers.forEach((r) => registers.add(r));
  }
  for (const q of rules.questions.questions) {
    entries.push({
      target: { kind: 'question', question: q.id },
      keys: keys([[q.title], [`vraag ${q.number}`], [q.id]]),
    });
  }
  for (const ins of rules.questions.instruments) {
    entries.push({
      target: { kind: 'instrument', instrument: ins.id },
      keys: keys([[ins.label], [ins.id.replace(/-/g, ' ')], [ins.description, DESCRIPTION_WEIGHT]]),
    });
  }
  for (const r of registers) entries.push({ target: { kind: 'register', register: r }, keys: keys([[r]]) });
  return entries;
}

function bestWordScore(q: IndexedWord, words: readonly IndexedWord[]): number {
  let best = 0;
  for (const w of words) {
    const s = wordScore(q, w);
    if (s > best) best = s;
    if (best === 1) break;
  }
  return best;
}

/** How well the query fits one key: every meaningful query word must find a partner. */
function keyScore(queryWords: readonly IndexedWord[], queryJoined: IndexedWord, key: Key): number {
  let sum = 0;
  for (const q of queryWords) {
    const s = bestWordScore(q, key.words);
    if (s < 0.5) {
      sum = -1;
      break;
    }
    sum += s;
  }
  let score = sum < 0 ? 0 : sum / queryWords.length;
  // Compounds written apart or together: "camera toezicht" ↔ cameratoezicht, "wifi tracking" ↔ wifitracking.
  if (queryWords.length > 1 || key.words.length > 1) {
    score = Math.max(score, wordScore(queryJoined, key.joined) * 0.98);
  }
  return score * key.weight;
}

export function compileLookup(rules: RuleSet): LookupIndex {
  const entries = buildEntries(rules);
  return {
    size: entries.length,
    search(query, limit = 8) {
      const all = tokens(query.slice(0, MAX_QUERY_CHARS));
      const meaningful = all.filter((w) => !STOP_WORDS.has(w) && w.length >= 2);
      const words = (meaningful.length > 0 ? meaningful : all).map(indexWord);
      if (words.length === 0) return [];
      const joined = indexWord(words.map((w) => w.word).join(''));
      const hits: LookupHit[] = [];
      for (const entry of entries) {
        let best = 0;
        let via = '';
        for (const key of entry.keys) {
          const s = keyScore(words, joined, key);
          if (s > best) {
            best = s;
            via = key.weight === 1 ? key.text : '';
          }
        }
        if (best >= MIN_SCORE) hits.push({ target: entry.target, score: best, via });
      }
      hits.sort((a, b) => b.score - a.score);
      return hits.slice(0, Math.max(0, limit));
    },
  };
}
