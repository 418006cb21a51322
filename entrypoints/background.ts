import { browser } from 'wxt/browser';
import { handleCommand } from '@/lib/background/commands';
import { createMenus, handleMenuClick } from '@/lib/background/menus';
import { forgetTabsOnNavigation, handleBackgroundRequest, senderOf } from '@/lib/background/router';
import { createListener } from '@/lib/messages/listen';
import { BackgroundRequestSchema } from '@/lib/messages/protocol';
import { followSiteGrants } from '@/lib/permissions';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener(
    createListener(BackgroundRequestSchema, handleBackgroundRequest, senderOf) as never,
  );
  forgetTabsOnNavigation();
  // "Deze site altijd scannen": content scripts for the granted sites, re-registered on start.
  followSiteGrants();
  // Menus persist across restarts of the worker; they are (re)made on install and update.
  browser.runtime.onInstalled.addListener(() => void createMenus().catch(() => {}));
  (browser.contextMenus ?? (browser as unknown as { menus?: typeof browser.contextMenus }).menus)?.onClicked.addListener(
    (info, tab) => void handleMenuClick(info, tab).catch(() => {}),
  );
  browser.commands?.onCommand.addListener((command, tab) => void handleCommand(command, tab).catch(() => {}));
});
