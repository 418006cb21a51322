// A hostile portal page against Raadslens: its own scripts (main world, installed before the
// page loads) try every channel they can reach — CSS.highlights, the performance timeline,
// window messages, forged WXT events, the DOM — to read the reader's notes and flags, or to
// switch the scanner off or make it rescan. The attacker is even given the extension id.
import type { Page } from '@playwright/test';
import type { WxtBrowser } from 'wxt/browser';
import { expect, selectText, test } from './fixtures';

declare const chrome: WxtBrowser;

const NOTE_PASSAGE = 'zakkenrollerij en geweld in het uitgaansgebied';
const NOTE_TEXT = 'Geheime notitie over de zakkenrollers';
const FLAG_PASSAGE = 'blijft van toepassing op de vormgeving van de masten';

interface Spy {
  polls: number;
  highlightNames: string[];
  highlightTexts: string[];
  messages: string[];
  heard: string[];
}

/** The page's spy: polls the highlight registry and listens to everything on window. */
function installSpy(extensionId: string) {
  const spy: Spy = { polls: 0, highlightNames: [], highlightTexts: [], messages: [], heard: [] };
  (window as unknown as { __spy: Spy }).__spy = spy;
  const names = new Set<string>();
  const texts = new Set<string>();
  const poll = () => {
    spy.polls++;
    const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
    if (!registry) return;
    for (const [name, h] of registry) {
      names.add(name);
      for (const r of h) {
        try {
          const x = document.createRange();
          x.setStart(r.startContainer, r.startOffset);
          x.setEnd(r.endContainer, r.endOffset);
          texts.add(x.toString());
        } catch {
          // A range into a node that is gone.
        }
      }
    }
    spy.highlightNames = [...names];
    spy.highlightTexts = [...texts];
  };
  setInterval(poll, 30);
  window.addEventListener('message', (e) => {
    let data: string;
    try {
      data = JSON.stringify(e.data);
    } catch {
      data = String(e.data);
    }
    spy.messages.push(data);
  });
  for (const name of ['content-script-started', 'locationchange']) {
    const type = `${extensionId}:content:wxt:${name}`;
    document.addEventListener(type, () => spy.heard.push(type));
    window.addEventListener(type, () => spy.heard.push(type));
  }
}

const spyOf = (page: Page) => page.evaluate(() => (window as unknown as { __spy: Spy }).__spy);

/** Waits until the spy has polled `n` more times: whatever was exposed, it has seen. */
async function letSpyLook(page: Page, n = 5): Promise<void> {
  const from = (await spyOf(page)).polls;
  await expect.poll(async () => (await spyOf(page)).polls).toBeGreaterThanOrEqual(from + n);
}

test('een vijandige pagina leest geen notities of aandachtspunten: niet uit CSS.highlights, performance, berichten of de DOM', async ({
  page,
  extensionId,
  openScanned,
  openPanel,
  serviceWorker,
  errors,
}) => {
  await page.addInitScript(installSpy, extensionId);
  const { tabId } = await openScanned();
  const anchorOf = async (text: string) => {
    await selectText(page, text);
    const reply = await serviceWorker.evaluate(async (id) => chrome.tabs.sendMessage(id, { type: 'get-selection' }), tabId);
    expect(reply).toMatchObject({ ok: true, value: { exact: text } });
    return (reply as { value: unknown }).value;
  };
  const pend = (action: 'note' | 'flag', anchor: unknown) =>
    serviceWorker.evaluate(
      async ([id, act, a]) => chrome.storage.session.set({ 'pending-note': { tabId: id, action: act, anchor: a, createdAt: Date.now() } }),
      [tabId, action, anchor] as const,
    );

  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('panel-summary')).toBeVisible();
  const noteAnchor = await anchorOf(NOTE_PASSAGE);
  await pend('note', noteAnchor);
  await panel.getByTestId('note-editor').fill(NOTE_TEXT);
  await panel.getByTestId('note-save').click();
  await expect(panel.getByTestId('note-item').filter({ hasText: NOTE_TEXT })).toHaveCount(1);
  await pend('flag', await anchorOf(FLAG_PASSAGE));
  await expect(panel.getByTestId('flag-item')).toHaveCount(1);
  await page.evaluate(() => getSelection()!.removeAllRanges());

  // The panel found both passages in the page (they are not orphaned)…
  await expect(panel.getByTestId('note-item').getByTestId('entry-orphan')).toHaveCount(0);
  await expect(panel.getByTestId('flag-item').getByTestId('entry-orphan')).toHaveCount(0);
  // …the reader jumps to the note, and the page is scanned once more.
  expect(await serviceWorker.evaluate(async ([id, a]) => chrome.tabs.sendMessage(id, { type: 'scroll-to-anchor', anchor: a }), [tabId, noteAnchor] as const)).toEqual({ ok: true, value: true });
  expect(await serviceWorker.evaluate(async (id) => chrome.tabs.sendMessage(id, { type: 'rescan' }), tabId)).toMatchObject({ ok: true });
  await letSpyLook(page);

  const spy = await spyOf(page);
  // Term highlights are there for the page to see (the README says so)…
  expect(spy.highlightNames).toContain('raadslens-camera');
  expect(spy.highlightTexts.length).toBeGreaterThan(0);
  // …the reader's passages are not.
  expect(spy.highlightNames).not.toContain('raadslens-note');
  expect(spy.highlightNames).not.toContain('raadslens-flag');
  for (const t of spy.highlightTexts) {
    expect(NOTE_PASSAGE.includes(t) && t.length > 12 ? t : '').toBe('');
    expect(t).not.toContain('zakkenrollerij');
    expect(t).not.toContain('vormgeving');
  }
  // No message to the page's window, nothing under WXT's event names (that would give the id away).
  expect(spy.messages).toEqual([]);
  expect(spy.heard).toEqual([]);
  // The performance timeline and the DOM carry nothing of the notes.
  const seen = await page.evaluate(() => ({
    perf: JSON.stringify(performance.getEntries().map((e) => ({ name: e.name, detail: (e as PerformanceMeasure).detail ?? null }))),
    dom: document.documentElement.outerHTML,
    marks: document.querySelectorAll('mark').length,
  }));
  for (const secret of [NOTE_TEXT, NOTE_PASSAGE, FLAG_PASSAGE, 'zakkenrollers']) expect(seen.perf).not.toContain(secret);
  expect(seen.perf).not.toContain(extensionId);
  expect(seen.dom).not.toContain(NOTE_TEXT);
  expect(seen.dom).not.toContain(extensionId);
  expect(seen.marks).toBe(0);
  expect(errors).toEqual([]);
});

test('een vijandige pagina kan Raadslens niet uitzetten of laten herscannen met nagemaakte gebeurtenissen', async ({
  page,
  extensionId,
  openScanned,
  scanMeasure,
  highlightedTexts,
  errors,
}) => {
  await page.addInitScript(installSpy, extensionId);
  const { scan } = await openScanned();
  const fullScans = () =>
    page.evaluate(() => performance.getEntriesByName('raadslens:scan', 'measure').filter((e) => !(e as PerformanceMeasure).detail.incremental).length);
  const before = await fullScans();
  expect(await highlightedTexts(page)).toContain('bodycams');

  // Every channel WXT's context listens on, forged; the Navigation API's event too.
  await page.evaluate((id) => {
    const started = `${id}:content:wxt:content-script-started`;
    for (const contentScriptName of ['content', 'content-scripts/content', undefined]) {
      document.dispatchEvent(new CustomEvent(started, { detail: { contentScriptName, messageId: 'forged' } }));
    }
    window.postMessage({ type: started, contentScriptName: 'content', messageId: 'forged' }, '*');
    for (let i = 0; i < 3; i++) {
      window.dispatchEvent(new CustomEvent(`${id}:content:wxt:locationchange`, { detail: { newUrl: location.href + '#x', oldUrl: location.href } }));
      const nav = (window as unknown as { navigation?: EventTarget }).navigation;
      nav?.dispatchEvent(new Event('navigate'));
    }
  }, extensionId);

  // Raadslens still follows the page: new text is scanned and painted…
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Daarnaast vliegen er drones boven het park.';
    document.querySelector('article')!.append(p);
  });
  await expect.poll(async () => (await scanMeasure(page)).matches).toBeGreaterThan(scan.matches);
  await expect.poll(() => highlightedTexts(page)).toContain('drones');
  // …the highlights it had are still there, and no forged navigation made it start over.
  expect(await highlightedTexts(page)).toContain('bodycams');
  expect(await fullScans()).toBe(before);
  expect(errors).toEqual([]);
});
