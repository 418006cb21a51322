// Gemeente names as host slugs, and the table from slug to official name. Pure and free of the
// list itself: the Node side builds the table from the validated list (gemeenten-list.ts), an
// extension build emits the table built at build time, and gemeenten.ts looks names up in it.

/** "'s-Hertogenbosch" → "shertogenbosch", "Súdwest-Fryslân" → "sudwestfryslan": how hosts write names. */
export function slugOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Slug → official name; null for a slug two gemeenten share (Bergen in NH and in Limburg). */
export type SlugIndex = Map<string, string | null>;

/** The table for a list of gemeenten with their other names. */
export function buildSlugIndex(list: ReadonlyArray<{ name: string; other: readonly string[] }>): SlugIndex {
  const map: SlugIndex = new Map();
  const put = (slug: string, name: string) => {
    const had = map.get(slug);
    map.set(slug, had === undefined || had === name ? name : null);
  };
  for (const g of list) {
    for (const n of [g.name, ...g.other]) put(slugOf(n), g.name);
    // "Bergen (NH)": a page that says just "Bergen" could mean either.
    const bare = g.name.replace(/\s*\([^)]*\)$/, '');
    if (bare !== g.name) put(slugOf(bare), g.name);
  }
  return map;
}
