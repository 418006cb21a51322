// Whether user input waits, where the browser can tell (Chromium's navigator.scheduling): the
// page's slices run longer while none does (lib/core/steps.ts, idleBudgetMs).

interface Scheduling {
  isInputPending?: (options?: { includeContinuous?: boolean }) => boolean;
}

/** navigator.scheduling.isInputPending where the browser has it, else null. */
export function browserInputPending(): (() => boolean) | null {
  const scheduling = (globalThis.navigator as { scheduling?: Scheduling } | undefined)?.scheduling;
  const probe = scheduling?.isInputPending;
  if (typeof probe !== 'function') return null;
  return () => probe.call(scheduling, { includeContinuous: true });
}
