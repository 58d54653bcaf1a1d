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

  it('points at the audience input first on an audience mismatch, and never advises a wider subject', () => {
    const claims = { iss: 'https://token.actions.githubusercontent.com', sub: 'repo:acme/fleet:environment:prod', aud: 'api://Wrong' };
    const audience = explainEntraError(
      "AADSTS700212: No matching federated identity record found for presented assertion audience 'api://Wrong'.",
      claims,
      'cid',
      'tid',
    )!;
    expect(audience).toMatch(/^Entra refused the GitHub OIDC token with AADSTS700212: .*First check the "audience" input/);
    expect(audience).not.toMatch(/Add a federated identity credential/);
    // A subject mismatch with an unusual audience: the audience input is still named first, and the credential to add
    // is for this exact subject and the default audience, never a wildcard.
    const subject = explainEntraError('AADSTS70021: No matching federated identity record found.', claims, 'cid', 'tid')!;
    expect(subject.indexOf('"audience" input')).toBeLessThan(subject.indexOf('Otherwise add a federated identity credential'));
    expect(subject).toContain('subject "repo:acme/fleet:environment:prod" exactly as shown');
    expect(subject).toContain('audience "api://AzureADTokenExchange"');
    expect(subject).not.toMatch(/repo:acme\/fleet:\*|repo:acme\/\*/);
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
