import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { COMMAND_NEXT, COMMAND_OPEN_PANEL, COMMAND_PREV, handleCommand } from '@/lib/extension/background/commands';
import {
  MENU_FLAG,
  MENU_NOTE,
  PENDING_NOTE_KEY,
  anchorFromText,
  createMenus,
  handleMenuClick,
  takePendingNote,
  watchPendingNote,
  type PendingNote,
} from '@/lib/extension/background/menus';
import type { ContentRequest } from '@/lib/extension/messages/protocol';

const anchor = { exact: 'twaalf vaste camera’s', prefix: 'de binnenstad met ', suffix: ' op de locaties', start: 100, end: 121 };

const fb = fakeBrowser as unknown as Record<string, unknown>;

/** The side panel API is not in the fake browser: record what opens, and in which order. */
function fakeSidePanel(log: string[]) {
  const open = vi.fn(async (opts: { tabId?: number; windowId?: number }) => {
    log.push(`open:${opts.tabId ?? 'w' + opts.windowId}`);
  });
  fb.sidePanel = { open };
  return open;
}

/** The content script, answering with the protocol's Reply envelope. */
function fakePage(log: string[], answer: (msg: ContentRequest) => unknown) {
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, msg: ContentRequest) => {
    log.push(`send:${tabId}:${msg.type}`);
    return { ok: true, value: answer(msg) };
  }) as never);
}

afterEach(() => {
  delete fb.sidePanel;
  delete fb.sidebarAction;
  vi.restoreAllMocks();
});

describe('context menu', () => {
  it('creates both items for a selection, after clearing old ones', async () => {
    const removeAll = vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined as never);
    const create = vi.spyOn(fakeBrowser.contextMenus, 'create').mockReturnValue(1 as never);
    await createMenus();
    expect(removeAll).toHaveBeenCalledOnce();
    expect(create.mock.calls.map((c) => c[0])).toEqual([
      { id: MENU_NOTE, title: 'Notitie bij deze passage', contexts: ['selection'] },
      { id: MENU_FLAG, title: 'Markeer als aandachtspunt', contexts: ['selection'] },
    ]);
  });

  it('opens the panel before asking the page anything, then leaves the selection for the panel', async () => {
    const log: string[] = [];
    fakeSidePanel(log);
    fakePage(log, (m) => (m.type === 'get-selection' ? anchor : null));
    const pending = await handleMenuClick({ menuItemId: MENU_NOTE, selectionText: 'x' }, { id: 4, windowId: 1 });
    expect(log).toEqual(['open:4', 'send:4:get-selection']);
    expect(pending).toMatchObject({ tabId: 4, action: 'note', anchor });
    expect((await fakeBrowser.storage.session.get(PENDING_NOTE_KEY))[PENDING_NOTE_KEY]).toEqual(pending);
  });

  it('"Markeer als aandachtspunt" stores a flag request', async () => {
    fakeSidePanel([]);
    fakePage([], () => anchor);
    expect(await handleMenuClick({ menuItemId: MENU_FLAG }, { id: 2 })).toMatchObject({ action: 'flag', anchor });
  });

  it('falls back to the selected text when the page has no Raadslens or answers nonsense', async () => {
    fakeSidePanel([]);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection'));
    const p = await handleMenuClick({ menuItemId: MENU_NOTE, selectionText: '  Wij zetten\n bodycams in ' }, { id: 3 });
    expect(p?.anchor).toEqual({ exact: 'Wij zetten bodycams in', prefix: '', suffix: '', start: 0, end: 22 });
    fakePage([], () => ({ exact: 5 }));
    const q = await handleMenuClick({ menuItemId: MENU_NOTE }, { id: 3 });
    expect(q?.anchor).toBeNull();
  });

  it('uses the Firefox sidebar when there is one, and ignores other menu items', async () => {
    const open = vi.fn(async () => {});
    fb.sidebarAction = { open };
    fakePage([], () => anchor);
    await handleMenuClick({ menuItemId: MENU_NOTE }, { id: 1 });
    expect(open).toHaveBeenCalledOnce();
    expect(await handleMenuClick({ menuItemId: 'iets-anders' }, { id: 1 })).toBeNull();
    expect(open).toHaveBeenCalledOnce();
  });

  it('still stores the request when the panel cannot open', async () => {
    fb.sidePanel = { open: vi.fn(async () => Promise.reject(new Error('no gesture'))) };
    fakePage([], () => anchor);
    expect(await handleMenuClick({ menuItemId: MENU_NOTE }, { id: 6 })).toMatchObject({ tabId: 6 });
  });

  it('cuts a very long selection', () => {
    expect(anchorFromText('a'.repeat(5000))?.exact).toHaveLength(2000);
    expect(anchorFromText('   ')).toBeNull();
    expect(anchorFromText(undefined)).toBeNull();
  });
});

describe('pending note hand-over', () => {
  const pending: PendingNote = { tabId: 9, action: 'note', anchor, createdAt: 1 };

  it('is taken once, only by the panel of that tab', async () => {
    await fakeBrowser.storage.session.set({ [PENDING_NOTE_KEY]: pending });
    expect(await takePendingNote(8)).toBeNull();
    expect(await takePendingNote(9)).toEqual(pending);
    expect(await takePendingNote(9)).toBeNull();
  });

  it('drops a malformed request', async () => {
    await fakeBrowser.storage.session.set({ [PENDING_NOTE_KEY]: { tabId: 'x' } });
    expect(await takePendingNote(9)).toBeNull();
    expect((await fakeBrowser.storage.session.get(PENDING_NOTE_KEY))[PENDING_NOTE_KEY]).toBeUndefined();
  });

  it('is delivered to a watching panel, also when it was stored before the panel opened', async () => {
    await fakeBrowser.storage.session.set({ [PENDING_NOTE_KEY]: pending });
    const seen: PendingNote[] = [];
    const stop = watchPendingNote(9, (p) => seen.push(p));
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    await fakeBrowser.storage.session.set({ [PENDING_NOTE_KEY]: { ...pending, action: 'flag', createdAt: 2 } });
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen[1]?.action).toBe('flag');
    stop();
    await fakeBrowser.storage.session.set({ [PENDING_NOTE_KEY]: { ...pending, createdAt: 3 } });
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toHaveLength(2);
  });
});

describe('keyboard commands', () => {
  it('open-panel opens the side panel of the tab', async () => {
    const log: string[] = [];
    fakeSidePanel(log);
    await handleCommand(COMMAND_OPEN_PANEL, { id: 5, windowId: 1 });
    expect(log).toEqual(['open:5']);
  });

  it('next and previous match go to the page of the tab, and answer what the page answers', async () => {
    const log: string[] = [];
    fakePage(log, (m) => ({ index: m.type === 'next-match' ? 1 : 0, total: 2 }));
    expect(await handleCommand(COMMAND_NEXT, { id: 5 })).toEqual({ index: 1, total: 2 });
    expect(await handleCommand(COMMAND_PREV, { id: 5 })).toEqual({ index: 0, total: 2 });
    expect(log).toEqual(['send:5:next-match', 'send:5:prev-match']);
  });

  it('use the active tab when the command comes without one', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 12 }] as never);
    const log: string[] = [];
    fakePage(log, () => null);
    await handleCommand(COMMAND_NEXT);
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(log).toEqual(['send:12:next-match']);
  });

  it('do nothing on a page without Raadslens, and ignore unknown commands', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection'));
    expect(await handleCommand(COMMAND_NEXT, { id: 5 })).toBeNull();
    expect(await handleCommand('iets', { id: 5 })).toBeNull();
  });
});
