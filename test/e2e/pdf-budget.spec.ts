// A decompression bomb in real Chromium: the viewer refuses it with the Dutch message before
// pdf.js unpacks it (and the page stays usable). The bomb is made here and served through
// Playwright's routing under a portal address; it is never stored in the repository.
import { bombPdf } from '../fixtures/pdf/make-hostile-pdf.mjs';
import { expect, screenshot, test } from './fixtures';

const URL = 'http://utrecht.raadsinformatie.nl/pdf/bom.pdf';

test('viewer: een PDF die uitpakt tot 300 MB wordt geweigerd met een duidelijke melding', async ({ context, extensionId, errors }) => {
  const bomb = Buffer.from(await bombPdf({ unpackedMb: 300, pages: 3, bombPage: 2 }));
  expect(bomb.length).toBeLessThan(1024 * 1024);
  await context.route(URL, (route) => route.fulfill({ status: 200, contentType: 'application/pdf', body: bomb }));
  const viewer = await context.newPage();
  await viewer.setViewportSize({ width: 900, height: 500 });
  await viewer.goto(`chrome-extension://${extensionId}/pdf-viewer.html?file=${encodeURIComponent(URL)}`);
  await expect(viewer.getByTestId('viewer-error')).toHaveText(
    'Deze PDF pakt uit tot meer dan 128 MB aan gegevens (een ‘zipbom’?). Raadslens leest hem niet, zodat uw computer niet vastloopt.',
  );
  // The page still answers.
  expect(await viewer.evaluate(() => document.title.length >= 0)).toBe(true);
  await screenshot(viewer, 'pdf-viewer-bomb');
  expect(errors).toEqual([]);
});
