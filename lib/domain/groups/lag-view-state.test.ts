import { describe, expect, it } from 'vitest';
import type { GroupLagEvaluation } from '../lag/lag-status';
import { initialLagView, lagViewReducer } from './lag-view-state';

const evaluation = (totalLag: string, groupId = 'billing'): GroupLagEvaluation => ({
  groupId,
  status: 'OK',
  severity: 'ok',
  partitions: [],
  totalLag,
  unknownPartitions: 0,
  explanation: '',
});

const start = () => initialLagView({ evaluation: evaluation('5'), history: [{ t: 1000, lag: 5 }], state: 'Stable', memberCount: 1, sampledAt: 1000, capacity: 3 });
const lag = (totalLag: string, sampledAt?: number, extra: object = {}) => ({ type: 'event' as const, receivedAt: 99_999, event: { type: 'lag' as const, group: evaluation(totalLag), sampledAt, ...extra } });

describe('lagViewReducer', () => {
  it('appends each new sample, bounded to the capacity, and follows state changes', () => {
    let v = start();
    for (const [i, l] of ['6', '7', '8'].entries()) v = lagViewReducer(v, lag(l, 2000 + i * 1000));
    expect(v.history).toEqual([{ t: 2000, lag: 6 }, { t: 3000, lag: 7 }, { t: 4000, lag: 8 }]);
    expect(v).toMatchObject({ connection: 'live', updates: 3, sampledAt: 4000 });
    v = lagViewReducer(v, lag('0', 5000, { state: 'Empty', memberCount: 0 }));
    expect(v).toMatchObject({ state: 'Empty', memberCount: 0 });
  });

  it('ignores older and duplicate samples and other groups', () => {
    let v = lagViewReducer(start(), lag('9', 3000));
    expect(lagViewReducer(v, lag('1', 2000)).evaluation.totalLag).toBe('9');
    v = lagViewReducer(v, lag('9', 3000));
    expect(v.history).toHaveLength(2);
    const other = { type: 'event' as const, receivedAt: 0, event: { type: 'lag' as const, group: evaluation('1', 'other') } };
    expect(lagViewReducer(v, other)).toBe(v);
  });

  it('uses the arrival time for events without sampledAt', () => {
    expect(lagViewReducer(start(), lag('2')).history.at(-1)).toEqual({ t: 99_999, lag: 2 });
  });

  it('takes a newer server render (after a reset) and ignores an older one', () => {
    const v = lagViewReducer(start(), lag('9', 3000));
    const init = { evaluation: evaluation('2'), history: [{ t: 1000, lag: 5 }, { t: 4000, lag: 2 }], state: 'Empty', memberCount: 0 };
    expect(lagViewReducer(v, { type: 'server-render', init: { ...init, sampledAt: 2000 } })).toBe(v);
    expect(lagViewReducer(v, { type: 'server-render', init: { ...init, sampledAt: 4000 } })).toMatchObject({ sampledAt: 4000, state: 'Empty', history: init.history, evaluation: { totalLag: '2' } });
  });

  it('tracks connection, errors and heartbeats', () => {
    let v = lagViewReducer(start(), { type: 'connection', status: 'reconnecting' });
    v = lagViewReducer(v, { type: 'event', receivedAt: 0, event: { type: 'error', error: { category: 'unavailable', message: 'down', retryable: true } } });
    expect(v).toMatchObject({ connection: 'reconnecting', error: { message: 'down' } });
    v = lagViewReducer(v, { type: 'event', receivedAt: 0, event: { type: 'heartbeat', at: 42 } });
    expect(v).toMatchObject({ connection: 'live', lastHeartbeatAt: 42 });
    v = lagViewReducer(v, lag('1', 9000));
    expect(v.error).toBeNull();
  });
});
