import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from '../lib/i18n/i18n';
import { Alert } from './alert';

function CrashMessage() {
  const { t } = useI18n();
  return <Alert>{t('app.crashed')}</Alert>;
}

interface State {
  failed: boolean;
}

/** Keeps a failure inside one feature: the rest of the page goes on working. */
export class ErrorBoundary extends Component<{ children: ReactNode; name: string }, State> {
  state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.warn(`[${this.props.name}] failed to render`, error, info.componentStack);
  }

  render() {
    return this.state.failed ? <CrashMessage /> : this.props.children;
  }
}
