// Grants the reader gave to read one PDF (the panel's "Scan", the viewer's "Toestaan"): held
// while documents on that host are being read, then given back, so a document prompt never
// leaves lasting access behind. One prompt per host: while a grant stands, another PDF on the
// same host is read without asking again. The grants are also written down (storage.local), so
// the background gives back what a closed panel could not (documentGrantsLeft at start-up).
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { listedSites, type SiteApi } from './sites';

export const DOCUMENT_GRANTS_KEY = 'documentGrants';
const GrantsSchema = z.array(z.string()).max(1000);
type GrantApi = Pick<SiteApi, 'permissions' | 'storage'>;
const defaultApi = (): GrantApi => browser as unknown as GrantApi;

/** Documents being read per granted pattern, in this page. */
const holds = new Map<string, number>();

async function written(api: GrantApi): Promise<string[]> {
  return GrantsSchema.safeParse((await api.storage.local.get(DOCUMENT_GRANTS_KEY))[DOCUMENT_GRANTS_KEY]).data ?? [];
}

async function write(api: GrantApi, change: (list: string[]) => string[]): Promise<void> {
  await api.storage.local.set({ [DOCUMENT_GRANTS_KEY]: [...new Set(change(await written(api)))] });
}

/** A document prompt granted `pattern` (it was not granted before): note it, to give it back. */
export async function noteDocumentGrant(pattern: string, api: GrantApi = defaultApi()): Promise<void> {
  await write(api, (list) => [...list, pattern]);
}

/** Is `pattern` a grant for documents only (given back after use)? */
export async function isDocumentGrant(pattern: string, api: GrantApi = defaultApi()): Promise<boolean> {
  return (await written(api)).includes(pattern);
}

/** A document on `pattern` starts being read. */
export function holdGrant(pattern: string): void {
  holds.set(pattern, (holds.get(pattern) ?? 0) + 1);
}

/**
 * A document on `pattern` was read (or failed): when it was the last one and the grant was for
 * documents only, the grant is given back. A site the reader listed meanwhile is kept.
 */
export async function releaseGrant(pattern: string, api: GrantApi = defaultApi()): Promise<void> {
  const left = (holds.get(pattern) ?? 1) - 1;
  if (left > 0) {
    holds.set(pattern, left);
    return;
  }
  holds.delete(pattern);
  if (!(await isDocumentGrant(pattern, api))) return;
  await write(api, (list) => list.filter((p) => p !== pattern));
  if ((await listedSites(api)).includes(pattern)) return;
  await api.permissions.remove({ origins: [pattern] }).catch(() => false);
}

/** Background start-up: give back the document grants a closed panel or viewer left behind. */
export async function documentGrantsLeft(api: GrantApi = defaultApi()): Promise<string[]> {
  const left = await written(api);
  if (left.length === 0) return [];
  const listed = new Set(await listedSites(api));
  const back = left.filter((p) => !listed.has(p));
  if (back.length) await api.permissions.remove({ origins: back }).catch(() => false);
  await api.storage.local.set({ [DOCUMENT_GRANTS_KEY]: [] });
  return back;
}
