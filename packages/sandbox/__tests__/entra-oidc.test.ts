import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClientAssertionCredential } from '@azure/identity';
import { getIDToken } from '@actions/core';
import { decodeJwt } from 'jose';
import { startSandbox, type Sandbox } from '../src/index.js';

const ARM_SCOPE = 'https://management.azure.com/.default';
let sandbox: Sandbox;

function credential(s: Sandbox): ClientAssertionCredential {
  return new ClientAssertionCredential(s.identity.tenantId, s.identity.clientId, () => getIDToken('api://AzureADTokenExchange'), {
    authorityHost: s.url,
    disableInstanceDiscovery: true,
  });
}

beforeAll(async () => {
  sandbox = await startSandbox();
  process.env.ACTIONS_ID_TOKEN_REQUEST_URL = sandbox.env.ACTIONS_ID_TOKEN_REQUEST_URL;
  process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = sandbox.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
});
afterAll(() => sandbox.stop());

describe('GitHub OIDC → Entra', () => {
  it('issues a GitHub ID token with the configured claims', async () => {
    const token = await getIDToken('api://AzureADTokenExchange');
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      iss: `${sandbox.url}/oidc`,
      aud: 'api://AzureADTokenExchange',
      sub: 'repo:acme/fleet:environment:prod',
      repository: 'acme/fleet',
    });
    expect(typeof claims.jti).toBe('string');
  });

  it('refuses the ID token endpoint without the request token', async () => {
    const res = await fetch(sandbox.env.ACTIONS_ID_TOKEN_REQUEST_URL, { headers: { authorization: 'Bearer wrong' } });
    expect(res.status).toBe(401);
  });

  it('gives ClientAssertionCredential an ARM token for a matching federated credential', async () => {
    const token = await credential(sandbox).getToken(ARM_SCOPE);
    const claims = decodeJwt(token.token);
    expect(claims).toMatchObject({ aud: 'https://management.azure.com/', tid: sandbox.identity.tenantId, oid: sandbox.identity.objectId });
    const calls = sandbox.calls().filter((c) => c.api === 'entra');
    expect(calls.map((c) => `${c.method} ${c.status}`)).toEqual(expect.arrayContaining(['GET 200', 'POST 200']));
  });

  it('explains a wrong subject with AADSTS70021 through the credential error', async () => {
    sandbox.state.setOidcClaims({ sub: 'repo:acme/fleet:ref:refs/heads/feature' });
    try {
      await expect(credential(sandbox).getToken(ARM_SCOPE)).rejects.toThrow(
        /AADSTS70021: No matching federated identity record found for presented assertion\. Assertion Issuer: '.*\/oidc'\. Assertion Subject: 'repo:acme\/fleet:ref:refs\/heads\/feature'\. Assertion Audience: 'api:\/\/AzureADTokenExchange'\./,
      );
    } finally {
      sandbox.state.setOidcClaims({ sub: 'repo:acme/fleet:environment:prod' });
    }
  });

  it('refuses an expired assertion with AADSTS700024', async () => {
    sandbox.setKnobs({ tokens: { oidcTokenSeconds: -60 } });
    try {
      await expect(credential(sandbox).getToken(ARM_SCOPE)).rejects.toThrow(
        /AADSTS700024: Client assertion is not within its valid time range/,
      );
    } finally {
      sandbox.setKnobs({ tokens: { oidcTokenSeconds: 300 } });
    }
  });

  it('refuses an unknown application with AADSTS700016', async () => {
    const cred = new ClientAssertionCredential(
      sandbox.identity.tenantId,
      '00000000-0000-0000-0000-000000000bad',
      () => getIDToken('api://AzureADTokenExchange'),
      { authorityHost: sandbox.url, disableInstanceDiscovery: true },
    );
    await expect(cred.getToken(ARM_SCOPE)).rejects.toThrow(/AADSTS700016/);
  });

  it('answers ARM with 401 and a Bearer challenge for a missing or expired token', async () => {
    const res = await fetch(`${sandbox.url}/subscriptions?api-version=2022-12-01`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer authorization_uri=".*", error="invalid_token"/);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('AuthenticationFailed');
  });
});
