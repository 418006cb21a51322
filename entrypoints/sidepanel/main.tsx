import { render } from 'preact';
import '@/components/theme.css';
import { SidePanel } from '@/components/SidePanel';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { localiseDocument } from '@/lib/extension/ui/localise-document';

localiseDocument();
// Whatever fails inside still leaves a Dutch message, never an empty page.
render(
  <ErrorBoundary>
    <SidePanel />
  </ErrorBoundary>,
  document.getElementById('app')!,
);
