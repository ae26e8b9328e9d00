// Runs first in an extension's worker: plays HubSpot's side of `@hubspot/ui-extensions`, which
// reads `self.extend_V2`, `self.hsFetch` and `self.hsWorkerAPI` when the extension code loads.
import { createRemoteRoot, type RemoteChannel } from '@remote-ui/core';
import { render } from '@remote-ui/react';
import { createEndpoint, fromWebWorker, retain } from '@remote-ui/rpc';
import type { ReactElement } from 'react';

type RenderExtension = (api: { context: unknown; actions: unknown }) => ReactElement;

interface ProxyAnswer {
  status: number;
  body: string;
  contentType: string;
}

const scope = self as unknown as Record<string, unknown>;
let renderExtension: RenderExtension | null = null;
let context: unknown = {};
let actions: Record<string, unknown> = {};

scope.__HUBSPOT_EXTENSION_WORKER__ = true;
scope.extend_V2 = (fn: RenderExtension) => {
  renderExtension = fn;
};
scope.hsWorkerAPI = {
  useExtensionContext: () => context,
  useExtensionActions: () => actions,
};
scope.logger = { debug: console.debug, info: console.info, warn: console.warn, error: console.error };
// hubspot.fetch: the host's proxy signs it with the app's secret, as HubSpot's proxy does.
scope.hsFetch = async (url: string, options: { method?: string; body?: unknown } = {}) => {
  const proxied = await fetch('/preview/hs-fetch', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ url, method: options.method ?? 'GET', body: options.body }),
  });
  const answer = (await proxied.json()) as ProxyAnswer;
  return new Response(answer.status === 204 ? null : answer.body, {
    status: answer.status,
    headers: { 'content-type': answer.contentType },
  });
};

const endpoint = createEndpoint(fromWebWorker(self as unknown as Worker));
endpoint.expose({
  render(channel: RemoteChannel, givenContext: unknown, givenActions: Record<string, unknown>) {
    retain(channel);
    retain(givenActions);
    context = givenContext;
    actions = givenActions;
    if (!renderExtension) throw new Error('the extension did not call hubspot.extend');
    const root = createRemoteRoot(channel);
    render(renderExtension({ context, actions }), root, () => root.mount());
  },
});
