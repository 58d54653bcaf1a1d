import { randomUUID } from 'node:crypto';
import type { SandboxResponse } from '../http.js';

const aadTime = (d = new Date()): string =>
  d
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');

/** An error from the token endpoint in Entra's own JSON shape (`AADSTSnnnn: ...` descriptions). */
export function aadError(status: number, error: string, code: number, description: string): SandboxResponse {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = aadTime();
  return {
    status,
    headers: { 'x-ms-request-id': traceId, 'x-ms-ests-server': '2.1.0 - SANDBOX' },
    body: {
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  };
}

export const FIC_DOCS = 'https://learn.microsoft.com/entra/workload-id/workload-identity-federation';

export const aad = {
  tenantNotFound: (tenant: string) =>
    aadError(
      400,
      'invalid_tenant',
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
    ),
  unsupportedGrant: (grant: string) =>
    aadError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grant}'.`),
  unknownApp: (clientId: string, tenant: string) =>
    aadError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    ),
  missingAssertion: () =>
    aadError(
      401,
      'invalid_client',
      7000218,
      `The request body must contain the following parameter: 'client_assertion' or 'client_secret'.`,
    ),
  badAssertionType: (type: string) =>
    aadError(
      400,
      'invalid_request',
      50027,
      `Invalid client_assertion_type '${type}'; only 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' is supported.`,
    ),
  malformed: () => aadError(400, 'invalid_request', 50027, 'JWT token is invalid or malformed.'),
  badSignature: () => aadError(401, 'invalid_client', 700027, 'Client assertion failed signature validation.'),
  externalOidcFailed: (issuer: string) =>
    aadError(400, 'invalid_client', 50166, `Request to External OIDC endpoint failed. Issuer: '${issuer}'.`),
  expired: (now: Date, nbf: Date, exp: Date) =>
    aadError(
      400,
      'invalid_client',
      700024,
      `Client assertion is not within its valid time range. Current time: ${now.toISOString()}, assertion valid from ${nbf.toISOString()}, expiry time of assertion ${exp.toISOString()}. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .`,
    ),
  issuerMismatch: (issuer: string) =>
    aadError(
      400,
      'invalid_client',
      700211,
      `No matching federated identity record found for presented assertion issuer '${issuer}'. Please note that the matching is done using a case-sensitive comparison. Check your federated identity credential Subject, Audience and Issuer against the presented assertion. ${FIC_DOCS}`,
    ),
  noMatch: (issuer: string, subject: string, audience: string) =>
    aadError(
      400,
      'invalid_client',
      70021,
      `No matching federated identity record found for presented assertion. Assertion Issuer: '${issuer}'. Assertion Subject: '${subject}'. Assertion Audience: '${audience}'. ${FIC_DOCS}`,
    ),
  subjectMismatch: (subject: string) =>
    aadError(
      400,
      'invalid_client',
      700213,
      `No matching federated identity record found for presented assertion subject '${subject}'. Please note that the matching is done using a case-sensitive comparison. Check your federated identity credential Subject, Audience and Issuer against the presented assertion. ${FIC_DOCS}`,
    ),
  audienceMismatch: (audience: string) =>
    aadError(
      400,
      'invalid_client',
      700212,
      `No matching federated identity record found for presented assertion audience '${audience}'. Please note that the matching is done using a case-sensitive comparison. Check your federated identity credential Subject, Audience and Issuer against the presented assertion. ${FIC_DOCS}`,
    ),
  unknownResource: (resource: string, tenant: string) =>
    aadError(
      400,
      'invalid_resource',
      500011,
      `The resource principal named ${resource} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
    ),
};
