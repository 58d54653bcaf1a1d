import { ConfigurationError } from '@arc-actions/core';

/** The claims of a GitHub OIDC token that Entra matches against a federated identity credential. */
export interface OidcClaims {
  iss?: string;
  sub?: string;
  aud?: string | string[];
  job_workflow_ref?: string;
}

/** Decodes a JWT's payload without verifying it (only to explain errors; never logs the token). */
export function decodeClaims(jwt: string): OidcClaims | undefined {
  const payload = jwt.split('.')[1];
  if (!payload) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as OidcClaims;
  } catch {
    return undefined;
  }
}

/** The audiences Entra suggests for GitHub federated credentials, per cloud. */
const KNOWN_AUDIENCES = ['api://AzureADTokenExchange', 'api://AzureADTokenExchangeUSGov', 'api://AzureADTokenExchangeChina'];

/** Fails early, with the fix, when the job cannot ask GitHub for an OIDC token. */
export function assertOidcAvailable(env: NodeJS.ProcessEnv = process.env): void {
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    throw new ConfigurationError(
      'GitHub did not give this job an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set): add "permissions: id-token: write" ' +
        'to the workflow or the job (and keep "contents: read"); pull requests from forks never get OIDC tokens.',
    );
  }
}

const CODES: Record<string, string> = {
  AADSTS700212: 'no federated identity credential of the app matches the token audience',
  AADSTS700213: 'no federated identity credential of the app matches the token subject',
  AADSTS70021: 'no federated identity credential of the app matches the token',
  AADSTS700024: 'the GitHub token has expired or is not yet valid',
  AADSTS700016: 'the application (client-id) was not found in the tenant',
  AADSTS90002: 'the tenant (tenant-id) was not found',
};

/**
 * Explains an Entra error about a federated token: the code, what it means, the token's `iss`, `sub` and `aud`
 * (never the token itself), and what the federated credential must contain. Undefined when not such an error.
 */
export function explainEntraError(message: string, claims: OidcClaims | undefined, clientId: string, tenantId: string): string | undefined {
  const code = Object.keys(CODES).find((c) => new RegExp(`${c}(?!\\d)`).test(message));
  if (!code) return undefined;
  const aud = Array.isArray(claims?.aud) ? claims?.aud.join(',') : claims?.aud;
  const lines = [`Entra refused the GitHub OIDC token with ${code}: ${CODES[code]}.`];
  if (claims) lines.push(`The token presented: iss "${claims.iss}", sub "${claims.sub}", aud "${aud}".`);
  if (code === 'AADSTS700016') {
    lines.push(
      `Check that client-id "${clientId}" is the application (client) id of an app registration or managed identity in tenant "${tenantId}".`,
    );
  } else if (code === 'AADSTS90002') {
    lines.push(`Check tenant-id "${tenantId}".`);
  } else if (code === 'AADSTS700024') {
    lines.push('Check the runner clock; the token is requested afresh on every refresh, so a rerun usually succeeds.');
  } else {
    // The audience comes from this action's own `audience` input: when it is not a default one, that input is the
    // likeliest mistake and is named first. The advice never widens trust: one credential for this exact subject.
    const unusual = aud !== undefined && !KNOWN_AUDIENCES.includes(aud);
    if (code === 'AADSTS700212' || unusual) {
      lines.push(
        `First check the "audience" input of this step: the token was requested for audience "${aud}"; set "audience" to the audience ` +
          `of the app's federated credential (Entra's default is api://AzureADTokenExchange) or leave it empty for the default.`,
      );
    }
    if (code !== 'AADSTS700212') {
      lines.push(
        `${unusual ? 'Otherwise add' : 'Add'} a federated identity credential to app "${clientId}" with issuer "${claims?.iss ?? 'https://token.actions.githubusercontent.com'}", ` +
          `subject "${claims?.sub ?? 'repo:<owner>/<repo>:environment:<name>'}" exactly as shown (case-sensitive; one credential per subject, never a wildcard or a broader subject) ` +
          `and audience "${unusual ? 'api://AzureADTokenExchange' : (aud ?? 'api://AzureADTokenExchange')}".`,
      );
    }
  }
  return lines.join(' ');
}
