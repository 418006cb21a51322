// The options page's settings are shown before the browser's policy answers (Chromium takes 2–6 s
// over a profile's first storage.managed call), and the policy applies once it does. Until then a
// setting the policy could lock cannot be changed, and a change made meanwhile never undoes a lock.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useSettings, type SettingsState } from '../../../../components/options/OptionsState';
import { OptionsCategories } from '../../../../components/options/OptionsCategories';
import { OptionsHighlight } from '../../../../components/options/OptionsHighlight';
import { OptionsStatus, PENDING_NOTE_DELAY_MS } from '../../../../components/options/OptionsStatus';
import { SETTINGS_KEY } from '../../../../lib/extension/settings/defaults';
import { addOwnTerm, defaultSettings, type Settings } from '../../../../lib/extension/settings';
import { loadBuiltinRules } from '../../../../lib/core/rules';

const rules = loadBuiltinRules();
let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** storage.managed answers when the test says so, as Chromium does seconds after a page opens. */
function managedLater(): (policy: unknown) => void {
  let answer!: (v: unknown) => void;
  const first = new Promise((r) => (answer = r));
  // The first call waits for the answer; later ones (after a change) get the same policy.
  vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(() => first as never);
  return answer;
}

let state!: SettingsState;
function Probe({ waitMs }: { waitMs?: number }) {
  state = useSettings({ policyWaitMs: waitMs });
  const { settings, griffie, policy, status, update } = state;
  return (
    <div>
      <p data-disabled={settings ? settings.disabledCategories.join(',') : 'null'} data-locked={[...(griffie?.locked ?? [])].join(',')} data-policy={policy} />
      <OptionsStatus status={status} policy={policy} />
      {settings && <OptionsCategories rules={rules} settings={settings} update={(s) => void update(s)} locked={griffie?.locked.has('disabledCategories')} policy={policy} />}
      {settings && <OptionsHighlight rules={rules} settings={settings} update={(s) => void update(s)} locked={griffie?.locked.has('highlight')} policy={policy} />}
    </div>
  );
}

async function mount(waitMs?: number): Promise<HTMLElement> {
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(<Probe waitMs={waitMs} />, root));
  return root.querySelector('p')!;
}

const stored = async (): Promise<Settings> => (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as Settings;
const toggles = () => [...root.querySelectorAll<HTMLInputElement>('[data-testid=category-toggle]')];
const modeUnderline = () => root.querySelector<HTMLInputElement>('[data-testid=mode-underline]')!;

describe('useSettings', () => {
  it('shows the stored settings while storage.managed has not answered, then the policy', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...defaultSettings(), disabledCategories: ['drone'] } });
    const answer = managedLater();
    const p = await mount();
    await vi.waitFor(() => expect(p.dataset.disabled).toBe('drone'));
    expect(p.dataset.locked).toBe('');
    expect(p.dataset.policy).toBe('pending');
    await act(async () => answer({ settings: { disabledCategories: ['camera'] }, locked: ['disabledCategories'] }));
    await vi.waitFor(() => expect(p.dataset.disabled).toBe('camera'));
    expect(p.dataset.locked).toBe('disabledCategories');
    expect(p.dataset.policy).toBe('answered');
  });

  it('keeps the settings a policy can lock from being changed until it answers, and says why', async () => {
    const answer = managedLater();
    const p = await mount();
    await vi.waitFor(() => expect(toggles().length).toBeGreaterThan(0));
    // Shown, but not editable: the fieldsets around both lockable settings are disabled.
    for (const field of root.querySelectorAll('fieldset.plain-fieldset')) expect((field as HTMLFieldSetElement).disabled).toBe(true);
    await act(() => new Promise((r) => setTimeout(r, PENDING_NOTE_DELAY_MS + 50)));
    // Said once, in the page's live status line (not a line above each setting that pushed the page down).
    const notes = [...root.querySelectorAll('[data-testid=setting-pending]')];
    expect(notes).toHaveLength(1);
    expect(notes[0]!.closest('[role=status]')?.textContent).toBe('Instellingen van de griffie worden geladen…');

    await act(async () => answer({ locked: ['highlight'] }));
    await vi.waitFor(() => expect(p.dataset.policy).toBe('answered'));
    expect(root.querySelectorAll('[data-testid=setting-pending]')).toHaveLength(0);
    const [categories, highlight] = [...root.querySelectorAll<HTMLFieldSetElement>('fieldset.plain-fieldset')];
    expect(categories!.disabled).toBe(false);
    expect(highlight!.disabled).toBe(true);
    expect(root.querySelector('[data-testid=setting-locked]')?.getAttribute('data-setting')).toBe('highlight');
  });

  it('saves a change made before the policy answered only after it, without undoing a lock or the griffie defaults', async () => {
    const answer = managedLater();
    const p = await mount();
    await vi.waitFor(() => expect(p.dataset.disabled).toBe(''));
    const shown = state.settings!;
    // The reader adds an own term (never lockable) and — as a stale view could — changes the style.
    const added = addOwnTerm(shown, 'Zakkenrollerij', 'data', 'term-1');
    if (!added.ok) throw new Error(added.message);
    let saved: Promise<boolean> | undefined;
    act(() => {
      saved = state.update({ ...added.settings, highlight: { ...shown.highlight, mode: 'underline', palette: 'high-contrast' } });
    });
    // Nothing is written while the policy is unknown.
    await new Promise((r) => setTimeout(r, 50));
    expect(await stored()).toBeUndefined();
    await act(async () => answer({ settings: { disabledCategories: ['drone'], highlight: { palette: 'standard' } }, locked: ['highlight'] }));
    expect(await saved).toBe(true);
    const now = await stored();
    expect(now.ownTerms.map((o) => o.text)).toEqual(['Zakkenrollerij']);
    // Locked: the griffie's (its preset over the default), not the reader's change.
    expect(now.highlight).toEqual({ mode: 'background', palette: 'standard', colours: {} });
    // Not locked and not touched by the reader: the griffie's default, not the plain one shown before.
    expect(now.disabledCategories).toEqual(['drone']);
    await vi.waitFor(() => expect(modeUnderline().checked).toBe(false));
  });

  it('after waiting in vain says no policy applies and lets the reader change the settings', async () => {
    managedLater(); // never answers
    const p = await mount(200);
    await vi.waitFor(() => expect(p.dataset.policy).toBe('timeout'));
    for (const field of root.querySelectorAll('fieldset.plain-fieldset')) expect((field as HTMLFieldSetElement).disabled).toBe(false);
    // Said once, in the page's status line that keeps its room: not above each lockable setting.
    const notes = [...root.querySelectorAll('[data-testid=setting-no-policy]')];
    expect(notes).toHaveLength(1);
    expect(notes[0]!.closest('[data-testid=options-status]')).not.toBeNull();
    expect(notes[0]!.textContent).toBe('Geen instellingen van de griffie ontvangen: u stelt dit zelf in.');
    expect(root.querySelectorAll('[data-testid=setting-pending]')).toHaveLength(0);
    await act(async () => {
      expect(await state.update({ ...state.settings!, disabledCategories: ['pilot'] })).toBe(true);
    });
    expect((await stored()).disabledCategories).toEqual(['pilot']);
  });
});
