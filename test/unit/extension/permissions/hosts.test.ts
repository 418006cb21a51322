import { describe, expect, it } from 'vitest';
import { documentHostProblem } from '@/lib/extension/permissions';

describe('hosts a PDF prompt may ask for', () => {
  it('allows ordinary public names, portals and gemeente sites', () => {
    for (const url of [
      'https://denhaag.raadsinformatie.nl/document/15518187/1/motie.pdf',
      'https://www.zutphen.nl/sites/default/files/raadsvoorstel.pdf',
      'http://onbekend.example/pdf/raadsvoorstel-3p.pdf',
      'https://raad.gemeente-almere.nl:8443/stuk.pdf',
    ]) {
      expect(documentHostProblem(url), url).toBeNull();
    }
  });

  it('refuses IPv4 literals in every spelling the URL parser accepts', () => {
    for (const url of ['http://127.0.0.1/a.pdf', 'http://192.168.1.1/a.pdf', 'https://10.0.0.5:8080/a.pdf', 'http://2130706433/a.pdf', 'http://0x7f.1/a.pdf', 'http://127.1/a.pdf', 'http://8.8.8.8./a.pdf']) {
      expect(documentHostProblem(url), url).toBe('ip-literal');
    }
  });

  it('refuses IPv6 literals', () => {
    for (const url of ['http://[::1]/a.pdf', 'https://[fe80::1]/a.pdf', 'http://[::ffff:127.0.0.1]/a.pdf', 'https://[2001:db8::1]:443/a.pdf']) {
      expect(documentHostProblem(url), url).toBe('ip-literal');
    }
  });

  it('refuses this computer and local-network names', () => {
    for (const url of ['http://localhost/a.pdf', 'http://LOCALHOST:3000/a.pdf', 'http://api.localhost/a.pdf', 'http://printer.local/a.pdf', 'http://nas.lan/a.pdf', 'http://router.home.arpa/a.pdf', 'http://wiki.internal/a.pdf', 'http://fileserver.localdomain/a.pdf']) {
      expect(documentHostProblem(url), url).toBe('local');
    }
  });

  it('refuses single-label intranet names', () => {
    expect(documentHostProblem('http://griffie/a.pdf')).toBe('single-label');
    expect(documentHostProblem('http://fileserver./a.pdf')).toBe('single-label');
  });

  it('refuses punycode (look-alike) names, however they were written', () => {
    expect(documentHostProblem('https://xn--rdsinformatie-lib.nl/a.pdf')).toBe('punycode');
    // The URL parser turns Unicode into punycode: а (Cyrillic) in "raadsinformаtie".
    expect(documentHostProblem('https://raadsinformаtie.nl/a.pdf')).toBe('punycode');
    expect(documentHostProblem('https://denhaag.xn--nxasmq6b/a.pdf')).toBe('punycode');
  });

  it('refuses what is not a web address', () => {
    for (const url of ['file:///etc/passwd', 'data:application/pdf;base64,JVBERi0=', 'javascript:alert(1)', 'chrome://settings/', 'ftp://x.nl/a.pdf', 'geen url']) {
      expect(documentHostProblem(url), url).toBe('not-web');
    }
  });
});
