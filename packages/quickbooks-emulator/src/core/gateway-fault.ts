// Intuit's API gateway answers 401/403/429 itself, in a lower-case envelope unlike the `Fault` body.
export interface GatewayFault {
  status: number;
  body: Record<string, unknown>;
}

function gateway(
  status: number,
  message: string,
  errorCode: string,
  detail: string,
  type: string,
  nowMs: number,
) {
  return {
    status,
    body: {
      warnings: null,
      intuitObject: null,
      fault: {
        error: [
          {
            message: `message=${message}; errorCode=${errorCode}; statusCode=${status}`,
            detail,
            code: String(Number(errorCode)),
            element: null,
          },
        ],
        type,
      },
      report: null,
      queryResponse: null,
      batchItemResponse: [],
      attachableResponse: [],
      syncErrorResponse: null,
      requestId: null,
      time: nowMs,
      status: null,
      cdcresponse: [],
    },
  };
}

export function authenticationFailed(detail: string, nowMs: number): GatewayFault {
  return gateway(401, 'AuthenticationFailed', '003200', detail, 'AUTHENTICATION', nowMs);
}

export function authorizationFailed(nowMs: number): GatewayFault {
  return gateway(
    403,
    'ApplicationAuthorizationFailed',
    '003100',
    'ApplicationAuthorizationFailed',
    'SERVICE',
    nowMs,
  );
}

export function throttled(nowMs: number): GatewayFault {
  return gateway(
    429,
    'ThrottleExceeded',
    '003001',
    'The request limit was reached.  Try again later',
    'SERVICE',
    nowMs,
  );
}
