// Types for fixture-server.mjs (the .mjs runs as plain Node for `npm start`).
export interface FixtureServer {
  port: number;
  root: string;
  /** "host/path" of every request served, in order. */
  requests: string[];
  /** http://127.0.0.1:PORT/<path> */
  url(path: string): string;
  close(): Promise<void>;
}

export const PROJECT_ROOT: string;
export const FIXTURES_ROOT: string;
export const EXTENSION_DIR: string;
export const MAPPED_HOST_PATTERNS: string[];
export function hostResolverRules(port: number): string;
export function manyNodesPage(textNodes?: number): string;
export function startFixtureServer(options?: {
  root?: string;
  port?: number;
  host?: string;
  log?: boolean;
  /** Answers a request before the fixtures; returns true when it did. */
  handle?: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, url: URL) => boolean | Promise<boolean>;
}): Promise<FixtureServer>;
export function findBrowser(): string | null;
