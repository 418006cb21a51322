// Everything that can go wrong between "Scan" and a result, as one error type with a kind (for
// code and tests) and a Dutch message (for the reader). pdf.js and fetch errors are mapped here
// and nowhere else.
import { t } from '../../extension/i18n';

export type PdfErrorKind =
  | 'not-found'
  | 'http'
  | 'network'
  | 'timeout'
  | 'too-large'
  | 'permission'
  | 'password'
  | 'corrupt'
  | 'no-text'
  | 'not-pdf'
  | 'cancelled'
  | 'blocked'
  /** A stream would unpack beyond the memory budget (a decompression bomb). */
  | 'unpacks-too-far'
  /** Reading took longer than the time budget; pdf.js' worker was ended. */
  | 'over-budget'
  /** A link to this computer, the local network or a look-alike name: no prompt is shown for it. */
  | 'host-refused'
  | 'unknown';

export class PdfError extends Error {
  override readonly name = 'PdfError';
  /** The number in the message (seconds, MB), for a thread that words it again (see pdfErrorOf). */
  readonly figure?: number;
  constructor(
    readonly kind: PdfErrorKind,
    message: string,
    options?: { cause?: unknown; figure?: number },
  ) {
    super(message, options);
    if (options?.figure !== undefined) this.figure = options.figure;
  }
}

export const pdfErrors = {
  notFound: () => new PdfError('not-found', t('pdfErrorNotFound')),
  http: (status: number) => new PdfError('http', t('pdfErrorHttp', status)),
  network: (cause?: unknown) => new PdfError('network', t('pdfErrorNetwork'), { cause }),
  timeout: (seconds: number) => new PdfError('timeout', t('pdfErrorTimeout', seconds)),
  tooLarge: (mb: number, maxMb: number) => new PdfError('too-large', t('pdfErrorTooLarge', mb, maxMb)),
  permission: (origin: string) => new PdfError('permission', t('pdfErrorPermission', origin)),
  password: () => new PdfError('password', t('pdfErrorPassword')),
  corrupt: (cause?: unknown) => new PdfError('corrupt', t('pdfErrorCorrupt'), { cause }),
  noText: () => new PdfError('no-text', t('pdfErrorNoText')),
  /** The address gave something else: a web page (`text/html`) or another kind of file. */
  notPdf: (mediaType: string) =>
    new PdfError('not-pdf', /^(text\/html|application\/xhtml\+xml)$/.test(mediaType) ? t('pdfErrorWebPage') : t('pdfErrorNotPdf', mediaType || '?')),
  cancelled: () => new PdfError('cancelled', t('pdfErrorCancelled')),
  /** The griffie's policy (fetchPdfs: false) forbids fetching PDFs. */
  blocked: () => new PdfError('blocked', t('pdfErrorBlockedByGriffie')),
  unpacksTooFar: (maxMb: number) => new PdfError('unpacks-too-far', t('pdfErrorUnpacksTooFar', maxMb), { figure: maxMb }),
  overBudget: (seconds: number) => new PdfError('over-budget', t('pdfErrorOverBudget', seconds), { figure: seconds }),
  hostRefused: (host: string) => new PdfError('host-refused', t('pdfErrorHostRefused', host)),
  /** The document is on another site than the portal page that links it: no prompt for it. */
  otherSite: (host: string) => new PdfError('host-refused', t('pdfErrorOtherSite', host)),
};

/**
 * An error that crossed from a worker as its kind (and number): worded here, in the reader's
 * language (a worker has no extension API and words in Dutch). Kinds a reading worker does not
 * give come out as "unknown".
 */
export function pdfErrorOf(kind: PdfErrorKind, figure?: number): PdfError {
  switch (kind) {
    case 'over-budget':
      return pdfErrors.overBudget(figure ?? 0);
    case 'unpacks-too-far':
      return pdfErrors.unpacksTooFar(figure ?? 0);
    case 'password':
      return pdfErrors.password();
    case 'corrupt':
      return pdfErrors.corrupt();
    case 'not-found':
      return pdfErrors.notFound();
    case 'cancelled':
      return pdfErrors.cancelled();
    case 'no-text':
      return pdfErrors.noText();
    case 'network':
      return pdfErrors.network();
    default:
      return fromPdfJsError(kind);
  }
}

/** An error from pdf.js (its exceptions are recognised by name: they cross the worker boundary as plain objects). */
export function fromPdfJsError(err: unknown): PdfError {
  if (err instanceof PdfError) return err;
  const name = typeof err === 'object' && err !== null && 'name' in err ? String((err as { name: unknown }).name) : '';
  switch (name) {
    case 'PasswordException':
      return pdfErrors.password();
    case 'InvalidPDFException':
    case 'FormatError':
      return pdfErrors.corrupt(err);
    case 'MissingPDFException':
      return pdfErrors.notFound();
    case 'AbortException':
      return pdfErrors.cancelled();
    case 'ResponseException':
    case 'UnexpectedResponseException':
      return pdfErrors.network(err);
    default:
      // pdf.js' own wording is English and technical: the reader gets a Dutch sentence, the
      // original stays in `cause` for whoever debugs.
      return new PdfError('unknown', t('pdfErrorUnknown'), { cause: err });
  }
}
