// A long page's reading windows arrive ahead of their report, in parts (one message each, so that
// no single send is a long task in the page: lib/core/questions/reading-wire.ts splitWindows).
// Kept here per tab until the report with the same key comes; only the latest key per tab.
import { joinWindows, type TextWindow } from '../../core/questions/reading-wire';
import type { SentScanReport } from '../messages/protocol';

/** What one tab may have waiting: the page scans up to 5 M characters, its windows no further. */
const MAX_WAITING_CHARS = 6_000_000;

const waiting = new Map<number, { key: string; parts: TextWindow[][]; chars: number }>();

export function keepTextPart(tabId: number, key: string, windows: TextWindow[]): void {
  let w = waiting.get(tabId);
  if (!w || w.key !== key) waiting.set(tabId, (w = { key, parts: [], chars: 0 }));
  w.chars += windows.reduce((n, x) => n + x.text.length, 0);
  if (w.chars > MAX_WAITING_CHARS) {
    waiting.delete(tabId);
    throw new Error('Te veel tekst rond de waarborgen voor één scan');
  }
  w.parts.push(windows);
}

/** The report with its windows put back from the parts that came ahead of it (as it is when there were none). */
export function withTextParts(tabId: number, report: SentScanReport): SentScanReport {
  const parts = report.reading?.parts;
  if (!report.reading || !parts) return report;
  const w = waiting.get(tabId);
  waiting.delete(tabId);
  if (!w || w.key !== parts.key || w.parts.length !== parts.count) throw new Error('Scanresultaat onvolledig: de tekst rond de waarborgen kwam niet helemaal aan');
  const { parts: _sent, ...reading } = report.reading;
  return { ...report, reading: { ...reading, windows: joinWindows(w.parts) } };
}

export function forgetTextParts(tabId: number): void {
  waiting.delete(tabId);
}
