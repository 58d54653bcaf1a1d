import { maskSecret, stableStringify, type Change, type FieldChange } from '@arc-actions/core';
import { ifExists } from './arm-errors.js';
import type { ArmClients } from './clients.js';
import type { AzureEnvironment } from './environment.js';
import type { DesiredExtension } from './extensions.js';

/**
 * Container Insights on an Arc-connected cluster, the way az's ContainerInsights extension provider does it
 * (azure-cli-extensions, src/k8s-extension/azext_k8s_extension/partner_extensions/ContainerInsights.py):
 *
 * 1. the Log Analytics workspace: the one given, or az's default `DefaultWorkspace-<subscription>-<region code>` in
 *    `DefaultResourceGroup-<region code>`, created in the region az maps the cluster's region to;
 * 2. with managed-identity authentication (az's default, `amalogs.useAADAuth: "true"`): the data collection rule
 *    `MSCI-<workspace region>-<cluster>` (at most 64 characters) in the cluster's resource group and its association
 *    `ContainerInsightsExtension` with the cluster; with the legacy shared key: the ContainerInsights solution;
 * 3. the extension `azuremonitor-containers` (name and release namespace), with the settings az sets:
 *    `logAnalyticsWorkspaceResourceID`, `amalogs.useAADAuth`, `amalogs.domain`/`omsagent.domain` in sovereign clouds,
 *    and the protected settings `amalogs.secret.wsid`/`omsagent.secret.wsid` (the workspace's customer id) and
 *    `amalogs.secret.key`/`omsagent.secret.key` (`<not_used>` with managed identity, else the primary shared key).
 */

export const CONTAINER_INSIGHTS = {
  extensionType: 'Microsoft.AzureMonitor.Containers',
  name: 'azuremonitor-containers',
  releaseNamespace: 'azuremonitor-containers',
  association: 'ContainerInsightsExtension',
  stream: 'Microsoft-ContainerInsights-Group-Default',
  destination: 'la-workspace',
  solutionApiVersion: '2015-11-01-preview',
} as const;

// az's region maps (ContainerInsights.py `_ensure_default_log_analytics_workspace_for_monitoring`): where the default
// workspace goes for a cluster region, and the region code in its name.
const PUBLIC_REGION: Record<string, string> = {
  australiacentral: 'australiacentral',
  australiacentral2: 'australiacentral',
  australiaeast: 'australiaeast',
  australiasoutheast: 'australiasoutheast',
  brazilsouth: 'southcentralus',
  canadacentral: 'canadacentral',
  canadaeast: 'canadacentral',
  centralus: 'centralus',
  centralindia: 'centralindia',
  eastasia: 'eastasia',
  eastus: 'eastus',
  eastus2: 'eastus2',
  francecentral: 'francecentral',
  francesouth: 'francecentral',
  japaneast: 'japaneast',
  japanwest: 'japaneast',
  koreacentral: 'koreacentral',
  koreasouth: 'koreacentral',
  northcentralus: 'eastus',
  northeurope: 'northeurope',
  southafricanorth: 'westeurope',
  southafricawest: 'westeurope',
  southcentralus: 'southcentralus',
  southeastasia: 'southeastasia',
  southindia: 'centralindia',
  uksouth: 'uksouth',
  ukwest: 'uksouth',
  westcentralus: 'eastus',
  westeurope: 'westeurope',
  westindia: 'centralindia',
  westus: 'westus',
  westus2: 'westus2',
  eastus2euap: 'eastus2euap',
};
const PUBLIC_CODE: Record<string, string> = {
  australiasoutheast: 'ASE',
  australiaeast: 'EAU',
  australiacentral: 'CAU',
  canadacentral: 'CCA',
  centralindia: 'CIN',
  centralus: 'CUS',
  eastasia: 'EA',
  eastus: 'EUS',
  eastus2: 'EUS2',
  eastus2euap: 'EAP',
  francecentral: 'PAR',
  japaneast: 'EJP',
  koreacentral: 'SE',
  northeurope: 'NEU',
  southcentralus: 'SCUS',
  southeastasia: 'SEA',
  uksouth: 'SUK',
  usgovvirginia: 'USGV',
  westcentralus: 'EUS',
  westeurope: 'WEU',
  westus: 'WUS',
  westus2: 'WUS2',
};

/** Where az puts the default workspace for a cluster region in this cloud, and its region code. */
export function defaultWorkspaceRegion(environment: AzureEnvironment, clusterLocation: string): { region: string; code: string } {
  const location = clusterLocation.toLowerCase().replace(/\s+/g, '');
  const cloud = environment.name.toLowerCase();
  if (cloud === 'azurechinacloud') return { region: 'chinaeast2', code: 'EAST2' };
  if (cloud === 'azureusgovernment') return { region: 'usgovvirginia', code: 'USGV' };
  const region = PUBLIC_REGION[location] ?? 'eastus';
  return { region, code: PUBLIC_CODE[region] ?? 'EUS' };
}

/** The agent's ingestion domain outside the public cloud (az sets it for China and US Government). */
export function containerInsightsDomain(environment: AzureEnvironment): string | undefined {
  const cloud = environment.name.toLowerCase();
  if (cloud === 'azurechinacloud') return 'opinsights.azure.cn';
  if (cloud === 'azureusgovernment') return 'opinsights.azure.us';
  return undefined;
}

export interface ContainerInsightsRequest {
  cluster: { subscriptionId: string; resourceGroup: string; name: string; location: string };
  environment: AzureEnvironment;
  /** The workspace resource id; default: az's default workspace for the cluster's region. */
  workspaceResourceId?: string;
  /** Managed-identity authentication (az's default). False = the legacy workspace key. */
  useAADAuth: boolean;
  /** `dataCollectionSettings` (interval, namespaces, streams, …) as az takes it. */
  dataCollectionSettings?: Record<string, unknown>;
  /** Further configuration settings given by the user. */
  settings?: Record<string, string>;
}

interface WorkspacePlan {
  id: string;
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  /** Region of the workspace (existing) or the region it is created in. */
  location: string;
  customerId?: string;
  createGroup: boolean;
  create: boolean;
  isDefault: boolean;
}

export interface ContainerInsightsPlan {
  request: ContainerInsightsRequest;
  workspace: WorkspacePlan;
  /** Data collection rule (managed identity) or undefined (legacy). */
  dcr?: { id: string; name: string; body: Record<string, any>; change: Change };
  dcra?: { id: string; body: Record<string, any>; change: Change };
  solution?: { id: string; change: Change };
  /** Every prerequisite as a Change, for the plan report. */
  changes: Change[];
}

const parse = (id: string) => {
  const m = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.OperationalInsights\/workspaces\/([^/]+)$/i.exec(id);
  if (!m) throw new Error(`${id} is not the resource id of a Log Analytics workspace.`);
  return { subscriptionId: m[1].toLowerCase(), resourceGroup: m[2], name: m[3] };
};
const clusterIdOf = (c: ContainerInsightsRequest['cluster']) =>
  `/subscriptions/${c.subscriptionId}/resourceGroups/${c.resourceGroup}/providers/Microsoft.Kubernetes/connectedClusters/${c.name}`;
const region = (location: string | undefined) =>
  String(location ?? '')
    .replace(/\s+/g, '')
    .toLowerCase();

export function dcrName(workspaceRegion: string, clusterName: string): string {
  return `MSCI-${region(workspaceRegion)}-${clusterName}`.slice(0, 64);
}

function dcrBody(request: ContainerInsightsRequest, workspace: WorkspacePlan, tags: Record<string, string>): Record<string, any> {
  const dataCollectionSettings: Record<string, unknown> = { enableContainerLogV2: true, ...(request.dataCollectionSettings ?? {}) };
  const streams = Array.isArray(dataCollectionSettings.streams)
    ? (dataCollectionSettings.streams as string[])
    : [CONTAINER_INSIGHTS.stream];
  return {
    location: region(workspace.location),
    tags,
    kind: 'Linux',
    dataSources: {
      extensions: [
        {
          name: 'ContainerInsightsExtension',
          streams,
          extensionName: 'ContainerInsights',
          extensionSettings: { dataCollectionSettings },
        },
      ],
    },
    dataFlows: [{ streams, destinations: [CONTAINER_INSIGHTS.destination] }],
    destinations: { logAnalytics: [{ workspaceResourceId: workspace.id, name: CONTAINER_INSIGHTS.destination }] },
  };
}

/** The parts of a rule that we set, as compared (ARM adds immutableId, workspaceId, provisioningState, …). */
function dcrComparable(r: Record<string, any>) {
  return {
    location: region(r.location),
    kind: r.kind,
    extensions: (r.dataSources?.extensions ?? []).map((e: Record<string, any>) => ({
      name: e.name,
      streams: e.streams,
      extensionName: e.extensionName,
      extensionSettings: e.extensionSettings,
    })),
    dataFlows: (r.dataFlows ?? []).map((f: Record<string, any>) => ({ streams: f.streams, destinations: f.destinations })),
    logAnalytics: (r.destinations?.logAnalytics ?? []).map((d: Record<string, any>) => ({
      workspaceResourceId: String(d.workspaceResourceId).toLowerCase(),
      name: d.name,
    })),
  };
}

const change = (kind: Change['kind'], resourceType: string, resourceId: string, name: string, fields: FieldChange[]): Change => ({
  kind,
  resourceType,
  resourceId,
  name,
  fields,
});

/** Reads what exists and plans the prerequisites of Container Insights (no writes). */
export async function planContainerInsights(clients: ArmClients, request: ContainerInsightsRequest): Promise<ContainerInsightsPlan> {
  const { cluster, environment } = request;
  const changes: Change[] = [];
  let workspace: WorkspacePlan;
  if (request.workspaceResourceId) {
    const ref = parse(request.workspaceResourceId);
    const oi = await clients.operationalInsights(ref.subscriptionId);
    const found = await ifExists(oi.workspaces.get(ref.resourceGroup, ref.name));
    if (!found)
      throw new Error(
        `The Log Analytics workspace ${request.workspaceResourceId} does not exist; create it or leave "workspace" out to use az's default workspace.`,
      );
    workspace = {
      id: found.id ?? request.workspaceResourceId,
      ...ref,
      location: region(found.location),
      customerId: found.customerId,
      createGroup: false,
      create: false,
      isDefault: false,
    };
  } else {
    const { region: wsRegion, code } = defaultWorkspaceRegion(environment, cluster.location);
    const resourceGroup = `DefaultResourceGroup-${code}`;
    const name = `DefaultWorkspace-${cluster.subscriptionId}-${code}`;
    const id = `/subscriptions/${cluster.subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.OperationalInsights/workspaces/${name}`;
    const resources = await clients.resources(cluster.subscriptionId);
    const group = await ifExists(resources.resourceGroups.get(resourceGroup));
    const found = group
      ? await ifExists((await clients.operationalInsights(cluster.subscriptionId)).workspaces.get(resourceGroup, name))
      : undefined;
    workspace = {
      id: found?.id ?? id,
      subscriptionId: cluster.subscriptionId,
      resourceGroup,
      name,
      location: found ? region(found.location) : wsRegion,
      customerId: found?.customerId,
      createGroup: !group,
      create: !found,
      isDefault: true,
    };
    if (!group)
      changes.push(
        change('create', 'resourceGroup', `/subscriptions/${cluster.subscriptionId}/resourceGroups/${resourceGroup}`, resourceGroup, [
          { path: 'location', before: undefined, after: wsRegion },
        ]),
      );
  }
  changes.push(
    change(
      workspace.create ? 'create' : 'unchanged',
      'logAnalyticsWorkspace',
      workspace.id,
      workspace.name,
      workspace.create ? [{ path: 'location', before: undefined, after: workspace.location }] : [],
    ),
  );

  const plan: ContainerInsightsPlan = { request, workspace, changes };
  const clusterId = clusterIdOf(cluster);
  const monitor = await clients.monitor(cluster.subscriptionId);
  if (request.useAADAuth) {
    const name = dcrName(workspace.location, cluster.name);
    const id = `/subscriptions/${cluster.subscriptionId}/resourceGroups/${cluster.resourceGroup}/providers/Microsoft.Insights/dataCollectionRules/${name}`;
    const existing = (await ifExists(monitor.dataCollectionRules.get(cluster.resourceGroup, name))) as Record<string, any> | undefined;
    // az keeps the tags a user added to the rule (get_existing_container_insights_extension_dcr_tags).
    const body = dcrBody(request, workspace, (existing?.tags as Record<string, string>) ?? {});
    const same = existing && stableStringify(dcrComparable(existing)) === stableStringify(dcrComparable(body));
    plan.dcr = {
      id,
      name,
      body,
      change: change(
        existing ? (same ? 'unchanged' : 'update') : 'create',
        'dataCollectionRule',
        id,
        name,
        same
          ? []
          : [
              {
                path: 'destinations.logAnalytics',
                before: existing ? dcrComparable(existing).logAnalytics : undefined,
                after: workspace.id,
              },
            ],
      ),
    };
    const dcraId = `${clusterId}/providers/Microsoft.Insights/dataCollectionRuleAssociations/${CONTAINER_INSIGHTS.association}`;
    const association = (await ifExists(monitor.dataCollectionRuleAssociations.get(clusterId.slice(1), CONTAINER_INSIGHTS.association))) as
      Record<string, any> | undefined;
    const associated = association && String(association.dataCollectionRuleId).toLowerCase() === id.toLowerCase();
    plan.dcra = {
      id: dcraId,
      body: { dataCollectionRuleId: id, description: 'routes monitoring data to a Log Analytics workspace' },
      change: change(
        association ? (associated ? 'unchanged' : 'update') : 'create',
        'dataCollectionRuleAssociation',
        dcraId,
        CONTAINER_INSIGHTS.association,
        associated ? [] : [{ path: 'dataCollectionRuleId', before: association?.dataCollectionRuleId, after: id }],
      ),
    };
    changes.push(plan.dcr.change, plan.dcra.change);
  } else {
    const solutionName = `ContainerInsights(${workspace.name})`;
    const id = `/subscriptions/${workspace.subscriptionId}/resourceGroups/${workspace.resourceGroup}/providers/Microsoft.OperationsManagement/solutions/${solutionName}`;
    const resources = await clients.resources(workspace.subscriptionId);
    const existing = workspace.create ? undefined : await ifExists(resources.resources.getById(id, CONTAINER_INSIGHTS.solutionApiVersion));
    plan.solution = { id, change: change(existing ? 'unchanged' : 'create', 'containerInsightsSolution', id, solutionName, []) };
    changes.push(plan.solution.change);
  }
  return plan;
}

/** The extension az installs, with its settings; protected settings need the workspace's customer id (and key). */
export function containerInsightsExtension(
  plan: ContainerInsightsPlan,
  secrets: { customerId?: string; sharedKey?: string },
): DesiredExtension {
  const { request, workspace } = plan;
  const settings: Record<string, string> = { ...(request.settings ?? {}) };
  settings['amalogs.useAADAuth'] = request.useAADAuth ? 'true' : 'false';
  if (request.dataCollectionSettings) settings.dataCollectionSettings = JSON.stringify(request.dataCollectionSettings);
  settings.logAnalyticsWorkspaceResourceID = workspace.id;
  const domain = containerInsightsDomain(request.environment);
  if (domain) {
    settings['omsagent.domain'] = domain;
    settings['amalogs.domain'] = domain;
  }
  const key = request.useAADAuth ? '<not_used>' : secrets.sharedKey;
  const protectedSettings =
    secrets.customerId && key
      ? {
          'omsagent.secret.wsid': secrets.customerId,
          'amalogs.secret.wsid': secrets.customerId,
          'omsagent.secret.key': key,
          'amalogs.secret.key': key,
        }
      : undefined;
  return {
    name: CONTAINER_INSIGHTS.name,
    extensionType: CONTAINER_INSIGHTS.extensionType,
    autoUpgradeMinorVersion: true,
    scope: { cluster: { releaseNamespace: CONTAINER_INSIGHTS.releaseNamespace } },
    configurationSettings: settings,
    ...(protectedSettings ? { configurationProtectedSettings: protectedSettings } : {}),
  };
}

/** The workspace's customer id and (legacy authentication only) its primary shared key, masked at once. */
export async function workspaceSecrets(
  clients: ArmClients,
  plan: ContainerInsightsPlan,
): Promise<{ customerId?: string; sharedKey?: string }> {
  const { workspace, request } = plan;
  const oi = await clients.operationalInsights(workspace.subscriptionId);
  const found = workspace.customerId ? undefined : await ifExists(oi.workspaces.get(workspace.resourceGroup, workspace.name));
  const customerId = workspace.customerId ?? found?.customerId;
  if (request.useAADAuth || !customerId) return { customerId };
  const keys = await oi.sharedKeys.getSharedKeys(workspace.resourceGroup, workspace.name);
  if (!keys.primarySharedKey) throw new Error(`The workspace ${workspace.id} returned no shared key.`);
  maskSecret(keys.primarySharedKey);
  return { customerId, sharedKey: keys.primarySharedKey };
}

/** Writes what the plan says is missing or different: resource group, workspace, rule and association (or solution). */
export async function applyContainerInsights(clients: ArmClients, plan: ContainerInsightsPlan): Promise<Change[]> {
  const done: Change[] = [];
  const { workspace, request } = plan;
  const mark = (type: string) =>
    plan.changes.filter((c) => c.resourceType === type && c.kind !== 'unchanged').forEach((c) => ((c.applied = true), done.push(c)));
  if (workspace.createGroup) {
    const resources = await clients.resources(workspace.subscriptionId);
    await resources.resourceGroups.createOrUpdate(workspace.resourceGroup, { location: workspace.location });
    mark('resourceGroup');
  }
  if (workspace.create) {
    const oi = await clients.operationalInsights(workspace.subscriptionId);
    // As az sends it (generic resource, api 2015-11-01-preview): location and sku "standalone".
    const created = await oi.workspaces.createOrUpdate(workspace.resourceGroup, workspace.name, {
      location: workspace.location,
      sku: { name: 'standalone' },
    });
    workspace.customerId = created.customerId;
    workspace.create = false;
    mark('logAnalyticsWorkspace');
  }
  const monitor = await clients.monitor(request.cluster.subscriptionId);
  if (plan.dcr && plan.dcr.change.kind !== 'unchanged') {
    await monitor.dataCollectionRules.create(request.cluster.resourceGroup, plan.dcr.name, {
      body: plan.dcr.body as { location: string },
    });
    mark('dataCollectionRule');
  }
  if (plan.dcra && plan.dcra.change.kind !== 'unchanged') {
    await monitor.dataCollectionRuleAssociations.create(clusterIdOf(request.cluster).slice(1), CONTAINER_INSIGHTS.association, {
      body: plan.dcra.body,
    });
    mark('dataCollectionRuleAssociation');
  }
  if (plan.solution && plan.solution.change.kind !== 'unchanged') {
    const resources = await clients.resources(workspace.subscriptionId);
    const name = `ContainerInsights(${workspace.name})`;
    await resources.resources.createOrUpdateById(plan.solution.id, CONTAINER_INSIGHTS.solutionApiVersion, {
      location: workspace.location,
      plan: { name, product: 'OMSGallery/ContainerInsights', promotionCode: '', publisher: 'Microsoft' },
      properties: { workspaceResourceId: workspace.id },
    });
    mark('containerInsightsSolution');
  }
  return done;
}
