import { render } from 'preact';
import '@/components/common/theme.css';
import { Popup } from '@/components/popup/Popup';
import { ErrorBoundary } from '@/components/common/ErrorBoundary';
import { localiseDocument } from '@/lib/extension/ui/localise-document';

localiseDocument();
// Whatever fails inside still leaves a Dutch message, never an empty page.
render(
  <ErrorBoundary>
    <Popup />
  </ErrorBoundary>,
  document.getElementById('app')!,
);
