// The side panel reads PDFs in its analysis worker and no longer compiles the analyser itself:
// the variant a stored result carries must be the one the compiled analyser would give, or
// results stored before would never be shown again (and others shown for other settings).
import { describe, expect, it } from 'vitest';
import { analyserForSettings, settingsVariant } from '@/lib/extension/settings/analyser';
import { defaultSettings } from '@/lib/extension/settings/defaults';
import type { EffectiveSettings } from '@/lib/extension/settings';

describe('settingsVariant', () => {
  it('gives the compiled analyser’s options and variant without compiling, for defaults and for own settings', () => {
    const own = { ...defaultSettings(), ownTerms: [{ id: 'lamp', text: 'lantaarnpalen', category: 'sensor' as const }], disabledCategories: ['drone' as const] };
    const loaded = [null, { settings: defaultSettings(), griffie: { policy: {} } }, { settings: own, griffie: { policy: {} } }] as Array<Pick<EffectiveSettings, 'settings' | 'griffie'> | null>;
    const variants = loaded.map((l) => {
      const compiled = analyserForSettings(l);
      const plain = settingsVariant(l);
      expect(plain.variant).toBe(compiled.variant);
      expect(plain.options).toEqual(compiled.options);
      return plain.variant;
    });
    expect(variants[2]).not.toBe(variants[1]);
  });
});
