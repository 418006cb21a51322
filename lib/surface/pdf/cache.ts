// Scan results of PDFs, kept in storage.local keyed by the document's URL and checked against the
// server's validators (ETag / Last-Modified / length), so an unchanged document is not fetched
// again. storage.local rather than IndexedDB: a few dozen small JSON results, no queries, and it
// keeps lib/record/db's schema out of it. Everything read back is parsed; what does not parse is dropped.
import { z } from 'zod';
import { browser } from 'wxt/browser';
import { normaliseDocumentUrl } from '../../record/db/url';
import { PdfScanResultSchema, type PdfScanResult } from './result';
import type { Validators } from './fetch';

const PREFIX = 'raadslens:pdf:';
const INDEX_KEY = 'raadslens:pdf-index';
/** Most recently stored results kept; older ones make room. */
export const MAX_CACHED_PDFS = 40;

const ValidatorsSchema = z.object({
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  length: z.number().int().nonnegative().optional(),
});

const EntrySchema = z.object({
  version: z.literal(1),
  /** The analyser settings the result was made with (own terms, categories off): other settings, other result. */
  variant: z.string(),
  validators: ValidatorsSchema,
  storedAt: z.number(),
  result: PdfScanResultSchema,
});
export type CachedScan = z.infer<typeof EntrySchema>;

const IndexSchema = z.array(z.object({ key: z.string(), usedAt: z.number() }));

export function cacheKey(url: string): string {
  return PREFIX + normaliseDocumentUrl(url);
}

async function readIndex(): Promise<z.infer<typeof IndexSchema>> {
  const raw = (await browser.storage.local.get(INDEX_KEY))[INDEX_KEY];
  const parsed = IndexSchema.safeParse(raw);
  return parsed.success ? parsed.data : [];
}

export const pdfCache = {
  /** The stored scan of `url`, or null (none, or unreadable — then it is removed). */
  async get(url: string, variant = ''): Promise<CachedScan | null> {
    const key = cacheKey(url);
    const raw = (await browser.storage.local.get(key))[key];
    if (raw === undefined) return null;
    const parsed = EntrySchema.safeParse(raw);
    if (!parsed.success) {
      await browser.storage.local.remove(key);
      return null;
    }
    return parsed.data.variant === variant ? parsed.data : null;
  },

  /** Stores a scan; evicts the least recently used beyond MAX_CACHED_PDFS. Never throws: a cache that cannot write just misses. */
  async put(url: string, validators: Validators, result: PdfScanResult, variant = ''): Promise<boolean> {
    const key = cacheKey(url);
    const entry: CachedScan = { version: 1, variant, validators, storedAt: Date.now(), result };
    try {
      // Most recently stored first.
      const index = [{ key, usedAt: Date.now() }, ...(await readIndex()).filter((e) => e.key !== key)];
      const evicted = index.splice(MAX_CACHED_PDFS);
      if (evicted.length) await browser.storage.local.remove(evicted.map((e) => e.key));
      await browser.storage.local.set({ [key]: entry, [INDEX_KEY]: index });
      return true;
    } catch {
      // Quota: make room once, then give up quietly (the result is still shown, just not kept).
      try {
        const index = await readIndex();
        const keep = index.slice(0, Math.floor(index.length / 2));
        await browser.storage.local.remove(index.slice(keep.length).map((e) => e.key));
        await browser.storage.local.set({ [key]: entry, [INDEX_KEY]: [{ key, usedAt: Date.now() }, ...keep] });
        return true;
      } catch {
        return false;
      }
    }
  },

  async remove(url: string): Promise<void> {
    const key = cacheKey(url);
    const index = (await readIndex()).filter((e) => e.key !== key);
    await browser.storage.local.remove(key);
    await browser.storage.local.set({ [INDEX_KEY]: index });
  },
};
