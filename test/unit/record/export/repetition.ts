// What a letter's question says twice: a run of five or more words that stands twice in one
// numbered question (outside what it quotes from the document: a quote is the document's words),
// or a term defined with its abbreviation ("functionaris gegevensbescherming (FG)") twice, or an
// abbreviation used before it is spelled out, or the addressee named twice in one sentence. A
// raadslid reads each question as one text.

/** The question with every quoted passage (“…”) cut out: each quote ends a run of words. */
function ownWords(text: string): string[][] {
  return text.split(/“[^”]*”/).map((part) => part.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));
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
  // The addressee named twice in one sentence ("Vraagt de burgemeester, voordat de burgemeester …").
  for (const sentence of text.split(/(?<=[.?!])\s+|“[^”]*”/)) {
    for (const name of ['de burgemeester', 'het college']) {
      if (sentence.toLowerCase().split(name).length > 2 && !found.includes(`${name} twice`)) found.push(`${name} twice`);
    }
  }
  return found;
}
