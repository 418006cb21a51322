// Category colours a raadslid can tell apart on the page: every pair of highlights, and each
// highlight and the white page, differ clearly (CIEDE2000) in normal vision and in simulated
// deuteranopia and protanopia; the text on each stays readable; the panel's swatches are the
// colours as painted; the page's default stylesheet paints the same palette.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS } from '@/lib/core/rules/schema';
import { PALETTE_COLOURS, textOn } from '@/lib/extension/settings/schema';
import { contrast, deltaE2000, hexToRgb, lab, over, simulate, type Rgb, type Vision } from '../../support/colour-vision';

const ROOT = path.resolve(__dirname, '../../../..');
const WHITE: Rgb = [255, 255, 255];
const PAGE_TEXT = hexToRgb('#1b1b1f');
/** The alpha highlightCss and highlights.css paint the standard palette with. */
const ALPHA = 0.55;
const MIN_DELTA_E = 11;
const VISIONS: Vision[] = ['normal', 'deuteranopia', 'protanopia'];

const painted = (id: (typeof CATEGORY_IDS)[number]) => over(hexToRgb(PALETTE_COLOURS.standard[id].fill), ALPHA, WHITE);
const hex = (c: Rgb) => '#' + c.map((x) => Math.round(x).toString(16).padStart(2, '0')).join('');

describe('the standard palette', () => {
  for (const vision of VISIONS) {
    it(`every pair of categories and the page differ by ΔE00 ≥ ${MIN_DELTA_E} (${vision})`, () => {
      const colours: Array<[string, Rgb]> = [...CATEGORY_IDS.map((id) => [id, painted(id)] as [string, Rgb]), ['pagina', WHITE]];
      const close: string[] = [];
      for (let i = 0; i < colours.length; i++)
        for (let j = i + 1; j < colours.length; j++) {
          const d = deltaE2000(lab(simulate(colours[i]![1], vision)), lab(simulate(colours[j]![1], vision)));
          if (d < MIN_DELTA_E) close.push(`${colours[i]![0]}/${colours[j]![0]} ${d.toFixed(1)}`);
        }
      expect(close).toEqual([]);
    });
  }

  it('the page’s text on each highlight keeps at least 4.5:1 (3:1 is the floor)', () => {
    for (const id of CATEGORY_IDS) expect(contrast(painted(id), PAGE_TEXT), id).toBeGreaterThanOrEqual(4.5);
  });

  it('the high-contrast palette keeps its black text at 7:1 or more', () => {
    for (const id of CATEGORY_IDS) {
      const { fill } = PALETTE_COLOURS['high-contrast'][id];
      expect(textOn(fill), id).toBe('#000000');
      expect(contrast(hexToRgb(fill), [0, 0, 0]), id).toBeGreaterThanOrEqual(7);
    }
  });

  it('the panel’s swatches (theme.css) are the colours as painted on the page', () => {
    const css = readFileSync(path.join(ROOT, 'components/common/theme.css'), 'utf8');
    for (const id of CATEGORY_IDS) {
      const m = new RegExp(`--cat-${id}:\\s*(#[0-9a-f]{6})`, 'i').exec(css);
      expect(m?.[1]?.toLowerCase(), id).toBe(hex(painted(id)));
    }
  });

  it('the page’s default stylesheet (highlights.css) paints the same fills', () => {
    const css = readFileSync(path.join(ROOT, 'entrypoints/content/highlights.css'), 'utf8');
    for (const id of CATEGORY_IDS) {
      const [r, g, b] = hexToRgb(PALETTE_COLOURS.standard[id].fill);
      expect(css, id).toContain(`::highlight(raadslens-${id})`);
      expect(new RegExp(`raadslens-${id}\\)\\s*\\{ background-color: rgb\\(${r} ${g} ${b} / ${ALPHA}\\)`).test(css), id).toBe(true);
    }
  });
});

describe('CIEDE2000 and the simulation', () => {
  it('matches the published test pairs (Sharma, Wu & Dalal 2005)', () => {
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
    expect(deltaE2000([50, -1.3802, -84.2814], [50, 0, -82.7485])).toBeCloseTo(1.0, 4);
    expect(deltaE2000([2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514])).toBeCloseTo(0.9082, 4);
  });

  it('makes red and green alike for deuteranopia and protanopia, and leaves grey grey', () => {
    const red: Rgb = [200, 60, 40];
    const green: Rgb = [90, 150, 40];
    const normal = deltaE2000(lab(red), lab(green));
    for (const v of ['deuteranopia', 'protanopia'] as const) expect(deltaE2000(lab(simulate(red, v)), lab(simulate(green, v)))).toBeLessThan(normal / 2);
    const grey = simulate([128, 128, 128], 'deuteranopia');
    for (const c of grey) expect(Math.abs(c - 128)).toBeLessThan(2);
  });
});
