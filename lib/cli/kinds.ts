// Which reader a file gets, by its extension: the CLI does not guess from content, so a renamed
// binary gives a clear "niet ondersteund" instead of a page of nonsense matches.

export type FileKind = 'txt' | 'html' | 'pdf';

const EXTENSIONS: Record<string, FileKind> = {
  txt: 'txt',
  text: 'txt',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  pdf: 'pdf',
};

export function kindOf(path: string): FileKind | null {
  const base = path.replace(/\\/g, '/').split('/').at(-1) ?? '';
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return null;
  return EXTENSIONS[base.slice(dot + 1).toLowerCase()] ?? null;
}

export const SUPPORTED = '.txt, .html, .htm of .pdf';
