// Stands in for WXT's ContentScriptContext in the content script build (see wxt.config.ts): WXT's
// entry wrapper constructs one before main() runs, and the real class posts a message and
// dispatches events on the page that carry the extension id and let the page stop the script.
// This one does nothing at all; the script uses content-context.ts instead.
export class ContentScriptContext {
  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}
}
