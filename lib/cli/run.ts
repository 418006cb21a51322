// The scanner without the process around it: arguments, a file reader and two output streams
// in, an exit code out. The entry point (scan.ts) passes Node's; tests pass their own.
import { createAnalyser, type Analyser } from '../core/analyse';
import { loadBuiltinRules, type RuleSet } from '../core/rules';
import { parseArgs, USAGE } from './args';
import { formatFailure, formatHuman } from './format-human';
import { formatJson } from './format-json';
import { kindOf, SUPPORTED, type FileKind } from './kinds';
import { readHtml, readPdf, ReadError, readTxt, type ReadDocument } from './readers';
import { analyseDocument, type FileFailure, type FileReport } from './report';

export interface ScanIo {
  readFile(path: string): Promise<Uint8Array>;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Larger files are refused rather than read into memory: no raadsstuk is 200 MB of text. */
const MAX_FILE_BYTES = 200 * 1024 * 1024;

const EXIT_OK = 0;
/** At least one file could not be scanned (the others were). */
const EXIT_FILE_FAILED = 1;
/** The command line itself was wrong. */
const EXIT_USAGE = 2;

type Reader = (bytes: Uint8Array) => ReadDocument | Promise<ReadDocument>;

const READERS: Record<FileKind, Reader> = {
  txt: readTxt,
  html: readHtml,
  pdf: readPdf,
};

/** A Dutch sentence for why a file could not be read. */
function describeReadFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'bestand niet gevonden';
  if (code === 'EISDIR') return 'dit is een map, geen bestand';
  if (code === 'EACCES' || code === 'EPERM') return 'geen toestemming om dit bestand te lezen';
  if (error instanceof ReadError) return error.message;
  // lib/surface/pdf's errors are already Dutch sentences for the reader.
  if (error instanceof Error && error.name === 'PdfError') return error.message;
  return `kon niet worden gelezen (${error instanceof Error ? error.message : String(error)})`;
}

async function scanFile(path: string, analyser: Analyser, io: ScanIo, readers: Record<FileKind, Reader>): Promise<FileReport | FileFailure> {
  const kind = kindOf(path);
  if (!kind) return { file: path, message: `bestandstype niet ondersteund; gebruik ${SUPPORTED}` };
  try {
    const bytes = await io.readFile(path);
    if (bytes.byteLength > MAX_FILE_BYTES) {
      return { file: path, message: `te groot (${Math.round(bytes.byteLength / 1024 / 1024)} MB; de grens is ${MAX_FILE_BYTES / 1024 / 1024} MB)` };
    }
    const doc = await readers[kind](bytes);
    if (doc.warning) io.stderr(`raadslens: ${path}: ${doc.warning}\n`);
    return analyseDocument(analyser, path, kind, doc);
  } catch (error) {
    return { file: path, message: describeReadFailure(error) };
  }
}

export function termTextLookup(rules: RuleSet): (termId: string) => string | undefined {
  const texts = new Map(rules.categories.flatMap((c) => c.terms.map((t) => [t.id, t.text] as const)));
  return (id) => texts.get(id);
}

interface RunOptions {
  rules?: RuleSet;
  /** Replaces the reader of a kind (tests). */
  readers?: Partial<Record<FileKind, Reader>>;
}

export async function runScan(argv: readonly string[], io: ScanIo, options: RunOptions = {}): Promise<number> {
  const rules = options.rules ?? loadBuiltinRules();
  const readers = { ...READERS, ...options.readers };
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.stderr(`raadslens: ${parsed.message}\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  if (parsed.args.help) {
    io.stdout(`${USAGE}\n`);
    return EXIT_OK;
  }
  const analyser = createAnalyser(rules);
  const reports: FileReport[] = [];
  const failures: FileFailure[] = [];
  // One after another: output order is argument order, and memory holds one file at a time.
  for (const path of parsed.args.files) {
    const result = await scanFile(path, analyser, io, readers);
    if ('message' in result) {
      failures.push(result);
      io.stderr(formatFailure(result) + '\n');
    } else {
      reports.push(result);
    }
  }
  io.stdout(parsed.args.json ? formatJson(reports) : formatHuman(reports, failures, { termText: termTextLookup(rules) }));
  return failures.length > 0 ? EXIT_FILE_FAILED : EXIT_OK;
}
