import type { SandboxRequest, SandboxResponse } from '../http.js';
import { bodyOf, json } from './responses.js';
import type { TokenGrant } from './state.js';

/** `{ viewer { login } }`, optionally as a named `query`, with any whitespace. */
const VIEWER_LOGIN = /^\s*(?:query\s*(?:[A-Za-z_]\w*)?\s*)?\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/;

/**
 * `POST /graphql`, only for the one query the actions make: `viewer { login }`, which answers the login of whoever
 * holds the token for every kind of token (`<app-slug>[bot]` for an installation token such as GITHUB_TOKEN, where
 * `GET /user` is refused). GraphQL answers 200 with `errors` for a query it cannot run; so does the stand-in for any
 * other query, saying it is not emulated.
 */
export function graphql(request: SandboxRequest, grant: TokenGrant): SandboxResponse {
  const { query } = bodyOf(request);
  if (typeof query === 'string' && VIEWER_LOGIN.test(query)) return json(200, { data: { viewer: { login: grant.actor.login } } });
  return json(200, {
    errors: [{ message: 'The sandbox answers only the GraphQL query `{ viewer { login } }`; this query is not emulated.' }],
  });
}
