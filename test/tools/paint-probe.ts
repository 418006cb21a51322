// Does a highlighted word show? The screenshot of its box with our highlights, and the same box
// with the page's highlight registry emptied for a moment: the pixels that differ are our paint.
// Used by test/bench/highlight-pixels.ts (both browsers) and the Firefox smoke.
import { createRequire } from 'node:module';

interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}
/** What both drivers' pages (Playwright, puppeteer) offer that this needs. */
export interface ProbePage {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  screenshot(): Promise<Uint8Array>;
}
/** Playwright's PNG codec (pngjs), so both drivers give a plain viewport picture that is cut here. */
const { PNG } = createRequire(import.meta.url)('playwright-core/lib/utilsBundle') as {
  PNG: { sync: { read(b: Buffer): { width: number; height: number; data: Buffer }; write(p: unknown): Buffer } };
};

export interface Cut {
  /** RGBA rows. */
  pixels: Buffer;
  png: Buffer;
}

/** The clip's pixels out of a viewport screenshot, and that clip as a PNG. */
function cut(shot: Uint8Array, clip: Clip): Cut {
  const img = PNG.sync.read(Buffer.from(shot));
  const x0 = Math.max(0, clip.x);
  const y0 = Math.max(0, clip.y);
  const w = Math.min(img.width - x0, clip.width);
  const h = Math.min(img.height - y0, clip.height);
  const pixels = Buffer.alloc(w * h * 4);
  for (let y = 0; y < h; y++) img.data.copy(pixels, y * w * 4, ((y0 + y) * img.width + x0) * 4, ((y0 + y) * img.width + x0 + w) * 4);
  const out = new (PNG as unknown as new (o: { width: number; height: number }) => { data: Buffer })({ width: w, height: h });
  pixels.copy(out.data);
  return { pixels, png: PNG.sync.write(out) };
}

/** The box of the first highlighted range whose text is `word` (shadow roots included), in page pixels. */
function boxOf(page: ProbePage, word: string): Promise<Clip | null> {
  return page.evaluate((w) => {
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('raadslens-')) continue;
      for (const r of h as unknown as Iterable<AbstractRange>) {
        const x = document.createRange();
        x.setStart(r.startContainer, r.startOffset);
        x.setEnd(r.endContainer, r.endOffset);
        if (x.toString().toLowerCase() !== w) continue;
        (r.startContainer.parentElement as Element).scrollIntoView({ block: 'center' });
        const b = x.getBoundingClientRect();
        return { x: Math.floor(b.left) - 2, y: Math.floor(b.top) - 2, width: Math.ceil(b.width) + 4, height: Math.ceil(b.height) + 6 };
      }
    }
    return null;
  }, word);
}

/** `word` (lower case) painted and bare, and how many of its pixels differ; null: not highlighted. */
export async function probePaint(page: ProbePage, word: string): Promise<{ painted: Cut; bare: Cut; changed: number } | null> {
  const clip = await boxOf(page, word);
  if (!clip) return null;
  await new Promise((r) => setTimeout(r, 300));
  const painted = cut(await page.screenshot(), clip);
  await page.evaluate(() => {
    const g = globalThis as unknown as { __saved?: Array<[string, Highlight]> };
    g.__saved = [...CSS.highlights];
    CSS.highlights.clear();
  }, null);
  await new Promise((r) => setTimeout(r, 300));
  const bare = cut(await page.screenshot(), clip);
  await page.evaluate(() => {
    const g = globalThis as unknown as { __saved?: Array<[string, Highlight]> };
    for (const [n, h] of g.__saved ?? []) CSS.highlights.set(n, h);
  }, null);
  let changed = 0;
  for (let i = 0; i < painted.pixels.length; i += 4) if (painted.pixels.readUInt32LE(i) !== bare.pixels.readUInt32LE(i)) changed++;
  return { painted, bare, changed };
}
