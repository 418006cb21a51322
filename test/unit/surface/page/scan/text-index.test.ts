import { describe, expect, it } from 'vitest';
import { buildTextIndex, DEFAULT_MAX_CHARS, rangeFor, rangesFor, TextCollector } from '@/lib/surface/page/scan/text-index';
import { findMainContent, hasText, isPageChrome } from '@/lib/surface/page/scan/main-content';

function page(html: string): Document {
  document.body.innerHTML = html; // test fixture, not page text from the wild
  return document;
}

describe('buildTextIndex', () => {
  it('joins inline text and breaks lines between blocks, so words in two cells never fuse', () => {
    const doc = page('<p>Camera<b>toezicht</b> in de stad</p><table><tr><td>Camera</td><td>toezicht</td></tr></table>');
    const index = buildTextIndex(doc.body);
    expect(index.text).toBe('Cameratoezicht in de stad\nCamera\ntoezicht\n');
    expect(index.nodes).toHaveLength(5);
  });

  it('leaves out scripts, styles, form fields, editors and hidden elements', () => {
    const doc = page(
      '<p>zichtbaar</p><script>var camera=1</script><style>.camera{}</style><textarea>camera</textarea>' +
        '<div contenteditable="true">camera</div><div hidden>camera</div><input value="camera">',
    );
    expect(buildTextIndex(doc.body).text.trim()).toBe('zichtbaar');
  });

  it('maps offsets back to Ranges across element boundaries', () => {
    const doc = page('<p>De <em>camera</em>toezicht start</p>');
    const index = buildTextIndex(doc.body);
    const start = index.text.indexOf('cameratoezicht');
    const range = rangeFor(index, start, start + 'cameratoezicht'.length);
    expect(range?.toString()).toBe('cameratoezicht');
  });

  it('stops at the character budget and says so', () => {
    const doc = page('<p>aaaa</p><p>bbbb</p><p>cccc</p>');
    const index = buildTextIndex(doc.body, { maxChars: 9 });
    expect(index.truncated).toBe(true);
    expect(index.text).not.toContain('cccc');
  });

  it('handles an empty page and 200-deep nesting without recursion', () => {
    expect(buildTextIndex(page('').body).text).toBe('');
    let html = 'diep';
    for (let i = 0; i < 200; i++) html = `<div><span>${html}</span></div>`;
    expect(buildTextIndex(page(html).body).text.trim()).toBe('diep');
  });

  // 100,000 nodes in happy-dom take seconds on a shared, busy machine: that is no failure here.
  it('indexes 100,000 text nodes in one linear pass', { timeout: 60_000 }, () => {
    const doc = page('');
    // 1,000 paragraphs of 100 text nodes: happy-dom's sibling lookups are slow on flat lists.
    for (let p = 0; p < 1000; p++) {
      const el = doc.createElement('span');
      for (let i = 0; i < 100; i++) el.append(doc.createTextNode(i === 0 && p % 10 === 0 ? 'camera ' : 'tekst '));
      doc.body.append(el);
    }
    const index = buildTextIndex(doc.body);
    expect(index.nodes).toHaveLength(100_000);
    expect(index.text.length).toBe(100 * 7 + 99_900 * 6);
  });
});

describe('main content', () => {
  it('passes over a <main> that holds only blanks (NBSP included), and tells text in nested nodes', () => {
    const blank = page('<main>  <div>\u00a0\n</div> </main><article><p>raadsvoorstel</p></article>');
    expect(hasText(blank.querySelector('main')!)).toBe(false);
    expect(findMainContent(blank).tagName).toBe('ARTICLE');
    const nested = page('<main><div><span> </span><b>x</b></div></main>');
    expect(hasText(nested.querySelector('main')!)).toBe(true);
    expect(findMainContent(nested).tagName).toBe('MAIN');
  });

  it('prefers <main> and treats menus, footers and cookie banners as chrome', () => {
    const doc = page(
      '<nav>tracking</nav><div id="cookie-banner">tracking cookies</div><main><h1>Raadsvoorstel</h1><p>cameratoezicht</p></main><footer>x</footer>',
    );
    const main = findMainContent(doc);
    expect(main.tagName).toBe('MAIN');
    expect(isPageChrome(doc.querySelector('nav')!)).toBe(true);
    expect(isPageChrome(doc.querySelector('#cookie-banner')!)).toBe(true);
    expect(isPageChrome(doc.querySelector('footer')!)).toBe(true);
    expect(isPageChrome(doc.querySelector('h1')!)).toBe(false);
  });

  it('tells chrome by tag, role, aria-modal, id and class, and never takes a plain element for chrome', () => {
    const doc = page(
      '<aside>a</aside><div role="search">b</div><div role="note">c</div><div aria-modal="true">d</div>' +
        '<div id="gdpr">e</div><div class="site cookiebar">f</div><div class="playerless">g</div>' +
        '<article><header>h</header></article><header>i</header><p>j</p><div class="">k</div>',
    );
    const verdict = (sel: string) => isPageChrome(doc.querySelector(sel)!);
    expect(['aside', '[role=search]', '[aria-modal]', '#gdpr', '.cookiebar', 'body > header'].map(verdict)).toEqual([true, true, true, true, true, true]);
    expect(['[role=note]', '.playerless', 'article header', 'p', 'div[class=""]'].map(verdict)).toEqual([false, false, false, false, false]);
  });

  it('skips hidden and editable elements whatever their other attributes', () => {
    const doc = page('<p>zichtbaar</p><p hidden>verborgen</p><div contenteditable>bewerkbaar</div><div contenteditable="false">vast</div><p class="x">ook</p>');
    expect(buildTextIndex(doc.body).text).toBe('zichtbaar\nvast\nook\n');
  });

  it('excludes chrome inside the body when there is no <main>', () => {
    const doc = page('<div class="livestream-player">camera\'s in de raadzaal</div><div class="content"><p>bodycams</p></div>');
    const index = buildTextIndex(findMainContent(doc), { exclude: isPageChrome });
    expect(index.text).toContain('bodycams');
    expect(index.text).not.toContain('raadzaal');
  });
});

describe('rangesFor', () => {
  it('gives the boundaries rangeFor gives, for spans in order, out of order, empty and on inserted line breaks', () => {
    document.body.innerHTML = '<main><p>camera<b>toezicht</b> in de</p><p></p><p>binnenstad</p>x<div>ANPR</div></main>';
    const index = buildTextIndex(document.querySelector('main')!);
    const n = index.text.length;
    const spans: { start: number; end: number }[] = [];
    for (let s = 0; s <= n; s++) for (let e = s; e <= n; e += 3) spans.push({ start: s, end: e });
    const shuffled = [...spans].reverse();
    for (const list of [spans, shuffled]) {
      const got = rangesFor(index, list, (a, ao, b, bo) => ({ a, ao, b, bo }));
      list.forEach((span, k) => {
        const want = rangeFor(index, span.start, span.end);
        const g = got[k];
        if (!want) expect(g, `${span.start}-${span.end}`).toBeNull();
        else expect(g, `${span.start}-${span.end}`).toEqual({ a: want.startContainer, ao: want.startOffset, b: want.endContainer, bo: want.endOffset });
      });
    }
  });

  it('gives null for spans whose nodes left the document', () => {
    document.body.innerHTML = '<main><p>camera</p><p>drone</p></main>';
    const index = buildTextIndex(document.querySelector('main')!);
    document.querySelector('p')!.remove();
    const [gone, kept] = rangesFor(index, [{ start: 0, end: 6 }, { start: 7, end: 12 }], (a, ao, b, bo) => [a.data.slice(ao), bo]);
    expect(gone).toBeNull();
    expect(kept).toEqual(['drone', 5]);
  });
});

describe('TextCollector.resultSteps', () => {
  it('joins a long walk in steps into the same text as result()', () => {
    const sink = new TextCollector(DEFAULT_MAX_CHARS);
    const doc = document.implementation.createHTMLDocument('');
    // More parts than one step joins (nodes and the line breaks between them).
    for (let i = 0; i < 20_000; i++) {
      sink.text(doc.createTextNode(`punt ${i}`));
      sink.lineBreak();
    }
    const steps = sink.resultSteps();
    let yields = 0;
    let r = steps.next();
    while (!r.done) {
      yields++;
      r = steps.next();
    }
    expect(yields).toBeGreaterThan(1);
    expect(r.value).toEqual(sink.result());
    expect(r.value.text.slice(0, 14)).toBe('punt 0\npunt 1\n');
  });
});
