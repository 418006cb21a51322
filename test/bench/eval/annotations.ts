// The inline label format of test/fixtures/eval: `[[category:text]]` marks one gold occurrence.
// Stripping the markers gives the text that is scanned; the offsets into that stripped text are
// the gold spans. Malformed markers are an error, not a silent miss: a typo in a label would
// otherwise quietly lower recall.
import { CATEGORY_IDS, type CategoryId } from '../../../lib/core/rules/schema';

export interface GoldSpan {
  start: number;
  end: number;
  category: CategoryId;
  text: string;
}

export interface AnnotatedDocument {
  text: string;
  gold: GoldSpan[];
}

const CATEGORIES: ReadonlySet<string> = new Set(CATEGORY_IDS);

/** 1-based line of an offset, for messages. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function parseAnnotated(source: string, name = 'document'): AnnotatedDocument {
  let text = '';
  const gold: GoldSpan[] = [];
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('[[', i);
    const stray = source.indexOf(']]', i);
    if (stray !== -1 && (open === -1 || stray < open)) {
      throw new Error(`${name}:${lineOf(source, stray)}: "]]" zonder "[["`);
    }
    if (open === -1) {
      text += source.slice(i);
      break;
    }
    text += source.slice(i, open);
    const close = source.indexOf(']]', open + 2);
    const nested = source.indexOf('[[', open + 2);
    if (close === -1 || (nested !== -1 && nested < close)) {
      throw new Error(`${name}:${lineOf(source, open)}: "[[" zonder bijbehorende "]]"`);
    }
    const body = source.slice(open + 2, close);
    const colon = body.indexOf(':');
    const category = colon === -1 ? '' : body.slice(0, colon);
    const inner = colon === -1 ? '' : body.slice(colon + 1);
    if (!CATEGORIES.has(category)) {
      throw new Error(`${name}:${lineOf(source, open)}: onbekende categorie "${category}" in "[[${body}]]"`);
    }
    if (inner.trim() === '') throw new Error(`${name}:${lineOf(source, open)}: lege tekst in "[[${body}]]"`);
    gold.push({ start: text.length, end: text.length + inner.length, category: category as CategoryId, text: inner });
    text += inner;
    i = close + 2;
  }
  return { text, gold };
}
