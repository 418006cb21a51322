import { sampleReport } from '../../support/scan-report';
import { describe, expect, it } from 'vitest';
import { createListener } from '@/lib/extension/messages/listen';
import { BackgroundRequestSchema, ContentReplySchemas, ContentRequestSchema } from '@/lib/extension/messages/protocol';

const report = sampleReport();

describe('message protocol', () => {
  it('accepts a well-formed scan report', () => {
    expect(BackgroundRequestSchema.safeParse({ type: 'scan-report', report }).success).toBe(true);
  });

  it.each([
    ['no type', {}],
    ['unknown type', { type: 'nonsense' }],
    ['not an object', 'scan-report'],
    ['null', null],
    ['unknown category', { type: 'scan-report', report: { ...report, matches: { ...report.matches, terms: [{ termId: 'x', category: 'weer' }] } } }],
    ['negative offset', { type: 'scan-report', report: { ...report, matches: { ...report.matches, spans: [-1, 13, 0] } } }],
    ['match outside its context', { type: 'scan-report', report: { ...report, matches: { ...report.matches, spans: [2, 13, 0] } } }],
    ['unknown term', { type: 'scan-report', report: { ...report, matches: { ...report.matches, spans: [7, 13, 1] } } }],
    ['matches as objects', { type: 'scan-report', report: { ...report, matches: [{ index: 0, start: 7, end: 13 }] } }],
    ['extra field', { type: 'scan-tab', tabId: 1, evil: true }],
    ['tab id as string', { type: 'scan-tab', tabId: '1' }],
  ])('rejects a message with %s', (_, msg) => {
    expect(BackgroundRequestSchema.safeParse(msg).success).toBe(false);
  });

  it('rejects content requests with the wrong shape', () => {
    expect(ContentRequestSchema.safeParse({ type: 'scroll-to-match', index: 1.5 }).success).toBe(false);
    expect(ContentRequestSchema.safeParse({ type: 'locate-anchors', entries: [{ id: 'note:1', anchor: { exact: '' } }] }).success).toBe(false);
    expect(ContentRequestSchema.safeParse({ type: 'scroll-to-match', index: 3 }).success).toBe(true);
  });
});

describe('locate-anchors by entry id', () => {
  const anchor = { exact: 'cameratoezicht', prefix: 'het ', suffix: ' in', start: 4, end: 18 };
  it('takes each anchor with the id of its note or flag', () => {
    expect(ContentRequestSchema.safeParse({ type: 'locate-anchors', entries: [{ id: 'note:1', anchor }, { id: 'flag:1', anchor }] }).success).toBe(true);
  });
  it('refuses anchors without an id (the old positional form) and an empty id', () => {
    expect(ContentRequestSchema.safeParse({ type: 'locate-anchors', anchors: [anchor] }).success).toBe(false);
    expect(ContentRequestSchema.safeParse({ type: 'locate-anchors', entries: [{ id: '', anchor }] }).success).toBe(false);
  });
  it('answers by id, not by position', () => {
    expect(ContentReplySchemas['locate-anchors'].safeParse([{ id: 'note:1', found: true }]).success).toBe(true);
    expect(ContentReplySchemas['locate-anchors'].safeParse([true, false]).success).toBe(false);
  });
});

describe('createListener', () => {
  const listener = createListener(ContentRequestSchema, (msg) => (msg.type === 'ping' ? 'pong' : null), () => undefined);

  it('answers a valid request through sendResponse and keeps the channel open', async () => {
    const reply = await new Promise((resolve) => expect(listener({ type: 'ping' }, {}, resolve)).toBe(true));
    expect(reply).toEqual({ ok: true, value: 'pong' });
  });

  it('turns a malformed request into a Dutch error reply instead of throwing', async () => {
    const reply = await listener({ type: 'drop-tables' }, {});
    expect(reply).toMatchObject({ ok: false });
    expect((reply as { error: string }).error).toMatch(/Onbekend of onjuist bericht/);
  });

  it('turns a handler exception into an error reply', async () => {
    const failing = createListener(ContentRequestSchema, () => {
      throw new Error('kapot');
    }, () => undefined);
    await expect(failing({ type: 'ping' }, {})).resolves.toEqual({ ok: false, error: 'kapot' });
  });
});
