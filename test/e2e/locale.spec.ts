// Dutch first, English second: in an English browser the panel speaks English.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../tools/fixture-server.mjs';
import { expect, test } from './fixtures';

const en = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'public', '_locales', 'en', 'messages.json'), 'utf8')) as Record<
  string,
  { message: string }
>;

test.use({ uiLanguage: 'en' });

test('in een Engelstalige browser is het paneel Engels', async ({ openScanned, openPanel, errors }) => {
  const panel = await openPanel((await openScanned()).tabId);
  const card = panel.locator('[data-testid=question-card][data-question=ap-1]');
  await expect(card).toBeVisible();
  for (const key of ['toelichting', 'uitgangspunt', 'observatie']) {
    const label = en[key]?.message;
    expect(label, `en message "${key}"`).toBeTruthy();
    await expect(card).toContainText(label as string);
  }
  await expect(card).not.toContainText('Toelichting');
  expect(errors).toEqual([]);
});
