// Command line → what to do. Pure: the entry point (scan.ts) does the I/O.

interface ScanArgs {
  json: boolean;
  help: boolean;
  files: string[];
}

type ParsedArgs = { ok: true; args: ScanArgs } | { ok: false; message: string };

export const USAGE = `Gebruik: npm run scan -- [--json] BESTAND...

Scant raadsstukken (.txt, .html, .pdf) op technologie en toont per bestand de gevonden termen,
de vragen van de Autoriteit Persoonsgegevens en per waarborg wat het stuk erover zegt (gedaan,
niet gedaan, nog niet gedaan, wel aangekondigd, of niet genoemd), met de zin die het zegt.

  --json      één JSON-document op stdout in plaats van tekst
  -h, --help  deze uitleg

In de JSON zijn start en end posities (JavaScript-tekenindexen) in de gelezen tekst: bij .txt de
inhoud van het bestand zoals die is, bij .html de hoofdtekst van de pagina (zonder menu's en
cookiemeldingen), bij .pdf de tekst van de bladzijde in "page"; "safeguards" geeft per waarborg een
"status" (stated, negated, planned of absent) en de zinnen ("passages") die dat zeggen. Een bestand dat niet gelezen kan
worden, staat met de reden op stderr; de andere bestanden worden wel gescand (exitcode 1).`;

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const args: ScanArgs = { json: false, help: false, files: [] };
  let optionsDone = false;
  for (const arg of argv) {
    if (!optionsDone && arg === '--') optionsDone = true;
    else if (!optionsDone && arg === '--json') args.json = true;
    else if (!optionsDone && (arg === '-h' || arg === '--help')) args.help = true;
    else if (!optionsDone && arg.startsWith('-') && arg !== '-') return { ok: false, message: `Onbekende optie: ${arg}` };
    else args.files.push(arg);
  }
  if (!args.help && args.files.length === 0) return { ok: false, message: 'Geef minstens één bestand op.' };
  return { ok: true, args };
}
