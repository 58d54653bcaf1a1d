import type { SandboxRequest, SandboxResponse } from '../http.js';

/** Response helpers that speak GitHub's REST dialect: JSON bodies, error format, paging with a Link header. */

export const DOCS = 'https://docs.github.com/rest';

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

export function json(status: number, body: unknown, headers: Record<string, string> = {}): SandboxResponse {
  return { status, headers: { ...JSON_TYPE, 'x-github-media-type': 'github.v3; format=json', ...headers }, body };
}

export function noContent(): SandboxResponse {
  return { status: 204, headers: {} };
}

export function error(status: number, message: string, documentationUrl = DOCS): SandboxResponse {
  return json(status, { message, documentation_url: documentationUrl, status: String(status) });
}

export const notFound = (): SandboxResponse => error(404, 'Not Found');

export interface FieldError {
  resource: string;
  field: string;
  code?: 'custom' | 'missing_field' | 'invalid' | 'already_exists' | 'unprocessable';
  message?: string;
}

/** 422 in GitHub's format: `{"message":"Validation Failed","errors":[...],"documentation_url":...}`. */
export function validationFailed(errors: FieldError[], documentationUrl = DOCS): SandboxResponse {
  return json(422, {
    message: 'Validation Failed',
    errors: errors.map((e) => ({
      resource: e.resource,
      code: e.code ?? 'custom',
      field: e.field,
      ...(e.message ? { message: e.message } : {}),
    })),
    documentation_url: documentationUrl,
    status: '422',
  });
}

/** The API root as the client sees it, e.g. `http://127.0.0.1:4000/github`, for `url` fields and Link headers. */
export function apiBase(request: SandboxRequest): string {
  const pathname = request.url.pathname;
  const mount = pathname.endsWith(request.path) ? pathname.slice(0, pathname.length - request.path.length) : '';
  return `${request.url.origin}${mount}`.replace(/\/$/, '');
}

/** GitHub's legacy global node ids: base64 of `<length>:<Type><id>`. */
export function nodeId(type: string, id: number): string {
  const text = `${String(type.length).padStart(2, '0')}:${type}${id}`;
  return Buffer.from(text).toString('base64');
}

/** Slices a list by `per_page` (default 30, at most 100) and `page`, with GitHub's `Link` header. */
export function paginate<T>(request: SandboxRequest, items: readonly T[]): { items: T[]; headers: Record<string, string> } {
  const query = request.url.searchParams;
  const perPage = Math.min(100, Math.max(1, Number(query.get('per_page')) || 30));
  const page = Math.max(1, Number(query.get('page')) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (n: number, rel: string): string => {
    const url = new URL(request.url.href);
    url.searchParams.set('page', String(n));
    return `<${url.href}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length ? { link: links.join(', ') } : {},
  };
}

/** The body as a record, or an empty one (GitHub treats a missing body as `{}`). */
export function bodyOf(request: SandboxRequest): Record<string, unknown> {
  const body = request.body;
  return typeof body === 'object' && body !== null && !Array.isArray(body) && !Buffer.isBuffer(body)
    ? (body as Record<string, unknown>)
    : {};
}

/** Length as GitHub counts characters (code points). */
export const charLength = (text: string): number => [...text].length;
export const byteLength = (text: string): number => Buffer.byteLength(text, 'utf8');
