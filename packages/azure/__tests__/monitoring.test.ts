import { describe, expect, it } from '@jest/globals';
import {
  agentCloudName,
  containerInsightsDomain,
  containerInsightsExtension,
  dcrName,
  defaultWorkspaceRegion,
  parseEnvironment,
  type ContainerInsightsPlan,
} from '../src/index.js';

/** Pure pieces of the az behaviours (ContainerInsights.py, connectedk8s custom.py) that the actions reproduce. */
const SUB = '5ab5c71b-0000-4000-8000-000000000001';
const plan = (environment: string, useAADAuth = true): ContainerInsightsPlan => ({
  request: {
    cluster: { subscriptionId: SUB, resourceGroup: 'rg', name: 'edge', location: 'usgovvirginia' },
    environment: parseEnvironment(environment),
    useAADAuth,
    settings: { 'amalogs.sidecar': 'on' },
  },
  workspace: {
    id: `/subscriptions/${SUB}/resourceGroups/DefaultResourceGroup-USGV/providers/Microsoft.OperationalInsights/workspaces/DefaultWorkspace-${SUB}-USGV`,
    subscriptionId: SUB,
    resourceGroup: 'DefaultResourceGroup-USGV',
    name: `DefaultWorkspace-${SUB}-USGV`,
    location: 'usgovvirginia',
    createGroup: false,
    create: false,
    isDefault: true,
  },
  changes: [],
});

describe('az behaviours', () => {
  it('names the cloud as the agents (the Go SDK) know it', () => {
    expect(agentCloudName(parseEnvironment('AzureCloud'))).toBe('AZUREPUBLICCLOUD');
    expect(agentCloudName(parseEnvironment('AzureUSGovernment'))).toBe('AZUREUSGOVERNMENTCLOUD');
    expect(agentCloudName(parseEnvironment('AzureChinaCloud'))).toBe('AZURECHINACLOUD');
    expect(agentCloudName(parseEnvironment('{"name":"Stack","resourceManager":"https://a","authorityHost":"https://b"}'))).toBe('STACK');
  });

  it('knows the management.core audience of each cloud (the Arc config data plane token)', () => {
    expect(parseEnvironment('AzureCloud').activeDirectoryResourceId).toBe('https://management.core.windows.net/');
    expect(parseEnvironment('AzureUSGovernment').activeDirectoryResourceId).toBe('https://management.core.usgovcloudapi.net/');
    expect(parseEnvironment('AzureChinaCloud').activeDirectoryResourceId).toBe('https://management.core.chinacloudapi.cn/');
  });

  it('puts the default workspace where az does', () => {
    expect(defaultWorkspaceRegion(parseEnvironment('AzureCloud'), 'westeurope')).toEqual({ region: 'westeurope', code: 'WEU' });
    expect(defaultWorkspaceRegion(parseEnvironment('AzureCloud'), 'brazilsouth')).toEqual({ region: 'southcentralus', code: 'SCUS' });
    expect(defaultWorkspaceRegion(parseEnvironment('AzureCloud'), 'mars')).toEqual({ region: 'eastus', code: 'EUS' });
    expect(defaultWorkspaceRegion(parseEnvironment('AzureChinaCloud'), 'chinanorth')).toEqual({ region: 'chinaeast2', code: 'EAST2' });
    expect(defaultWorkspaceRegion(parseEnvironment('AzureUSGovernment'), 'usgovvirginia')).toEqual({
      region: 'usgovvirginia',
      code: 'USGV',
    });
  });

  it('names the data collection rule MSCI-<workspace region>-<cluster>, at most 64 characters', () => {
    expect(dcrName('West Europe', 'edge-01')).toBe('MSCI-westeurope-edge-01');
    expect(dcrName('eastus', 'x'.repeat(80))).toHaveLength(64);
  });

  it('sets the settings and protected settings az sets, with the ingestion domain in sovereign clouds', () => {
    expect(containerInsightsDomain(parseEnvironment('AzureCloud'))).toBeUndefined();
    const gov = containerInsightsExtension(plan('AzureUSGovernment'), { customerId: 'ws-guid' });
    expect(gov).toMatchObject({
      name: 'azuremonitor-containers',
      extensionType: 'Microsoft.AzureMonitor.Containers',
      scope: { cluster: { releaseNamespace: 'azuremonitor-containers' } },
      configurationSettings: {
        'amalogs.sidecar': 'on',
        'amalogs.useAADAuth': 'true',
        logAnalyticsWorkspaceResourceID: plan('AzureUSGovernment').workspace.id,
        'amalogs.domain': 'opinsights.azure.us',
        'omsagent.domain': 'opinsights.azure.us',
      },
      configurationProtectedSettings: {
        'amalogs.secret.wsid': 'ws-guid',
        'omsagent.secret.wsid': 'ws-guid',
        'amalogs.secret.key': '<not_used>',
        'omsagent.secret.key': '<not_used>',
      },
    });
    const legacy = containerInsightsExtension(plan('AzureChinaCloud', false), { customerId: 'ws-guid', sharedKey: 'k3y' });
    expect(legacy.configurationSettings).toMatchObject({ 'amalogs.useAADAuth': 'false', 'amalogs.domain': 'opinsights.azure.cn' });
    expect(legacy.configurationProtectedSettings).toMatchObject({ 'amalogs.secret.key': 'k3y', 'omsagent.secret.key': 'k3y' });
    // Without the workspace's customer id there are no protected settings to send yet.
    expect(containerInsightsExtension(plan('AzureCloud'), {}).configurationProtectedSettings).toBeUndefined();
  });
});
