import { DateInput, Flex, Select } from '@hubspot/ui-extensions';
import type { OverviewResponse } from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import { isoDay } from '@ledgersync/hubspot-ui-shared/iso-day.ts';
import { DIRECTION_LABEL, OBJECT_LABEL, STATUS_LABEL } from '@ledgersync/hubspot-ui-shared/labels.ts';

export interface RecordFilterValues {
  object?: string;
  status?: string;
  errorCode?: string;
  direction?: string;
  from?: string;
  to?: string;
}

const ANY = { label: 'Any', value: '' };
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Object, status, error, direction and date filters of the record view. */
export function RecordFilters({
  values,
  errors,
  onChange,
}: {
  values: RecordFilterValues;
  errors: OverviewResponse['errors'];
  onChange: (v: RecordFilterValues) => void;
}) {
  const set = (key: keyof RecordFilterValues, value: string) => {
    const next = { ...values };
    if (value === '') delete next[key];
    else next[key] = value;
    onChange(next);
  };
  const day = (key: 'from' | 'to', value: string) => {
    if (value === '') return set(key, '');
    if (DAY.test(value)) set(key, `${value}T${key === 'from' ? '00:00:00' : '23:59:59'}Z`);
  };
  return (
    <Flex gap="sm" wrap="wrap">
      <Select
        label="Object"
        name="filter-object"
        value={values.object ?? ''}
        options={[ANY, ...Object.entries(OBJECT_LABEL).map(([value, label]) => ({ label, value }))]}
        onChange={(v) => set('object', String(v))}
      />
      <Select
        label="Status"
        name="filter-status"
        value={values.status ?? ''}
        options={[ANY, ...Object.entries(STATUS_LABEL).map(([value, label]) => ({ label, value }))]}
        onChange={(v) => set('status', String(v))}
      />
      <Select
        label="Error"
        name="filter-error"
        value={values.errorCode ?? ''}
        options={[ANY, ...errors.map((e) => ({ label: `${e.title} (${e.count})`, value: e.code }))]}
        onChange={(v) => set('errorCode', String(v))}
      />
      <Select
        label="Direction"
        name="filter-direction"
        value={values.direction ?? ''}
        options={[
          ANY,
          { label: DIRECTION_LABEL.hubspot_to_quickbooks, value: 'hubspot_to_quickbooks' },
          { label: DIRECTION_LABEL.quickbooks_to_hubspot, value: 'quickbooks_to_hubspot' },
        ]}
        onChange={(v) => set('direction', String(v))}
      />
      <DateInput label="Changed from" name="filter-from" onChange={(d) => day('from', isoDay(d))} />
      <DateInput label="Changed to" name="filter-to" onChange={(d) => day('to', isoDay(d))} />
    </Flex>
  );
}
