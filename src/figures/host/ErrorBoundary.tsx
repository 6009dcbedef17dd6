import { Component, type ReactNode } from 'react';

/** Contains a figure that throws: says which figure failed and lets the rest of the essay keep working. */
export class FigureErrorBoundary extends Component<{ id: string; children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  componentDidCatch(error: Error) {
    console.error(`figure "${this.props.id}" failed:`, error);
  }
  render() {
    if (this.state.error) {
      return (
        <div className="figure-error" role="alert">
          <strong>The figure “{this.props.id}” stopped working.</strong> {this.state.error.message}{' '}
          <button type="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}
