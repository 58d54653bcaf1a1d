export const id = 789;
export const ids = [789];
export const modules = {

/***/ 72789:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  R: () => (/* binding */ runVerify),
  I: () => (/* binding */ shardOf)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 8 modules
var src = __webpack_require__(19297);
// EXTERNAL MODULE: ./packages/azure/src/index.ts + 9 modules
var azure_src = __webpack_require__(86708);
// EXTERNAL MODULE: ./packages/report/src/index.ts + 11 modules
var report_src = __webpack_require__(96958);
;// CONCATENATED MODULE: ./actions/arc-verify/src/checks/versions.ts
/** Compares dotted versions numerically (1.10.0 > 1.9.3); missing parts count as 0. */
function compareVersions(a, b) {
    const pa = a
        .replace(/^v/, '')
        .split(/[.-]/)
        .map((p) => Number.parseInt(p, 10) || 0);
    const pb = b
        .replace(/^v/, '')
        .split(/[.-]/)
        .map((p) => Number.parseInt(p, 10) || 0);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const d = (pa[i] ?? 0) - (pb[i] ?? 0);
        if (d !== 0)
            return Math.sign(d);
    }
    return 0;
}
/** How many minor versions `version` is behind `newest` (same major), or Infinity across majors. */
function minorLag(version, newest) {
    const [ma, mi] = version.replace(/^v/, '').split('.').map(Number);
    const [nma, nmi] = newest.replace(/^v/, '').split('.').map(Number);
    if (ma !== nma)
        return ma < nma ? Infinity : 0;
    return Math.max(0, (nmi ?? 0) - (mi ?? 0));
}

;// CONCATENATED MODULE: ./actions/arc-verify/src/checks/arm-plane.ts

/**
 * A duration for a report that is compared run over run: rounded to its largest unit (2h, 3d, 45m), so that the
 * same condition reads the same tonight and tomorrow and the regression issue is only touched when something changed.
 */
function coarse(ms) {
    for (const [unit, size] of [
        ['d', 86_400_000],
        ['h', 3_600_000],
        ['m', 60_000],
    ]) {
        if (ms >= size)
            return `${Math.floor(ms / size)}${unit}`;
    }
    return 'less than a minute';
}
function newestAgentVersion(clusters) {
    return clusters
        .map((c) => c.agentVersion)
        .filter((v) => !!v)
        .sort(compareVersions)
        .pop();
}
function checkConnectivity(c, o) {
    const status = c.connectivityStatus ?? 'Unknown';
    const age = c.lastConnectivityTime ? o.now - Date.parse(c.lastConnectivityTime) : undefined;
    const evidence = { connectivityStatus: status, lastConnectivityTime: c.lastConnectivityTime };
    if (status === 'Connected') {
        if (age !== undefined && age > o.maxHeartbeatAgeMs) {
            return {
                check: 'connectivity',
                status: 'warn',
                reason: `Connected, but the last heartbeat was ${coarse(age)} ago.`,
                fix: 'Check the azure-arc agents (kubectl -n azure-arc get pods) and egress to the Arc endpoints.',
                evidence,
            };
        }
        return { check: 'connectivity', status: 'ok', reason: 'Connected.', evidence };
    }
    const since = age !== undefined ? ` for ${coarse(age)}` : '';
    return {
        check: 'connectivity',
        status: status === 'Connecting' ? 'warn' : 'fail',
        reason: `${status}${since}.`,
        fix: status === 'Expired'
            ? 'The managed identity certificate expired after 90 days offline: delete and re-onboard the cluster (arc-connect).'
            : 'The agents have not reached Azure: check that the cluster is up, the azure-arc pods run and the proxy allows the Arc endpoints.',
        evidence,
    };
}
function checkAgentVersion(c, newest, o) {
    const version = c.agentVersion;
    if (!version)
        return {
            check: 'agent-version',
            status: 'warn',
            reason: 'No agent version reported.',
            fix: 'Check that the Arc agents are installed.',
        };
    if (o.minAgentVersion && compareVersions(version, o.minAgentVersion) < 0) {
        return {
            check: 'agent-version',
            status: 'fail',
            reason: `Agent ${version} is older than the required ${o.minAgentVersion}.`,
            fix: 'Upgrade the agents (az connectedk8s upgrade, or enable auto-upgrade).',
            evidence: { agentVersion: version },
        };
    }
    const lag = newest ? minorLag(version, newest) : 0;
    if (!o.minAgentVersion && lag >= 2) {
        return {
            check: 'agent-version',
            status: 'warn',
            reason: `Agent ${version} is ${Number.isFinite(lag) ? `${lag} minor versions` : 'a major version'} behind the fleet's newest (${newest}).`,
            fix: 'Upgrade the agents (az connectedk8s upgrade, or enable auto-upgrade).',
            evidence: { agentVersion: version, newest },
        };
    }
    return { check: 'agent-version', status: 'ok', reason: `Agent ${version}.`, evidence: { agentVersion: version } };
}
function checkCertificate(c, o) {
    const expiry = c.managedIdentityCertificateExpirationTime;
    if (!expiry)
        return { check: 'certificate', status: 'skipped', reason: 'No certificate expiry reported.' };
    const left = Date.parse(expiry) - o.now;
    if (left <= 0) {
        return {
            check: 'certificate',
            status: 'fail',
            reason: `The managed identity certificate expired on ${expiry}.`,
            fix: 'Delete and re-onboard the cluster.',
        };
    }
    if (left < o.certExpiryWarningMs) {
        return {
            check: 'certificate',
            status: 'warn',
            reason: `The managed identity certificate expires in ${coarse(left)} (${expiry}).`,
            fix: 'Bring the cluster online so the agents renew it; it renews automatically while Connected.',
        };
    }
    return { check: 'certificate', status: 'ok', reason: `Valid until ${expiry}.` };
}
function checkExtensions(extensions, o) {
    const failed = extensions.filter((e) => e.provisioningState === 'Failed');
    const pending = extensions.filter((e) => e.provisioningState && !['Succeeded', 'Failed'].includes(e.provisioningState));
    const types = new Set(extensions.map((e) => (e.extensionType ?? '').toLowerCase()));
    const missing = o.expectedExtensions.filter((t) => !types.has(t.toLowerCase()));
    const evidence = Object.fromEntries(extensions.map((e) => [e.extensionType ?? e.name, e.provisioningState]));
    if (failed.length) {
        return {
            check: 'extensions',
            status: 'fail',
            reason: `Failed: ${failed.map((e) => e.extensionType ?? e.name).join(', ')}.`,
            fix: 'Read the extension status (az k8s-extension show) and re-apply it with arc-connect.',
            evidence,
        };
    }
    if (missing.length || pending.length) {
        const parts = [
            missing.length ? `not installed: ${missing.join(', ')}` : '',
            pending.length ? `in progress: ${pending.map((e) => `${e.extensionType} (${e.provisioningState})`).join(', ')}` : '',
        ];
        return {
            check: 'extensions',
            status: 'warn',
            reason: `${parts.filter(Boolean).join('; ')}.`,
            fix: 'Install the extensions with arc-connect (extensions input).',
            evidence,
        };
    }
    return { check: 'extensions', status: 'ok', reason: extensions.length ? `${extensions.length} Succeeded.` : 'None installed.', evidence };
}
function checkFlux(configs) {
    if (!configs.length)
        return { check: 'flux', status: 'skipped', reason: 'No Flux configurations.' };
    const bad = configs.filter((f) => f.complianceState === 'Non-Compliant');
    const pending = configs.filter((f) => f.complianceState !== 'Compliant' && f.complianceState !== 'Non-Compliant');
    if (bad.length) {
        const messages = bad.flatMap((f) => (f.statuses ?? [])
            .filter((s) => s.complianceState && s.complianceState !== 'Compliant')
            .map((s) => `${f.name}/${s.kind}/${s.name}: ${s.statusConditions?.[0]?.message ?? s.complianceState}`));
        return {
            check: 'flux',
            status: 'fail',
            reason: `Non-Compliant: ${bad.map((f) => f.name).join(', ')}${messages.length ? ` (${messages.slice(0, 3).join('; ')})` : ''}.`,
            fix: 'Fix the manifests in Git or the admission policy that rejects them; flux-apply reports each kustomization.',
        };
    }
    if (pending.length) {
        return {
            check: 'flux',
            status: 'warn',
            reason: `Not yet compliant: ${pending.map((f) => `${f.name} (${f.complianceState ?? 'Unknown'})`).join(', ')}.`,
        };
    }
    return { check: 'flux', status: 'ok', reason: `${configs.length} Compliant.` };
}
function checkPolicy(summary) {
    if (!summary || summary.total === 0)
        return { check: 'policy', status: 'skipped', reason: 'No policy states for this cluster.' };
    if (summary.nonCompliant > 0) {
        return {
            check: 'policy',
            status: 'warn',
            reason: `${summary.nonCompliant} of ${summary.total} policy states NonCompliant.`,
            fix: 'See policy-rollout plan for the NonCompliant objects.',
            evidence: { ...summary },
        };
    }
    return { check: 'policy', status: 'ok', reason: `${summary.total} policy states Compliant.`, evidence: { ...summary } };
}
/** Every ARM-plane check of one cluster. */
function armChecks(e, newest, o) {
    return [
        checkConnectivity(e.cluster, o),
        checkAgentVersion(e.cluster, newest, o),
        checkCertificate(e.cluster, o),
        checkExtensions(e.extensions, o),
        checkFlux(e.flux),
        checkPolicy(e.policy),
    ];
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(96421);
;// CONCATENATED MODULE: ./actions/arc-verify/src/cluster-connect.ts








/**
 * Logs the Azure CLI in with a fresh GitHub OIDC token, in a private AZURE_CONFIG_DIR, and makes sure the
 * connectedk8s extension is there: `az connectedk8s proxy` authenticates with the CLI's credential.
 */
async function loginAzureCli(login, configDir, az = 'az') {
    const token = await core/* getIDToken */.V9(login.audience);
    (0,src/* maskSecret */.$l)(token);
    const env = { ...process.env, AZURE_CONFIG_DIR: configDir, AZURE_CORE_COLLECT_TELEMETRY: 'false' };
    const run = (args) => (0,external_node_child_process_.spawnSync)(az, args, { env, encoding: 'utf8' });
    const result = run([
        'login',
        '--service-principal',
        '-u',
        login.clientId,
        '-t',
        login.tenantId,
        '--federated-token',
        token,
        '--allow-no-subscriptions',
        '--output',
        'none',
    ]);
    if (result.status !== 0)
        throw new Error(`az login with the GitHub OIDC token failed: ${(result.stderr || result.stdout || String(result.error)).trim().split('\n').pop()}`);
    if (run(['extension', 'show', '--name', 'connectedk8s', '--output', 'none']).status !== 0) {
        const add = run(['extension', 'add', '--name', 'connectedk8s', '--yes', '--output', 'none']);
        if (add.status !== 0)
            throw new Error(`az extension add --name connectedk8s failed: ${(add.stderr || '').trim().split('\n').pop()}`);
    }
}
const portOpen = (port) => new Promise((resolve) => {
    const socket = (0,external_node_net_.connect)({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
    });
    socket.on('error', () => resolve(false));
});
/**
 * Cluster connect: starts `az connectedk8s proxy` in the background (its own process group), waits until its port
 * accepts connections and the kubeconfig it writes exists (never a blind sleep), and stops it afterwards.
 */
async function startClusterConnect(cluster, options) {
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'arc-verify-proxy-'));
    const file = (0,external_node_path_.join)(dir, 'kubeconfig');
    const configDir = (0,external_node_path_.join)(dir, 'azure');
    if (options.login)
        await loginAzureCli(options.login, configDir, options.az);
    const child = (0,external_node_child_process_.spawn)(options.az ?? 'az', [
        'connectedk8s',
        'proxy',
        '-n',
        cluster.name,
        '-g',
        cluster.resourceGroup,
        '--subscription',
        cluster.subscriptionId,
        '--port',
        String(options.port),
        '--file',
        file,
    ], {
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: options.login ? { ...process.env, AZURE_CONFIG_DIR: configDir } : process.env,
    });
    let output = '';
    child.stdout?.on('data', (d) => (output += String(d)));
    child.stderr?.on('data', (d) => (output += String(d)));
    let exited;
    child.on('exit', (code) => (exited = code));
    const stop = async () => {
        if (exited === undefined && child.pid) {
            try {
                process.kill(-child.pid, 'SIGTERM');
            }
            catch {
                /* already gone */
            }
            await (0,src/* waitFor */.fm)(async () => (exited !== undefined ? true : undefined), { timeoutMs: 5000, initialMs: 50 });
            if (exited === undefined)
                process.kill(-child.pid, 'SIGKILL');
        }
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    };
    const ready = await (0,src/* waitFor */.fm)(async () => {
        if (exited !== undefined)
            return false;
        if (!(await portOpen(options.port)))
            return undefined;
        try {
            return (0,external_node_fs_.readFileSync)(file, 'utf8') ? true : undefined;
        }
        catch {
            return undefined;
        }
    }, { timeoutMs: options.timeoutMs ?? 60_000, initialMs: 100, maxMs: 1000 });
    if (ready.value !== true) {
        await stop();
        const why = exited !== undefined
            ? `exited with code ${exited}`
            : `did not open port ${options.port} within ${Math.round(ready.waitedMs / 1000)} s`;
        throw new Error(`az connectedk8s proxy for ${cluster.name} ${why}: ${output.trim().split('\n').slice(-3).join(' ')}`);
    }
    return { kubeconfig: (0,external_node_fs_.readFileSync)(file, 'utf8'), port: options.port, stop };
}

;// CONCATENATED MODULE: ./actions/arc-verify/src/fleet-data.ts

const CLUSTER_OF = "tolower(substring(id, 0, indexof(tolower(id), '/providers/microsoft.kubernetesconfiguration/')))";
/**
 * Reads the fleet: clusters (1,000 a page), then per cluster its extensions and Flux configurations folded into one
 * row each (`make_set`), the details of Non-Compliant Flux configurations only, and the policy summary of clusters
 * that have NonCompliant states only. About 2 + 2 × clusters/1,000 calls in all, whatever the checks.
 */
async function readFleetData(clients, targets, defaultSubscription) {
    const selector = targets?.kind === 'selector' ? targets.selector : undefined;
    const ids = targets?.kind === 'targets' ? targets.targets.map((t) => t.id) : undefined;
    const inventory = await (0,azure_src/* listFleetClusters */.q4)(clients, { ids, selector }, defaultSubscription);
    const subscriptions = [...new Set(inventory.rows.map((c) => c.subscriptionId.toLowerCase()))];
    const scope = selector?.managementGroups?.length
        ? { managementGroups: selector.managementGroups }
        : { subscriptions: subscriptions.length ? subscriptions : [defaultSubscription] };
    const inFleet = new Set(inventory.rows.map((c) => c.id.toLowerCase()));
    let queries = inventory.queries;
    let complete = inventory.complete;
    const config = await (0,azure_src/* queryGraph */.xk)(clients, [
        'kubernetesconfigurationresources',
        "| where type in~ ('microsoft.kubernetesconfiguration/extensions', 'microsoft.kubernetesconfiguration/fluxconfigurations')",
        `| extend clusterId = ${CLUSTER_OF}`,
        // Extensions carry PascalCase properties in Resource Graph, Flux configurations camelCase: one of each pair is empty.
        "| extend entry = strcat(tolower(type), '|', name, '|', tostring(properties.ExtensionType), '|', tostring(properties.ProvisioningState), '|', tostring(properties.provisioningState), '|', tostring(properties.complianceState))",
        '| summarize entries = make_set(entry) by clusterId',
        '| order by clusterId asc',
    ].join('\n'), scope);
    queries += config.pages;
    complete &&= config.complete;
    const extensions = new Map();
    const flux = new Map();
    for (const row of config.rows) {
        if (!inFleet.has(row.clusterId))
            continue;
        for (const entry of row.entries) {
            const [type, name, extensionType, extensionState, fluxState, complianceState] = entry.split('|');
            const id = `${row.clusterId}/providers/microsoft.kubernetesconfiguration/${type.split('/')[1]}/${name}`;
            if (type.endsWith('/extensions'))
                push(extensions, row.clusterId, {
                    id,
                    name,
                    clusterId: row.clusterId,
                    extensionType,
                    provisioningState: extensionState || undefined,
                });
            else
                push(flux, row.clusterId, {
                    id,
                    name,
                    clusterId: row.clusterId,
                    complianceState: complianceState || undefined,
                    provisioningState: fluxState || undefined,
                });
        }
    }
    const failing = await (0,azure_src/* queryGraph */.xk)(clients, [
        "kubernetesconfigurationresources\n| where type =~ 'microsoft.kubernetesconfiguration/fluxconfigurations'",
        "| where properties.complianceState == 'Non-Compliant'",
        `| extend clusterId = ${CLUSTER_OF}`,
        '| project id, clusterId, name, statuses = properties.statuses\n| order by id asc',
    ].join('\n'), scope);
    queries += failing.pages;
    complete &&= failing.complete;
    for (const f of failing.rows) {
        const config = flux.get(f.clusterId)?.find((c) => c.name === f.name);
        if (config)
            config.statuses = f.statuses;
    }
    const policy = await (0,azure_src/* queryGraph */.xk)(clients, [
        "policyresources\n| where type =~ 'microsoft.policyinsights/policystates'",
        "| where properties.resourceType =~ 'Microsoft.Kubernetes/connectedClusters'",
        '| extend clusterId = tolower(tostring(properties.resourceId)), state = tostring(properties.complianceState)',
        "| summarize nonCompliant = countif(state == 'NonCompliant'), compliant = countif(state == 'Compliant'), total = count() by clusterId",
        '| order by clusterId asc',
    ].join('\n'), scope);
    queries += policy.pages;
    complete &&= policy.complete;
    return {
        clusters: inventory.rows,
        missing: inventory.missing,
        extensions,
        flux,
        policy: new Map(policy.rows
            .filter((p) => inFleet.has(p.clusterId))
            .map((p) => [p.clusterId, { nonCompliant: p.nonCompliant, compliant: p.compliant, total: p.total }])),
        complete,
        queries,
    };
}
function push(map, key, value) {
    const list = map.get(key);
    if (list)
        list.push(value);
    else
        map.set(key, [value]);
}

// EXTERNAL MODULE: ./packages/kube/src/index.ts + 4 modules
var kube_src = __webpack_require__(58176);
;// CONCATENATED MODULE: ./actions/arc-verify/src/in-cluster.ts


/** The policy assignments that apply to a cluster, with how many constraints each should produce there. */
async function assignmentsFor(clients, cluster, cache) {
    const policy = await clients.policy(cluster.subscriptionId);
    const out = [];
    for await (const a of policy.policyAssignments.listForResource(cluster.resourceGroup, 'Microsoft.Kubernetes', '', 'connectedClusters', cluster.name, { filter: 'atScope()' })) {
        const effect = String(a.parameters?.effect?.value ?? 'Audit');
        if (effect.toLowerCase() === 'disabled' || !a.policyDefinitionId)
            continue;
        let policies = cache.get(a.policyDefinitionId.toLowerCase());
        if (policies === undefined) {
            const name = a.policyDefinitionId.split('/').pop();
            if (/policySetDefinitions/i.test(a.policyDefinitionId)) {
                const set = /^\/providers\/Microsoft\.Authorization\//i.test(a.policyDefinitionId)
                    ? await policy.policySetDefinitions.getBuiltIn(name)
                    : await policy.policySetDefinitions.get(name);
                policies = set.policyDefinitions?.length ?? 0;
            }
            else {
                policies = 1;
            }
            cache.set(a.policyDefinitionId.toLowerCase(), policies);
        }
        out.push({ id: a.id ?? '', name: a.name ?? '', effect, policies });
    }
    return out;
}
/** Constraints in the cluster against the assignments in scope: every assignment synced, with the right enforcement. */
function checkConstraints(constraints, assignments) {
    if (!assignments.length)
        return { check: 'constraints', status: 'skipped', reason: 'No policy assignment applies to this cluster.' };
    const problems = [];
    for (const a of assignments) {
        const mine = constraints.filter((c) => (c.assignmentId ?? '').toLowerCase() === a.id.toLowerCase());
        const action = a.effect.toLowerCase() === 'deny' ? 'deny' : 'dryrun';
        if (mine.length < a.policies)
            problems.push(`${a.name}: ${mine.length} of ${a.policies} constraints present (not synced)`);
        const wrong = mine.filter((c) => c.enforcementAction !== action);
        if (wrong.length)
            problems.push(`${a.name}: ${wrong.length} constraints ${wrong[0].enforcementAction} instead of ${action} (effect ${a.effect} not synced)`);
    }
    if (problems.length) {
        return {
            check: 'constraints',
            status: 'fail',
            reason: `${problems.join('; ')}.`,
            fix: 'The policy add-on syncs every 15 minutes; if it stays behind, check the azure-policy pods in kube-system and the extension state.',
            evidence: { constraints: constraints.length },
        };
    }
    return {
        check: 'constraints',
        status: 'ok',
        reason: `${constraints.length} azurepolicy constraints match ${assignments.length} assignments.`,
    };
}
/** The in-cluster checks of one cluster. A cluster that cannot be reached fails `get-nodes` and skips the rest. */
async function inClusterChecks(kubeconfig, assignments, namespace) {
    const kc = await (0,kube_src/* loadKubeConfig */.u3)({ kubeconfig, input: 'kubeconfigs' });
    const nodes = await (0,kube_src/* checkNodes */.or)(kc);
    if (nodes.status === 'fail')
        return [nodes];
    const results = [nodes];
    const safe = async (check, fn) => {
        try {
            results.push(await fn());
        }
        catch (error) {
            results.push({ check, status: 'fail', reason: `The check failed: ${(0,src/* errorMessage */.gJ)(error)}.` });
        }
    };
    await safe('arc-agents', () => (0,kube_src/* checkArcAgents */.b0)(kc));
    let constraints = [];
    await safe('constraints', async () => {
        constraints = await (0,kube_src/* listAddonConstraints */.b2)(kc);
        return checkConstraints(constraints, assignments);
    });
    await safe('gatekeeper-webhook', () => (0,kube_src/* checkGatekeeperWebhook */.Rb)(kc));
    await safe('monitoring', () => (0,kube_src/* checkMonitoring */.Hd)(kc));
    await safe('negative-test', () => (0,kube_src/* privilegedPodTest */.pH)(kc, namespace, constraints));
    return results;
}

;// CONCATENATED MODULE: ./actions/arc-verify/src/render.ts

const ICON = { ok: '✅', warn: '⚠️', fail: '❌', skipped: '➖' };
/** The step summary: status, regressions first, a chart, the fleet matrix (cluster × check) and the failures explained. */
function renderVerify(report) {
    const checks = [...new Set(report.clusters.flatMap((c) => c.checks.map((k) => k.check)))];
    const failing = report.clusters.filter((c) => c.status === 'fail' || c.status === 'warn');
    return (0,report_src/* blocks */.Bv)((0,report_src/* heading */.R_)(`Fleet verification: ${ICON[report.status]} ${report.status}`, 2), `${report.clusters.length} clusters: ${report.counts.ok} ok, ${report.counts.warn} warn, ${report.counts.fail} fail. ${report.queries} Resource Graph calls.` +
        (report.complete ? '' : ' ⚠️ Not every page of fleet data was read.'), report.regressions.length
        ? (0,report_src/* blocks */.Bv)((0,report_src/* heading */.R_)(`Regressions since the previous report (${report.regressions.length})`, 3), (0,report_src/* table */.tp)(['Cluster', 'Check', 'Was', 'Now', 'Why'], report.regressions.map((r) => [r.cluster, r.check, r.from, `${ICON[r.to]} ${r.to}`, r.reason])))
        : undefined, (0,report_src/* statusPie */.$c)({ ok: report.counts.ok, warn: report.counts.warn, fail: report.counts.fail }, 'Clusters by status'), (0,report_src/* heading */.R_)('Fleet matrix', 3), (0,report_src/* table */.tp)(['Cluster', ...checks], report.clusters.map((c) => [c.name, ...checks.map((k) => ICON[c.checks.find((x) => x.check === k)?.status ?? 'skipped'])])), failing.length
        ? (0,report_src/* blocks */.Bv)((0,report_src/* heading */.R_)('What failed and how to fix it', 3), ...failing.map((c) => (0,report_src/* details */.zH)(`${ICON[c.status]} ${c.name}`, (0,report_src/* table */.tp)(['Check', 'Status', 'Reason', 'Fix'], c.checks.filter((k) => k.status === 'fail' || k.status === 'warn').map((k) => [k.check, k.status, k.reason, k.fix ?? ''])))))
        : undefined);
}
/** The regression issue's body: what fails now, regressions first. */
function renderIssue(report, runUrl) {
    return (0,report_src/* blocks */.Bv)(`Nightly fleet verification found ${report.counts.fail} failing and ${report.counts.warn} warning clusters${runUrl ? ` ([run](${runUrl}))` : ''}.`, renderVerify(report));
}

;// CONCATENATED MODULE: ./actions/arc-verify/src/report.ts
const RANK = { skipped: 0, ok: 1, warn: 2, fail: 3 };
function clusterStatus(checks) {
    return checks.reduce((worst, c) => (RANK[c.status] > RANK[worst] ? c.status : worst), 'ok');
}
function fleetStatus(clusters, complete = true) {
    if (clusters.some((c) => c.status === 'fail'))
        return 'fail';
    if (!complete || clusters.some((c) => c.status === 'warn'))
        return 'warn';
    return 'ok';
}
/** Checks that got worse since the previous report (ok → warn, anything → fail), worst first. */
function regressions(previous, current) {
    if (!previous?.clusters)
        return [];
    const before = new Map(previous.clusters.flatMap((c) => c.checks.map((k) => [`${c.id.toLowerCase()}|${k.check}`, k.status])));
    const out = [];
    for (const c of current) {
        for (const k of c.checks) {
            const was = before.get(`${c.id.toLowerCase()}|${k.check}`);
            if (RANK[k.status] >= RANK.warn && (was === undefined || RANK[k.status] > RANK[was])) {
                if (was === undefined && !previous.clusters.some((p) => p.id.toLowerCase() === c.id.toLowerCase()))
                    continue;
                out.push({ cluster: c.name, check: k.check, from: was ?? 'absent', to: k.status, reason: k.reason });
            }
        }
    }
    return out.sort((a, b) => RANK[b.to] - RANK[a.to] || a.cluster.localeCompare(b.cluster));
}
function buildReport(clusters, meta) {
    const counts = { ok: 0, warn: 0, fail: 0, skipped: 0 };
    for (const c of clusters)
        counts[c.status]++;
    return {
        version: 1,
        generatedAt: new Date(meta.now).toISOString(),
        ...(meta.shard ? { shard: meta.shard } : {}),
        status: fleetStatus(clusters, meta.complete),
        complete: meta.complete,
        counts,
        queries: meta.queries,
        clusters: [...clusters].sort((a, b) => RANK[b.status] - RANK[a.status] || a.name.localeCompare(b.name)),
        regressions: regressions(meta.previous, clusters),
    };
}
/** Merges shard reports into one fleet report; a cluster reported by two shards keeps its worse result. */
function mergeReports(shards, now, previous) {
    const byId = new Map();
    for (const s of shards) {
        for (const c of s.clusters) {
            const seen = byId.get(c.id.toLowerCase());
            if (!seen || RANK[c.status] > RANK[seen.status])
                byId.set(c.id.toLowerCase(), c);
        }
    }
    return buildReport([...byId.values()], {
        now,
        complete: shards.every((s) => s.complete),
        queries: shards.reduce((n, s) => n + s.queries, 0),
        previous,
    });
}

;// CONCATENATED MODULE: ./actions/arc-verify/src/story.ts











const EXPECTED_EXTENSIONS = ['microsoft.policyinsights'];
const SHARD_SIZE = 50;
function shardOf(items, shard) {
    return shard ? items.filter((_, i) => i % shard.count === shard.index - 1) : [...items];
}
function readPrevious(path) {
    if (!path)
        return undefined;
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch (error) {
        throw new src/* ConfigurationError */.j1(`Input "previous-report" names ${path}, which is not a JSON report (${(0,src/* errorMessage */.gJ)(error)}).`, 'previous-report');
    }
}
async function runVerify(inputs, deps = {}) {
    const now = deps.now ?? Date.now;
    const previous = readPrevious(inputs.previousReport);
    let report;
    let matrixCount = 1;
    if (inputs.mode === 'aggregate') {
        report = mergeReports(readShardReports(inputs.reportPath), now(), previous);
    }
    else {
        const clients = deps.clients ?? new azure_src/* ArmClients */.zQ(await (0,azure_src/* createOidcCredential */.Fs)(inputs.identity), inputs.identity.environment);
        const subscription = inputs.identity.subscriptionId ?? (inputs.targets?.kind === 'targets' ? inputs.targets.targets[0].subscriptionId : undefined);
        if (!subscription &&
            !(inputs.targets?.kind === 'selector' &&
                (inputs.targets.selector.subscriptions.length || inputs.targets.selector.managementGroups.length))) {
            throw new src/* ConfigurationError */.j1('Input "subscription-id" is empty and the selector names no subscriptions or management groups; set one of them.', 'subscription-id');
        }
        const data = await readFleetData(clients, inputs.targets, subscription ?? '');
        const options = {
            now: now(),
            minAgentVersion: inputs.minAgentVersion,
            certExpiryWarningMs: inputs.certExpiryWarningMs,
            maxHeartbeatAgeMs: 3_600_000,
            expectedExtensions: EXPECTED_EXTENSIONS,
        };
        const newest = newestAgentVersion(data.clusters);
        const sorted = [...data.clusters].sort((a, b) => a.id.localeCompare(b.id));
        matrixCount = Math.min(256, Math.max(1, Math.ceil(sorted.length / SHARD_SIZE)));
        const mine = shardOf(sorted, inputs.shard);
        const cache = new Map();
        const settled = await (0,src/* mapSettled */.AW)(mine, 4, async (cluster, i) => {
            const key = cluster.id.toLowerCase();
            const checks = armChecks({ cluster, extensions: data.extensions.get(key) ?? [], flux: data.flux.get(key) ?? [], policy: data.policy.get(key) }, newest, options);
            if (inputs.access !== 'none')
                checks.push(...(await clusterChecks(clients, cluster, inputs, cache, 47100 + i, deps.az)));
            return { id: cluster.id, name: cluster.name, status: clusterStatus(checks), checks };
        });
        const clusters = settled.map((r, i) => r.status === 'fulfilled'
            ? r.value
            : {
                id: mine[i].id,
                name: mine[i].name,
                status: 'fail',
                checks: [{ check: 'verify', status: 'fail', reason: `Verification failed: ${(0,src/* errorMessage */.gJ)(r.reason)}.` }],
            });
        for (const id of data.missing) {
            const check = {
                check: 'connectivity',
                status: 'fail',
                reason: 'The cluster is not in Resource Graph (deleted, or no read access).',
                fix: "Check the id and the identity's Reader role.",
            };
            clusters.push({ id, name: id.split('/').pop(), status: 'fail', checks: [check] });
        }
        report = buildReport(clusters, {
            now: now(),
            complete: data.complete,
            queries: data.queries,
            shard: inputs.shard ? `${inputs.shard.index}/${inputs.shard.count}` : undefined,
            previous,
        });
    }
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(inputs.reportPath), { recursive: true });
    if (inputs.mode === 'verify')
        (0,external_node_fs_.writeFileSync)(inputs.reportPath, JSON.stringify(report, null, 2));
    else
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)((0,external_node_fs_.statSync)(inputs.reportPath).isDirectory() ? inputs.reportPath : (0,external_node_path_.dirname)(inputs.reportPath), 'arc-verify-fleet-report.json'), JSON.stringify(report, null, 2));
    const markdown = renderVerify(report);
    const outcome = {
        report,
        markdown,
        matrix: { shard: Array.from({ length: matrixCount }, (_, i) => `${i + 1}/${matrixCount}`) },
    };
    if (inputs.issue && (inputs.mode === 'aggregate' || !inputs.shard))
        outcome.issue = await regressionIssue(inputs, report, deps.octokit);
    return outcome;
}
async function clusterChecks(clients, cluster, inputs, cache, port, az) {
    const assignments = await assignmentsFor(clients, cluster, cache);
    if (inputs.access === 'kubeconfig') {
        const kubeconfig = inputs.kubeconfigs[cluster.name];
        if (!kubeconfig)
            return [{ check: 'get-nodes', status: 'skipped', reason: 'No kubeconfig for this cluster in "kubeconfigs".' }];
        return inClusterChecks(kubeconfig, assignments, inputs.negativeTestNamespace);
    }
    let session;
    try {
        session = await startClusterConnect(cluster, {
            port,
            az,
            login: process.env.ACTIONS_ID_TOKEN_REQUEST_URL
                ? { clientId: inputs.identity.clientId, tenantId: inputs.identity.tenantId, audience: inputs.identity.audience }
                : undefined,
        });
    }
    catch (error) {
        return [
            {
                check: 'get-nodes',
                status: 'fail',
                reason: (0,src/* errorMessage */.gJ)(error),
                fix: 'Check that the cluster is Connected and the identity has Azure Arc Kubernetes Viewer on it.',
            },
        ];
    }
    try {
        return await inClusterChecks(session.kubeconfig, assignments, inputs.negativeTestNamespace);
    }
    finally {
        await session.stop();
    }
}
function readShardReports(path) {
    const files = (0,external_node_fs_.statSync)(path).isDirectory()
        ? (0,external_node_fs_.readdirSync)(path, { recursive: true, encoding: 'utf8' })
            .filter((f) => f.endsWith('.json') && !f.endsWith('arc-verify-fleet-report.json'))
            .map((f) => (0,external_node_path_.join)(path, f))
        : [path];
    const reports = files.flatMap((f) => {
        try {
            const r = JSON.parse((0,external_node_fs_.readFileSync)(f, 'utf8'));
            return r.version === 1 && Array.isArray(r.clusters) ? [r] : [];
        }
        catch {
            return [];
        }
    });
    if (!reports.length)
        throw new src/* ConfigurationError */.j1(`Input "report-path" names ${path}, which holds no arc-verify JSON reports to aggregate.`, 'report-path');
    src/* log */.Rm.info(`Aggregating ${reports.length} shard reports.`);
    return reports;
}
async function regressionIssue(inputs, report, octokit) {
    const target = (0,report_src/* readGitHubTarget */.X8)();
    const client = octokit ?? (0,report_src/* getOctokit */.QB)(inputs.githubToken);
    if (!target)
        throw new src/* ConfigurationError */.j1('GITHUB_REPOSITORY is not set, so the regression issue has no repository.', 'issue');
    const runUrl = process.env.GITHUB_RUN_ID
        ? `${process.env.GITHUB_SERVER_URL ?? 'https://github.com'}/${target.owner}/${target.repo}/actions/runs/${process.env.GITHUB_RUN_ID}`
        : undefined;
    const failing = report.clusters.filter((c) => c.status === 'fail');
    const result = await (0,report_src/* upsertIssue */.Fo)(client, {
        owner: target.owner,
        repo: target.repo,
        label: 'arc-verify',
        title: `Fleet verification: ${failing.length} clusters failing`,
        body: renderIssue(report, runUrl),
        open: report.status === 'fail',
    });
    return { outcome: result.outcome, number: result.number };
}


/***/ })

};
