// What a page that is not a document is, in the reader's words: one sentence for the side panel's
// notice and the popup, so the popup does not say "Geen vondsten" about a list whose rows have yet
// to come, a bot check or an error page while the panel says what it is.
import { t } from '../i18n';
import type { PageKindSummary } from '../messages/protocol';

export function pageKindText(page: PageKindSummary): string {
  switch (page.kind) {
    case 'botcheck':
      return page.by ? t('pageBotcheckBy', page.by) : t('pageBotcheck');
    case 'error':
      return t('pageError');
    case 'loading':
      return t('pageLoading');
    case 'empty':
      return t('pageEmpty');
  }
}
