import type { KubeConfig } from '@kubernetes/client-node';
import {
  agentCloudName,
  ArmClients,
  clusterId as armClusterId,
  createOidcCredential,
  ExtensionInstaller,
  type AzureEnvironment,
} from '@arc-actions/azure';
import { errorMessage, log, redact, RetryBudget, stableStringify, waitFor, type Change } from '@arc-actions/core';
import { loadKubeConfig, maskKubeconfig } from '@arc-actions/kube';
import { details, table } from '@arc-actions/report';
import { maskUrlCredentials, type Inputs } from './inputs.js';
import { code, detectPlatform, readClusterFacts, type ClusterFacts } from './cluster-facts.js';
import { arcEndpoints, type ArcEndpoints } from './endpoints.js';
import { generateAgentKeys, Helm, helmClientCheck, RELEASE_NAMESPACE } from './helm.js';
import {
  clusterRows,
  egressRows,
  failed,
  MONITORING_PROVIDERS,
  providerRows,
  readProviderStates,
  REQUIRED_PROVIDERS,
  registerProviders,
  type CheckRow,
} from './preflight.js';
import {
  applyExtension,
  applyRole,
  fingerprintTags,
  planExtensions,
  planRoles,
  type ExtensionContext,
  type ExtensionWithSecrets,
} from './reconcile.js';
import { diagnoseAgents } from './diagnose.js';

export interface ConnectDeps {
  /** ARM clients (default: GitHub OIDC credential for the identity inputs). */
  arm?: ArmClients;
  /** The raw `environment` input, for custom Arc endpoints (default: INPUT_ENVIRONMENT). */
  rawEnvironment?: string;
  /** Arc data-plane endpoints (default: derived from the environment). */
  endpoints?: ArcEndpoints;
  /** The helm binary (default: HELM_CLIENT_PATH or `helm` on PATH). */
  helmBinary?: string;
  /** Extra trust anchors (PEM) for the egress probes, besides Node's defaults and proxy-cert. */
  trust?: string[];
  /** GITHUB_* variables for provenance (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Deadline for provider registration (default 5 min). */
  registrationTimeoutMs?: number;
  /** Poll interval bounds while waiting for Connected (default 2 s .. 15 s). */
  pollMs?: { initial: number; max: number };
}

export interface ConnectResult {
  clusterId: string;
  result: 'created' | 'updated' | 'unchanged' | 'failed';
  connectivityStatus?: string;
  agentVersion?: string;
  dryRun: boolean;
  checks: CheckRow[];
  changes: Change[];
  /** JSON-ready plan (desired vs actual), for the `plan` output. */
  plan: Record<string, unknown>;
  /** Step summary markdown (already redacted). */
  summary: string;
  /** Set when the run failed: one paragraph saying why, how to fix it, and what was changed before. */
  failure?: string;
}

const PROVENANCE = ['github-repository', 'github-commit', 'github-run'] as const;

function provenance(env: NodeJS.ProcessEnv): Record<string, string> {
  const tags: Record<string, string> = {};
  if (env.GITHUB_REPOSITORY) tags['github-repository'] = env.GITHUB_REPOSITORY;
  if (env.GITHUB_SHA) tags['github-commit'] = env.GITHUB_SHA;
  if (env.GITHUB_RUN_ID && env.GITHUB_REPOSITORY)
    tags['github-run'] = `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
  return tags;
}

export interface AgentExtras {
  /** Arc endpoints of a custom environment (az passes them as overrides when ARM's metadata has dataplaneEndpoints). */
  endpoints?: ArcEndpoints;
  /** Custom locations: enabled with the Custom Locations RP's object id (az: when Microsoft.ExtendedLocation is registered). */
  customLocationsOid?: string;
}

/**
 * Endpoint overrides for clouds the agents cannot name (az connectedk8s `helm_install_release`: with ARM metadata
 * `dataplaneEndpoints` it sets azureResourceManagerEndpoint, config_dp_endpoint_override,
 * notification_dp_endpoint_override and activeDirectoryEndpoint). A custom `environment` JSON plays that metadata.
 */
function endpointOverrides(environment: AzureEnvironment, endpoints?: ArcEndpoints): Record<string, any> {
  if (!environment.custom || !endpoints) return {};
  return {
    azureResourceManagerEndpoint: environment.resourceManager,
    activeDirectoryEndpoint: environment.authorityHost,
    azureArcAgents: { config_dp_endpoint_override: endpoints.dataPlane },
    'clusterconnect-agent': { notification_dp_endpoint_override: endpoints.guestNotificationService },
  };
}

/** Helm values of the agents chart, with the same names az uses (`global.*`, `systemDefaultValues.*`). */
export function agentValues(
  inputs: Inputs,
  platform: { distribution: string; infrastructure: string },
  privateKey: string,
  noProxy: string,
  extras: AgentExtras = {},
): Record<string, any> {
  const { identity, cluster, proxy } = inputs;
  const proxied = !!(proxy.https || proxy.http);
  const overrides = endpointOverrides(identity.environment, extras.endpoints);
  return {
    global: {
      subscriptionId: identity.subscriptionId,
      resourceGroupName: cluster.resourceGroup,
      resourceName: cluster.clusterName,
      location: cluster.location,
      tenantId: identity.tenantId,
      kubernetesDistro: platform.distribution,
      kubernetesInfra: platform.infrastructure,
      azureEnvironment: agentCloudName(identity.environment),
      onboardingPrivateKey: privateKey,
      isProxyEnabled: proxied,
      httpsProxy: proxy.https ?? '',
      httpProxy: proxy.http ?? '',
      noProxy,
      proxyCert: proxy.cert ?? '',
      isCustomCert: !!proxy.cert,
    },
    systemDefaultValues: {
      spnOnboarding: false,
      ...overrides,
      'clusterconnect-agent': { enabled: true, ...overrides['clusterconnect-agent'] },
      azureArcAgents: { autoUpdate: inputs.autoUpgrade, ...overrides.azureArcAgents },
      ...(extras.customLocationsOid ? { customLocations: { enabled: true, oid: extras.customLocationsOid } } : {}),
    },
  };
}

const ownerOf = (config: Record<string, string>): string | undefined =>
  config.AZURE_SUBSCRIPTION_ID && config.AZURE_RESOURCE_GROUP && config.AZURE_RESOURCE_NAME
    ? armClusterId(config.AZURE_SUBSCRIPTION_ID, config.AZURE_RESOURCE_GROUP, config.AZURE_RESOURCE_NAME)
    : undefined;

const describeChange = (c: Change): string =>
  `${c.kind} ${c.resourceType} ${c.name}${c.fields.length ? ` (${c.fields.map((f) => f.path).join(', ')})` : ''}`;

/** The whole arc-connect story for one cluster: pre-flight, plan, (dry-run stop), apply, observe, report. */
export async function connectCluster(inputs: Inputs, deps: ConnectDeps = {}): Promise<ConnectResult> {
  const { identity, cluster, access, proxy } = inputs;
  const sub = identity.subscriptionId!;
  const id = armClusterId(sub, cluster.resourceGroup, cluster.clusterName);
  const env = deps.env ?? process.env;
  for (const value of [proxy.https, proxy.http]) if (value) maskUrlCredentials(value);
  if (access.kubeconfig) maskKubeconfig(access.kubeconfig);
  const arm =
    deps.arm ??
    new ArmClients(
      await createOidcCredential({
        tenantId: identity.tenantId,
        clientId: identity.clientId,
        audience: identity.audience,
        environment: identity.environment,
      }),
      identity.environment,
    );
  const checks: CheckRow[] = [];
  const changes: Change[] = [];
  const plan: Record<string, unknown> = { clusterId: id, dryRun: inputs.dryRun };
  let helm: Helm | undefined;
  const finish = (partial: Omit<ConnectResult, 'clusterId' | 'checks' | 'changes' | 'plan' | 'summary' | 'dryRun'>): ConnectResult => {
    const result = { clusterId: id, checks, changes, plan, dryRun: inputs.dryRun, ...partial, summary: '' };
    result.summary = redact(renderSummary(result));
    if (result.failure) result.failure = redact(result.failure);
    return result;
  };

  try {
    // ---- pre-flight: reads only ------------------------------------------------------------------------------
    let endpoints: ArcEndpoints | undefined = deps.endpoints;
    if (!endpoints) {
      try {
        endpoints = arcEndpoints(identity.environment, cluster.location, deps.rawEnvironment ?? process.env.INPUT_ENVIRONMENT);
      } catch (error) {
        checks.push({
          check: 'Arc endpoints',
          result: 'fail',
          detail: errorMessage(error),
          fix: 'add arcDataPlane and guestNotificationService to the environment JSON',
        });
      }
    }
    const kc: KubeConfig = await loadKubeConfig({ kubeconfig: access.kubeconfig, context: access.kubeContext });
    const monitoring = inputs.extensions.filter((e) => e.monitoring);
    const namespaces = [
      ...REQUIRED_PROVIDERS,
      ...(monitoring.length ? MONITORING_PROVIDERS : []),
      ...(monitoring.some((e) => !e.monitoring!.useAADAuth) ? ['Microsoft.OperationsManagement'] : []),
    ];
    const [providerStates, facts, armCluster, egress] = await Promise.all([
      readProviderStates(arm, sub, namespaces).catch((e: unknown) => e as Error),
      readClusterFacts(kc).catch((e: unknown) => e as Error),
      (async () => (await arm.connectedClusters(sub)).connectedClusterOperations.get(cluster.resourceGroup, cluster.clusterName))().catch(
        (e: { statusCode?: number }) => {
          if (e.statusCode === 404) return undefined;
          return e as Error;
        },
      ),
      endpoints ? egressRows(endpoints, cluster.location, proxy, deps.trust) : Promise.resolve({ rows: [], relays: [] }),
    ]);
    if (providerStates instanceof Error)
      checks.push({
        check: 'resource providers',
        result: 'fail',
        detail: `could not be read: ${errorMessage(providerStates)}`,
        fix: 'give the identity Reader on the subscription',
      });
    else checks.push(...providerRows(providerStates, inputs.registerProviders));
    if (armCluster instanceof Error) throw armCluster;
    if (facts instanceof Error) {
      checks.push({
        check: 'cluster reachable',
        result: 'fail',
        detail: `${kc.getCurrentCluster()?.server} did not answer /version: ${errorMessage(facts).split('\n')[0]}`,
        fix: 'run the job on a runner that can reach the API server, and check the kubeconfig',
      });
    } else {
      checks.push(...clusterRows(facts, proxy));
      const owner = facts.agentConfig ? ownerOf(facts.agentConfig) : undefined;
      if (facts.agentConfig && owner && owner.toLowerCase() !== id.toLowerCase()) {
        checks.push({
          check: 'existing Arc agents',
          result: 'fail',
          detail: `the cluster already runs Arc agents connected to ${owner}`,
          fix: `disconnect it first (az connectedk8s delete --ids ${owner}) or use cluster-name ${facts.agentConfig.AZURE_RESOURCE_NAME} and resource-group ${facts.agentConfig.AZURE_RESOURCE_GROUP}`,
        });
      } else if (!facts.agentConfig && armCluster && armCluster.lastConnectivityTime) {
        checks.push({
          check: 'existing Arc agents',
          result: 'fail',
          detail: `${id} exists and was connected (last at ${armCluster.lastConnectivityTime.toISOString()}) but this cluster runs no Arc agents: the resource belongs to a different Kubernetes cluster`,
          fix: 'choose another cluster-name, or delete the resource if that cluster is gone',
        });
      } else {
        checks.push({
          check: 'existing Arc agents',
          result: 'pass',
          detail: facts.agentConfig ? `already connected to ${id}` : 'none (new onboarding)',
        });
      }
    }
    checks.push(...egress.rows);
    checks.push(await helmClientCheck(deps.helmBinary));
    // Custom locations (az connectedk8s check_cl_registration_and_get_oid): enabled when Microsoft.ExtendedLocation
    // is registered (or registered by this run) and the Custom Locations RP's object id is known. az looks the id up in
    // Microsoft Graph; here it is an input, because a CI identity usually may not read service principals.
    const extendedLocation =
      !(providerStates instanceof Error) && (providerStates['Microsoft.ExtendedLocation'] === 'Registered' || inputs.registerProviders);
    const customLocationsOid = extendedLocation ? inputs.customLocationsOid : undefined;
    if (extendedLocation && !inputs.customLocationsOid)
      checks.push({
        check: 'custom locations',
        result: 'warn',
        detail: 'not enabled: the object id of the Custom Locations RP service principal is not known',
        fix: 'set custom-locations-oid to the output of: az ad sp show --id bc313c14-388c-4e7d-a58e-70017303ee3b --query id -o tsv',
      });
    const blocking = failed(checks);
    if (blocking.length) {
      return finish({
        result: 'failed',
        failure: `arc-connect stopped before any change: ${blocking.map((r) => `${r.check}: ${r.detail}${r.fix ? ` — fix: ${r.fix}` : ''}`).join('; ')}.`,
      });
    }
    const f = facts as ClusterFacts;

    // ---- plan ------------------------------------------------------------------------------------------------
    const states = providerStates as Record<string, string>;
    const toRegister = Object.entries(states)
      .filter(([, s]) => s !== 'Registered')
      .map(([ns]) => ns);
    for (const ns of toRegister)
      changes.push({
        kind: 'update',
        resourceType: 'provider',
        resourceId: `/subscriptions/${sub}/providers/${ns}`,
        name: ns,
        fields: [{ path: 'registrationState', before: states[ns], after: 'Registered' }],
      });

    const resources = await arm.resources(sub);
    const rgExists = await resources.resourceGroups.get(cluster.resourceGroup).then(
      () => true,
      (e: { statusCode?: number }) => (e.statusCode === 404 ? false : Promise.reject(e)),
    );
    if (!rgExists) {
      if (!inputs.createResourceGroup)
        throw new Error(
          `The resource group ${cluster.resourceGroup} does not exist and "create-resource-group" is false; create it or set create-resource-group: true.`,
        );
      changes.push({
        kind: 'create',
        resourceType: 'resourceGroup',
        resourceId: `/subscriptions/${sub}/resourceGroups/${cluster.resourceGroup}`,
        name: cluster.resourceGroup,
        fields: [{ path: 'location', before: undefined, after: cluster.location }],
      });
    }

    const detected = detectPlatform(f);
    const platform = {
      distribution: cluster.distribution ?? detected.distribution,
      infrastructure: cluster.infrastructure ?? detected.infrastructure,
    };
    const agentsOurs = !!f.agentConfig;
    const reonboard = !armCluster || !agentsOurs;
    const extensions = inputs.extensions as ExtensionWithSecrets[];
    const actualTags = armCluster?.tags ?? {};
    const extensionContext: ExtensionContext = {
      arm,
      installer: new ExtensionInstaller(arm, new RetryBudget(20), {
        timeoutMs: inputs.onboardingTimeoutMs,
        pollMs: deps.pollMs,
      }),
      environment: identity.environment,
      cluster: {
        subscriptionId: sub,
        resourceGroup: cluster.resourceGroup,
        name: cluster.clusterName,
        type: 'connectedClusters',
        location: cluster.location,
        id,
      },
      clusterTags: actualTags,
    };
    const plannedExtensions = await planExtensions(extensionContext, extensions);
    const desiredTags = { ...cluster.tags, ...fingerprintTags(id, plannedExtensions) };
    const tagFields = Object.entries(desiredTags)
      .filter(([k, v]) => actualTags[k] !== v)
      .map(([k, v]) => ({ path: `tags.${k}`, before: actualTags[k], after: v }));
    const clusterChange: Change = !armCluster
      ? {
          kind: 'create',
          resourceType: 'connectedCluster',
          resourceId: id,
          name: cluster.clusterName,
          fields: [
            { path: 'distribution', before: undefined, after: platform.distribution },
            { path: 'infrastructure', before: undefined, after: platform.infrastructure },
            ...tagFields,
          ],
        }
      : reonboard
        ? {
            kind: 'update',
            resourceType: 'connectedCluster',
            resourceId: id,
            name: cluster.clusterName,
            fields: [{ path: 'agentPublicKeyCertificate', before: '(never used)', after: '(new key)' }, ...tagFields],
          }
        : {
            kind: tagFields.length ? 'update' : 'unchanged',
            resourceType: 'connectedCluster',
            resourceId: id,
            name: cluster.clusterName,
            fields: tagFields,
          };
    if (
      cluster.distribution &&
      armCluster?.distribution &&
      armCluster.distribution !== cluster.distribution &&
      clusterChange.kind !== 'create'
    ) {
      clusterChange.kind = 'update';
      clusterChange.fields.push({ path: 'distribution', before: armCluster.distribution, after: cluster.distribution });
    }
    changes.push(clusterChange);

    // helm: compare the release's values with the desired ones (reusing the installed key, as az re-uses it). The
    // release is looked for in every namespace, as az does (older onboardings installed it elsewhere).
    const noProxy = proxy.skipRange.join(',');
    helm = await Helm.create({
      binary: deps.helmBinary,
      kubeconfig: access.kubeconfig,
      kubeContext: access.kubeContext,
      trust: [...(deps.trust ?? []), ...(proxy.cert ? [proxy.cert] : [])],
    });
    const release = await helm.findRelease();
    if (release && !f.agentConfig)
      throw new Error(
        `The helm release azure-arc is present in namespace ${release.namespace} but the azure-arc namespace or its azure-clusterconfig ConfigMap is missing; run helm delete azure-arc --namespace ${release.namespace} --no-hooks and connect again.`,
      );
    const releaseNamespace = release?.namespace ?? RELEASE_NAMESPACE;
    const installed = agentsOurs && release ? await helm.getValues(release.namespace) : undefined;
    const installedKey =
      typeof installed?.global?.onboardingPrivateKey === 'string' ? (installed.global.onboardingPrivateKey as string) : undefined;
    const keys = reonboard || !installedKey ? generateAgentKeys() : undefined;
    const values = agentValues(inputs, platform, keys?.privateKey ?? installedKey!, noProxy, {
      endpoints: identity.environment.custom ? endpoints : undefined,
      customLocationsOid,
    });
    const helmFields = installed ? diffValues(installed, values) : [{ path: 'release', before: undefined, after: 'azure-arc' }];
    const helmChange: Change = {
      kind: !installed ? 'create' : helmFields.length ? 'update' : 'unchanged',
      resourceType: 'helmRelease',
      resourceId: `${releaseNamespace}/azure-arc`,
      name: 'azure-arc (Arc agents)',
      fields: helmFields,
    };
    changes.push(helmChange);

    const plannedRoles = await planRoles(arm, sub, id, inputs.roleAssignments, !!armCluster);
    changes.push(...plannedExtensions.flatMap((e) => [...(e.monitoring?.changes ?? []), e.change]), ...plannedRoles.map((r) => r.change));
    Object.assign(plan, {
      platform,
      changes: changes.map((c) => ({
        kind: c.kind,
        resourceType: c.resourceType,
        resourceId: c.resourceId,
        name: c.name,
        fields: c.fields.map((x) => ({ path: x.path, before: safe(x.before), after: safe(x.after) })),
      })),
    });
    log.info(
      `Plan for ${id}: ${
        changes
          .filter((c) => c.kind !== 'unchanged')
          .map(describeChange)
          .join('; ') || 'nothing to change'
      }.`,
    );
    if (inputs.dryRun) {
      return finish({
        result: changes.some((c) => c.kind !== 'unchanged') ? (clusterChange.kind === 'create' ? 'created' : 'updated') : 'unchanged',
        connectivityStatus: armCluster?.connectivityStatus,
        agentVersion: armCluster?.agentVersion,
      });
    }

    // ---- apply -----------------------------------------------------------------------------------------------
    const done = (c: Change) => (c.applied = true);
    try {
      if (toRegister.length) {
        await registerProviders(arm, sub, states, deps.registrationTimeoutMs ?? 5 * 60_000);
        changes.filter((c) => c.resourceType === 'provider').forEach(done);
      }
      if (!rgExists) {
        await resources.resourceGroups.createOrUpdate(cluster.resourceGroup, { location: cluster.location, tags: provenance(env) });
        changes.filter((c) => c.resourceType === 'resourceGroup').forEach(done);
      }
      const hybrid = await arm.connectedClusters(sub);
      const tags = { ...actualTags, ...desiredTags, ...provenance(env) };
      if (reonboard) {
        await hybrid.connectedClusterOperations.beginCreateAndWait(cluster.resourceGroup, cluster.clusterName, {
          location: cluster.location,
          identity: { type: 'SystemAssigned' },
          tags,
          agentPublicKeyCertificate: keys!.publicKey,
          distribution: platform.distribution,
          infrastructure: platform.infrastructure,
        });
        done(clusterChange);
      } else if (clusterChange.kind === 'update') {
        await hybrid.connectedClusterOperations.update(cluster.resourceGroup, cluster.clusterName, {
          tags,
          ...(clusterChange.fields.some((x) => x.path === 'distribution') ? { properties: { distribution: cluster.distribution } } : {}),
        });
        done(clusterChange);
      }
      if (helmChange.kind !== 'unchanged') {
        const chart = await latestChart(arm, `${identity.environment.activeDirectoryResourceId}.default`, endpoints!, helm);
        await helm.installAgents(chart, values, Math.ceil(inputs.onboardingTimeoutMs / 1000), releaseNamespace);
        done(helmChange);
      }
      // ---- observe ---------------------------------------------------------------------------------------------
      let status = armCluster?.connectivityStatus;
      let agentVersion = armCluster?.agentVersion;
      if (reonboard || helmChange.kind !== 'unchanged' || status !== 'Connected') {
        const waited = await waitFor(
          async () => {
            const c = await hybrid.connectedClusterOperations.get(cluster.resourceGroup, cluster.clusterName);
            status = c.connectivityStatus;
            agentVersion = c.agentVersion;
            return status === 'Connected' ? c : undefined;
          },
          { timeoutMs: inputs.onboardingTimeoutMs, initialMs: deps.pollMs?.initial ?? 2000, maxMs: deps.pollMs?.max ?? 15_000 },
        );
        if (!waited.value) {
          const cause = await diagnoseAgents(kc).catch((e: unknown) => `the agent pods could not be read (${errorMessage(e)})`);
          throw new Error(
            `${id} did not reach connectivity status Connected within ${Math.round(inputs.onboardingTimeoutMs / 1000)} s (status ${status ?? 'unknown'}). ${cause}`,
          );
        }
      }
      for (const e of plannedExtensions) await applyExtension(extensionContext, e);
      // Protected settings that only became known during apply (a workspace created by this run): their fingerprint.
      const written = { ...tags };
      const fingerprints = fingerprintTags(id, plannedExtensions);
      if (Object.entries(fingerprints).some(([k, v]) => written[k] !== v))
        await hybrid.connectedClusterOperations.update(cluster.resourceGroup, cluster.clusterName, {
          tags: { ...written, ...fingerprints },
        });
      for (const r of plannedRoles) {
        if (r.change.kind === 'unchanged') continue;
        await applyRole(arm, sub, id, r);
        done(r.change);
      }
      const result = clusterChange.kind === 'create' ? 'created' : changes.some((c) => c.kind !== 'unchanged') ? 'updated' : 'unchanged';
      return finish({ result, connectivityStatus: status, agentVersion });
    } catch (error) {
      const applied = changes.filter((c) => c.applied);
      return finish({
        result: 'failed',
        failure: `${errorMessage(error)} Changed before the failure: ${applied.length ? applied.map(describeChange).join('; ') : 'nothing'}.`,
      });
    }
  } finally {
    await helm?.dispose();
  }
}

/** Only the values we set are compared; the private key is compared but never shown. */
function diffValues(installed: Record<string, any>, desired: Record<string, any>): { path: string; before: unknown; after: unknown }[] {
  const out: { path: string; before: unknown; after: unknown }[] = [];
  const walk = (a: any, d: any, prefix: string) => {
    if (d && typeof d === 'object' && !Array.isArray(d)) {
      for (const k of Object.keys(d)) walk(a?.[k], d[k], prefix ? `${prefix}.${k}` : k);
      return;
    }
    if (stableStringify(a ?? '') === stableStringify(d ?? '')) return;
    const secret = /privatekey|proxycert|proxy$/i.test(prefix);
    out.push({ path: prefix, before: secret ? '(set)' : a, after: secret ? '(new value)' : d });
  };
  walk(installed, desired, '');
  return out;
}

const safe = (v: unknown): unknown => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 40)}…` : v);

/**
 * POST {dataPlane}/azure-arc-k8sagents/GetLatestHelmPackagePath as az does (_utils.py `get_helm_registry`: a token
 * for the cloud's active_directory_resource_id, releaseTrain from RELEASETRAIN or stable, up to 5 tries), then the
 * chart from the registry path it answers (`Helm.fetchChart`: the /v2/ path, the minimum version).
 */
async function latestChart(arm: ArmClients, scope: string, endpoints: ArcEndpoints, helm: Helm): Promise<string> {
  const token = await arm.credential.getToken(scope);
  if (!token) throw new Error(`No token for ${scope} (the Arc config data plane's audience).`);
  const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${token.token}` };
  const url = `${endpoints.dataPlane}/azure-arc-k8sagents/GetLatestHelmPackagePath?api-version=2019-11-01-preview&releaseTrain=${encodeURIComponent(process.env.RELEASETRAIN || 'stable')}`;
  let answer: Response | undefined;
  for (let attempt = 1; attempt <= 5; attempt++) {
    answer = await fetch(url, { method: 'POST', headers, body: '{}' }).catch(() => undefined);
    if (answer?.ok || (answer && answer.status < 500 && answer.status !== 429)) break;
    await new Promise((r) => setTimeout(r, 1000 * attempt));
  }
  if (!answer?.ok) {
    const detail = answer ? `HTTP ${answer.status}: ${(await answer.text().catch(() => '')).slice(0, 300)}` : 'no answer';
    throw new Error(`GetLatestHelmPackagePath at ${endpoints.dataPlane} failed (${detail}).`);
  }
  const body = (await answer.json()) as { repositoryPath?: string };
  if (!body.repositoryPath) throw new Error('GetLatestHelmPackagePath answered without a repositoryPath.');
  return helm.fetchChart(body.repositoryPath);
}

const ICON: Record<string, string> = { pass: '✅', fail: '❌', warn: '⚠️', skipped: '⏭️' };

export function renderSummary(r: Omit<ConnectResult, 'summary'>): string {
  const parts = [`## arc-connect: ${r.clusterId.split('/').pop()} — ${r.result}${r.dryRun ? ' (dry run)' : ''}`, ''];
  if (r.failure) parts.push(`> ${r.failure}`, '');
  parts.push(
    '### Pre-flight',
    '',
    table(
      ['Check', 'Result', 'Detail', 'How to fix'],
      r.checks.map((c) => [c.check, `${ICON[c.result]} ${c.result}`, c.detail, c.fix ?? '']),
    ),
  );
  if (r.changes.length) {
    parts.push(
      '### Changes',
      '',
      table(
        ['Resource', 'Name', 'Plan', 'Applied', 'Fields'],
        r.changes.map((c) => [
          c.resourceType,
          c.name,
          c.kind,
          c.kind === 'unchanged' ? '—' : c.applied ? 'yes' : r.dryRun ? 'dry run' : 'no',
          c.fields.map((x) => x.path).join(', '),
        ]),
      ),
    );
  }
  if (r.connectivityStatus)
    parts.push(`Connectivity: **${r.connectivityStatus}**${r.agentVersion ? `, agents ${r.agentVersion}` : ''}.`, '');
  parts.push(details('Plan (JSON)', '```json\n' + JSON.stringify(r.plan, null, 2) + '\n```'));
  return parts.join('\n');
}

export { PROVENANCE, code };
