// What a letter's question says twice: a run of five or more words that stands twice in one
// numbered question (outside what it quotes from the document: a quote is the document's words),
// or a term defined with its abbreviation ("functionaris gegevensbescherming (FG)") twice, or an
// abbreviation used before it is spelled out, or the addressee named twice in one sentence, or a
// gap stated as an indirect question and then asked again ("zegt niet hoe inwoners … worden
// geïnformeerd. Hoe worden inwoners … geïnformeerd"). A raadslid reads each question as one text.

/**
 * The question with every quoted passage (“…”) and every link cut out: each ends a run of words.
 * A link is where a document is, not the letter's words: two documents of one portal share the
 * start of their addresses.
 */
function ownWords(text: string): string[][] {
  return text.split(/“[^”]*”|https?:\/\/\S+/).map((part) => part.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));
}

export function repetitionsIn(text: string, n = 5): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  for (const words of ownWords(text)) {
    for (let i = 0; i + n <= words.length; i++) {
      const run = words.slice(i, i + n).join(' ');
      if (seen.has(run) && !found.includes(run)) found.push(run);
      seen.add(run);
    }
  }
  const outside = text.replace(/“[^”]*”/g, '…');
  for (const m of outside.matchAll(/\(([A-Z][A-Za-z]*[A-Z])\)/g)) {
    const abbr = m[1]!;
    const defined = outside.split(`(${abbr})`).length - 1;
    if (defined > 1 && !found.includes(`(${abbr}) twice`)) found.push(`(${abbr}) twice`);
    const bare = new RegExp(`\\b${abbr}\\b(?!\\))`).exec(outside);
    if (bare && bare.index < m.index! && !found.includes(`${abbr} before (${abbr})`)) found.push(`${abbr} before (${abbr})`);
  }
  // The addressee named twice in one sentence ("Vraagt de burgemeester, voordat de burgemeester …"),
  // outside what it quotes: a quote ends a sentence, and may hold one of its own („…”).
  for (const sentence of ownText(text, '\n').split(/(?<=[.?!])\s+|\n/)) {
    for (const name of ['de burgemeester', 'het college']) {
      if (sentence.toLowerCase().split(name).length > 2 && !found.includes(`${name} twice`)) found.push(`${name} twice`);
    }
  }
  found.push(...gapAskedAgain(outside), ...sayingTwice(text));
  return found;
}

/** Conjunctions that open a clause: one of them twice in a sentence ("Wanneer … wanneer het college …") reads as a stutter. */
const CLAUSE_WORDS = ['wanneer', 'voordat', 'nadat', 'terwijl', 'zodat'];

/**
 * What the check above misses: a clause word twice in one sentence ("Wanneer en hoe wordt de inzet
 * geëvalueerd wanneer de burgemeester de motie uitvoert"), a word twice in a row ("voordat het het
 * gewijzigde besluit uitvoert"), an abbreviation named again where "die" or "deze" would do ("noemt
 * geen DPIA. Is er vooraf een DPIA uitgevoerd … Kan de raad de DPIA inzien?", its spelled-out form
 * with "(DPIA)" one mention), and a quoted name twice (“…” in the letter's own words, as a motie's
 * title: "wat de motie “F_8 …” wil … als de motie “F_8 …” wordt aangenomen").
 */
function sayingTwice(text: string): string[] {
  const found: string[] = [];
  // A placeholder ("artikel [artikel …]") is filled in before the letter is sent.
  const own = ownText(text).replace(/\[[^\]]*\]/g, '…');
  for (const sentence of own.split(/(?<=[.?!])\s+/)) {
    const words = sentence.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    for (const w of CLAUSE_WORDS) if (words.filter((x) => x === w).length > 1) found.push(`${w} … ${w}`);
    words.forEach((w, i) => words[i + 1] === w && found.push(`${w} ${w}`));
  }
  const mentions = new Map<string, number>();
  for (const m of own.matchAll(/(?<![\p{L}\p{N}])([A-Z]{2,}[a-z]?[A-Z]*)(?![\p{L}\p{N}])/gu)) mentions.set(m[1]!, (mentions.get(m[1]!) ?? 0) + 1);
  // A name inside a sentence (a capital not after a full stop: "het Algoritmeregister"), the same.
  for (const m of own.matchAll(/(?<![.?!:]\s|^)(?<=\s)(\p{Lu}\p{Ll}{4,})/gu)) mentions.set(m[1]!, (mentions.get(m[1]!) ?? 0) + 1);
  // A long word (a compound noun: thirteen letters or more; not in a link), the same ("noemt geen verwerkersovereenkomst. Is er … een verwerkersovereenkomst gesloten").
  for (const m of own.replace(/https?:\/\/\S+/g, '…').matchAll(/(?<!\p{L})\p{Ll}\p{L}{12,}/gu)) mentions.set(m[0], (mentions.get(m[0]) ?? 0) + 1);
  for (const [abbr, count] of mentions) if (count > 1) found.push(`${abbr} ×${count}`);
  const quotes = [...text.matchAll(/“[^“”]{12,}”/g)].map((m) => m[0]);
  for (const q of new Set(quotes)) if (quotes.indexOf(q) !== quotes.lastIndexOf(q)) found.push(`${q.length > 40 ? `${q.slice(0, 38)}…”` : q} twice`);
  return found;
}

const INTERROGATIVES = ['hoe', 'wanneer', 'waarom', 'wie', 'welke', 'wat'];
/** Words that any two questions share (an auxiliary, who acts, what is at stake): no sign of saying it twice. */
const COMMON = new Set(['worden', 'wordt', 'heeft', 'hebben', 'gemeente', 'college', 'technologie', 'raadsvoorstel']);

/**
 * "Het stuk zegt niet hoe X. Hoe X?": the sentence that states the gap as an indirect question
 * ("niet hoe …") and the next sentence asking with the same word about the same thing (a word of
 * five letters or more in both, not one that any two questions share) say it twice. Runs of five words miss it: the question rewords it.
 */
function gapAskedAgain(outside: string): string[] {
  const sentences = outside.split(/(?<=[.?!])\s+/);
  const found: string[] = [];
  for (let i = 0; i + 1 < sentences.length; i++) {
    const gap = /\bniet (\p{L}+) (.*)$/u.exec(sentences[i]!.toLowerCase());
    if (!gap || !INTERROGATIVES.includes(gap[1]!)) continue;
    const [first, ...rest] = sentences[i + 1]!.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (first !== gap[1]) continue;
    const words = new Set(rest.filter((w) => w.length >= 5 && !COMMON.has(w)));
    const shared = gap[2]!.split(/[^\p{L}\p{N}]+/u).filter((w) => words.has(w));
    if (shared.length) found.push(`niet ${gap[1]} … ${gap[1]} (${[...new Set(shared)].join(', ')})`);
  }
  return found;
}

/**
 * Whom and what the letter itself names — the addressee, who else acts, the document's kind — as
 * the words that name it (lower case). "functionaris gegevensbescherming (FG)" is one mention.
 */
const NAMED: readonly (readonly [string, readonly string[]])[] = [
  ['het college', ['college']],
  ['de burgemeester', ['burgemeester']],
  ['de FG', ['fg', 'functionaris gegevensbescherming']],
  ['de gemeente', ['gemeente']],
  ['de raad', ['raad']],
  ['de leverancier', ['leverancier']],
  ...['raadsvoorstel', 'motie', 'amendement', 'raadsinformatiebrief', 'collegebrief', 'brief', 'collegebesluit', 'beantwoording', 'memo', 'notitie', 'nota', 'verordening', 'raadsstuk'].map(
    (kind) => [`het stuk (${kind})`, [kind]] as const,
  ),
];

/**
 * The question's own text, without what it quotes: a quote (“…”) may hold one of its own („…” or
 * “…”), so the quote ends where the marks that opened it are closed.
 */
export function ownText(text: string, mark = ' … '): string {
  let depth = 0;
  let out = '';
  for (const c of text) {
    if (c === '“' || c === '„') depth++;
    else if (c === '”' && depth > 0) {
      depth--;
      if (depth === 0) out += mark;
    } else if (depth === 0) out += c;
  }
  return out;
}

/**
 * Who or what the letter names twice in one numbered question, outside what it quotes ("Het
 * raadsvoorstel zegt niet of de FG … Heeft de FG …", "Het college schrijft … Laat het college …",
 * "In de motie staat … Als de motie wordt aangenomen …"): Dutch says "die", "zij" or "het" the
 * second time, or joins the two sentences.
 */
export function namesTwice(text: string): string[] {
  const words = ownText(text).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const found: string[] = [];
  for (const [name, forms] of NAMED) {
    let count = 0;
    for (let i = 0; i < words.length; i++) {
      const form = forms.find((f) => f.split(' ').every((w, k) => words[i + k] === w));
      if (!form) continue;
      count++;
      i += form.split(' ').length - 1;
      // "functionaris gegevensbescherming (FG)": the abbreviation in brackets is the same mention.
      if (form !== forms[0] && words[i + 1] === forms[0]) i++;
    }
    if (count > 1) found.push(`${name} ×${count}`);
  }
  return found;
}

/**
 * The questions of one letter that quote a passage of the document an earlier question quoted
 * already (a quote after the colon of "staat:", "schrijft:", "schrijven:"; a title after "de motie"
 * is the document's name): the raadslid reads the same sentence twice. The same words quoted from
 * another document (another title named) are that document's.
 */
export function quotedAgain(questions: readonly string[]): string[] {
  const seen = new Set<string>();
  return questions.filter((q) => {
    // The same sentence in two documents of an Alles letter is quoted once for each, each question
    // naming its own document: a passage is the same only with the same titles named beside it.
    const titles = [...q.matchAll(/(?<!:\s)“([^”]+)”/g)].map((m) => m[1]!).join('\n');
    const passages = [...q.matchAll(/:\s“([^”]+)”/g)].map((m) => `${titles}\n${m[1]!}`);
    const again = passages.some((p) => seen.has(p));
    for (const p of passages) seen.add(p);
    return again;
  });
}
