// A short key for the reader's matching options, so a page's match request names its settings
// instead of carrying them (own terms, the griffie's term packs: up to megabytes) every time. The
// background matches with options only when their key is the one the page sent, so a page is
// never matched with other settings than its own rules' side uses. Pure: page and background alike.
import { fnv1a } from '../fnv';
import type { AnalyserOptions } from './scan-rules';

/**
 * JSON with every object's keys in sorted order: the content script's hand-written checks and
 * zod in the background may hand over the same settings with their keys in another order.
 */
function canonical(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonical).join(',')}]`;
  if (x && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(x) ?? 'null';
}

/**
 * The key of what these options match: two 32-bit hashes of their canonical JSON and its length
 * ("9c0f…:1234"). Settings are the reader's own, never a page's, so a chance collision is what
 * is guarded against, not a forged one: 64 bits and the length make that negligible.
 */
export function matchOptionsKey(options: AnalyserOptions): string {
  const text = canonical({ ownTerms: options.ownTerms ?? [], disabledCategories: options.disabledCategories ?? [], extraPacks: options.extraPacks ?? [] });
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return `${hex(fnv1a(text))}${hex(fnv1a(text, 0x9747b28c))}:${text.length}`;
}

/** What a match-texts key looks like on the wire. */
export const MATCH_OPTIONS_KEY = /^[0-9a-f]{16}:\d{1,9}$/;
