// The checklist reads what the text says, and the letter follows it: a raadsvoorstel that says no
// DPIA was carried out shows that with its own mark and sentence, the letter's first question is
// about it, and a status the reader corrects survives a reload of the panel and changes the letter.
import { expect, screenshot, test } from './fixtures';

const PAGE = 'pages/raadsvoorstel-geen-dpia.html';
const HOST = 'zwolle.raadsinformatie.nl';

test('een stuk zonder DPIA: het eigen teken, de eerste vraag van de brief, en een correctie die blijft', async ({ openScanned, openPanel, errors }) => {
  const { tabId } = await openScanned(PAGE, HOST);
  const panel = await openPanel(tabId);

  const dpia = panel.locator('[data-testid=safeguard-found][data-safeguard=dpia]');
  await expect(dpia).toHaveAttribute('data-status', 'negated');
  await expect(dpia).toContainText('Het stuk zegt: niet gedaan');
  await expect(dpia.locator('.mark')).toHaveText('✗');
  await expect(dpia.locator('blockquote')).toHaveText("Voor de slimme camera's is geen DPIA uitgevoerd, omdat de leverancier de software al bij andere gemeenten gebruikt.");
  const fg = panel.locator('[data-testid=safeguard-found][data-safeguard=fg]');
  await expect(fg).toHaveAttribute('data-status', 'planned');
  await expect(fg).toContainText('Nog niet gedaan, wel aangekondigd');
  await expect(panel.locator('[data-testid=safeguard-found][data-safeguard=bewaartermijn]')).toHaveAttribute('data-status', 'stated');
  await expect(panel.locator('[data-testid=safeguard-missing][data-safeguard=alternatieven]')).toHaveAttribute('data-status', 'absent');
  // ✓ only where the text says it was done.
  await expect(panel.locator('[data-testid=safeguards] .mark', { hasText: '✓' })).toHaveCount(1);
  await panel.getByTestId('safeguards').evaluate((el) => el.scrollIntoView());
  await screenshot(panel, 'checklist-statuses');

  // The letter: a visible action under the checklist; its first question is the missing DPIA, quoted.
  await panel.getByTestId('letter-open').first().click();
  const letter = panel.getByTestId('letter-text');
  // (How the quote is introduced depends on the document type the portal page gives.)
  await expect(letter).toHaveValue(/^Aan het college van burgemeester en wethouders van de gemeente Zwolle/);
  await expect(letter).toHaveValue(/\n1\. [^\n“]+: “Voor de slimme camera's is geen DPIA uitgevoerd, omdat [^”]+” Waarom is er geen DPIA uitgevoerd/);
  await expect(letter).toHaveValue(/\n2\. [^\n“]+: “De functionaris gegevensbescherming wordt na de zomer om advies gevraagd\.” Wanneer geeft de FG advies/);
  await expect(letter).toHaveValue(/artikel \[artikel …\] van het Reglement van orde/);
  await panel.getByTestId('letter').scrollIntoViewIfNeeded();
  await screenshot(panel, 'checklist-letter');

  // The reader reads it otherwise: one click, kept with the document.
  await panel.getByTestId('tab-document').click();
  await dpia.locator('[data-testid=safeguard-correct][data-status=stated]').click();
  await expect(dpia).toHaveAttribute('data-status', 'stated');
  await expect(dpia).toHaveAttribute('data-detected', 'negated');
  await expect(dpia.getByTestId('safeguard-corrected')).toContainText('Raadslens las: niet gedaan');
  await panel.getByTestId('safeguards').evaluate((el) => el.scrollIntoView());
  await screenshot(panel, 'checklist-corrected');

  await panel.reload();
  await expect(dpia).toHaveAttribute('data-status', 'stated');
  await expect(dpia).toHaveAttribute('data-detected', 'negated');

  await panel.getByTestId('letter-open').first().click();
  await expect(letter).toHaveValue(/\n1\. [^\n“]+: “De functionaris gegevensbescherming wordt na de zomer/);
  await expect(letter).not.toHaveValue(/Waarom is er geen DPIA uitgevoerd/);

  // Back to what was read: the DPIA question returns.
  await panel.getByTestId('tab-document').click();
  await dpia.getByTestId('safeguard-corrected').getByRole('button').click();
  await expect(dpia).toHaveAttribute('data-status', 'negated');
  expect(errors).toEqual([]);
});
