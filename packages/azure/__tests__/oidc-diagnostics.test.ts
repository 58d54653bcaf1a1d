import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '@arc-actions/core';
import { assertOidcAvailable, createOidcCredential, decodeClaims, explainEntraError, parseEnvironment } from '../src/index.js';

const jwt = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

describe('OIDC diagnostics', () => {
  it('without ACTIONS_ID_TOKEN_REQUEST_URL, says to add permissions: id-token: write', async () => {
    expect(() => assertOidcAvailable({})).toThrow(ConfigurationError);
    expect(() => assertOidcAvailable({})).toThrow(/permissions: id-token: write/);
    const saved = { url: process.env.ACTIONS_ID_TOKEN_REQUEST_URL, token: process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN };
    delete process.env.ACTIONS_ID_TOKEN_REQUEST_URL;
    await expect(
      createOidcCredential({
        tenantId: 't',
        clientId: 'c',
        audience: 'api://AzureADTokenExchange',
        environment: parseEnvironment('AzureCloud'),
      }),
    ).rejects.toThrow(/id-token: write/);
    if (saved.url) process.env.ACTIONS_ID_TOKEN_REQUEST_URL = saved.url;
  });

  it('explains AADSTS70021 with the token claims and the federated credential to add, never the token', () => {
    const token = jwt({
      iss: 'https://token.actions.githubusercontent.com',
      sub: 'repo:acme/fleet:ref:refs/heads/main',
      aud: 'api://AzureADTokenExchange',
    });
    const claims = decodeClaims(token);
    const message = explainEntraError(
      'ClientAssertionCredential authentication failed: AADSTS70021: No matching federated identity record found for presented assertion.',
      claims,
      '11111111-2222-3333-4444-555555555555',
      'tenant',
    )!;
    expect(message).toContain('AADSTS70021');
    expect(message).toContain('sub "repo:acme/fleet:ref:refs/heads/main"');
    expect(message).toContain('iss "https://token.actions.githubusercontent.com"');
    expect(message).toContain('aud "api://AzureADTokenExchange"');
    expect(message).toContain('Add a federated identity credential to app "11111111-2222-3333-4444-555555555555"');
    expect(message).not.toContain(token);
  });

  it('names the client id for AADSTS700016 and leaves other errors alone', () => {
    expect(explainEntraError('AADSTS700016: Application not found', undefined, 'cid', 'tid')).toContain('client-id "cid"');
    expect(explainEntraError('ECONNRESET', undefined, 'cid', 'tid')).toBeUndefined();
  });
});

describe('environments', () => {
  it('knows the sovereign clouds', () => {
    expect(parseEnvironment('azureusgovernment').resourceManager).toBe('https://management.usgovcloudapi.net');
    expect(parseEnvironment('AzureChinaCloud').tokenScope).toBe('https://management.chinacloudapi.cn/.default');
  });
  it('takes custom endpoints as JSON and insists on https', () => {
    const env = parseEnvironment('{"name":"Sandbox","resourceManager":"https://127.0.0.1:8443/","authorityHost":"https://127.0.0.1:8443"}');
    expect(env).toMatchObject({
      name: 'Sandbox',
      resourceManager: 'https://127.0.0.1:8443',
      custom: true,
      tokenScope: 'https://management.azure.com/.default',
    });
    expect(() => parseEnvironment('{"resourceManager":"http://x","authorityHost":"https://y"}')).toThrow(/must be an https URL/);
    expect(() => parseEnvironment('AzureMoon')).toThrow(/allowed: AzureCloud, AzureUSGovernment, AzureChinaCloud/);
  });
});
