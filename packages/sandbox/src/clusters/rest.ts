import { Agent, request as httpsRequest } from 'node:https';

/** An error answered by the API server, with its Status reason and message. */
export class KubeApiError extends Error {
  override readonly name = 'KubeApiError';
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    readonly body?: unknown,
  ) {
    super(message);
  }
}

export const isNotFound = (e: unknown): boolean => e instanceof KubeApiError && e.status === 404;
export const isConflict = (e: unknown): boolean => e instanceof KubeApiError && e.status === 409;

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [k: string]: unknown;
  };
  [k: string]: unknown;
}

interface ResourceInfo {
  plural: string;
  namespaced: boolean;
}

/**
 * A small REST client for one API server: plain HTTPS with the cluster CA and a bearer token, JSON in and out.
 * Used by the sandbox's own emulation (pod runner, Gatekeeper setup, policy add-on, Flux) so that every request
 * is explicit; actions use @kubernetes/client-node with the cluster's kubeconfig.
 */
export class KubeClient {
  private readonly agent: Agent;
  private readonly discovery = new Map<string, Promise<Map<string, ResourceInfo>>>();

  constructor(
    readonly server: string,
    caPem: string,
    private readonly token: string,
  ) {
    this.agent = new Agent({ ca: caPem, keepAlive: true, maxSockets: 16 });
  }

  close(): void {
    this.agent.destroy();
  }

  request<T = any>(
    method: string,
    path: string,
    options: {
      body?: unknown;
      contentType?: string;
      query?: Record<string, string | number | boolean | undefined>;
      timeoutMs?: number;
    } = {},
  ): Promise<T> {
    const url = new URL(path, this.server);
    for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const payload = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    return new Promise<T>((resolve, reject) => {
      const req = httpsRequest(
        url,
        {
          method,
          agent: this.agent,
          timeout: options.timeoutMs ?? 30000,
          headers: {
            authorization: `Bearer ${this.token}`,
            accept: 'application/json',
            ...(payload === undefined
              ? {}
              : { 'content-type': options.contentType ?? 'application/json', 'content-length': Buffer.byteLength(payload) }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let body: any = text;
            try {
              body = text ? JSON.parse(text) : undefined;
            } catch {
              // not JSON (e.g. /readyz)
            }
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) resolve(body as T);
            else {
              const message =
                typeof body === 'object' && body?.message
                  ? String(body.message)
                  : `${method} ${url.pathname} answered HTTP ${status}: ${text.slice(0, 300)}`;
              reject(new KubeApiError(status, typeof body === 'object' ? String(body?.reason ?? '') : '', message, body));
            }
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${url.pathname} on ${this.server} timed out.`)));
      req.on('error', reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  /** The plural and scope of a kind, from discovery (cached; refreshed on a miss, e.g. right after a CRD). */
  async resourceFor(apiVersion: string, kind: string): Promise<ResourceInfo> {
    for (let attempt = 0; attempt < 2; attempt++) {
      let entry = this.discovery.get(apiVersion);
      if (!entry || attempt > 0) {
        entry = this.request<{ resources: { name: string; kind: string; namespaced: boolean }[] }>(
          'GET',
          apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`,
        )
          .then(
            (list) =>
              new Map(
                list.resources.filter((r) => !r.name.includes('/')).map((r) => [r.kind, { plural: r.name, namespaced: r.namespaced }]),
              ),
          )
          .catch(() => new Map<string, ResourceInfo>());
        this.discovery.set(apiVersion, entry);
      }
      const info = (await entry).get(kind);
      if (info) return info;
    }
    throw new KubeApiError(404, 'NotFound', `The API server does not serve kind ${kind} in ${apiVersion}.`);
  }

  /** The REST path of a collection or, with a name, of one object. */
  async pathFor(apiVersion: string, kind: string, namespace?: string, name?: string): Promise<string> {
    const info = await this.resourceFor(apiVersion, kind);
    const prefix = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
    const ns = info.namespaced ? `/namespaces/${encodeURIComponent(namespace ?? 'default')}` : '';
    return `${prefix}${ns}/${info.plural}${name ? `/${encodeURIComponent(name)}` : ''}`;
  }

  /** Server-side apply (force) of one object with a field manager; `dryRun` sends dryRun=All. */
  async apply<T = any>(object: KubeObject, fieldManager: string, options: { dryRun?: boolean; subresource?: string } = {}): Promise<T> {
    const path = await this.pathFor(object.apiVersion, object.kind, object.metadata.namespace, object.metadata.name);
    return this.request<T>('PATCH', options.subresource ? `${path}/${options.subresource}` : path, {
      body: object,
      contentType: 'application/apply-patch+yaml',
      query: { fieldManager, force: true, dryRun: options.dryRun ? 'All' : undefined },
    });
  }

  async get<T = any>(apiVersion: string, kind: string, name: string, namespace?: string): Promise<T | undefined> {
    try {
      return await this.request<T>('GET', await this.pathFor(apiVersion, kind, namespace, name));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async list<T = any>(apiVersion: string, kind: string, options: { namespace?: string; labelSelector?: string } = {}): Promise<T[]> {
    const info = await this.resourceFor(apiVersion, kind);
    const prefix = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
    const path =
      info.namespaced && options.namespace
        ? `${prefix}/namespaces/${encodeURIComponent(options.namespace)}/${info.plural}`
        : `${prefix}/${info.plural}`;
    const list = await this.request<{ items: T[] }>('GET', path, { query: { labelSelector: options.labelSelector } });
    return list.items ?? [];
  }

  /** Deletes an object; true if it existed. */
  async delete(
    apiVersion: string,
    kind: string,
    name: string,
    namespace?: string,
    query: Record<string, string | number> = {},
  ): Promise<boolean> {
    try {
      await this.request('DELETE', await this.pathFor(apiVersion, kind, namespace, name), {
        query: { propagationPolicy: 'Background', ...query },
      });
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }
}
