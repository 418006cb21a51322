// The settings' plain values (key, defaults, palettes, colour arithmetic) apart from their zod
// schemas (./schema.ts, which re-exports these): the content script needs them without zod.
import type { CategoryId } from '../../core/rules/ids';
import type { HighlightStyle, Settings } from './schema';

export const SETTINGS_KEY = 'settings';
export const MAX_OWN_TERMS = 200;

export const PALETTES = ['standard', 'high-contrast'] as const;
type Palette = (typeof PALETTES)[number];

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  version: 1,
  disabledCategories: [],
  ownTerms: [],
  highlight: { mode: 'background', palette: 'standard', colours: {} },
}) as Settings;

export function defaultSettings(): Settings {
  return structuredClone(DEFAULT_SETTINGS);
}

/** Per category: the fill and a darker line colour (the line keeps categories apart without colour vision). */
interface CategoryColours {
  fill: string;
  line: string;
}

export const PALETTE_COLOURS: Record<Palette, Record<CategoryId, CategoryColours>> = {
  // Chosen so that, painted at 55 % over a white page, every pair and the page itself stay apart
  // (CIEDE2000 ≥ 11) in normal vision and simulated deuteranopia and protanopia: the palette test.
  standard: {
    camera: { fill: '#c49501', line: '#584300' },
    algoritme: { fill: '#9ea4ff', line: '#474a73' },
    sensor: { fill: '#ffff98', line: '#737344' },
    tracking: { fill: '#8e5419', line: '#40260b' },
    biometrie: { fill: '#884e56', line: '#3d2327' },
    drone: { fill: '#b527ff', line: '#511273' },
    online: { fill: '#98a1b0', line: '#44484f' },
    data: { fill: '#c2aa87', line: '#574d3d' },
    cloud: { fill: '#6b5292', line: '#302542' },
    pilot: { fill: '#feff00', line: '#727300' },
  },
  // Opaque fills with black text and a black line: at least 7:1 whatever the page's colours.
  'high-contrast': {
    camera: { fill: '#ffeb3b', line: '#000000' },
    algoritme: { fill: '#4fc3f7', line: '#000000' },
    sensor: { fill: '#69f0ae', line: '#000000' },
    tracking: { fill: '#ff9e80', line: '#000000' },
    biometrie: { fill: '#ff80ab', line: '#000000' },
    drone: { fill: '#d1b3ff', line: '#000000' },
    online: { fill: '#18ffff', line: '#000000' },
    data: { fill: '#b2ff59', line: '#000000' },
    cloud: { fill: '#e0e0e0', line: '#000000' },
    pilot: { fill: '#eeff41', line: '#000000' },
  },
};

/** The colours a category is painted with under a style (the reader's own colour wins). */
export function coloursFor(style: HighlightStyle, category: CategoryId): CategoryColours {
  const base = PALETTE_COLOURS[style.palette][category];
  const own = style.colours[category];
  if (!own) return base;
  return { fill: own, line: style.palette === 'high-contrast' ? textOn(own) : darken(own) };
}

/** WCAG relative luminance of #rrggbb. */
export function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
}

/** Black or white, whichever contrasts more with the fill (an own colour may be dark). */
export function textOn(fill: string): '#000000' | '#ffffff' {
  const l = luminance(fill);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

/** A darker shade of #rrggbb for the underline (multiplies each channel). */
export function darken(hex: string, factor = 0.45): string {
  const n = parseInt(hex.slice(1), 16);
  const ch = (shift: number) => Math.round(((n >> shift) & 255) * factor);
  return '#' + [16, 8, 0].map((s) => ch(s).toString(16).padStart(2, '0')).join('');
}
