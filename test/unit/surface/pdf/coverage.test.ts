import { describe, expect, it } from 'vitest';
import { complete, coverageOf, isUnread, type ScanLike } from '@/lib/surface/pdf/coverage';

const done = (n: number): ScanLike => ({ status: 'done', result: { matchCount: n } });
const failed = (kind: string): ScanLike => ({ status: 'error', error: { kind } });

describe('coverageOf', () => {
  it('counts what was read, is being read, failed, and was never read', () => {
    const c = coverageOf([done(4), done(0), { status: 'running' }, { status: 'queued' }, failed('no-text'), failed('not-found'), failed('cancelled'), { status: 'blocked' }, undefined]);
    expect(c).toEqual({ total: 9, read: 2, busy: 2, failed: 2, unread: 3, matches: 4 });
    expect(complete(c)).toBe(false);
  });

  it('is complete only when every attachment was read (a failure is not read), and for a page without any', () => {
    expect(complete(coverageOf([done(1), done(2)]))).toBe(true);
    expect(complete(coverageOf([done(1), failed('password')]))).toBe(false);
    expect(complete(coverageOf([]))).toBe(true);
  });

  it('offers the action for what was never read, was cancelled or waits for permission — not for a failure or a read one', () => {
    expect([undefined, failed('cancelled'), { status: 'blocked' } as ScanLike].every(isUnread)).toBe(true);
    expect([done(0), failed('http'), { status: 'running' } as ScanLike].some(isUnread)).toBe(false);
  });
});
