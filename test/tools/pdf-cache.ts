// The panel's PDF results cache (lib/surface/pdf/cache.ts: IndexedDB 'raadslens-pdf-cache') as a
// test or bench sees it from the extension's service worker, which shares the panel's origin.
// The functions passed to evaluate run in the worker: they carry the database's name themselves.
import type { Worker } from 'playwright-core';

/** Forgets every stored result (the panel's connection steps aside when asked to). */
export async function clearPdfCache(sw: Worker): Promise<void> {
  await sw.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase('raadslens-pdf-cache');
        // Blocked: the delete still goes first, before any later open of the database.
        request.onsuccess = request.onerror = request.onblocked = () => resolve();
      }),
  );
}

/** The normalised URLs with a stored result; [] when the database was never made (not created by asking). */
export async function storedPdfUrls(sw: Worker): Promise<string[]> {
  return sw.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const request = indexedDB.open('raadslens-pdf-cache');
        // No database yet: abort its creation, or the panel's own open would find a version 1 without its store.
        request.onupgradeneeded = () => request.transaction?.abort();
        request.onerror = (e) => {
          e.preventDefault();
          resolve([]);
        };
        request.onsuccess = () => {
          const db = request.result;
          const keys = db.transaction('scans').objectStore('scans').getAllKeys();
          keys.onsuccess = () => {
            db.close();
            resolve(keys.result as string[]);
          };
          keys.onerror = () => reject(keys.error);
        };
      }),
  );
}
