import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  INITIAL_SWITCHING,
  nextSwitchingState,
  switchingKey,
  switchingOutlook,
  type SwitchingEvent,
  type SwitchingSeverity,
  type SwitchingState,
} from './switching';

const A: SwitchingEvent = { type: 'lot', accepted: true };
const R: SwitchingEvent = { type: 'lot', accepted: false };

function run(events: SwitchingEvent[], from: SwitchingState = INITIAL_SWITCHING) {
  const severities: SwitchingSeverity[] = [];
  let state = from;
  for (const e of events) {
    state = nextSwitchingState(state, e).state;
    severities.push(state.severity);
  }
  return { state, severities };
}

describe('switching rules', () => {
  it('stays normal while lots are accepted, and with one rejection in any five', () => {
    expect(run([A, A, A, A, A, A, A]).state.severity).toBe('normal');
    expect(run([R, A, A, A, A, R, A, A, A, A, R]).state.severity).toBe('normal');
  });

  it('normal → tightened when 2 of 5 or fewer consecutive lots are not accepted', () => {
    expect(run([R, R]).severities).toEqual(['normal', 'tightened']);
    expect(run([A, R, A, A, A, R]).severities.at(-1)).toBe('tightened');
    // The first rejection slid out of the window of five: still normal.
    expect(run([R, A, A, A, A, R]).state.severity).toBe('normal');
    const step = nextSwitchingState(run([R]).state, R);
    expect(step.switched).toEqual({ from: 'normal', to: 'tightened' });
  });

  it('tightened → normal after 5 consecutive accepted lots, a rejection restarts the count', () => {
    const tight = run([R, R]).state;
    expect(run([A, A, A, A], tight).state.severity).toBe('tightened');
    expect(run([A, A, A, A, A], tight).severities).toEqual([
      'tightened',
      'tightened',
      'tightened',
      'tightened',
      'normal',
    ]);
    expect(run([A, A, A, A, R, A, A, A, A], tight).state.severity).toBe('tightened');
    expect(run([A, A, A, A, R, A, A, A, A, A], tight).state.severity).toBe('normal');
    // Back on normal, the window starts empty: one rejection does not tighten again.
    expect(run([A, A, A, A, A, R], tight).state.severity).toBe('normal');
  });

  it('tightened → stopped when 5 lots are not accepted on tightened, whatever came between', () => {
    const tight = run([R, R]).state;
    expect(run([R, A, R, A, R, A, R], tight).state.severity).toBe('tightened');
    const stopped = run([R, A, R, A, R, A, R, R], tight);
    expect(stopped.state.severity).toBe('stopped');
    // Stopped: lots change nothing until the source has acted.
    expect(run([A, A, A, A, A, A], stopped.state).state.severity).toBe('stopped');
  });

  it('resumes a stopped source on tightened inspection, with fresh counts', () => {
    const stopped = run([R, R, R, R, R, R, R]).state;
    expect(stopped.severity).toBe('stopped');
    const resumed = nextSwitchingState(stopped, { type: 'resume' });
    expect(resumed.switched).toEqual({ from: 'stopped', to: 'tightened' });
    expect(resumed.state).toEqual({
      severity: 'tightened',
      recent: [],
      consecutiveAccepted: 0,
      rejectedOnTightened: 0,
    });
    // Resume on a source that is not stopped is a no-op.
    expect(nextSwitchingState(INITIAL_SWITCHING, { type: 'resume' })).toEqual({
      state: INITIAL_SWITCHING,
    });
  });

  it('ignores resubmitted lots (after rework): only original inspection counts', () => {
    const resubmittedReject: SwitchingEvent = { type: 'lot', accepted: false, resubmitted: true };
    expect(run([R, resubmittedReject, resubmittedReject]).state.severity).toBe('normal');
    const tight = run([R, R]).state;
    const resubmittedAccept: SwitchingEvent = { type: 'lot', accepted: true, resubmitted: true };
    expect(run([A, A, A, A, resubmittedAccept], tight).state.severity).toBe('tightened');
  });

  it('property: only the machine\u2019s transitions ever happen', () => {
    const legal = new Set([
      'normal>tightened',
      'tightened>normal',
      'tightened>stopped',
      'stopped>tightened',
    ]);
    const event = fc.oneof(
      fc.record({
        type: fc.constant('lot' as const),
        accepted: fc.boolean(),
        resubmitted: fc.boolean(),
      }),
      fc.constant({ type: 'resume' as const }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), (events) => {
        let state = INITIAL_SWITCHING;
        for (const e of events) {
          const step = nextSwitchingState(state, e);
          if (step.state.severity !== state.severity) {
            expect(legal.has(`${state.severity}>${step.state.severity}`)).toBe(true);
            expect(step.switched).toEqual({ from: state.severity, to: step.state.severity });
          } else {
            expect(step.switched).toBeUndefined();
          }
          expect(step.state.recent.length).toBeLessThanOrEqual(5);
          state = step.state;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('property: all accepted lots never leave normal inspection', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), (n) => {
        expect(run(Array.from({ length: n }, () => A)).state.severity).toBe('normal');
      }),
    );
  });

  it('tells the inspector where the source stands', () => {
    expect(switchingOutlook(INITIAL_SWITCHING)).toEqual({ code: 'normal-clean' });
    expect(switchingOutlook(run([A, R, A]).state)).toEqual({
      code: 'normal-watch',
      rejectedInWindow: 1,
      window: 3,
    });
    expect(switchingOutlook(run([R, R, A, A, R]).state)).toEqual({
      code: 'tightened',
      acceptedNeeded: 5,
      rejectsToStop: 4,
    });
    expect(switchingOutlook(run([R, R, A, A]).state)).toMatchObject({ acceptedNeeded: 3 });
    expect(switchingOutlook(run([R, R, R, R, R, R, R]).state)).toEqual({ code: 'stopped' });
    expect(switchingKey('CYL-18650-26', 'incoming', 'S-01')).toBe('CYL-18650-26|incoming|S-01');
  });
});
