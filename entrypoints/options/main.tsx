import { render } from 'preact';
import '@/components/common/theme.css';
import { Options } from '@/components/options/Options';
import { ErrorBoundary } from '@/components/common/ErrorBoundary';
import { t } from '@/lib/extension/i18n';
import { localiseDocument } from '@/lib/extension/ui/localise-document';

localiseDocument();
document.title = t('optionsTitle');
// Whatever fails inside still leaves a Dutch message, never an empty page.
render(
  <ErrorBoundary>
    <Options />
  </ErrorBoundary>,
  document.getElementById('app')!,
);
