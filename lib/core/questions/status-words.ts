// What a document says of a safeguard, in the one wording the reader meets everywhere: the
// panel's checklist, its count line and "Eerst vragen naar", the correction buttons, the Markdown
// and CSV exports and `npm run scan`. One phrase per status, so a reader never takes
// "aangekondigd", "alleen aangekondigd" and "nog niet gedaan, wel aangekondigd" for three
// different things. The panel's messages (statusOpt*) carry the same words for chrome.i18n; a
// unit test holds them to this table. Pure.
import type { SafeguardStatus } from './types';

interface StatusWording {
  /** The panel's mark; the CLI has ASCII marks of its own for a terminal. */
  mark: string;
  /** What the document says, lower case: "Het stuk zegt: …", "Raadslens las: …". */
  word: string;
}

export const STATUS_WORDING: Readonly<Record<SafeguardStatus, StatusWording>> = {
  stated: { mark: '✓', word: 'gedaan' },
  negated: { mark: '✗', word: 'niet gedaan' },
  planned: { mark: '◷', word: 'nog niet gedaan, wel aangekondigd' },
  absent: { mark: '○', word: 'niet genoemd' },
};

export const statusWord = (status: SafeguardStatus): string => STATUS_WORDING[status].word;
