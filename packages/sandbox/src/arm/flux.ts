import type { ArmResource } from '../state/types.js';
import { mergePatch, systemData, type ArmCall } from './common.js';
import { ArmError } from './errors.js';

export const FLUX_TYPE = 'Microsoft.KubernetesConfiguration/fluxConfigurations';

const SOURCE_BLOCKS: Record<string, string> = {
  gitrepository: 'gitRepository',
  bucket: 'bucket',
  azureblob: 'azureBlob',
  ocirepository: 'ociRepository',
};

/**
 * A kustomization as the service returns it: the spec's defaults filled in (fluxconfiguration.json
 * KustomizationDefinition: path "", timeoutInSeconds 600, syncIntervalInSeconds 600, prune false, force false, wait
 * true). `retryIntervalInSeconds` has no default in the spec and the examples omit it when it was not sent; the
 * service is reported to fill it in (undocumented). The stand-in fills it with the sync interval, which is what Flux
 * itself uses for an unset retryInterval (fluxcd kustomize-controller docs, "Retry interval"), so that clients meet a
 * server-side default they did not send.
 */
function kustomization(name: string, k: Record<string, any>) {
  const syncIntervalInSeconds = k.syncIntervalInSeconds ?? 600;
  return {
    name,
    path: k.path ?? '',
    dependsOn: k.dependsOn ?? [],
    timeoutInSeconds: k.timeoutInSeconds ?? 600,
    syncIntervalInSeconds,
    retryIntervalInSeconds: k.retryIntervalInSeconds ?? syncIntervalInSeconds,
    prune: k.prune ?? false,
    force: k.force ?? false,
    wait: k.wait ?? true,
    postBuild: k.postBuild ?? null,
  };
}

function normalize(props: Record<string, any>): Record<string, any> {
  const sourceKind = props.sourceKind ?? 'GitRepository';
  const block = SOURCE_BLOCKS[String(sourceKind).toLowerCase()];
  if (!block)
    throw new ArmError(
      400,
      'InvalidRequestContent',
      `The source kind '${sourceKind}' is not supported; use GitRepository, Bucket, AzureBlob or OCIRepository.`,
      'properties.sourceKind',
    );
  if (!props[block])
    throw new ArmError(
      400,
      'InvalidRequestContent',
      `Invalid source kind match: sourceKind '${sourceKind}' requires the '${block}' property.`,
      `properties.${block}`,
    );
  const source = { timeoutInSeconds: 600, syncIntervalInSeconds: 600, ...props[block] };
  if (block === 'gitRepository' && !/^(https?|ssh):\/\//i.test(String(source.url ?? ''))) {
    throw new ArmError(
      400,
      'InvalidRequestContent',
      `The gitRepository url '${source.url ?? ''}' is invalid: it must start with http://, https:// or ssh://.`,
      'properties.gitRepository.url',
    );
  }
  const kustomizations = Object.fromEntries(
    Object.entries(props.kustomizations ?? {})
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, kustomization(k, v as Record<string, any>)]),
  );
  const names = new Set(Object.keys(kustomizations));
  for (const k of Object.values(kustomizations)) {
    for (const dep of k.dependsOn)
      if (!names.has(dep))
        throw new ArmError(
          400,
          'InvalidRequestContent',
          `The kustomization '${k.name}' depends on '${dep}', which is not defined in this configuration.`,
          'properties.kustomizations',
        );
  }
  const out: Record<string, any> = {
    scope: props.scope ?? 'cluster',
    namespace: props.namespace ?? 'default',
    sourceKind,
    suspend: props.suspend ?? false,
    [block]: source,
    kustomizations,
    configurationProtectedSettings: {},
    reconciliationWaitDuration: props.reconciliationWaitDuration ?? null,
    waitForReconciliation: props.waitForReconciliation ?? null,
  };
  for (const other of Object.values(SOURCE_BLOCKS)) if (other !== block) out[other] = null;
  return out;
}

const READ_ONLY = {
  statuses: [],
  errorMessage: '',
  repositoryPublicKey: '',
  sourceSyncedCommitId: null,
  sourceUpdatedAt: null,
  statusUpdatedAt: null,
};

function requireFluxExtension(call: ArmCall, parent: ArmResource): void {
  const installed = call.ctx.store
    .children(parent.id, 'Microsoft.KubernetesConfiguration/extensions')
    .some((e) => String(e.properties?.extensionType).toLowerCase() === 'microsoft.flux' && e.properties?.provisioningState !== 'Deleting');
  if (!installed) {
    throw new ArmError(
      400,
      'ExtensionNotFound',
      `The 'microsoft.flux' extension is not installed on cluster '${parent.name}'; install it before creating Flux configurations.`,
    );
  }
}

export function fluxCreate(
  call: ArmCall,
  parent: ArmResource,
  id: string,
  name: string,
  body: Record<string, any>,
  existing?: ArmResource,
): ArmResource {
  requireFluxExtension(call, parent);
  const props = normalize(body.properties ?? {});
  if (existing && (existing.properties?.scope !== props.scope || existing.properties?.namespace !== props.namespace)) {
    throw new ArmError(
      400,
      'InvalidRequestContent',
      `The scope and namespace of Flux configuration '${name}' cannot change after creation.`,
      'properties.namespace',
    );
  }
  return {
    id: existing?.id ?? id,
    name: existing?.name ?? name,
    type: FLUX_TYPE,
    systemData: systemData(call.principal, existing?.systemData as Record<string, unknown>),
    properties: {
      ...READ_ONLY,
      ...props,
      complianceState: existing ? (existing.properties?.complianceState ?? 'Pending') : 'Pending',
      provisioningState: existing ? 'Updating' : 'Creating',
    },
  };
}

/** PATCH semantics: present keys merge, a kustomization set to null is removed. */
export function fluxPatch(call: ArmCall, existing: ArmResource, body: Record<string, any>): ArmResource {
  const patch = { ...(body.properties ?? {}) };
  delete patch.configurationProtectedSettings;
  const merged = mergePatch(existing.properties, patch);
  const props = normalize(merged);
  return {
    ...existing,
    systemData: systemData(call.principal, existing.systemData as Record<string, unknown>),
    properties: { ...READ_ONLY, ...existing.properties, ...props, provisioningState: 'Updating' },
  };
}
