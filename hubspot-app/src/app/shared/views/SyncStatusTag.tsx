import { StatusTag } from '@hubspot/ui-extensions';
import type { LinkStatus } from '../api/generated/api-contract.ts';
import { STATUS_LABEL, STATUS_VARIANT } from '../labels.ts';

export function SyncStatusTag({ status }: { status: LinkStatus }) {
  return <StatusTag variant={STATUS_VARIANT[status]}>{STATUS_LABEL[status]}</StatusTag>;
}
