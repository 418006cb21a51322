// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { extractPdfPagesInNode } from '@/lib/surface/pdf/node';
import { passTextChunks } from '@/lib/surface/pdf/text-chunks';
import { meetingDocs, meetingPdf } from '../../../bench/meeting-pdfs';

const original = globalThis.structuredClone;
afterEach(() => {
  globalThis.structuredClone = original;
});

describe('text content chunks handed on without a copy (the extraction worker)', () => {
  it('passes a text chunk by reference, its message and fields copied; clones anything else', () => {
    const scope = { structuredClone: original };
    passTextChunks(scope);
    const textContent: { items: unknown[]; styles: Record<string, unknown>; lang: null } = { items: [{ str: 'Privacy', transform: [1, 0, 0, 1, 0, 0] }], styles: { f1: { fontFamily: 'serif' } }, lang: null };
    const message = { sourceName: 'a', targetName: 'b', stream: 4, streamId: 1, chunk: textContent };
    const passed = scope.structuredClone(message);
    // The sender starts a new chunk after posting (pdf.worker's enqueueChunk).
    textContent.items = [];
    textContent.styles = {};
    expect(passed.chunk.items).toEqual([{ str: 'Privacy', transform: [1, 0, 0, 1, 0, 0] }]);
    expect(passed.chunk.styles).toEqual({ f1: { fontFamily: 'serif' } });
    expect(passed).not.toBe(message);
    const other = { stream: 4, streamId: 2, chunk: new Uint8Array([1, 2]) };
    expect(scope.structuredClone(other)).not.toBe(other);
    expect(scope.structuredClone(other)).toEqual(other);
    const request = { action: 'GetPage', data: { pageIndex: 0 } };
    expect(scope.structuredClone(request).data).not.toBe(request.data);
    const buffer = new ArrayBuffer(8);
    const transferred = scope.structuredClone({ stream: 4, chunk: { items: [buffer], styles: {} } }, { transfer: [buffer] });
    expect(buffer.byteLength).toBe(0);
    expect((transferred.chunk.items[0] as ArrayBuffer).byteLength).toBe(8);
  });

  it("gives pdf.js' fake worker the same pages' text as cloning", async () => {
    const docs = meetingDocs(40, 400).slice(0, 4);
    const read = async () => {
      const out: string[] = [];
      for (const [i, d] of docs.entries()) for await (const p of extractPdfPagesInNode(meetingPdf(d, i + 1))) out.push(p.text);
      return out;
    };
    // Counted: the messages that still reach the real clone (the pages' chunks no longer do).
    let clones = 0;
    globalThis.structuredClone = ((value: unknown, options?: StructuredSerializeOptions) => (clones++, original(value, options))) as typeof structuredClone;
    const cloned = await read();
    const before = clones;
    clones = 0;
    passTextChunks(globalThis);
    const passed = await read();
    expect(passed.length).toBeGreaterThan(20);
    expect(passed).toEqual(cloned);
    expect(clones).toBeLessThan(before - passed.length);
  });
});
