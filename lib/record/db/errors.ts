// Everything that can go wrong in storage reaches the UI as one of a few kinds with a Dutch message
// the reader can act on; the original error stays in `cause` for the console.
import { z } from 'zod';

export type StorageErrorKind = 'quota' | 'blocked' | 'unavailable' | 'invalid' | 'version' | 'unknown';

const MESSAGES: Record<StorageErrorKind, string> = {
  quota:
    'De opslag van de browser is vol. Exporteer en verwijder oude notities of maak ruimte vrij op de schijf, en probeer het opnieuw.',
  blocked:
    'Sluit andere tabbladen met Raadslens (of laad ze opnieuw) en probeer het opnieuw: een ouder tabblad houdt de opslag vast tijdens een update.',
  unavailable:
    'Opslaan is in dit venster niet mogelijk (privévenster?). Open Raadslens in een gewoon venster om notities te bewaren.',
  invalid: 'Deze gegevens kloppen niet en zijn niet opgeslagen.',
  version:
    'De opgeslagen gegevens komen van een nieuwere versie van Raadslens. Werk de extensie bij om ze te openen.',
  unknown: 'Er ging iets mis met de opslag van de browser. Probeer het opnieuw.',
};

export class StorageError extends Error {
  override readonly name = 'StorageError';
  readonly kind: StorageErrorKind;
  /** For 'invalid': one line per problem, "veld: uitleg". */
  readonly problems: readonly string[];

  constructor(kind: StorageErrorKind, options: { cause?: unknown; problems?: readonly string[]; message?: string } = {}) {
    const problems = options.problems ?? [];
    const base = options.message ?? MESSAGES[kind];
    super(problems.length > 0 ? `${base} ${problems.join('; ')}` : base, { cause: options.cause });
    this.kind = kind;
    this.problems = problems;
  }
}

/** Someone else saved (or removed) the record since the caller read it; `current` is what is stored now. */
export class ConflictError<T> extends Error {
  override readonly name = 'ConflictError';
  constructor(
    readonly current: T | undefined,
    message: string,
  ) {
    super(message);
  }
}

export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
}

/** Dutch zod messages for the problems we show; a per-call locale, so other modules' zod config is untouched. */
export const dutchErrors = z.locales.nl().localeError;

function errorName(e: unknown): string | undefined {
  if (e && typeof e === 'object' && 'name' in e && typeof e.name === 'string') return e.name;
  return undefined;
}

/**
 * Map whatever IndexedDB threw. `opening` matters because InvalidStateError/SecurityError while
 * opening is how private windows and disabled storage show up, while later it means a bug.
 */
export function toStorageError(e: unknown, opening = false): Error {
  if (e instanceof StorageError || e instanceof ConflictError) return e;
  switch (errorName(e)) {
    case 'QuotaExceededError':
    case 'NS_ERROR_DOM_QUOTA_REACHED':
      return new StorageError('quota', { cause: e });
    case 'VersionError':
      return new StorageError('version', { cause: e });
    case 'DataError':
    case 'DataCloneError':
      return new StorageError('invalid', { cause: e });
    case 'InvalidStateError':
    case 'SecurityError':
      if (opening) return new StorageError('unavailable', { cause: e });
  }
  return new StorageError('unknown', { cause: e });
}
