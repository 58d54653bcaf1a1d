import { describe, expect, it } from '@jest/globals';
import { createHttpHeaders, createPipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { describeNonAscii, emptySelectionError, isWrite, jsonOnlyPolicy, nameTheCallPolicy } from '../src/index.js';

const request = (method: string, path: string) =>
  createPipelineRequest({ method: method as 'GET', url: `https://management.azure.com${path}?api-version=2024-01-01` });
const answer = (status: number, type: string | undefined, body: string) => async (req: ReturnType<typeof request>) =>
  ({ request: req, status, headers: createHttpHeaders(type ? { 'content-type': type } : {}), bodyAsText: body }) as PipelineResponse;

describe('empty selections', () => {
  it('names a look-alike character, its code point and what it looks like', () => {
    expect(describeNonAscii('ring\u20110')).toBe('U+2011 (non-breaking hyphen, looks like "-") at position 5');
    expect(describeNonAscii('pr\u043ed')).toBe('U+043E (Cyrillic o, looks like "o") at position 3');
    expect(describeNonAscii('prod\u200b')).toBe('U+200B (zero-width space, invisible) at position 5');
    expect(describeNonAscii('ring-0')).toBeUndefined();
  });

  it('repeats the selector and names both fixes, in one line', () => {
    const message = emptySelectionError({ tags: { ring: 'ring\u20110' } }, 'subscription s1').message;
    expect(message).toBe(
      'Input "selector" selected no cluster: tags {"ring": "ring\u20110"} matched no connectedClusters in subscription s1. ' +
        'Check the characters: the tag value "ring\u20110" has U+2011 (non-breaking hyphen, looks like "-") at position 5. ' +
        'Fix the selector, or set "allow-empty: true" where an empty fleet is expected; nothing was changed.',
    );
  });
});

describe('client pipeline policies', () => {
  it('refuses an HTML page with 200, naming the service, the request, the status and the content type', async () => {
    const policy = jsonOnlyPolicy('Resource Graph');
    const req = request('POST', '/providers/Microsoft.ResourceGraph/resources');
    await expect(policy.sendRequest(req, answer(200, 'text/html', '<html><title>Sign in</title></html>'))).rejects.toThrow(
      'Resource Graph answered POST /providers/Microsoft.ResourceGraph/resources with HTTP 200 and content type "text/html", not the JSON the operation promises (it begins "Sign in")',
    );
    // JSON (any +json type), and empty bodies, pass.
    await expect(policy.sendRequest(req, answer(200, 'application/json; charset=utf-8', '{"data":[]}'))).resolves.toMatchObject({
      status: 200,
    });
    await expect(policy.sendRequest(req, answer(202, undefined, ''))).resolves.toMatchObject({ status: 202 });
    // JSON content type with a body that is not JSON (a truncated answer).
    await expect(policy.sendRequest(req, answer(200, 'application/json', '{"data":['))).rejects.toThrow(/a body that is not JSON/);
  });

  it('an HTML 404 never reads as "not found"', async () => {
    const error = await jsonOnlyPolicy('ARM')
      .sendRequest(request('GET', '/subscriptions/s/x'), answer(404, 'text/html', '<h1>Not Found</h1>'))
      .catch((e: unknown) => e as { statusCode?: number; code?: string });
    expect(error).toMatchObject({ code: 'UnexpectedContentType' });
    expect((error as { statusCode?: number }).statusCode).toBeUndefined();
  });

  it('names the operation, the attempts and whether anything could have been written', async () => {
    const failing = (status?: number) => async () => {
      throw Object.assign(
        new Error('socket hang up\n    at stack'),
        status ? { statusCode: status, code: 'Conflict' } : { code: 'ECONNRESET' },
      );
    };
    const read = await nameTheCallPolicy('ARM')
      .sendRequest(request('GET', '/subscriptions/s/resourceGroups/r'), failing())
      .catch((e: Error) => e.message);
    expect(read).toBe(
      'ARM GET /subscriptions/s/resourceGroups/r failed after 1 attempt (a read, so nothing was written): ECONNRESET: socket hang up',
    );
    const refused = await nameTheCallPolicy('ARM')
      .sendRequest(request('PUT', '/subscriptions/s/resourceGroups/r'), failing(409))
      .catch((e: Error) => e.message);
    expect(refused).toMatch(/^ARM PUT .* \(a write that Azure refused, so nothing was written\): HTTP 409 Conflict: socket hang up$/);
    const unknown = await nameTheCallPolicy('ARM')
      .sendRequest(request('PATCH', '/subscriptions/s/resourceGroups/r'), failing())
      .catch((e: Error) => e.message);
    expect(unknown).toMatch(/a write whose outcome is unknown until the resource is read back/);
    expect(isWrite(request('POST', '/providers/Microsoft.ResourceGraph/resources'))).toBe(false);
    expect(isWrite(request('POST', '/subscriptions/s/providers/Microsoft.PolicyInsights/policyStates/latest/triggerEvaluation'))).toBe(
      true,
    );
  });
});
