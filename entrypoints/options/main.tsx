import { render } from 'preact';
import '@/components/theme.css';
import { Options } from '@/components/Options';
import { t } from '@/lib/i18n';
import { localiseDocument } from '@/lib/ui/localise-document';

localiseDocument();
document.title = t('optionsTitle');
render(<Options />, document.getElementById('app')!);
