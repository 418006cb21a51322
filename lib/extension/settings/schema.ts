// What the reader sets in the options page and the content script needs on every page:
// categories switched off, own terms, and how highlights look. Kept in storage.local (not in
// our IndexedDB) because a content script runs with the page's origin and cannot open that.
import { z } from 'zod';
import { CATEGORY_IDS, CategoryIdSchema, OwnTermSchema, type CategoryId } from '../../core/rules/schema';

export const SETTINGS_KEY = 'settings';
export const MAX_OWN_TERMS = 200;

/** Only #rrggbb: the colour goes into a generated stylesheet, so nothing else may get in. */
export const HexColourSchema = z.string().regex(/^#[0-9a-f]{6}$/i, 'een kleur is #rrggbb');

export const PALETTES = ['standard', 'high-contrast'] as const;
export type Palette = (typeof PALETTES)[number];

export const HighlightStyleSchema = z.strictObject({
  /** Coloured background with a thin underline, or only a thick underline (quieter on busy pages). */
  mode: z.enum(['background', 'underline']),
  palette: z.enum(PALETTES),
  /** The reader's own colour per category; absent = the palette's colour. */
  colours: z.partialRecord(CategoryIdSchema, HexColourSchema),
});
export type HighlightStyle = z.infer<typeof HighlightStyleSchema>;

export const SettingsSchema = z.strictObject({
  version: z.literal(1),
  disabledCategories: z.array(CategoryIdSchema).max(CATEGORY_IDS.length),
  ownTerms: z.array(OwnTermSchema).max(MAX_OWN_TERMS),
  highlight: HighlightStyleSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

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
export interface CategoryColours {
  fill: string;
  line: string;
}

export const PALETTE_COLOURS: Record<Palette, Record<CategoryId, CategoryColours>> = {
  standard: {
    camera: { fill: '#ffd54f', line: '#8d6e00' },
    algoritme: { fill: '#90caf9', line: '#0d47a1' },
    sensor: { fill: '#a5d6a7', line: '#1b5e20' },
    tracking: { fill: '#ffab91', line: '#bf360c' },
    biometrie: { fill: '#f48fb1', line: '#880e4f' },
    drone: { fill: '#b39ddb', line: '#4a148c' },
    online: { fill: '#80deea', line: '#006064' },
    data: { fill: '#c5e1a5', line: '#33691e' },
    cloud: { fill: '#b0bec5', line: '#263238' },
    pilot: { fill: '#e6ee9c', line: '#827717' },
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
