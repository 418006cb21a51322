// GemeenteOplossingen (GO. Raadsinformatie): no shared domain, one host per municipality
// (gemeenteoplossingen-hosts.json; readers add theirs through "Deze site altijd scannen").
// Built for (the hosts Open Raadsinformatie lists for GO, and pages captured from Den Helder):
//   https://gemeenteraad.denhelder.nl/Vergaderingen/Gemeenteraad/2015/29-juni/17:00/   meeting + agenda
//   https://gemeenteraad.denhelder.nl/Vergaderingen/Gemeenteraad/2015/29-juni/17:00/print  print view
//   https://gemeentebestuur.beuningen.nl/documenten                 document overview (tabs: moties, …)
// A meeting page: `#content` with `h2.page_title` (`.group` = the meeting, `.date`), the meeting's
// documents in `#documenten` as relative .pdf links, agenda items `li.agendaRow` (number `.first`,
// title `.title h3`) whose documents arrive later from
// modules/risbis/risbis.php?g=get_docs_for_ag&agendapunt_object_id={id} into `#agendapunt_documenten_{id}`.
// The print view opens with a print banner and says "Datum: 31-08-2015".
import { defineDetector } from './define';
import { gemeenteIn, pathMatches } from './dom';
import { PORTAL_HOSTS } from './hosts';

const MONTH = /^(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)$/i;

/** /Vergaderingen/{orgaan}/{jaar}/{dag-maand}/…: the meeting and its date, as the URL spells them. */
function fromPath(pathname: string): { meeting?: string; date?: string } {
  const parts = pathname.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  const at = parts.findIndex((p) => /^vergaderingen$/i.test(p));
  if (at === -1) return {};
  const [orgaan, jaar, dag] = parts.slice(at + 1);
  const meeting = orgaan ? orgaan.replace(/[-_]+/g, ' ') : undefined;
  const m = dag?.match(/^(\d{1,2})-([a-z]+)$/i);
  const date = m && jaar && /^\d{4}$/.test(jaar) && MONTH.test(m[2]!) ? `${Number(m[1])} ${m[2]!.toLowerCase()} ${jaar}` : undefined;
  return { meeting, date };
}

export const gemeenteoplossingen = defineDetector({
  id: 'gemeenteoplossingen',
  label: 'GemeenteOplossingen',
  hosts: PORTAL_HOSTS.gemeenteoplossingen,
  main: ['main#main', 'main', '#main', '#content', '.content'],
  chrome: [
    '.livestream', '.video', '.share', '.tabs-nav', '.broadcast', '#alternate_live_streams', '#pageHead .actions',
    '#document_legend', '.filmcontent', '.speakerfragments', '.notelink', '.print_pagina', '#print_banner', '.print-banner',
  ],
  title: ['.document-title', '.page-title', '.page_title', 'main h1', '#content h1', 'h1'],
  meeting: ['.vergadering-titel', '.meeting-title', '.page_title .group'],
  date: ['.vergadering-datum time', '.vergadering-datum', '.meeting-date', '.document-datum', '.page_title .date'],
  agendaItem: ['.agendapunt.actief .agendapunt-titel', '.document-agendapunt'],
  typeLabel: ['.document-soort', '.document-type', '.tabs-nav [aria-selected="true"]'],
  groups: {
    item: 'li.agendaRow, .agendapunt',
    number: ['.first', '.agendapunt-nummer'],
    title: ['.title h3', '.agendapunt-titel', '.title'],
  },
  // An item's "Bijlage" link is `bijlage_true` ("Agendapunt bevat bijlagen") or `bijlage_false`;
  // its documents arrive in #agendapunt_documenten_{id} when the reader opens it.
  later: { item: 'li.agendaRow', marker: 'a.bijlage_true', container: '[id^="agendapunt_documenten_"]' },
  // GO's own URL shapes: /vergaderingen/… pages whose attachments live under /Documenten/….pdf.
  recognises: (location, doc) =>
    /^\/(vergaderingen|documenten)(\/|$)/i.test(location.pathname) &&
    (!!doc.querySelector('a[href*="/Documenten/" i][href$=".pdf" i]') || !!doc.querySelector('meta[name="generator"][content^="GO. " i], li.agendaRow')),
  gemeente: (_location, doc) => gemeenteIn(doc.querySelector('.site-name, .logo, #logo')),
  pageType(location, doc) {
    if (pathMatches(location, /\/vergaderingen\//i) || doc.querySelector('.agendapunten, #agendapunten')) return 'agenda';
    if (pathMatches(location, /\/documenten\/?$/i)) return 'documentenlijst';
    return undefined;
  },
  refine(meta, _doc, location) {
    const path = fromPath(location.pathname);
    return { ...meta, meeting: meta.meeting ?? path.meeting, date: meta.date ?? path.date };
  },
});
