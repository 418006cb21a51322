// Context menu on a selection: "Notitie bij deze passage" and "Markeer als aandachtspunt".
// The click opens the side panel (inside the handler: the click is the user gesture that
// sidePanel.open / sidebarAction.open require), asks the page for the selection as a quote
// anchor, and leaves it in storage.session as the one pending request, which the panel takes.
import { browser } from 'wxt/browser';
import type Polyfill from 'webextension-polyfill';
import { z } from 'zod';
import { AnchorSchema } from '../../core/anchor/schema';
import { t } from '../i18n';
import { sendToTab } from '../messages/send';

export const MENU_NOTE = 'raadslens-note';
export const MENU_FLAG = 'raadslens-flag';
export const PENDING_NOTE_KEY = 'pending-note';
/** A selection quoted by the menu is cut here: a note is about a passage, not a chapter. */
const MAX_SELECTION_CHARS = 2_000;

const PendingNoteSchema = z.strictObject({
  tabId: z.number().int().nonnegative(),
  action: z.enum(['note', 'flag']),
  anchor: AnchorSchema.nullable(),
  createdAt: z.number(),
});
export type PendingNote = z.infer<typeof PendingNoteSchema>;

type Menus = typeof browser.contextMenus;
function menusApi(): Menus | undefined {
  return browser.contextMenus ?? (browser as unknown as { menus?: Menus }).menus;
}

/** Creates the two items (idempotent: removeAll first, as onInstalled runs on every update). */
export async function createMenus(): Promise<void> {
  const menus = menusApi();
  if (!menus) return;
  await menus.removeAll();
  menus.create({ id: MENU_NOTE, title: t('menuNote'), contexts: ['selection'] });
  menus.create({ id: MENU_FLAG, title: t('menuFlag'), contexts: ['selection'] });
}

/** Opens the side panel (Chrome) or sidebar (Firefox). Call it before any await in a user-action handler. */
export function openSidePanel(tab: { id?: number; windowId?: number } | undefined): Promise<void> {
  const fx = (browser as unknown as Polyfill.Browser).sidebarAction;
  if (fx) return fx.open();
  if (tab?.id !== undefined) return browser.sidePanel.open({ tabId: tab.id });
  if (tab?.windowId !== undefined) return browser.sidePanel.open({ windowId: tab.windowId });
  return Promise.reject(new Error('Geen tabblad om het zijpaneel bij te openen'));
}

/** A quote anchor for text the page could not place (no content script there): re-found by its words. */
export function anchorFromText(text: string | undefined): PendingNote['anchor'] {
  const exact = (text ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_SELECTION_CHARS);
  if (!exact) return null;
  return { exact, prefix: '', suffix: '', start: 0, end: exact.length };
}

interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
}

/** The context-menu click handler. Returns the pending request it stored (or null). */
export async function handleMenuClick(info: MenuClick, tab: { id?: number; windowId?: number } | undefined): Promise<PendingNote | null> {
  if (info.menuItemId !== MENU_NOTE && info.menuItemId !== MENU_FLAG) return null;
  const opening = openSidePanel(tab).catch(() => {});
  if (tab?.id === undefined) return null;
  let anchor: PendingNote['anchor'] = null;
  try {
    anchor = await sendToTab(tab.id, { type: 'get-selection' });
  } catch {
    // No content script in this page, or an answer of the wrong shape: use the selected text.
  }
  anchor ??= anchorFromText(info.selectionText);
  const pending: PendingNote = { tabId: tab.id, action: info.menuItemId === MENU_NOTE ? 'note' : 'flag', anchor, createdAt: Date.now() };
  await browser.storage.session.set({ [PENDING_NOTE_KEY]: pending });
  await opening;
  return pending;
}

/** Takes (reads and removes) the pending request for this tab, if any and well-formed. */
export async function takePendingNote(tabId: number): Promise<PendingNote | null> {
  const stored = (await browser.storage.session.get(PENDING_NOTE_KEY))[PENDING_NOTE_KEY];
  const parsed = PendingNoteSchema.safeParse(stored);
  if (!parsed.success) {
    if (stored !== undefined) await browser.storage.session.remove(PENDING_NOTE_KEY);
    return null;
  }
  if (parsed.data.tabId !== tabId) return null;
  await browser.storage.session.remove(PENDING_NOTE_KEY);
  return parsed.data;
}

/**
 * For the panel: hands over a pending request now and whenever a new one is stored.
 * Returns unsubscribe.
 */
export function watchPendingNote(tabId: number, onPending: (p: PendingNote) => void): () => void {
  let live = true;
  const take = () =>
    void takePendingNote(tabId)
      .then((p) => live && p && onPending(p))
      .catch(() => {});
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && changes[PENDING_NOTE_KEY]?.newValue !== undefined) take();
  };
  browser.storage.onChanged.addListener(listener);
  take();
  return () => {
    live = false;
    browser.storage.onChanged.removeListener(listener);
  };
}
