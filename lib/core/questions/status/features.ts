// The cues of the rule engine as features of one mention, for the learned status model
// (model.ts). General cues only: which trigger families stand where around the term and how far,
// the shape of the sentence, what the rule engine itself decided — never a word of one document.
// What is read: the mention's own sentence (at most WINDOW characters either side of the term),
// the sentence before and the one after (at most NEIGHBOUR characters each, nearest the term),
// and a list item's lead-in (its last NEIGHBOUR characters). Each segment is tokenized once.
import { findPhrases, type CompiledStatusRules, type TriggerDef } from './compile';
import type { MentionStatus, StatusMentionInput } from './classify';
import { segmentAt, segmentText, type Segment } from './segment';
import { tokenize, type Token } from './tokens';

const WINDOW = 400;
const NEIGHBOUR = 300;
/** Words either side of the term read as themselves (of four letters or more: the short ones have their own features). */
const WORDS = 3;

/** Words between trigger and term, bucketed: near, mid, far. */
function bucket(words: number): string {
  return words <= 2 ? 'near' : words <= 6 ? 'mid' : 'far';
}

const MODALS = new Set(['zal', 'zullen', 'gaat', 'gaan', 'wil', 'willen', 'moet', 'moeten', 'kan', 'kunnen', 'mag', 'mogen', 'zou', 'zouden']);
const SUBJECTS = new Set(['college', 'wij', 'we', 'burgemeester', 'wethouder']);
const PLAIN_NEGATIONS = new Set(['geen', 'niet', 'nooit', 'noch', 'zonder']);
const WH = new Set(['of', 'wie', 'wat', 'wanneer', 'hoe', 'waarom', 'welke', 'waar', 'hoeveel', 'hoelang']);
const ANSWERS = new Set(['ja', 'nee', 'deels', 'n.v.t', 'nvt', 'onbekend']);
const PERFECT = new Set(['is', 'zijn', 'heeft', 'hebben', 'was', 'waren', 'had', 'hadden']);
const TIME_ADVERBS = new Set(['al', 'inmiddels', 'eerder', 'reeds', 'nog', 'straks', 'binnenkort', 'later', 'vooraf']);

interface Read {
  tokens: Token[];
  triggers: Array<{ start: number; end: number; def: TriggerDef; family: string; effect: string }>;
  /** A recurring word ("jaarlijks", "elke"): a present act that is a standing arrangement. */
  recurring: boolean;
}

function readPiece(text: string, from: number, to: number, rules: CompiledStatusRules): Read {
  const tokens = tokenize(text, from, to);
  const triggers: Read['triggers'] = [];
  for (const m of findPhrases(tokens, rules.triggers)) for (const d of m.defs) triggers.push({ start: m.start, end: m.end, def: d, family: d.family, effect: d.effect });
  return { tokens, triggers, recurring: findPhrases(tokens, rules.progressive.recurring).length > 0 };
}

function anyIn(tokens: readonly Token[], from: number, to: number, set: ReadonlySet<string>): boolean {
  for (let k = from; k < to; k++) if (set.has(tokens[k]!.text)) return true;
  return false;
}

/** A participle-like verb form ("uitgevoerd", "geïnformeerd", "opgesteld"). */
function participle(w: string): boolean {
  return w.length > 5 && w.includes('ge') && (w.endsWith('d') || w.endsWith('t'));
}

/**
 * The features of each mention, given what the rule engine said of it (`ruleStatus`, same order).
 * Linear in the text plus a bounded amount per mention.
 */
export function mentionFeatures(
  text: string,
  mentions: readonly StatusMentionInput[],
  ruleStatus: readonly MentionStatus[],
  rules: CompiledStatusRules,
  segments: readonly Segment[] = segmentText(text, rules.segment),
): string[][] {
  const cache = new Map<string, Read>();
  const piece = (key: string, from: number, to: number): Read => {
    const k = `${key}:${from}:${to}`;
    let r = cache.get(k);
    if (!r) cache.set(k, (r = readPiece(text, from, to, rules)));
    return r;
  };
  return mentions.map((m, i) => {
    const f = new Set<string>();
    const r = ruleStatus[i]!;
    f.add(`rule:${r.status}`);
    f.add(`reason:${r.reason}`);
    f.add(`sg:${m.safeguard}`);
    if (r.scope) f.add('scope');
    const si = segmentAt(segments, m.start);
    const seg: Segment = segments[si] ?? { start: 0, end: text.length, heading: false, item: false, lead: -1, question: false };
    if (seg.question) f.add('question');
    if (seg.heading) f.add('heading');
    if (seg.item) f.add('item');

    // The own sentence, as a window around the term.
    const from = Math.max(seg.start, m.start - WINDOW);
    const to = Math.min(Math.max(seg.end, m.end), m.end + WINDOW);
    const own = from === seg.start && to === Math.max(seg.end, m.end) ? piece('s', from, to) : readPiece(text, from, to, rules);
    const tokens = own.tokens;
    let ms = 0;
    while (ms < tokens.length && tokens[ms]!.end <= m.start) ms++;
    let me = ms;
    while (me < tokens.length && tokens[me]!.start < m.end) me++;
    const words = tokens.filter((t) => !t.punct).length;
    f.add(`len:${words <= 4 ? 'tiny' : words <= 10 ? 'short' : words <= 30 ? 'mid' : 'long'}`);
    if (ms === 0 || (ms === 1 && !tokens[0]!.punct && /^(de|het|een)$/.test(tokens[0]!.text))) f.add('term-first');
    // Clause around the term: up to the terminators and clause openers the rules know.
    let ca = ms;
    while (ca > 0 && !(rules.terminators.has(tokens[ca - 1]!.text) || tokens[ca - 1]!.text === ';' || tokens[ca - 1]!.text === ':')) ca--;
    let cb = me;
    // Forward, a subordinate clause ("…, omdat andere middelen niet hebben gewerkt") is a clause of its own.
    while (cb < tokens.length && !(rules.terminators.has(tokens[cb]!.text) || rules.subordinators.has(tokens[cb]!.text) || tokens[cb]!.text === ';' || tokens[cb]!.text === ':')) cb++;
    if (own.recurring) f.add('recurring');
    for (const t of own.triggers) {
      if (t.start < me && t.end > ms) {
        f.add(`in:${t.family}`);
        continue;
      }
      const before = t.end <= ms;
      const side = before ? 'b' : 'a';
      let gap = 0;
      const [x, y] = before ? [t.end, ms] : [me, t.start];
      for (let k = x; k < y; k++) if (!tokens[k]!.punct) gap++;
      const clause = before ? t.start >= ca : t.end <= cb;
      // A trigger the clause rules out ("wordt … geëvalueerd" beside "jaarlijks") is a cue of its own.
      const { blockedBy, requires } = t.def;
      if ((blockedBy && anyIn(tokens, ca, cb, blockedBy)) || (requires && !anyIn(tokens, ca, cb, requires))) {
        f.add(`blocked:${t.family}`);
        continue;
      }
      f.add(`s:${t.family}:${side}`);
      f.add(`s:${t.family}:${side}:${bucket(gap)}`);
      f.add(`e:${t.effect}:${side}:${bucket(gap)}`);
      if (clause) f.add(`c:${t.family}:${side}`);
    }
    const first = tokens.find((t) => !t.punct);
    if (first && rules.auxiliaries.has(first.text)) f.add('verb-first');
    if (first && !seg.heading && !seg.item && first === tokens[0] && participle(tokens[tokens.length - 1]?.text ?? '')) f.add('ends-participle');
    for (let k = 0; k < tokens.length; k++) {
      const w = tokens[k]!.text;
      const side = k < ms ? 'b' : k >= me ? 'a' : '';
      if (!side) continue;
      const inClause = k >= ca && k < cb;
      if (MODALS.has(w)) f.add(`modal:${side}${inClause ? ':c' : ''}`);
      if (SUBJECTS.has(w) && k < ms) f.add('subject-college');
      if (PLAIN_NEGATIONS.has(w)) f.add(`neg:${w}:${side}${inClause ? ':c' : ''}`);
      if (WH.has(w)) f.add(`wh:${side}`);
      if (ANSWERS.has(w)) f.add(`answer:${w}`);
      if (PERFECT.has(w) && inClause) f.add(`perfect:${side}`);
      if (TIME_ADVERBS.has(w) && inClause) f.add(`time:${w}:${side}`);
      if (w === ':') f.add(`colon:${side}`);
      if (participle(w) && inClause && side === 'a') f.add('participle:a');
      if (/^\d/.test(w)) f.add('digits');
    }
    // The words right around the term (the model keeps only those that held up in cross-validation).
    for (let k = Math.max(0, ms - WORDS); k < Math.min(tokens.length, me + WORDS); k++) {
      if ((k >= ms && k < me) || tokens[k]!.text.length < 4) continue;
      f.add(`w:${k < ms ? 'b' : 'a'}:${tokens[k]!.text}`);
    }
    // The tense of the term's clause: perfect ("is … gestuurd"), present passive ("wordt … opgesteld"), modal.
    let aux = '';
    for (let k = ca; k < cb; k++) {
      const w = tokens[k]!.text;
      if (!aux && (PERFECT.has(w) || w === 'wordt' || w === 'worden' || MODALS.has(w))) aux = MODALS.has(w) ? 'modal' : PERFECT.has(w) ? 'perfect' : 'passive';
      else if (aux && (k < ms || k >= me) && participle(w)) {
        f.add(`tense:${aux}`);
        break;
      }
    }
    if (tokens[ms] && tokens[ms]!.start < m.start && text.slice(tokens[ms]!.start, m.start).toLowerCase().startsWith('concept')) f.add('concept-compound');
    if (text.slice(Math.max(0, m.start - 8), m.start).toLowerCase().endsWith('concept-')) f.add('concept-compound');
    // Table-row shape: a short line with an answer cell or several wide gaps.
    // Only a short line is read again: a long "sentence" full of mentions would be read once per mention.
    if (words <= 10 && (/\t| {3,}|\|/.test(text.slice(seg.start, Math.max(seg.end, m.end))) || tokens.some((t) => ANSWERS.has(t.text)))) f.add('table-row');

    // The sentences before and after, nearest the term.
    const prev = si > 0 ? segments[si - 1] : undefined;
    if (prev && prev.end <= seg.start) {
      const p = piece('p', Math.max(prev.start, prev.end - NEIGHBOUR), prev.end);
      for (const t of p.triggers) if (t.effect !== 'pseudo') f.add(`p:${t.family}`);
      if (prev.heading) f.add('p:heading');
      if (prev.question) f.add('p:question');
    }
    const next = segments[si + 1];
    if (next && next.start >= seg.end) {
      const n = piece('n', next.start, Math.min(next.end, next.start + NEIGHBOUR));
      for (const t of n.triggers) if (t.effect !== 'pseudo') f.add(`n:${t.family}`);
      const w0 = n.tokens[0]?.text;
      if (w0 === 'dat' || w0 === 'dit') f.add('n:judging-opener');
    }
    if (seg.item && seg.lead >= 0) {
      const l = segments[seg.lead]!;
      const lead = piece('l', Math.max(l.start, l.end - NEIGHBOUR), l.end);
      f.add('lead');
      if (text[l.end - 1] === ':') f.add('lead:colon');
      for (const t of lead.triggers) if (t.effect !== 'pseudo') f.add(`l:${t.family}`);
    }
    return [...f];
  });
}
