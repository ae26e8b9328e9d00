import { Button, ButtonRow, Flex, LoadingSpinner, Select, Text } from '@hubspot/ui-extensions';
import {
  type BackendClient,
  describeBackendError,
} from '@ledgersync/hubspot-ui-shared/api/backend-client.ts';
import type { InboundFilter } from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import { getFieldCatalogue } from '@ledgersync/hubspot-ui-shared/api/settings-api.ts';
import { useLoad } from '@ledgersync/hubspot-ui-shared/api/use-load.ts';
import { useState } from 'react';
import {
  type Criterion,
  criterionValue,
  EMPTY_CRITERION,
  FilterCriterionFields,
  isComplete,
} from './FilterCriterionFields.tsx';

/** A primary filter (on the invoice) or an "associated with" filter (on its customer), from the catalogue. */
export function InboundFilterForm({
  client,
  onAdd,
  onCancel,
}: {
  client: BackendClient;
  onAdd: (f: InboundFilter) => void;
  onCancel: () => void;
}) {
  const { state } = useLoad('field-catalogue', () => getFieldCatalogue(client));
  const [kind, setKind] = useState<InboundFilter['kind']>('primary');
  const [criterion, setCriterion] = useState<Criterion>(EMPTY_CRITERION);

  if (state.status === 'loading') return <LoadingSpinner label="Loading fields" />;
  if (state.status === 'failed') return <Text>{describeBackendError(state.error)}</Text>;
  const { filters } = state.data;
  const fields = kind === 'primary' ? filters.invoice : filters.associatedCustomer;
  const complete = isComplete(criterion, fields);

  const build = (): InboundFilter | null => {
    if (!complete || criterion.operator === '') return null;
    const base = { field: criterion.field, operator: criterion.operator, value: criterionValue(criterion) };
    return kind === 'primary' ? { kind, ...base } : { kind, association: 'customer', ...base };
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
        onChange={(v) => {
          setKind(v === 'associated_with' ? 'associated_with' : 'primary');
          setCriterion(EMPTY_CRITERION);
        }}
      />
      <FilterCriterionFields
        client={client}
        name="filter"
        fields={fields}
        operatorLabels={filters.operatorLabels}
        fieldLabel={kind === 'primary' ? 'QuickBooks invoice field' : 'QuickBooks customer field'}
        criterion={criterion}
        onChange={setCriterion}
      />
      <ButtonRow>
        <Button
          variant="primary"
          disabled={!complete}
          onClick={() => {
            const f = build();
            if (f) onAdd(f);
          }}
        >
          Add filter
        </Button>
        <Button variant="secondary" onClick={() => onCancel()}>
          Cancel
        </Button>
      </ButtonRow>
    </Flex>
  );
}
