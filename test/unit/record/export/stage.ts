// Where a document stands, as a letter says it: an opening or a question whose words put it at
// another stage than the one the record knows contradicts the letter itself ("De vragen gaan over
// hoe het college het amendement beoordeelt" above "Hoe gaat het college het amendement
// uitvoeren?"; "Als de motie wordt aangenomen" about one the raad adopted; "wat nu wordt
// voorgesteld" about a raadsinformatiebrief). Read in the letter's own words: what it quotes is the
// document's.
import type { LetterDocument } from '../../../../lib/record/export/letter';
import { ownText } from './repetition';

/**
 * proposed: a motie or amendement whose outcome is not known; adopted, closed (rejected or
 * withdrawn); voorstel: the college's raadsvoorstel, for the raad to decide; report: a document that
 * proposes nothing (a besluitenlijst); in use: one in which the college reports technology as it
 * stands (raadsinformatiebrief, beantwoording, brief, memo), asked what it does now that it runs.
 */
export type Stage = 'proposed' | 'adopted' | 'closed' | 'voorstel' | 'report' | 'in use';

const IN_USE = new Set(['raadsinformatiebrief', 'collegebrief', 'brief', 'beantwoording', 'memo']);

export function stageOf(d: LetterDocument): Stage {
  const kind = d.document.type ?? 'raadsstuk';
  if (kind === 'motie' || kind === 'amendement') return d.decision === 'aangenomen' ? 'adopted' : d.decision ? 'closed' : 'proposed';
  return kind === 'raadsvoorstel' ? 'voorstel' : IN_USE.has(kind) ? 'in use' : 'report';
}

const JUDGED = /\bbeoordeelt\b|\bacht (het college|de burgemeester)\b/;
const IF_ADOPTED = /\bwordt aangenomen\b|\baanneemt\b|\bzou(den)? (moeten|hebben)\b/;
const PROPOSED = /\bvoorstel(len)? aan de raad\b|\bwordt voorgesteld\b|\bhet voorstel\b/;
const CARRIED_OUT = /\buitvoert\b|\bgaat (het college|de burgemeester) .* uitvoeren\b|\bwordt de uitvoering van (de motie|het amendement)\b/;
const ADOPTED = /\bheeft (de motie|het amendement)[^.:]* aangenomen\b|\(door de raad aangenomen\b|\bde raad heeft [^.:]*aangenomen\b/;
const BY_INDIENERS = /\bde indieners\b/;
/** What comes before the technology starts: said of technology already in use, it asks for what can no longer come first. */
const BEFORE_START = /\bvoordat\b[^.?;]*\b(ingezet|gestart|start|begint|in gebruik wordt genomen)\b|\bbegint de verwerking pas\b|\bwacht (het college|de burgemeester) met de inzet\b/;

/** Per stage, the words that put a document elsewhere, with what they say. */
const CONTRADICTS: Readonly<Record<Stage, readonly (readonly [RegExp, string])[]>> = {
  proposed: [[CARRIED_OUT, 'carried out'], [ADOPTED, 'adopted']],
  adopted: [[JUDGED, 'still to be judged'], [IF_ADOPTED, 'if adopted'], [PROPOSED, 'a proposal']],
  closed: [[JUDGED, 'still to be judged'], [IF_ADOPTED, 'if adopted'], [CARRIED_OUT, 'carried out']],
  voorstel: [[IF_ADOPTED, 'if adopted'], [CARRIED_OUT, 'carried out'], [ADOPTED, 'adopted'], [BY_INDIENERS, 'by indieners']],
  report: [[JUDGED, 'still to be judged'], [IF_ADOPTED, 'if adopted'], [PROPOSED, 'a proposal'], [CARRIED_OUT, 'carried out'], [BY_INDIENERS, 'by indieners']],
  'in use': [[JUDGED, 'still to be judged'], [IF_ADOPTED, 'if adopted'], [PROPOSED, 'a proposal'], [CARRIED_OUT, 'carried out'], [BY_INDIENERS, 'by indieners'], [BEFORE_START, 'not yet in use']],
};

/** What in `text` (the letter's words about a document at `stage`) puts it at another stage. */
export function stageContradictions(text: string, stage: Stage): string[] {
  const own = ownText(text).toLowerCase();
  return CONTRADICTS[stage].flatMap(([words, what]) => {
    const m = words.exec(own);
    return m ? [`${stage}, said as ${what}: “${m[0]}”`] : [];
  });
}
