/** @module Catches render errors anywhere in the UI, so they reach the `error` event, not the host's window.onerror. */
import { Component, type ComponentChildren } from 'preact';

export class ErrorBoundary extends Component<{ onError: (error: unknown) => void; children?: ComponentChildren }, { failed: boolean }> {
  override state = { failed: false };

  override componentDidCatch(error: unknown): void {
    this.props.onError(error);
    this.setState({ failed: true });
  }

  override render() {
    return this.state.failed ? null : this.props.children;
  }
}
