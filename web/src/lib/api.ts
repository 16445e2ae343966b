/**
 * The one HTTP client of the web UI: JSON in and out, the session cookie sent by the browser,
 * and the CSRF token (returned by /api/auth/login and /api/auth/me) on every state-changing request.
 */

/** An error answered by the API: `{ error, message (Chinese), issues? }` with its HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: { field: string; message: string; row?: number }[] = [],
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;

/** Remembers the session's CSRF token (from login or /api/auth/me). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Query string from defined values only (undefined, null and '' are left out). */
export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') s.set(k, String(v));
  const out = s.toString();
  return out ? `?${out}` : '';
}

type Body = { json: unknown } | { bytes: Blob | ArrayBuffer; type: string } | undefined;

async function request(method: string, path: string, body?: Body): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (body && 'json' in body) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body.json);
  } else if (body) {
    headers['content-type'] = body.type;
    payload = body.bytes;
  }
  const res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  if (!res.ok) {
    let message = `请求失败（${res.status}）`;
    let issues: ApiError['issues'] = [];
    try {
      const err = (await res.json()) as { message?: string; issues?: ApiError['issues'] };
      if (err.message) message = err.message;
      if (err.issues) issues = err.issues;
    } catch {
      // Not JSON (a proxy's error page): keep the generic message.
    }
    if (res.status === 401) window.dispatchEvent(new Event('zhibu:unauthorized'));
    throw new ApiError(res.status, message, issues);
  }
  return res;
}

async function json<T>(res: Response): Promise<T> {
  return (res.status === 204 ? null : await res.json()) as T;
}

/** Typed helpers over the API; every one throws ApiError on a non-2xx answer. */
export const api = {
  get: async <T>(path: string): Promise<T> => json<T>(await request('GET', path)),
  post: async <T>(path: string, body?: unknown): Promise<T> => json<T>(await request('POST', path, body === undefined ? undefined : { json: body })),
  put: async <T>(path: string, body: unknown): Promise<T> => json<T>(await request('PUT', path, { json: body })),
  del: async (path: string): Promise<void> => { await request('DELETE', path); },
  upload: async <T>(path: string, file: Blob, type: string): Promise<T> => json<T>(await request('POST', path, { bytes: file, type })),
  /** A file answer (e.g. an export), as a Blob with the server's file name when it gave one. */
  file: async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ blob: Blob; filename: string | null }> => {
    const res = await request(method, path, body === undefined ? undefined : { json: body });
    return { blob: await res.blob(), filename: filenameOf(res.headers.get('content-disposition')) };
  },
};

/** The file name of a Content-Disposition header, preferring RFC 5987 `filename*=UTF-8''…`. */
export function filenameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // A malformed escape: fall through to the plain name.
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? null;
}

/** Saves a Blob as a download in the browser. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
