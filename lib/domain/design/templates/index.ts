import { cqrsReadModelTemplate } from './cqrs-read-model';
import { outboxCdcTemplate } from './outbox-cdc';
import { retryDlqTemplate } from './retry-dlq';
import { taskManagementTemplate } from './task-management';
import type { DesignTemplate } from './template-types';

export type { DesignTemplate } from './template-types';

/** Offered by "New design from template", in this order. */
export const DESIGN_TEMPLATES: readonly DesignTemplate[] = [taskManagementTemplate, retryDlqTemplate, outboxCdcTemplate, cqrsReadModelTemplate];

export function designTemplate(id: string): DesignTemplate | undefined {
  return DESIGN_TEMPLATES.find((t) => t.id === id);
}
