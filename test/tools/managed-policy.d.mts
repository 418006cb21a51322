// Types for managed-policy.mjs (plain Node ESM, for test/e2e).
export const STADSOOG_PACK: {
  id: 'camera';
  label: string;
  description: string;
  questions: { question: 'ap-2'; reason: string }[];
  instruments: never[];
  registers: never[];
  terms: { id: string; text: string; match: 'word' }[];
};
export const CHROMIUM_POLICY_DIR: string;
export function unpackedExtensionId(dir: string): string;
export function policyUnavailable(): string | null;
export function installManagedPolicy(
  extensionDir: string,
  policy: unknown,
): Promise<{ id: string; extensionDir: string; file: string; remove: () => Promise<void> }>;
