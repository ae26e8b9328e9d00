import { Button, ButtonRow, Flex, Input, Select } from '@hubspot/ui-extensions';
import {
  type FilterOperator,
  filterOperatorSchema,
  type InboundFilter,
} from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import { useState } from 'react';
import { OPERATOR_LABEL } from './filter-labels.ts';

const NO_VALUE: ReadonlySet<FilterOperator> = new Set(['is_known', 'is_unknown']);

/** A primary filter (on the invoice) or an "associated with" filter (on its customer). */
export function InboundFilterForm({
  onAdd,
  onCancel,
}: {
  onAdd: (f: InboundFilter) => void;
  onCancel: () => void;
}) {
  const [kind, setKind] = useState<InboundFilter['kind']>('primary');
  const [field, setField] = useState('');
  const [operator, setOperator] = useState<FilterOperator>('eq');
  const [value, setValue] = useState('');
  const needsValue = !NO_VALUE.has(operator);
  const complete = field.trim() !== '' && (!needsValue || value.trim() !== '');

  const build = (): InboundFilter => {
    const v = needsValue ? value.trim() : null;
    return kind === 'primary'
      ? { kind, field: field.trim(), operator, value: v }
      : { kind, association: 'customer', field: field.trim(), operator, value: v };
  };

  return (
    <Flex direction="column" gap="xs">
      <Select
        label="Filter on"
        name="filter-kind"
        value={kind}
        options={[
          { label: 'The invoice', value: 'primary' },
          { label: 'Its customer', value: 'associated_with' },
        ]}
        onChange={(v) => setKind(v === 'associated_with' ? 'associated_with' : 'primary')}
      />
      <Input label="QuickBooks field" name="filter-field" value={field} onChange={setField} />
      <Select
        label="Criterion"
        name="filter-operator"
        value={operator}
        options={Object.entries(OPERATOR_LABEL).map(([op, label]) => ({ label, value: op }))}
        onChange={(v) => setOperator(filterOperatorSchema.catch(operator).parse(v))}
      />
      {needsValue ? <Input label="Value" name="filter-value" value={value} onChange={setValue} /> : null}
      <ButtonRow>
        <Button variant="primary" disabled={!complete} onClick={() => onAdd(build())}>
          Add filter
        </Button>
        <Button variant="secondary" onClick={() => onCancel()}>
          Cancel
        </Button>
      </ButtonRow>
    </Flex>
  );
}
