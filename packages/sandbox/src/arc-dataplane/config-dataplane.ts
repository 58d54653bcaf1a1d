import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeJwt } from 'jose';
import { parse } from 'yaml';
import { chartsRoot } from '../clusters/paths.js';
import type { Handler } from '../http.js';

/**
 * The Arc config data plane as `az connectedk8s connect` uses it, and the registry it points to:
 *
 * - `POST /azure-arc-k8sagents/GetLatestHelmPackagePath?api-version=2019-11-01-preview&releaseTrain=stable` with a
 *   bearer token for the cloud's `active_directory_resource_id` (az `_utils.get_helm_registry`: `send_raw_request(...,
 *   resource=cmd.cli_ctx.cloud.endpoints.active_directory_resource_id)`, https://management.core.windows.net/ in the
 *   public cloud) → `{ "repositoryPath": "<registry>/<path>/azure-arc-k8sagents:<version>" }`, an OCI reference;
 * - an OCI distribution registry (`/v2/…`: manifests and blobs, as helm pulls them) that serves the sandbox agents
 *   chart only under `<path>/v2/azure-arc-k8sagents`, the path az pulls from (az `_utils.pull_helm_chart` with
 *   `new_path`: `dirname(chart) + '/v2/' + basename(chart)`), so a client that pulls the path as returned fails like
 *   it would against MCR.
 */

const run = promisify(execFile);
const CHART = 'azure-arc-k8sagents';
/** The repository path the real service answers with (batch and train folders before the chart name). */
export const CHART_REPOSITORY = 'azurearck8s/batch1/stable';

let packaged: Promise<{ version: string; tgz: Buffer; meta: Record<string, unknown> }> | undefined;

/** The sandbox agents chart as a .tgz (tar + gzip of the chart folder, made once per process). */
export function packagedChart(): Promise<{ version: string; tgz: Buffer; meta: Record<string, unknown> }> {
  packaged ??= (async () => {
    const meta = parse(await readFile(join(chartsRoot, CHART, 'Chart.yaml'), 'utf8')) as { version: string } & Record<string, unknown>;
    const dir = await mkdtemp(join(tmpdir(), 'arc-chart-'));
    const file = join(dir, `${CHART}-${meta.version}.tgz`);
    await run('tar', ['-czf', file, '-C', chartsRoot, CHART]);
    return { version: meta.version, tgz: await readFile(file), meta };
  })();
  return packaged;
}

export interface DataPlaneOptions {
  /** `host:port` of the registry that serves the chart (the sandbox itself). */
  registry: () => string;
  /**
   * Checks the bearer token (signature, tenant, expiry) and returns its claims, or undefined when it is not valid.
   * Without it the token is only decoded (test servers that have no Entra).
   */
  verifyToken?: (authorization: string) => Promise<Record<string, unknown> | undefined>;
  /** The audience az asks for (default the public cloud's https://management.core.windows.net/). */
  audience?: string;
  /** The chart version the service answers with (default: the sandbox chart's). */
  version?: () => string | undefined;
  /** Every audience the endpoint saw, for tests. */
  audiencesSeen?: string[];
}

const error = (status: number, code: string, message: string) => ({ status, body: { error: { code, message } } });

export function dataPlaneHandler(options: DataPlaneOptions): Handler {
  const audience = options.audience ?? 'https://management.core.windows.net/';
  return async (req) => {
    if (!/^\/azure-arc-k8sagents\/GetLatestHelmPackagePath\/?$/i.test(req.path)) {
      if (req.path === '/' || req.path === '') return error(404, 'NotFound', 'Arc config data plane.');
      return undefined;
    }
    if (req.method !== 'POST') return error(405, 'MethodNotAllowed', 'Use POST.');
    if (!req.url.searchParams.get('api-version'))
      return error(400, 'MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required.');
    const authorization = String(req.headers.authorization ?? '');
    if (!/^Bearer \S+/i.test(authorization))
      return error(401, 'AuthenticationFailed', 'Authentication failed. The Authorization header is missing.');
    let claims: Record<string, unknown> | undefined;
    try {
      claims = options.verifyToken
        ? await options.verifyToken(authorization)
        : (decodeJwt(authorization.slice(7)) as Record<string, unknown>);
    } catch {
      claims = undefined;
    }
    if (!claims) return error(401, 'InvalidAuthenticationToken', 'The access token is invalid.');
    const aud = String(claims.aud ?? '');
    options.audiencesSeen?.push(aud);
    // Undocumented: which audiences the data plane accepts. The stand-in accepts the one az sends, so that a client
    // asking for another one (e.g. the ARM endpoint's) shows up instead of passing by luck.
    if (aud.replace(/\/?$/, '/') !== audience)
      return error(
        401,
        'InvalidAuthenticationTokenAudience',
        `The access token has been obtained for wrong audience or resource '${aud}'. It should be '${audience}'.`,
      );
    const train = (req.url.searchParams.get('releaseTrain') ?? 'stable').toLowerCase();
    if (!['stable', 'preview', 'dev'].includes(train)) return error(400, 'InvalidReleaseTrain', `Unknown release train '${train}'.`);
    const version = options.version?.() ?? (await packagedChart()).version;
    return { status: 200, body: { repositoryPath: `${options.registry()}/${CHART_REPOSITORY}/${CHART}:${version}` } };
  };
}

const digest = (data: Buffer | string) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

/**
 * An OCI distribution registry (the subset helm uses to pull: manifests by tag or digest, blobs) with one artifact,
 * the sandbox agents chart, at `<CHART_REPOSITORY>/v2/azure-arc-k8sagents:<version>`. Mount it under `/v2`.
 * Media types from the Helm OCI documentation (application/vnd.cncf.helm.config.v1+json,
 * application/vnd.cncf.helm.chart.content.v1.tar+gzip) and the OCI image manifest specification.
 */
export function ociRegistryHandler(): Handler {
  return async (req) => {
    if (req.path === '/' || req.path === '')
      return { status: 200, headers: { 'Docker-Distribution-API-Version': 'registry/2.0' }, body: {} };
    const m = /^\/(.+)\/(manifests|blobs)\/([^/]+)$/.exec(req.path);
    if (!m || !['GET', 'HEAD'].includes(req.method)) return undefined;
    const [, name, kind, reference] = m;
    const chart = await packagedChart();
    const config = Buffer.from(JSON.stringify({ ...chart.meta, name: CHART, version: chart.version }));
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.cncf.helm.config.v1+json', digest: digest(config), size: config.length },
        layers: [{ mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip', digest: digest(chart.tgz), size: chart.tgz.length }],
      }),
    );
    const unknown = (code: string) => ({
      status: 404,
      headers: { 'content-type': 'application/json' },
      body: { errors: [{ code, message: `${name}:${reference} is not in this registry`, detail: { name, reference } }] },
    });
    if (name !== `${CHART_REPOSITORY}/v2/${CHART}`) return unknown('NAME_UNKNOWN');
    const send = (data: Buffer, type: string) => ({
      status: 200,
      // HEAD gets the same headers (Content-Length included: clients size the descriptor from it); Node drops the body.
      headers: { 'content-type': type, 'Docker-Content-Digest': digest(data), 'content-length': String(data.length) },
      body: data,
    });
    if (kind === 'manifests') {
      if (reference !== chart.version && reference !== digest(manifest)) return unknown('MANIFEST_UNKNOWN');
      return send(manifest, 'application/vnd.oci.image.manifest.v1+json');
    }
    if (reference === digest(config)) return send(config, 'application/vnd.cncf.helm.config.v1+json');
    if (reference === digest(chart.tgz)) return send(chart.tgz, 'application/vnd.cncf.helm.chart.content.v1.tar+gzip');
    return unknown('BLOB_UNKNOWN');
  };
}
