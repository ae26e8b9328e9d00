import { randomUUID } from 'node:crypto';

export type ErrorCategory =
  | 'VALIDATION_ERROR'
  | 'OBJECT_NOT_FOUND'
  | 'MISSING_SCOPES'
  | 'INVALID_AUTHENTICATION'
  | 'EXPIRED_AUTHENTICATION'
  | 'CONFLICT'
  | 'RATE_LIMITS'
  | 'OBJECT_ALREADY_EXISTS'
  | 'INTERNAL_ERROR';

export interface ErrorDetail {
  message: string;
  code?: string;
  in?: string;
  context?: Record<string, string[]>;
}

export interface HubSpotErrorInit {
  status: number;
  category: ErrorCategory;
  message: string;
  subCategory?: string;
  context?: Record<string, string[]>;
  errors?: ErrorDetail[];
  extra?: Record<string, unknown>;
  /** Response headers that go with this error (e.g. rate-limit counters on a 429). */
  headers?: Record<string, string>;
}

/** An expected API failure; the error handler turns it into HubSpot's JSON error body. */
export class HubSpotError extends Error {
  init: HubSpotErrorInit;
  constructor(init: HubSpotErrorInit) {
    super(init.message);
    this.init = init;
  }
  get statusCode(): number {
    return this.init.status;
  }
}

export function errorBody(init: HubSpotErrorInit): Record<string, unknown> {
  return {
    status: 'error',
    message: init.message,
    correlationId: randomUUID(),
    category: init.category,
    ...(init.subCategory === undefined ? {} : { subCategory: init.subCategory }),
    ...(init.errors === undefined ? {} : { errors: init.errors }),
    ...(init.context === undefined ? {} : { context: init.context }),
    ...init.extra,
  };
}

export const notFound = (message = 'resource not found'): HubSpotError =>
  new HubSpotError({ status: 404, category: 'OBJECT_NOT_FOUND', message });

export const validation = (message: string, errors?: ErrorDetail[]): HubSpotError =>
  new HubSpotError({ status: 400, category: 'VALIDATION_ERROR', message, ...(errors ? { errors } : {}) });

export const conflict = (message: string): HubSpotError =>
  new HubSpotError({ status: 409, category: 'CONFLICT', message });
