import { describe, expect, it } from '@jest/globals';
import { ArmClients, containerErrorsQuery, parseEnvironment, windowOf } from '../src/index.js';

describe('Log Analytics endpoints per cloud', () => {
  it('knows the query API and the portal of each cloud, and takes a custom one from the environment JSON', () => {
    expect(['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud'].map((n) => parseEnvironment(n).logAnalytics)).toEqual([
      'https://api.loganalytics.io',
      'https://api.loganalytics.us',
      'https://api.loganalytics.azure.cn',
    ]);
    expect(parseEnvironment('AzureUSGovernment')).toMatchObject({
      logAnalyticsScope: 'https://api.loganalytics.us/.default',
      portal: 'https://portal.azure.us',
    });
    const custom = parseEnvironment(
      '{"resourceManager":"https://arm.local","authorityHost":"https://login.local","logAnalytics":"https://logs.local/","portal":"https://portal.local"}',
    );
    expect(custom).toMatchObject({
      logAnalytics: 'https://logs.local',
      logAnalyticsScope: 'https://api.loganalytics.io/.default',
      portal: 'https://portal.local',
    });
    expect(() => parseEnvironment('{"resourceManager":"https://a","authorityHost":"https://b","logAnalytics":"http://logs"}')).toThrow(
      /logAnalytics.*https URL/,
    );
  });

  it('refuses to build a Logs client for a custom environment without a Log Analytics endpoint', async () => {
    const env = parseEnvironment('{"name":"stack","resourceManager":"https://arm.local","authorityHost":"https://login.local"}');
    const clients = new ArmClients({ getToken: async () => null }, env);
    await expect(clients.logsQuery()).rejects.toThrow('The environment stack names no Log Analytics endpoint');
  });
});

describe('the ContainerLogV2 query', () => {
  it('quotes cluster ids as KQL literals and states the window in KQL and ISO 8601', () => {
    expect(windowOf(24 * 3_600_000)).toEqual({ kql: '24h', iso: 'PT24H' });
    expect(windowOf(90 * 60_000)).toEqual({ kql: '90m', iso: 'PT90M' });
    const query = containerErrorsQuery(
      ["/subscriptions/s/resourceGroups/g/providers/Microsoft.Kubernetes/connectedClusters/it's"],
      3_600_000,
    );
    expect(query).toContain(
      "| where tolower(_ResourceId) in ('/subscriptions/s/resourcegroups/g/providers/microsoft.kubernetes/connectedclusters/it\\'s')",
    );
    expect(query).toContain('| where TimeGenerated > ago(1h)');
    expect(query).toContain('| top 1001 by Count desc');
  });
});
