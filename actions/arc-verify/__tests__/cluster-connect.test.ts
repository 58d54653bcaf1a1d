import { describe, expect, it } from '@jest/globals';
import { parseEnvironment } from '@arc-actions/azure';
import { cloudCommands } from '../src/cluster-connect.js';

/** az logs in to AzureCloud unless told otherwise: cluster connect selects the environment's cloud first. */
describe('the cloud az logs in to', () => {
  it('selects the sovereign clouds by the names az knows', () => {
    expect(cloudCommands(parseEnvironment('AzureUSGovernment'))).toEqual([
      ['cloud', 'set', '--name', 'AzureUSGovernment', '--output', 'none'],
    ]);
    expect(cloudCommands(parseEnvironment('azurechinacloud'))).toEqual([['cloud', 'set', '--name', 'AzureChinaCloud', '--output', 'none']]);
    expect(cloudCommands(parseEnvironment('AzureCloud'))).toEqual([['cloud', 'set', '--name', 'AzureCloud', '--output', 'none']]);
  });

  it('registers a custom cloud with its endpoints, then selects it', () => {
    const env = parseEnvironment(
      '{"name":"Azure Stack","resourceManager":"https://management.local.azurestack.external","authorityHost":"https://login.local","tokenAudience":"https://management.adfs.azurestack.local/abc"}',
    );
    const [register, set] = cloudCommands(env);
    expect(register).toEqual([
      'cloud',
      'register',
      '--name',
      'arc-actions-Azure-Stack',
      '--endpoint-resource-manager',
      'https://management.local.azurestack.external/',
      '--endpoint-active-directory',
      'https://login.local',
      '--endpoint-active-directory-resource-id',
      'https://management.adfs.azurestack.local/abc/',
      '--output',
      'none',
    ]);
    expect(set).toEqual(['cloud', 'set', '--name', 'arc-actions-Azure-Stack', '--output', 'none']);
  });
});
