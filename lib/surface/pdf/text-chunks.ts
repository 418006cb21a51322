// pdf.js' fake worker (the extraction worker runs its parser and its display API in one thread,
// see ./extraction.ts) hands every message over through its LoopbackPort, which structuredClones
// it: each page's text content was serialised and read back in the same thread, ~7–10 % of the
// extraction's CPU over a meeting of 2,000 pages (Node, the same fake worker: 0.6–0.9 of 8.2 s),
// the one thread that sets a meeting scan's pace (issue 17, target 5). A text content chunk is
// never touched by its sender once posted: pdf.js' worker starts new `items` and `styles` after
// it (enqueueChunk in pdf.worker). So such a chunk is handed on by reference, its message and the
// chunk's own fields copied (the sender reassigns them); every other message is cloned as before.

/** pdf.js' StreamKind.ENQUEUE: a stream's chunk (message handler, pdf.mjs). */
const ENQUEUE = 4;

interface TextChunkMessage {
  stream: number;
  chunk: { items: unknown[]; styles: object; lang?: unknown };
}

function isTextChunk(value: unknown): value is TextChunkMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<TextChunkMessage>;
  const chunk = m.chunk as Partial<TextChunkMessage['chunk']> | undefined;
  return m.stream === ENQUEUE && typeof chunk === 'object' && chunk !== null && Array.isArray(chunk.items) && typeof chunk.styles === 'object' && chunk.styles !== null;
}

/** Makes `scope.structuredClone` pass text content chunks on without a copy of their items. */
export function passTextChunks(scope: { structuredClone: typeof structuredClone }): void {
  const clone = scope.structuredClone.bind(scope);
  scope.structuredClone = ((value: unknown, options?: StructuredSerializeOptions) => {
    if (!options?.transfer?.length && isTextChunk(value)) return { ...value, chunk: { ...value.chunk } };
    return clone(value, options);
  }) as typeof structuredClone;
}
