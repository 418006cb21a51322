// --json: one document for all files:
// { files: [ { file, kind, matches: [{ category, term, text, start, end, page? }], questions,
//   safeguards: [{ id, label, question, status, passages: [{ start, end, text, status, page?, term, scope? }], ask? }],
//   found, missing, textlessPages? } ] }
// `safeguards` says per safeguard what the document says (stated, negated, planned, absent); `found`
// and `missing` are the panel's two lists, kept beside it for scripts written against them;
// `textlessPages` (PDFs only, when there are any) are pages without text, blank or scanned.
import type { FileReport } from './report';

export function formatJson(reports: readonly FileReport[]): string {
  const files = reports.map((r) => ({
    file: r.file,
    kind: r.kind,
    matches: r.matches,
    questions: r.assessment.questions,
    safeguards: r.safeguards,
    found: r.assessment.safeguards.found,
    missing: r.assessment.safeguards.missing,
    ...(r.textlessPages ? { textlessPages: r.textlessPages } : {}),
  }));
  return JSON.stringify({ files }, null, 2) + '\n';
}
