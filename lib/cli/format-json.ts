// --json: one document for all files, the shape issue 3 fixes:
// { files: [ { file, kind, matches: [{ category, term, text, start, end, page? }], questions, safeguards: { found, missing } } ] }
import type { FileReport } from './report';

export function formatJson(reports: readonly FileReport[]): string {
  const files = reports.map((r) => ({
    file: r.file,
    kind: r.kind,
    matches: r.matches,
    questions: r.assessment.questions,
    safeguards: r.assessment.safeguards,
  }));
  return JSON.stringify({ files }, null, 2) + '\n';
}
