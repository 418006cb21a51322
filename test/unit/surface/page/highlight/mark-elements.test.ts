import { describe, expect, it } from 'vitest';
import { createMarkPainter, createPagePainter, MARK_CLASS, supportsCssHighlights } from '@/lib/surface/page/highlight';
import { buildTextIndex, rangeFor } from '@/lib/surface/page/scan/text-index';

describe('the <mark> painter', () => {
  it('is what a page without the Highlight API gets (happy-dom has none), chosen once per document', () => {
    expect(supportsCssHighlights()).toBe(false);
    expect(createPagePainter(document, null).wrapsText).toBe(true);
    expect(createMarkPainter().wrapsText).toBe(true);
  });

  it('wraps matches (also across elements) in <mark> and restores the DOM on clear', () => {
    document.body.innerHTML = '<p id="p">De <em>camera</em>toezicht en een drone boven de wijk.</p>';
    const before = document.body.innerHTML;
    const index = buildTextIndex(document.body);
    const r1 = rangeFor(index, index.text.indexOf('camera'), index.text.indexOf('camera') + 14)!;
    const r2 = rangeFor(index, index.text.indexOf('drone'), index.text.indexOf('drone') + 5)!;
    const engine = createMarkPainter();
    engine.paintAll(new Map([['camera', [r1]], ['drone', [r2]]]));

    const marks = [...document.querySelectorAll(`mark.${MARK_CLASS}`)];
    expect(marks.map((m) => m.textContent)).toEqual(['camera', 'toezicht', 'drone']);
    expect(marks.map((m) => (m as HTMLElement).dataset.raadslens)).toEqual(['camera', 'camera', 'drone']);
    expect(document.getElementById('p')!.textContent).toBe('De cameratoezicht en een drone boven de wijk.');

    engine.setActive([r2]);
    expect(document.querySelectorAll(`.${MARK_CLASS}--active`)).toHaveLength(1);

    engine.setActive([]);
    expect(document.querySelectorAll(`.${MARK_CLASS}--active`)).toHaveLength(0);

    engine.clear();
    expect(document.querySelectorAll('mark')).toHaveLength(0);
    expect(document.body.innerHTML).toBe(before);
  });

  it('takes down one group, or what stands inside a node, and leaves the rest', () => {
    document.body.innerHTML = '<p id="a">camera en drone</p><p id="b">nog een camera</p>';
    const index = buildTextIndex(document.body);
    const at = (word: string, from = 0) => {
      const s = index.text.indexOf(word, from);
      return rangeFor(index, s, s + word.length)!;
    };
    const engine = createMarkPainter();
    engine.paintAll(new Map([['camera', [at('camera'), at('camera', 5)]], ['drone', [at('drone')]]]));
    expect(document.querySelectorAll('mark')).toHaveLength(3);
    engine.removeWithin(document.getElementById('b')!);
    expect([...document.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['camera', 'drone']);
    engine.set('drone', []);
    expect([...document.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['camera']);
    engine.clear();
    expect(document.body.textContent).toBe('camera en dronenog een camera');
  });

  it('re-applying replaces the previous marks instead of nesting them', () => {
    document.body.innerHTML = '<p>sensoren en sensoren</p>';
    const engine = createMarkPainter();
    for (let round = 0; round < 3; round++) {
      // As the page session does: marks come out before the text is indexed again.
      engine.clear();
      const index = buildTextIndex(document.body);
      const ranges = [0, 12].map((s) => rangeFor(index, s, s + 8)!);
      engine.paintAll(new Map([['sensor', ranges]]));
    }
    expect(document.querySelectorAll('mark')).toHaveLength(2);
    expect(document.querySelectorAll('mark mark')).toHaveLength(0);
  });
});
