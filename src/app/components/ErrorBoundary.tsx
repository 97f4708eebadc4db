// A figure or chapter that throws (a chunk that cannot load offline, a bug) shows a message in its
// place instead of blanking the whole page.
import { Component, type ReactNode } from 'react';

interface Props {
  /** What to show, given the error's message. */
  fallback: (message: string, retry: () => void) => ReactNode;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    if (this.state.error) return this.props.fallback(this.state.error.message, () => this.setState({ error: null }));
    return this.props.children;
  }
}
