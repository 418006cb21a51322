// Fetching one PDF the reader asked for: with a timeout for a server that never answers or stops
// sending, a size cap, cancel, and the server's validators so the cache can tell whether the
// document changed. The response says whether it is a PDF at all (content type, or the `%PDF-`
// header for a server that calls everything octet-stream): a web page is not read to its end.
// Uses only fetch(), so it runs in extension pages and in Node alike.
import { PdfError, pdfErrors } from './errors';
import { idleTimer } from './idle-timer';

export interface Validators {
  etag?: string;
  lastModified?: string;
  length?: number;
}

export interface FetchOptions {
  signal?: AbortSignal;
  /** No response, or no new bytes, for this long: the server hangs. */
  idleTimeoutMs?: number;
  maxBytes?: number;
  fetchImpl?: typeof fetch;
  /**
   * Asked when the server redirected to another origin, before anything is read from it: may the
   * extension read that address? Without it such a redirect is refused.
   */
  mayRead?: (finalUrl: string) => boolean | Promise<boolean>;
}

const DEFAULT_IDLE_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_BYTES = 150 * 1024 * 1024;

export function validatorsOf(headers: Headers): Validators {
  const v: Validators = {};
  const etag = headers.get('etag');
  // A weak ETag still says "same document" for our purpose (we only read its text).
  if (etag) v.etag = etag;
  const lm = headers.get('last-modified');
  if (lm) v.lastModified = lm;
  const len = Number(headers.get('content-length') ?? NaN);
  if (Number.isFinite(len) && len >= 0 && !headers.get('content-encoding')) v.length = len;
  return v;
}

/** True only when the server's validators prove the document is the same; length alone proves nothing. */
export function sameVersion(stored: Validators, current: Validators): boolean {
  if (stored.etag && current.etag) return stored.etag === current.etag;
  if (stored.lastModified && current.lastModified) {
    if (stored.lastModified !== current.lastModified) return false;
    return stored.length === undefined || current.length === undefined || stored.length === current.length;
  }
  return false;
}

/** Aborts on the caller's signal, or when `arm()` was not called again within `ms`. */
function watchdog(signal: AbortSignal | undefined, ms: number) {
  const controller = new AbortController();
  let timedOut = false;
  const idle = idleTimer(ms, () => {
    timedOut = true;
    controller.abort();
  });
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) controller.abort();
  return {
    signal: controller.signal,
    arm: idle.touch,
    timedOut: () => timedOut,
    done: () => {
      idle.stop();
      signal?.removeEventListener('abort', onAbort);
    },
  };
}

function failure(err: unknown, dog: { timedOut(): boolean }, signal: AbortSignal | undefined, ms: number): PdfError {
  if (err instanceof PdfError) return err;
  if (dog.timedOut()) return pdfErrors.timeout(Math.round(ms / 1000));
  if (signal?.aborted) return pdfErrors.cancelled();
  return pdfErrors.network(err);
}

/** The document's validators from a HEAD request, or null when the server does not answer it usefully. */
export async function headValidators(url: string, options: FetchOptions = {}): Promise<Validators | null> {
  const ms = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const dog = watchdog(options.signal, ms);
  try {
    // Not followed: a redirect to another host would send it a request the reader did not allow.
    const res = await (options.fetchImpl ?? fetch)(url, { method: 'HEAD', credentials: 'include', redirect: 'manual', signal: dog.signal });
    if (!res.ok) return null;
    return validatorsOf(res.headers);
  } catch (err) {
    const e = failure(err, dog, options.signal, ms);
    if (e.kind === 'cancelled') throw e;
    return null; // the GET will tell what is wrong
  } finally {
    dog.done();
  }
}

export interface FetchedPdf {
  bytes: Uint8Array;
  validators: Validators;
  /** The response's Content-Disposition (it may name the file), or null. */
  disposition: string | null;
}

/** PDF readers accept the header anywhere in the first 1024 bytes (junk before it happens). */
export const PDF_MAGIC_WINDOW = 1024;
const MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** Does `bytes` (the start of a response) hold the PDF header within the window? */
export function hasPdfMagic(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, PDF_MAGIC_WINDOW) - MAGIC.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let k = 0; k < MAGIC.length; k++) if (bytes[i + k] !== MAGIC[k]) continue outer;
    return true;
  }
  return false;
}

/** The media type of a Content-Type header, lower case, without parameters ('' when absent). */
function mediaType(header: string | null): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

/** A server that says PDF is believed (pdf.js tells a broken file apart); anything else must show the header. */
function declaresPdf(type: string): boolean {
  return type === 'application/pdf' || type === 'application/x-pdf';
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export async function fetchPdf(url: string, options: FetchOptions = {}): Promise<FetchedPdf> {
  const ms = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const mb = (n: number) => Math.ceil(n / (1024 * 1024));
  const dog = watchdog(options.signal, ms);
  try {
    // credentials: documents of closed meetings are behind the portal's login.
    const res = await (options.fetchImpl ?? fetch)(url, { credentials: 'include', signal: dog.signal });
    const finalUrl = res.url || url;
    if (!sameOrigin(finalUrl, url) && !(await options.mayRead?.(finalUrl))) {
      await res.body?.cancel().catch(() => {});
      throw pdfErrors.permission(hostOf(finalUrl));
    }
    if (res.status === 404 || res.status === 410) throw pdfErrors.notFound();
    if (!res.ok) throw pdfErrors.http(res.status);
    const validators = validatorsOf(res.headers);
    const disposition = res.headers.get('content-disposition');
    const type = mediaType(res.headers.get('content-type'));
    const sniff = !declaresPdf(type);
    if (validators.length !== undefined && validators.length > maxBytes && !sniff) throw pdfErrors.tooLarge(mb(validators.length), mb(maxBytes));
    if (!res.body) {
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (sniff && !hasPdfMagic(bytes)) throw pdfErrors.notPdf(type);
      return { bytes, validators, disposition };
    }
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    let checked = !sniff;
    for (;;) {
      dog.arm();
      const { done, value } = await reader.read();
      if (!done) {
        total += value.byteLength;
        chunks.push(value);
      }
      if (!checked && (done || total >= PDF_MAGIC_WINDOW)) {
        checked = true;
        if (!hasPdfMagic(concat(chunks, total).subarray(0, PDF_MAGIC_WINDOW))) {
          if (!done) await reader.cancel().catch(() => {});
          throw pdfErrors.notPdf(type);
        }
        if (validators.length !== undefined && validators.length > maxBytes) {
          await reader.cancel().catch(() => {});
          throw pdfErrors.tooLarge(mb(validators.length), mb(maxBytes));
        }
      }
      if (done) break;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        throw pdfErrors.tooLarge(mb(total), mb(maxBytes));
      }
    }
    return { bytes: concat(chunks, total), validators, disposition };
  } catch (err) {
    throw failure(err, dog, options.signal, ms);
  } finally {
    dog.done();
  }
}
