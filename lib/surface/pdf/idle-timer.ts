// A time-out that fires once nothing touched it for `ms`: a download's stall watch (touched per
// chunk) and the panel's page clock (touched per word of an extraction worker). Clearing and
// setting a browser timer at every touch was ~2 % of the side panel's main thread in a meeting's
// scan (thousands of chunks and pages); a touch now only notes the time, and the one timer, when
// it comes due early, sets itself again for what is left.

export interface IdleTimer {
  /** Something happened: the time-out counts from now. */
  touch(): void;
  stop(): void;
}

export function idleTimer(ms: number, onIdle: () => void, now: () => number = () => performance.now()): IdleTimer {
  let last = now();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const check = () => {
    const left = last + ms - now();
    if (left > 0) {
      timer = setTimeout(check, left);
      return;
    }
    timer = null;
    onIdle();
  };
  timer = setTimeout(check, ms);
  return {
    touch() {
      last = now();
      // Fired already (or stopped): a touch does not bring it back.
    },
    stop() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
