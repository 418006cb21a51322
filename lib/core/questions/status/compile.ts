// rules/status.json compiled once into word tries and sets. Phrases are folded and split into
// words exactly as the text is (tokens.ts), and looked up word by word: no pattern is ever built
// from rule text, and matching a sentence is linear in its words (times the longest phrase).
import type { SafeguardStatus, StatusRules } from '../../rules/status';
import type { SegmentRules } from './segment';
import { spelled, type SpelledPhrase } from './spelled';
import { phraseWords, type Token } from './tokens';

type Effect = 'absent' | 'planned' | 'negated' | 'pseudo' | 'reversal';
type Direction = 'forward' | 'backward' | 'both';

export interface TriggerDef {
  family: string;
  effect: Effect;
  /** A request or condition: planned, and wins over a negation. */
  strong: boolean;
  direction: Direction;
  window: number;
  minGap: number;
  /** Only as the first word of a sentence, reaching the whole sentence. */
  atStart: boolean;
  /** Only first in the sentence or right after , : ; */
  clauseInitial: boolean;
  /** Its reach ends at an auxiliary between it and the term. */
  phraseOnly: boolean;
  /** Also as the first part of the term itself. */
  inTerm: boolean;
  /** Only for these safeguards; null = all. */
  safeguards: ReadonlySet<string> | null;
  /** Not in a clause holding one of these words. */
  blockedBy: ReadonlySet<string> | null;
  /** Only in a clause holding one of these words. */
  requires: ReadonlySet<string> | null;
  phrase: string;
}

interface WordClass {
  words: ReadonlySet<string>;
  /** Any number written in digits ("28", "2026"). */
  digits: boolean;
}

export interface TrieNode {
  next: Map<string, TrieNode>;
  classes: Array<{ cls: WordClass; node: TrieNode }>;
  defs: TriggerDef[];
}

export interface PhraseMatch {
  start: number;
  end: number;
  defs: readonly TriggerDef[];
}

/** The shortest sense word a compound may end in ("gegevens", not "data"). */
const COMPOUND_MIN = 6;

export interface SafeguardRules {
  sense: {
    technologyNearby: boolean;
    /** The document's technology settles the sense, wherever it stands (SenseSchema.technologyReach). */
    technologyInDocument: boolean;
    words: ReadonlySet<string>;
    /** Words a compound may end in and still count (SenseSchema.compounds); empty when not asked for. */
    compoundEnds: readonly string[];
    terms: ReadonlySet<string> | null;
    /** SenseSchema.subject: the words that keep a technology subject from deciding; null when it never decides. */
    subjectBlockedBy: ReadonlySet<string> | null;
    otherAfter: ReadonlySet<string>;
    otherSuffixes: readonly string[];
    /** SenseSchema.roleBefore: the words right before the term that make it a role. */
    roleBefore: ReadonlySet<string>;
    roleWords: ReadonlySet<string>;
    /** Words after which the complement decides the sense (empty: the context decides), and what decides without one. */
    complement: ReadonlySet<string>;
    withoutComplement: 'on-topic' | 'context';
  } | null;
  negationMeansStated: { terms: ReadonlySet<string>; triggers: ReadonlySet<string> } | null;
  negationNeeds: ReadonlySet<string> | null;
  termWords: ReadonlyMap<string, { words: ReadonlySet<string>; suffixes: readonly string[]; not: readonly string[] }>;
  /** StatusRules otherTopics: informing about something else. */
  otherTopics: { after: ReadonlySet<string>; words: readonly string[] } | null;
}

export interface CompiledStatusRules {
  segment: SegmentRules;
  triggers: TrieNode;
  terminators: ReadonlySet<string>;
  /** Terminators that are an adverb inside a clause (rules adverbTerminators). */
  adverbTerminators: ReadonlySet<string>;
  /** Question words that make a heading a topic (rules topicHeadings). */
  topicHeadings: ReadonlySet<string>;
  /** rules ownTitles: the words before the term in the document's own title, the safeguards that can be the document, and how far from the start the title stands. */
  ownTitles: { words: ReadonlySet<string>; safeguards: ReadonlySet<string>; reach: number };
  /** rules late: told only after the fact. */
  late: { safeguards: ReadonlySet<string>; before: ReadonlySet<string>; after: ReadonlySet<string>; afterWithPast: ReadonlySet<string> };
  /** rules colonQuestions: a statement before the colon that opens its questions. */
  colonQuestions: { statement: ReadonlySet<string>; questionWords: ReadonlySet<string> };
  /** rules otherNecessity: the necessity of a safeguard or a step, not of the processing. */
  otherNecessity: { safeguards: ReadonlySet<string>; nouns: ReadonlySet<string>; money: ReadonlySet<string> };
  /** rules askingLeads: an item under a lead-in that asks or advises. */
  askingLeads: { verbs: ReadonlySet<string>; infinitive: string; carriedOut: ReadonlySet<string> };
  /** rules frontedObject: the object first, the verb's subject after it. */
  frontedObject: { safeguards: ReadonlySet<string>; verbs: ReadonlySet<string>; subjects: ReadonlySet<string>; blockedBy: ReadonlySet<string>; reach: number };
  /** A safeguard named as what something else belongs to (rules attributeOf). */
  attributeOf: { nouns: ReadonlySet<string>; links: ReadonlySet<string>; determiners: ReadonlySet<string>; coordinators: ReadonlySet<string> };
  clauseStarts: ReadonlySet<string>;
  /** Clause starts that compare right after the term ("een alternatief als …"). */
  comparisons: ReadonlySet<string>;
  relativeStarts: ReadonlySet<string>;
  prepositions: ReadonlySet<string>;
  relativePronouns: ReadonlySet<string>;
  subordinators: ReadonlySet<string>;
  auxiliaries: ReadonlySet<string>;
  listIntros: TrieNode;
  progressive: { auxiliaries: ReadonlySet<string>; participles: ReadonlySet<string>; recurring: TrieNode };
  scope: { triggers: TrieNode; heads: ReadonlySet<string>; stops: ReadonlySet<string>; maxWords: number };
  safeguards: ReadonlyMap<string, SafeguardRules>;
  structure: {
    dateLeads: TrieNode;
    pastHeads: TrieNode;
    pastWords: ReadonlySet<string>;
    denial: { openers: TrieNode; verbs: TrieNode; negations: ReadonlySet<string>; completions: TrieNode; maxWords: number; acts: ReadonlySet<string> };
    assumptions: TrieNode;
    coverage: { safeguards: ReadonlySet<string>; verbs: ReadonlySet<string>; contrasts: ReadonlySet<string>; connectors: ReadonlySet<string>; hedges: ReadonlySet<string>; maxWords: number };
    advice: { nouns: ReadonlySet<string>; verbs: ReadonlySet<string>; questionWords: ReadonlySet<string>; carriedOut: ReadonlySet<string>; reach: number };
    promisedAbout: { nouns: ReadonlySet<string>; links: ReadonlySet<string>; reach: number };
    noTerm: { safeguards: ReadonlySet<string>; nounEnd: string; before: ReadonlySet<string>; after: ReadonlySet<string>; setting: ReadonlySet<string>; reach: number; numbers: ReadonlySet<string>; units: ReadonlySet<string>; unlimited: TrieNode; deviceSetting: { because: ReadonlySet<string>; so: ReadonlySet<string>; participles: ReadonlySet<string>; reach: number } };
    perCase: { safeguards: ReadonlySet<string>; phrases: TrieNode };
    momentAfter: { safeguards: ReadonlySet<string>; subordinators: ReadonlySet<string>; leads: ReadonlySet<string> };
    momentBefore: { subordinators: ReadonlySet<string>; until: ReadonlySet<string>; perfect: ReadonlySet<string>; afterwards: ReadonlySet<string> };
    inDocument: { safeguards: ReadonlySet<string>; determiners: ReadonlySet<string>; verbs: ReadonlySet<string> };
    dataTest: {
      safeguards: ReadonlySet<string>;
      phrases: TrieNode;
      next: ReadonlySet<string>;
      later: ReadonlySet<string>;
      adverbial: { heads: TrieNode; tails: TrieNode; voices: ReadonlySet<string>; maxWords: number };
    };
    /** Per status, in the order they are tried: negated, planned, stated. */
    answerCells: ReadonlyArray<readonly [SafeguardStatus, readonly SpelledPhrase[]]>;
    /** Answers only as the whole cell (answerCells.whole). */
    wholeCells: ReadonlyArray<readonly [SafeguardStatus, readonly SpelledPhrase[]]>;
    /** After an earlier answer in the row: another object's column (answerCells.otherColumn). */
    otherColumn: readonly SpelledPhrase[];
    /** A normenkader row's verdict cell (structure.normVerdicts), negated before stated. */
    normVerdicts: ReadonlyArray<readonly [SafeguardStatus, readonly SpelledPhrase[]]>;
    labelNegations: readonly SpelledPhrase[];
    planningHeads: ReadonlySet<string>;
    planningPairs: TrieNode;
    planningSoleHeads: ReadonlySet<string>;
    rejectedAsk: { titles: ReadonlySet<string>; titleLines: ReadonlySet<string>; codes: ReadonlySet<string>; articles: ReadonlySet<string>; asks: ReadonlyArray<readonly string[]>; ends: ReadonlySet<string>; decisionLeads: ReadonlySet<string>; rejected: ReadonlySet<string>; adopted: ReadonlySet<string>; decisionWords: number; lines: number };
    planningBefore: ReadonlySet<string>;
    presentAct: ReadonlySet<string>;
    months: ReadonlySet<string>;
    aheadWords: ReadonlySet<string>;
    anyVerbAnchors: ReadonlySet<string>;
    periods: ReadonlySet<string>;
    doneWords: ReadonlySet<string>;
    recurringWords: ReadonlySet<string>;
    claimBy: ReadonlySet<string>;
    claimVerbs: ReadonlySet<string>;
    claimVerbsPlural: ReadonlySet<string>;
    claimants: ReadonlySet<string>;
    checkVerbs: ReadonlySet<string>;
    checkObjects: ReadonlySet<string>;
    nobody: ReadonlySet<string>;
    limitOpeners: ReadonlySet<string>;
    limitWords: ReadonlySet<string>;
    limitNegations: ReadonlySet<string>;
    notParticiples: ReadonlySet<string>;
    events: ReadonlySet<string>;
    promiseVerbs: ReadonlySet<string>;
    thenWords: ReadonlySet<string>;
    beforeClause: ReadonlySet<string>;
    claimNames: ReadonlySet<string>;
    contradictions: ReadonlySet<string>;
    considerVerbs: ReadonlySet<string>;
    declineContrasts: ReadonlySet<string>;
    alreadyWords: ReadonlySet<string>;
    datedLinks: ReadonlySet<string>;
    /** A state of being finished ('klaar', 'gereed'): with 'is' and a time ahead the act is still to come. */
    readyWords: ReadonlySet<string>;
    splitActs: { subjects: ReadonlySet<string>; verbs: ReadonlySet<string>; particles: ReadonlySet<string> };
    /** Per safeguard id the words of its own act (structure.ownActs). */
    ownActs: ReadonlyMap<string, ReadonlySet<string>>;
  };
  links: { judgingOpeners: ReadonlySet<string>; coordinators: ReadonlySet<string>; demonstratives: ReadonlySet<string>; runInHeads: ReadonlySet<string>; runInFill: ReadonlySet<string>; runInDenials: ReadonlySet<string> };
  features: {
    modals: ReadonlySet<string>;
    subjects: ReadonlySet<string>;
    negations: ReadonlySet<string>;
    questionWords: ReadonlySet<string>;
    /** As words of the text (dots left out: "nvt"), and as written, for the look at a line before it is tokenized. */
    answers: ReadonlySet<string>;
    answersSpelled: readonly SpelledPhrase[];
    signs: ReadonlyMap<string, string>;
    articles: ReadonlySet<string>;
    perfect: ReadonlySet<string>;
    timeAdverbs: ReadonlySet<string>;
    other: ReadonlySet<string>;
    trial: ReadonlySet<string>;
    council: ReadonlySet<string>;
    recommend: ReadonlySet<string>;
    imperativeNext: ReadonlySet<string>;
    notImperative: ReadonlySet<string>;
    contrast: ReadonlySet<string>;
    anaphors: ReadonlySet<string>;
    qualify: ReadonlySet<string>;
    conditions: ReadonlySet<string>;
    cells: ReadonlyArray<{ cls: string; prefix: boolean; phrases: readonly SpelledPhrase[] }>;
    cellNegations: readonly SpelledPhrase[];
  };
}

const newNode = (): TrieNode => ({ next: new Map(), classes: [] as TrieNode['classes'], defs: [] });

const fold = (word: string): string => phraseWords(word).join(' ');
const foldSet = (words: readonly string[]): Set<string> => new Set(words.map(fold));

function insert(root: TrieNode, phrase: string, def: TriggerDef, classes: ReadonlyMap<string, WordClass>): void {
  let node = root;
  for (const part of phrase.trim().split(/\s+/)) {
    const cls = part.startsWith('{') && part.endsWith('}') ? classes.get(part.slice(1, -1)) : undefined;
    if (cls) {
      let entry = node.classes.find((c) => c.cls === cls);
      if (!entry) node.classes.push((entry = { cls, node: newNode() }));
      node = entry.node;
      continue;
    }
    for (const w of phraseWords(part)) {
      let child = node.next.get(w);
      if (!child) node.next.set(w, (child = newNode()));
      node = child;
    }
  }
  node.defs.push(def);
}

function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * longestAt's search stack, kept between calls (no call re-enters it): a stack and a pair per
 * call were 9 % of what the analysis worker allocated on a meeting (issue 17, target 5). Nodes
 * are the compiled rules', which live as long as this module anyway.
 */
const stackNode: TrieNode[] = [];
const stackAt: number[] = [];

/** The longest phrase of `root` starting at token `i` that does not run into a blocked token. */
export function longestAt(tokens: readonly Token[], i: number, root: TrieNode, blocked?: Uint8Array): PhraseMatch | null {
  // findPhrases asks at every token, and at nearly all of them no phrase starts: answered without
  // the search's stack (the search below would find nothing either).
  const t0 = tokens[i];
  if (!t0 || (blocked && blocked[i])) return null;
  if (!root.next.has(t0.text)) {
    let starts = false;
    for (const { cls } of root.classes) if (cls.words.has(t0.text) || (cls.digits && isDigits(t0.text))) { starts = true; break; }
    if (!starts) return null;
  }
  let best: PhraseMatch | null = null;
  let top = 0;
  stackNode[top] = root;
  stackAt[top++] = i;
  while (top > 0) {
    const node = stackNode[--top]!;
    const at = stackAt[top]!;
    if (at > i && node.defs.length && (!best || at > best.end)) best = { start: i, end: at, defs: node.defs };
    const t = tokens[at];
    if (!t || (blocked && blocked[at])) continue;
    const child = node.next.get(t.text);
    if (child) {
      stackNode[top] = child;
      stackAt[top++] = at + 1;
    }
    for (const { cls, node: c } of node.classes) {
      if (cls.words.has(t.text) || (cls.digits && isDigits(t.text))) {
        stackNode[top] = c;
        stackAt[top++] = at + 1;
      }
    }
  }
  return best;
}

/** Every phrase of `root` in tokens[from, to), left to right, longest first, not overlapping. */
export function findPhrases(tokens: readonly Token[], root: TrieNode, from = 0, to = tokens.length, blocked?: Uint8Array): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  let i = from;
  while (i < to) {
    if (blocked && blocked[i]) {
      i++;
      continue;
    }
    const m = longestAt(tokens, i, root, blocked);
    if (m && m.end <= to) {
      out.push(m);
      i = m.end;
    } else i++;
  }
  return out;
}

export function compileStatusRules(rules: StatusRules): CompiledStatusRules {
  const classes = new Map<string, WordClass>(
    Object.entries(rules.classes).map(([name, words]) => [name, { words: foldSet(words.filter((w) => w !== '#')), digits: words.includes('#') }]),
  );
  const triggers = newNode();
  for (const family of rules.families) {
    const safeguards = family.safeguards ? new Set(family.safeguards) : null;
    const blockedBy = family.blockedBy ? foldSet(family.blockedBy) : null;
    const requires = family.requires ? foldSet(family.requires) : null;
    for (const t of family.triggers) {
      insert(
        triggers,
        t.phrase,
        {
          family: family.id,
          effect: family.effect,
          strong: family.strong ?? false,
          direction: t.direction ?? 'both',
          window: t.window ?? Number.POSITIVE_INFINITY,
          minGap: t.minGap ?? 0,
          atStart: t.atStart ?? false,
          clauseInitial: t.clauseInitial ?? false,
          phraseOnly: t.phraseOnly ?? false,
          inTerm: t.inTerm ?? false,
          safeguards,
          blockedBy,
          requires,
          phrase: t.phrase,
        },
        classes,
      );
    }
  }
  const plain = (phrase: string, family: string): TriggerDef => ({
    family,
    effect: 'pseudo',
    strong: false,
    direction: 'both',
    window: Number.POSITIVE_INFINITY,
    minGap: 0,
    atStart: false,
    clauseInitial: false,
    phraseOnly: false,
    inTerm: false,
    safeguards: null,
    blockedBy: null,
    requires: null,
    phrase,
  });
  const listIntros = newNode();
  for (const intro of rules.listIntros) insert(listIntros, intro.phrase, plain(intro.phrase, intro.status), classes);
  const phrases = (list: readonly string[], family: string): TrieNode => {
    const root = newNode();
    for (const p of list) insert(root, p, plain(p, family), classes);
    return root;
  };
  const recurring = phrases(rules.progressive.recurring, 'recurring');
  const scopeTriggers = phrases(rules.scope.triggers, 'scope');

  const st = rules.structure;
  const structure: CompiledStatusRules['structure'] = {
    dateLeads: phrases(st.dateLeads, 'date'),
    pastHeads: phrases(st.pastHeads, 'past-head'),
    pastWords: foldSet(st.pastWords),
    denial: {
      openers: phrases(st.denial.openers, 'opener'),
      verbs: phrases(st.denial.verbs, 'verb'),
      negations: foldSet(st.denial.negations),
      completions: phrases(st.denial.completions, 'completion'),
      maxWords: st.denial.maxWords,
      acts: foldSet(st.denial.acts),
    },
    assumptions: phrases(st.assumptions, 'assumption'),
    coverage: {
      safeguards: new Set(st.coverage.safeguards),
      verbs: foldSet(st.coverage.verbs),
      contrasts: foldSet(st.coverage.contrasts),
      connectors: foldSet(st.coverage.connectors),
      hedges: foldSet(st.coverage.hedges),
      maxWords: st.coverage.maxWords,
    },
    advice: { nouns: foldSet(st.advice.nouns), verbs: foldSet(st.advice.verbs), questionWords: foldSet(st.advice.questionWords), carriedOut: foldSet(st.advice.carriedOut), reach: st.advice.reach },
    promisedAbout: { nouns: foldSet(st.promisedAbout.nouns), links: foldSet(st.promisedAbout.links), reach: st.promisedAbout.reach },
    noTerm: {
      safeguards: new Set(st.noTerm.safeguards),
      nounEnd: fold(st.noTerm.nounEnd),
      before: foldSet(st.noTerm.before),
      after: foldSet(st.noTerm.after),
      setting: foldSet(st.noTerm.setting),
      reach: st.noTerm.reach,
      numbers: foldSet(st.noTerm.numbers),
      units: foldSet(st.noTerm.units),
      unlimited: phrases(st.noTerm.unlimited, 'unlimited'),
      deviceSetting: {
        because: foldSet(st.noTerm.deviceSetting.because),
        so: foldSet(st.noTerm.deviceSetting.so),
        participles: foldSet(st.noTerm.deviceSetting.participles),
        reach: st.noTerm.deviceSetting.reach,
      },
    },
    perCase: { safeguards: new Set(st.perCase.safeguards), phrases: phrases(st.perCase.phrases, 'per-case') },
    momentAfter: { safeguards: new Set(st.momentAfter.safeguards), subordinators: foldSet(st.momentAfter.subordinators), leads: foldSet(st.momentAfter.leads) },
    momentBefore: { subordinators: foldSet(st.momentBefore.subordinators), until: foldSet(st.momentBefore.until), perfect: foldSet(st.momentBefore.perfect), afterwards: foldSet(st.momentBefore.afterwards) },
    inDocument: { safeguards: new Set(st.inDocument.safeguards), determiners: foldSet(st.inDocument.determiners), verbs: foldSet(st.inDocument.verbs) },
    dataTest: {
      safeguards: new Set(st.dataTest.safeguards),
      phrases: phrases(st.dataTest.phrases, 'data-test'),
      next: foldSet(st.dataTest.next),
      later: foldSet(st.dataTest.later),
      adverbial: {
        heads: phrases(st.dataTest.adverbial.heads, 'data-test-head'),
        tails: phrases(st.dataTest.adverbial.tails, 'data-test-tail'),
        voices: foldSet(st.dataTest.adverbial.voices),
        maxWords: st.dataTest.adverbial.maxWords,
      },
    },
    answerCells: (['negated', 'planned', 'stated'] as const).map((status) => [status, st.answerCells[status].map(spelled)] as const),
    wholeCells: (['stated'] as const).map((status) => [status, st.answerCells.whole[status].map(spelled)] as const),
    otherColumn: st.answerCells.otherColumn.map(spelled),
    normVerdicts: (['negated', 'stated'] as const).map((status) => [status, st.normVerdicts[status].map(spelled)] as const),
    labelNegations: st.labelNegations.words.map(spelled),
    planningHeads: foldSet(st.planningHeads.words),
    planningPairs: phrases(st.planningPairs.words, 'planning-pair'),
    planningSoleHeads: foldSet(st.planningSoleHeads.words),
    rejectedAsk: {
      titles: foldSet(st.rejectedAsk.titles),
      titleLines: foldSet(st.rejectedAsk.titleLines),
      codes: new Set(st.rejectedAsk.codes),
      articles: foldSet(st.rejectedAsk.articles),
      asks: st.rejectedAsk.asks.map(phraseWords),
      ends: foldSet(st.rejectedAsk.ends),
      decisionLeads: foldSet(st.rejectedAsk.decisionLeads),
      rejected: foldSet(st.rejectedAsk.rejected),
      adopted: foldSet(st.rejectedAsk.adopted),
      decisionWords: st.rejectedAsk.decisionWords,
      lines: st.rejectedAsk.lines,
    },
    planningBefore: foldSet(st.planningBefore.words),
    presentAct: foldSet(st.presentAct.words),
    months: foldSet(st.months.words),
    aheadWords: foldSet(st.aheadWords.words),
    anyVerbAnchors: foldSet(st.anyVerbAnchors.words),
    periods: foldSet(st.periods.words),
    doneWords: foldSet(st.doneWords.words),
    recurringWords: foldSet(st.recurringWords.words),
    claimBy: foldSet(st.claimBy.words),
    claimVerbs: foldSet(st.claimVerbs.words),
    claimVerbsPlural: foldSet(st.claimVerbsPlural.words),
    claimants: foldSet(st.claimants.words),
    checkVerbs: foldSet(st.checkVerbs.words),
    checkObjects: foldSet(st.checkObjects.words),
    nobody: foldSet(st.nobody.words),
    limitOpeners: foldSet(st.limitOpeners.words),
    limitWords: foldSet(st.limitWords.words),
    limitNegations: foldSet(st.limitNegations.words),
    notParticiples: foldSet(st.notParticiples.words),
    events: foldSet(st.events.words),
    promiseVerbs: foldSet(st.promiseVerbs.words),
    thenWords: foldSet(st.thenWords.words),
    beforeClause: foldSet(st.beforeClause.words),
    claimNames: foldSet(st.claimNames.words),
    contradictions: foldSet(st.contradictions.words),
    considerVerbs: foldSet(st.considerVerbs.words),
    declineContrasts: foldSet(st.declineContrasts.words),
    alreadyWords: foldSet(st.alreadyWords.words),
    datedLinks: foldSet(st.datedLinks.words),
    readyWords: foldSet(st.readyWords.words),
    splitActs: { subjects: foldSet(st.splitActs.subjects), verbs: foldSet(st.splitActs.verbs), particles: foldSet(st.splitActs.particles) },
    ownActs: new Map(Object.entries(st.ownActs.acts).map(([id, words]) => [id, foldSet(words)])),
  };
  const ft = rules.features;
  const features: CompiledStatusRules['features'] = {
    modals: foldSet(ft.modals.words),
    subjects: foldSet(ft.subjects.words),
    negations: foldSet(ft.negations.words),
    questionWords: foldSet(ft.questionWords.words),
    answers: foldSet(ft.answers.words.map((w) => w.replaceAll('.', ''))),
    answersSpelled: ft.answers.words.map(spelled),
    signs: new Map(Object.entries(ft.signs.signs)),
    articles: foldSet(ft.articles.words),
    perfect: foldSet(ft.perfect.words),
    timeAdverbs: foldSet(ft.timeAdverbs.words),
    other: foldSet(ft.other.words),
    trial: foldSet(ft.trial.words),
    council: foldSet(ft.council.words),
    recommend: foldSet(ft.recommend.words),
    imperativeNext: foldSet(ft.imperativeNext.words),
    notImperative: foldSet(ft.notImperative.words),
    contrast: foldSet(ft.contrast.words),
    anaphors: foldSet(ft.anaphors.words),
    qualify: foldSet(ft.qualify.words),
    conditions: foldSet(ft.conditions.words),
    cells: ft.cells.classes.map((c) => ({ cls: c.class, prefix: c.prefix ?? false, phrases: c.phrases.map(spelled) })),
    cellNegations: ft.cellNegations.words.map(spelled),
  };
  const links: CompiledStatusRules['links'] = {
    judgingOpeners: foldSet(rules.links.judgingOpeners.words),
    coordinators: foldSet(rules.links.coordinators.words),
    demonstratives: foldSet(rules.links.demonstratives.words),
    runInHeads: foldSet(rules.links.runInHeads.words),
    runInFill: foldSet(rules.links.runInFill.words),
    runInDenials: foldSet(rules.links.runInDenials.words),
  };

  const safeguards = new Map<string, SafeguardRules>();
  for (const [id, s] of Object.entries(rules.safeguards)) {
    safeguards.set(id, {
      sense: s.sense
        ? {
            technologyNearby: s.sense.technologyNearby,
            technologyInDocument: s.sense.technologyNearby && s.sense.technologyReach === 'document',
            words: foldSet(s.sense.words),
            compoundEnds: s.sense.compounds ? [...foldSet(s.sense.words)].filter((w) => w.length >= COMPOUND_MIN) : [],
            terms: s.sense.terms ? new Set(s.sense.terms) : null,
            subjectBlockedBy: s.sense.subject ? foldSet(s.sense.subject.blockedBy) : null,
            otherAfter: foldSet(s.sense.otherAfter ?? []),
            otherSuffixes: (s.sense.otherSuffixes ?? []).map(fold),
            roleBefore: foldSet(s.sense.roleBefore ?? []),
            roleWords: foldSet(s.sense.roleWords ?? []),
            complement: foldSet(s.sense.complement?.after ?? []),
            withoutComplement: s.sense.complement?.otherwise ?? 'context',
          }
        : null,
      negationMeansStated: s.negationMeansStated ? { terms: new Set(s.negationMeansStated.terms), triggers: foldSet(s.negationMeansStated.triggers) } : null,
      negationNeeds: s.negationNeeds ? foldSet(s.negationNeeds) : null,
      termWords: new Map(Object.entries(s.terms ?? {}).map(([termId, t]) => [termId, { words: foldSet(t.anyWord), suffixes: (t.anySuffix ?? []).map(fold), not: [...foldSet(t.notWords ?? [])] }])),
      otherTopics: s.otherTopics ? { after: foldSet(s.otherTopics.after), words: s.otherTopics.words.map(fold) } : null,
    });
  }
  return {
    segment: {
      abbreviations: new Set(rules.abbreviations.map((a) => a.toLowerCase())),
      functionWords: foldSet(rules.functionWords),
      titleLabels: foldSet(rules.titleLabels),
    },
    triggers,
    terminators: foldSet(rules.terminators),
    adverbTerminators: foldSet(rules.adverbTerminators),
    topicHeadings: foldSet(rules.topicHeadings.words),
    late: { safeguards: new Set(rules.late.safeguards), before: foldSet(rules.late.before), after: foldSet(rules.late.after), afterWithPast: foldSet(rules.late.afterWithPast) },
    colonQuestions: { statement: foldSet(rules.colonQuestions.statement), questionWords: foldSet(rules.colonQuestions.questionWords) },
    otherNecessity: { safeguards: new Set(rules.otherNecessity.safeguards), nouns: foldSet(rules.otherNecessity.nouns), money: foldSet(rules.otherNecessity.money) },
    askingLeads: { verbs: foldSet(rules.askingLeads.verbs), infinitive: fold(rules.askingLeads.infinitive), carriedOut: foldSet(rules.askingLeads.carriedOut) },
    frontedObject: { safeguards: new Set(rules.frontedObject.safeguards), verbs: foldSet(rules.frontedObject.verbs), subjects: foldSet(rules.frontedObject.subjects), blockedBy: foldSet(rules.frontedObject.blockedBy), reach: rules.frontedObject.reach },
    ownTitles: { words: foldSet(rules.ownTitles.words), safeguards: new Set(rules.ownTitles.safeguards), reach: rules.ownTitles.reach },
    attributeOf: { nouns: foldSet(rules.attributeOf.nouns), links: foldSet(rules.attributeOf.links), determiners: foldSet(rules.attributeOf.determiners), coordinators: foldSet(rules.attributeOf.coordinators) },
    clauseStarts: foldSet(rules.clauseStarts),
    comparisons: foldSet(rules.comparisons),
    relativeStarts: foldSet(rules.relativeStarts),
    prepositions: foldSet(rules.prepositions),
    relativePronouns: foldSet(rules.relativePronouns),
    subordinators: foldSet(rules.subordinators),
    auxiliaries: foldSet(rules.auxiliaries),
    listIntros,
    progressive: { auxiliaries: foldSet(rules.progressive.auxiliaries), participles: foldSet(rules.progressive.participles), recurring },
    scope: { triggers: scopeTriggers, heads: foldSet(rules.scope.heads), stops: foldSet(rules.scope.stops), maxWords: rules.scope.maxWords },
    safeguards,
    structure,
    links,
    features,
  };
}
