// A new task without a timer's clamping (nested timeouts wait ≥ 4 ms; 2,000 pages would wait 8 s):
// a message to ourselves. Every caller waiting gets its own turn, first come first served. With one
// slot for "the caller waiting", a second caller (the warm-up, after a document's pages were
// under way) took it over, and the document waited for a message that had already been spent: its
// row stayed busy for good (meeting.spec "alles stoppen", intermittent). No extension API here.

interface Channel {
  port1: { onmessage: ((event: unknown) => void) | null; close?(): void };
  port2: { postMessage(message: unknown): void };
}

/** `nextTask()` resolves in a task of its own, once per call, in the order called. */
export function createNextTask(channel: Channel = new MessageChannel() as unknown as Channel): () => Promise<void> {
  const waiting: (() => void)[] = [];
  // One message per call: the n-th message resumes the n-th caller.
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
}
