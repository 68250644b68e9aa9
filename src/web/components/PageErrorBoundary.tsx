import { Component, type ErrorInfo, type ReactNode } from 'react';
import { describePageFailure } from '../lib/pageFailure.js';

interface Props {
  /** A new key (e.g. the location) clears the error, so navigating away from a broken page works. */
  resetKey: string;
  children: ReactNode;
}

interface State {
  error: unknown;
  shownFor: string | undefined;
}

/**
 * Keeps one page's failure inside its frame: a lazy chunk that cannot load after a rebuild, or a component
 * that throws, shows a message with "Reload" where the page would be, while the top bar and tabs around it
 * keep working. React has no hook for this yet, hence the class.
 */
export class PageErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined, shownFor: undefined };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error ?? new Error('unknown error') };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    // Remember where it failed; once the user goes elsewhere, try rendering again.
    if (state.error === undefined) return state.shownFor === props.resetKey ? null : { shownFor: props.resetKey };
    return state.shownFor === props.resetKey ? null : { error: undefined, shownFor: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('page failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === undefined) return this.props.children;
    const failure = describePageFailure(this.state.error);
    return (
      <div
        role="alert"
        className="rounded border border-rose-300 bg-rose-50 px-4 py-3 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950/50 dark:text-rose-200"
        data-testid="page-error"
        data-kind={failure.kind}
      >
        <p className="font-semibold">{failure.title}</p>
        <p className="mt-1 break-words">{failure.detail}</p>
        <button type="button" className="btn mt-2" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}
