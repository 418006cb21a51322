import { z } from 'zod';

/**
 * A schema built on its first use instead of at import (issue 17, target 2): building zod schemas
 * was most of the side panel's module evaluation, its first open's longest task, while its first
 * screen parses few of them. The schema accepts, rejects and words its errors exactly as the one
 * `build` returns (zod's lazy hands each parse to it, built once and kept).
 */
export function lazySchema<T extends z.ZodType>(build: () => T): z.ZodLazy<T> {
  return z.lazy(build);
}
