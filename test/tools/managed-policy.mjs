// A griffie's policy delivered the way IT delivers it, for tests: Chromium reads
// /etc/chromium/policies/managed/*.json at start-up; an unpacked extension's id is fixed by its
// directory (sha256 of the absolute path, the first 32 hex digits written with a-p), so a copy of
// the build in a directory of its own gets a policy no other test run's extension sees.
import { createHash, randomBytes } from 'node:crypto';
import { accessSync, constants, mkdirSync, realpathSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * A gemeente's own term pack (rules/terms/*.json format) as the e2e policies of both browsers hand
 * it over: the brand of its camera system, a word no built-in pack knows (fixture
 * pages/raadsinformatiebrief-stadsoog.html names the system only by it).
 */
export const STADSOOG_PACK = {
  id: 'camera',
  label: 'Camera’s van Voorbeeldstad',
  description: 'Het camerasysteem van de gemeente Voorbeeldstad.',
  questions: [{ question: 'ap-2', reason: 'Stadsoog legt vast wie er langskomt.' }],
  instruments: [],
  registers: [],
  terms: [{ id: 'camera.stadsoog', text: 'Stadsoog', match: 'word' }],
};

export const CHROMIUM_POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';

/** The id Chromium gives an unpacked extension loaded from `dir`. */
export function unpackedExtensionId(dir) {
  const hex = createHash('sha256').update(realpathSync(path.resolve(dir))).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode('a'.charCodeAt(0) + parseInt(c, 16))).join('');
}

/** Why managed policies cannot be written here, or null when they can. */
export function policyUnavailable() {
  try {
    mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
    accessSync(CHROMIUM_POLICY_DIR, constants.W_OK);
    return null;
  } catch (e) {
    return `${CHROMIUM_POLICY_DIR} is niet schrijfbaar (${e instanceof Error ? e.message : String(e)}); beleidstests draaien als root`;
  }
}

/**
 * Copies the built extension to a fresh directory and writes `policy` for exactly its id.
 * `remove()` deletes the policy file and the copy; call it in a finally.
 * @param {string} extensionDir
 * @param {unknown} policy
 */
export async function installManagedPolicy(extensionDir, policy) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'raadslens-policy-ext-'));
  const file = path.join(CHROMIUM_POLICY_DIR, `raadslens-test-${process.pid}-${randomBytes(6).toString('hex')}.json`);
  try {
    await cp(extensionDir, dir, { recursive: true });
    const id = unpackedExtensionId(dir);
    await writeFile(file, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }, null, 2));
    return {
      id,
      extensionDir: dir,
      file,
      remove: async () => {
        await rm(file, { force: true });
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await rm(file, { force: true });
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}
