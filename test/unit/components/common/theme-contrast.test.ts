// The panel, popup and options are read in light and dark: their text colours keep 4.5:1 on the
// page and on a card, and the focus ring 3:1 against what it is drawn on (WCAG 1.4.3, 1.4.11,
// 2.4.13): the light theme's orange #ff8f00 was 2.3:1 on white, 2.1:1 on a card.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrast, hexToRgb } from '../../support/colour-vision';

const css = readFileSync(path.resolve(__dirname, '../../../../components/common/theme.css'), 'utf8');

/** The custom properties of the first `:root { … }` in `block`. */
function vars(block: string): Record<string, string> {
  const body = /:root\s*\{([^}]*)\}/.exec(block)![1]!;
  return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

const light = vars(css);
const dark = { ...light, ...vars(css.slice(css.indexOf('@media (prefers-color-scheme: dark)'))) };

describe.each([
  ['light', light],
  ['dark', dark],
])('theme.css, %s', (_, v) => {
  const ratio = (a: string, b: string) => contrast(hexToRgb(v[a]!), hexToRgb(v[b]!));

  it.each(['fg', 'muted', 'primary', 'ok', 'warn', 'danger'])('--%s text keeps 4.5:1 on the page and on a card', (text) => {
    expect(ratio(text, 'bg')).toBeGreaterThanOrEqual(4.5);
    expect(ratio(text, 'card')).toBeGreaterThanOrEqual(4.5);
  });

  it('a primary button’s label keeps 4.5:1', () => {
    expect(ratio('primary-fg', 'primary')).toBeGreaterThanOrEqual(4.5);
  });

  // The ring is drawn 2 px outside the element: what it stands against is the page or a card.
  it('the focus ring keeps 3:1 on the page and on a card', () => {
    for (const against of ['bg', 'card']) expect(ratio('focus', against), against).toBeGreaterThanOrEqual(3);
  });
});
