#!/usr/bin/env node
// Draws the Raadslens icon — a magnifying lens over a highlighted line of text — as SVG and
// renders it to public/icon/<size>.png with the project's Chromium (no image library needed).
// WXT picks up public/icon/<size>.png as the manifest icons. Run: node test/tools/icons.mjs
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = path.join(root, 'public', 'icon');
export const SIZES = [16, 32, 48, 96, 128];

/** The mark on a 128-unit grid; small sizes get thicker strokes so the lens stays readable. */
export function iconSvg(size) {
  const small = size <= 32;
  const ring = small ? 14 : 10;
  const handle = small ? 20 : 16;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="26" fill="#1a237e"/>
  <line x1="80" y1="80" x2="108" y2="108" stroke="#ffd54f" stroke-width="${handle}" stroke-linecap="round"/>
  <circle cx="56" cy="56" r="${small ? 32 : 34}" fill="#ffffff" stroke="#ffd54f" stroke-width="${ring}"/>
  ${
    small
      ? '<rect x="36" y="50" width="40" height="12" rx="3" fill="#1a237e"/>'
      : `<rect x="34" y="40" width="44" height="7" rx="3.5" fill="#9fa8da"/>
  <rect x="32" y="52" width="48" height="12" rx="3" fill="#ffd54f"/>
  <rect x="36" y="55" width="40" height="6" rx="3" fill="#1a237e"/>
  <rect x="34" y="69" width="36" height="7" rx="3.5" fill="#9fa8da"/>`
  }
</svg>`;
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const size of SIZES) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(`<html><body style="margin:0;background:transparent">${iconSvg(size)}</body></html>`);
      const file = path.join(outDir, `${size}.png`);
      await page.locator('svg').screenshot({ path: file, omitBackground: true });
      console.log(`wrote ${path.relative(root, file)}`);
    }
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await main();
