// The page walk held to its definition: the same events in the same order as a recursive walk on
// random trees with comments, empty and skipped elements, and where it ends when the page changes
// the tree during a pause.
import { drain } from '@/lib/core/steps';
import { describe, expect, it } from 'vitest';
import { isBlockElement, skipsElement, walkText, WALK_YIELD_EVERY, type WalkSink } from '@/lib/surface/page/scan/text-index';
import { rng } from '../../../core/match/rng';

/** A sink that writes every event down: text by the node's data, blocks by tag name. */
function recorder(): WalkSink & { events: string[] } {
  const events: string[] = [];
  return {
    events,
    text: (node) => (events.push(`t:${node.data}`), true),
    lineBreak: () => void events.push('br'),
    enterBlock: (el) => void events.push(`<${el.tagName}`),
    leaveBlock: (el) => void events.push(`${el.tagName}>`),
    lostPlace: () => void events.push('lost'),
  };
}

/** The walk as the definition says it, recursively over childNodes (trees here are shallow). */
function reference(node: Node, sink: WalkSink): void {
  for (const child of node.childNodes) {
    if (child.nodeType === 3) sink.text(child as Text);
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    const block = isBlockElement(el);
    if (skipsElement(el)) {
      if (block) sink.lineBreak();
      continue;
    }
    if (block) {
      sink.lineBreak();
      sink.enterBlock!(el);
    }
    reference(el, sink);
    if (block) {
      sink.leaveBlock!(el);
      sink.lineBreak();
    }
  }
}

const TAGS = ['div', 'p', 'span', 'b', 'td', 'li', 'script', 'section', 'em', 'br', 'a'];

function randomTree(doc: Document, random: () => number, depth: number, parent: Node): void {
  const n = Math.floor(random() * 5);
  for (let i = 0; i < n; i++) {
    const r = random();
    if (r < 0.3) parent.appendChild(doc.createTextNode(`w${Math.floor(random() * 1000)}`));
    else if (r < 0.45) parent.appendChild(doc.createComment('c'));
    else if (r < 0.5) parent.appendChild(doc.createTextNode(''));
    else {
      const el = doc.createElement(TAGS[Math.floor(random() * TAGS.length)]!);
      if (random() < 0.05) el.setAttribute('hidden', '');
      parent.appendChild(el);
      if (depth < 6 && el.tagName !== 'BR') randomTree(doc, random, depth + 1, el);
    }
  }
}

describe('walkText', () => {
  it('gives the events of the walk by definition on 300 random trees with comments, empty and skipped elements', () => {
    const random = rng(17);
    for (let k = 0; k < 300; k++) {
      document.body.replaceChildren();
      const root = document.createElement('main');
      document.body.append(root);
      randomTree(document, random, 0, root);
      const got = recorder();
      drain(walkText(root, {}, got));
      const want = recorder();
      reference(root, want);
      expect(got.events, `tree ${k}: ${root.outerHTML}`).toEqual(want.events);
    }
  });

  /** A page of `count` paragraphs in sections of ten, each paragraph with a comment and a text node. */
  function longPage(count: number): HTMLElement {
    document.body.replaceChildren();
    const root = document.createElement('main');
    for (let s = 0; s < count / 10; s++) {
      const section = document.createElement('section');
      for (let p = 0; p < 10; p++) {
        const para = document.createElement('p');
        para.append(document.createComment('x'), document.createTextNode(`p${s * 10 + p}`));
        section.append(para);
      }
      root.append(section);
    }
    document.body.append(root);
    return root;
  }

  /** Runs the walk to its first pause, lets `change` alter the page, then runs it to its end. */
  function pausedWalk(root: Node, change: (lastText: string) => void): string[] {
    const sink = recorder();
    const steps = walkText(root, {}, sink);
    expect(steps.next().done).toBe(false);
    const texts = sink.events.filter((e) => e.startsWith('t:'));
    change(texts[texts.length - 1]!.slice(2));
    drain(steps);
    return sink.events;
  }

  it('pauses every WALK_YIELD_EVERY nodes and, with nothing changed, gives the events of one run', () => {
    const root = longPage(400);
    const once = recorder();
    drain(walkText(root, {}, once));
    expect(pausedWalk(root, () => {})).toEqual(once.events);
    expect(once.events.filter((e) => e.startsWith('t:'))).toHaveLength(400);
    expect(400 * 2 + 40).toBeGreaterThan(WALK_YIELD_EVERY);
  });

  it('reads what the page adds ahead of the walk during a pause, and leaves out what it removes ahead', () => {
    const root = longPage(400);
    const events = pausedWalk(root, () => {
      root.lastElementChild!.remove();
      const p = document.createElement('p');
      p.textContent = 'nieuw';
      root.append(p);
    });
    const texts = events.filter((e) => e.startsWith('t:'));
    expect(texts).toHaveLength(391);
    expect(texts.at(-1)).toBe('t:nieuw');
    expect(events).not.toContain('lost');
  });

  it('when the page removes the section the walk is in, reads on to that section\'s end, closes the open blocks and says it lost its place', () => {
    const root = longPage(400);
    let gone = '';
    const events = pausedWalk(root, (last) => {
      const para = [...root.querySelectorAll('p')].find((p) => p.textContent === last)!;
      gone = para.parentElement!.lastElementChild!.textContent!;
      para.parentElement!.remove();
    });
    const texts = events.filter((e) => e.startsWith('t:'));
    // The walk stood in the removed section (at the paragraph after the last text read, or in its
    // comment): it finishes that section, and nothing after it.
    expect(texts.at(-1)).toBe(`t:${gone}`);
    expect(events.at(-1)).toBe('lost');
    expect(events.filter((e) => e === '<SECTION').length).toBe(events.filter((e) => e === 'SECTION>').length);
    expect(events.filter((e) => e === '<MAIN').length).toBe(0);
  });
});
