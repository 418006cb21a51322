// "Concept schriftelijke vragen": a first draft of the letter a raadslid sends to the college,
// in the usual form (aan, onderwerp, inleiding, genummerde vragen, ondertekening), built from the
// flags on one document and, when the panel has scanned it, the AP questions that apply and the
// safeguards the document does not mention. A draft: placeholders in [haken] are for the reader.
import type { DocumentRecord, FlagRecord } from '../db/schema';
import type { AssessmentSummary } from '../messages/protocol';
import { compareReadingOrder, flagEntry } from '../record/entries';
import { formatDate, formatMeetingDate, type ExportLabels } from './model';

export interface LetterInput {
  document: Pick<DocumentRecord, 'url' | 'title'> & Partial<Pick<DocumentRecord, 'gemeente' | 'type' | 'meetingDate'>>;
  flags: readonly FlagRecord[];
  assessment?: AssessmentSummary;
  labels: ExportLabels;
  date?: number;
}

export interface Letter {
  aan: string;
  datum: string;
  onderwerp: string;
  inleiding: string;
  vragen: string[];
  toelichting?: string;
  ondertekening: string[];
}

const PLACEHOLDER_NAAM = '[naam]';
const PLACEHOLDER_FRACTIE = '[fractie]';

function asQuestion(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  if (!t) return '';
  return /[?]$/.test(t) ? t : `${t.replace(/[.!]+$/, '')}. Kan het college hierop ingaan?`;
}

/** "Onderzochte alternatieven" → "onderzochte alternatieven"; an acronym (DPIA, FG) stays. */
function sentenceCase(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

function shortQuote(exact: string): string {
  const q = exact.trim().replace(/\s+/g, ' ');
  return q.length > 300 ? `${q.slice(0, 297)}…` : q;
}

export function buildLetter(input: LetterInput): Letter {
  const { document: doc, labels } = input;
  const soort = doc.type ?? 'raadsstuk';
  const vragen: string[] = [];
  const referred = new Set<string>();

  const entries = input.flags.map((f) => flagEntry(f, undefined)).sort(compareReadingOrder);
  for (const e of entries) {
    const ref = e.question ? labels.questions[e.question] : undefined;
    if (e.question) referred.add(e.question);
    const refText = ref ? ` (Zie ook vraag ${ref.number} van de Autoriteit Persoonsgegevens: “${ref.title}”)` : '';
    const reason = asQuestion(e.text);
    if (e.anchor) {
      const page = e.anchor.page ? ` (p. ${e.anchor.page})` : '';
      const ask = reason || 'Kan het college toelichten wat hiermee wordt bedoeld en wat dit betekent voor de privacy van inwoners?';
      vragen.push(`In het ${soort} staat${page}: “${shortQuote(e.anchor.exact)}”. ${ask}${refText}`);
    } else {
      vragen.push(`${reason || `Kan het college toelichten welke gevolgen dit ${soort} heeft voor de privacy van inwoners?`}${refText}`);
    }
  }

  // From the scan: applicable AP questions, and for each the safeguards the stuk does not mention.
  const followUps = new Set<string>();
  for (const q of input.assessment?.questions ?? []) {
    if (!q.applies) continue;
    const label = labels.questions[q.id];
    if (label && !referred.has(q.id)) {
      vragen.push(`${label.title} (vraag ${label.number} van de Autoriteit Persoonsgegevens voor raadsleden)`);
      referred.add(q.id);
    }
    for (const m of q.missing) {
      if (followUps.has(m.followUp)) continue;
      followUps.add(m.followUp);
      vragen.push(`Het ${soort} noemt niets over: ${sentenceCase(m.label)}. ${m.followUp}`);
    }
  }
  if (vragen.length === 0) vragen.push('[vraag]');

  const gemeente = doc.gemeente ?? '[gemeente]';
  const vergadering = doc.meetingDate ? `, geagendeerd voor de vergadering van ${formatMeetingDate(doc.meetingDate)}` : '';
  return {
    aan: `Aan het college van burgemeester en wethouders van de gemeente ${gemeente}`,
    datum: `[plaats], ${formatDate(input.date ?? Date.now())}`,
    onderwerp: `Schriftelijke vragen over “${doc.title}”`,
    inleiding:
      `Geacht college,\n\n` +
      `Naar aanleiding van het ${soort} “${doc.title}” (${doc.url})${vergadering} stelt de fractie van ${PLACEHOLDER_FRACTIE}, ` +
      `op grond van het Reglement van orde van de gemeenteraad, de volgende schriftelijke vragen.`,
    vragen,
    toelichting: labels.source
      ? `De vragen volgen mede de handreiking “${labels.source.title}” van de ${labels.source.publisher} (${labels.source.url}).`
      : undefined,
    ondertekening: ['Met vriendelijke groet,', '', PLACEHOLDER_NAAM, `Fractie ${PLACEHOLDER_FRACTIE}`],
  };
}

export function letterMarkdown(letter: Letter): string {
  return [
    letter.aan,
    '',
    letter.datum,
    '',
    `**Onderwerp:** ${letter.onderwerp}`,
    '',
    letter.inleiding,
    '',
    '## Vragen',
    '',
    ...letter.vragen.map((v, i) => `${i + 1}. ${v}`),
    '',
    ...(letter.toelichting ? [`_${letter.toelichting}_`, ''] : []),
    ...letter.ondertekening.map((l) => (l ? `${l}  ` : '')),
    '',
  ].join('\n');
}

export function letterText(letter: Letter): string {
  return [
    letter.aan,
    '',
    letter.datum,
    '',
    `Onderwerp: ${letter.onderwerp}`,
    '',
    letter.inleiding,
    '',
    'Vragen',
    '',
    ...letter.vragen.flatMap((v, i) => [`${i + 1}. ${v}`, '']),
    ...(letter.toelichting ? [letter.toelichting, ''] : []),
    ...letter.ondertekening,
    '',
  ].join('\n');
}
