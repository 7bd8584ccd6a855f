export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, message: 'The request is invalid.' },
  BAD_REQUEST: { status: 400, message: 'The request cannot be processed.' },
  UNAUTHENTICATED: { status: 401, message: 'You need to log in.' },
  INVALID_CREDENTIALS: { status: 401, message: 'Email or password is wrong.' },
  CSRF_FAILED: { status: 403, message: 'Missing or wrong x-csrf-token header.' },
  FORBIDDEN: { status: 403, message: 'You do not have permission to do this.' },
  NOT_FOUND: { status: 404, message: 'Not found.' },
  TICKET_NOT_FOUND: { status: 404, message: 'Ticket not found.' },
  CUSTOMER_NOT_FOUND: { status: 404, message: 'Customer not found.' },
  USER_NOT_FOUND: { status: 404, message: 'User not found.' },
  QUEUE_NOT_FOUND: { status: 404, message: 'Queue not found.' },
  TOKEN_NOT_FOUND: { status: 404, message: 'Token not found.' },
  INVITATION_NOT_FOUND: { status: 404, message: 'This invitation link is invalid, used or expired. Ask an admin for a new one.' },
  CONFLICT: { status: 409, message: 'The request conflicts with the current state.' },
  EMAIL_TAKEN: { status: 409, message: 'A user with this email already exists.' },
  ILLEGAL_TRANSITION: { status: 409, message: 'This status change is not allowed.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Unsupported content type.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests. Try again later.' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side.' },
  UNAVAILABLE: { status: 503, message: 'The service is not available.' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message ?? ERROR_CODES[code].message);
    this.status = ERROR_CODES[code].status;
  }
}

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown; requestId?: string };
}
