// The toolbar popup, and what happens when extension pages send nonsense.
import { expect, screenshot, test } from './fixtures';
import type { WxtBrowser } from 'wxt/browser';

declare const chrome: WxtBrowser;

test('popup toont het aantal treffers van het tabblad en een knop naar het paneel', async ({ openScanned, openPopup, errors }) => {
  const { tabId, scan } = await openScanned();
  const popup = await openPopup(tabId);

  const count = popup.getByTestId('popup-count');
  await expect(count).toBeVisible();
  await expect(count).toContainText(String(scan.matches));
  // The panel's word ('vondsten') and the panel's order of categories, the fullest first.
  await expect(popup.locator('.big-count')).toHaveText(`${scan.matches} vondsten op deze pagina`);
  await expect(popup.locator('.chip').nth(0)).toContainText('Camera’s en beelden');
  await expect(popup.locator('.chip').nth(1)).toContainText('Sensoren en slimme stad');
  const open = popup.getByTestId('open-panel');
  await expect(open).toBeVisible();
  await expect(open).toBeEnabled();
  // The page's chips and the panel's button stand apart from the lookup above them, below a line:
  // right under its search box they read as its suggestions and its button.
  const apart = await popup.evaluate(() => {
    const input = document.querySelector('[data-testid=lookup-input]')!.getBoundingClientRect();
    const line = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (s.borderTopStyle === 'solid' && parseFloat(s.borderTopWidth) >= 1 && !p.contains(document.querySelector('[data-testid=lookup-input]'))) return Math.round(p.getBoundingClientRect().top - input.bottom);
      }
      return null;
    };
    return [line(document.querySelector('.chips')!), line(document.querySelector('[data-testid=open-panel]')!)];
  });
  // Both under one line, well below the search box.
  expect(apart[0]).not.toBeNull();
  expect(apart[0]).toBe(apart[1]);
  expect(apart[0]!).toBeGreaterThanOrEqual(12);
  await screenshot(popup, 'popup');
  expect(errors).toEqual([]);
});

test('popup op een agenda: de telling is die van de pagina, de bijlagen staan er niet in en dat staat erbij', async ({ openScanned, openPopup, errors }) => {
  // A meeting page linking five PDFs: the popup's count is the page's own text only.
  const { tabId } = await openScanned('pages/pdf-bijlagen.html', 'utrecht.raadsinformatie.nl');
  const popup = await openPopup(tabId);
  await expect(popup.getByTestId('popup-count')).toBeVisible();
  await expect(popup.getByTestId('popup-attachments')).toHaveText('De 5 bijlagen van deze pagina tellen hierin niet mee: lees ze in het zijpaneel.');
  expect(errors).toEqual([]);
});

test('een onjuist bericht krijgt een foutantwoord en breekt niets', async ({ page, openScanned, openPopup, openPanel, highlightedTexts, errors }) => {
  const { tabId } = await openScanned();
  const popup = await openPopup(tabId);
  await expect(popup.getByTestId('popup-count')).toBeVisible();

  const replies = await popup.evaluate(async () => {
    const bad: unknown[] = [
      { type: 'nonsense' },
      { type: 'scan-tab', tabId: 'abc' },
      { type: 'scan-report', report: { url: 1 } },
      'nonsense',
      null,
      [1, 2, 3],
      { type: 'nonsense', payload: 'x'.repeat(200_000) },
    ];
    const out: unknown[] = [];
    for (const msg of bad) {
      try {
        out.push(await chrome.runtime.sendMessage(msg));
      } catch (e) {
        out.push({ thrown: String(e) });
      }
    }
    return out;
  });
  for (const [i, reply] of replies.entries()) {
    expect(reply, `reply ${i}`).toEqual(expect.objectContaining({ ok: false, error: expect.any(String) }));
  }

  // Nonsense to the content script: an error reply for what is not a message; whatever it
  // answers to an index out of range, the page keeps its highlights.
  const contentReplies = await popup.evaluate(async (id) => {
    const out: unknown[] = [];
    for (const msg of [{ type: 'nonsense' }, null, { type: 'scroll-to-match', index: -1 }, { type: 'scroll-to-match', index: 999_999 }]) {
      out.push(await chrome.tabs.sendMessage(id, msg).catch((e: unknown) => ({ thrown: String(e) })));
    }
    return out;
  }, tabId);
  for (const reply of contentReplies.slice(0, 3)) {
    expect(reply).toEqual(expect.objectContaining({ ok: false, error: expect.any(String) }));
  }
  expect(contentReplies[3]).not.toHaveProperty('thrown');
  expect((await highlightedTexts(page)).length).toBeGreaterThan(0);

  // The panel still works afterwards.
  const panel = await openPanel(tabId);
  await expect(panel.locator('[data-testid=match-group][data-category=camera]')).toBeVisible();
  expect(errors).toEqual([]);
});

test('popup op een pagina zonder vondsten: "Geen vondsten op deze pagina", niet "0 vondsten"', async ({ openScanned, openPopup, errors }) => {
  const { tabId } = await openScanned('pages/agenda-zonder-termen.html');
  const popup = await openPopup(tabId);
  await expect(popup.locator('.big-count')).toHaveText('Geen vondsten op deze pagina');
  await expect(popup.getByTestId('popup-count')).toHaveAttribute('data-count', '0');
  expect(errors).toEqual([]);
});
