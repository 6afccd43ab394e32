export const GROUP_TABS = ['lag', 'members', 'reset', 'danger'] as const;
export type GroupTab = (typeof GROUP_TABS)[number];
export const GROUP_TAB_LABELS: Record<GroupTab, string> = { lag: 'Lag', members: 'Members', reset: 'Reset offsets', danger: 'Danger zone' };
