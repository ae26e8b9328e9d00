import { createRemoteReceiver } from '@remote-ui/core';
import { createController, RemoteRenderer } from '@remote-ui/react/host';
import { createEndpoint, fromWebWorker } from '@remote-ui/rpc';
import { useEffect, useMemo, useState } from 'react';
import { HOST_COMPONENTS } from './host-components.tsx';

interface AlertShown {
  id: number;
  type: string;
  title?: string;
  message: string;
}

interface ExtensionFrameProps {
  /** `/assets/card-worker.js` or `/assets/settings-worker.js`. */
  workerUrl: string;
  context: Record<string, unknown>;
  label: string;
}

const controller = createController(HOST_COMPONENTS);

/** One extension, in its own worker as in HubSpot; the remote tree it sends is drawn here. */
export function ExtensionFrame({ workerUrl, context, label }: ExtensionFrameProps) {
  const receiver = useMemo(() => createRemoteReceiver(), []);
  const [alerts, setAlerts] = useState<AlertShown[]>([]);
  useEffect(() => {
    const worker = new Worker(workerUrl, { type: 'module' });
    const endpoint = createEndpoint<{ render: (...args: unknown[]) => Promise<void> }>(fromWebWorker(worker));
    const actions = {
      addAlert: (alert: Omit<AlertShown, 'id'>) => setAlerts((all) => [...all, { ...alert, id: all.length }]),
      closeOverlay: () => {},
      reloadPage: () => window.location.reload(),
      refreshObjectProperties: () => {},
      openIframeModal: () => {},
    };
    void endpoint.call.render(receiver.receive, context, actions);
    return () => worker.terminate();
  }, [workerUrl, context, receiver]);
  return (
    <section className="hs-card" aria-label={label}>
      <header className="hs-card-header">{label}</header>
      {alerts.map((a) => (
        <div key={a.id} className={`hs-alert hs-alert-${a.type}`} role="status">
          {a.title ? <strong>{a.title} </strong> : null}
          {a.message}
        </div>
      ))}
      <div className="hs-card-body">
        <RemoteRenderer receiver={receiver} controller={controller} />
      </div>
    </section>
  );
}
