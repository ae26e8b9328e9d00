export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function clone<T>(v: T): T {
  return structuredClone(v);
}

/** Reads `a.b.c` from a JSON object. */
export function getPath(obj: Json, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (!isObject(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

export function refValue(v: unknown): string | undefined {
  if (isObject(v) && (typeof v.value === 'string' || typeof v.value === 'number')) return String(v.value);
  return undefined;
}
