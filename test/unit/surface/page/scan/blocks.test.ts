import { describe, expect, it } from 'vitest';
import { BlockIndex } from '@/lib/surface/page/scan/blocks';
import { buildTextIndex, rangeFor } from '@/lib/surface/page/scan/text-index';
import { isPageChrome } from '@/lib/surface/page/scan/main-content';

function main(html: string): HTMLElement {
  document.body.innerHTML = `<main>${html}</main>`; // test fixture, not page text from the wild
  return document.querySelector('main')!;
}

/** MutationRecords for whatever `change` does, taken synchronously. */
function recordsOf(root: Node, change: () => void): MutationRecord[] {
  const observer = new MutationObserver(() => {});
  observer.observe(root, { childList: true, characterData: true, subtree: true });
  change();
  const records = observer.takeRecords();
  observer.disconnect();
  return records;
}

const texts = (index: BlockIndex) => index.blocks.map((b) => b.index.text.trim());
const agenda = (n: number) => Array.from({ length: n }, (_, i) => `<li>Agendapunt ${i + 1}: bespreking van de begroting en het cameratoezicht</li>`).join('');

describe('BlockIndex', () => {
  it('splits a page of more text nodes than one step of the split hands out, in page order', () => {
    const root = main(Array.from({ length: 3000 }, (_, i) => `<p>Punt ${i}: <b>camera</b></p>`).join(''));
    const index = new BlockIndex(root);
    index.buildNow();
    const deep = index.blocks.filter((b) => !b.shallow);
    expect(deep.map((b) => b.index.text)).toEqual(Array.from({ length: 3000 }, (_, i) => `Punt ${i}: camera`));
    expect(deep.every((b, i) => b.root === root.children[i])).toBe(true);
    expect(index.nodeCount).toBe(6000);
  });

  it('ownersOf says for many nodes at once what ownerOf says for each: blocks, chrome, hidden, shadow roots and outside the root', () => {
    document.body.innerHTML = '<header><a href="/x">Menu</a></header><main></main><footer><a href="/y">Voet</a></footer>';
    const root = document.querySelector('main')!;
    // Test fixture, not page text from the wild.
    root.innerHTML =
      '<section><h2>Agenda</h2><ul>' + agenda(40).replace(/bespreking/g, '<a href="/d.pdf">bespreking</a>') + '</ul></section>' +
      '<nav class="menu"><ul><li><a href="/m">Menu</a></li></ul></nav><div hidden><p><a href="/h">weg</a></p></div>' +
      '<div id="host"></div><p>los <a href="/l">link</a> <em>en <b>diep</b></em></p>' + '<article>' + 'Lange tekst over camera’s. '.repeat(300) + '<a href="/lang">bijlage</a></article>';
    root.querySelector('#host')!.attachShadow({ mode: 'open' }).innerHTML = '<p>in de schaduw <a href="/s">link</a></p>';
    const index = new BlockIndex(root, { maxBlockChars: 600, exclude: (el) => el.matches('nav.menu') });
    index.buildNow();
    const all: Node[] = [];
    const collect = (n: Node) => {
      all.push(n);
      const shadow = (n as Element).shadowRoot;
      if (shadow) collect(shadow);
      for (const c of n.childNodes) collect(c);
    };
    collect(document.documentElement);
    expect(all.length).toBeGreaterThan(200);
    const one = all.map((n) => index.ownerOf(n));
    expect(new Set(one).size).toBeGreaterThan(10);
    expect(one).toContain(null);
    expect(index.ownersOf(all)).toEqual(one);
    // Leaves first, then their ancestors (what is remembered is reused in any order).
    const reversed = [...all].reverse();
    expect(index.ownersOf(reversed)).toEqual(reversed.map((n) => index.ownerOf(n)));
  });

  it('keeps a small page as the root block plus one block per small element', () => {
    const root = main('<p>Eén</p><p>Twee</p>');
    const index = new BlockIndex(root, { maxBlockChars: 10 });
    index.buildNow();
    expect(texts(index)).toEqual(['', 'Eén', 'Twee']);
    expect(index.blocks[0]!.shallow).toBe(true);
  });

  it('splits large containers into small blocks and keeps loose text in a shallow block', () => {
    const root = main(`<h1>Agenda</h1><ol>${agenda(30)}</ol>los tekst`);
    const index = new BlockIndex(root, { maxBlockChars: 200 });
    index.buildNow();
    expect(index.blocks.length).toBe(1 + 1 + 30);
    expect(index.blocks[0]!.index.text).toContain('los tekst');
    expect(index.blocks.every((b) => b.index.text.length <= 200 || b.shallow)).toBe(true);
    // Together the blocks hold exactly the flat index's text nodes.
    const flat = buildTextIndex(root);
    expect(index.nodeCount).toBe(flat.nodes.length);
    // Each block maps offsets back to ranges of its own nodes.
    const b = index.blocks[5]!;
    const at = b.index.text.indexOf('cameratoezicht');
    expect(rangeFor(index.nodesOf(b)!, at, at + 14)?.toString()).toBe('cameratoezicht');
  });

  it('indexes an appended agenda item alone', async () => {
    const root = main(`<ol>${agenda(50)}</ol>`);
    const index = new BlockIndex(root, { maxBlockChars: 300 });
    index.buildNow();
    const before = index.blocks.length;
    const ol = root.querySelector('ol')!;
    const records = recordsOf(root, () => {
      const li = document.createElement('li');
      li.textContent = 'Agendapunt 51: motie over wifitracking';
      ol.append(li);
    });
    const change = index.apply(records);
    expect(change).not.toBe('rebuild');
    if (change === 'rebuild') return;
    expect(change.removed).toEqual([]);
    expect(change.added.map((b) => b.index.text.trim())).toEqual(['Agendapunt 51: motie over wifitracking']);
    expect(index.blocks.length).toBe(before + 1);
    expect(index.blocks.at(-1)!.index.text).toContain('wifitracking');
  });

  it('re-indexes only the block whose text changed, and drops removed blocks', async () => {
    const root = main(`<ol>${agenda(20)}</ol>`);
    const index = new BlockIndex(root, { maxBlockChars: 300 });
    index.buildNow();
    const items = root.querySelectorAll('li');
    const edit = recordsOf(root, () => {
      (items[3]!.firstChild as Text).data = 'Agendapunt 4: drones boven de markt';
    });
    const c1 = index.apply(edit);
    if (c1 === 'rebuild') throw new Error('rebuild');
    expect(c1.removed).toHaveLength(1);
    expect(c1.added.map((b) => b.index.text.trim())).toEqual(['Agendapunt 4: drones boven de markt']);
    const count = index.blocks.length;
    const gone = recordsOf(root, () => items[7]!.remove());
    const c2 = index.apply(gone);
    if (c2 === 'rebuild') throw new Error('rebuild');
    expect(c2.removed.map((b) => b.root)).toContain(items[7]);
    expect(index.blocks.length).toBe(count - 1);
  });

  it('ignores changes in page chrome, form fields and editors inside the main content', async () => {
    const root = main('<nav><span>menu</span></nav><div contenteditable="true"><p>x</p></div><p>tekst</p>');
    const index = new BlockIndex(root, { exclude: isPageChrome });
    index.buildNow();
    const records = recordsOf(root, () => {
      root.querySelector('nav span')!.textContent = 'tracking cookies';
      root.querySelector('[contenteditable] p')!.textContent = 'camera camera';
    });
    const change = index.apply(records);
    expect(change).toEqual({ removed: [], added: [] });
  });

  it('asks for a rebuild when the root itself is gone', async () => {
    const root = main('<p>x</p>');
    const index = new BlockIndex(root);
    index.buildNow();
    const records = recordsOf(document.body, () => {
      document.body.innerHTML = '<main><p>nieuw</p></main>';
    });
    expect(index.apply(records)).toBe('rebuild');
  });

  it('splits a block that outgrew the limit, so later appends stay small', async () => {
    const root = main('<section><ul><li>begin</li></ul></section>');
    const index = new BlockIndex(root, { maxBlockChars: 100 });
    index.buildNow();
    const ul = root.querySelector('ul')!;
    const grow = recordsOf(root, () => {
      for (let i = 0; i < 10; i++) {
        const li = document.createElement('li');
        li.textContent = `Agendapunt ${i} over de begroting`;
        ul.append(li);
      }
    });
    const c = index.apply(grow);
    if (c === 'rebuild') throw new Error('rebuild');
    expect(index.blocks.filter((b) => !b.shallow).every((b) => b.index.text.length <= 100)).toBe(true);
    const one = recordsOf(root, () => {
      const li = document.createElement('li');
      li.textContent = 'Agendapunt laatste';
      ul.append(li);
    });
    const c2 = index.apply(one);
    if (c2 === 'rebuild') throw new Error('rebuild');
    expect(c2.added.map((b) => b.index.text.trim())).toEqual(['Agendapunt laatste']);
  });

  it('stops at the character budget and says so', () => {
    const root = main(`<ol>${agenda(100)}</ol>`);
    const index = new BlockIndex(root, { maxChars: 1000, maxBlockChars: 200 });
    index.buildNow();
    expect(index.truncated).toBe(true);
    expect(index.chars).toBeLessThanOrEqual(1000);
  });
});

describe('open shadow roots and slots', () => {
  it('indexes text in open shadow roots and slotted light children, in rendered order', () => {
    const root = main('<div id="host"><span slot="titel">Slimme camera</span><em>niet geslot</em></div><p>na</p>');
    const host = root.querySelector('#host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<h2><slot name="titel"></slot></h2><p>Het model gebruikt gezichtsherkenning.</p>';
    const seen: ShadowRoot[] = [];
    const index = buildTextIndex(root, { onShadowRoot: (s) => seen.push(s) });
    expect(seen).toEqual([shadow]);
    expect(index.text).toContain('Het model gebruikt gezichtsherkenning.');
    expect(index.text.indexOf('Slimme camera')).toBeLessThan(index.text.indexOf('gezichtsherkenning'));
    expect(index.text).not.toContain('niet geslot');
    expect(index.text.trim().endsWith('na')).toBe(true);
    const at = index.text.indexOf('gezichtsherkenning');
    expect(rangeFor(index, at, at + 18)?.toString()).toBe('gezichtsherkenning');
  });

  it('enters the open shadow roots of custom elements and of every kind of element that can host one', () => {
    // The walk asks only these for a shadow root (attachShadow allows no other).
    const hosts = ['x-kaart', 'article', 'aside', 'blockquote', 'div', 'footer', 'h2', 'header', 'main', 'nav', 'p', 'section', 'span'];
    const root = main(hosts.map((t, i) => `<${t} id="h${i}"></${t}>`).join(''));
    hosts.forEach((_, i) => (root.querySelector(`#h${i}`)!.attachShadow({ mode: 'open' }).innerHTML = `<p>schaduw${i}</p>`));
    const text = buildTextIndex(root).text;
    hosts.forEach((t, i) => expect(text, t).toContain(`schaduw${i}`));
  });

  it('leaves closed shadow roots alone and never reads form fields inside a shadow root', () => {
    const root = main('<div id="a"></div><div id="b"></div>');
    root.querySelector('#a')!.attachShadow({ mode: 'closed' }).innerHTML = '<p>geheim</p>';
    root.querySelector('#b')!.attachShadow({ mode: 'open' }).innerHTML = '<textarea>camera</textarea><p>open</p>';
    const text = buildTextIndex(root).text;
    expect(text).not.toContain('geheim');
    expect(text).not.toContain('camera');
    expect(text).toContain('open');
  });
});

describe('added editors and form fields', () => {
  it('never indexes an added contenteditable block or textarea', () => {
    const root = main('<p>tekst</p>');
    const index = new BlockIndex(root);
    index.buildNow();
    const records = recordsOf(root, () => {
      const box = document.createElement('div');
      box.setAttribute('contenteditable', 'true');
      box.textContent = 'gezichtsherkenning';
      const area = document.createElement('textarea');
      area.value = 'wifitracking';
      root.append(box, area);
    });
    const change = index.apply(records);
    if (change === 'rebuild') throw new Error('rebuild');
    expect(change.added.map((b) => b.index.text).join('')).not.toContain('gezichtsherkenning');
    expect(index.blocks.map((b) => b.index.text).join('')).not.toMatch(/gezichtsherkenning|wifitracking/);
  });
});

describe('partition invariants on random pages', () => {
  // A small deterministic generator: nested block and inline elements, chrome, skipped tags,
  // hidden subtrees, text with and without blanks at the edges.
  const TAGS = ['p', 'div', 'span', 'b', 'li', 'ul', 'td', 'tr', 'table', 'section', 'nav', 'script', 'br', 'em', 'article', 'h2', 'aside', 'textarea'];
  const WORDS = ['camera', 'toezicht ', ' ', '\n', 'ANPR-', "camera's", 'lange tekst lange tekst ', ''];
  function page(seed: number): string {
    let s = seed;
    const r = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff), s / 0x7fffffff);
    const build = (depth: number): string => {
      let out = '';
      for (let n = Math.floor(r() * 5); n > 0; n--) {
        if (r() < 0.4 || depth > 5) out += WORDS[Math.floor(r() * WORDS.length)]!.repeat(1 + Math.floor(r() * 8));
        else {
          const t = TAGS[Math.floor(r() * TAGS.length)]!;
          const attrs = r() < 0.1 ? ' hidden' : r() < 0.1 ? ' class="cookie-banner"' : '';
          out += t === 'br' ? '<br>' : `<${t}${attrs}>${build(depth + 1)}</${t}>`;
        }
      }
      return out;
    };
    return build(0) + build(0);
  }

  it('gives every indexed text node one block, in document order, with the flat text between its nodes (found again by nodesOf)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const root = main(page(seed));
      const maxBlockChars = [10, 40, 200, 4000][seed % 4]!;
      // Every node held, none, or some: what nodesOf gives is the same.
      const holdNodes = [undefined, 0, 20][seed % 3];
      const index = new BlockIndex(root, { exclude: isPageChrome, maxBlockChars, holdNodes });
      index.buildNow();
      const flat = buildTextIndex(root, { exclude: isPageChrome });
      const at = new Map(flat.nodes.map((n, i) => [n, i]));
      const seen = new Set<Text>();
      const nodesOf = new Map(index.blocks.map((b) => [b, index.nodesOf(b)!.nodes]));
      for (const b of index.blocks) {
        const found = index.nodesOf(b);
        expect(found, `seed ${seed}: block's nodes not found again`).not.toBeNull();
        // The block's own offsets, not a walk's of its own: the nodes held, or the same nodes found.
        expect(found!.starts, `seed ${seed}`).toBe(b.index.starts);
        if (holdNodes === undefined) expect(found, `seed ${seed}`).toBe(b.index);
        const { text, starts } = b.index;
        const { nodes } = found!;
        let expected = '';
        nodes.forEach((node, k) => {
          expect(seen.has(node), `seed ${seed}: a node in two blocks`).toBe(false);
          seen.add(node);
          const i = at.get(node)!;
          // A line break between two nodes exactly where the flat text has one between them.
          if (k > 0) {
            const prev = at.get(nodes[k - 1]!)!;
            if (flat.starts[i]! > flat.starts[prev]! + flat.nodes[prev]!.data.length) expected += '\n';
          }
          expect(starts[k], `seed ${seed}`).toBe(expected.length);
          expect(b.index.lengths[k], `seed ${seed}`).toBe(node.data.length);
          expected += node.data;
        });
        expect(text, `seed ${seed}`).toBe(expected);
        if (!b.shallow) expect(text.length <= maxBlockChars || b.root === root, `seed ${seed}: deep block too large`).toBe(true);
      }
      expect(seen.size, `seed ${seed}`).toBe(flat.nodes.length);
      const order = index.blocks.flatMap((b) => nodesOf.get(b)!).map((n) => at.get(n)!);
      // Deep blocks come in document order of their roots; their nodes are runs of the flat order.
      for (const b of index.blocks.filter((x) => !x.shallow)) {
        const ids = nodesOf.get(b)!.map((n) => at.get(n)!);
        ids.forEach((id, k) => k > 0 && expect(id, `seed ${seed}`).toBe(ids[k - 1]! + 1));
      }
      expect(new Set(order).size).toBe(order.length);
      // Blocks in document order of their roots (a container before what it contains).
      for (let k = 1; k < index.blocks.length; k++) {
        const pos = index.blocks[k - 1]!.root.compareDocumentPosition(index.blocks[k]!.root);
        expect(pos & (Node.DOCUMENT_POSITION_FOLLOWING | Node.DOCUMENT_POSITION_CONTAINED_BY), `seed ${seed}: block ${k} out of order`).not.toBe(0);
      }
    }
  });
});

describe('a page that changes under a paused walk', () => {
  const page = () => main(Array.from({ length: 400 }, (_, i) => `<p>punt ${i} <b>camera</b></p>`).join(''));

  it('marks the index incomplete when the walk lost its place, and complete otherwise', () => {
    const root = page();
    const calm = new BlockIndex(root, { maxBlockChars: 50 });
    calm.buildNow();
    expect(calm.incomplete).toBe(false);
    expect(calm.blocks.map((b) => b.index.text).join(' ')).toContain('punt 399');

    const index = new BlockIndex(root, { maxBlockChars: 50 });
    const steps = index.build();
    steps.next(); // paused after the first WALK_YIELD_EVERY nodes
    const ps = root.querySelectorAll('p');
    for (let i = 120; i < 200; i++) ps[i]!.remove();
    for (let r = steps.next(); !r.done; r = steps.next());
    expect(index.incomplete).toBe(true);
  });
});
