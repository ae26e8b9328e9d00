/** A probe's answer: each check's result (`ok` or what is wrong) and the verdict over all of them. */
export interface HealthReport {
  readonly status: 'ok' | 'unavailable';
  readonly checks: Readonly<Record<string, string>>;
}

/** `ok` only when every check is; a probe answers 200 for `ok` and 503 otherwise. */
export function healthReport(checks: Readonly<Record<string, string>>): HealthReport {
  return { status: Object.values(checks).every((c) => c === 'ok') ? 'ok' : 'unavailable', checks };
}
