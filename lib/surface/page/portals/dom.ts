// Small DOM readers the detectors share. They read text and attributes only: never layout,
// never innerHTML, so a detector costs microseconds and cannot disturb the page.
import { portalNumber } from '../../document-number';
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

// Headings that are the page's furniture, not the document's title: iBabs' sidebar "Filters", the
// print banner "Pagina afdrukken" of GO's print view, menu and search widgets.
const NOT_A_TITLE = /^(?:filters?|zoek(?:en|filters)?|menu|hoofdmenu|navigatie|inhoud(?:sopgave)?|pagina afdrukken|afdrukken|printen|print(?: deze (?:pagina|agenda))?|terug|vorige pagina|u bent hier|inloggen|cookies?|legenda)[:.!]?$/i;

/**
 * The document's own title: the first heading (selectors in order of preference) that is not in
 * chrome and not furniture such as "Filters" or "Pagina afdrukken".
 */
export function firstTitle(root: ParentNode, selectors: readonly string[], isChrome: (el: Element) => boolean): string | undefined {
  const fits = (el: Element | null): string | undefined => {
    const t = textOf(el);
    return t && !NOT_A_TITLE.test(t) && !insideChrome(el!, root, isChrome) ? t : undefined;
  };
  for (const sel of selectors) {
    // Usually the first hit is the title: querySelector stops there, querySelectorAll would not.
    const first = root.querySelector(sel);
    if (!first) continue;
    const t = fits(first);
    if (t) return t;
    let looked = 0;
    for (const el of root.querySelectorAll(sel)) {
      if (++looked > 20) break;
      const later = el === first ? undefined : fits(el);
      if (later) return later;
    }
  }
  return undefined;
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
  [/\braadsinformatiebrief\b|\brib\b|\braadsbrie(?:f|ven)\b/i, 'raadsinformatiebrief'],
  [/\bamendement\b/i, 'amendement'],
  [/\bmoties?\b/i, 'motie'],
  [/\braadsvoorstel\b|\bvoorstel aan de raad\b/i, 'raadsvoorstel'],
  [/\braadsbesluit\b/i, 'raadsbesluit'],
  [/\bcollegebrief\b|\bbrief van het college\b|\binformatie uit het college\b/i, 'collegebrief'],
  [/\bbeleidsregels?\b|\bcamerabeleid\b|\bbeleidskader\b/i, 'beleidsregel'],
  [/\bverordening\b/i, 'verordening'],
  // A besluitenlijst lists what was decided; notulen report what was said. Raadsleden treat them
  // as different documents (and the letter names it: "de besluitenlijst", not "het notulen").
  [/\bbesluitenlijst\b/i, 'besluitenlijst'],
  [/\bnotulen\b/i, 'notulen'],
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

// Where portals serve documents, by path: a .pdf file (GO, most sites), NotuBiz /document/{id}/{n}/…,
// iBabs /Agenda/Document/{meeting}?documentId=… and its older download routes, Parlaeus /showdoc/.
const DOCUMENT_PATH = /\.pdf$|\/document\/\d+\/\d+(?:\/|$)|\/Document\/(?:LoadAgendaItemDocument|LoadAgendaDocument|View)\/|\/Agenda\/Document\/|\/publicdownload\.aspx$|\/showdoc\//i;
// A document id in the query (iBabs documentId=…) names a document whatever the path.
const DOCUMENT_QUERY = /(?:^|&)documentId=/i;
/** An icon the portal puts in a document link (iBabs `<span class="icon pdf" aria-label="pdf">`). */
const PDF_ICON = '.pdf, .icon-pdf, .fa-file-pdf, [aria-label="pdf" i], img[alt="pdf" i]';

/**
 * Is this link (probably) a document download? Type attributes, the known URL shapes, a PDF icon
 * inside it, or a link text that names a .pdf file. A GO "…pdf/notitie/" link (a note form) is not.
 */
export function isPdfLink(a: HTMLAnchorElement | Element): boolean {
  const type = a.getAttribute('type') ?? '';
  if (/application\/pdf/i.test(type)) return true;
  if (/\bpdf\b/i.test(a.getAttribute('data-type') ?? '') || /\bpdf\b/i.test(a.className?.toString() ?? '')) return true;
  const href = a.getAttribute('href') ?? '';
  if (!href || /^(?:#|javascript:|mailto:|tel:)/i.test(href)) return false;
  const q = href.indexOf('?');
  const h = href.indexOf('#');
  const pathEnd = Math.min(q === -1 ? href.length : q, h === -1 ? href.length : h);
  if (DOCUMENT_PATH.test(href.slice(0, pathEnd))) return true;
  if (q !== -1 && DOCUMENT_QUERY.test(href.slice(q + 1, h > q ? h : href.length))) return true;
  if (a.firstElementChild && a.querySelector(PDF_ICON)) return true;
  return /\.pdf\.?$/i.test((a.textContent ?? '').trim());
}

/** Absolute URL of an href against the page (null for javascript:, mailto: and junk). */
function absoluteUrl(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

// What portals write after a document's name: "(pdf, 73.28 kb)", a size badge "588 KB", ".pdf".
const NAME_TAIL = /(?:\s*\((?:pdf|PDF)[^)]*\)|\s*\(?\b\d+(?:[.,]\d+)?\s*(?:[kKmMgG]i?[bB]|bytes?)\)?|\.pdf\b|[\s.])+$/;

/** A link text or file name without the size, "(pdf)" or ".pdf" portals add. */
export function cleanDocumentName(text: string): string {
  return text.replace(NAME_TAIL, '').trim();
}

/** "I_6++VVD+motie+Relschoppers" → "I.6 VVD motie Relschoppers": the file name in a document URL. */
export function fileNameFromUrl(url: string): string {
  let last = url;
  try {
    last = new URL(url).pathname.split('/').filter(Boolean).pop() ?? url;
  } catch {
    // not a URL: keep it as it is
  }
  let decoded = last.replace(/\+/g, ' ');
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // a stray % in the name: keep it encoded
  }
  // Underscores as the only word separator ("Motie_M12_Geen_slimme_cameras"); with spaces they
  // are part of a name: NotuBiz' "I_6 VVD motie" is the motie "I.6" (portalNumber).
  if (!/\s/.test(decoded)) decoded = decoded.replace(/_+/g, ' ');
  return portalNumber(cleanDocumentName(decoded.replace(/\s+/g, ' ').trim()));
}

/** A readable name for an attachment link: its text, its title/aria-label, or the file name. */
export function attachmentName(a: Element, url: string): string {
  const label = a.getAttribute('title') ?? a.getAttribute('aria-label') ?? '';
  const text = cleanDocumentName(textOf(a, 200) ?? '');
  const chosen = text.length >= 3 ? text : cleanDocumentName(label);
  return chosen || fileNameFromUrl(url);
}

/** Where a page groups its documents: the agendapunt element and where its number and title are. */
export interface GroupSpec {
  /** The agendapunt element (matched with closest()). */
  item: string;
  /** Extra check on the element the selector found (ids such as `ap123`). */
  accepts?: (el: Element) => boolean;
  number?: readonly string[];
  title: readonly string[];
}

/** "2. Raadsbesluit toelating gemeenteraad": the agendapunt a link sits in, or undefined. */
function groupOf(a: Element, spec: GroupSpec | undefined): string | undefined {
  if (!spec) return undefined;
  let item = a.closest(spec.item);
  while (item && spec.accepts && !spec.accepts(item)) item = item.parentElement?.closest(spec.item) ?? null;
  if (!item) return undefined;
  const title = firstText(item, spec.title, 250);
  if (!title) return undefined;
  const number = spec.number ? firstText(item, spec.number, 12)?.replace(/[.:]$/, '') : undefined;
  return number && !title.startsWith(number) ? `${number}. ${title}` : title;
}

/** Is `el` inside chrome (menus, sidebars, players) between it and `root`? */
export function insideChrome(el: Element, root: ParentNode, isChrome: (el: Element) => boolean): boolean {
  for (let e: Element | null = el; e && e !== root; e = e.parentElement) if (isChrome(e)) return true;
  return false;
}

/**
 * insideChrome for many elements under one root (every link of a long agenda): each ancestor is
 * judged once, so the cost is the number of distinct ancestors, not links × depth.
 */
export function chromeTest(root: ParentNode, isChrome: (el: Element) => boolean): (el: Element) => boolean {
  const known = new Map<Element, boolean>();
  const inside = (el: Element | null): boolean => {
    if (!el || el === root) return false;
    let v = known.get(el);
    if (v === undefined) {
      v = isChrome(el) || inside(el.parentElement);
      known.set(el, v);
    }
    return v;
  };
  return inside;
}

/** Attachments from candidate links (those `skip` rejects left out): absolute, once per URL, in order. */
export function attachmentsFrom(
  links: Iterable<Element>,
  location: PageLocation,
  group?: GroupSpec,
  skip?: (a: Element) => boolean,
): Attachment[] {
  const seen = new Set<string>();
  const out: Attachment[] = [];
  for (const a of links) {
    if (skip?.(a)) continue;
    const found = toAttachment(a, location, group);
    if (!found || seen.has(found.url)) continue;
    seen.add(found.url);
    out.push(found);
    if (out.length >= 500) break; // a page with thousands of links is a list, not one document
  }
  return out;
}

/** PDF links under `root` (or the given link selector), absolute, de-duplicated by URL. */
export function collectAttachments(
  root: ParentNode | null,
  location: PageLocation,
  selector = 'a[href]',
  accept: (a: Element) => boolean = isPdfLink,
): Attachment[] {
  if (!root) return [];
  return attachmentsFrom([...root.querySelectorAll(selector)].filter(accept), location);
}

/** A cell longer than this is a title or a description, not a status ("Aangenomen", "Status: verworpen"). */
const ROW_CELL_MAX = 60;
/** At most this many of a row's cells are sent: a list's status column is one of its first few. */
const ROW_CELLS = 6;

/**
 * The other cells of the table row a link stands in (a list of moties: title, date, status), one
 * short cell a line; undefined outside a row. Only the link's own row: a list's outcome column
 * says what became of the document that row links, and of no other. The page carries no
 * document-kind rules: the background reads the outcome (lib/core/questions/document-kind.ts
 * listedDecision).
 */
export function rowCells(a: Element): string | undefined {
  const row = a.closest('tr, [role=row]');
  if (!row) return undefined;
  const cells: string[] = [];
  for (const cell of row.children) {
    if (cells.length >= ROW_CELLS) break;
    if (cell.contains(a)) continue;
    const text = textOf(cell, ROW_CELL_MAX + 1);
    if (text && text.length <= ROW_CELL_MAX) cells.push(text);
  }
  return cells.length ? cells.join('\n') : undefined;
}

/** One link as an attachment: absolute URL, readable name, its agendapunt, its row's other cells. Null for junk hrefs. */
export function toAttachment(a: Element, location: PageLocation, group?: GroupSpec): Attachment | null {
  const url = absoluteUrl(a.getAttribute('href'), location.href);
  if (!url) return null;
  const g = groupOf(a, group);
  const row = rowCells(a);
  return { name: attachmentName(a, url), url, ...(g ? { group: g } : {}), ...(row ? { row } : {}) };
}

const MONTHS = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december';
const WRITTEN_DATE = new RegExp(`\\b(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) )?\\d{1,2} (?:${MONTHS}) \\d{4}\\b`, 'i');

/** Dutch date in a text: "woensdag 1 april 2026", "12 maart 2025", "12-03-2025", or an ISO date. */
export function findDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const m =
    text.match(WRITTEN_DATE) ??
    text.match(/\b\d{1,2}-\d{1,2}-\d{4}\b/) ??
    text.match(/\b\d{4}-\d{2}-\d{2}\b/);
  return m?.[0];
}

/** "Datum: 31-08-2015" as a line of text (GO's print view), in the first part of an element. */
export function inlineDate(el: Element | null | undefined): string | undefined {
  if (!el) return undefined;
  // Text nodes one per line: "Datum: 14-04-2026<br>Aanvang: 19:30" must not read as "14-04-2026Aanvang".
  const walker = el.ownerDocument.createTreeWalker(el, SHOW_TEXT);
  const lines: string[] = [];
  let length = 0;
  for (let node = walker.nextNode(); node && length < 3000; node = walker.nextNode()) {
    const data = (node as Text).data;
    lines.push(data);
    length += data.length;
  }
  const m = lines.join('\n').match(/\b(?:datum|vergaderdatum|datum vergadering)\s*:\s*([^\n]{6,40})/i);
  return m ? findDate(m[1]) : undefined;
}

export function pathMatches(location: PageLocation, re: RegExp): boolean {
  return re.test(location.pathname);
}
