import { render } from 'preact';
import '@/components/theme.css';
import '@/components/PdfScan.css';
import '../content/highlights.css';
import './viewer.css';
import { PdfViewer } from '@/components/PdfViewer';
import { localiseDocument } from '@/lib/ui/localise-document';

localiseDocument();
render(<PdfViewer />, document.getElementById('app')!);
