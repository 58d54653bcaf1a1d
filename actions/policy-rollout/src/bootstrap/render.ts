import { blocks, heading, table } from '@arc-actions/report';
import type { AccessOutcome } from './access.js';
import { shortError, type BootstrapOutcome, type RemediationOutcome } from './rollout.js';

const ACTION = { create: '🆕 create', update: '✏️ update', unchanged: '✔️ unchanged' } as const;

/** Names of the roles DeployIfNotExists definitions for clusters name (Microsoft Learn, Azure built-in roles). */
const ROLE_NAMES: Record<string, string> = {
  'b24988ac-6180-42a0-ab88-20f7382dd24c': 'Contributor',
  '85cb6faf-e071-4c9b-8136-154b5a04f717': 'Kubernetes Extension Contributor',
  '8e3af657-a8ff-443c-a75c-2fe8c4bcb635': 'Owner',
  '92aaf0da-9dab-42b6-94a3-d43ce8d16293': 'Log Analytics Contributor',
  '749f88d5-cbae-40b8-bcfc-e573ddc772fa': 'Monitoring Contributor',
};
const roleName = (guid: string) => ROLE_NAMES[guid.toLowerCase()] ?? guid;

function remediationText(r: RemediationOutcome): string {
  const counts = `${r.nonCompliant} of ${r.clusters} clusters NonCompliant`;
  switch (r.action) {
    case 'skipped':
      return r.name ? `not started (${counts}): the identity lacks its roles` : 'off (remediate: false)';
    case 'deferred':
      return 'no compliance states yet: Azure evaluates a new assignment later; rerun apply to remediate';
    case 'none':
      return `none needed (${counts})`;
    case 'create':
      return `would create ${r.name} (${counts})`;
    default:
      return `${r.name} ${r.action === 'created' ? 'created' : 'exists'}: ${r.status ?? 'running'}, ${r.deployments?.total ?? 0} deployments, ${r.deployments?.failed ?? 0} failed`;
  }
}

/** The bootstrap and access section of the report (step summary, check run, pull-request comment). */
export function renderBootstrap(bootstrap: BootstrapOutcome[], access: AccessOutcome[]): string | undefined {
  if (!bootstrap.length && !access.length) return undefined;
  return blocks(
    heading('Self-bootstrap (DeployIfNotExists)', 3),
    bootstrap.length
      ? table(
          ['Assignment', 'Definition', 'Action', 'Identity roles', 'Remediation', 'Status'],
          bootstrap.map((b) => [
            `${b.name} (${b.scope.split('/').pop()})`,
            `${b.definition} (${b.effect})`,
            ACTION[b.action],
            b.roles
              .map(
                (r) =>
                  `${roleName(r.role)}: ${r.action === 'grant' ? (b.principalId ? 'would grant' : 'granted once the identity exists') : r.action}`,
              )
              .join(', '),
            remediationText(b.remediation),
            b.failure ? `❌ ${b.failure}` : '✅',
          ]),
        )
      : undefined,
    access.length ? heading('Access', 3) : undefined,
    access.length
      ? table(
          ['Principal', 'Role', 'Scope', 'Action'],
          access.map((a) => [
            `${a.principalType} ${a.principalId}`,
            a.role,
            a.scope,
            a.action === 'failed' ? `❌ failed: ${shortError(a.error)}` : a.action === 'create' ? '🆕 would create' : a.action,
          ]),
        )
      : undefined,
  );
}
