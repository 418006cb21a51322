// Prints a PDF's page text as Raadslens reads it (page-text.ts), to compare before/after a change
// to extraction: npx tsx test/tools/pdf-text.ts file.pdf
import { readFileSync } from 'node:fs';
import { extractPdfTextPages } from '../../lib/surface/pdf/node';

for (const file of process.argv.slice(2)) {
  for (const p of await extractPdfTextPages(readFileSync(file))) console.log(`--- ${file} p.${p.page}/${p.pageCount}\n${p.text}`);
}
