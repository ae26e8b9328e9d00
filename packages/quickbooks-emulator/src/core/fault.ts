// The `Fault` body QBO returns for validation and system errors: capitalised Message/Detail,
// lower-case string `code` and `element`, and a fault `type`.
export type FaultType = 'ValidationFault' | 'SystemFault' | 'AuthenticationFault' | 'AuthorizationFault';

export interface FaultErrorItem {
  Message: string;
  Detail: string;
  code: string;
  element?: string;
}

export interface FaultBody {
  Error: FaultErrorItem[];
  type: FaultType;
}

/** Thrown by operations for an expected QBO error; the HTTP layer turns it into a Fault response. */
export class QboFault extends Error {
  constructor(
    readonly status: number,
    readonly body: FaultBody,
  ) {
    super(`${body.Error[0]?.code}: ${body.Error[0]?.Detail}`);
  }
}

export function validationFault(code: string, message: string, detail: string, element?: string): QboFault {
  const item: FaultErrorItem = { Message: message, Detail: detail, code };
  if (element !== undefined) item.element = element;
  return new QboFault(400, { Error: [item], type: 'ValidationFault' });
}

export function systemFault(detail: string): QboFault {
  return new QboFault(500, {
    Error: [
      {
        Message: 'An application error has occurred while processing your request',
        Detail: `System Failure Error: ${detail}`,
        code: '10000',
      },
    ],
    type: 'SystemFault',
  });
}
