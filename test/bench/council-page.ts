// A realistic raadsinformatie page of at least `minChars` characters of document text, built from
// the eval documents and wrapped in the chrome portals have: a menu (with the live stream of the
// raadzaal), a cookie banner about tracking cookies, a sidebar with vergaderdata, a footer.
import type { CorpusDocument } from './corpus';

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function documentHtml(doc: CorpusDocument, n: number): string {
  const blocks = doc.text.split(/\n\s*\n/);
  const out: string[] = [`<article class="agendapunt" id="punt-${n}"><h2>Agendapunt ${n}: ${escape(blocks[0]!.split('\n')[0]!)}</h2>`];
  for (const block of blocks.slice(1)) {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    if (lines.length > 1 && lines.slice(1).every((l) => /^(- |\d+\.\s|[a-z]\.\s)/.test(l))) {
      out.push(`<h3>${escape(lines[0]!)}</h3><ul>${lines.slice(1).map((l) => `<li>${escape(l.replace(/^- /, ''))}</li>`).join('')}</ul>`);
    } else {
      for (const line of lines) out.push(line.length < 60 && !/[.;:]$/.test(line) ? `<h3>${escape(line)}</h3>` : `<p>${escape(line)}</p>`);
    }
  }
  if (n % 4 === 0) {
    out.push(`<table class="stemming"><caption>Stemming</caption><thead><tr><th>Fractie</th><th>Voor</th><th>Tegen</th></tr></thead><tbody>` +
      ['GroenLinks-PvdA', 'VVD', 'D66', 'CDA', 'SP', 'Lokaal Belang'].map((f, i) => `<tr><td>${f}</td><td>${(i * 3 + n) % 9}</td><td>${(i + n) % 5}</td></tr>`).join('') +
      '</tbody></table>');
  }
  out.push(`<p class="bijlagen"><a href="/stukken/${n}.pdf">Bijlage ${n} (PDF, 312 kB)</a> · <a href="/stukken/${n}-dpia.pdf">DPIA</a></p></article>`);
  return out.join('\n');
}

export function councilPage(docs: readonly CorpusDocument[], minChars: number): { html: string; documentChars: number } {
  const parts: string[] = [];
  let chars = 0;
  let n = 0;
  while (chars < minChars) {
    const doc = docs[n % docs.length]!;
    n++;
    parts.push(documentHtml(doc, n));
    chars += doc.text.length;
  }
  const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Raadsvergadering 17 december 2026 - Gemeenteraad</title>
<style>body{font-family:sans-serif;max-width:70rem;margin:auto}aside{float:right;width:16rem}.cookie-banner{position:fixed;bottom:0}</style></head>
<body>
<div class="cookie-banner" role="dialog" aria-label="Cookies"><p>Wij gebruiken functionele en analytische cookies (Google Analytics). Met uw toestemming plaatsen wij ook tracking cookies.</p><button>Akkoord</button></div>
<header><a class="skiplink" href="#main">Naar de inhoud</a><p>Gemeenteraad · Raadsinformatie</p></header>
<nav aria-label="Hoofdmenu"><ul><li><a href="/">Home</a></li><li><a href="/kalender">Vergaderdata</a></li><li><a href="/live">Live: camera's in de raadzaal</a></li><li><a href="/zoeken">Zoeken</a></li></ul></nav>
<aside><h2>Vergaderdata</h2><ul>${Array.from({ length: 12 }, (_, i) => `<li>${i + 1} ${['januari', 'februari', 'maart'][i % 3]} 2027, 19:30 uur</li>`).join('')}</ul><div class="livestream-player"><p>Camera 1 · Camera 2 · Raad in beeld</p></div></aside>
<main id="main"><h1>Raadsvergadering 17 december 2026</h1>
${parts.join('\n')}
</main>
<footer><p>Gemeente · Postbus 1 · Privacyverklaring · Cookies · Toegankelijkheid · Dronten en omstreken</p></footer>
</body></html>`;
  return { html, documentChars: chars };
}
