import { render } from 'preact';
import '@/components/theme.css';
import '@/components/PdfScan.css';
import '../content/highlights.css';
import './viewer.css';
import { PdfViewer } from '@/components/PdfViewer';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { localiseDocument } from '@/lib/extension/ui/localise-document';

localiseDocument();
// Whatever fails inside still leaves a Dutch message, never an empty page.
render(
  <ErrorBoundary>
    <PdfViewer />
  </ErrorBoundary>,
  document.getElementById('app')!,
);
