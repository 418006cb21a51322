// Quick lookup in the toolbar popup: type a term (with a typo, without diacritics) and get the
// category, the AP questions with the reason, and the instruments.
import { expect, screenshot, test } from './fixtures';

test('opzoeken vindt slimme lantaarnpalen en gezichtsherkenning, ook met een tikfout', async ({ openScanned, openPopup, errors }) => {
  const { tabId } = await openScanned();
  const popup = await openPopup(tabId);
  await expect(popup.getByTestId('popup-count')).toBeVisible();

  const input = popup.getByTestId('lookup-input');
  await expect(input).toHaveAccessibleName(/zoek/i);
  await input.fill('lantaarnpaal');
  const first = popup.getByTestId('lookup-result').first();
  await expect(first).toHaveAttribute('data-category', 'sensor');
  await expect(first).toContainText('Sensoren');
  await expect(first).toContainText('slimme lantaarnpaal');
  // The three AP questions, each with the reason from the rules, and the instruments.
  await expect(first.locator('.lookup-questions > li')).toHaveCount(3);
  await expect(first).toContainText('Waarom:');
  await expect(first).toContainText('DPIA');
  await expect(first).toContainText('Sensorenregister');
  await screenshot(popup, 'popup-lookup');

  await input.fill('gezichtsherkening');
  await expect(popup.getByTestId('lookup-result').first()).toHaveAttribute('data-category', 'biometrie');

  await input.fill('iama');
  await expect(popup.getByTestId('lookup-result').first()).toHaveAttribute('data-kind', 'instrument');
  await popup.getByTestId('lookup-result').first().scrollIntoViewIfNeeded();
  await screenshot(popup, 'popup-lookup-instrument');

  await input.fill('noodzakelijk');
  await expect(popup.getByTestId('lookup-result').first()).toHaveAttribute('data-question', 'ap-2');
  await popup.getByTestId('lookup-result').first().scrollIntoViewIfNeeded();
  await screenshot(popup, 'popup-lookup-question');

  await input.fill('qwxzv');
  await expect(popup.getByTestId('lookup-result')).toHaveCount(0);
  await expect(popup.getByText('Niets gevonden voor ‘qwxzv’', { exact: false }).first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('de popup is met het toetsenbord te bedienen: zoeken, scannen, zijpaneel', async ({ openPopup, page, errors }) => {
  await page.goto('about:blank');
  const popup = await openPopup();
  // Tab order: open panel, scan, lookup — every stop has a visible focus ring.
  const reached: string[] = [];
  for (let i = 0; i < 6; i++) {
    await popup.keyboard.press('Tab');
    const info = await popup.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return { id: el.dataset.testid ?? el.id, outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px' };
    });
    if (!info) continue;
    expect(info.outline, `visible focus on ${info.id}`).toBe(true);
    reached.push(info.id);
  }
  expect(reached).toEqual(expect.arrayContaining(['open-panel', 'lookup-input']));
  await popup.getByTestId('lookup-input').focus();
  await popup.keyboard.type('camera');
  await expect(popup.getByTestId('lookup-result').first()).toHaveAttribute('data-category', 'camera');
  expect(errors).toEqual([]);
});
