import { useCallback, useEffect, useState } from 'preact/hooks';
import { documentsRepo, notesRepo, type NoteRecord } from '../db';
import { normaliseDocumentUrl } from '../db/url';
import type { QuoteAnchor } from '../messages/protocol';
import type { TabInfo } from './hooks';

export interface DocumentNotes {
  list: NoteRecord[];
  error: string | null;
  add(text: string, anchor: QuoteAnchor | null): Promise<void>;
  remove(id: string): Promise<void>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The notes of the document in the tab, in reading order, read from and written to IndexedDB. */
export function useDocumentNotes(tab: TabInfo | null): DocumentNotes {
  const documentId = tab?.url ? normaliseDocumentUrl(tab.url) : null;
  const [list, setList] = useState<NoteRecord[]>([]);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    if (!documentId) return setList([]);
    try {
      const notes = await notesRepo.listByDocument(documentId);
      notes.sort((a, b) => (a.anchor?.start ?? -1) - (b.anchor?.start ?? -1) || a.createdAt - b.createdAt);
      setList(notes);
      setError(null);
    } catch (e) {
      setError(message(e));
    }
  }, [documentId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return {
    list,
    error,
    async add(text, anchor) {
      if (!documentId || !tab) throw new Error('Geen document geopend.');
      await documentsRepo.upsert({ id: documentId, url: tab.url, title: tab.title });
      await notesRepo.create({ documentId, text, anchor: anchor ?? undefined });
      await reload();
    },
    async remove(id) {
      try {
        await notesRepo.remove(id);
      } catch (e) {
        setError(message(e));
      }
      await reload();
    },
  };
}
