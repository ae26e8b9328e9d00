import { Alert, Flex, Heading, Text } from '@hubspot/ui-extensions';

/**
 * The questions an admin setting up invoice sync asks, answered once, here (R-FAQ-2, R-FAQ-3).
 * Purchase order numbers and other custom fields (R-FAQ-1) are answered by the custom mappings.
 */
export function InvoiceQuestions() {
  return (
    <Flex direction="column" gap="xs">
      <Heading>Good to know</Heading>
      <Alert title="Discounts, fees and taxes" variant="info">
        <Text>
          Each is kept line by line. A discount stays with the line it was given on, so QuickBooks shows that
          line’s quantity, price and discount, and the totals agree to the cent on both sides. Fees such as
          shipping, card or late fees are ordinary invoice lines, best added with a synced product. HubSpot
          invoices carry no tax of their own: add tax as a line, or, for a QuickBooks company outside the US,
          choose a tax code in the tax mapping below.
        </Text>
      </Alert>
      <Alert title="HubSpot workflows that create paid invoices" variant="warning">
        <Text>
          If a workflow creates a paid invoice from each payment, filter out payments whose source is an
          invoice. Otherwise every invoice paid in QuickBooks is created twice.
        </Text>
      </Alert>
    </Flex>
  );
}
