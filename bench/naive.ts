/**
 * The naive baseline the benchmarks compare against: for each cluster, one ARM request per check, one after
 * another, through the same SDK clients the actions use: connectivity (GET connectedCluster), extensions (GET
 * extensions list), Flux (GET fluxConfigurations list) and policy (Policy Insights queryResults for the cluster,
 * which ARM only offers as POST). Run as a child of bench/run.ts with the sandbox's environment:
 *   node --import tsx bench/naive.ts <ids-file> <result-file>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { ArmClients, createOidcCredential, parseClusterId, parseEnvironment } from '@arc-actions/azure';

const [idsFile, resultFile] = process.argv.slice(2);
const ids = readFileSync(idsFile, 'utf8').split('\n').filter(Boolean);
const environment = parseEnvironment(process.env.ARC_SANDBOX_ENVIRONMENT ?? '');
const credential = await createOidcCredential({
  clientId: process.env.ARC_SANDBOX_CLIENT_ID ?? '',
  tenantId: process.env.ARC_SANDBOX_TENANT_ID ?? '',
  audience: 'api://AzureADTokenExchange',
  environment,
});
const clients = new ArmClients(credential, environment);
// Token and SDK loading happen before the clock starts: the baseline is timed on its requests only.
await credential.getToken(environment.tokenScope);

let failures = 0;
const errors: string[] = [];
const attempt = async (fn: () => Promise<unknown>) => {
  try {
    await fn();
  } catch (error) {
    failures++;
    if (errors.length < 5) errors.push(String((error as Error).message ?? error).slice(0, 200));
  }
};
const first = async <T>(pages: AsyncIterableIterator<T[]>) => (await pages.next()).value;

const started = performance.now();
for (const id of ids) {
  const { subscriptionId, resourceGroup, name } = parseClusterId(id);
  const hybrid = await clients.connectedClusters(subscriptionId);
  const kconfig = await clients.kubernetesConfiguration(subscriptionId);
  const insights = await clients.policyInsights(subscriptionId);
  await attempt(() => hybrid.connectedClusterOperations.get(resourceGroup, name));
  await attempt(() => first(kconfig.extensions.list(resourceGroup, 'Microsoft.Kubernetes', 'connectedClusters', name).byPage()));
  await attempt(() => first(kconfig.fluxConfigurations.list(resourceGroup, 'Microsoft.Kubernetes', 'connectedClusters', name).byPage()));
  await attempt(() => first(insights.policyStates.listQueryResultsForResource('latest', id).byPage()));
}
const ms = performance.now() - started;
writeFileSync(resultFile, JSON.stringify({ clusters: ids.length, requests: ids.length * 4, ms, failures, errors }));
