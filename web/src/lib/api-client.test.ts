import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, apiRequest, NETWORK_ERROR_CODE, setCsrfToken, setUnauthenticatedHandler, toApiError, withQuery } from './api-client';

interface Call {
  url: string;
  init: RequestInit;
}

// A stand-in for the network: records what was sent and answers with a fixed response.
function fakeFetch(status: number, body: string, calls: Call[] = []): typeof fetch {
  return async (input, init) => {
    calls.push({ url: String(input), init: init ?? {} });
    return new Response(body, { status, headers: { 'content-type': 'application/json' } });
  };
}

const header = (call: Call | undefined, name: string) => new Headers(call?.init.headers).get(name);

afterEach(() => {
  setCsrfToken(null);
  setUnauthenticatedHandler(null);
});

describe('toApiError', () => {
  it("keeps the server's code, message, details and request id", () => {
    const body = JSON.stringify({
      error: { code: 'ILLEGAL_TRANSITION', message: 'A closed ticket cannot become pending.', details: { from: 'closed', to: 'pending' }, requestId: 'req-1' },
    });
    const err = toApiError(409, body);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 409, code: 'ILLEGAL_TRANSITION', message: 'A closed ticket cannot become pending.', requestId: 'req-1' });
    expect(err.details).toEqual({ from: 'closed', to: 'pending' });
  });

  it('maps validation details to messages by field, without the body. prefix', () => {
    const body = JSON.stringify({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'The request is invalid.',
        details: [
          { field: 'body.email', message: 'Invalid email address' },
          { field: 'body.subject', message: 'Too small' },
          { field: 'body.subject', message: 'second message is ignored' },
        ],
      },
    });
    expect(toApiError(400, body).fieldErrors).toEqual({ email: 'Invalid email address', subject: 'Too small' });
  });

  it('gives a generic error for a body that is not the error shape (a proxy page)', () => {
    const err = toApiError(502, '<html>Bad gateway</html>');
    expect(err).toMatchObject({ status: 502, code: 'HTTP_502', message: 'The Clara server is not reachable right now.' });
    expect(err.fieldErrors).toEqual({});
  });

  it('uses a status-specific message for known statuses and a generic one otherwise', () => {
    expect(toApiError(429, '').message).toBe('Too many requests. Try again in a minute.');
    expect(toApiError(500, '{}').message).toBe('Something went wrong on the server.');
    expect(toApiError(418, '').message).toBe('The request failed (HTTP 418).');
  });
});

describe('apiRequest', () => {
  it('sends same-origin credentials and no CSRF header on reads', async () => {
    setCsrfToken('csrf-123');
    const calls: Call[] = [];
    const data = await apiRequest<{ ok: boolean }>('/api/tickets', { query: { status: 'open', q: '', cursor: undefined } }, fakeFetch(200, '{"ok":true}', calls));
    expect(data).toEqual({ ok: true });
    expect(calls[0]!.url).toBe('/api/tickets?status=open');
    expect(calls[0]!.init.credentials).toBe('same-origin');
    expect(header(calls[0], 'x-csrf-token')).toBeNull();
  });

  it('sends the CSRF token and a JSON body on writes', async () => {
    setCsrfToken('csrf-123');
    const calls: Call[] = [];
    await apiRequest('/api/tickets/1', { method: 'PATCH', body: { status: 'pending' } }, fakeFetch(200, '{}', calls));
    expect(header(calls[0], 'x-csrf-token')).toBe('csrf-123');
    expect(header(calls[0], 'content-type')).toBe('application/json');
    expect(calls[0]!.init.body).toBe('{"status":"pending"}');
  });

  it('throws the typed error for a failed response', async () => {
    const body = JSON.stringify({ error: { code: 'FORBIDDEN', message: 'Your role (viewer) lacks users:read.' } });
    const failing = apiRequest('/api/admin/users', {}, fakeFetch(403, body));
    await expect(failing).rejects.toMatchObject({ status: 403, code: 'FORBIDDEN', message: 'Your role (viewer) lacks users:read.' });
  });

  it('turns a network failure into a NETWORK error', async () => {
    const offline: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(apiRequest('/api/tickets', {}, offline)).rejects.toMatchObject({ status: 0, code: NETWORK_ERROR_CODE });
  });

  it('reports a 401 to the unauthenticated handler unless the caller expects it', async () => {
    let calls = 0;
    setUnauthenticatedHandler(() => (calls += 1));
    const body = JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: 'You need to log in.' } });
    await expect(apiRequest('/api/tickets', {}, fakeFetch(401, body))).rejects.toBeInstanceOf(ApiError);
    await expect(apiRequest('/api/auth/me', { quiet401: true }, fakeFetch(401, body))).rejects.toBeInstanceOf(ApiError);
    expect(calls).toBe(1);
  });

  it('returns the body of a status listed as ok (the degraded health report)', async () => {
    const report = await apiRequest<{ status: string }>('/health', { okStatuses: [503] }, fakeFetch(503, '{"status":"degraded"}'));
    expect(report.status).toBe('degraded');
  });
});

describe('withQuery', () => {
  it('drops empty values and encodes the rest', () => {
    expect(withQuery('/api/x', { a: 'b c', empty: '', none: undefined, n: 0, t: true })).toBe('/api/x?a=b+c&n=0&t=true');
    expect(withQuery('/api/x', {})).toBe('/api/x');
  });
});
