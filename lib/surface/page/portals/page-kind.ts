// Pages that are not a document, though they come from (or stand in front of) a portal: a bot
// check ("Just a moment…", Anubis' "Making sure you're not a bot!"), the portal's error page (with
// the same menus as a real page), a search or list with nothing in it, a list still fetching its
// rows. Their words are not the
// document's (Anubis explains itself with "AI companies", a search page repeats the query), so
// nothing on them is reported; the content script looks again when the page changes.
// Structure first (the services' own scripts, ids and paths), titles second: those are localised.
import { textOf } from './dom';
import type { PageKind } from './types';

interface BotCheck {
  by: string;
  /** Elements only this service's challenge page has. */
  selector: string;
  /** Its page titles (any language it serves). */
  title?: RegExp;
}

const BOT_CHECKS: readonly BotCheck[] = [
  {
    by: 'Cloudflare',
    selector:
      'script[src*="/cdn-cgi/challenge-platform/"], #challenge-form, #challenge-stage, #challenge-running, #cf-challenge-running, .cf-browser-verification, #cf-please-wait',
    title: /^(?:just a moment|één moment|een moment(?: geduld)?|even geduld|attention required!? \| cloudflare)/i,
  },
  {
    by: 'Anubis',
    selector: 'script#anubis_challenge, script#anubis_version, #anubis_version, [src*="/.within.website/"], [href*="/.within.website/"]',
    title: /^(?:making sure you(?:'|’)re not a bot|controleren of (?:je|u) geen bot bent|oh noes!)/i,
  },
  { by: 'DDoS-Guard', selector: 'script[src*="/.well-known/ddos-guard/"]', title: /^ddos-guard/i },
  { by: 'Imperva', selector: 'iframe[src*="_Incapsula_Resource"], script[src*="_Incapsula_Resource"]', title: /^pardon our interruption/i },
  { by: 'AWS WAF', selector: 'script[src*="awswaf"], #challenge-container[data-awswaf]', title: /^human verification/i },
  { by: 'Sucuri', selector: 'a[href*="sucuri.net/"][href*="firewall"]', title: /^(?:sucuri website firewall|you are being redirected)/i },
];

/** Inline markers of the same services (the script that runs the challenge). */
const INLINE_MARKER = /_cf_chl_opt|__cf_chl_|window\.gokuProps|AwsWafIntegration|anubis_challenge/;

/** A page of any service that only checks the visitor: little text, and one of these titles. */
const CHECK_TITLE = /^(?:checking (?:your|if the site connection is secure)|verifying you are human|please wait|bezig met controleren|controle van uw browser|bot ?check)/i;

/** At most this much text: a real document is longer than a check or an error notice. */
const SHORT_TEXT = 2500;

// The first part of a title ("Foutpagina - iBabs Publieksportaal"), or a heading, that is an error
// notice as a whole: "Onderhoud wegen 2026" and "Motie foutparkeren" are documents.
const ERROR_TEXT =
  /^(?:(?:foutpagina|foutmelding|fout(?: \d{3})?|error(?: \d{3})?|\d{3}(?: error| not found| forbidden| niet gevonden)?|pagina (?:is )?niet gevonden|page not found|niet gevonden|not found|geen toegang|toegang geweigerd|access denied|forbidden|server error|internal server error|service unavailable|bad gateway|(?:wegens )?onderhoud|maintenance|runtime error)[.!]?|(?:oeps|oops)\b.*|er (?:is|ging) (?:iets|een fout)\b.*(?:misgegaan|opgetreden|fout gegaan|mis)[.!]?)$/i;
// ASP.NET's own error page, which iBabs sites show when the application fails.
const ASPNET_ERROR = /server error in '.*' application/i;

// A line that says the search or list found nothing ("Geen resultaten gevonden voor ‘camera’").
const EMPTY_LINE =
  /^(?:er (?:zijn|is|werden) )?(?:geen (?:zoek)?resultaten|geen (?:documenten|vergaderingen|stukken|items|moties|gegevens|berichten|agendapunten)\b.*(?:gevonden|beschikbaar)|niets gevonden|0 (?:zoek)?resultaten|no (?:results|matching records|data available)|nothing found)\b/i;
const LINE_ELEMENTS = 'p, li, td, div, span, strong, em, h1, h2, h3, h4, h5';

// A list whose rows the page's own script fetches after load (iBabs' overviews: a DataTables table
// with data-ajax / data-server-side, filled from /Reports/GetReportData/{id}); until then it has
// its column headings and at most a row without text (iBabs: one cell with a throbber image,
// alt "Loading..."), and "no technology" would be said of a list nobody has seen.
const ROWS_LATER = 'table[data-ajax], table[data-server-side="true"]';

function rowsLater(main: Element): boolean {
  const table = main.querySelector(ROWS_LATER);
  return !!table && [...table.querySelectorAll('tbody tr')].every((row) => !row.textContent?.trim());
}

function titleHead(title: string): string {
  return title.split(/\s+[-|–—:]\s+/)[0]!.trim();
}

/** The first heading of the main content (h1, else h2). */
function firstHeading(main: Element): string | undefined {
  return textOf(main.querySelector('h1') ?? main.querySelector('h2'), 200);
}

interface PageSignals {
  /** Does the main content link any document (an agenda with an empty item is not an empty list)? */
  hasAttachments?: boolean;
}

/** Is there a line on its own that says the list or search found nothing? */
function saysEmpty(main: Element): boolean {
  let looked = 0;
  for (const el of main.querySelectorAll(LINE_ELEMENTS)) {
    if (++looked > 400) return false;
    const t = textOf(el, 200);
    if (t && t.length < 200 && EMPTY_LINE.test(t)) return true;
  }
  return false;
}

/**
 * What the page is when it is not a document, or undefined for a document. Costs little on a long
 * page: the structural checks run only where the whole page is short, as these pages are.
 */
export function classifyPage(doc: Document, main: Element, signals: PageSignals = {}): PageKind | undefined {
  const title = doc.title.trim();
  const body = doc.body ?? doc.documentElement;
  const short = (textOf(body, SHORT_TEXT) ?? '').length < SHORT_TEXT;

  if (short) {
    for (const check of BOT_CHECKS) if (doc.querySelector(check.selector)) return { kind: 'botcheck', by: check.by };
    for (const check of BOT_CHECKS) if (check.title?.test(title)) return { kind: 'botcheck', by: check.by };
    if (CHECK_TITLE.test(title)) return { kind: 'botcheck' };
    for (const s of doc.querySelectorAll('script:not([src])')) {
      if (INLINE_MARKER.test(s.textContent ?? '')) return { kind: 'botcheck' };
    }
  }

  if (ERROR_TEXT.test(titleHead(title)) || ASPNET_ERROR.test(title)) return { kind: 'error' };
  const mainShort = (textOf(main, SHORT_TEXT) ?? '').length < SHORT_TEXT;
  if (!mainShort) return undefined;
  const heading = firstHeading(main);
  if (heading && ERROR_TEXT.test(heading)) return { kind: 'error' };

  if (!signals.hasAttachments) {
    // DataTables' own empty row (iBabs overviews), or the portal's "geen resultaten" line.
    if (main.querySelector('td.dataTables_empty') && main.querySelectorAll('tbody tr').length <= 1) return { kind: 'empty' };
    if (saysEmpty(main)) return { kind: 'empty' };
    if (rowsLater(main)) return { kind: 'loading' };
  }
  return undefined;
}
