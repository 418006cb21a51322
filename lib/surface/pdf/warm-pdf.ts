// A one-page PDF made here, for a lane's extraction worker to read before the reader's first
// document (./extraction.ts, 'warm'): the worker's first document paid for compiling pdf.js'
// parser, its text extraction and the analysis (V8 compiles a function at its first call), and
// for pdf.js' tables built on first use — ~45 ms of the worker's CPU before the first page's
// matches, which a machine under load stretches to 250 ms (meeting bench trace, issue 17 target 5).
// Read while the reader looks at the list, they are done before "Lees de bijlagen". No request:
// the bytes are written here. A standard font (no font program to parse) and text with a term
// and a safeguard, so the matching and the status reading run as on a real page.

const LINES = [
  'Raadsvoorstel cameratoezicht',
  "Het college wil in het centrum camera's plaatsen voor het toezicht op de openbare orde.",
  'Een DPIA is uitgevoerd; de beelden worden na 28 dagen verwijderd.',
];

/** PDF string literal: backslash and parentheses escaped. */
const literal = (s: string) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;

/** The PDF's bytes (ASCII only: each character one byte, so lengths are byte offsets). */
export function warmPdf(): Uint8Array {
  const content = LINES.map((line, i) => `BT /F1 ${i === 0 ? 14 : 11} Tf 72 ${770 - i * 18} Td ${literal(line)} Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}
