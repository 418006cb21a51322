import { describe, expect, it } from 'vitest';
import { documentPromptProblem, isKnownPortal, registrableSite, sameSite } from '@/lib/extension/permissions';

const ctx = (pageUrl: string | null, griffieHosts: string[] = []) => ({ pageUrl, griffieHosts, isKnownPortal });

describe('registrable site', () => {
  it('is one label under the public suffix', () => {
    expect(registrableSite('raad.voorbeeldstad.nl')).toBe('voorbeeldstad.nl');
    expect(registrableSite('docs.voorbeeldstad.nl')).toBe('voorbeeldstad.nl');
    expect(registrableSite('voorbeeldstad.nl.')).toBe('voorbeeldstad.nl');
    expect(registrableSite('A.B.Voorbeeld.EU')).toBe('voorbeeld.eu');
    expect(registrableSite('www.example.co.uk')).toBe('example.co.uk');
  });

  it('keeps tenants of a shared domain apart', () => {
    expect(registrableSite('denhaag.raadsinformatie.nl')).toBe('denhaag.raadsinformatie.nl');
    expect(registrableSite('raad.tenant-a.azurewebsites.net')).toBe('tenant-a.azurewebsites.net');
    expect(registrableSite('bucket.s3.amazonaws.com')).toBe('bucket.s3.amazonaws.com');
  });

  it('has none for a bare suffix', () => {
    expect(registrableSite('nl')).toBeNull();
    expect(registrableSite('co.uk')).toBeNull();
    expect(registrableSite('github.io')).toBeNull();
  });
});

describe('same site', () => {
  it('joins subdomains of one registrable site, across schemes and ports', () => {
    expect(sameSite('https://raad.voorbeeldstad.nl/agenda', 'http://docs.voorbeeldstad.nl:8080/stuk.pdf')).toBe(true);
  });

  it('does not join look-alike or shared-domain neighbours', () => {
    expect(sameSite('https://raad.voorbeeldstad.nl/', 'https://voorbeeldstad.nl.evil.example/x.pdf')).toBe(false);
    expect(sameSite('https://raad.voorbeeldstad.nl/', 'https://notvoorbeeldstad.nl/x.pdf')).toBe(false);
    expect(sameSite('https://a.github.io/', 'https://b.github.io/x.pdf')).toBe(false);
    expect(sameSite('https://a.raadsinformatie.nl/', 'https://b.raadsinformatie.nl/x.pdf')).toBe(false);
    expect(sameSite('not a url', 'https://x.nl/')).toBe(false);
    expect(sameSite('file:///etc/x.pdf', 'file:///etc/y.pdf')).toBe(false);
  });
});

describe('what a PDF prompt may ask for', () => {
  const page = 'https://raad.voorbeeldstad.nl/vergadering/12';

  it('asks for the page’s own site', () => {
    expect(documentPromptProblem('https://docs.voorbeeldstad.nl/bijlage.pdf', ctx(page))).toBeNull();
    expect(documentPromptProblem('https://raad.voorbeeldstad.nl/bijlage.pdf', ctx(page))).toBeNull();
  });

  it('asks for a known portal host from any page', () => {
    expect(documentPromptProblem('https://api.notubiz.nl/document/1/1', ctx(page))).toBeNull();
    expect(documentPromptProblem('https://denhaag.raadsinformatie.nl/document/15518187/1/motie.pdf', ctx(null))).toBeNull();
  });

  it('asks for a host the griffie named, only that host', () => {
    expect(documentPromptProblem('https://stukken.regio-archief.nl/a.pdf', ctx(page, ['stukken.regio-archief.nl']))).toBeNull();
    expect(documentPromptProblem('https://andere.regio-archief.nl/a.pdf', ctx(page, ['stukken.regio-archief.nl']))).toBe('other-site');
  });

  it('refuses any other site', () => {
    for (const url of ['https://tracker.example/a.pdf', 'https://files.dropbox-like.com/x.pdf', 'https://voorbeeldstad.nl.evil.example/a.pdf', 'https://mail.google.com/a.pdf']) {
      expect(documentPromptProblem(url, ctx(page)), url).toBe('other-site');
    }
  });

  it('refuses every site when the page is not known', () => {
    expect(documentPromptProblem('https://docs.voorbeeldstad.nl/bijlage.pdf', ctx(null))).toBe('other-site');
  });

  it('still names this computer and the local network, even on the page’s own site', () => {
    expect(documentPromptProblem('http://127.0.0.1/a.pdf', ctx('http://127.0.0.1/agenda'))).toBe('ip-literal');
    expect(documentPromptProblem('http://printer.local/a.pdf', ctx('http://raad.local/'))).toBe('local');
    expect(documentPromptProblem('http://xn--80ak6aa92e.com/a.pdf', ctx('http://raad.xn--80ak6aa92e.com/'))).toBe('punycode');
  });

  it('the viewer’s PDF is its own page', () => {
    const pdf = 'https://docs.voorbeeldstad.nl/bijlage.pdf';
    expect(documentPromptProblem(pdf, ctx(pdf))).toBeNull();
  });
});
