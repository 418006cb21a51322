import { browser } from 'wxt/browser';
import { forgetTabsOnNavigation, handleBackgroundRequest, senderOf } from '@/lib/background/router';
import { createListener } from '@/lib/messages/listen';
import { BackgroundRequestSchema } from '@/lib/messages/protocol';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener(
    createListener(BackgroundRequestSchema, handleBackgroundRequest, senderOf) as never,
  );
  forgetTabsOnNavigation();
});
