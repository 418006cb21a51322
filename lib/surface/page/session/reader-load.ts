// Loading the reader's actions (reader.ts) into the page when the reader first asks for one: the
// background injects content-scripts/reader.js into this frame (it runs in the same isolated
// world as content.js, which the page's scripts cannot see) and the file leaves its createReader
// under a global of that world. Named with the extension's version, so a content script put in
// after an update never takes an older copy's reader.
import type { ContentRequest } from '../../../extension/messages/protocol';
import type { CreateReader } from './reader';
import type { PageBrowser } from '../../../extension/page-browser';

/** The requests the reader's actions answer (reader.ts). */
export type ReaderRequest = Extract<ContentRequest, { type: 'scroll-to-anchor' | 'get-selection' | 'anchor-for-match' | 'locate-anchors' | 'anchor-sentences' }>;

const READER_TYPES: ReadonlySet<string> = new Set<ReaderRequest['type']>(['scroll-to-anchor', 'get-selection', 'anchor-for-match', 'locate-anchors', 'anchor-sentences']);

export function isReaderRequest(msg: ContentRequest): msg is ReaderRequest {
  return READER_TYPES.has(msg.type);
}

/** The global under which reader.js leaves createReader, for this version of the extension. */
export function readerGlobal(api: Pick<PageBrowser, 'runtime'>): string {
  return `__raadslensReader@${api.runtime.getManifest().version}`;
}

/**
 * createReader, loaded once: from this world's global when reader.js is already here, else after
 * the background injected it (`load`: asks for that and resolves once it ran).
 */
export function readerLoader(api: Pick<PageBrowser, 'runtime'>, load: () => Promise<unknown>): () => Promise<CreateReader> {
  let loading: Promise<CreateReader> | null = null;
  const g = globalThis as Record<string, unknown>;
  const found = () => {
    const f = g[readerGlobal(api)];
    return typeof f === 'function' ? (f as CreateReader) : null;
  };
  return () =>
    (loading ??= (async () => found() ?? (await load(), found() ?? Promise.reject(new Error('De leesfuncties van Raadslens konden niet worden geladen'))))().catch((e: unknown) => {
      // A failed injection (the tab navigated meanwhile) may succeed at the next request.
      loading = null;
      throw e;
    }));
}
