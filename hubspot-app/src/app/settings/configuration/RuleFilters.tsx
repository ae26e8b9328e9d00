import {
  Alert,
  Button,
  ButtonRow,
  Flex,
  Heading,
  LoadingSpinner,
  Select,
  Text,
} from '@hubspot/ui-extensions';
import {
  type BackendClient,
  type BackendResult,
  describeBackendError,
} from '@ledgersync/hubspot-ui-shared/api/backend-client.ts';
import type {
  ObjectSettings,
  RecordFilter,
} from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import {
  addRecommendedContactFilter,
  getFieldCatalogue,
  saveRecordFilters,
} from '@ledgersync/hubspot-ui-shared/api/settings-api.ts';
import { useLoad } from '@ledgersync/hubspot-ui-shared/api/use-load.ts';
import { useState } from 'react';
import {
  type Criterion,
  criterionValue,
  EMPTY_CRITERION,
  FilterCriterionFields,
  isComplete,
} from './FilterCriterionFields.tsx';
import { FilterList } from './FilterList.tsx';

type Side = 'hubspot' | 'quickbooks';

const RECORD_NAME: Record<'customer' | 'product', Record<Side, string>> = {
  customer: {
    hubspot: 'HubSpot contacts (sent to QuickBooks)',
    quickbooks: 'QuickBooks customers (sent to HubSpot)',
  },
  product: {
    hubspot: 'HubSpot products (sent to QuickBooks)',
    quickbooks: 'QuickBooks items (sent to HubSpot)',
  },
};

function AddRuleFilter(props: {
  client: BackendClient;
  object: 'customer' | 'product';
  onAdd: (f: RecordFilter) => void;
  onCancel: () => void;
}) {
  const { state } = useLoad('field-catalogue', () => getFieldCatalogue(props.client));
  const [side, setSide] = useState<Side>('hubspot');
  const [criterion, setCriterion] = useState<Criterion>(EMPTY_CRITERION);
  if (state.status === 'loading') return <LoadingSpinner label="Loading fields" />;
  if (state.status === 'failed') return <Text>{describeBackendError(state.error)}</Text>;
  const { filters } = state.data;
  const fields = filters[props.object][side];
  const complete = isComplete(criterion, fields);
  return (
    <Flex direction="column" gap="xs">
      <Select
        label="Filter"
        name="rule-filter-side"
        value={side}
        options={(['hubspot', 'quickbooks'] as const).map((s) => ({
          label: RECORD_NAME[props.object][s],
          value: s,
        }))}
        onChange={(v) => {
          setSide(v === 'quickbooks' ? 'quickbooks' : 'hubspot');
          setCriterion(EMPTY_CRITERION);
        }}
      />
      <FilterCriterionFields
        client={props.client}
        name="rule-filter"
        fields={fields}
        operatorLabels={filters.operatorLabels}
        fieldLabel={side === 'hubspot' ? 'HubSpot property' : 'QuickBooks field'}
        criterion={criterion}
        onChange={setCriterion}
      />
      <ButtonRow>
        <Button
          variant="primary"
          disabled={!complete}
          onClick={() => {
            if (!complete || criterion.operator === '') return;
            const { field, operator } = criterion;
            props.onAdd({ kind: 'property', side, field, operator, value: criterionValue(criterion) });
          }}
        >
          Add filter
        </Button>
        <Button variant="secondary" onClick={() => props.onCancel()}>
          Cancel
        </Button>
      </ButtonRow>
    </Flex>
  );
}

/** R-FLT-5: a contact or product rule's filters, each direction; R-FLT-3's SKU rule stays as it is. */
export function RuleFilters(props: {
  client: BackendClient;
  settings: ObjectSettings & { object: 'customer' | 'product' };
  onObjectChange: (call: Promise<BackendResult<ObjectSettings>>) => Promise<void>;
}) {
  const { client, settings } = props;
  const [adding, setAdding] = useState(false);
  const save = (filters: RecordFilter[]) => {
    setAdding(false);
    return props.onObjectChange(saveRecordFilters(client, settings.object, filters));
  };
  const recommended = settings.recommendedFilter;
  const hasRecommended =
    recommended !== null && settings.filters.some((f) => f.kind === recommended.filter.kind);
  return (
    <Flex direction="column" gap="xs">
      <Heading>Filters</Heading>
      {recommended && !hasRecommended ? (
        <Alert title="Recommended" variant="tip">
          <Text>Keep marketing contacts out of QuickBooks: send only the contacts your invoices bill.</Text>
          <Text format={{ fontWeight: 'bold' }}>{recommended.label}</Text>
          <Button onClick={() => props.onObjectChange(addRecommendedContactFilter(client))}>
            Add this filter
          </Button>
        </Alert>
      ) : null}
      {settings.filters.length === 0 ? (
        <Text variant="microcopy">Every record syncs. Add a filter to leave some out.</Text>
      ) : (
        <FilterList
          testId={`${settings.object}-filters`}
          checks={settings.filterChecks}
          onRemove={(i) => save(settings.filters.filter((_, j) => j !== i))}
        />
      )}
      {adding ? (
        <AddRuleFilter
          client={client}
          object={settings.object}
          onAdd={(f) => save([...settings.filters, f])}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <Button variant="secondary" onClick={() => setAdding(true)}>
          Add a filter
        </Button>
      )}
    </Flex>
  );
}
