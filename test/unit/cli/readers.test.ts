import { describe, expect, it } from 'vitest';
import { decodeUtf8, readHtml, readTxt } from '../../../lib/cli/readers';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('readTxt', () => {
  it('gives the UTF-8 content unchanged, byte-order mark and CRLF included', () => {
    const text = '\uFEFFCamera’s\r\nbij het station\u00A0— artificiële intelligentie';
    expect(readTxt(utf8(text))).toEqual({ pages: [{ text }] });
  });

  it('refuses bytes that are not UTF-8 with a Dutch message', () => {
    expect(() => decodeUtf8(new Uint8Array([0x43, 0x61, 0xe9, 0x20]))).toThrow('het bestand is geen geldige UTF-8-tekst');
  });
});

describe('readHtml', () => {
  it('reads the main content as the extension does, without menus, cookie banners or scripts', async () => {
    const html = `<!doctype html><html><head><title>Raad</title><script>document.title = 'x'</script>
      <link rel="stylesheet" href="https://example.invalid/x.css"></head><body>
      <nav>Home · Vergaderingen · Camera's in de raadzaal</nav>
      <div class="cookie-banner">Wij gebruiken tracking cookies.</div>
      <main><h1>Raadsvoorstel cameratoezicht</h1><p>Het college stelt <b>camera</b>toezicht voor.</p>
      <script>var algoritme = 1;</script></main>
      <footer>Dronten</footer></body></html>`;
    const { pages } = await readHtml(utf8(html));
    expect(pages).toHaveLength(1);
    const text = pages[0]!.text;
    expect(text).toContain('Raadsvoorstel cameratoezicht\nHet college stelt cameratoezicht voor.');
    expect(text).not.toMatch(/raadzaal|tracking|algoritme|Dronten/);
  });

  it('falls back to the body when there is no main element', async () => {
    const { pages } = await readHtml(utf8('<p>Een drone boven de markt.</p>'));
    expect(pages[0]!.text.trim()).toBe('Een drone boven de markt.');
  });
});
