// openbesluitvorming.nl: Open Raadsinformatie's search front end, a single-page app (React,
// github.com/ontola/openbesluitvorming) over documents gathered from iBabs, NotuBiz, GO and
// Parlaeus. The document view appears after client-side navigation, so the content script
// re-detects on every location change and rescans as the app renders.
// Built for: https://openbesluitvorming.nl/ (search), document views opened from its results.
import { defineDetector } from './define';
import { gemeenteIn, labelledValue } from './dom';
import { PORTAL_HOSTS } from './hosts';

export const openbesluitvorming = defineDetector({
  id: 'openbesluitvorming',
  label: 'Open Raadsinformatie',
  hosts: PORTAL_HOSTS.openbesluitvorming,
  main: ['.document-view', '[data-document]', 'main', '#root'],
  chrome: ['.search-bar', '.filters', '.result-facets'],
  title: ['.document-view h1', 'main h1', 'h1'],
  meeting: ['.document-view .meeting'],
  date: ['.document-view time', '.document-view .date'],
  typeLabel: ['.document-view .document-type'],
  gemeente: (_location, doc) =>
    labelledValue(doc, /^(organisatie|gemeente)/i)?.replace(/^[Gg]emeente\s+/, '') ??
    gemeenteIn(doc.querySelector('.document-view')),
  refine: (meta, doc) => ({ ...meta, agendaItem: meta.agendaItem ?? labelledValue(doc, /^agendapunt/i) }),
});
