// The reader's checklist corrections as the reading exports (Markdown, CSV) write them: in the
// plain Dutch of "Alles" ("DPIA: het stuk zegt volgens u: niet gedaan (Raadslens las: gedaan)"),
// in checklist order. The status words are the table's (lib/core/questions/status-words.ts), the
// frame those of the panel's messages (correctionSays, correctionDetected). Pure.
import type { StoredCorrection } from '../db/schema';
import type { ExportLabels } from './model';
import { statusWord } from '../../core/questions/status-words';

function safeguardLabel(labels: ExportLabels, id: string): string {
  return labels.safeguards?.[id]?.label ?? id;
}

/** "DPIA: het stuk zegt volgens u: niet gedaan (Raadslens las: gedaan)". */
export function correctionLine(labels: ExportLabels, c: StoredCorrection): string {
  const detected = c.detected ? ` (Raadslens las: ${statusWord(c.detected)})` : '';
  return `${safeguardLabel(labels, c.safeguard)}: het stuk zegt volgens u: ${statusWord(c.status)}${detected}`;
}

/** A document's corrections in the checklist's order (unknown safeguards last, by id). */
export function inChecklistOrder(labels: ExportLabels, corrections: readonly StoredCorrection[]): StoredCorrection[] {
  const order = Object.keys(labels.safeguards ?? {});
  const rank = (id: string) => {
    const at = order.indexOf(id);
    return at < 0 ? order.length : at;
  };
  return [...corrections].sort((a, b) => rank(a.safeguard) - rank(b.safeguard) || (a.safeguard < b.safeguard ? -1 : a.safeguard > b.safeguard ? 1 : 0));
}
