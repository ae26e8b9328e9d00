import {
  Button,
  DateInput,
  Flex,
  Input,
  MultiSelect,
  NumberInput,
  Select,
  Text,
} from '@hubspot/ui-extensions';
import type { BackendClient } from '@ledgersync/hubspot-ui-shared/api/backend-client.ts';
import { describeBackendError } from '@ledgersync/hubspot-ui-shared/api/backend-client.ts';
import type {
  FilterField,
  FilterOperator,
} from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import { searchQuickBooksCustomers } from '@ledgersync/hubspot-ui-shared/api/settings-api.ts';
import { isoDay } from '@ledgersync/hubspot-ui-shared/iso-day.ts';
import { useState } from 'react';

/** A field, an operator that fits its type, and a value in the input its type calls for. */
export interface Criterion {
  field: string;
  operator: FilterOperator | '';
  value: string | string[] | null;
}

export const EMPTY_CRITERION: Criterion = { field: '', operator: '', value: null };

const NO_VALUE: ReadonlySet<string> = new Set(['is_known', 'is_unknown']);
const isList = (operator: string) => operator === 'in' || operator === 'not_in';

/** Whether the criterion can be saved: a catalogue field, one of its operators, and a value if needed. */
export function isComplete(c: Criterion, fields: readonly FilterField[]): boolean {
  const field = fields.find((f) => f.name === c.field);
  if (!field || c.operator === '' || !field.operators.includes(c.operator)) return false;
  if (NO_VALUE.has(c.operator)) return true;
  return Array.isArray(c.value) ? c.value.length > 0 : c.value !== null && c.value.trim() !== '';
}

/** The value as the server stores it: lists for "is any of", one text otherwise, none for "is known". */
export function criterionValue(c: Criterion): string | string[] | null {
  if (NO_VALUE.has(c.operator)) return null;
  if (isList(c.operator)) {
    return Array.isArray(c.value)
      ? c.value
      : (c.value ?? '')
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean);
  }
  return Array.isArray(c.value) ? (c.value[0] ?? null) : (c.value?.trim() ?? null);
}

/** Picks one QBO customer by searching its name, never by typing an id (R-FLT-2). */
function CustomerPicker(props: { client: BackendClient; name: string; onPick: (ids: string[]) => void }) {
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<{ id: string; name: string }[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    const result = await searchQuickBooksCustomers(props.client, search);
    if (!result.ok) return setError(describeBackendError(result.error));
    setError(null);
    setFound(result.data.customers);
  };
  return (
    <Flex direction="column" gap="xs">
      <Flex gap="xs" align="end">
        <Input
          label="Find a QuickBooks customer"
          name={`${props.name}-search`}
          value={search}
          onChange={setSearch}
        />
        <Button disabled={search.trim() === ''} onClick={() => run()}>
          Search
        </Button>
      </Flex>
      {found !== null && found.length === 0 ? (
        <Text variant="microcopy">No customer has that name.</Text>
      ) : null}
      {found !== null && found.length > 0 ? (
        <MultiSelect
          label="Customers"
          name={`${props.name}-customers`}
          options={found.map((c) => ({ label: c.name, value: c.id }))}
          onChange={(ids) => props.onPick((ids ?? []).map(String))}
        />
      ) : null}
      {error ? <Text variant="microcopy">{error}</Text> : null}
    </Flex>
  );
}

/** The pickers of one filter: a field from the catalogue, an operator fitting it, a fitting value. */
export function FilterCriterionFields(props: {
  client: BackendClient;
  name: string;
  fields: readonly FilterField[];
  operatorLabels: Readonly<Record<string, string>>;
  fieldLabel: string;
  criterion: Criterion;
  onChange: (c: Criterion) => void;
}) {
  const { criterion: c, name, onChange } = props;
  const field = props.fields.find((f) => f.name === c.field);
  const operator = c.operator;
  const set = (patch: Partial<Criterion>) => onChange({ ...c, ...patch });

  const valueInput = () => {
    if (!field || operator === '' || NO_VALUE.has(operator)) return null;
    const label = 'Value';
    if (field.type === 'reference') {
      return <CustomerPicker client={props.client} name={name} onPick={(ids) => set({ value: ids })} />;
    }
    if (field.options) {
      const options = field.options.map((o) => ({ label: o.label, value: o.value }));
      return isList(operator) ? (
        <MultiSelect
          label={label}
          name={`${name}-value`}
          options={options}
          value={Array.isArray(c.value) ? c.value : []}
          onChange={(v) => set({ value: (v ?? []).map(String) })}
        />
      ) : (
        <Select
          label={label}
          name={`${name}-value`}
          options={options}
          {...(typeof c.value === 'string' ? { value: c.value } : {})}
          onChange={(v) => set({ value: v === undefined ? null : String(v) })}
        />
      );
    }
    if (field.type === 'number') {
      return (
        <NumberInput
          label={label}
          name={`${name}-value`}
          onChange={(v) => set({ value: v === undefined || Number.isNaN(v) ? null : String(v) })}
        />
      );
    }
    if (field.type === 'date' || field.type === 'datetime') {
      // A datetime compares against the start of the chosen day (UTC).
      const toValue = (day: string) =>
        day === '' ? null : field.type === 'date' ? day : `${day}T00:00:00.000Z`;
      return (
        <DateInput
          label={label}
          name={`${name}-value`}
          onChange={(d) => set({ value: toValue(isoDay(d)) })}
        />
      );
    }
    return (
      <Input
        label={isList(operator) ? 'Values, separated by commas' : label}
        name={`${name}-value`}
        value={Array.isArray(c.value) ? c.value.join(', ') : (c.value ?? '')}
        onChange={(v) => set({ value: v })}
      />
    );
  };

  return (
    <Flex direction="column" gap="xs">
      <Select
        label={props.fieldLabel}
        name={`${name}-field`}
        {...(c.field === '' ? {} : { value: c.field })}
        options={props.fields.map((f) => ({ label: f.label, value: f.name }))}
        onChange={(v) => {
          const next = props.fields.find((f) => f.name === v);
          onChange({ field: next?.name ?? '', operator: next?.operators[0] ?? '', value: null });
        }}
      />
      {field ? (
        <Select
          label="Criterion"
          name={`${name}-operator`}
          {...(operator === '' ? {} : { value: operator })}
          options={field.operators.map((op) => ({ label: props.operatorLabels[op] ?? op, value: op }))}
          onChange={(v) => {
            const next = field.operators.find((op) => op === v);
            if (next) set({ operator: next, value: null });
          }}
        />
      ) : null}
      {valueInput()}
    </Flex>
  );
}
