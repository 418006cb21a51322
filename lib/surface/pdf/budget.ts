// What one PDF may cost before Raadslens stops reading it: time per page and per document
// (enforced by ending pdf.js' worker, see extract.ts) and the memory its compressed streams
// unpack to (checked here, before pdf.js sees the file). The download cap in fetch.ts counts
// bytes on the wire; a 3 MB file whose content stream inflates to 3 GB passes that cap, and
// pdf.js keeps a decoded stream whole in memory. Runs in extension pages and in Node alike
// (DecompressionStream), so the panel, the viewer and the command-line scanner share it.
import { pdfErrors } from './errors';

export interface PdfBudget {
  /** Reading one page's text (or opening the document) may take this long. */
  pageMs: number;
  /** Opening and reading every page together. */
  documentMs: number;
  /** One stream (page content, font, object stream) may unpack to this many bytes… */
  streamBytes: number;
  /** …and all of them together to this many. */
  documentBytes: number;
}

const MB = 1024 * 1024;

/**
 * A dense council page reads in well under a second; a 1 000-page bundle in about a minute on a
 * slow laptop. Content streams of real pages are kilobytes to a few MB; a large embedded CJK
 * font is some 20 MB. Pictures and attached files are not counted: text extraction never
 * decodes them (the viewer's pictures are bounded by pdf.js' maxImageSize, see browser.ts).
 */
export const DEFAULT_PDF_BUDGET: PdfBudget = {
  pageMs: 20_000,
  documentMs: 240_000,
  streamBytes: 128 * MB,
  documentBytes: 512 * MB,
};

/** Pictures above this many pixels are not drawn by the viewer (600 dpi A3 is 70 million). */
export const MAX_IMAGE_PIXELS = 100_000_000;

export function budgetWith(overrides: Partial<PdfBudget> | undefined): PdfBudget {
  return { ...DEFAULT_PDF_BUDGET, ...overrides };
}

const STREAM = bytesOf('stream');
const ENDSTREAM = bytesOf('endstream');
const OBJ = bytesOf(' obj');
/** How far before `stream` its dictionary is looked for. */
const DICT_WINDOW = 4096;
/** Compressed bytes fed to the inflater at a time: deflate unpacks at most ~1 000:1, so ≤ ~1 MB out. */
const FEED = 1024;

function bytesOf(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

function indexOf(hay: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0]!;
  const last = hay.length - needle.length;
  outer: for (let i = hay.indexOf(first, from); i !== -1 && i <= last; i = hay.indexOf(first, i + 1)) {
    for (let k = 1; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

/** The last `needle` that lies wholly inside hay[from, to), or -1. */
function lastIndexOf(hay: Uint8Array, needle: Uint8Array, from: number, to: number): number {
  outer: for (let i = to - needle.length; i >= from; i--) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

interface PackedStream {
  /** Compressed bytes (between `stream` + EOL and `endstream`). */
  data: Uint8Array;
}

/**
 * The FlateDecode-only streams of a PDF file that text extraction may decode, found in the raw
 * bytes (every stream object stands at the top level of the file, also in PDFs with object
 * streams). Streams with other or chained filters are left to the time budget.
 */
export function flateStreams(bytes: Uint8Array): PackedStream[] {
  const out: PackedStream[] = [];
  for (let at = indexOf(bytes, STREAM, 0); at !== -1; at = indexOf(bytes, STREAM, at + STREAM.length)) {
    // `endstream` contains `stream`; a keyword is preceded by the dictionary's `>>` (and whitespace).
    if (at >= 3 && bytes[at - 3] === 0x65 && bytes[at - 2] === 0x6e && bytes[at - 1] === 0x64) continue;
    // Only the dictionary is made a string: from the last ` obj` before the keyword (the whole
    // window when there is none). The window as a string for every stream was the panel's longest
    // task on a meeting (meeting bench profile: 610 ms for one 50-page document, latin1 415 ms).
    const from = Math.max(0, at - DICT_WINDOW);
    const open = lastIndexOf(bytes, OBJ, from, at);
    const dict = latin1(bytes.subarray(open === -1 ? from : open, at));
    if (!/>>\s*$/.test(dict)) continue;
    if (!/\/Filter\s*(\/FlateDecode|\[\s*\/FlateDecode\s*\])/.test(dict)) continue;
    if (/\/Subtype\s*\/Image\b|\/Type\s*\/EmbeddedFile\b/.test(dict)) continue;
    let start = at + STREAM.length;
    if (bytes[start] === 0x0d) start++;
    if (bytes[start] === 0x0a) start++;
    const end = indexOf(bytes, ENDSTREAM, start);
    if (end === -1) break;
    out.push({ data: bytes.subarray(start, end) });
    at = end;
  }
  return out;
}

/**
 * How many bytes `data` inflates to, counted without keeping them, and never more than `limit`
 * + one chunk: the inflater gets 1 KB at a time and its output is read and dropped as it comes.
 * A stream that does not inflate cleanly counts what came out before the error (pdf.js decides
 * about broken files).
 */
export async function inflatedSize(data: Uint8Array, limit: number): Promise<number> {
  let fed = 0;
  const source = new ReadableStream<BufferSource>(
    {
      pull(controller) {
        if (fed >= data.length) {
          controller.close();
          return;
        }
        controller.enqueue(data.slice(fed, fed + FEED));
        fed += FEED;
      },
    },
    { highWaterMark: 0 },
  );
  const reader = source.pipeThrough(new DecompressionStream('deflate')).getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) break;
    }
  } catch {
    // Broken or truncated data: what came out so far is what counts.
  } finally {
    await reader.cancel().catch(() => {});
  }
  return total;
}

/**
 * Deflate unpacks at most 1032 bytes per compressed byte: its longest match (258 bytes) takes at
 * least two bits. So a stream's compressed length bounds what it can unpack to without inflating it.
 */
export const MAX_DEFLATE_RATIO = 1032;

/**
 * Throws PdfError "unpacks-too-far" when one stream would unpack beyond the budget, or all of
 * them together would: a decompression bomb, refused before pdf.js allocates it.
 *
 * Streams are inflated only where their bound (MAX_DEFLATE_RATIO × compressed length) could break
 * the budget, largest first, until the bounds of the rest fit: an ordinary council PDF (content
 * streams of kilobytes) passes without inflating anything, which kept the panel's main thread
 * busy for every document of a meeting. `inflate` is for tests (which streams were inflated).
 */
export async function checkUnpackedSize(
  bytes: Uint8Array,
  budget: Pick<PdfBudget, 'streamBytes' | 'documentBytes'> = DEFAULT_PDF_BUDGET,
  inflate: (data: Uint8Array, limit: number) => Promise<number> = inflatedSize,
): Promise<void> {
  // No stream can be longer than the file: a small file fits whatever it holds.
  if (bytes.length * MAX_DEFLATE_RATIO <= Math.min(budget.streamBytes, budget.documentBytes)) return;
  const refuse = () => pdfErrors.unpacksTooFar(Math.round(Math.min(budget.streamBytes, budget.documentBytes) / MB));
  const streams = flateStreams(bytes).sort((a, b) => b.data.length - a.data.length);
  const bound = (s: PackedStream) => s.data.length * MAX_DEFLATE_RATIO;
  // An upper bound of the total, made exact stream by stream as the largest are inflated.
  let upper = streams.reduce((sum, s) => sum + bound(s), 0);
  let inflated = 0;
  for (const s of streams) {
    // The rest are no larger than this one: their bounds fit each stream's budget too.
    if (upper <= budget.documentBytes && bound(s) <= budget.streamBytes) return;
    const size = await inflate(s.data, Math.min(budget.streamBytes, budget.documentBytes - inflated));
    inflated += size;
    if (size > budget.streamBytes || inflated > budget.documentBytes) throw refuse();
    upper += size - bound(s);
  }
}
