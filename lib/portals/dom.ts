// Small DOM readers the detectors share. They read text and attributes only: never layout,
// never innerHTML, so a detector costs microseconds and cannot disturb the page.
import { hasText } from '../scan/main-content';
import type { Attachment, DocumentType, PageLocation } from './types';

const SHOW_TEXT = 4 | 8; // NodeFilter.SHOW_TEXT | SHOW_CDATA_SECTION: what textContent reads

/**
 * Whitespace-collapsed text of an element, or undefined when empty or missing; cut at `max`
 * characters with "…". Reads only as much text as decides the result, so a selector that hits
 * a whole document costs no more than one that hits its title.
 */
export function textOf(el: Element | null | undefined, max = 300): string | undefined {
  if (!el) return undefined;
  // No child elements (a link, a date, most headings): its text in one call, without a walker.
  const walker = el.firstElementChild ? el.ownerDocument.createTreeWalker(el, SHOW_TEXT) : null;
  let raw = walker ? '' : (el.textContent ?? '');
  let checkAt = max + 1;
  for (let node = walker?.nextNode(); ; node = walker?.nextNode()) {
    if (node) raw += (node as Text).data;
    // Collapsing a prefix gives a prefix of the collapsed whole: once that is longer than `max`,
    // the rest cannot change the result. Mostly blank: look again at twice the length.
    for (; raw.length >= checkAt; checkAt *= 2) {
      const text = collapse(raw.slice(0, checkAt));
      if (text.length > max) return `${text.slice(0, max - 1)}…`;
    }
    if (!node) break;
  }
  const text = collapse(raw);
  if (!text) return undefined;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const collapse = (raw: string) => raw.replace(/\s+/g, ' ').trim();

/** Text of the first element that matches one of the selectors (in order of preference). */
export function firstText(root: ParentNode, selectors: readonly string[], max?: number): string | undefined {
  for (const sel of selectors) {
    const t = textOf(root.querySelector(sel), max);
    if (t) return t;
  }
  return undefined;
}

/** The first element that matches one of the selectors and holds some text. */
export function firstWithText(doc: ParentNode, selectors: readonly string[]): Element | null {
  for (const sel of selectors) {
    // Usually the first hit has text: querySelector stops there, querySelectorAll would go on
    // through the rest of the page.
    const first = doc.querySelector(sel);
    if (!first) continue;
    if (hasText(first)) return first;
    for (const el of doc.querySelectorAll(sel)) {
      if (hasText(el)) return el;
    }
  }
  return null;
}

/** <meta name|property=…> content. */
export function metaContent(doc: Document, ...names: string[]): string | undefined {
  for (const n of names) {
    const el = doc.querySelector(`meta[name="${n}" i], meta[property="${n}" i]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return undefined;
}

/** Value of a definition list / table row whose label matches: <dt>Datum</dt><dd>…</dd>. */
export function labelledValue(root: ParentNode, label: RegExp): string | undefined {
  for (const dt of root.querySelectorAll('dt, th, .label, .meta-label')) {
    if (!label.test((dt.textContent ?? '').trim())) continue;
    const value = dt.tagName === 'TH' ? dt.parentElement?.querySelector('td') : dt.nextElementSibling;
    const t = textOf(value);
    if (t) return t;
  }
  return undefined;
}

const TYPE_PATTERNS: Array<[RegExp, DocumentType]> = [
  [/\bschriftelijke vragen\b|\bart(ikel)?\.? ?\d+[- ]vragen\b|\braadsvragen\b/i, 'schriftelijke vragen'],
  [/\bbeantwoording\b|\bantwoord(en)? op (de )?(schriftelijke )?vragen\b/i, 'beantwoording'],
  [/\braadsinformatiebrief\b|\brib\b/i, 'raadsinformatiebrief'],
  [/\bamendement\b/i, 'amendement'],
  [/\bmoties?\b/i, 'motie'],
  [/\braadsvoorstel\b|\bvoorstel aan de raad\b/i, 'raadsvoorstel'],
  [/\braadsbesluit\b/i, 'raadsbesluit'],
  [/\bcollegebrief\b|\bbrief van het college\b|\binformatie uit het college\b/i, 'collegebrief'],
  [/\bbeleidsregels?\b|\bcamerabeleid\b|\bbeleidskader\b/i, 'beleidsregel'],
  [/\bverordening\b/i, 'verordening'],
  [/\bnotulen\b|\bbesluitenlijst\b/i, 'notulen'],
  [/\bagenda\b/i, 'agenda'],
];

/** The document type a title or label names, if any ("Raadsinformatiebrief pilot bodycams"). */
export function classifyDocumentType(...texts: Array<string | undefined>): DocumentType | undefined {
  for (const text of texts) {
    if (!text) continue;
    for (const [re, type] of TYPE_PATTERNS) if (re.test(text)) return type;
  }
  return undefined;
}

const MUNICIPAL_PREFIX = /^(www\.|raad\.|gemeenteraad\.|gemeentebestuur\.|bestuur\.|besluitvorming\.|raadsinformatie\.|ris\.)/;

/** "den-haag" / "denhaag" / "rotterdamraad" → a readable municipality name from a host label. */
export function gemeenteFromLabel(label: string): string | undefined {
  const clean = label.replace(/raad$/, '').replace(/^gemeente-?/, '');
  if (!clean || /^(www|api\d*|zoek|raad)$/.test(clean)) return undefined;
  return clean
    .split('-')
    .map((w) => (w.length <= 3 && ['aan', 'den', 'de', 'op', 'van', 'der'].includes(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('-');
}

/** The municipality in a vendor subdomain (utrecht.bestuurlijkeinformatie.nl → Utrecht). */
export function gemeenteFromSubdomain(hostname: string): string | undefined {
  const first = hostname.toLowerCase().split('.')[0];
  return first ? gemeenteFromLabel(first) : undefined;
}

/** The municipality in a municipal host (raad.dordrecht.nl, www.raadleiderdorp.nl). */
export function gemeenteFromOwnHost(hostname: string): string | undefined {
  const rest = hostname.toLowerCase().replace(MUNICIPAL_PREFIX, '').split('.');
  const label = rest.length >= 2 ? rest[rest.length - 2] : rest[0];
  return label ? gemeenteFromLabel(label.replace(/^raad/, '').replace(/^gemeenteraad/, '')) : undefined;
}

const GEMEENTE_PHRASE = /\b(?:[Gg]emeente(?:blad)?(?: van)?|[Gg]emeenteraad(?: van)?)\s+([A-Z][\p{L}'’-]+(?:[ -](?:aan|op|den|de|van|der|[A-Z][\p{L}'’-]+))*)/u;
/** A character that no GEMEENTE_PHRASE match can contain (it consists of letters, ' ’ - and white space). */
const OUTSIDE_PHRASE = /[^\s\p{L}'’-]/u;

/** A "Gemeente X" / "gemeente X" phrase in a text ("Gemeenteblad van Tiel" too). */
export function gemeenteFromText(text: string | undefined): string | undefined {
  return text?.match(GEMEENTE_PHRASE)?.[1];
}

/**
 * gemeenteFromText of an element's whole text, reading text nodes only until the first phrase.
 * A phrase cannot run across a character outside it, so the text up to the last such character
 * holds every phrase that starts there, exactly as they are in the whole text.
 */
export function gemeenteIn(el: Element | null | undefined): string | undefined {
  if (!el) return undefined;
  const walker = el.ownerDocument.createTreeWalker(el, SHOW_TEXT);
  let raw = '';
  let checkAt = 2048;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    raw += (node as Text).data;
    if (raw.length < checkAt) continue;
    checkAt = raw.length * 2;
    for (let k = raw.length - 1; k >= 0; k--) {
      const c = raw.charCodeAt(k);
      if (c >= 0xd800 && c <= 0xdfff) continue; // half of a letter outside the BMP, maybe
      if (!OUTSIDE_PHRASE.test(raw[k]!)) continue;
      const found = gemeenteFromText(raw.slice(0, k + 1));
      if (found) return found;
      break;
    }
  }
  return gemeenteFromText(raw);
}

const PDF_HREF = /\.pdf(?:$|[?#])|\/document\/\d+\/\d+\/|\/Document\/(LoadAgendaItemDocument|LoadAgendaDocument|View)\/|publicdownload\.aspx|\/showdoc\/|\/Documenten\/[^?#]+\.pdf/i;

/** Is this link (probably) a PDF download? Type attributes first, then the known URL shapes. */
export function isPdfLink(a: HTMLAnchorElement | Element): boolean {
  const type = a.getAttribute('type') ?? '';
  if (/application\/pdf/i.test(type)) return true;
  if (/\bpdf\b/i.test(a.getAttribute('data-type') ?? '') || /\bpdf\b/i.test(a.className?.toString() ?? '')) return true;
  return PDF_HREF.test(a.getAttribute('href') ?? '');
}

/** Absolute URL of an href against the page (null for javascript:, mailto: and junk). */
export function absoluteUrl(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A readable name for an attachment link: its title/aria-label, its text, or the file name. */
export function attachmentName(a: Element, url: string): string {
  const label = a.getAttribute('title') ?? a.getAttribute('aria-label') ?? '';
  const text = textOf(a, 200) ?? '';
  const chosen = (text.length >= 3 ? text : label).replace(/\s*\((pdf|PDF)[^)]*\)\s*$/, '').trim();
  if (chosen) return chosen;
  const file = decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).pop() ?? url);
  return file.replace(/\+/g, ' ');
}

/** PDF links under `root` (or the given link selector), absolute, de-duplicated by URL. */
export function collectAttachments(
  root: ParentNode | null,
  location: PageLocation,
  selector = 'a[href]',
  accept: (a: Element) => boolean = isPdfLink,
): Attachment[] {
  if (!root) return [];
  const seen = new Set<string>();
  const out: Attachment[] = [];
  for (const a of root.querySelectorAll(selector)) {
    if (!accept(a)) continue;
    const url = absoluteUrl(a.getAttribute('href'), location.href);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    out.push({ name: attachmentName(a, url), url });
    if (out.length >= 500) break; // a page with thousands of links is a list, not one document
  }
  return out;
}

/** Dutch date in a text: "12 maart 2025", "12-03-2025", or an ISO date. */
export function findDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const m =
    text.match(/\b\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}\b/i) ??
    text.match(/\b\d{1,2}-\d{1,2}-\d{4}\b/) ??
    text.match(/\b\d{4}-\d{2}-\d{2}\b/);
  return m?.[0];
}

export function pathMatches(location: PageLocation, re: RegExp): boolean {
  return re.test(location.pathname);
}
