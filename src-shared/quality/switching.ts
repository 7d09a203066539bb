import type { Severity } from './aql';

/**
 * ISO 2859-1 switching rules (clause 9) for one product from one supplier or line, as a pure
 * state machine. The inspection level never changes, only the severity:
 * - normal → tightened when 2 of 5 or fewer consecutive lots are not accepted;
 * - tightened → normal after 5 consecutive lots accepted;
 * - tightened → stopped when the lots not accepted on tightened inspection reach 5; the
 *   supplier or line must act, and inspection resumes on tightened.
 * Only lots on original inspection count: a lot resubmitted after rework or sorting does not
 * (clause 9.3.2 speaks of "original inspection").
 */

export type SwitchingSeverity = Severity | 'stopped';

export interface SwitchingState {
  severity: SwitchingSeverity;
  /** Normal: verdicts of the latest lots (at most 5), oldest first; true = accepted. */
  recent: boolean[];
  /** Tightened: consecutive accepted lots so far. */
  consecutiveAccepted: number;
  /** Tightened: lots not accepted since tightened inspection began. */
  rejectedOnTightened: number;
}

export const INITIAL_SWITCHING: SwitchingState = {
  severity: 'normal',
  recent: [],
  consecutiveAccepted: 0,
  rejectedOnTightened: 0,
};

export const SWITCH_WINDOW = 5;
export const TIGHTEN_AFTER_REJECTED = 2;
export const RELAX_AFTER_ACCEPTED = 5;
export const STOP_AFTER_REJECTED = 5;

export type SwitchingEvent =
  | { type: 'lot'; accepted: boolean; resubmitted?: boolean }
  /** The supplier or line has acted: inspection resumes, on tightened. */
  | { type: 'resume' };

export interface SwitchingStep {
  state: SwitchingState;
  /** Set when the severity changed with this event. */
  switched?: { from: SwitchingSeverity; to: SwitchingSeverity };
}

function enter(severity: SwitchingSeverity): SwitchingState {
  return { severity, recent: [], consecutiveAccepted: 0, rejectedOnTightened: 0 };
}

export function nextSwitchingState(state: SwitchingState, event: SwitchingEvent): SwitchingStep {
  if (event.type === 'resume') {
    if (state.severity !== 'stopped') return { state };
    return { state: enter('tightened'), switched: { from: 'stopped', to: 'tightened' } };
  }
  if (event.resubmitted || state.severity === 'stopped') return { state };
  if (state.severity === 'normal') {
    const recent = [...state.recent, event.accepted].slice(-SWITCH_WINDOW);
    if (recent.filter((a) => !a).length >= TIGHTEN_AFTER_REJECTED) {
      return { state: enter('tightened'), switched: { from: 'normal', to: 'tightened' } };
    }
    return { state: { ...state, recent } };
  }
  if (event.accepted) {
    const consecutiveAccepted = state.consecutiveAccepted + 1;
    if (consecutiveAccepted >= RELAX_AFTER_ACCEPTED) {
      return { state: enter('normal'), switched: { from: 'tightened', to: 'normal' } };
    }
    return { state: { ...state, consecutiveAccepted } };
  }
  const rejectedOnTightened = state.rejectedOnTightened + 1;
  if (rejectedOnTightened >= STOP_AFTER_REJECTED) {
    return { state: enter('stopped'), switched: { from: 'tightened', to: 'stopped' } };
  }
  return { state: { ...state, consecutiveAccepted: 0, rejectedOnTightened } };
}

/** What the inspector is told about where the source stands, as a code with its numbers. */
export type SwitchingOutlook =
  | { code: 'normal-clean' }
  | { code: 'normal-watch'; rejectedInWindow: number; window: number }
  | { code: 'tightened'; acceptedNeeded: number; rejectsToStop: number }
  | { code: 'stopped' };

export function switchingOutlook(state: SwitchingState): SwitchingOutlook {
  if (state.severity === 'stopped') return { code: 'stopped' };
  if (state.severity === 'tightened') {
    return {
      code: 'tightened',
      acceptedNeeded: RELAX_AFTER_ACCEPTED - state.consecutiveAccepted,
      rejectsToStop: STOP_AFTER_REJECTED - state.rejectedOnTightened,
    };
  }
  const rejectedInWindow = state.recent.filter((a) => !a).length;
  return rejectedInWindow === 0
    ? { code: 'normal-clean' }
    : { code: 'normal-watch', rejectedInWindow, window: state.recent.length };
}

/** The key switching is tracked under: a product from one supplier, or made on one line. */
export function switchingKey(model: string, stage: string, source: string): string {
  return `${model}|${stage}|${source}`;
}
