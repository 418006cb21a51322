// FNV-1a, 32 bits, over UTF-16 code units: a short, stable digest of a JSON text (the rules a
// stored result was made with; the reader's matching options). Not for anything a page controls.

/** FNV-1a of `text` from `seed` (the standard offset basis unless a second, independent hash is wanted). */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
