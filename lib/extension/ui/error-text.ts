/** What to show the reader for a failure: our errors carry a Dutch message; anything else as text. */
export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
