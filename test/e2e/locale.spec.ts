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

test('in een Engelstalige browser zijn popup, opzoeken en instellingen Engels', async ({ openScanned, openPopup, context, extensionId, errors }) => {
  const { tabId } = await openScanned();
  const popup = await openPopup(tabId);
  await expect(popup.locator('html')).toHaveAttribute('lang', 'en');
  await expect(popup.getByTestId('open-panel')).toHaveText(en.openPanel!.message);
  await expect(popup.getByRole('heading', { name: en.lookupHeading!.message })).toBeVisible();
  await popup.getByTestId('lookup-input').fill('lantaarnpaal');
  const result = popup.getByTestId('lookup-result').first();
  await expect(result).toContainText(en.lookupKindCategory!.message);
  await expect(result).toContainText(en.questionAsk!.message);
  await expect(result).not.toContainText('Vraag het college');

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options).toHaveTitle(en.optionsTitle!.message);
  for (const key of ['optionsCategoriesHeading', 'optionsOwnTermsHeading', 'optionsHighlightHeading', 'optionsAboutHeading']) {
    await expect(options.getByRole('heading', { name: en[key]!.message, exact: true })).toBeVisible();
  }
  await expect(options.getByTestId('privacy-statement')).toHaveText(en.optionsPrivacy!.message);
  // The reader's own refusal messages follow the language too.
  await options.getByTestId('own-term-input').fill('bodycam');
  await options.getByTestId('own-term-add').click();
  await options.getByTestId('own-term-input').fill('Bodycam');
  await options.getByTestId('own-term-add').click();
  await expect(options.getByTestId('own-term-error')).toHaveText(en.ownTermDuplicate!.message.replace('$1', 'Bodycam'));
  expect(errors).toEqual([]);
});
