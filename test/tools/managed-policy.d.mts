// Types for managed-policy.mjs (plain Node ESM, for test/e2e).
export const CHROMIUM_POLICY_DIR: string;
export function unpackedExtensionId(dir: string): string;
export function policyUnavailable(): string | null;
export function installManagedPolicy(
  extensionDir: string,
  policy: unknown,
): Promise<{ id: string; extensionDir: string; file: string; remove: () => Promise<void> }>;
