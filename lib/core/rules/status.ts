// rules/status.json: what a sentence says about a safeguard (stated, negated, planned, absent).
// The schema is the contract between that data and the status engine (lib/core/questions/status);
// the words are compared as folded words, never turned into a pattern.
import { z } from 'zod';
import statusJson from '../../../rules/status.json';
import { lazySchema } from '../lazy-schema';
import { RulePackError, parseRuleFile, type RuleIssue } from './errors';
import type { SafeguardsPack } from './schema';

export const STATUS_FILE = 'rules/status.json';

export const SAFEGUARD_STATUSES = ['stated', 'negated', 'planned', 'absent'] as const;
export const SafeguardStatusSchema = z.enum(SAFEGUARD_STATUSES);
export type SafeguardStatus = z.infer<typeof SafeguardStatusSchema>;

// The rules file's schema is built on first use (lazy-schema.ts): the side panel imports this module
// for the rules' types and the built-in file, and checks no rules file at its first open.
function buildStatusRulesSchema() {
  const word = z.string().trim().min(1).max(80);
  /** Words separated by spaces; `{num}` stands for any word of a class in `classes`. */
  const phrase = word;
  /** What a list is for, in a short Dutch sentence: every list of words in the file says it. */
  const note = z.string().trim().min(1, 'schrijf in een korte zin waarvoor deze lijst is');
  /** An id: lower case, digits and hyphens (a family's, a safeguard's as rules/safeguards.json has it). */
  const slug = z.string().regex(/^[a-z0-9-]+$/);
  /** The safeguards a rule applies to. */
  const safeguardIds = z.array(slug).min(1);
  /** A list of words (or, where the code reads it so, phrases) with what it is for. */
  const WordListSchema = z.strictObject({ note, words: z.array(word).min(1) });
  /**
   * A phrase compared with the text as written (spelled.ts): a dot may be left out, and so may a
   * space right after one; `#` is one or more digits, `*` a word of letters. A space at the end
   * counts ("na " is not "nadruk"), one at the start would never match after the cell is trimmed.
   */
  const spelledPhrase = z
    .string()
    .min(1)
    .max(80)
    .refine((s) => !/^\s/.test(s), 'mag niet met een spatie beginnen');

  const StatusTriggerSchema = z.strictObject({
    phrase,
    /** forward: the trigger stands before the safeguard term; backward: after it. */
    direction: z.enum(['forward', 'backward', 'both']).optional(),
    /** At most this many words between trigger and term. */
    window: z.number().int().positive().max(40).optional(),
    /** At least this many words between trigger and term. */
    minGap: z.number().int().nonnegative().max(10).optional(),
    /** Only as the first word of the sentence, and then for the whole sentence ("Als …, dan …"). */
    atStart: z.boolean().optional(),
    /**
     * Only where a clause opens: first in the sentence or right after a comma, colon or semicolon.
     * "Mochten de beelden nodig zijn, …" is a condition; "hoe lang de beelden mochten worden bewaard" is not.
     */
    clauseInitial: z.boolean().optional(),
    /**
     * The trigger governs a noun phrase only: a verb between it and the term ends its reach.
     * "Fragmenten zonder vervolg worden automatisch verwijderd" does not negate the removal.
     */
    phraseOnly: z.boolean().optional(),
    /** May be the first part of the term's own compound: "Concept-verwerkersovereenkomst" is not signed yet. */
    inTerm: z.boolean().optional(),
  });

  const FAMILY_EFFECTS = ['absent', 'planned', 'negated', 'pseudo', 'reversal'] as const;

  const StatusFamilySchema = z.strictObject({
    id: slug,
    effect: z.enum(FAMILY_EFFECTS),
    /** A strong planned family (a request, a condition) wins over a negation in its scope. */
    strong: z.boolean().optional(),
    note: z.string().optional(),
    /** Only for these safeguards (absent = all). */
    safeguards: z.array(z.string().min(1)).min(1).optional(),
    /** Not in a clause with one of these words ("voor de start … is ondertekend" is past). */
    blockedBy: z.array(word).optional(),
    /** Only in a clause with one of these words: "moeten" says not done only beside "had" ("had moeten worden"). */
    requires: z.array(word).min(1).optional(),
    triggers: z.array(StatusTriggerSchema).min(1),
  });

  const SenseSchema = z.strictObject({
    /** A technology term in the sentence or the few before it makes the sense right. */
    technologyNearby: z.boolean(),
    /**
     * 'document': the document's technology makes the sense right, wherever it is named. Statuses are
     * read only in documents with technology (assess.ts, reading.ts), so the term is about it unless its
     * own words say otherwise. Round 15: the ten sentences before left about a hundred tune mentions far
     * from the term absent ("Inwoners worden bij de intake geïnformeerd"). Not for retention: "De
     * kluisjes worden een jaar bewaard" keeps objects, and only the nearby technology tells.
     */
    technologyReach: z.enum(['nearby', 'document']).optional(),
    /** So does one of these words in the sentence. */
    words: z.array(word),
    /**
     * A compound that ends in one of `words` counts as well ("klikgegevens", "chatgesprekken"): Dutch
     * writes the kind of data as one word. Only words of at least six letters.
     */
    compounds: z.boolean().optional(),
    /** Only these terms can have another sense (absent = all terms of the safeguard). */
    terms: z.array(z.string().min(1)).optional(),
    /**
     * The technology named before the term in its clause makes the claim about it ("Het algoritme is
     * noodzakelijk voor het doel", "Camerahandhaving is noodzakelijk omdat …"): stated, not left to the
     * model, unless the clause has one of these words (an indirect question, a condition, a modal:
     * "Of de proef proportioneel is", "alleen proportioneel kan zijn als").
     */
    subject: z.strictObject({ blockedBy: z.array(word).min(1) }).optional(),
    /** Another sense whatever the context: the word right after the term ("noodzakelijke competenties"). */
    otherAfter: z.array(word).optional(),
    /** Another sense: a word in the sentence ending like this ("verwerker van het groenafval"). */
    otherSuffixes: z.array(word).optional(),
    /**
     * A role, not the agreement: the term right after one of these words ("is daarmee verwerker",
     * "wordt verwerker voor de gemeente", "als verwerker") names what a party is; the agreement is a
     * mention of its own.
     */
    roleBefore: z.array(word).optional(),
    /** The term words that can name a role (a "subverwerker" is about the permission, not a role). */
    roleWords: z.array(word).optional(),
    /**
     * With one of these words right after the term, its complement decides instead of the context:
     * "evaluatie van het subsidiebeleid" and "noodzaak tot kostenbeheersing" are another sense,
     * "evaluatie van de pilot" is not.
     */
    complement: z
      .strictObject({
        after: z.array(word).min(1),
        /** Without such a complement: on topic ("de evaluatie volgt in mei"), or decided by the context as usual. */
        otherwise: z.enum(['on-topic', 'context']),
      })
      .optional(),
  });

  const SafeguardStatusRulesSchema = z.strictObject({
    sense: SenseSchema.optional(),
    /** Terms whose plain negation is the safeguard done well ("worden niet bewaard"), by these triggers only. */
    negationMeansStated: z.strictObject({ terms: z.array(z.string().min(1)).min(1), triggers: z.array(word).min(1) }).optional(),
    /** A negation counts only with one of these words in the sentence ("niet onderzocht", not "niet gevonden"). */
    negationNeeds: z.array(word).optional(),
    /**
     * Per term id: the sentence must also hold one of these words — or, round 17, a word of the shape of
     * a group of people ("afhalers", "inburgeraars", "woningzoekenden": `anySuffix`, at least three
     * letters before it) that is not one of `notWords` (companies, things: "ondernemers", "stickers")
     * and not part of a technology term ("trackers").
     */
    terms: z
      .record(
        z.string().min(1),
        z.strictObject({ anyWord: z.array(word).min(1), anySuffix: z.array(word).optional(), notWords: z.array(word).optional() }),
      )
      .optional(),
    /**
     * Round 17: informing about something else ("over de werkzaamheden", "op de hoogte van de
     * planning"): after one of `after`, a complement with a word ending in one of `words`, and no
     * complement of the sentence about the data or the technology (the sense words, a technology term).
     */
    otherTopics: z.strictObject({ after: z.array(word).min(1), words: z.array(word).min(1) }).optional(),
    /**
     * The letter's words: `absent` opens the question when the document says nothing ({soort}: its
     * kind), the others are asked when it says it was not done, only announced, or done for part only ({rest}).
     * `afterAbsent` is asked after `absent` in place of the safeguard's follow-up, where that would
     * name again who the opening names ("… of de FG om advies is gevraagd. Heeft de FG …"); the
     * panel keeps the follow-up, which stands alone.
     */
    asks: z
      .strictObject({
        absent: z.string().trim().min(1),
        afterAbsent: z.string().trim().min(1).optional(),
        negated: z.string().trim().min(1),
        planned: z.string().trim().min(1),
        scoped: z.string().trim().min(1),
      })
      .optional(),
  });

  return z.strictObject({
    about: z.string().optional(),
    classes: z.record(z.string().regex(/^[a-z]+$/), z.array(word).min(1)),
    abbreviations: z.array(word),
    functionWords: z.array(word),
    /** A line that opens with one of these and a colon is a title ("Onderwerp: Evaluatie pilot …"): it states nothing. */
    titleLabels: z.array(word),
    auxiliaries: z.array(word),
    terminators: z.array(word).min(1),
    /**
     * Of those, the ones that are an adverb inside a clause ("De DPIA gaat echter niet over de
     * beelden"): they end a scope only at the start of a clause (first word, or after a punctuation mark).
     */
    adverbTerminators: z.array(word),
    /**
     * A safeguard named as what something else belongs to ("de kosten van de DPIA en de IAMA"): the
     * sentence is about that other thing, absent. A noun, a link, a determiner, the term (or the second
     * of a pair joined by a coordinator).
     */
    /** A heading that opens with a question word names a topic ("Wat de FG heeft geadviseerd"): absent, auxiliary or not. */
    topicHeadings: z.strictObject({ note, words: z.array(word).min(1) }),
    /** The document's own title names the safeguard as the document itself ("Samenvatting DPIA …"): stated, not a bare heading. */
    ownTitles: z.strictObject({ note, words: z.array(word).min(1), safeguards: z.array(slug).min(1), reach: z.number().int().min(50).max(2000) }),
    /**
     * Round 17: told only after the fact ("Ouders zijn pas geïnformeerd toen de camera al hing", "De FG
     * is pas op 2 oktober geïnformeerd, nadat de analyse al was gedaan"): one of `before` in the term's
     * clause, then in the sentence after it and the term one of `after` (a past of its own) or of
     * `afterWithPast` with a past or perfect in the term's clause. Negated: it did not happen in time.
     */
    late: z.strictObject({ note, safeguards: z.array(slug).min(1), before: z.array(word).min(1), after: z.array(word).min(1), afterWithPast: z.array(word) }),
    /**
     * Round 18: a statement whose colon opens the questions it will answer ("In november evalueren wij
     * de scan: zijn de metingen juist?", "De werkwijze wordt na een jaar geëvalueerd: hoe vaak …?"). The
     * mention before the colon is no question when that part holds one of `statement` (a subject of our
     * own or an auxiliary) and neither opens with an auxiliary or a question word nor holds one of
     * `questionWords` ("Hij vraagt of de DPIA …: …?" stays a question).
     */
    colonQuestions: z.strictObject({ note, statement: z.array(word).min(1), questionWords: z.array(word).min(1) }),
    /**
     * Round 18: the necessity of a safeguard or of a step, not of the processing ("Een IAMA wordt niet
     * noodzakelijk geacht", "Een langere bewaartermijn zou niet proportioneel zijn", "Opschorten vindt
     * zij niet noodzakelijk"): for `safeguards`, one of `nouns` earlier in the term's clause, not right
     * after a preposition ("volgens de DPIA"), and no technology or sense word in that clause: absent.
     */
    otherNecessity: z.strictObject({
    note,
    safeguards: z.array(slug).min(1),
    nouns: z.array(word).min(1),
    /**
     * Round 19: money and means ("Extra budget is noodzakelijk om …", "Het krediet van € 2,3 miljoen is
     * noodzakelijk voor de camera's"): their necessity is never the processing's, so the technology
     * named in the same clause (what the money is for) does not make it so.
     */
    money: z.array(word),
  }),
  /**
   * Round 19: a list under a lead-in that asks or advises ("Zij adviseert:", "verzoekt het college:"):
   * an item in a te-infinitive ("• de gesprekken niet langer dan dertig dagen te bewaren") is what is
   * asked, planned, whatever its own words claim or deny, unless the item says it was carried out.
   * Round 20: `verbs` in the past tense too ("Zij adviseerde:"): the item says what was asked then; that it
   * was followed the item itself says (`carriedOut`) or another sentence does.
   */
  askingLeads: z.strictObject({ note, verbs: z.array(word).min(1), infinitive: word, carriedOut: z.array(word) }),
  /**
   * Round 19: the object first, the verb's subject after it ("Dat alternatief vergelijken wij in de
   * evaluatie", "De aanbeveling over het bewaren nemen wij over"): a present act of ours, planned, as
   * "Wij vergelijken dat alternatief". For `safeguards`, one of `verbs` at most `reach` words after the
   * term with no punctuation between, right before one of `subjects` (one or two words), the term at most
   * `reach` words into its clause, and none of `blockedBy` in the clause (a perfect, a recurring act, a
   * negation).
   */
  frontedObject: z.strictObject({
    note,
    safeguards: z.array(slug).min(1),
    verbs: z.array(word).min(1),
    subjects: z.array(word).min(1),
    blockedBy: z.array(word),
    reach: z.number().int().min(1).max(12),
  }),
    attributeOf: z.strictObject({
      note,
      nouns: z.array(word).min(1),
      links: z.array(word).min(1),
      determiners: z.array(word),
      coordinators: z.array(word),
    }),
    /** Words that open a subordinate clause: a trigger after the term does not reach past them. */
    clauseStarts: z.array(word),
    /**
     * Of those, the ones that right after the term compare, not open a clause: "Een alternatief als
     * anoniem solliciteren is evenmin bekeken" (such as), not "indien".
     */
    comparisons: z.array(word),
    /** Of those, the ones that open a clause about the word before them ("de DPIA, die nog niet af is"). */
    relativeStarts: z.array(word),
    /** A sentence that opens with one of these has a clause up to its first comma ("Omdat …, is …"). */
    subordinators: z.array(word),
    /**
     * After one of these a clause start is a determiner, not a clause: "is over die uitbreiding niet
     * geraadpleegd", "voor dat doel".
     */
    prepositions: z.array(word),
    /** Relative pronouns only ("dat" also opens a complement clause: "zegt dat er een DPIA komt"). */
    relativePronouns: z.array(word),
    /** A lead-in that gives its list a status: "Bijlagen" (stated), "wordt verstaan onder" (definitions: absent). */
    listIntros: z.array(z.strictObject({ phrase, status: SafeguardStatusSchema })),
    families: z.array(StatusFamilySchema).min(1),
    progressive: z.strictObject({
      note: z.string().optional(),
      auxiliaries: z.array(word).min(1),
      participles: z.array(word).min(1),
      recurring: z.array(phrase),
    }),
    scope: z.strictObject({
      note: z.string().optional(),
      triggers: z.array(phrase).min(1),
      heads: z.array(word),
      stops: z.array(word),
      maxWords: z.number().int().min(1).max(20),
    }),
    safeguards: z.record(slug, SafeguardStatusRulesSchema),
    /** What the layout and the sentence after say beside the words (lib/core/questions/status/structure.ts). */
    structure: z.strictObject({
      note: z.string().optional(),
      /** A list item led by one of these and a colon or a dash ("maart 2027: advies van de FG") is still to happen. */
      dateLeads: z.array(phrase).min(1),
      /** Headings over what already happened ("Voorgeschiedenis"): a dated item there is not a plan. */
      pastHeads: z.array(phrase),
      /** An item with one of these has a past of its own ("maart 2026: DPIA was klaar"). */
      pastWords: z.array(word),
      /**
       * A short sentence right after a claim that denies it: an opener pointing back ("Dat", "Die
       * evaluatie"), a verb, a negation and nothing more than a completion ("Dat bleek niet zo te zijn",
       * "Dat klopt niet", "Die evaluatie heeft niet plaatsgevonden").
       */
      denial: z.strictObject({
        openers: z.array(phrase).min(1),
        verbs: z.array(phrase).min(1),
        negations: z.array(word).min(1),
        completions: z.array(phrase),
        maxWords: z.number().int().min(3).max(15),
        /**
         * What the opener may name besides a safeguard: the act the claim before needed ("gevraagd … een
         * subverwerker in te zetten. Die toestemming is niet gegeven").
         */
        acts: z.array(word),
      }),
      /** Keeping without a term: "geen termijn", "een termijn is nergens vastgesteld" after the term or in the next sentence. */
      noTerm: z.strictObject({
        note,
        safeguards: safeguardIds,
        nounEnd: word,
        before: z.array(word).min(1),
        after: z.array(word).min(1),
        setting: z.array(word).min(1),
        reach: z.number().int().min(3).max(40),
        /** A term beside the mention itself ("drie jaar bewaard"): number words, and the units after a number. */
        numbers: z.array(word),
        units: z.array(word).min(1),
        /** Keeping without end ("onbeperkt bewaard", "voor onbepaalde tijd"): no term either. */
        unlimited: z.array(phrase),
        /**
         * Round 20: keeping because a device was set so ("180 dagen bewaard, omdat de software zo was
         * ingesteld"): what a default did, not a term anyone set, also with the days beside the mention.
         * One of `because` after the mention, then within `reach` words one of `so`, then within three
         * words one of `participles`.
         */
        deviceSetting: z.strictObject({ because: z.array(word).min(1), so: z.array(word).min(1), participles: z.array(word).min(1), reach: z.number().int().min(1).max(12) }),
      }),
      /**
       * A one-off act per future case ("De beoordeling van de noodzaak gebeurt per geval", "voor elke
       * inzet"): still to happen each time, not done.
       */
      perCase: z.strictObject({
        note,
        safeguards: safeguardIds,
        phrases: z.array(phrase).min(1),
      }),
      /**
       * Round 22: a one-off act whose moment stands after the term in its clause ("Over de DPIA: die
       * wordt uitgevoerd voordat de zuil opengaat", "de verwerkersovereenkomst wordt getekend na de
       * gunning"): one of `subordinators`, or one of `leads`, a determiner and a word of
       * structure.events. Only for `safeguards` (a standing mechanism, "gepseudonimiseerd voordat …",
       * is an order of steps), and not where the clause before it has a done, past or recurring word.
       */
      /**
       * Round 23: a one-off act (momentAfter's safeguards) still awaited. The term in a clause of
       * `subordinators` ("tot de DPIA klaar is en de FG heeft geadviseerd", "niet aangezet voordat de FG
       * opnieuw heeft geadviseerd"), or of `until` + a determiner with a verb of `perfect` or
       * structure.readyWords after the term: a perfect after such a word has not happened yet, and a
       * negation before the word is the main clause's. Not with a real past in that clause
       * (structure.pastWords outside `perfect`) nor after a relative pronoun. And a present with a word of
       * `afterwards` ("De FG geeft daarna opnieuw advies") where the clause has no done, past or recurring word.
       */
      momentBefore: z.strictObject({
        note,
        subordinators: z.array(word).min(1),
        until: z.array(word).min(1),
        perfect: z.array(word).min(1),
        afterwards: z.array(word).min(1),
      }),
      momentAfter: z.strictObject({
        note,
        safeguards: safeguardIds,
        subordinators: z.array(word).min(1),
        leads: z.array(word).min(1),
      }),
      /**
       * A document still to come named as the place of the work ("dat beoordelen wij in de DPIA", "wordt
       * in de DPIA getoetst"): the term after "in" and a determiner, a verb of that work in the present.
       */
      inDocument: z.strictObject({
        note,
        safeguards: safeguardIds,
        determiners: z.array(word).min(1),
        verbs: z.array(word).min(1),
      }),
      /**
       * The necessity test applied to data that is not processed: "Het is niet noodzakelijk het adres te
       * kennen; de wijk volstaat", "Het is niet noodzakelijk dat de gemeente de namen ziet". The phrase
       * opens its clause and names the safeguard's own word; "dat" follows it or "te" stands later in
       * the clause. A judgement of processing that does happen has a voice of its own ("Zij vindt het
       * niet noodzakelijk", "het is volgens ons niet noodzakelijk") and is not this shape.
       */
      dataTest: z.strictObject({
        note,
        safeguards: safeguardIds,
        phrases: z.array(phrase).min(1),
        /** What follows the phrase: right after it ("dat") or later in its clause ("te"). */
        next: z.array(word).min(1),
        later: z.array(word).min(1),
        /**
         * The same test with an adverbial between the copula and the negation ("Het is voor de
         * aanvraag niet noodzakelijk te weten …"): a head, a preposition with at most maxWords words,
         * then a tail. A preposition of a voice ("volgens ons") opens a judgement, not an adverbial.
         */
        adverbial: z.strictObject({
          note,
          heads: z.array(phrase).min(1),
          tails: z.array(phrase).min(1),
          voices: z.array(word),
          maxWords: z.number().int().min(1).max(8, 'een bepaling van meer dan acht woorden is een eigen zin'),
        }),
      }),
      /** What someone assumed or expected ("ging ervan uit dat …"): not a statement of fact, never a ✓. */
      assumptions: z.array(phrase),
      /**
       * What a safeguard's document covers and what not: a verb of covering, then a contrast ("Die
       * verwerkersovereenkomst gaat over de hosting, niet over de camerabeelden"). A hedge ("vooral")
       * makes it no contrast.
       */
      coverage: z.strictObject({
        note,
        /** The safeguards that are a document with a scope (a DPIA, an agreement): an FG's advice "over A, niet over B" is still advice. */
        safeguards: safeguardIds,
        verbs: z.array(word).min(1),
        contrasts: z.array(word).min(1),
        connectors: z.array(word).min(1),
        hedges: z.array(word),
        maxWords: z.number().int().min(5).max(60),
      }),
      /** An advice or request to do something ("haar advies om vooraf een DPIA uit te voeren"): what it asks is planned, unless the sentence says it was carried out. */
      advice: z.strictObject({
        note,
        nouns: z.array(word).min(1),
        /** Verbs of asking or advising with a te-infinitive and no "om": "vraagt een DPIA te doen". */
        verbs: z.array(word),
        /** Words between such a verb and the term that make it an indirect question: "vraagt of …". */
        questionWords: z.array(word),
        carriedOut: z.array(word),
        reach: z.number().int().min(1).max(8),
      }),
      /**
       * Round 21: what a promise is about ("De toezegging over de DPIA en het advies van de FG is voor
       * ons voldoende", a stemverklaring that leans on it): one of `nouns`, then one of `links`, then
       * within `reach` words and no punctuation the term. Still to come, planned, unless the clause
       * says it was carried out (advice.carriedOut).
       */
      promisedAbout: z.strictObject({
        note,
        nouns: z.array(word).min(1),
        links: z.array(word).min(1),
        reach: z.number().int().min(1).max(12),
      }),
      /** A table row's answer cell as a whole, per status in the order negated, planned, stated. */
      answerCells: z.strictObject({
        note,
        negated: z.array(spelledPhrase).min(1),
        planned: z.array(spelledPhrase).min(1),
        stated: z.array(spelledPhrase).min(1),
        /**
         * Answers only as the whole cell, nothing after them: a participle ("uitgevoerd", "getekend")
         * also ends a clause of prose that a tab happens to split ("DPIA\tuitgevoerd, omdat …").
         */
        whole: z.strictObject({ stated: z.array(spelledPhrase).min(1) }),
        /**
         * After an answer in an earlier column, a cell that says the row does not apply ("n.v.t.")
         * speaks for another object (two object columns: "uitgevoerd | n.v.t."): the earlier answer
         * stands. Alone in the row it is an answer of its own (negated).
         */
        otherColumn: z.array(spelledPhrase).min(1),
      }),
      /** A normenkader's verdict as the last cell of a row whose label is a whole norm (a sentence): negated or stated for every safeguard in the norm. */
      normVerdicts: z.strictObject({
        note,
        negated: z.array(spelledPhrase).min(1),
        stated: z.array(spelledPhrase).min(1),
      }),
      /** A row label with one of these (as written, a whole word) is a sentence with a negation of its own. */
      labelNegations: WordListSchema,
      /** A heading that governs what follows as still to do; its word pairs; the words that do so right before a term. */
      planningHeads: WordListSchema,
      planningPairs: WordListSchema,
      /** Round 20: under a heading that is only this word ("Uitvoering", "7. Uitvoering") a dated item's bare participle is a step aimed at, as under a planning heading; running text keeps its tense. */
      planningSoleHeads: WordListSchema,
      /**
       * Round 21: what a rejected motie or amendement asks ("Verzoekt het college … een IAMA te laten
       * uitvoeren", its title, the items of its dictum) is negated, not planned: nobody carries it out.
       * A line is the ask's when it, or the line above it past list items and lead-ins ending in a
       * colon, starts with a title (`titles`, or one of `codes` with a number: "M2", "A1") or with one
       * of `asks`; a line starting with one of `ends` (overwegende, toelichting, preadvies …) is not.
       * The decision is the first line after the lead that starts with one of `decisionLeads`, an
       * outcome word, or a title (after one of `articles`), and has a word of `rejected` or
       * `adopted` within its first `decisionWords` words; `lines` bounds the walk back.
       * Round 24: a title line's quoted name, or a whole line led by one of `titleLines` ("Titel: …",
       * each also in `titles`), takes the proposal's fate: negated if rejected, planned if adopted.
       */
      rejectedAsk: z.strictObject({
        note,
        titles: z.array(word).min(1),
        titleLines: z.array(word).min(1),
        codes: z.array(z.string().regex(/^\p{Ll}$/u, 'één kleine letter: de letter voor het nummer van een motie of amendement ("m" voor M2)')).min(1),
        articles: z.array(word).min(1),
        asks: z.array(phrase).min(1),
        ends: z.array(word).min(1),
        decisionLeads: z.array(word).min(1),
        rejected: z.array(word).min(1),
        adopted: z.array(word).min(1),
        decisionWords: z.number().int().min(2).max(30),
        lines: z.number().int().min(1).max(30),
      }),
      planningBefore: WordListSchema,
      /** A one-off act in the present with a time ahead: its verbs, the words of the time, and what makes it done or recurring. */
      presentAct: WordListSchema,
      months: WordListSchema,
      aheadWords: WordListSchema,
      /** The first words of a time ahead that make a present of any verb a one-off act still to come ('vóór 1 mei', 'na de zomer'); not 'in 2024', 'vanaf', 'per': a past year or a standing state. */
      anyVerbAnchors: WordListSchema,
      periods: WordListSchema,
      doneWords: WordListSchema,
      recurringWords: WordListSchema,
      /** A claim of someone else's that nobody checked. */
      claimBy: WordListSchema,
      claimVerbs: WordListSchema,
      claimVerbsPlural: WordListSchema,
      claimants: WordListSchema,
      checkVerbs: WordListSchema,
      checkObjects: WordListSchema,
      nobody: WordListSchema,
      /** A clause after the term, or the next sentence, that limits or denies it. */
      limitOpeners: WordListSchema,
      limitWords: WordListSchema,
      limitNegations: WordListSchema,
      /** Words shaped like a participle that are no past ("DPIA gereed"). */
      notParticiples: WordListSchema,
      /** Moments still to come after "voor" ("voor de start"): with a present form, a one-off act still to happen. */
      events: WordListSchema,
      /** A time ahead without a date ("dan", "zodra …"), and the words that open a clause of a moment to come ("Voor de camera's worden geplaatst, …"). */
      promiseVerbs: WordListSchema,
      thenWords: WordListSchema,
      beforeClause: WordListSchema,
      /** A contradiction after a claim in its own sentence ("…, terwijl …"). */
      contradictions: WordListSchema,
      /** Considered before the term and a contrast after it in its sentence: a step considered and not taken ("overwogen …, maar …"). */
      considerVerbs: WordListSchema,
      declineContrasts: WordListSchema,
      /** "…, die al is afgerond" right after the term: the thing promised exists. */
      alreadyWords: WordListSchema,
      /** Round 24: "van"/"uit" and a date right after the term ("het advies van de FG van 3 november 2026"): a dated document exists. */
      datedLinks: WordListSchema,
      readyWords: WordListSchema,
      /** Round 17: the college's own one-off act with a split separable verb ('werken wij nu uit'): the subjects, the verbs, the particles that end the clause. */
      splitActs: z.strictObject({ note, subjects: z.array(word).min(1), verbs: z.array(word).min(1), particles: z.array(word).min(1) }),
      /** Per safeguard the words of its own act ("advies" for the FG): denied after "maar" with the subject left out, the safeguard is denied. */
      ownActs: z.strictObject({ note, acts: z.record(slug, z.array(word).min(1)) }),
      /** Capitalised words that are no claiming party ("volgens Wij" never stands; "volgens FG" is the gemeente's own officer). */
      claimNames: WordListSchema,
    }),
    /** How one mention takes another's status (classify.ts). */
    links: z.strictObject({
      note: z.string().optional(),
      judgingOpeners: WordListSchema,
      coordinators: WordListSchema,
      demonstratives: WordListSchema,
      /** The words of a run-in heading before the term ("Over de FG:", "Wat betreft de DPIA:"). */
      runInHeads: WordListSchema,
      runInFill: WordListSchema,
      /** A negation that stands for the run-in heading's noun ("Over de DPIA: … er is geen gedaan"). */
      runInDenials: WordListSchema,
    }),
    /** Words the learned model reads as features (features.ts): a change here asks for the model to be trained again. */
    features: z.strictObject({
      note: z.string().optional(),
      modals: WordListSchema,
      subjects: WordListSchema,
      negations: WordListSchema,
      questionWords: WordListSchema,
      /** Answers as words; a dot may be left out ("n.v.t" is also the word "nvt"). */
      answers: WordListSchema,
      /** A sign (one character) and the answer word it gives. */
      signs: z.strictObject({ note, signs: z.record(z.string(), word) }),
      articles: WordListSchema,
      perfect: WordListSchema,
      timeAdverbs: WordListSchema,
      other: WordListSchema,
      trial: WordListSchema,
      council: WordListSchema,
      recommend: WordListSchema,
      imperativeNext: WordListSchema,
      notImperative: WordListSchema,
      contrast: WordListSchema,
      anaphors: WordListSchema,
      qualify: WordListSchema,
      conditions: WordListSchema,
      /** The cell after the term's as a class, the first that fits; the class name is a feature of the model. */
      cells: z.strictObject({
        note,
        classes: z
          .array(z.strictObject({ class: z.string().regex(/^[a-z-]+$/, 'alleen kleine letters en streepjes'), prefix: z.boolean().optional(), phrases: z.array(spelledPhrase).min(1) }))
          .min(1),
      }),
      cellNegations: WordListSchema,
    }),
    letter: z.strictObject({
      note: z.string().optional(),
      /** Per signal id: the safeguards whose question already covers it. */
      signalMerges: z.record(slug, z.array(z.string().min(1)).min(1)),
    }),
  });
}

export const StatusRulesSchema = lazySchema(buildStatusRulesSchema);
/** rules/status.json as the file must be: every list says what it is for (`note`). */
export type StatusRulesFile = z.infer<typeof StatusRulesSchema>;
/** A list of words (or phrases) with what it is for: the rules file's WordList. */
interface WordList {
  note: string;
  words: string[];
}

/** The file's rules without what is written for the people who edit them (`note`, `about`). */
type Unnoted<T> = T extends string | number | boolean | null | undefined
  ? T
  : T extends ReadonlyArray<infer U>
    ? Unnoted<U>[]
    : { [K in keyof T as Exclude<K, 'note' | 'about'>]: Unnoted<T[K]> };

/**
 * What the status engine reads: the rules of the file (Node: the CLI, tests, benches validate it
 * with its notes), or the build's copy of them without notes (shippedStatusRules). No code reads
 * a note, and this type lets none.
 */
export type StatusRules = Unnoted<StatusRulesFile>;

const FOR_EDITORS = new Set(['note', 'about']);

/**
 * The validated rules as an extension build ships them (lib/core/rules/builtin.ts): the notes are
 * for the people editing rules/status.json, not for the running extension (≈ 9.8 KB of Dutch in
 * background.js and again in the panel's bundle). Validate first: this checks nothing.
 */
export function shippedStatusRules(rules: StatusRules): StatusRules {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v === null || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (!FOR_EDITORS.has(k)) out[k] = strip(x);
    return out;
  };
  return strip(rules) as StatusRules;
}

/** What zod cannot see: families and classes that exist, safeguards and terms that exist. */
export function checkStatusRules(rules: StatusRulesFile, safeguards: SafeguardsPack, file = STATUS_FILE): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const report = (path: string, message: string) => issues.push({ file, path, message });
  const ids = new Map(safeguards.safeguards.map((s) => [s.id, new Set(s.terms.map((t) => t.id))]));
  // A phrase may name a word class ({month}); it must exist.
  const checkClasses = (path: string, phrase: string) => {
    for (const m of phrase.matchAll(/\{([^}]*)\}/g)) if (!(m[1]! in rules.classes)) report(path, `onbekende klasse {${m[1]}}`);
  };
  rules.adverbTerminators.forEach((w, i) => {
    if (!rules.terminators.includes(w)) report(`adverbTerminators[${i}]`, `"${w}" staat niet in terminators: alleen een afsluitend woord kan ook een bijwoord zijn`);
  });
  const families = new Set<string>();
  rules.families.forEach((f, i) => {
    if (families.has(f.id)) report(`families[${i}].id`, `de familie "${f.id}" staat er al`);
    families.add(f.id);
    f.safeguards?.forEach((id, j) => {
      if (!ids.has(id)) report(`families[${i}].safeguards[${j}]`, `onbekende waarborg "${id}" (niet in rules/safeguards.json)`);
    });
    f.triggers.forEach((t, j) => {
      checkClasses(`families[${i}].triggers[${j}].phrase`, t.phrase);
      if (f.effect !== 'pseudo' && t.direction === undefined) report(`families[${i}].triggers[${j}].direction`, 'kies forward, backward of both');
    });
  });
  const st = rules.structure;
  const structurePhrases: Array<[string, readonly string[]]> = [
    ['structure.dateLeads', st.dateLeads],
    ['structure.pastHeads', st.pastHeads],
    ['structure.denial.openers', st.denial.openers],
    ['structure.denial.verbs', st.denial.verbs],
    ['structure.denial.completions', st.denial.completions],
    ['structure.assumptions', st.assumptions],
    ['structure.noTerm.unlimited', st.noTerm.unlimited],
    ['structure.perCase.phrases', st.perCase.phrases],
    ['structure.dataTest.phrases', st.dataTest.phrases],
    ['structure.dataTest.adverbial.heads', st.dataTest.adverbial.heads],
    ['structure.dataTest.adverbial.tails', st.dataTest.adverbial.tails],
  ];
  for (const [path, list] of structurePhrases) {
    list.forEach((p, i) => checkClasses(`${path}[${i}]`, p));
  }
  // A list compared word by word with the text's words can never find a group of words.
  const wordLists: Array<[string, WordList]> = [
    ...(['planningHeads', 'planningSoleHeads', 'planningBefore', 'presentAct', 'months', 'aheadWords', 'anyVerbAnchors', 'periods', 'doneWords', 'recurringWords', 'claimBy', 'claimVerbs', 'claimVerbsPlural', 'claimants', 'checkVerbs', 'checkObjects', 'nobody', 'limitOpeners', 'limitWords', 'limitNegations', 'notParticiples', 'events', 'promiseVerbs', 'thenWords', 'contradictions', 'considerVerbs', 'declineContrasts', 'alreadyWords', 'datedLinks', 'readyWords', 'beforeClause', 'claimNames'] as const).map(
      (k): [string, WordList] => [`structure.${k}`, st[k]],
    ),
    ...(['judgingOpeners', 'coordinators', 'demonstratives', 'runInHeads', 'runInFill', 'runInDenials'] as const).map((k): [string, WordList] => [`links.${k}`, rules.links[k]]),
    ...Object.entries(rules.features).flatMap(([k, v]): Array<[string, WordList]> => (v && typeof v === 'object' && 'words' in v && k !== 'cellNegations' ? [[`features.${k}`, v]] : [])),
  ];
  for (const id of Object.keys(st.ownActs.acts)) if (!ids.has(id)) report(`structure.ownActs.acts.${id}`, `onbekende waarborg "${id}" (niet in rules/safeguards.json)`);
  for (const [k, list] of [['coverage', st.coverage.safeguards], ['noTerm', st.noTerm.safeguards], ['perCase', st.perCase.safeguards], ['momentAfter', st.momentAfter.safeguards], ['inDocument', st.inDocument.safeguards], ['dataTest', st.dataTest.safeguards]] as const) {
    list.forEach((id, i) => {
      if (!ids.has(id)) report(`structure.${k}.safeguards[${i}]`, `onbekende waarborg "${id}" (niet in rules/safeguards.json)`);
    });
  }
  rules.late.safeguards.forEach((id, i) => {
    if (!ids.has(id)) report(`late.safeguards[${i}]`, `onbekende waarborg "${id}" (niet in rules/safeguards.json)`);
  });
  rules.frontedObject.safeguards.forEach((id, i) => {
    if (!ids.has(id)) report(`frontedObject.safeguards[${i}]`, `onbekende waarborg "${id}" (niet in rules/safeguards.json)`);
  });
  rules.frontedObject.subjects.forEach((w, i) => {
    if (w.trim().split(/\s+/).length > 2) report(`frontedObject.subjects[${i}]`, `"${w}" is langer dan twee woorden: alleen één of twee woorden na het werkwoord worden vergeleken`);
  });
  rules.otherNecessity.safeguards.forEach((id, i) => {
    if (!ids.has(id)) report(`otherNecessity.safeguards[${i}]`, `onbekende waarborg "${id}" (niet in rules/safeguards.json)`);
  });
  rules.ownTitles.safeguards.forEach((id, i) => {
    if (!ids.has(id)) report(`ownTitles.safeguards[${i}]`, `onbekende waarborg "${id}" (niet in rules/safeguards.json)`);
  });
  // The coverage and advice lists are read word by word too (plain arrays, no "words" field).
  const cv = st.coverage;
  const ad = st.advice;
  for (const [k, words] of [['coverage.verbs', cv.verbs], ['coverage.contrasts', cv.contrasts], ['coverage.connectors', cv.connectors], ['coverage.hedges', cv.hedges], ['advice.nouns', ad.nouns], ['advice.verbs', ad.verbs], ['advice.questionWords', ad.questionWords], ['advice.carriedOut', ad.carriedOut], ['noTerm.before', st.noTerm.before], ['noTerm.after', st.noTerm.after], ['noTerm.setting', st.noTerm.setting], ['noTerm.numbers', st.noTerm.numbers], ['noTerm.units', st.noTerm.units], ['denial.acts', st.denial.acts], ['splitActs.subjects', st.splitActs.subjects], ['splitActs.verbs', st.splitActs.verbs], ['splitActs.particles', st.splitActs.particles], ['inDocument.determiners', st.inDocument.determiners], ['inDocument.verbs', st.inDocument.verbs], ['dataTest.next', st.dataTest.next], ['dataTest.later', st.dataTest.later], ['dataTest.adverbial.voices', st.dataTest.adverbial.voices], ...Object.entries(st.ownActs.acts).map(([id, words]) => [`ownActs.acts.${id}`, words] as const)] as const) {
    words.forEach((w, i) => {
      if (/[\s-]/.test(w)) report(`structure.${k}[${i}]`, `"${w}" is meer dan één woord: deze lijst wordt woord voor woord vergeleken en vindt het nooit`);
    });
  }
  // A title line's word must lead a title too: the line is read as a title only once it is one.
  rules.structure.rejectedAsk.titleLines.forEach((w, i) => {
    if (!rules.structure.rejectedAsk.titles.includes(w)) report(`structure.rejectedAsk.titleLines[${i}]`, `"${w}" staat niet in titles: alleen een titel kan een hele titelregel openen`);
  });
  // Top-level lists read word by word (round 13).
  const at = rules.attributeOf;
  for (const [path, words] of [['adverbTerminators', rules.adverbTerminators], ['topicHeadings.words', rules.topicHeadings.words], ['ownTitles.words', rules.ownTitles.words], ['late.before', rules.late.before], ['late.after', rules.late.after], ['late.afterWithPast', rules.late.afterWithPast], ['colonQuestions.statement', rules.colonQuestions.statement], ['colonQuestions.questionWords', rules.colonQuestions.questionWords], ['otherNecessity.nouns', rules.otherNecessity.nouns], ['otherNecessity.money', rules.otherNecessity.money], ['askingLeads.verbs', rules.askingLeads.verbs], ['structure.noTerm.deviceSetting.because', rules.structure.noTerm.deviceSetting.because], ['structure.noTerm.deviceSetting.so', rules.structure.noTerm.deviceSetting.so], ['structure.noTerm.deviceSetting.participles', rules.structure.noTerm.deviceSetting.participles], ['structure.promisedAbout.nouns', rules.structure.promisedAbout.nouns], ['structure.promisedAbout.links', rules.structure.promisedAbout.links], ['structure.rejectedAsk.titles', rules.structure.rejectedAsk.titles], ['structure.rejectedAsk.titleLines', rules.structure.rejectedAsk.titleLines], ['structure.rejectedAsk.articles', rules.structure.rejectedAsk.articles], ['structure.rejectedAsk.ends', rules.structure.rejectedAsk.ends], ['structure.rejectedAsk.decisionLeads', rules.structure.rejectedAsk.decisionLeads], ['structure.rejectedAsk.rejected', rules.structure.rejectedAsk.rejected], ['structure.rejectedAsk.adopted', rules.structure.rejectedAsk.adopted], ['askingLeads.carriedOut', rules.askingLeads.carriedOut], ['frontedObject.verbs', rules.frontedObject.verbs], ['frontedObject.blockedBy', rules.frontedObject.blockedBy], ['attributeOf.nouns', at.nouns], ['attributeOf.links', at.links], ['attributeOf.determiners', at.determiners], ['attributeOf.coordinators', at.coordinators], ['structure.momentAfter.subordinators', rules.structure.momentAfter.subordinators], ['structure.momentAfter.leads', rules.structure.momentAfter.leads], ...(['subordinators', 'until', 'perfect', 'afterwards'] as const).map((k) => [`structure.momentBefore.${k}`, rules.structure.momentBefore[k]] as const)] as const) {
    words.forEach((w, i) => {
      if (/[\s-]/.test(w)) report(`${path}[${i}]`, `"${w}" is meer dan één woord: deze lijst wordt woord voor woord vergeleken en vindt het nooit`);
    });
  }
  for (const [path, list] of wordLists) {
    list.words.forEach((w, i) => {
      if (/[\s-]/.test(w)) report(`${path}.words[${i}]`, `"${w}" is meer dan één woord: deze lijst wordt woord voor woord vergeleken en vindt het nooit`);
    });
  }
  const answers = new Set(rules.features.answers.words);
  for (const [sign, answer] of Object.entries(rules.features.signs.signs)) {
    // Zod keeps no message of its own for a key; the line is read character by character.
    if ([...sign].length !== 1) report(`features.signs.signs.${sign}`, `"${sign}" moet één teken zijn (zoals ✓)`);
    if (!answers.has(answer)) report(`features.signs.signs.${sign}`, `"${answer}" staat niet in features.answers`);
  }
  for (const [id, s] of Object.entries(rules.safeguards)) {
    const terms = ids.get(id);
    if (!terms) {
      report(`safeguards.${id}`, `onbekende waarborg "${id}" (niet in rules/safeguards.json)`);
      continue;
    }
    for (const termId of [...(s.negationMeansStated?.terms ?? []), ...(s.sense?.terms ?? []), ...Object.keys(s.terms ?? {})]) {
      if (!terms.has(termId)) report(`safeguards.${id}`, `onbekende term "${termId}" van ${id}`);
    }
  }
  const signals = new Set(safeguards.signals.map((s) => s.id));
  for (const [signal, merged] of Object.entries(rules.letter.signalMerges)) {
    if (!signals.has(signal)) report(`letter.signalMerges.${signal}`, `onbekend signaal "${signal}" (niet in rules/safeguards.json)`);
    for (const id of merged) if (!ids.has(id)) report(`letter.signalMerges.${signal}`, `onbekende waarborg "${id}"`);
  }
  for (const s of safeguards.safeguards) {
    if (!rules.safeguards[s.id]?.asks) report(`safeguards.${s.id}.asks`, `ontbreekt: wat de brief vraagt als het stuk zegt dat ${s.label} niet is gedaan of alleen is aangekondigd`);
  }
  return issues;
}

/** Parses status rules (the parsed JSON or its text); throws RulePackError with Dutch messages. */
export function parseStatusRules(json: unknown, safeguards?: SafeguardsPack, file = STATUS_FILE): StatusRulesFile {
  const rules = parseRuleFile(StatusRulesSchema, json, file);
  const issues = safeguards ? checkStatusRules(rules, safeguards, file) : [];
  if (issues.length) throw new RulePackError(issues);
  return rules;
}

/** The shipped rules/status.json as data (validated with the rule set, see loadBuiltinRules). */
export const BUILTIN_STATUS_JSON: unknown = statusJson;
