import type { FastifyInstance } from 'fastify';

export interface RouteEntry {
  method: string;
  path: string;
}

/** `METHOD /path`, the key the route catalogue uses. */
export const routeKey = (r: RouteEntry) => `${r.method} ${r.path}`;

/**
 * Every route the app serves, read from Fastify's own route tree (`printRoutes`), so a route added
 * anywhere shows up here without anyone listing it. HEAD twins of GET routes are left out: Fastify
 * adds them and they run the same handler and hooks.
 */
export function listRoutes(app: FastifyInstance): RouteEntry[] {
  const tree = app.printRoutes({ commonPrefix: false });
  const parents: string[] = [];
  const routes: RouteEntry[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]+)\))?$/.exec(line.replace(/\s+$/, ''));
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    const path = `${depth > 0 ? (parents[depth - 1] ?? '') : ''}${match[2]}`;
    parents[depth] = path;
    parents.length = depth + 1;
    for (const method of (match[3] ?? '').split(',').map((m) => m.trim())) {
      if (method && method !== 'HEAD') routes.push({ method, path });
    }
  }
  return routes;
}

/** Whether the app serves `METHOD /path` (a catalogue key). */
export function isServed(app: FastifyInstance, key: string): boolean {
  return listRoutes(app).some((r) => routeKey(r) === key);
}
