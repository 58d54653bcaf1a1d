import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../src/index.js';

const execFileAsync = promisify(execFile);
const azInstalled = spawnSync('az', ['version'], { encoding: 'utf8' }).status === 0;
if (!azInstalled) console.log('Skipping the azure-cli test: `az` is not installed (apt-get install -y azure-cli installs it; CI does).');
const describeIfAz = azInstalled ? describe : describe.skip;

describeIfAz('Debian azure-cli against the sandbox (ADFS-style cloud)', () => {
  let sandbox: Sandbox;
  let env: NodeJS.ProcessEnv;
  // Asynchronous on purpose: the sandbox answers from this very process, so a synchronous child would deadlock it.
  const az = async (...args: string[]) => (await execFileAsync('az', args, { env, encoding: 'utf8', timeout: 60_000 })).stdout;

  beforeAll(async () => {
    sandbox = await startSandbox();
    const dir = mkdtempSync(join(tmpdir(), 'az-sandbox-'));
    const system = ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt'].find(existsSync);
    const bundle = join(dir, 'ca-bundle.pem');
    writeFileSync(bundle, (system ? readFileSync(system, 'utf8') : '') + readFileSync(sandbox.caCertPath, 'utf8'));
    env = {
      ...process.env,
      AZURE_CONFIG_DIR: join(dir, 'az'),
      AZURE_CORE_COLLECT_TELEMETRY: 'false',
      REQUESTS_CA_BUNDLE: bundle,
      AZURE_CORE_ONLY_SHOW_ERRORS: 'true',
    };
    await az(
      'cloud',
      'register',
      '-n',
      'ArcSandbox',
      '--endpoint-resource-manager',
      `${sandbox.url}/`,
      '--endpoint-active-directory',
      `${sandbox.url}/adfs`,
      '--endpoint-active-directory-resource-id',
      'https://management.core.windows.net/',
      '--endpoint-active-directory-graph-resource-id',
      'https://graph.windows.net/',
      '--endpoint-management',
      'https://management.core.windows.net/',
    );
    await az('cloud', 'set', '-n', 'ArcSandbox');
  });
  afterAll(() => sandbox?.stop());

  it('logs in with a federated token and runs az group show and az rest', async () => {
    const res = await fetch(`${sandbox.env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=api://AzureADTokenExchange`, {
      headers: { authorization: `Bearer ${sandbox.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` },
    });
    const jwt = ((await res.json()) as { value: string }).value;
    await az(
      'login',
      '--service-principal',
      '-u',
      sandbox.identity.clientId,
      '-t',
      sandbox.identity.tenantId,
      '--federated-token',
      jwt,
      '-o',
      'none',
    );
    await az('account', 'set', '-s', sandbox.identity.subscriptionId);
    expect(JSON.parse(await az('group', 'show', '-n', 'rg-fleet', '-o', 'json')).name).toBe('rg-fleet');
    const rest = JSON.parse(
      await az(
        'rest',
        '--method',
        'get',
        '--url',
        `${sandbox.url}/subscriptions/${sandbox.identity.subscriptionId}/resourcegroups/rg-fleet?api-version=2021-04-01`,
      ),
    );
    expect(rest.properties.provisioningState).toBe('Succeeded');
    const paths = sandbox.calls().map((c) => `${c.method} ${c.path}`);
    expect(paths).toEqual(expect.arrayContaining(['GET /adfs/.well-known/openid-configuration', 'POST /adfs/oauth2/v2.0/token']));
  });
});

if (!azInstalled) {
  describe('Debian azure-cli against the sandbox', () => {
    it('is skipped because az is not installed', () => expect(azInstalled).toBe(false));
  });
}
