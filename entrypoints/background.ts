import { browser } from 'wxt/browser';
import { handleCommand } from '@/lib/extension/background/commands';
import { createMenus, handleMenuClick } from '@/lib/extension/background/menus';
import { forgetTabsOnNavigation, handleBackgroundRequest, senderOf } from '@/lib/extension/background/router';
import { createListener } from '@/lib/extension/messages/listen';
import { BackgroundRequestSchema } from '@/lib/extension/messages/protocol';
import { documentGrantsLeft, followSiteGrants } from '@/lib/extension/permissions';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener(
    createListener(BackgroundRequestSchema, handleBackgroundRequest, senderOf) as never,
  );
  forgetTabsOnNavigation();
  // "Deze site altijd scannen": content scripts for the granted sites, re-registered on start.
  followSiteGrants();
  // Grants for one PDF that a closed panel or viewer could not give back.
  browser.runtime.onStartup.addListener(() => void documentGrantsLeft().catch(() => {}));
  // Menus persist across restarts of the worker; they are (re)made on install and update.
  browser.runtime.onInstalled.addListener(() => void createMenus().catch(() => {}));
  (browser.contextMenus ?? (browser as unknown as { menus?: typeof browser.contextMenus }).menus)?.onClicked.addListener(
    (info, tab) => void handleMenuClick(info, tab).catch(() => {}),
  );
  browser.commands?.onCommand.addListener((command, tab) => void handleCommand(command, tab).catch(() => {}));
});
