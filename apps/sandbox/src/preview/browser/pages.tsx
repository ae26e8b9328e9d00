import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { ExtensionFrame } from './extension-frame.tsx';

export interface PreviewInfo {
  hubId: number | null;
  realmId: string | null;
  backendUrl: string;
}

interface InvoiceRow {
  id: string;
  number: string | null;
  status: string | null;
  amount: string | null;
  balance: string | null;
  customer: string | null;
  source: string | null;
}

interface QboInvoiceRow {
  id: string;
  docNumber: string | null;
  customer: string | null;
  total: number;
  balance: number;
  status: string;
}

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const r = await fetch(url, init);
  if (!r.ok) throw new Error(`${url}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

function useJson<T>(url: string, everyMs = 0): { data: T | null; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const reload = useCallback(() => {
    void getJson<T>(url).then(setData, () => undefined);
  }, [url]);
  useEffect(() => {
    reload();
    const timer = everyMs > 0 ? setInterval(reload, everyMs) : undefined;
    return () => {
      if (timer) clearInterval(timer);
    };
  }, [everyMs, reload]);
  return { data, reload };
}

export function Shell({ children, title }: { children: ReactNode; title: string }) {
  return (
    <div className="hs-app">
      <nav className="hs-nav" aria-label="Main">
        <strong>HubSpot (local preview)</strong>
        <a href="/">Invoices</a>
        <a href="/settings">LedgerSync settings</a>
        <a href="/quickbooks">QuickBooks</a>
      </nav>
      <main>
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}

export function InvoiceList() {
  const { data } = useJson<InvoiceRow[]>('/preview/api/invoices', 3000);
  return (
    <Shell title="Invoices">
      <table className="hs-table" aria-label="Invoices">
        <thead>
          <tr>
            <th>Number</th>
            <th>Status</th>
            <th>Amount</th>
            <th>Balance due</th>
          </tr>
        </thead>
        <tbody>
          {(data ?? []).map((i) => (
            <tr key={i.id}>
              <td>
                <a href={`/invoices/${i.id}`}>{i.number ?? `Draft ${i.id}`}</a>
              </td>
              <td>{i.status}</td>
              <td>{i.amount}</td>
              <td>{i.balance}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Shell>
  );
}

export function InvoiceRecord({ id, info }: { id: string; info: PreviewInfo }) {
  // The card is mounted afresh whenever what it shows changes (HubSpot refreshes cards on record
  // changes); the version is a digest of the invoice and the backend's card answer.
  const { data: version } = useJson<{ version: string; invoice: InvoiceRow | null }>(
    `/preview/api/invoices/${encodeURIComponent(id)}/version`,
    1500,
  );
  const cardVersion = version?.version;
  const context = useMemo(
    () => ({
      cardVersion,
      location: 'crm.record.tab',
      crm: { objectId: Number(id), objectTypeId: '0-53' },
      portal: { id: info.hubId, timezone: 'America/New_York' },
      user: { id: 1, email: 'admin@sandbox.example', locale: 'en-US' },
      variables: { LEDGERSYNC_API_URL: info.backendUrl },
      extension: { appId: 0, name: 'Integrations sync' },
    }),
    [id, info, cardVersion],
  );
  const invoice = version?.invoice;
  const [note, setNote] = useState('');
  const act = async (action: 'pay' | 'pay-part' | 'void' | 'edit-line') => {
    const r = await getJson<{ message: string }>(
      `/preview/api/invoices/${encodeURIComponent(id)}/${action}`,
      {
        method: 'POST',
      },
    );
    setNote(r.message);
  };
  const closed = invoice?.status === 'voided' || invoice?.status === 'paid';
  return (
    <Shell title={`Invoice ${invoice?.number ?? id}`}>
      {note ? (
        <p role="status" className="hs-alert hs-alert-success">
          {note}
        </p>
      ) : null}
      <div className="hs-actions">
        <button type="button" disabled={closed} onClick={() => act('pay')}>
          Record payment
        </button>{' '}
        <button type="button" disabled={closed} onClick={() => act('pay-part')}>
          Record a partial payment
        </button>{' '}
        <button type="button" disabled={closed} onClick={() => act('edit-line')}>
          Add one to the first line
        </button>{' '}
        <button type="button" disabled={invoice?.status === 'voided'} onClick={() => act('void')}>
          Void invoice
        </button>
      </div>
      <dl className="hs-record">
        <dt>Status</dt>
        <dd data-testid="invoice-status">{invoice?.status ?? '…'}</dd>
        <dt>Amount</dt>
        <dd>{invoice?.amount ?? '…'}</dd>
        <dt>Balance due</dt>
        <dd>{invoice?.balance ?? '…'}</dd>
      </dl>
      {version ? (
        <ExtensionFrame workerUrl="/assets/card-worker.js" context={context} label="Integrations sync" />
      ) : null}
    </Shell>
  );
}

/** A contact's, product's or payment's HubSpot record page, reached from the overview's links. */
export function CrmRecord({ objectTypeId, id }: { objectTypeId: string; id: string }) {
  const { data } = useJson<{ kind: string; properties: Record<string, string | null> }>(
    `/preview/api/records/${encodeURIComponent(objectTypeId)}/${encodeURIComponent(id)}`,
  );
  return (
    <Shell title={`${data?.kind ?? 'Record'} ${id}`}>
      <dl className="hs-record" aria-label="Record properties">
        {Object.entries(data?.properties ?? {}).map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value ?? '—'}</dd>
          </div>
        ))}
      </dl>
    </Shell>
  );
}

export function SettingsPage({ info }: { info: PreviewInfo }) {
  const context = useMemo(
    () => ({
      location: 'settings',
      portal: { id: info.hubId, timezone: 'America/New_York' },
      user: { id: 1, email: 'admin@sandbox.example', locale: 'en-US' },
      variables: { LEDGERSYNC_API_URL: info.backendUrl },
    }),
    [info],
  );
  return (
    <Shell title="LedgerSync settings">
      <ExtensionFrame workerUrl="/assets/settings-worker.js" context={context} label="LedgerSync" />
    </Shell>
  );
}

export function QuickBooksView() {
  const { data, reload } = useJson<QboInvoiceRow[]>('/preview/api/qbo/invoices', 3000);
  const { data: revRec, reload: reloadRevRec } = useJson<{ on: boolean }>(
    '/preview/api/qbo/revenue-recognition',
  );
  const [note, setNote] = useState('');
  const switchRevRec = async (on: boolean) => {
    const r = await getJson<{ message: string }>('/preview/api/qbo/revenue-recognition', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ on }),
    });
    setNote(r.message);
    reloadRevRec();
  };
  const act = async (id: string, action: 'pay' | 'void' | 'edit') => {
    const r = await getJson<{ message: string }>(`/preview/api/qbo/invoices/${id}/${action}`, {
      method: 'POST',
    });
    setNote(r.message);
    reload();
  };
  return (
    <Shell title="QuickBooks Online (emulator)">
      {note ? (
        <p role="status" className="hs-alert hs-alert-success">
          {note}
        </p>
      ) : null}
      {revRec ? (
        <p>
          Revenue recognition: {revRec.on ? 'on (HubSpot invoices fail without service dates)' : 'off'}{' '}
          <button type="button" onClick={() => switchRevRec(!revRec.on)}>
            {revRec.on ? 'Turn revenue recognition off' : 'Turn revenue recognition on'}
          </button>
        </p>
      ) : null}
      <table className="hs-table" aria-label="QuickBooks invoices">
        <thead>
          <tr>
            <th>No.</th>
            <th>Customer</th>
            <th>Status</th>
            <th>Total</th>
            <th>Balance</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {(data ?? []).map((i) => (
            <tr key={i.id} id={`qbo-${i.id}`} data-doc-number={i.docNumber ?? ''}>
              <td>{i.docNumber ?? i.id}</td>
              <td>{i.customer ?? '—'}</td>
              <td>{i.status}</td>
              <td>{i.total.toFixed(2)}</td>
              <td>{i.balance.toFixed(2)}</td>
              <td>
                <button type="button" disabled={i.balance <= 0} onClick={() => act(i.id, 'pay')}>
                  Pay {i.docNumber ?? ''}
                </button>{' '}
                <button type="button" disabled={i.status === 'Voided'} onClick={() => act(i.id, 'edit')}>
                  Edit {i.docNumber ?? ''}
                </button>{' '}
                <button type="button" disabled={i.status === 'Voided'} onClick={() => act(i.id, 'void')}>
                  Void {i.docNumber ?? ''}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Shell>
  );
}
