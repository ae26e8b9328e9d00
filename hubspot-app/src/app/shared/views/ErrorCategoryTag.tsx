import { Tag, Tooltip } from '@hubspot/ui-extensions';
import type { ErrorCategory } from '../api/generated/api-contract.ts';
import { ERROR_CATEGORY_EXPLANATION, ERROR_CATEGORY_LABEL } from '../labels.ts';

/** An error's category, with what it means on hover, as HubSpot's info icon explains (R-VIS-5). */
export function ErrorCategoryTag({ category }: { category: ErrorCategory }) {
  return (
    <Tag
      variant="default"
      overlay={<Tooltip placement="top">{ERROR_CATEGORY_EXPLANATION[category]}</Tooltip>}
    >
      {`${ERROR_CATEGORY_LABEL[category]} error`}
    </Tag>
  );
}
