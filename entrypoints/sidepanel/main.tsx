import { render } from 'preact';
import '@/components/common/theme.css';
import { SidePanel } from '@/components/panel/SidePanel';
import { ErrorBoundary } from '@/components/common/ErrorBoundary';
import { localiseDocument } from '@/lib/extension/ui/localise-document';

localiseDocument();
// Whatever fails inside still leaves a Dutch message, never an empty page.
render(
  <ErrorBoundary>
    <SidePanel />
  </ErrorBoundary>,
  document.getElementById('app')!,
);
