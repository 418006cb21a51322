import { describe, expect, it } from 'vitest';
import { CHROME_CANDIDATES, isPageChrome } from '@/lib/surface/page/scan/main-content';

// The first walk asks isPageChrome only about elements that match CHROME_CANDIDATES: an element
// it would call chrome but the selector misses would be read as document text.
describe('CHROME_CANDIDATES', () => {
  it('matches every element isPageChrome calls chrome (and leaves plain text elements out)', () => {
    const words = ['cookie', 'cookies', 'Cookiebar', 'consent', 'GDPR', 'cc-window', 'livestream', 'live-stream', 'videoplayer', 'video-player', 'player', 'skiplink', 'breadcrumbs', 'tekst', 'artikel'];
    const shapes = (w: string) => [w, `site-${w}`, `${w}_wrap`, `x ${w} y`, `${w}s`, `my${w}`];
    const parts: string[] = [];
    for (const w of words) {
      for (const v of shapes(w)) parts.push(`<div id="${v}">a</div>`, `<p class="${v}">b</p>`, `<section class="intro ${v}">c</section>`);
    }
    for (const role of ['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alertdialog', 'main', 'button']) parts.push(`<div role="${role}">d</div>`);
    parts.push('<div aria-modal="true">e</div>', '<div aria-modal="false">f</div>', '<nav>g</nav>', '<aside>h</aside>', '<header>i</header>', '<footer>j</footer>');
    parts.push('<article><header>k</header><footer>l</footer></article>', '<svg class="player"><g class="cookie"></g></svg>');
    document.body.innerHTML = `<main>${parts.join('')}</main>`; // test fixture, not page text from the wild
    const all = [...document.body.querySelectorAll('*')];
    const chrome = all.filter((el) => isPageChrome(el));
    expect(chrome.length).toBeGreaterThan(100);
    expect(chrome.filter((el) => !el.matches(CHROME_CANDIDATES)).map((el) => el.outerHTML)).toEqual([]);
    // A superset, but not everything: plain paragraphs stay out of the candidates.
    expect(all.filter((el) => el.matches(CHROME_CANDIDATES)).length).toBeLessThan(all.length);
    expect(document.querySelector('p.tekst')!.matches(CHROME_CANDIDATES)).toBe(false);
  });
});
