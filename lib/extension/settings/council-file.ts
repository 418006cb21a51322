// "Raadslens-instellingen voor de raad": the griffie's set-up as a file, for gemeenten without
// managed browsers. The body uses the policy keys (portalHosts, termPacks, settings, letter,
// fetchPdfs), so one README section describes both. Unlike a policy, which is applied key by key,
// a file is taken whole or not at all: a reader importing it must get what the griffie sent.
import type { CategoryPack, RuleSet } from '../../core/rules';
import { parsePolicy, type GriffiePolicy, type PolicySettings } from './policy';
import { SETTINGS_KEY, SettingsSchema, type Settings } from './schema';
import { GRIFFIE_FILE_KEY, loadEffectiveSettings } from './managed';
import { browser } from 'wxt/browser';

export const COUNCIL_FILE_FORMAT = 'raadslens-instellingen-voor-de-raad';
const COUNCIL_FILE_VERSION = 1;

interface CouncilFile extends Omit<GriffiePolicy, 'locked'> {
  format: typeof COUNCIL_FILE_FORMAT;
  version: typeof COUNCIL_FILE_VERSION;
}

/** The reader's own terms as packs in the rules/terms format: a griffie collects its words as own terms. */
function ownTermPacks(settings: Settings, rules: RuleSet): CategoryPack[] {
  return rules.categories.flatMap((category) => {
    const own = settings.ownTerms.filter((o) => o.category === category.id);
    if (own.length === 0) return [];
    return [
      {
        id: category.id,
        label: category.label,
        description: category.description,
        questions: category.questions,
        instruments: [],
        registers: [],
        terms: own.map((o, i) => ({ id: `${category.id}.raad-${i + 1}`, text: o.text, match: 'word' as const })),
      },
    ];
  });
}

/** What a griffie hands out: its settings, its terms (packs in effect and own terms), its hosts. No notes. */
export function buildCouncilFile(settings: Settings, policy: GriffiePolicy, grantedHosts: readonly string[], rules: RuleSet): CouncilFile {
  const hosts = [...new Set([...(policy.portalHosts ?? []), ...grantedHosts])];
  const termPacks = [...(policy.termPacks ?? []), ...ownTermPacks(settings, rules)];
  return {
    format: COUNCIL_FILE_FORMAT,
    version: COUNCIL_FILE_VERSION,
    settings: { disabledCategories: settings.disabledCategories, highlight: settings.highlight },
    ...(hosts.length ? { portalHosts: hosts } : {}),
    ...(termPacks.length ? { termPacks } : {}),
    ...(policy.letter ? { letter: policy.letter } : {}),
    ...(policy.fetchPdfs === false ? { fetchPdfs: false } : {}),
  };
}

export type CouncilChange =
  | { kind: 'categories'; off: string[]; on: string[] }
  | { kind: 'highlight' }
  | { kind: 'terms'; count: number }
  | { kind: 'hosts'; hosts: string[] }
  | { kind: 'letter' }
  | { kind: 'fetchPdfs'; allowed: boolean };

type CouncilPreview =
  | { ok: true; policy: GriffiePolicy; settings: Settings; changes: CouncilChange[] }
  | { ok: false; problems: string[] };

function settingsWith(own: Settings, preset: PolicySettings | undefined): Settings {
  return {
    ...own,
    disabledCategories: preset?.disabledCategories ?? own.disabledCategories,
    highlight: preset?.highlight ? { ...own.highlight, ...preset.highlight } : own.highlight,
  };
}

/**
 * Reads a file's text and says what importing it would change, against the settings and griffie
 * set-up in effect now. Any problem refuses the whole file (problems are Dutch, naming the place).
 */
export function previewCouncilFile(text: string, current: { settings: Settings; policy: GriffiePolicy }): CouncilPreview {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problems: ['het bestand is geen JSON'] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as { format?: unknown }).format !== COUNCIL_FILE_FORMAT) {
    return { ok: false, problems: [`dit is geen bestand "Raadslens-instellingen voor de raad" (format "${COUNCIL_FILE_FORMAT}" ontbreekt)`] };
  }
  const { format: _f, version, locked, ...body } = raw as Record<string, unknown>;
  if (version !== COUNCIL_FILE_VERSION) return { ok: false, problems: [`versie ${String(version)} wordt niet ondersteund (verwacht ${COUNCIL_FILE_VERSION})`] };
  const { policy, problems } = parsePolicy(body);
  if (locked !== undefined) problems.push({ key: 'locked', detail: 'locked kan alleen via het browserbeleid van uw ICT, niet in een bestand' });
  if (problems.length) return { ok: false, problems: problems.map((p) => p.detail) };

  const settings = settingsWith(current.settings, policy.settings);
  const changes: CouncilChange[] = [];
  const before = new Set(current.settings.disabledCategories);
  const after = new Set(settings.disabledCategories);
  const off = [...after].filter((c) => !before.has(c));
  const on = [...before].filter((c) => !after.has(c));
  if (off.length || on.length) changes.push({ kind: 'categories', off, on });
  if (JSON.stringify(settings.highlight) !== JSON.stringify(current.settings.highlight)) changes.push({ kind: 'highlight' });
  const termCount = (policy.termPacks ?? []).reduce((n, p) => n + p.terms.length, 0);
  if (termCount) changes.push({ kind: 'terms', count: termCount });
  const known = new Set(current.policy.portalHosts ?? []);
  const hosts = (policy.portalHosts ?? []).filter((h) => !known.has(h));
  if (hosts.length) changes.push({ kind: 'hosts', hosts });
  if (policy.letter && JSON.stringify(policy.letter) !== JSON.stringify(current.policy.letter)) changes.push({ kind: 'letter' });
  if ((policy.fetchPdfs ?? true) !== (current.policy.fetchPdfs ?? true)) changes.push({ kind: 'fetchPdfs', allowed: policy.fetchPdfs !== false });
  return { ok: true, policy, settings, changes };
}

/** What importing writes: the reader's settings and the file's set-up, in one storage write (all or nothing). */
export function councilFileWrite(preview: Extract<CouncilPreview, { ok: true }>): Record<string, unknown> {
  const { settings: _s, ...stored } = preview.policy;
  return { [SETTINGS_KEY]: preview.settings, [GRIFFIE_FILE_KEY]: stored };
}

/** Previews against what is in effect, then writes everything in one storage write, or nothing. */
export async function importCouncilFile(text: string): Promise<{ ok: true; preview: Extract<CouncilPreview, { ok: true }> } | { ok: false; problems: string[] }> {
  const current = await loadEffectiveSettings();
  const preview = previewCouncilFile(text, { settings: current.settings, policy: current.griffie.policy });
  if (!preview.ok) return preview;
  // Validated before the write: nothing is stored unless all of it is valid.
  SettingsSchema.parse(preview.settings);
  await browser.storage.local.set(councilFileWrite(preview));
  return { ok: true, preview };
}
