// Tags as a reader types them: "dpia, camera; privacy" → ["dpia", "camera", "privacy"].
const MAX_TAGS = 50;
const MAX_TAG_LENGTH = 64;

/** Split on commas/semicolons/newlines, trim, drop empties and case-insensitive duplicates, cap length and count. */
export function parseTags(input: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of input.split(/[,;\n]+/)) {
    const tag = raw.trim().replace(/^#/, '').slice(0, MAX_TAG_LENGTH).trim();
    if (!tag || seen.has(tag.toLocaleLowerCase('nl'))) continue;
    seen.add(tag.toLocaleLowerCase('nl'));
    tags.push(tag);
    if (tags.length === MAX_TAGS) break;
  }
  return tags;
}

export const formatTags = (tags: readonly string[]): string => tags.join(', ');
