import type { SandboxContext } from '../context.js';
import type { ArmResource } from '../state/types.js';
import { bodyObject, json, mergePatch, nowIso, page, systemData, type ArmCall, type ArmRoute } from './common.js';
import { ArmError, errors } from './errors.js';
import { fluxCreate, fluxPatch, FLUX_TYPE } from './flux.js';

export const EXTENSION_TYPE = 'Microsoft.KubernetesConfiguration/extensions';
const KC = 'providers/microsoft\\.kubernetesconfiguration';
const PARENT = '(\\/subscriptions\\/[^/]+\\/resourcegroups\\/[^/]+\\/providers\\/[^/]+\\/[^/]+\\/[^/]+)';

const VERSIONS: Record<string, { version: string; namespace: string }> = {
  'microsoft.flux': { version: '1.15.1', namespace: 'flux-system' },
  'microsoft.policyinsights': { version: '1.10.0', namespace: 'kube-system' },
  'microsoft.azuredefender.kubernetes': { version: '0.7.3', namespace: 'mdc' },
  'microsoft.azuremonitor.containers': { version: '3.1.26', namespace: 'azuremonitor-containers' },
};

export function extensionStatuses(type: string) {
  return [
    {
      code: 'InstallationSucceeded',
      displayStatus: null,
      level: 'Information',
      message: `Extension ${type} installed successfully.`,
      time: nowIso(),
    },
  ];
}

function parentCluster(call: ArmCall, parentId: string): ArmResource {
  const parent = call.ctx.store.get(parentId);
  if (!parent) throw errors.resourceNotFound(parentId);
  return parent;
}

function extensionBody(call: ArmCall, id: string, name: string, body: Record<string, any>, existing?: ArmResource): ArmResource {
  const p = body.properties ?? {};
  const type = String(p.extensionType ?? existing?.properties?.extensionType ?? '');
  if (!type)
    throw new ArmError(
      400,
      'InvalidRequestContent',
      "The request content was invalid: 'properties.extensionType' is required.",
      'properties.extensionType',
    );
  const known = VERSIONS[type.toLowerCase()] ?? { version: '1.0.0', namespace: name };
  const autoUpgrade = p.autoUpgradeMinorVersion ?? existing?.properties?.autoUpgradeMinorVersion ?? true;
  if (p.version && autoUpgrade) {
    throw new ArmError(
      400,
      'InvalidRequestContent',
      "The request content was invalid: 'version' can only be set when 'autoUpgradeMinorVersion' is false.",
      'properties.version',
    );
  }
  return {
    id,
    name,
    type: EXTENSION_TYPE,
    ...(body.identity ? { identity: { ...body.identity, principalId: crypto.randomUUID(), tenantId: call.ctx.identity.tenantId } } : {}),
    ...(body.plan ? { plan: body.plan } : {}),
    systemData: systemData(call.principal, existing?.systemData as Record<string, unknown>),
    properties: {
      extensionType: type,
      autoUpgradeMinorVersion: autoUpgrade,
      releaseTrain: p.releaseTrain ?? existing?.properties?.releaseTrain ?? 'Stable',
      ...(p.version || !autoUpgrade ? { version: p.version ?? known.version } : {}),
      autoUpgradeMode: p.autoUpgradeMode ?? existing?.properties?.autoUpgradeMode ?? 'compatible',
      scope: p.scope ?? existing?.properties?.scope ?? { cluster: { releaseNamespace: known.namespace } },
      configurationSettings: p.configurationSettings ?? existing?.properties?.configurationSettings ?? {},
      currentVersion: p.version ?? existing?.properties?.currentVersion ?? known.version,
      statuses: existing?.properties?.statuses ?? [],
      provisioningState: existing ? 'Updating' : 'Creating',
      errorInfo: null,
      customLocationSettings: null,
      packageUri: null,
      aksAssignedIdentity: null,
      isSystemExtension: false,
    },
  };
}

function keepSecrets(ctx: SandboxContext, id: string, secrets: unknown, merge = false): void {
  if (!secrets || typeof secrets !== 'object') return;
  const previous = merge ? ctx.store.secrets.get(id.toLowerCase()) : undefined;
  ctx.store.secrets.set(id.toLowerCase(), mergePatch(previous ?? {}, secrets));
}

/** Starts the operation that takes an extension or flux configuration to its terminal provisioning state. */
function startOperation(call: ArmCall, id: string, deleting: boolean) {
  const { store, lro } = call.ctx;
  const current = store.get(id);
  const injected =
    !deleting && current?.type === EXTENSION_TYPE
      ? call.ctx.knobs().extensionErrors[String(current.properties?.extensionType).toLowerCase()]
      : undefined;
  const op = lro.start({
    resourceId: id,
    fail: injected,
    finish: (failed) => {
      const r = store.get(id);
      if (!r) return;
      if (deleting && !failed) return void store.delete(id);
      const props: Record<string, unknown> = { ...r.properties, provisioningState: failed ? 'Failed' : 'Succeeded' };
      if (failed)
        props[r.type === FLUX_TYPE ? 'errorMessage' : 'errorInfo'] =
          r.type === FLUX_TYPE
            ? 'Operation failed (failure injected by the sandbox).'
            : (injected ?? {
                code: 'ExtensionOperationFailed',
                message: 'The extension operation failed (failure injected by the sandbox).',
              });
      if (failed && injected)
        props.statuses = [{ code: injected.code, displayStatus: null, level: 'Error', message: injected.message, time: nowIso() }];
      const emulate =
        call.ctx.knobs().emulateAgents &&
        !store.realClusters.has(id.toLowerCase().split('/providers/microsoft.kubernetesconfiguration/')[0]);
      if (!failed && emulate)
        Object.assign(
          props,
          r.type === FLUX_TYPE ? emulatedFluxStatus(r) : { statuses: extensionStatuses(String(r.properties?.extensionType)) },
        );
      store.put({ ...r, properties: props }, 'patch');
    },
  });
  const asyncOperation = `${call.ctx.url}${id}/operations/${op.id}?api-version=${call.apiVersion}`;
  return {
    op,
    headers: {
      'Azure-AsyncOperation': asyncOperation,
      'Operation-Location': asyncOperation,
      'x-ms-async-operation-timeout': deleting ? 'PT1H' : 'PT48H',
      'Retry-After': lro.retryAfter(op),
    },
  };
}

/** The status Flux reports once it has applied a configuration (used by agent emulation). */
export function emulatedFluxStatus(flux: ArmResource): Record<string, unknown> {
  const p = flux.properties ?? {};
  const now = nowIso();
  const ready = (kind: string, name: string) => ({
    name,
    namespace: p.namespace ?? 'default',
    kind,
    complianceState: 'Compliant',
    appliedBy: null,
    statusConditions: [
      {
        lastTransitionTime: now,
        message: 'Applied revision: main@sha1:0123456789abcdef',
        reason: 'ReconciliationSucceeded',
        status: 'True',
        type: 'Ready',
      },
    ],
    helmReleaseProperties: null,
  });
  return {
    complianceState: p.suspend ? 'Suspended' : 'Compliant',
    statuses: [
      ready('GitRepository', flux.name),
      ...Object.keys(p.kustomizations ?? {}).map((k) => ready('Kustomization', `${flux.name}-${k}`)),
    ],
    sourceSyncedCommitId: 'main@sha1:0123456789abcdef0123456789abcdef01234567',
    sourceUpdatedAt: now,
    statusUpdatedAt: now,
  };
}

/** Microsoft.KubernetesConfiguration extensions and fluxConfigurations under a cluster, with their operation status resources. */
export const clusterConfigurationRoutes: ArmRoute[] = [
  {
    pattern: new RegExp(`^${PARENT}\\/${KC}\\/(extensions|fluxconfigurations)\\/([^/]+)\\/operations\\/([^/]+)$`, 'i'),
    methods: ['GET'],
    handle: (call) => {
      const [, parent, kind, name, opId] = call.m;
      const op = call.ctx.lro.advance(opId);
      if (!op) throw errors.resourceNotFound(`${parent}/providers/Microsoft.KubernetesConfiguration/${kind}/${name}/operations/${opId}`);
      return json(200, {
        id: `${op.resourceId}/operations/${op.id}`,
        name: op.id,
        status: op.status,
        properties: {},
        error: op.error ?? null,
      });
    },
  },
  {
    pattern: new RegExp(`^${PARENT}\\/${KC}\\/(extensions|fluxconfigurations)$`, 'i'),
    methods: ['GET'],
    handle: (call) => {
      parentCluster(call, call.m[1]);
      const type = call.m[2].toLowerCase() === 'extensions' ? EXTENSION_TYPE : FLUX_TYPE;
      return page(
        call,
        call.ctx.store.children(call.m[1], type).map((r) => (call.ctx.lro.settle(r.id), r)),
      );
    },
  },
  {
    pattern: new RegExp(`^${PARENT}\\/${KC}\\/(extensions|fluxconfigurations)\\/([^/]+)$`, 'i'),
    methods: ['GET', 'PUT', 'PATCH', 'DELETE'],
    handle: (call) => {
      const [, parentPath, kind, name] = call.m;
      const { store, lro } = call.ctx;
      const parent = parentCluster(call, parentPath);
      const isFlux = kind.toLowerCase() === 'fluxconfigurations';
      const type = isFlux ? FLUX_TYPE : EXTENSION_TYPE;
      const id = `${parent.id}/providers/${type}/${name}`;
      lro.settle(id);
      const existing = store.get(id);
      if (call.req.method === 'GET') {
        if (!existing) throw errors.resourceNotFound(id);
        return json(200, existing);
      }
      if (call.req.method === 'DELETE') {
        if (!existing) return json(204);
        store.put({ ...existing, properties: { ...existing.properties, provisioningState: 'Deleting' } }, 'patch');
        return json(202, undefined, startOperation(call, existing.id, true).headers);
      }
      const body = bodyObject(call.req);
      if (call.req.method === 'PATCH' && !existing) throw errors.resourceNotFound(id);
      const protectedSettings = body.properties?.configurationProtectedSettings;
      let resource: ArmResource;
      if (isFlux) {
        resource = call.req.method === 'PUT' ? fluxCreate(call, parent, id, name, body, existing) : fluxPatch(call, existing!, body);
      } else if (call.req.method === 'PUT') {
        resource = extensionBody(call, existing?.id ?? id, existing?.name ?? name, body, existing);
      } else {
        const p = body.properties ?? {};
        const allowed = Object.fromEntries(
          Object.entries(p).filter(([k]) =>
            ['autoUpgradeMinorVersion', 'releaseTrain', 'version', 'configurationSettings', 'autoUpgradeMode'].includes(k),
          ),
        );
        resource = {
          ...existing!,
          systemData: systemData(call.principal, existing!.systemData as Record<string, unknown>),
          properties: { ...mergePatch(existing!.properties, allowed), provisioningState: 'Updating' },
        };
      }
      keepSecrets(call.ctx, resource.id, protectedSettings, call.req.method === 'PATCH');
      store.put(resource, call.req.method === 'PUT' ? 'put' : 'patch');
      const { headers } = startOperation(call, resource.id, false);
      return json(call.req.method === 'PATCH' ? 202 : existing ? 200 : 201, resource, headers);
    },
  },
];
