import type { ConsoleErrorShape } from '../console-error';
import type { GroupLagEvaluation } from '../lag/lag-status';
import type { StreamEvent } from '../stream/stream-events';
import type { LagPoint } from './group-model';

/**
 * The live lag view of one group: the one reducer the detail page's EventSource feeds. Pure, so the
 * ordering rules (late or duplicate samples, another group's events) are tested without a browser.
 */
export type LagConnection = 'connecting' | 'live' | 'reconnecting' | 'closed';

export interface LagViewState {
  evaluation: GroupLagEvaluation;
  /** Oldest first, at most `capacity` points. */
  history: LagPoint[];
  capacity: number;
  state: string;
  memberCount: number;
  sampledAt: number;
  connection: LagConnection;
  error: ConsoleErrorShape | null;
  lastHeartbeatAt: number | null;
  /** Lag events applied since the page loaded. */
  updates: number;
}

export type LagViewInit = { evaluation: GroupLagEvaluation; history: LagPoint[]; state: string; memberCount: number; sampledAt: number; capacity?: number };

export type LagViewAction =
  | { type: 'event'; event: StreamEvent; receivedAt: number }
  | { type: 'connection'; status: LagConnection }
  /** The server rendered the page again (after a reset or a rebalance): take its reading if it is newer. */
  | { type: 'server-render'; init: LagViewInit };

export function initialLagView(init: LagViewInit): LagViewState {
  const capacity = init.capacity ?? 360;
  return { ...init, history: init.history.slice(-capacity), capacity, connection: 'connecting', error: null, lastHeartbeatAt: null, updates: 0 };
}

export function lagViewReducer(view: LagViewState, action: LagViewAction): LagViewState {
  if (action.type === 'connection') {
    return action.status === view.connection ? view : { ...view, connection: action.status };
  }
  if (action.type === 'server-render') {
    const { init } = action;
    if (init.evaluation.groupId !== view.evaluation.groupId || init.sampledAt <= view.sampledAt) return view;
    return { ...view, evaluation: init.evaluation, history: init.history.slice(-view.capacity), state: init.state, memberCount: init.memberCount, sampledAt: init.sampledAt };
  }
  const { event } = action;
  switch (event.type) {
    case 'lag': {
      if (event.group.groupId !== view.evaluation.groupId) return view;
      const at = event.sampledAt ?? action.receivedAt;
      // An older poll than the one shown (a reconnect replaying the latest) changes nothing.
      if (at < view.sampledAt) return { ...view, connection: 'live' };
      const last = view.history.at(-1);
      const point = { t: at, lag: Number(event.group.totalLag) };
      const history = last && last.t >= at ? view.history : [...view.history, point].slice(-view.capacity);
      return {
        ...view,
        evaluation: event.group,
        history,
        state: event.state ?? view.state,
        memberCount: event.memberCount ?? view.memberCount,
        sampledAt: at,
        connection: 'live',
        error: null,
        updates: view.updates + 1,
      };
    }
    case 'heartbeat':
      return { ...view, lastHeartbeatAt: event.at, connection: view.connection === 'connecting' || view.connection === 'reconnecting' ? 'live' : view.connection };
    case 'error':
      return { ...view, error: event.error };
    default:
      return view;
  }
}
