import type { SandboxRequest, SandboxResponse } from '../http.js';

/** A small path router: patterns like `/repos/:owner/:repo/issues/:number`. */

export type Params = Record<string, string>;
export type RouteHandler = (request: SandboxRequest, params: Params) => SandboxResponse | Promise<SandboxResponse>;

interface Route {
  method: string;
  segments: string[];
  handler: RouteHandler;
}

export class Router {
  private readonly routes: Route[] = [];

  on(method: string, pattern: string, handler: RouteHandler): this {
    this.routes.push({ method, segments: pattern.split('/').filter(Boolean), handler });
    return this;
  }

  /** The handler and parameters for a request, or undefined when no route matches. */
  match(method: string, path: string): { handler: RouteHandler; params: Params } | 'method-not-allowed' | undefined {
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
      if (route.method === method) return { handler: route.handler, params };
    }
    return pathMatched ? 'method-not-allowed' : undefined;
  }
}
