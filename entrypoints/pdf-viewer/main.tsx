import { render } from 'preact';
import '@/components/common/theme.css';
import '@/components/panel/PdfScan.css';
import '../content/highlights.css';
import './viewer.css';
import { PdfViewer } from '@/components/viewer/PdfViewer';
import { ErrorBoundary } from '@/components/common/ErrorBoundary';
import { localiseDocument } from '@/lib/extension/ui/localise-document';

localiseDocument();
// Whatever fails inside still leaves a Dutch message, never an empty page.
render(
  <ErrorBoundary>
    <PdfViewer />
  </ErrorBoundary>,
  document.getElementById('app')!,
);
