import { render } from 'preact';
import '@/components/theme.css';
import { SidePanel } from '@/components/SidePanel';
import { localiseDocument } from '@/lib/ui/localise-document';

localiseDocument();
render(<SidePanel />, document.getElementById('app')!);
