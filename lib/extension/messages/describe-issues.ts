import type { z } from 'zod';

/** A short, readable summary of what was wrong with a message: "report.matches[2].end: …". */
export function describeIssues(error: z.ZodError, max = 3): string {
  return error.issues
    .slice(0, max)
    .map((i) => `${i.path.length ? i.path.join('.') : '(bericht)'}: ${i.message}`)
    .join('; ');
}
