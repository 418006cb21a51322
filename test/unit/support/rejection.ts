// The error a promise rejects with, checked to be of the expected class (a promise that resolves
// fails the test).
import { expect } from 'vitest';

export async function rejectionOf<E>(p: Promise<unknown>, type: abstract new (...args: never[]) => E): Promise<E> {
  const outcome = await p.then(
    () => ({ resolved: true as const }),
    (error: unknown) => ({ resolved: false as const, error }),
  );
  if (outcome.resolved) throw new Error(`expected a rejection with ${type.name}`);
  expect(outcome.error).toBeInstanceOf(type);
  return outcome.error as E;
}
