// The documents the golden tests run over: the status eval's tune set and the demo pages, each
// with the text the extension reads from it (a page: its main text).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readHtml } from '@/lib/cli/readers';

const FIXTURES = path.join(__dirname, '../../fixtures');
const TUNE = path.join(FIXTURES, 'eval/status/tune');
const PAGES = path.join(FIXTURES, 'pages');

export const goldenDocuments: readonly { name: string; file: string }[] = [
  ...readdirSync(TUNE).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: `tune/${f}`, file: path.join(TUNE, f) })),
  ...readdirSync(PAGES).filter((f) => f.endsWith('.html')).sort().map((f) => ({ name: `pages/${f}`, file: path.join(PAGES, f) })),
];

export const textOf = async (file: string): Promise<string> =>
  file.endsWith('.html') ? (await readHtml(new Uint8Array(readFileSync(file)))).pages[0]!.text : readFileSync(file, 'utf8');
