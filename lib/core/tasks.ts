// A task of its own, posted without timer clamping: the browser's task scheduler where it has one,
// else a private MessageChannel, else a timer. What steps run in slices are posted with (steps.ts):
// a chain of setTimeout(0) waits ≥ 4 ms per link after a few, which leaves the thread idle between
// slices; nextTurn gives way once, by a message alone.

interface TaskScheduler {
  postTask(fn: () => void, options: { priority: 'user-visible'; signal: AbortSignal }): Promise<unknown>;
}

/**
 * A poster for one run: the browser's task scheduler where it has one (scheduler.postTask: no
 * clamping, and the browser knows it is a task it may order behind input), else a private
 * MessageChannel (no timer clamping either), else setTimeout.
 */
export function taskPoster(): { post: (fn: () => void) => void; close: () => void } {
  const tasks = (globalThis as { scheduler?: Partial<TaskScheduler> }).scheduler;
  if (typeof tasks?.postTask === 'function' && typeof AbortController === 'function') {
    const abort = new AbortController();
    return {
      post(fn) {
        // A task aborted by close() rejects its promise: that is the end we asked for.
        tasks.postTask!(fn, { priority: 'user-visible', signal: abort.signal }).catch(() => {});
      },
      close: () => abort.abort(),
    };
  }
  if (typeof MessageChannel !== 'function') return { post: (fn) => void setTimeout(fn, 0), close: () => {} };
  let channel: MessageChannel | null = null;
  let next: (() => void) | null = null;
  return {
    post(fn) {
      if (!channel) {
        channel = new MessageChannel();
        channel.port1.onmessage = () => {
          const run = next;
          next = null;
          run?.();
        };
      }
      next = fn;
      channel.port2.postMessage(null);
    },
    close() {
      next = null;
      if (channel) {
        channel.port1.onmessage = null;
        channel.port1.close();
        channel.port2.close();
        channel = null;
      }
    },
  };
}

/** Runs `fn` once in a task of its own, posted as the slices are (see taskPoster). */
export function postTask(fn: () => void): void {
  const poster = taskPoster();
  poster.post(() => {
    poster.close();
    fn();
  });
}

/**
 * A turn of the event loop, so rendering and input get their turn between slices of work.
 * A message to itself where there is MessageChannel: a chain of setTimeout(0) is clamped to 4 ms a
 * turn after five, idle time added to every long read. (Not scheduler.yield: its continuation
 * is ranked above ordinary tasks, and the frame with the first rows waited behind the slices.)
 */
export const nextTurn = (): Promise<void> =>
  new Promise((resolve) => {
    if (typeof MessageChannel === 'undefined') {
      setTimeout(resolve, 0);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
