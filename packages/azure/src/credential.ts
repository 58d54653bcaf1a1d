import * as core from '@actions/core';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { errorMessage, log } from '@arc-actions/core';
import type { AzureEnvironment } from './environment.js';
import { assertOidcAvailable, decodeClaims, explainEntraError, type OidcClaims } from './oidc-diagnostics.js';

export interface CredentialOptions {
  tenantId: string;
  clientId: string;
  /** Audience of the GitHub OIDC token; `api://AzureADTokenExchange` unless the federated credential says otherwise. */
  audience: string;
  environment: AzureEnvironment;
}

/**
 * A credential that exchanges a GitHub OIDC token for an Entra access token. The assertion callback asks GitHub for
 * a fresh OIDC token every time MSAL needs one, so runs longer than the token lifetime keep working.
 * Entra errors are rewritten into sentences that show the token's claims and the fix.
 */
export async function createOidcCredential(options: CredentialOptions): Promise<TokenCredential> {
  assertOidcAvailable();
  const { ClientAssertionCredential } = await import('@azure/identity');
  let lastClaims: OidcClaims | undefined;
  const inner = new ClientAssertionCredential(
    options.tenantId,
    options.clientId,
    async () => {
      const token = await core.getIDToken(options.audience);
      lastClaims = decodeClaims(token);
      log.debug(`Requested a GitHub OIDC token for audience ${options.audience} (sub ${lastClaims?.sub}).`);
      return token;
    },
    { authorityHost: options.environment.authorityHost, disableInstanceDiscovery: options.environment.custom },
  );
  return {
    async getToken(scopes: string | string[], getTokenOptions?: GetTokenOptions): Promise<AccessToken | null> {
      try {
        return await inner.getToken(scopes, getTokenOptions);
      } catch (error) {
        const explained = explainEntraError(errorMessage(error), lastClaims, options.clientId, options.tenantId);
        if (explained) throw new Error(explained, { cause: error });
        throw error;
      }
    },
  };
}
