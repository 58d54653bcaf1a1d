import type { SandboxRequest, SandboxResponse } from '../http.js';
import type { Permissions } from './state.js';

/** A small path router: patterns like `/repos/:owner/:repo/issues/:number`, each route with GitHub's metadata. */

export type Params = Record<string, string>;
export type RouteHandler = (request: SandboxRequest, params: Params) => SandboxResponse | Promise<SandboxResponse>;

export interface RouteMeta {
  /** The operation's page on docs.github.com, GitHub's `documentation_url` in its error bodies. */
  doc: string;
  /**
   * The permission sets any one of which allows the call (GitHub's `X-Accepted-GitHub-Permissions`), from the
   * operation's description in `@octokit/openapi` and docs.github.com "Permissions required for GitHub Apps".
   */
  permissions: (params: Params) => Permissions[];
}

interface Route {
  method: string;
  segments: string[];
  meta: RouteMeta;
  handler: RouteHandler;
}

export interface RouteMatch {
  handler: RouteHandler;
  params: Params;
  meta: RouteMeta;
}

export class Router {
  private readonly routes: Route[] = [];

  on(method: string, pattern: string, meta: RouteMeta, handler: RouteHandler): this {
    this.routes.push({ method, segments: pattern.split('/').filter(Boolean), meta, handler });
    return this;
  }

  /** The handler and parameters for a request, or undefined when no route matches. */
  match(method: string, path: string): RouteMatch | 'method-not-allowed' | undefined {
    const parts = path.split('/').filter(Boolean);
    let pathMatched = false;
    for (const route of this.routes) {
      if (route.segments.length !== parts.length) continue;
      const params: Params = {};
      const ok = route.segments.every((segment, i) => {
        if (segment.startsWith(':')) {
          params[segment.slice(1)] = decodeURIComponent(parts[i]);
          return true;
        }
        return segment === parts[i];
      });
      if (!ok) continue;
      pathMatched = true;
      if (route.method === method) return { handler: route.handler, params, meta: route.meta };
    }
    return pathMatched ? 'method-not-allowed' : undefined;
  }
}
