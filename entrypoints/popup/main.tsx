import { render } from 'preact';
import '@/components/theme.css';
import { Popup } from '@/components/Popup';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { localiseDocument } from '@/lib/extension/ui/localise-document';

localiseDocument();
// Whatever fails inside still leaves a Dutch message, never an empty page.
render(
  <ErrorBoundary>
    <Popup />
  </ErrorBoundary>,
  document.getElementById('app')!,
);
