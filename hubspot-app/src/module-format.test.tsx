// Proves the repo's module format (ESM, @swc/jest, automatic JSX runtime) runs the ESM-only
// @hubspot/ui-extensions and its official test renderer, on a small tree of its components.

import { Button, StatusTag, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { describe, expect, it } from '@jest/globals';

function Probe({ synced }: { synced: boolean }) {
  return (
    <>
      <StatusTag variant={synced ? 'success' : 'warning'}>{synced ? 'Synced' : 'Pending'}</StatusTag>
      <Text>QuickBooks invoice 1042</Text>
      <Button variant="primary">Resync</Button>
    </>
  );
}

describe('@hubspot/ui-extensions under Jest ESM', () => {
  it('renders with createRenderer and finds components by type', () => {
    const { render, find } = createRenderer('crm.record.tab');
    render(<Probe synced />);
    expect(find(StatusTag).text).toBe('Synced');
    expect(find(StatusTag).props.variant).toBe('success');
    expect(find(Button).text).toBe('Resync');
  });
});
