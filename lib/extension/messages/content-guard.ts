// ContentRequestSchema (./protocol.ts) as a hand-written check: the content script receives its
// requests through this and carries no zod. content-guard.test.ts holds it to the schema on good,
// bad and randomly broken messages: it must accept exactly what the schema accepts.
import { hasOnlyKeys, isArrayOf, isOffset, isPlainObject } from '../../core/guards';
import { isAnchor } from '../../core/anchor/shape';
import type { ContentRequest } from './protocol';

const TYPE_ONLY = new Set(['type']);
const WITH_INDEX = new Set(['type', 'index']);
const WITH_ANCHOR = new Set(['type', 'anchor']);
const WITH_ENTRIES = new Set(['type', 'entries']);
const WITH_ANCHORS = new Set(['type', 'anchors']);
const WITH_KEY = new Set(['type', 'key']);
const ENTRY_KEYS = new Set(['id', 'anchor']);
const MAX_ANCHORS = 2000;

const isEntry = (x: unknown): x is { id: string; anchor: unknown } =>
  hasOnlyKeys(x, ENTRY_KEYS) && typeof x.id === 'string' && x.id.length >= 1 && x.id.length <= 200 && isAnchor(x.anchor);

export function isContentRequest(x: unknown): x is ContentRequest {
  if (!isPlainObject(x)) return false;
  switch (x.type) {
    case 'get-selection':
    case 'rescan':
    case 'next-match':
    case 'prev-match':
    case 'ping':
    case 'stop':
      return hasOnlyKeys(x, TYPE_ONLY);
    case 'scroll-to-match':
    case 'anchor-for-match':
      return hasOnlyKeys(x, WITH_INDEX) && isOffset(x.index);
    case 'scroll-to-anchor':
      return hasOnlyKeys(x, WITH_ANCHOR) && isAnchor(x.anchor);
    case 'locate-anchors':
      return hasOnlyKeys(x, WITH_ENTRIES) && isArrayOf(x.entries, MAX_ANCHORS, isEntry);
    case 'anchor-sentences':
      return hasOnlyKeys(x, WITH_ANCHORS) && isArrayOf(x.anchors, MAX_ANCHORS, isAnchor);
    case 'report-details':
      return hasOnlyKeys(x, WITH_KEY) && typeof x.key === 'string' && x.key.length >= 1 && x.key.length <= 64;
    default:
      return false;
  }
}
