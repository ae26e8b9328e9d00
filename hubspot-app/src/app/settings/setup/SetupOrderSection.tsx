import {
  Button,
  Flex,
  Heading,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
  Toggle,
} from '@hubspot/ui-extensions';
import type { ObjectSettings, SyncObject } from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import { DIRECTION_LABEL, OBJECT_LABEL } from '@ledgersync/hubspot-ui-shared/labels.ts';

export type SettableDirection = 'hubspot_to_quickbooks' | 'quickbooks_to_hubspot' | 'two_way';
const DIRECTIONS: SettableDirection[] = ['hubspot_to_quickbooks', 'quickbooks_to_hubspot', 'two_way'];

/** R-CON-4: set up in this order; invoices need products and contacts first. */
export const SETUP_ORDER: readonly SyncObject[] = ['product', 'customer', 'invoice'];

export interface SetupOrderProps {
  objects: readonly ObjectSettings[];
  onDirection: (object: SyncObject, direction: SettableDirection) => void;
  onEnabled: (object: SyncObject, enabled: boolean) => void;
  onEdit: (object: SyncObject) => void;
}

export function SetupOrderSection({ objects, onDirection, onEnabled, onEdit }: SetupOrderProps) {
  const find = (object: SyncObject) => objects.find((o) => o.object === object);
  const prerequisitesOn = find('product')?.enabled === true && find('customer')?.enabled === true;
  const invoices = find('invoice');
  return (
    <Flex direction="column" gap="sm">
      <Heading>Sync set-up</Heading>
      <Text>Set up products, then contacts, then invoices. Invoices need products and contacts to sync.</Text>
      <Table bordered>
        <TableHead>
          <TableRow>
            <TableHeader>Object</TableHeader>
            <TableHeader>Direction</TableHeader>
            <TableHeader>Sync</TableHeader>
            <TableHeader>Configuration</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {SETUP_ORDER.map((name, index) => {
            const settings = find(name);
            const blocked = name === 'invoice' && !prerequisitesOn && settings?.enabled !== true;
            return (
              <TableRow key={name}>
                <TableCell>
                  <Text>{`${index + 1}. ${OBJECT_LABEL[name]}`}</Text>
                  {blocked ? <Text variant="microcopy">Turn on product and contact sync first.</Text> : null}
                </TableCell>
                <TableCell>
                  <Select
                    label={`${OBJECT_LABEL[name]} direction`}
                    name={`${name}-direction`}
                    value={settings && settings.direction !== 'off' ? settings.direction : 'two_way'}
                    options={DIRECTIONS.map((d) => ({ label: DIRECTION_LABEL[d], value: d }))}
                    onChange={(value) => onDirection(name, value as SettableDirection)}
                  />
                </TableCell>
                <TableCell>
                  <Toggle
                    label={`${OBJECT_LABEL[name]} sync`}
                    name={`${name}-enabled`}
                    labelDisplay="hidden"
                    checked={settings?.enabled ?? false}
                    readOnly={blocked}
                    textChecked="On"
                    textUnchecked="Off"
                    onChange={(checked) => onEnabled(name, checked)}
                  />
                </TableCell>
                <TableCell>
                  <Button variant="secondary" size="sm" onClick={() => onEdit(name)}>
                    Edit
                  </Button>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <Text variant="microcopy">{paymentsNote(invoices)}</Text>
    </Flex>
  );
}

/** R-OBJ-4: payments follow invoices when invoices go to QuickBooks. */
function paymentsNote(invoices: ObjectSettings | undefined): string {
  if (!invoices?.enabled)
    return 'Payments sync both ways once invoice sync is on, unless invoices only come from QuickBooks.';
  return invoices.direction === 'quickbooks_to_hubspot'
    ? 'Payments are not synced: invoices only come from QuickBooks.'
    : 'Payments sync both ways with invoices.';
}
