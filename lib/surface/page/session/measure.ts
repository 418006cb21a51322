// Performance measures the content script writes into the page's timeline. The page shares that
// timeline (performance.getEntriesByName works from its own scripts), so a store build must
// write nothing there: only a build made with RAADSLENS_MEASURE=1 (tests, benches) measures.
// wxt.config.ts defines the constant at build time; elsewhere (vitest, the CLI) it is absent.
declare const __RAADSLENS_MEASURE__: boolean | undefined;

export const PAGE_MEASURES_ON: boolean = typeof __RAADSLENS_MEASURE__ !== 'undefined' && __RAADSLENS_MEASURE__ === true;

/** performance.measure, only in a measuring build. */
export function pageMeasure(name: string, options: PerformanceMeasureOptions): void {
  if (PAGE_MEASURES_ON) performance.measure(name, options);
}

export function clearPageMeasures(name: string): void {
  if (PAGE_MEASURES_ON) performance.clearMeasures(name);
}
