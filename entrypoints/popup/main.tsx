import { render } from 'preact';
import '@/components/theme.css';
import { Popup } from '@/components/Popup';
import { localiseDocument } from '@/lib/ui/localise-document';

localiseDocument();
render(<Popup />, document.getElementById('app')!);
