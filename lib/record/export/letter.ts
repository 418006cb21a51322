// "Concept schriftelijke vragen": the letter a raadslid sends to the college (or to the burgemeester,
// where every document is his or her matter: ../../core/questions/addressee.ts), for one document or
// for several of one gemeente. Built so that it can be sent after a read-through, not rewritten:
// - whole sentences quoted, never a bare keyword;
// - what the document says was not done, or only announced, leads (the strongest questions);
// - each question says each thing once: a term spelled out at its first mention only
//   (./defined-once.ts), the rules' sentences worded not to repeat each other, the burgemeester
//   named once in a sentence, and the addressee, the document and who else acts (the FG, the
//   leverancier) named once in a question: a quote's lead leaves out whom the question names;
// - one question per safeguard and per concern: the reader's own notes and flags about a safeguard
//   are merged into its question, a signal whose concern a safeguard question covers asks nothing;
// - only what the document leaves open: a safeguard it says is done gets no question, one done for
//   part only ("voor de pilot") is asked about the rest;
// - grouped by the AP question they belong to, numbered straight through so answers can refer to them;
// - the Reglement van orde article, naam, fractie and plaats left as clear [placeholders], unless
//   the griffie set them (gemeente, article, fractie, its address);
// - a motie or an amendement is a proposal, not technology in use: the opening says so, the
//   college's judgement of it is asked first, and each question asks what the college would do
//   before it carries the proposal out ("Als de motie wordt aangenomen: wordt er dan eerst een DPIA
//   uitgevoerd …?"); one the raad adopted asks what comes before the college carries it out, one
//   rejected or withdrawn asks nothing about carrying it out (the opening says what became of it).
// Pure: everything it quotes comes in through LetterInput.
import type { StoredDocument, StoredFlag, StoredNote } from '../db/schema';
import type { ChecklistItem } from '../../core/questions/checklist';
import type { CategoryId, QuestionId } from '../../core/rules/schema';
import type { StatusRules } from '../../core/rules/status';
import { CONTEXT_LENGTH } from '../../core/anchor';
import { technologyOf } from '../../core/questions/technology';
import { dutchList } from '../../core/questions/assess';
import { carriedOut, carriedOutByIt, carriedOutPassive, carriedThing, proposalAsk as fillProposal, proposalClosed, proposalName as kindProposalName, requestedAsk, STUDY_OF, requestedPassage, type ProposalDecision, type RequestedWords } from '../../core/questions/proposal';
import { inUseAsk, type InUseRules } from '../../core/questions/in-use';
import { ADDRESSEE, templateFor, textFor, type Addressee } from '../../core/questions/addressee';
import { compareReadingOrder, flagEntry, noteEntry, type RecordEntry } from '../entries';
import { formatDate, formatMeetingDate, type ExportLabels } from './model';
import { definedOnce } from './defined-once';
import { findWords } from '../../core/questions/document-kind';
import { foreignPublication, type ForeignSource } from '../../surface/page/portals/publication';

export interface LetterSignal {
  id: string;
  question: QuestionId;
  followUp: string;
}

export interface LetterDocument {
  /** `portal`: the portal's id, which with the address tells a Staatscourant or Kamerstuk from the gemeente's own (portals/publication.ts). */
  document: Pick<StoredDocument, 'url' | 'title'> & Partial<Pick<StoredDocument, 'id' | 'gemeente' | 'type' | 'meetingDate' | 'portal'>>;
  notes: readonly StoredNote[];
  flags: readonly StoredFlag[];
  /** What the document says per safeguard, with the reader's corrections; absent when never read. */
  checklist?: readonly ChecklistItem[];
  /** Signals of the AP questions that apply (scan only). */
  signals?: readonly LetterSignal[];
  /** The whole sentence of an anchored note or flag, by record id, where the page could tell. */
  sentences?: ReadonlyMap<string, string>;
  /** A motie's or amendement's outcome, where its text says (absent: unknown, asked as a proposal). */
  decision?: ProposalDecision;
  /** 'list': only the list that links it says the outcome (its text does not), and the letter says so. */
  decisionFrom?: 'text' | 'list';
  /** Its questions go to the burgemeester (a motie's dictum, "artikel 151c"); absent: the college. */
  addressee?: Extract<Addressee, 'burgemeester'>;
  /** 'study': a motie's or amendement's dictum asks for a study of the technology, not its deployment, and its questions ask about that study. */
  asks?: 'study';
  /** The technology its matches show (the scan's categories, or those kept with a stored document); absent when not known (a record kept before they were): the rules' words name every kind. */
  categories?: readonly CategoryId[];
}

export interface LetterInput {
  /** One document, or several of one gemeente. */
  documents: readonly LetterDocument[];
  labels: ExportLabels;
  /** rules/status.json: the words for absent safeguards, and which signals a safeguard question covers. */
  status: Pick<StatusRules, 'safeguards' | 'letter'>;
  /** The safeguards a text is about (the safeguard matcher), to merge a reader's note into its question. */
  concernsOf?: (text: string) => readonly string[];
  date?: number;
  /** What the griffie set for every letter (policy or settings file): fills the placeholders it can. */
  defaults?: LetterDefaults;
  /**
   * Per safeguard and signal id, its question for a proposal (rules/safeguards.json "proposal",
   * "{voorstel}" for the proposal's name); where one is missing, its plain question is asked.
   */
  proposals?: Readonly<Record<string, string>>;
  /** The same for a proposal the raad adopted ("adopted", "{uitvoert}" for "de motie uitvoert"); where one is missing, `proposals`. */
  adopted?: Readonly<Record<string, string>>;
  /** The same for a proposal whose dictum asks for a study ("study"), open or adopted; where one is missing, `proposals`/`adopted`. */
  study?: Readonly<Record<string, string>>;
  /** The rules a document that reports technology already in use is asked with (rules/safeguards.json "inUse"; ../../core/questions/in-use.ts). */
  inUse?: InUseRules['safeguards'];
  /** The question about a safeguard a motie or amendement itself asks for (rules/safeguards.json "requested"). */
  requested?: RequestedWords;
}

interface LetterDefaults {
  gemeente?: string;
  griffieAddress?: string;
  fracties?: readonly string[];
  reglementArtikel?: string;
}

/** A list of fracties this long still fits in the placeholder as a choice; a longer one stays [fractie]. */
const FRACTIE_CHOICES = 6;

function fractieFrom(fracties: readonly string[] | undefined): string {
  if (!fracties?.length) return PLACEHOLDER.fractie;
  if (fracties.length === 1) return oneLine(fracties[0]!);
  return fracties.length <= FRACTIE_CHOICES ? `[fractie: ${fracties.map(oneLine).join(' / ')}]` : PLACEHOLDER.fractie;
}

interface LetterQuestion {
  text: string;
  /** What it is about: a safeguard id, a signal id, or the reader's entry id. */
  about: string;
  status?: ChecklistItem['status'];
}

interface LetterGroup {
  /** The AP question, or null for the reader's questions that belong to none. */
  question: QuestionId | null;
  heading: string;
  vragen: LetterQuestion[];
}

export interface Letter {
  /** Whom it asks (each letter one addressee: ./letter.ts buildLetters). */
  to: Addressee;
  /** What it is about, for the line above two letters: "de motie “Titel”", or "3 stukken". */
  about: string;
  aan: string;
  datum: string;
  onderwerp: string;
  inleiding: string;
  groups: LetterGroup[];
  toelichting?: string;
  ondertekening: string[];
}

const PLACEHOLDER = { naam: '[naam]', fractie: '[fractie]', plaats: '[plaats]', artikel: '[artikel …]', gemeente: '[gemeente]' };
/** Documents written by the college: "Het college schrijft". Others (moties, vragen) are quoted as "In de … staat". */
const FROM_COLLEGE = new Set(['raadsvoorstel', 'raadsinformatiebrief', 'collegebrief', 'brief', 'collegebesluit', 'beantwoording', 'memo']);
/**
 * How strong a question is: the lower, the earlier in the letter. Done for part only ("voor de
 * pilot") is as strong as announced: for the rest it is not done.
 */
const RANK = { negated: 0, planned: 1, stated: 1, entry: 2, absent: 3, signal: 4 } as const;

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

function asQuestion(text: string, to: Addressee): string {
  const t = oneLine(text);
  if (!t) return '';
  return /[?]$/.test(t) ? t : `${t.replace(/[.!]+$/, '')}. Kan ${ADDRESSEE[to].name} hierop ingaan?`;
}

/**
 * A word the text broke at a line end with a hyphen ("uitge-⏎voerd", a plain-text or page copy of a
 * PDF; the passage comes with its white space folded: "uitge- voerd") is quoted whole, as the
 * raadslid would type it. A hyphen before a conjunction is a word left out ("in- en uitvoer",
 * "privacy- of veiligheidsrisico's") and stays.
 */
const LINE_HYPHEN = /(\p{Ll})-\s+(?!(?:en|of|als|tot|noch|dan|maar)[\s/])(\p{Ll})/gu;

/** A quoted passage, closed with a full stop when it does not end a sentence itself (a title, a list item), so the question after it starts a sentence of its own. */
function quote(sentence: string): string {
  // A list item or clause cut at its comma ("… is aangetoond,") ends the quote without it: “…,”. reads as a slip.
  const q = oneLine(sentence.replace(LINE_HYPHEN, '$1$2')).replace(/\s*,$/, '');
  const shown = q.length > 600 ? `${q.slice(0, 597)}…` : q;
  // A sentence that ends inside a quote of its own ("… besluit.”") is closed already.
  return `“${shown}”${/[.!?…:;]["”’']*$/.test(shown) ? '' : '.'}`;
}

/** Its kind: the detectors' word; without one a raadsstuk, or a publication where it is not the gemeente's (a Staatscourant: no raadsstuk). */
function soortOf(doc: LetterDocument['document']): string {
  return doc.type ?? (foreignPublication(doc.portal, doc.url) ? 'publicatie' : 'raadsstuk');
}

/** "het raadsvoorstel", "de motie": the article a reader would use. */
function withArticle(soort: string): string {
  return /^(motie|brief|raadsinformatiebrief|collegebrief|beantwoording|memo|notitie|nota|verordening|agenda|besluitenlijst|beleidsregel|bekendmaking|documentenlijst|notulen|schriftelijke vragen|publicatie)$/.test(soort) ? `de ${soort}` : `het ${soort}`;
}

/**
 * Words after a kind word that open a title's own phrase ("Motie van treurnis", "Raadsinformatiebrief
 * over cameratoezicht"): without the kind word the title would say something else, so it stays whole.
 */
const TITLE_GOES_ON = /^(van|over|inzake|betreffende|aan|vreemd|om|tot|ter|m\.b\.t\.|n\.a\.v\.|naar|bij|voor|tegen|met|op|in|en|of)\b/i;

/**
 * The document named with its title, the one place this is said (opening, questions, the line above
 * two letters): "de motie “Camera's boulevard”". A portal's title often opens with the kind ("Motie
 * camera's boulevard"): that word is not said twice ("de motie “Motie …”"); where dropping it would
 * change the title ("Motie van treurnis") the title stays whole after the article alone.
 */
function documentName(doc: LetterDocument['document']): string {
  const soort = soortOf(doc);
  const title = oneLine(doc.title);
  const article = withArticle(soort);
  const lower = title.toLowerCase();
  if (!lower.startsWith(soort) || !/^(\s*[:–—-]\s*|\s+)\S/.test(title.slice(soort.length))) return `${article} “${title}”`;
  const rest = title.slice(soort.length).replace(/^[\s:–—-]+/, '');
  if (TITLE_GOES_ON.test(rest)) return `${article.slice(0, article.length - soort.length)}“${title}”`;
  return `${article} “${capitalise(rest)}”`;
}

/** "de motie", or in a letter about several documents "de motie “Titel”"; null for a document that is no proposal. */
function proposalName(doc: LetterDocument['document'], several: boolean): string | null {
  const name = kindProposalName(soortOf(doc));
  if (!name) return null;
  return several ? documentName(doc) : name;
}

/**
 * The question for a proposal: the rules' wording (an adopted one's where the raad adopted it),
 * else the plain one after "Als … wordt aangenomen:" or "Voordat het college … uitvoert:".
 */
function proposalAsk(input: LetterInput, id: string, plain: string, name: string, decision: ProposalDecision | undefined, to: Addressee, study?: StudyAsked): string {
  const adopted = decision === 'aangenomen';
  // A study asked for: its questions are the same whether the raad adopted it or not. The letter's
  // opening says a lone motie asks a study ("het onderzoek"); beside others, which one is named.
  const studied = study ? input.study?.[id] : undefined;
  if (studied) return fillProposal(templateFor(studied.replaceAll('{onderzoek}', study === 'several' ? STUDY_OF : 'het onderzoek'), to), name);
  const worded = (adopted ? input.adopted?.[id] : undefined) ?? input.proposals?.[id];
  if (worded) return fillProposal(templateFor(worded, to), name);
  const lead = adopted ? `Voordat ${ADDRESSEE[to].name} ${carriedOut(name)}` : `Als ${name} wordt aangenomen`;
  const ask = textFor(plain, to);
  return `${lead}: ${ask.charAt(0).toLowerCase()}${ask.slice(1)}`;
}

/** A proposal asks for a study: 'one' in a letter about it alone (its opening says so), 'several' beside other documents. */
type StudyAsked = 'one' | 'several';

/** Kinds named in the plural: "de notulen zeggen", not "zegt". */
const PLURAL = /^(notulen|schriftelijke vragen)$/;

/**
 * The opening of a question about a safeguard the document does not mention: the rules' words
 * ("Het {soort} zegt niet …") with the document's own article and verb ("De motie zegt niet …",
 * "De notulen zeggen niet …"), and in a letter about several documents its title.
 */
function absentLead(template: string | undefined, soort: string, label: string, named: string | undefined): string {
  const subject = capitalise(named ?? withArticle(soort));
  const lead = (template ?? 'Het {soort} zegt niets over {label}.').replace(/^Het \{soort\}/, () => subject).replaceAll('{soort}', () => soort).replaceAll('{label}', () => label);
  if (!PLURAL.test(soort)) return lead;
  const verb = { zegt: 'zeggen', maakt: 'maken', noemt: 'noemen' } as Record<string, string>;
  return `${subject}${lead.slice(subject.length).replace(/^ (zegt|maakt|noemt)\b/, (_m, v: string) => ` ${verb[v]}`)}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Whether `text` names `words` (lower case: "het college", "de motie") as whole words. */
const names = (text: string, words: string): boolean => findWords(text.toLowerCase(), words) >= 0;

/**
 * How a quote is introduced, so that the question names each of the document and the addressee
 * once (`rest`: what the question says after the quote). In a letter about several documents the
 * document is named with its title. The college is said to write only where it is asked and the
 * question does not name it again ("Het college schrijft … Laat het college …" becomes "In het
 * raadsvoorstel staat … Laat het college …"); a letter to the burgemeester does not say the college
 * wrote it. A proposal's question that names the proposal itself ("Als de motie wordt aangenomen")
 * quotes it as its indieners' words.
 */
function quoteLead(doc: LetterDocument['document'], several: boolean, to: Addressee, rest: string, page?: number): string {
  const soort = soortOf(doc);
  const where = several ? documentName(doc) : withArticle(soort);
  const at = page ? ` (p. ${page})` : '';
  const proposal = proposalName(doc, several);
  if (proposal && names(rest, proposal.toLowerCase())) return `De indieners schrijven${page ? ` op p. ${page}` : ''}:`;
  if (FROM_COLLEGE.has(soort) && to === 'college' && !names(rest, ADDRESSEE.college.name)) return `Het college schrijft in ${where}${at}:`;
  return `In ${where}${at} staat:`;
}

/** A further quote in a question that already named its document: "Ook staat er (op p. 4):". */
function alsoLead(page?: number): string {
  return `Ook staat er${page ? ` op p. ${page}` : ''}:`;
}

interface Draft extends LetterQuestion {
  question: QuestionId | null;
  rank: number;
  order: number;
  /** The passage it quotes (its document and text) and what it asks after the quote: a later question about the same passage refers back instead of quoting it again. */
  quoted?: { key: string; ask: string };
}

/** Where a kept context may be cut: after a sentence or a list item, or at a line break. */
const CONTEXT_END = /(?<=[.!?;])\s+|\s*\n\s*/;

function entriesOf(d: LetterDocument): RecordEntry[] {
  return [...d.notes.map((n) => noteEntry(n, undefined)), ...d.flags.map((f) => flagEntry(f, undefined))].sort(compareReadingOrder);
}

/** The sentence to quote for a reader's entry: the page's whole sentence, else the passage with its context. */
function entrySentence(e: RecordEntry, d: LetterDocument): string | undefined {
  if (!e.anchor) return undefined;
  const whole = d.sentences?.get(e.id);
  if (whole) return whole;
  const { prefix, exact, suffix } = e.anchor;
  // The kept context, cut where a sentence, a list item (";") or a block (a line break: a PDF's
  // list item, a heading) ends on either side when there is one.
  const before = prefix.split(CONTEXT_END).at(-1) ?? '';
  const after = suffix.split(CONTEXT_END)[0] ?? '';
  const cutBefore = before.length < prefix.length || prefix.length === 0;
  const cutAfter = after.length < suffix.length || suffix.length === 0;
  // Context kept at its full length starts and ends inside a word ("… gerust zouden …" of
  // "uitgerust"): only whole words are quoted.
  const head = !cutBefore && prefix.length >= CONTEXT_LENGTH ? before.replace(/^\S*\s+/, '') : before;
  const tail = !cutAfter && suffix.length >= CONTEXT_LENGTH ? after.replace(/\s+\S*$/, '') : after;
  return `${cutBefore ? '' : '… '}${head}${exact}${tail}${cutAfter ? '' : ' …'}`;
}

/**
 * Whose a document is that is no document of the gemeente: a Kamerstuk (a motie, brief or
 * wetsvoorstel of the Tweede or Eerste Kamer), by its kind or its address, or a publication of the
 * Rijk, a provincie or a waterschap (a Staatscourant), by its portal and address — or, wherever
 * it is kept, by an address that is the publication's identifier (portals/publication.ts). The gemeente deploys nothing in them, so the questions that presume it does (a DPIA,
 * the FG, "Hoe heeft de gemeente zelf gecontroleerd …") are left out, and one question asks what the
 * document means for the gemeente. Undefined: the gemeente's own (a Gemeenteblad among them).
 */
function notTheGemeentes(doc: LetterDocument['document']): ForeignSource | undefined {
  return doc.type === 'kamerstuk' ? 'kamer' : foreignPublication(doc.portal, doc.url);
}

/** Whose it is instead, after "geen stuk van de gemeente, maar …". */
const FOREIGN_SOURCE: Record<ForeignSource, string> = {
  kamer: 'van de Tweede of Eerste Kamer',
  staatscourant: 'een publicatie in de Staatscourant',
  staatsblad: 'een publicatie in het Staatsblad',
  tractatenblad: 'een publicatie in het Tractatenblad',
  provincie: 'van de provincie',
  waterschap: 'van het waterschap',
};

/** The question about a document that is not the gemeente's own. */
function meaningQuestion(doc: LetterDocument['document'], several: boolean, to: Addressee): string {
  const name = several ? documentName(doc) : withArticle(soortOf(doc));
  return `Wat betekent ${name} voor de gemeente: zet de gemeente de technologie waar het over gaat zelf in of is zij dat van plan, en zo ja, hoe waarborgt ${ADDRESSEE[to].name} dan de privacy van inwoners?`;
}

function documentDrafts(d: LetterDocument, input: LetterInput, several: boolean, firstOrder: number, to: Addressee): Draft[] {
  const { status, concernsOf } = input;
  const doc = d.document;
  const soort = soortOf(doc);
  const proposal = proposalName(doc, several);
  const decision = proposal ? d.decision : undefined;
  const study: StudyAsked | undefined = proposal && d.asks === 'study' ? (several ? 'several' : 'one') : undefined;
  // Rejected or withdrawn: nobody carries it out, so nothing is asked about what would come first.
  // Not the gemeente's own: nothing of it is the gemeente's deployment (meaningQuestion asks instead).
  const closed = proposalClosed(decision) || !!notTheGemeentes(doc);
  const drafts: Draft[] = [];
  let order = firstOrder;
  const entries = entriesOf(d);
  const asking = new Map<string, Draft>();

  // What the document leaves open, per safeguard.
  for (const item of closed ? [] : (d.checklist ?? [])) {
    if (!item.ask) continue;
    // Stated without certainty is asked like a safeguard not mentioned: after what is not done or only announced.
    const rank = item.status === 'stated' && item.certain === false ? RANK.absent : RANK[item.status];
    let text: string;
    let quoted: Draft['quoted'];
    if (proposal) {
      // Nothing is done yet: no "the document does not say whether it was done", the question
      // asks what would come first; a sentence the proposal says about it is quoted.
      // What the proposal itself asks for is quoted, and asked how the college judges or carries it out.
      const requested = requestedPassage(item, input.requested);
      const ask = technologyOf(requested ? requestedAsk(input.requested!, proposal, decision, to) : proposalAsk(input, item.id, item.ask, proposal, decision, to, study), d.categories);
      const passage = requested ?? (item.status === 'absent' ? undefined : (item.passages.find((p) => p.status === item.status) ?? item.passages[0]));
      text = passage ? `${quoteLead(doc, several, to, ask)} ${quote(passage.text)} ${ask}` : ask;
      if (passage) quoted = { key: `${doc.url}\n${oneLine(passage.text)}`, ask };
    } else if (item.status === 'absent') {
      const asks = status.safeguards[item.id]?.asks;
      const lead = absentLead(asks?.absent, soort, item.label, several ? documentName(doc) : undefined);
      // The follow-up stands alone in the panel; after the opening, the rules may word it so it does not name again who the opening names.
      text = `${lead} ${technologyOf(textFor(asks?.afterAbsent ?? item.ask, to), d.categories)}`;
    } else {
      const passage = item.passages.find((p) => p.status === item.status) ?? item.passages[0];
      // Stated without certainty: the sentence is quoted and the safeguard asked about as an open question.
      // Only a raadsvoorstel proposes something; a letter, an answer or a list of decisions is about technology as it stands.
      const doubt = item.status === 'stated' && item.certain === false ? ` Uit deze passage is ons niet duidelijk of dit is gebeurd voor ${soort === 'raadsvoorstel' ? 'wat nu wordt voorgesteld' : 'de technologie waar het hier om gaat'}.` : '';
      const ask = technologyOf(textFor(inUseAsk(soort, item.id, item.ask, input.inUse ? { safeguards: input.inUse, status } : undefined), to), d.categories);
      text = passage ? `${quoteLead(doc, several, to, ask)} ${quote(passage.text)}${doubt} ${ask}` : `${capitalise(withArticle(soort))} zegt niet dat ${item.label} is gedaan. ${ask}`;
      if (passage) quoted = { key: `${doc.url}\n${oneLine(passage.text)}`, ask };
    }
    const draft: Draft = { text, about: item.id, status: item.status, question: item.question, rank, order: order++, ...(quoted ? { quoted } : {}) };
    asking.set(item.id, draft);
    drafts.push(draft);
  }

  // The reader's notes and flags: merged into a safeguard's question when about that safeguard,
  // else a question of their own; two on the same sentence are one question.
  const bySentence = new Map<string, Draft>();
  for (const e of entries) {
    const sentence = entrySentence(e, d);
    const own = asQuestion(e.text, to);
    const concerns = concernsOf?.([e.text, sentence ?? ''].join(' ')) ?? [];
    const target = concerns.map((id) => asking.get(id)).find((x) => x);
    if (target) {
      // Merged: the reader's remark joins the safeguard's question, and the quote if it is another sentence.
      // The question named its document already (its opening or its quote): the further quote is "Ook staat er:".
      const lead = names(target.text, withArticle(soort)) ? alsoLead(e.anchor?.page) : quoteLead(doc, several, to, `${target.text} ${own}`, e.anchor?.page);
      const extra = sentence && !target.text.includes(oneLine(sentence)) ? `${lead} ${quote(sentence)} ` : '';
      if (own || extra) target.text = `${target.text} ${extra}${own}`.trim();
      target.rank = Math.min(target.rank, RANK.entry);
      continue;
    }
    const key = sentence ? oneLine(sentence) : '';
    const same = key ? bySentence.get(key) : undefined;
    if (same) {
      if (own && !same.text.includes(own)) same.text = `${same.text} ${own}`;
      continue;
    }
    const by = ADDRESSEE[to].name;
    const ask = own || `Kan ${by} toelichten wat hiermee wordt bedoeld en wat dit betekent voor de privacy van inwoners?`;
    const consequences = !proposal ? `${withArticle(soort)} heeft` : decision === 'aangenomen' ? `uitvoering van ${proposal} heeft` : `uitvoering van ${proposal} zou hebben`;
    const text = sentence ? `${quoteLead(doc, several, to, ask, e.anchor?.page)} ${quote(sentence)} ${ask}` : own || `Kan ${by} toelichten welke gevolgen ${consequences} voor de privacy van inwoners?`;
    const draft: Draft = { text, about: e.id, question: e.question ?? null, rank: RANK.entry, order: order++ };
    if (key) bySentence.set(key, draft);
    drafts.push(draft);
  }

  // Signals, unless a safeguard question in the letter covers the same concern.
  for (const s of closed ? [] : (d.signals ?? [])) {
    const covered = (status.letter.signalMerges[s.id] ?? []).some((id) => asking.has(id));
    if (covered) continue;
    drafts.push({ text: technologyOf(proposal ? proposalAsk(input, s.id, s.followUp, proposal, decision, to, study) : textFor(s.followUp, to), d.categories), about: s.id, question: s.question, rank: RANK.signal, order: order++ });
  }
  return drafts;
}

function groupHeading(labels: ExportLabels, id: QuestionId | null): string {
  if (!id) return 'Overige vragen';
  const q = labels.questions[id];
  return q ? `${q.title} (vraag ${q.number} van de Autoriteit Persoonsgegevens)` : id;
}

/**
 * The letters about a selection: one per addressee. Documents that are the burgemeester's matter
 * and documents for the college make two letters, the burgemeester's first, each with its own
 * opening, numbering and placeholders; one addressee, one letter.
 */
export function buildLetters(input: LetterInput): Letter[] {
  const mayor = input.documents.filter((d) => d.addressee === 'burgemeester');
  const college = input.documents.filter((d) => d.addressee !== 'burgemeester');
  if (!mayor.length || !college.length) return [buildLetter(input)];
  return [buildLetter({ ...input, documents: mayor }), buildLetter({ ...input, documents: college })];
}

/** Named in the line above two letters: up to this many documents by title, more by their number. */
const NAMED_IN_HEADER = 3;

function aboutOf(documents: readonly LetterDocument[]): string {
  if (documents.length > NAMED_IN_HEADER) return `${documents.length} stukken`;
  const names = documents.map((d) => documentName(d.document));
  return dutchList(names);
}

/** The plain line above two letters: whom each asks, about what, and that they go apart. */
function lettersHeader(letters: readonly Letter[]): string {
  const parts = letters.map((l) => `aan ${ADDRESSEE[l.to].name} over ${l.about}`);
  const between = parts.some((p) => p.includes(',')) ? '; ' : ', ';
  return `Twee brieven: ${parts.join(between)}. Verstuur ze apart.`;
}

/** Between two letters in one text: a break in plain text and in Markdown alike. */
const LETTER_BREAK = '* * *';

/** One letter as text, or two with the line that says so above them. */
export function lettersText(letters: readonly Letter[]): string {
  if (letters.length === 1) return letterText(letters[0]!);
  return [lettersHeader(letters), '', letters.map(letterText).join(`\n${LETTER_BREAK}\n\n`)].join('\n');
}

/** The same in Markdown (copy with layout, download). */
export function lettersMarkdown(letters: readonly Letter[]): string {
  if (letters.length === 1) return letterMarkdown(letters[0]!);
  return [`**${escapeMarkdown(lettersHeader(letters))}**`, '', letters.map(letterMarkdown).join(`\n${LETTER_BREAK}\n\n`)].join('\n');
}

/** One letter to one addressee (a selection with both: buildLetters). */
export function buildLetter(input: LetterInput): Letter {
  const { labels, documents } = input;
  const several = documents.length > 1;
  // To the burgemeester when every document is his or her matter; else the college.
  const to: Addressee = documents.length > 0 && documents.every((d) => d.addressee === 'burgemeester') ? 'burgemeester' : 'college';
  const drafts: Draft[] = [];
  for (const d of documents) drafts.push(...documentDrafts(d, input, several, drafts.length, to));
  // Joined from sentences that each stand alone: a term is spelled out at its first mention only.
  for (const q of drafts) q.text = definedOnce(q.text);

  // Identical questions (the same follow-up about two documents, say) are asked once.
  const seen = new Set<string>();
  const unique = drafts.filter((q) => (seen.has(q.text) ? false : (seen.add(q.text), true)));

  // Groups per AP question: a group holding what the document says was not done, only announced or
  // done for part only comes first; the others follow in the AP's order.
  const groups = new Map<QuestionId | null, Draft[]>();
  for (const q of unique) groups.set(q.question, [...(groups.get(q.question) ?? []), q]);
  const ordered = [...groups.entries()]
    .map(([question, list]) => ({ question, list: list.sort((a, b) => a.rank - b.rank || a.order - b.order) }))
    .sort((a, b) => {
      const ra = Math.min(a.list[0]!.rank, RANK.entry);
      const rb = Math.min(b.list[0]!.rank, RANK.entry);
      const na = a.question ? (labels.questions[a.question]?.number ?? 9) : 10;
      const nb = b.question ? (labels.questions[b.question]?.number ?? 9) : 10;
      return ra - rb || na - nb;
    });

  const first = documents[0]?.document ?? { url: '', title: '' };
  const defaults = input.defaults ?? {};
  const gemeente = documents.find((d) => d.document.gemeente)?.document.gemeente ?? (defaults.gemeente ? oneLine(defaults.gemeente) : PLACEHOLDER.gemeente);
  const fractie = fractieFrom(defaults.fracties);
  const artikel = defaults.reglementArtikel ? oneLine(defaults.reglementArtikel) : PLACEHOLDER.artikel;
  const reglement = `op grond van artikel ${artikel} van het Reglement van orde voor de vergaderingen van de gemeenteraad van ${gemeente}`;
  let onderwerp: string;
  let aanleiding: string;
  if (several) {
    onderwerp = `Schriftelijke vragen over ${documents.length} raadsstukken over technologie en privacy`;
    const lijst = documents
      .map((d) => {
        const vergadering = d.document.meetingDate ? `, vergadering van ${formatMeetingDate(d.document.meetingDate)}` : '';
        return `- ${documentName(d.document)} (${d.document.url}${vergadering})`;
      })
      .join('\n');
    aanleiding = `Naar aanleiding van de volgende stukken stelt de fractie van ${fractie}, ${reglement}, de volgende schriftelijke vragen:\n${lijst}`;
  } else {
    const vergadering = first.meetingDate ? `, ${meetingRelation(first)} de vergadering van ${formatMeetingDate(first.meetingDate)},` : '';
    onderwerp = `Schriftelijke vragen over “${oneLine(first.title)}”`;
    aanleiding = `Naar aanleiding van ${documentName(first)} (${first.url})${vergadering} stelt de fractie van ${fractie}, ${reglement}, de volgende schriftelijke vragen.`;
  }
  // Only a letter asking at least one of the AP's questions says it follows the AP, in its opening
  // and its closing line: the reader's own questions alone (a document without technology) do not.
  const followsAp = ordered.some((g) => g.question);
  const apIntro = followsAp
    ? ' De vragen volgen de drie vragen die de Autoriteit Persoonsgegevens raadsleden aanraadt te stellen wanneer de gemeente technologie inzet die persoonsgegevens verwerkt.'
    : '';
  // A motie or amendement: said in the opening, and the college's judgement asked before the rest.
  const proposals = documents.filter((d) => proposalName(d.document, several));
  const voorstelIntro = proposals.length ? `\n\n${proposalIntro(proposals, several, to)}` : '';
  const judged = proposals.filter((d) => !proposalClosed(d.decision));
  const foreign = documents.filter((d) => notTheGemeentes(d.document));
  const judgement: LetterGroup[] = [
    ...(judged.length ? [{ question: null, heading: `Het oordeel van ${ADDRESSEE[to].name}`, vragen: judged.map((d) => ({ text: judgementQuestion(d, several, to), about: 'oordeel' })) }] : []),
    ...(foreign.length ? [{ question: null, heading: 'Wat het stuk voor de gemeente betekent', vragen: foreign.map((d) => ({ text: meaningQuestion(d.document, several, to), about: 'betekenis' })) }] : []),
  ];
  const foreignIntro = foreign.length ? `\n\n${foreignLine(foreign, several)}` : '';

  quotedOnce(ordered.flatMap((g) => g.list), judgement.reduce((n, g) => n + g.vragen.length, 0));
  // The reader's own questions with nothing before them are not "Overige vragen": "Vragen" above
  // them already says what they are.
  const alone = !judgement.length && ordered.length === 1 && !ordered[0]!.question;

  return {
    to,
    about: aboutOf(documents),
    aan: `${ADDRESSEE[to].aan} ${gemeente}${defaults.griffieAddress ? `\nvia de griffie, ${defaults.griffieAddress.split('\n').map(oneLine).filter(Boolean).join(', ')}` : ''}`,
    datum: `${PLACEHOLDER.plaats}, ${formatDate(input.date ?? Date.now())}`,
    onderwerp,
    // After the list of documents a sentence of its own, not the last item's tail.
    inleiding: `${ADDRESSEE[to].aanhef}\n\n${aanleiding}${several && apIntro ? `\n\n${apIntro.trimStart()}` : apIntro}${voorstelIntro}${foreignIntro}`,
    groups: ordered.length || judgement.length
      ? [...judgement, ...ordered.map((g) => ({ question: g.question, heading: alone ? '' : groupHeading(labels, g.question), vragen: g.list.map(({ text, about, status }) => ({ text, about, ...(status ? { status } : {}) })) }))]
      // The placeholder has no heading of its own: "Vragen" above it already says what it is.
      : [{ question: null, heading: '', vragen: [{ text: '[vraag]', about: 'placeholder' }] }],
    toelichting: labels.source && followsAp
      ? `De vragen volgen mede de handreiking “${labels.source.title}” van de ${labels.source.publisher} (${labels.source.url}).`
      : undefined,
    ondertekening: ['Met vriendelijke groet,', '', PLACEHOLDER.naam, `Fractie ${fractie}`],
  };
}

/**
 * The document's tie to the meeting its date names. A motie or amendement is not put on the
 * agenda: it is submitted in that meeting. A besluitenlijst, the notulen or the agenda is that
 * meeting's own record, not a document on its agenda ("de besluitenlijst …, van de vergadering van
 * 29 juni 2015", not "geagendeerd voor"). Any other document was put on its agenda.
 */
function meetingRelation(doc: LetterDocument['document']): string {
  if (proposalName(doc, false)) return 'ingediend in';
  return MEETING_RECORDS.test(soortOf(doc)) ? 'van' : 'geagendeerd voor';
}

/** The kinds that are a meeting's own record. */
const MEETING_RECORDS = /^(besluitenlijst|notulen|agenda)$/;

/**
 * A passage quoted once: a later question about the same sentence of the same document (a DPIA and
 * the FG's advice in one sentence) asks after its own words and says which question quoted it,
 * "(Over dezelfde passage als vraag 3.)", instead of quoting it again. `before`: the questions
 * numbered ahead of these (the judgement of a motie or amendement).
 */
function quotedOnce(inOrder: readonly Draft[], before: number): void {
  const first = new Map<string, number>();
  inOrder.forEach((q, i) => {
    if (!q.quoted) return;
    const n = first.get(q.quoted.key);
    if (n === undefined) return void first.set(q.quoted.key, before + i + 1);
    // What the question says after the quote (a reader's remark merged into it) stays after the reference.
    const at = q.text.indexOf(q.quoted.ask);
    if (at < 0) return;
    q.text = `${q.quoted.ask} (Over dezelfde passage als vraag ${n}.)${q.text.slice(at + q.quoted.ask.length)}`;
  });
}

/** The opening's word on documents that are not the gemeente's own: whose they are (a sentence per source), what the letter asks about them, and what it leaves out. */
function foreignLine(foreign: readonly LetterDocument[], several: boolean): string {
  const bySource = new Map<ForeignSource, string[]>();
  for (const d of foreign) {
    const source = notTheGemeentes(d.document)!;
    bySource.set(source, [...(bySource.get(source) ?? []), several ? documentName(d.document) : withArticle(soortOf(d.document))]);
  }
  const whose = [...bySource].map(([source, names]) => {
    const is = names.length === 1 ? 'is geen stuk' : 'zijn geen stukken';
    return `${capitalise(dutchList(names))} ${is} van de gemeente, maar ${FOREIGN_SOURCE[source]}.`;
  });
  return `${whose.join(' ')} Daarover vraagt deze brief wat het voor de gemeente betekent, niet naar waarborgen die de gemeente zelf treft wanneer zij technologie inzet (zoals een DPIA).`;
}

/**
 * The opening's word on proposals: what a motie or an amendement is, and so what the questions ask.
 * One document: "Het gaat om een motie: …"; several: the proposals named.
 */
function proposalIntro(proposals: readonly LetterDocument[], several: boolean, to: Addressee): string {
  // The college is "het" again after its name; the burgemeester gets no hij or zij, and is not
  // named twice in a sentence: the clause turns passive ("voordat de motie wordt uitgevoerd").
  const by = ADDRESSEE[to].name;
  const before = (name: string) => (to === 'college' ? carriedOutByIt(name) : carriedOutPassive(name));
  const docs = proposals.map((d) => d.document);
  const kinds = new Set(docs.map(soortOf));
  const outcomes = proposals.flatMap((d) => (d.decision ? [outcomeLine(d)] : []));
  const said = outcomes.length ? ` ${outcomes.join(' ')}` : '';
  const what = (soort: string) =>
    soort === 'amendement' ? 'een voorstel om een besluit van de raad te wijzigen' : 'een verzoek of uitspraak van de raad';
  if (!several) {
    const soort = soortOf(docs[0]!);
    const decision = proposals[0]!.decision;
    if (proposalClosed(decision)) return `Het gaat om een ${soort}: ${what(soort)}, geen inzet van technologie die al plaatsvindt.${said}`;
    // Its dictum asks for a study, not for the technology: the questions are about the study.
    if (proposals[0]!.asks === 'study') return `Het gaat om een ${soort}: ${what(soort)}, geen inzet van technologie die al plaatsvindt.${said} ${capitalise(withArticle(soort))} vraagt om een onderzoek, niet om de inzet zelf. De vragen gaan daarom over wat dat onderzoek zou moeten meewegen, en wanneer de raad de uitkomsten krijgt.`;
    if (decision === 'aangenomen') return `Het gaat om een ${soort}: ${what(soort)}, geen inzet van technologie die al plaatsvindt.${said} De vragen gaan daarom over wat ${by} doet voordat ${before(kindProposalName(soort)!)}, en over hoe ${to === 'college' ? 'het dat wil doen' : 'dat gebeurt'}.`;
    // Who judges and the proposal named once; the second half says "het" for the college, and "die" for the motie.
    const carried = soort === 'amendement' ? 'het gewijzigde besluit' : 'die';
    return `Het gaat om een ${soort}: ${what(soort)}, geen inzet van technologie die al plaatsvindt. De vragen gaan daarom over hoe ${by} ${withArticle(soort)} beoordeelt, en over wat ${to === 'college' ? 'het zou moeten doen' : 'er zou moeten gebeuren'} voordat ${carried} wordt uitgevoerd.`;
  }
  // Each named once, in the sentence that says where it stands: adopted ones are carried out, open
  // ones judged, rejected or withdrawn ones carried out by nobody (not one sentence about all of them).
  const general =
    kinds.size > 1
      ? `Een motie is ${what('motie')}, een amendement ${what('amendement')}: geen van beide is inzet van technologie die al plaatsvindt.`
      : `Een ${soortOf(docs[0]!)} is ${what(soortOf(docs[0]!))}, geen inzet van technologie die al plaatsvindt.`;
  const listed = (ds: readonly LetterDocument[], outcome = false) => {
    const names = ds.map((d) => `${documentName(d.document)}${outcome ? ` (${outcomeWords(d)})` : d.decisionFrom === 'list' ? ' (volgens de lijst)' : ''}`);
    return dutchList(names);
  };
  const adopted = proposals.filter((d) => d.decision === 'aangenomen');
  const open = proposals.filter((d) => !d.decision);
  const closed = proposals.filter((d) => proposalClosed(d.decision));
  const sentences = [general];
  if (adopted.length) {
    const one = adopted.length === 1 ? adopted[0]! : undefined;
    // One adopted amendement: the besluit it changed ("het daarmee gewijzigde besluit"); a motie: "die".
    const carried = !one ? 'ze worden uitgevoerd' : soortOf(one.document) === 'amendement' ? 'het daarmee gewijzigde besluit wordt uitgevoerd' : to === 'college' ? 'het die uitvoert' : 'die wordt uitgevoerd';
    sentences.push(`De raad heeft ${listed(adopted)} aangenomen: de vragen daarover gaan over wat ${by} doet voordat ${carried}, en over hoe ${to === 'college' ? 'het dat wil doen' : 'dat gebeurt'}.`);
  }
  if (open.length) {
    const one = open.length === 1 ? open[0]! : undefined;
    const them = !one ? 'ze' : soortOf(one.document) === 'amendement' ? 'het' : 'die';
    const carried = !one ? 'ze worden' : soortOf(one.document) === 'amendement' ? 'het gewijzigde besluit wordt' : 'die wordt';
    sentences.push(
      `${capitalise(listed(open))} ${one ? 'is een voorstel' : 'zijn voorstellen'} aan de raad; daarover vraagt deze brief hoe ${by} ${them} beoordeelt, en wat ${to === 'college' ? 'het zou moeten doen' : 'er zou moeten gebeuren'} voordat ${carried} uitgevoerd.`,
    );
  }
  if (closed.length) sentences.push(`Niemand voert ${listed(closed, true)} uit, dus deze brief vraagt daar niet naar de uitvoering.`);
  return sentences.join(' ');
}

/** "door de raad aangenomen", "ingetrokken", with "volgens de lijst" where only the list says it. */
function outcomeWords(d: LetterDocument): string {
  const what = d.decision === 'ingetrokken' ? 'ingetrokken' : `door de raad ${d.decision}`;
  return d.decisionFrom === 'list' ? `${what}, volgens de lijst` : what;
}

/** "De raad heeft de motie aangenomen." (one document; several say it beside each title: outcomeWords); a rejected or withdrawn one: nothing asked about carrying it out. */
function outcomeLine(d: LetterDocument): string {
  const name = proposalName(d.document, false)!;
  // As the panel's line says it (decisionLine): the reader sees where the outcome comes from.
  const source = d.decisionFrom === 'list' ? ` (zo staat het in de lijst; ${proposalName(d.document, false)} zelf zegt het niet)` : '';
  const done = `${d.decision === 'ingetrokken' ? `${capitalise(name)} is ingetrokken` : `De raad heeft ${name} ${d.decision}`}${source}`;
  return proposalClosed(d.decision) ? `${done}: niemand voert ${soortOf(d.document) === 'amendement' ? 'het' : 'haar'} uit, dus deze brief vraagt niet naar de uitvoering.` : `${done}.`;
}

/** The first question about a proposal: the college's judgement of it (adopted: how it will carry it out). */
function judgementQuestion(d: LetterDocument, several: boolean, to: Addressee): string {
  const doc = d.document;
  const name = proposalName(doc, several)!;
  const by = ADDRESSEE[to].name;
  // The burgemeester is named once: the second half is said without a subject of its own.
  if (d.decision === 'aangenomen')
    return to === 'college'
      ? `Hoe gaat ${by} ${carriedThing(name)} uitvoeren, en hoe zorgt het ervoor dat de uitvoering binnen de privacywetgeving (AVG) blijft?`
      : `Hoe gaat ${by} ${carriedThing(name)} uitvoeren, en hoe blijft die uitvoering binnen de privacywetgeving (AVG)?`;
  // Whether it can be carried out, said without naming who asks a second time.
  return `Hoe beoordeelt ${by} ${name}, en kan ${soortOf(doc) === 'amendement' ? 'het gewijzigde besluit' : 'die'} worden uitgevoerd binnen de privacywetgeving (AVG)?`;
}

/** Every question in letter order (numbered straight through the groups). */
export function letterQuestions(letter: Letter): LetterQuestion[] {
  return letter.groups.flatMap((g) => g.vragen);
}

/**
 * Markdown-escaped: quoted page text and the reader's words may hold "# Kop", "[x](javascript:…)"
 * or "<img onerror=…>"; every character Markdown or HTML would act on is escaped, so the letter
 * renders as the text it is.
 */
export function escapeMarkdown(text: string): string {
  // Parentheses and hyphens are left: without "[" or a line start they cannot make a link or a list.
  return oneLine(text).replace(/[\\`*_{}[\]<>#!|~&]/g, (c) => `\\${c}`);
}

export function letterMarkdown(letter: Letter): string {
  let n = 0;
  const paragraphs = (s: string) => s.split('\n\n').map((p) => p.split('\n').map((line) => (line.startsWith('- ') ? `- ${escapeMarkdown(line.slice(2))}` : escapeMarkdown(line))).join('\n'));
  return [
    escapeMarkdown(letter.aan),
    '',
    escapeMarkdown(letter.datum),
    '',
    `**Onderwerp:** ${escapeMarkdown(letter.onderwerp)}`,
    '',
    paragraphs(letter.inleiding).join('\n\n'),
    '',
    '## Vragen',
    '',
    ...letter.groups.flatMap((g) => [...(g.heading ? [`### ${escapeMarkdown(g.heading)}`, ''] : []), ...g.vragen.map((v) => `${++n}. ${escapeMarkdown(v.text)}`), '']),
    ...(letter.toelichting ? [`_${escapeMarkdown(letter.toelichting)}_`, ''] : []),
    ...letter.ondertekening.map((l) => (l ? `${escapeMarkdown(l)}  ` : '')),
    '',
  ].join('\n');
}

export function letterText(letter: Letter): string {
  let n = 0;
  return [
    letter.aan,
    '',
    letter.datum,
    '',
    `Onderwerp: ${letter.onderwerp}`,
    '',
    letter.inleiding,
    '',
    'Vragen',
    '',
    ...letter.groups.flatMap((g) => [...(g.heading ? [g.heading, ''] : []), ...g.vragen.flatMap((v) => [`${++n}. ${v.text}`, ''])]),
    ...(letter.toelichting ? [letter.toelichting, ''] : []),
    ...letter.ondertekening,
    '',
  ].join('\n');
}
