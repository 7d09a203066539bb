import { useSyncExternalStore } from 'react';
import type { PlanWarning } from '../../../src-shared/planning/schedule-rules';

/**
 * What the board shows while a bar is dragged (where it would land, what that would break).
 * A tiny store outside React state, so a pointer move re-renders this panel only, never the
 * board with its bars.
 */
export interface DragFeedback {
  number: string;
  lineLabel: string;
  start: number;
  end: number;
  count: number;
  warnings: PlanWarning[];
  x: number;
  y: number;
}

export class FeedbackStore {
  private value: DragFeedback | null = null;
  private listeners = new Set<() => void>();

  get = (): DragFeedback | null => this.value;

  set(value: DragFeedback | null): void {
    this.value = value;
    for (const l of this.listeners) l();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export function useFeedback(store: FeedbackStore): DragFeedback | null {
  return useSyncExternalStore(store.subscribe, store.get);
}
