import { Component, type ComponentChildren } from 'preact';
import { t } from '@/lib/extension/i18n';

interface Props {
  children: ComponentChildren;
}

interface State {
  failed: boolean;
}

/**
 * One view that fails to render (a record it cannot show, a bug of ours) says so in Dutch and
 * leaves the rest of the page working: the other tabs, the header, the other sections. "Opnieuw"
 * renders it again, for a failure that came from data since repaired. The error itself goes to
 * the extension's console, never to the page.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static override getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('Raadslens: een onderdeel kon niet worden getoond', error);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <section class="notice view-error" role="alert" data-testid="view-error">
        <p>{t('viewFailed')}</p>
        <button type="button" onClick={() => this.setState({ failed: false })}>
          {t('viewRetry')}
        </button>
      </section>
    );
  }
}
