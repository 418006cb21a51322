import { drain } from '@/lib/core/steps';
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '@/lib/core/analyse';
import { asPageScanner } from '@/lib/core/analyse/match-service';
import { loadBuiltinRules } from '@/lib/core/rules';
import { BlockIndex } from '@/lib/surface/page/scan/blocks';
import { buildTextIndex, rangeFor, rangesFor, type NodeIndex } from '@/lib/surface/page/scan/text-index';
import { analyseAll, noPhases, type BlockData, type FrameScanContext } from '@/lib/surface/page/session/frame-scan';

function main(html: string): HTMLElement {
  document.body.innerHTML = `<main>${html}</main>`; // test fixture, not page text from the wild
  return document.querySelector('main')!;
}

/** The text a Range of `nodes` gives for [start, end) of the block's text. */
function textAt(nodes: NodeIndex | null, start: number, end: number): string | null {
  return nodes ? (rangeFor(nodes, start, end)?.toString() ?? null) : null;
}

const blockWith = <T>(index: BlockIndex<T>, words: string) => index.blocks.find((b) => b.index.text.includes(words))!;

describe('BlockIndex.nodesOf: a block that holds no Text nodes has them found again by a walk of the block', () => {
  it('finds the nodes of deep and shallow blocks, with the offsets the index has, through shadow roots and slots', () => {
    const root = main(
      '<h1>Agenda</h1>los <b>tekst</b> van de raad' +
        '<ol>' + Array.from({ length: 20 }, (_, i) => `<li>Punt ${i}: <em>het</em> cameratoezicht</li>`).join('') + '</ol>' +
        '<div id="host"><span slot="t">Slimme camera</span></div><p>na</p>',
    );
    root.querySelector('#host')!.attachShadow({ mode: 'open' }).innerHTML = '<h2><slot name="t"></slot></h2><p>Het model gebruikt gezichtsherkenning.</p>';
    const index = new BlockIndex(root, { maxBlockChars: 200, holdNodes: 0 });
    index.buildNow();
    expect(index.blocks.some((b) => b.shallow)).toBe(true);
    const flat = buildTextIndex(root);
    const found = index.blocks.map((b) => index.nodesOf(b));
    expect(found.every((f) => f !== null)).toBe(true);
    // Every text node of the flat index in exactly one block.
    expect(new Set(found.flatMap((f) => f!.nodes))).toEqual(new Set(flat.nodes));
    for (const [i, b] of index.blocks.entries()) {
      const f = found[i]!;
      expect(f.starts).toBe(b.index.starts);
      f.nodes.forEach((n, k) => expect(n.data).toBe(b.index.text.slice(b.index.starts[k], b.index.starts[k]! + b.index.lengths[k]!)));
    }
    for (const word of ['cameratoezicht', 'gezichtsherkenning', 'Slimme camera', 'los tekst']) {
      const b = blockWith(index, word);
      const at = b.index.text.indexOf(word);
      expect(textAt(index.nodesOf(b), at, at + word.length)).toBe(word);
    }
  });

  it('finds nothing where the text changed since the walk (changed, removed, inserted node): no range over other text', () => {
    const root = main('<p>De pilot met <b>bodycams</b> start in maart.</p><p>Een motie over drones.</p>');
    const index = new BlockIndex(root, { maxBlockChars: 100, holdNodes: 0 });
    index.buildNow();
    const p = root.querySelectorAll('p');
    const first = blockWith(index, 'bodycams');
    const second = blockWith(index, 'drones');

    (p[0]!.querySelector('b')!.firstChild as Text).data = 'scooters';
    expect(index.nodesOf(first)).toBeNull();
    expect(textAt(index.nodesOf(second), 15, 21)).toBe('drones');

    // The same length, other letters: still not the text indexed.
    (p[0]!.querySelector('b')!.firstChild as Text).data = 'bodycaps';
    expect(index.nodesOf(first)).toBeNull();
    (p[0]!.querySelector('b')!.firstChild as Text).data = 'bodycams';
    expect(index.nodesOf(first)).not.toBeNull();

    p[1]!.firstChild!.remove();
    expect(index.nodesOf(second)).toBeNull();

    p[0]!.insertBefore(document.createTextNode('Nieuw: '), p[0]!.firstChild);
    expect(index.nodesOf(first)).toBeNull();
  });

  it('text added after the indexed nodes moves no offset: the nodes are found, the ranges give the text indexed', () => {
    const root = main('<p>De pilot met <b>bodycams</b> start.</p>');
    const index = new BlockIndex(root, { holdNodes: 0 });
    index.buildNow();
    root.querySelector('p')!.append(' Daarna drones.');
    const b = blockWith(index, 'bodycams');
    const at = b.index.text.indexOf('bodycams');
    expect(textAt(index.nodesOf(b), at, at + 8)).toBe('bodycams');
  });

  it('finds the same text in split nodes (a painter that wraps matches in <mark>s) by the walk’s own offsets', () => {
    const root = main('<p>De pilot met bodycams start in maart, en daarna drones.</p>');
    const index = new BlockIndex(root, { holdNodes: 0 });
    index.buildNow();
    const b = index.blocks.find((x) => !x.shallow)!;
    const text = root.querySelector('p')!.firstChild as Text;
    const at = b.index.text.indexOf('bodycams');
    const piece = text.splitText(at);
    piece.splitText(8);
    const mark = document.createElement('mark');
    piece.replaceWith(mark);
    mark.append(piece);
    const found = index.nodesOf(b);
    expect(found?.nodes).toHaveLength(3);
    expect(textAt(found, at, at + 8)).toBe('bodycams');
    const drones = b.index.text.indexOf('drones');
    expect(textAt(found, drones, drones + 6)).toBe('drones');
  });

  it('a block truncated by the character budget: its nodes are found, not the ones after it', () => {
    const root = main('<p>Eerst de begroting.</p><p>Dan het cameratoezicht.</p><p>Dit valt erbuiten.</p>');
    const index = new BlockIndex(root, { maxChars: 45, holdNodes: 0 });
    index.buildNow();
    expect(index.truncated).toBe(true);
    for (const b of index.blocks) {
      const f = index.nodesOf(b);
      expect(f).not.toBeNull();
      expect(f!.nodes.map((n) => n.data).join('|')).not.toContain('erbuiten');
    }
  });

  it('after the records are applied, the re-indexed block is found again', () => {
    const root = main('<p>De pilot met <b>bodycams</b>.</p><p>Iets anders.</p>');
    const index = new BlockIndex(root, { holdNodes: 0 });
    index.buildNow();
    const observer = new MutationObserver(() => {});
    observer.observe(root, { childList: true, characterData: true, subtree: true });
    (root.querySelector('b')!.firstChild as Text).data = 'drones en bodycams';
    const records = observer.takeRecords();
    observer.disconnect();
    expect(index.nodesOf(blockWith(index, 'bodycams'))).toBeNull();
    expect(index.apply(records)).not.toBe('rebuild');
    const b = blockWith(index, 'drones en bodycams');
    const at = b.index.text.indexOf('drones');
    expect(textAt(index.nodesOf(b), at, at + 6)).toBe('drones');
  });
});

describe('ranges of matches, made from the nodes found again', () => {
  const analyser = asPageScanner(createAnalyser(loadBuiltinRules()));
  const ctx = (): FrameScanContext => ({
    analyser: () => analyser,
    makeRange: (s, so, e, eo) => {
      const r = document.createRange();
      r.setStart(s, so);
      r.setEnd(e, eo);
      return r;
    },
    maxChars: 1_000_000,
    onShadowRoot: () => {},
  });

  it('a block whose text changed between the walk and its ranges gets none; the others are painted over their own text', () => {
    const root = main('<p>De pilot met <b>bodycams</b> start in maart.</p><p>Een proef met <i>gezichtsherkenning</i> op straat.</p>');
    const index = new BlockIndex<BlockData>(root, { maxBlockChars: 100, holdNodes: 0 });
    const blocks = index.buildNow();
    // The page changes after the walk, before the matches are turned into ranges.
    (root.querySelector('b')!.firstChild as Text).data = 'scooters';
    drain(analyseAll(index, blocks, ctx(), noPhases()) as Generator<void, void, void>);
    const changed = blockWith(index, 'bodycams');
    const kept = blockWith(index, 'gezichtsherkenning');
    expect(changed.data!.found.matches.length).toBeGreaterThan(0);
    expect(changed.data!.found.ranges.every((r) => r === null)).toBe(true);
    const texts = kept.data!.found.ranges.map((r) => (r as Range).toString().toLowerCase());
    expect(texts).toContain('gezichtsherkenning');
    expect(texts).toEqual(kept.data!.found.matches.map((m) => kept.index.text.slice(m.start, m.end).toLowerCase()));
  });

  it('ranges from nodes found again are the ranges from nodes held since the walk', () => {
    const root = main(Array.from({ length: 30 }, (_, i) => `<p>Punt ${i}: <em>de</em> pilot met <b>bodycams</b> en ${i % 3 ? 'drones' : 'de begroting'}.</p>`).join(''));
    const tuples = (holdNodes?: number) => {
      const index = new BlockIndex<BlockData>(root, { maxBlockChars: 100, holdNodes });
      const blocks = index.buildNow();
      drain(analyseAll(index, blocks, ctx(), noPhases()) as Generator<void, void, void>);
      return { index, ranges: index.blocks.map((b) => (b.data?.found.ranges ?? []).map((r) => r && [r.startContainer, r.startOffset, r.endContainer, r.endOffset])) };
    };
    const held = tuples();
    const found = tuples(0);
    expect(held.index.blocks.every((b) => b.index.nodes)).toBe(true);
    expect(found.index.blocks.some((b) => b.index.nodes?.length)).toBe(false);
    expect(found.ranges).toEqual(held.ranges);
    expect(held.ranges.flat().length).toBeGreaterThan(30);
    expect(held.ranges.flat().every((r) => r !== null)).toBe(true);
  });
});

describe('BlockIndex: Text nodes held within holdNodes, with the elements of the walk and the block roots; the rest found again', () => {
  const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => `<p>Punt ${i}: <em>het</em> cameratoezicht</p>`).join('');
  const heldNodes = (index: BlockIndex) => index.blocks.reduce((a, b) => a + (b.index.nodes?.length ?? 0), 0);

  it('a page of few nodes holds them all: nodesOf gives them without a walk', () => {
    const root = main(paragraphs(20));
    const index = new BlockIndex(root, { maxBlockChars: 100 });
    index.buildNow();
    expect(index.blocks.every((b) => b.index.nodes?.length === b.index.lengths.length)).toBe(true);
    for (const b of index.blocks) expect(index.nodesOf(b)).toBe(b.index);
  });

  it('beyond the hold the first blocks hold their nodes, the others are found again, the same nodes', () => {
    const root = main(paragraphs(30));
    const flat = buildTextIndex(root);
    // 60 elements (<p>, <em>): the walk holds the first 20 of the 90 Text nodes.
    const index = new BlockIndex(root, { maxBlockChars: 100, holdNodes: 80 });
    index.buildNow();
    // The main root's block (its loose text: none) and one per paragraph; 6 of them within the 20.
    expect(index.blocks).toHaveLength(31);
    expect(heldNodes(index)).toBe(18);
    expect(index.blocks.map((b) => !!b.index.nodes)).toEqual(Array.from({ length: 31 }, (_, i) => i < 7));
    expect(index.blocks.flatMap((b) => index.nodesOf(b)!.nodes)).toEqual(flat.nodes);
  });

  it('blocks that come later hold their nodes only while there is room', () => {
    const root = main(paragraphs(10));
    // 20 elements: the walk holds 26 Text nodes, 8 blocks' worth.
    const index = new BlockIndex(root, { maxBlockChars: 100, holdNodes: 46 });
    index.buildNow();
    expect(heldNodes(index)).toBe(24);
    const observer = new MutationObserver(() => {});
    observer.observe(root, { childList: true, characterData: true, subtree: true });
    root.insertAdjacentHTML('beforeend', paragraphs(4).replace(/Punt/g, 'Nieuw'));
    const change = index.apply(observer.takeRecords());
    observer.disconnect();
    expect(change).not.toBe('rebuild');
    const added = (change as { added: Array<{ index: { nodes?: Text[] } }> }).added;
    // 46 − 24 held − 11 roots − its own: room for the first two (3 nodes each), not the others.
    expect(added.map((b) => !!b.index.nodes)).toEqual([true, true, false, false]);
    expect(heldNodes(index)).toBe(30);
    for (const b of index.blocks) expect(index.nodesOf(b)?.nodes.map((n) => n.data).join('')).toBe(b.index.text);
  });
});
