import { createRoot } from 'react-dom/client';
import {
  CrmRecord,
  InvoiceList,
  InvoiceRecord,
  type PreviewInfo,
  QuickBooksView,
  SettingsPage,
} from './pages.tsx';

// The host page: HubSpot's part. Which page it is comes from the path.
async function main() {
  const info = (await (await fetch('/preview/api/info')).json()) as PreviewInfo;
  const path = window.location.pathname;
  const record = /^\/invoices\/([^/]+)$/.exec(path);
  const other = /^\/record\/([^/]+)\/([^/]+)$/.exec(path);
  const page = record?.[1] ? (
    <InvoiceRecord id={decodeURIComponent(record[1])} info={info} />
  ) : other?.[1] && other[2] ? (
    <CrmRecord objectTypeId={decodeURIComponent(other[1])} id={decodeURIComponent(other[2])} />
  ) : path === '/settings' ? (
    <SettingsPage info={info} />
  ) : path.startsWith('/quickbooks') ? (
    <QuickBooksView />
  ) : (
    <InvoiceList />
  );
  const container = document.getElementById('root');
  if (container) createRoot(container).render(page);
}
void main();
