// The one way the web app talks to the Clara API: same-origin cookies, the CSRF header on writes,
// and every failure turned into an ApiError carrying the server's code and message.

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Validation failures by field, the `body.`/`querystring.` prefix removed: `{ email: 'Invalid email' }`. */
  get fieldErrors(): Record<string, string> {
    if (!Array.isArray(this.details)) return {};
    const out: Record<string, string> = {};
    for (const d of this.details as Partial<FieldError>[]) {
      if (typeof d?.field !== 'string' || typeof d.message !== 'string') continue;
      const field = d.field.replace(/^(body|querystring|params)\./, '');
      out[field] ??= d.message;
    }
    return out;
  }

  get isUnauthenticated(): boolean {
    return this.status === 401;
  }
}

const STATUS_MESSAGES: Record<number, string> = {
  401: 'You need to log in.',
  403: 'You do not have permission to do this.',
  404: 'Not found.',
  429: 'Too many requests. Try again in a minute.',
  502: 'The Clara server is not reachable right now.',
  503: 'The Clara server is not available right now.',
  504: 'The Clara server took too long to answer.',
};

/** Maps a failed response to an ApiError: the server's `{error:{code,message,details}}` shape, or a generic one. */
export function toApiError(status: number, bodyText: string): ApiError {
  try {
    const parsed = JSON.parse(bodyText) as { error?: { code?: unknown; message?: unknown; details?: unknown; requestId?: unknown } };
    const e = parsed.error;
    if (e && typeof e.code === 'string' && typeof e.message === 'string') {
      return new ApiError(status, e.code, e.message, e.details, typeof e.requestId === 'string' ? e.requestId : undefined);
    }
  } catch {
    // not JSON (a proxy's HTML page, an empty body): fall through to the generic error
  }
  const message = STATUS_MESSAGES[status] ?? (status >= 500 ? 'Something went wrong on the server.' : `The request failed (HTTP ${status}).`);
  return new ApiError(status, `HTTP_${status}`, message);
}

export const NETWORK_ERROR_CODE = 'NETWORK';

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Set from the login answer and from GET /api/auth/me; sent as x-csrf-token on every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request answers 401 (the session expired): the app sends the user to the login page. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
  /** Do not call the 401 handler (the session probe and the login form expect 401). */
  quiet401?: boolean;
  /** Non-2xx statuses whose body is a normal answer (/health answers 503 with its report). */
  okStatuses?: number[];
  /** Let the request finish after the page is gone (saving a draft on unload). */
  keepalive?: boolean;
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function apiRequest<T>(path: string, opts: RequestOptions = {}, fetchImpl: typeof fetch = fetch): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  // A FormData body (a file upload) sets its own multipart content type and boundary.
  const form = opts.body instanceof FormData;
  if (opts.body !== undefined && !form) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetchImpl(withQuery(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : form ? (opts.body as FormData) : JSON.stringify(opts.body),
      signal: opts.signal,
      keepalive: opts.keepalive,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, NETWORK_ERROR_CODE, 'Cannot reach the Clara server. Check your connection and try again.');
  }
  const text = await res.text();
  if (!res.ok && !opts.okStatuses?.includes(res.status)) {
    const error = toApiError(res.status, text);
    if (error.isUnauthenticated && !opts.quiet401) onUnauthenticated?.();
    throw error;
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => apiRequest<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
  delete: <T>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
  /** One file as multipart/form-data in the field `file`. */
  upload: <T>(path: string, file: File) => {
    const body = new FormData();
    body.append('file', file, file.name);
    return apiRequest<T>(path, { method: 'POST', body });
  },
};

/** A message fit for a person, whatever was thrown. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return 'Something went wrong.';
}
