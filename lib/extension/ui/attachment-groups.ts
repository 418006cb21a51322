// The panel lists a meeting's documents per agendapunt, as the portal page does. Pure: the list
// the panel shows (lib/surface/pdf's attachmentsOf) split into sections by the group the content script
// found for each URL, in the order the page names them.

interface Listed {
  name: string;
  url: string;
}

interface AttachmentSection<T extends Listed = Listed> {
  /** The agendapunt ("2. Raadsbesluit toelating"); undefined for documents of no agendapunt. */
  group?: string;
  items: T[];
}

/** Groups of `list` by the `group` each URL has in `report.attachments` (read defensively). */
export function attachmentSections<T extends Listed>(list: readonly T[], report: unknown): AttachmentSection<T>[] {
  const groupOf = new Map<string, string>();
  const raw = (report as { attachments?: unknown } | null | undefined)?.attachments;
  if (Array.isArray(raw)) {
    for (const a of raw) {
      const { url, group } = (a ?? {}) as { url?: unknown; group?: unknown };
      if (typeof url === 'string' && typeof group === 'string' && group.trim()) groupOf.set(url, group.trim());
    }
  }
  const sections: AttachmentSection<T>[] = [];
  const byKey = new Map<string, AttachmentSection<T>>();
  for (const item of list) {
    const group = groupOf.get(item.url);
    const key = group ?? '';
    let section = byKey.get(key);
    if (!section) {
      section = group ? { group, items: [] } : { items: [] };
      byKey.set(key, section);
      sections.push(section);
    }
    section.items.push(item);
  }
  return sections;
}
