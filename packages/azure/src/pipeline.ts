import { RestError, type PipelinePolicy, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';

/**
 * Pipeline policies that every SDK client of {@link ArmClients} carries, so that no answer is taken on trust:
 *
 * - `json-only` (per retry): an answer that is not the JSON the operation promises (a captive portal or a proxy
 *   error page answering HTML with status 200, a truncated body) is an error that names the service, the request,
 *   the status and the content type, never an empty result. A 5xx page is still retried by the SDK.
 * - `name-the-call` (per call, outside the SDK's retries): any failure names the service, the operation, the
 *   attempts made and whether the call could have written anything, instead of `socket hang up`.
 */

export type AzureService = 'ARM' | 'Resource Graph' | 'Policy Insights' | 'Log Analytics';

const attempts = new WeakMap<PipelineRequest, number>();

/** `GET /subscriptions/…/providers/…` (host and query left out; ids are not secrets). */
export function operationOf(request: Pick<PipelineRequest, 'method' | 'url'>): string {
  let path = request.url;
  try {
    path = new URL(request.url).pathname;
  } catch {
    /* keep the raw url */
  }
  return `${request.method} ${path}`;
}

const READS =
  /\/providers\/Microsoft\.ResourceGraph\/resources$|\/queryResults$|\/summarize$|\/listClusterUserCredential$|^\/v1\/workspaces\/[^/]+\/query$/i;

/** Whether a request can change anything in Azure. */
export const isWrite = (request: Pick<PipelineRequest, 'method' | 'url'>): boolean =>
  !['GET', 'HEAD', 'OPTIONS'].includes(request.method) && !(request.method === 'POST' && READS.test(operationOf(request)));

const visible = (text: string) =>
  text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);

/** The body is JSON (or empty); anything else throws a RestError naming the service, the request and what came back. */
export function jsonOnlyPolicy(service: AzureService): PipelinePolicy {
  return {
    name: 'arc-actions-json-only',
    async sendRequest(request, next): Promise<PipelineResponse> {
      attempts.set(request, (attempts.get(request) ?? 0) + 1);
      const response = await next(request);
      const body = response.bodyAsText;
      if (request.method === 'HEAD' || response.status === 204 || body === undefined || body === null || body.trim() === '')
        return response;
      const type = response.headers.get('content-type') ?? '';
      let problem: string | undefined;
      if (!/[/+]json\b/i.test(type)) problem = `content type ${type ? `"${type}"` : '(none)'}`;
      else {
        try {
          JSON.parse(body);
        } catch {
          problem = `content type "${type}" but a body that is not JSON`;
        }
      }
      if (!problem) return response;
      const shown = visible(body);
      throw new RestError(
        `${service} answered ${operationOf(request)} with HTTP ${response.status} and ${problem}, not the JSON the operation promises` +
          `${shown ? ` (it begins "${shown}")` : ''}: a proxy, firewall or captive portal may be answering instead of Azure.`,
        // No statusCode: an HTML 404 must never read as "the resource does not exist". The response stays attached,
        // so the SDK's retry strategies still retry a 5xx page.
        { code: 'UnexpectedContentType', request, response },
      );
    },
  };
}

interface Annotated {
  message: string;
  code?: string;
  service?: AzureService;
  operation?: string;
  attempts?: number;
  statusCode?: number;
  response?: { status?: number };
}

/** Annotates every failure with the service, the operation, the attempts made and what the call may have written. */
export function nameTheCallPolicy(service: AzureService): PipelinePolicy {
  return {
    name: 'arc-actions-name-the-call',
    async sendRequest(request, next): Promise<PipelineResponse> {
      try {
        return await next(request);
      } catch (error) {
        const e = error as Annotated;
        if (e && typeof e === 'object' && typeof e.message === 'string' && !e.operation) {
          const tries = attempts.get(request) ?? 1;
          const status = e.statusCode ?? e.response?.status;
          const written = !isWrite(request)
            ? 'a read, so nothing was written'
            : status !== undefined && status >= 400 && status < 500
              ? 'a write that Azure refused, so nothing was written'
              : 'a write whose outcome is unknown until the resource is read back';
          const first = e.message.split('\n')[0].trim() || 'no message';
          const what =
            e.statusCode !== undefined
              ? `HTTP ${e.statusCode}${e.code && e.code !== String(e.statusCode) ? ` ${e.code}` : ''}: `
              : e.code && e.code !== 'UnexpectedContentType' && !first.includes(e.code)
                ? `${e.code}: `
                : '';
          e.service = service;
          e.operation = operationOf(request);
          e.attempts = tries;
          e.message = `${service} ${e.operation} failed after ${tries} attempt${tries === 1 ? '' : 's'} (${written}): ${what}${first}`;
        }
        throw error;
      }
    },
  };
}

/** The `additionalPolicies` option of both SDK generations. */
export const callPolicies = (service: AzureService) => [
  { policy: nameTheCallPolicy(service), position: 'perCall' as const },
  { policy: jsonOnlyPolicy(service), position: 'perRetry' as const },
];
