// Scan results of PDFs, kept in their own IndexedDB database keyed by the document's normalised
// URL and checked against the server's validators (ETag / Last-Modified / length), so an
// unchanged document is not fetched again. Not storage.local: a meeting's 40 results are 4.3 MB
// of JSON (three long reports 0.85–1.2 MB each), and every storage.local write is broadcast,
// old and new value in full, to each extension page's storage.onChanged listener. Not
// lib/record/db either: a cache needs no migrations of the reader's record. Everything read back
// is parsed; what does not parse is dropped. Nothing here throws: a cache that cannot read or
// write just misses.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { z } from 'zod';
import { browser } from 'wxt/browser';
import { normaliseDocumentUrl } from '../../record/db/url';
import { PdfScanResultSchema, type PdfScanResult } from './result';
import type { Validators } from './fetch';

export const PDF_CACHE_DB = 'raadslens-pdf-cache';
const STORE = 'scans';
/** Most recently stored results kept; older ones make room. */
export const MAX_CACHED_PDFS = 40;

const ValidatorsSchema = z.object({
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  length: z.number().int().nonnegative().optional(),
});

// 2: results name their pages without text (textlessPages). A version-1 result cannot say which
// pages were blank or scanned, so it is dropped and the PDF read again rather than shown without.
// 3: page text keeps block edges (./line-edges.ts): a version-2 result quotes a heading glued to
// the sentence under it ("Privacy Voor de slimme camera's …") and may read its status from both.
// 4: every line of PDF text is a block (status/segment.ts TextLayout 'blocks'): a version-3 result
// quotes a long title or a page footer glued to the sentence beside it.
// 5: a dash item that ran to the column's edge ends there: a version-4 result may quote two items
// of a motie's list as one ("… voor opsporing - gezichtsherkenning een goede manier is …").
// 6: a portal's stamp drawn after the last line is a line of its own (./item-gaps.ts): a version-5
// result quotes "Haagse VVDI.6 VVD"; a letter pdf.js read through the wrong code table is the
// one the page shows (page-text.ts): "coöperatie", not "coˆperatie".
// 7: a result says what its opening shows (a motie, an amendement) and what the raad did with it
// (`opening`): a version-6 result of a motie named "document 12345.pdf" would be read as a
// raadsvoorstel again; a font pdf.js read through Mac Roman is given back whole (page-text.ts):
// "camera's", not "cameraís".
// 8: the opening says whom the questions go to (`opening.addressee`) and the meeting's date
// (`opening.date`): a version-7 result of a motie that asks the burgemeester would give a letter
// to the college, and show no date.
// 9: the burgemeester's competence counts only in the opening's first 3,000 characters (was
// 12,000): a version-8 result of a raadsvoorstel that names artikel 151c in its planning would
// give a letter to the burgemeester.
// 10: the opening says when a motie's dictum asks for a study (`opening.asks`): a version-9 result
// of such a motie would give a letter that asks about the deployment as if the motie asked for it.
const VERSION = 10;

const EntrySchema = z.object({
  version: z.literal(VERSION),
  /** The analyser settings the result was made with (own terms, categories off): other settings, other result. */
  variant: z.string(),
  validators: ValidatorsSchema,
  storedAt: z.number(),
  result: PdfScanResultSchema,
});
type CachedScan = z.infer<typeof EntrySchema>;

/** As stored: the entry with its key and when it was last stored (the LRU order). */
interface StoredScan extends CachedScan {
  url: string;
  usedAt: number;
}

interface PdfCacheDB extends DBSchema {
  // `unknown`: what is read back is parsed, whatever an older build wrote.
  scans: { key: string; value: unknown; indexes: { byUsedAt: number } };
}

/** The key of `url`'s entry: its normalised URL (no tracking parameters, no fragment). */
export function cacheKey(url: string): string {
  return normaliseDocumentUrl(url);
}

// Where the results were kept before (storage.local), removed once when this database is created.
const OLD_PREFIX = 'raadslens:pdf:';
const OLD_INDEX_KEY = 'raadslens:pdf-index';

async function removeOldKeys(): Promise<void> {
  const all = await browser.storage.local.get(null);
  const old = Object.keys(all).filter((k) => k.startsWith(OLD_PREFIX) || k === OLD_INDEX_KEY);
  if (old.length) await browser.storage.local.remove(old);
}

let opening: Promise<IDBPDatabase<PdfCacheDB>> | undefined;
/** The factory `opening` came from: the unit tests give each test a fresh indexedDB, and a connection to the last one would carry entries over. */
let openedWith: IDBFactory | undefined;

/** The connection, opened on first use; a failed open is tried again next time. */
function db(): Promise<IDBPDatabase<PdfCacheDB>> {
  if (openedWith !== globalThis.indexedDB) opening = undefined;
  if (!opening) {
    openedWith = globalThis.indexedDB;
    let created = false;
    let conn: IDBPDatabase<PdfCacheDB> | undefined;
    const attempt = openDB<PdfCacheDB>(PDF_CACHE_DB, 1, {
      upgrade(database, oldVersion) {
        created = oldVersion === 0;
        database.createObjectStore(STORE, { keyPath: 'url' }).createIndex('byUsedAt', 'usedAt');
      },
      // Another page deleting or upgrading the database (a newer build, a bench clearing it)
      // must not wait for this connection: step aside, reopen on next use.
      blocking() {
        conn?.close();
        opening = undefined;
      },
      terminated() {
        opening = undefined;
      },
    }).then((opened) => {
      conn = opened;
      // Not awaited: the old keys are gone eventually, the first lookup does not wait for it.
      if (created) removeOldKeys().catch(() => {});
      return opened;
    });
    attempt.catch(() => {
      if (opening === attempt) opening = undefined;
    });
    opening = attempt;
  }
  return opening;
}

/** Deletes the `count` least recently stored entries. */
async function evictOldest(database: IDBPDatabase<PdfCacheDB>, count: number): Promise<void> {
  if (count <= 0) return;
  const tx = database.transaction(STORE, 'readwrite');
  let cursor = await tx.store.index('byUsedAt').openCursor();
  for (let left = count; cursor && left > 0; left--) {
    await cursor.delete();
    cursor = await cursor.continue();
  }
  await tx.done;
}

async function write(database: IDBPDatabase<PdfCacheDB>, entry: StoredScan): Promise<void> {
  await database.put(STORE, entry);
  await evictOldest(database, (await database.count(STORE)) - MAX_CACHED_PDFS);
}

export const pdfCache = {
  /** The stored scan of `url`, or null (none, unreadable — then it is removed —, or no database). */
  async get(url: string, variant = ''): Promise<CachedScan | null> {
    try {
      const database = await db();
      const key = cacheKey(url);
      const raw = await database.get(STORE, key);
      if (raw === undefined) return null;
      const parsed = EntrySchema.safeParse(raw);
      if (!parsed.success) {
        await database.delete(STORE, key);
        return null;
      }
      return parsed.data.variant === variant ? parsed.data : null;
    } catch {
      return null;
    }
  },

  /** Stores a scan; evicts the least recently stored beyond MAX_CACHED_PDFS. Never throws: false when it could not be kept. */
  async put(url: string, validators: Validators, result: PdfScanResult, variant = ''): Promise<boolean> {
    const now = Date.now();
    const entry: StoredScan = { url: cacheKey(url), usedAt: now, version: VERSION, variant, validators, storedAt: now, result };
    let database: IDBPDatabase<PdfCacheDB>;
    try {
      database = await db();
    } catch {
      return false;
    }
    try {
      await write(database, entry);
      return true;
    } catch {
      // Quota: make room once (the older half), then give up quietly (the result is still shown, just not kept).
      try {
        await evictOldest(database, Math.ceil((await database.count(STORE)) / 2));
        await write(database, entry);
        return true;
      } catch {
        return false;
      }
    }
  },

  /** Empties the cache ("Alles verwijderen": what the reader read leaves no results behind). Never throws: false when it could not. */
  async clear(): Promise<boolean> {
    try {
      await (await db()).clear(STORE);
      return true;
    } catch {
      return false;
    }
  },

  async remove(url: string): Promise<void> {
    try {
      await (await db()).delete(STORE, cacheKey(url));
    } catch {
      // Nothing to remove from a database that cannot be opened.
    }
  },
};
