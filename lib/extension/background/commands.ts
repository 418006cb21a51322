// Keyboard commands (manifest `commands`): open the side panel, next / previous match in the page.
// Firefox opens its sidebar through the built-in `_execute_sidebar_action` instead.
import { browser } from 'wxt/browser';
import { sendToTab } from '../messages/send';
import { openSidePanel } from './menus';

export const COMMAND_OPEN_PANEL = 'open-panel';
export const COMMAND_NEXT = 'next-match';
export const COMMAND_PREV = 'prev-match';

interface TabLike {
  id?: number;
  windowId?: number;
}

async function activeTab(): Promise<TabLike | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/** The onCommand handler. Returns what the page answered (for tests), or null. */
export async function handleCommand(command: string, tab?: TabLike): Promise<unknown> {
  if (command === COMMAND_OPEN_PANEL) {
    // First, before any await: the key press is the user gesture sidePanel.open needs.
    const opening = openSidePanel(tab);
    if (tab) {
      await opening;
      return null;
    }
    await openSidePanel(await activeTab()).catch(() => {});
    return null;
  }
  if (command !== COMMAND_NEXT && command !== COMMAND_PREV) return null;
  const target = tab ?? (await activeTab());
  if (target?.id === undefined) return null;
  try {
    return await sendToTab(target.id, { type: command });
  } catch {
    // No Raadslens in this page (not scanned): the key does nothing.
    return null;
  }
}
