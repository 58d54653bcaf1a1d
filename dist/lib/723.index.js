export const id = 723;
export const ids = [723];
export const modules = {

/***/ 37798:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  jf: () => (/* binding */ kubeconfigFor),
  Ko: () => (/* binding */ readInputs)
});

// UNUSED EXPORTS: ACCESS, FAIL_ON, MODES, readKubeconfigs, readObservationInputs, readShard

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(38816);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 8 modules
var src = __webpack_require__(34786);
// EXTERNAL MODULE: ./packages/azure/src/index.ts + 31 modules
var azure_src = __webpack_require__(64601);
// EXTERNAL MODULE: ./packages/kube/src/index.ts + 10 modules
var kube_src = __webpack_require__(43694);
;// CONCATENATED MODULE: ./actions/arc-verify/src/egress-inputs.ts

function readEgressProbeInputs(access) {
    const probe = (0,src/* enumInput */.gX)('egress-probe', ['off', 'in-cluster'], 'off');
    if (probe === 'in-cluster' && access !== 'kubeconfig')
        throw new src/* ConfigurationError */.j1(`Input "egress-probe" is in-cluster but "access" is ${access}; the probe Job needs access: kubeconfig (and kubeconfigs).`, 'egress-probe');
    const image = (0,src/* optionalString */.sx)('egress-probe-image', {
        maxLength: 255,
        pattern: {
            regex: /^[a-z0-9][a-z0-9._/:@-]{0,254}$/,
            description: 'a container image reference (registry/repository:tag or @sha256:digest)',
        },
    });
    return { probe, image };
}

;// CONCATENATED MODULE: ./actions/arc-verify/src/inputs.ts






const ACCESS = ['kubeconfig', 'cluster-connect', 'none'];
const FAIL_ON = ['fail', 'warn', 'never'];
const MODES = ['verify', 'aggregate'];
/** `log-errors`, `required-tags`, `newest-kubernetes-minor`, `max-minors-behind`. */
function readObservationInputs() {
    const logErrors = (0,src/* optionalString */.sx)('log-errors', { maxLength: 16 });
    return {
        logErrorsMs: logErrors ? (0,src/* durationInput */.Ts)('log-errors', { default: '24h', min: '5m', max: '30d' }) : undefined,
        requiredTags: (0,src/* listInput */.dt)('required-tags', {
            item: { regex: /^[^<>%&\\?/]{1,512}$/, description: 'a tag name (up to 512 characters, none of < > % & \\ ? /)' },
            max: 50,
        }),
        newestKubernetesMinor: (0,src/* optionalString */.sx)('newest-kubernetes-minor', {
            pattern: { regex: /^\d+\.\d+$/, description: 'a Kubernetes minor x.y such as 1.33' },
        }),
        maxMinorsBehind: (0,src/* integerInput */.$A)('max-minors-behind', { default: 2, min: 0, max: 20 }),
    };
}
const kubeconfigsSchema = schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP({ error: 'each value must be the kubeconfig content as a string (use a YAML block scalar |)' }), {
    error: (i) => (i.code === 'invalid_type' ? 'expected a YAML map of cluster names to kubeconfig content' : undefined),
});
/** `kubeconfigs`: masked as a whole before parsing, then every kubeconfig's credentials too. */
function readKubeconfigs() {
    const text = (0,src/* optionalString */.sx)('kubeconfigs', { secret: true, maxLength: 4_194_304 });
    if (!text)
        return {};
    const map = (0,src/* parseYamlWithSchema */.Ku)(text, kubeconfigsSchema, 'Input "kubeconfigs"', 'kubeconfigs');
    for (const [name, content] of Object.entries(map)) {
        if (!/^[A-Za-z0-9][-_.A-Za-z0-9]{0,62}$/.test(name) && !name.startsWith('/'))
            throw new src/* ConfigurationError */.j1(`Input "kubeconfigs" has the key ${(0,src/* shown */.SP)(name)}, which is neither a cluster name nor a cluster resource id.`, 'kubeconfigs');
        if (name.startsWith('/'))
            (0,azure_src/* parseClusterId */.Hy)(name, 'kubeconfigs');
        (0,src/* maskSecret */.$l)(content);
        (0,kube_src/* parseKubeconfig */.DU)(content, 'kubeconfigs', undefined, 'kubeconfigs');
    }
    return map;
}
/**
 * The kubeconfig of a cluster: the one keyed by its id (any case), else the one keyed by its name. Two clusters that
 * share a name in two resource groups need their kubeconfigs keyed by id.
 */
function kubeconfigFor(kubeconfigs, ref) {
    const byId = Object.entries(kubeconfigs).find(([k]) => k.toLowerCase() === ref.key);
    return byId ? byId[1] : kubeconfigs[ref.name];
}
/** Explicit targets whose kubeconfig is missing, or shared by name between two clusters of the same name. */
function checkKubeconfigTargets(kubeconfigs, targets) {
    const missing = targets.filter((t) => !kubeconfigFor(kubeconfigs, t)).map((t) => t.name);
    if (missing.length)
        throw new src/* ConfigurationError */.j1(`Input "kubeconfigs" has no kubeconfig for ${missing.join(', ')}; add them or remove those clusters from targets.`, 'kubeconfigs');
    const byName = targets.filter((t) => !Object.keys(kubeconfigs).some((k) => k.toLowerCase() === t.key));
    const shared = byName.find((t) => byName.some((o) => o !== t && o.name === t.name));
    if (shared)
        throw new src/* ConfigurationError */.j1(`Input "kubeconfigs" has one kubeconfig for the name ${shared.name}, which two clusters in "targets" share; key each by its cluster id instead.`, 'kubeconfigs');
}
function readShard() {
    const value = (0,src/* optionalString */.sx)('shard', { maxLength: 16 });
    if (!value)
        return undefined;
    const m = /^(\d+)\/(\d+)$/.exec(value);
    const index = m ? Number(m[1]) : NaN;
    const count = m ? Number(m[2]) : NaN;
    if (!m || index < 1 || count < 1 || index > count || count > 256) {
        throw new src/* ConfigurationError */.j1(`Input "shard" has the value ${(0,src/* shown */.SP)(value)}; allowed: i/n with 1 ≤ i ≤ n ≤ 256, such as 2/5.`, 'shard');
    }
    return { index, count };
}
function readInputs() {
    const identity = (0,azure_src/* readAzureIdentityInputs */.dp)();
    const mode = (0,src/* enumInput */.gX)('mode', MODES, 'verify');
    const targets = (0,azure_src/* readFleetTargetInputs */.F9)({ required: mode === 'verify' });
    const access = (0,src/* enumInput */.gX)('access', ACCESS, 'none');
    const kubeconfigs = readKubeconfigs();
    if (access === 'kubeconfig') {
        if (Object.keys(kubeconfigs).length === 0)
            throw new src/* ConfigurationError */.j1('Input "kubeconfigs" is empty but "access" is kubeconfig; pass a YAML map of cluster name to kubeconfig from a secret.', 'kubeconfigs');
        if (targets?.kind === 'targets')
            checkKubeconfigTargets(kubeconfigs, targets.targets);
    }
    else if (Object.keys(kubeconfigs).length > 0) {
        throw new src/* ConfigurationError */.j1(`Input "kubeconfigs" is set but "access" is ${access}; set access: kubeconfig or remove kubeconfigs.`, 'kubeconfigs');
    }
    const negativeTestNamespace = (0,src/* optionalString */.sx)('negative-test-namespace', {
        pattern: { regex: /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, description: 'a namespace name (DNS-1123 label)' },
    }) ?? 'default';
    const minAgentVersion = (0,src/* optionalString */.sx)('min-agent-version', {
        pattern: { regex: /^\d+\.\d+\.\d+$/, description: 'a version x.y.z such as 1.21.0' },
    });
    const certExpiryWarningMs = (0,src/* durationInput */.Ts)('cert-expiry-warning', { default: '30d', min: '1d', max: '365d' });
    const reportInput = (0,src/* optionalString */.sx)('report-path', { maxLength: 1024 }) ?? (mode === 'verify' ? 'arc-verify-report.json' : '');
    if (!reportInput)
        throw new src/* ConfigurationError */.j1('Input "report-path" is empty but "mode" is aggregate; set it to the folder that holds the shard reports.', 'report-path');
    const reportPath = (0,azure_src/* workspacePath */.X5)('report-path', reportInput, { mustExist: mode === 'aggregate' ? 'any' : undefined });
    if (mode === 'verify' && (0,external_node_fs_.existsSync)(reportPath) && (0,external_node_fs_.statSync)(reportPath).isDirectory()) {
        throw new src/* ConfigurationError */.j1(`Input "report-path" has ${(0,src/* shown */.SP)(reportInput)}, which is a directory; in verify mode it names the JSON file to write.`, 'report-path');
    }
    const previous = (0,src/* optionalString */.sx)('previous-report', { maxLength: 1024 });
    const previousReport = previous ? (0,azure_src/* workspacePath */.X5)('previous-report', previous, { mustExist: 'file' }) : undefined;
    const failOn = (0,src/* enumInput */.gX)('fail-on', FAIL_ON, 'fail');
    const issue = (0,src/* booleanInput */.tE)('issue', false);
    const githubToken = (0,src/* optionalString */.sx)('github-token', { secret: true, maxLength: 4096 });
    if (issue && !githubToken)
        throw new src/* ConfigurationError */.j1('Input "github-token" is empty but "issue" is true; pass ${{ github.token }} with issues: write, or set issue: false.', 'github-token');
    const shard = readShard();
    if (shard && mode === 'aggregate')
        throw new src/* ConfigurationError */.j1('Input "shard" is set but "mode" is aggregate; shards apply to verify jobs, the aggregate job reads them all.', 'shard');
    const observation = readObservationInputs();
    if (observation.logErrorsMs && !identity.environment.logAnalytics)
        throw new src/* ConfigurationError */.j1(`Input "log-errors" is set but the custom environment ${identity.environment.name} names no Log Analytics query endpoint; add "logAnalytics" (an https URL) to "environment" or remove log-errors.`, 'log-errors');
    return {
        identity,
        mode,
        targets,
        access,
        kubeconfigs,
        negativeTestNamespace,
        minAgentVersion,
        certExpiryWarningMs,
        exemptionWarningDays: (0,src/* integerInput */.$A)('exemption-warning-days', { default: 14, min: 0, max: 365 }),
        reportPath,
        previousReport,
        failOn,
        issue,
        githubToken,
        shard,
        allowEmpty: (0,azure_src/* readAllowEmpty */.tl)(),
        egress: readEgressProbeInputs(access),
        ...observation,
    };
}


/***/ }),

/***/ 31723:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  R: () => (/* binding */ runVerify)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 8 modules
var src = __webpack_require__(34786);
// EXTERNAL MODULE: ./packages/azure/src/index.ts + 31 modules
var azure_src = __webpack_require__(64601);
// EXTERNAL MODULE: ./packages/report/src/index.ts + 13 modules
var report_src = __webpack_require__(6662);
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
const isAks = (c) => c.type === azure_src/* CLUSTER_RP */.sh.managedClusters.graphType;
/** AKS has no Arc agents: its power state and provisioning state say whether it runs. */
function checkAksRunning(c) {
    const evidence = { powerState: c.powerState, provisioningState: c.provisioningState };
    if (c.provisioningState === 'Failed')
        return {
            check: 'connectivity',
            status: 'fail',
            reason: 'The AKS cluster is in provisioning state Failed.',
            fix: "Read the cluster's last operation (az aks show) and reconcile it (az aks update).",
            evidence,
        };
    if (c.powerState && c.powerState !== 'Running')
        return {
            check: 'connectivity',
            status: 'fail',
            reason: `The AKS cluster is ${c.powerState}.`,
            fix: 'Start the cluster (az aks start).',
            evidence,
        };
    return { check: 'connectivity', status: 'ok', reason: `AKS cluster ${c.powerState ?? 'running'}.`, evidence };
}
function checkConnectivity(c, o) {
    if (isAks(c))
        return checkAksRunning(c);
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
    if (isAks(c))
        return { check: 'agent-version', status: 'skipped', reason: 'An AKS cluster runs no Arc agents.' };
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

;// CONCATENATED MODULE: ./actions/arc-verify/src/checks/exemptions.ts
const DAY = 86_400_000;
const exemptionScopeOf = (id) => id.replace(/\/providers\/Microsoft\.Authorization\/policyExemptions\/[^/]+$/i, '');
/**
 * The exemptions that cover a cluster: made at the cluster, its resource group or its subscription (an exemption at a
 * management group is not matched here: Resource Graph rows do not say which subscriptions a group holds).
 */
function exemptionsOf(cluster, all) {
    const id = cluster.id.toLowerCase();
    return all.filter((e) => {
        const scope = exemptionScopeOf(e.id).toLowerCase();
        return id === scope || id.startsWith(`${scope}/`);
    });
}
/**
 * `policy-exemptions`: fail on an exemption that has expired but is still there (Azure no longer honours it, so the
 * cluster is evaluated again while the record suggests otherwise); warn when one expires within the warning window;
 * ok otherwise; skipped without exemptions.
 */
function checkExemptions(cluster, all, now, warningDays) {
    const mine = exemptionsOf(cluster, all);
    if (!mine.length)
        return { check: 'policy-exemptions', status: 'skipped', reason: 'No policy exemption covers this cluster.' };
    const describe = (e) => `${e.name} (${e.category ?? 'exemption'} from ${(e.assignment ?? '').split('/').pop()}, expires ${e.expiresOn?.slice(0, 10)})`;
    const expired = mine.filter((e) => e.expiresOn && Date.parse(e.expiresOn) <= now);
    const soon = mine.filter((e) => e.expiresOn && Date.parse(e.expiresOn) > now && Date.parse(e.expiresOn) - now <= warningDays * DAY);
    const evidence = { exemptions: mine.map((e) => ({ name: e.name, assignment: e.assignment, expiresOn: e.expiresOn })) };
    if (expired.length)
        return {
            check: 'policy-exemptions',
            status: 'fail',
            reason: `${expired.length} expired exemptions are still present: ${expired.map(describe).join('; ')}.`,
            fix: 'Fix the exempted workloads and remove the exemption from the policy files (policy-rollout apply deletes it), or extend expires-on.',
            evidence,
        };
    if (soon.length)
        return {
            check: 'policy-exemptions',
            status: 'warn',
            reason: `${soon.length} exemptions expire within ${warningDays} days: ${soon.map((e) => `${describe(e)}, in ${Math.ceil((Date.parse(e.expiresOn) - now) / DAY)} days`).join('; ')}.`,
            fix: 'Fix the exempted workloads before the exemption expires; after that their violations count again (and Deny rejects them).',
            evidence,
        };
    return {
        check: 'policy-exemptions',
        status: 'ok',
        reason: `${mine.length} exemptions, none expiring within ${warningDays} days.`,
        evidence,
    };
}

// EXTERNAL MODULE: ./packages/kube/src/index.ts + 10 modules
var kube_src = __webpack_require__(43694);
;// CONCATENATED MODULE: ./actions/arc-verify/src/checks/egress.ts




/**
 * The nightly egress check of one cluster: the in-cluster probe Job (packages/kube egress-probe) with the proxy
 * settings the Arc agents were installed with (read from their Helm release), the same endpoints and verdicts as
 * arc-connect's pre-flight, folded into one row: fail if any probe row fails (the websocket upgrade stripped, a host
 * blocked), warn if one warns.
 */
async function egressCheck(kubeconfig, cluster, inputs) {
    const location = cluster.location?.toLowerCase().replace(/\s+/g, '');
    if (!location)
        return { check: 'egress', status: 'skipped', reason: 'The cluster has no location in Resource Graph.' };
    try {
        const kc = await (0,kube_src/* loadKubeConfig */.u3)({ kubeconfig, input: 'kubeconfigs' });
        const environment = inputs.identity.environment;
        const endpoints = (0,azure_src/* arcEndpoints */.ZB)(environment, location, (0,src/* readEnv */.$$)('INPUT_ENVIRONMENT'));
        const proxy = await (0,kube_src/* readAgentProxy */.WP)(kc).catch(() => undefined);
        const extraCa = (0,src/* readEnv */.$$)('NODE_EXTRA_CA_CERTS');
        const trust = extraCa ? (0,external_node_fs_.readFileSync)(extraCa, 'utf8') : '';
        const ca = [proxy?.ca, trust].filter(Boolean).join('\n') || undefined;
        const targets = (0,azure_src/* inClusterProbeTargets */.ol)((0,azure_src/* requiredHosts */.PO)(environment, location, endpoints, []), endpoints, location, []);
        const run = await (0,kube_src/* runEgressProbe */.Xb)(kc, targets, { ...proxy, ca }, { image: inputs.egress?.image });
        const via = (proxy?.https ?? proxy?.http)?.replace(/^([a-z]+:\/\/)[^/@]*@/i, '$1***@');
        const setting = proxy
            ? via
                ? `through the agents' proxy ${via}`
                : 'direct (the agents have no proxy)'
            : 'direct (no Arc agents release found)';
        if (!run.result)
            return {
                check: 'egress',
                status: 'fail',
                reason: `The in-cluster egress probe did not report (${run.failure}).`,
                fix: 'Let the identity of the kubeconfig create Jobs and Secrets in arc-actions-egress, and the nodes pull the probe image (egress-probe-image).',
            };
        return fold((0,azure_src/* inClusterEgressRows */.Qk)(run.result, via), setting);
    }
    catch (error) {
        return { check: 'egress', status: 'fail', reason: `The in-cluster egress probe could not run: ${(0,src/* errorMessage */.gJ)(error)}.` };
    }
}
function fold(rows, setting) {
    const failing = rows.filter((r) => r.result === 'fail');
    const warning = rows.filter((r) => r.result === 'warn');
    const shown = failing.length ? failing : warning;
    const evidence = { rows: rows.map((r) => ({ check: r.check, result: r.result })) };
    if (!shown.length)
        return {
            check: 'egress',
            status: 'ok',
            reason: `Every Arc endpoint and the relay websocket answered from inside the cluster, ${setting}.`,
            evidence,
        };
    return {
        check: 'egress',
        status: failing.length ? 'fail' : 'warn',
        reason: `${shown.map((r) => `${r.check.replace(/^in-cluster: /, '')}: ${r.detail}`).join('; ')}.`,
        fix: shown
            .map((r) => r.fix)
            .filter(Boolean)
            .join('; '),
        evidence,
    };
}
/** Appends the egress row to a cluster's in-cluster checks when asked and the cluster answered. */
async function withEgress(checks, kubeconfig, cluster, inputs) {
    if (inputs.egress?.probe !== 'in-cluster' || checks.some((c) => c.check === 'get-nodes' && c.status === 'fail'))
        return checks;
    return [...checks, await egressCheck(kubeconfig, cluster, inputs)];
}

;// CONCATENATED MODULE: ./actions/arc-verify/src/cluster-connect.ts
/** Cluster connect lives in @arc-actions/kube (policy-rollout's deny-impact preview uses it too). */


;// CONCATENATED MODULE: ./actions/arc-verify/src/in-cluster.ts



/** The policy assignments that apply to a cluster, with how many constraints each should produce there. */
async function assignmentsFor(clients, cluster, cache) {
    const out = [];
    for (const a of await (0,azure_src/* assignmentsAtCluster */.yZ)(clients, cluster)) {
        const effect = String(a.parameters?.effect?.value ?? 'Audit');
        if (effect.toLowerCase() === 'disabled' || !a.policyDefinitionId)
            continue;
        let policies = cache.get(a.policyDefinitionId.toLowerCase());
        if (policies === undefined) {
            policies = /policySetDefinitions/i.test(a.policyDefinitionId)
                ? ((await (0,azure_src/* readSetById */.ZH)(clients, cluster.subscriptionId, a.policyDefinitionId))?.policyDefinitions?.length ?? 0)
                : 1;
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

// EXTERNAL MODULE: ./actions/arc-verify/src/inputs.ts + 1 modules
var src_inputs = __webpack_require__(37798);
;// CONCATENATED MODULE: ./actions/arc-verify/src/governance.ts

const minorOf = (version) => /^v?(\d+)\.(\d+)/
    .exec(version ?? '')
    ?.slice(1, 3)
    .join('.');
/** The newest minor the fleet runs (x.y), or the input's. */
function newestMinor(clusters, input) {
    if (input)
        return { minor: input, source: 'input' };
    const minor = clusters
        .map((c) => minorOf(c.kubernetesVersion))
        .filter((v) => !!v)
        .sort(compareVersions)
        .pop();
    return minor ? { minor, source: 'fleet' } : undefined;
}
function tagCheck(cluster, required) {
    const tags = Object.fromEntries(Object.entries(cluster.tags ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    // ARM tag names are case-insensitive; a tag with an empty value carries no information.
    const missing = required.filter((t) => !String(tags[t.toLowerCase()] ?? '').trim());
    return missing.length
        ? {
            check: 'required-tags',
            status: 'warn',
            reason: `Missing required tags: ${missing.join(', ')}.`,
            fix: `Tag the cluster (az tag update --operation merge, or arc-connect's tags input) with ${missing.join(', ')}.`,
            evidence: { missing },
        }
        : { check: 'required-tags', status: 'ok', reason: `All ${required.length} required tags are set.` };
}
function versionCheck(cluster, newest, maxBehind) {
    const minor = minorOf(cluster.kubernetesVersion);
    if (!minor)
        return {
            check: 'kubernetes-version',
            status: 'skipped',
            reason: 'The cluster reports no kubernetesVersion (agents not reporting yet).',
        };
    const lag = minorLag(minor, newest.minor);
    const from = newest.source === 'input' ? 'newest-kubernetes-minor' : 'the newest minor in the fleet';
    const evidence = { kubernetesVersion: cluster.kubernetesVersion, newestMinor: newest.minor, minorsBehind: lag };
    return lag > maxBehind
        ? {
            check: 'kubernetes-version',
            status: 'warn',
            reason: `Kubernetes ${cluster.kubernetesVersion} is ${lag === Infinity ? 'a major version' : `${lag} minors`} behind ${newest.minor} (${from}); at most ${maxBehind} allowed.`,
            fix: `Upgrade the cluster to ${newest.minor} or a minor within ${maxBehind} of it.`,
            evidence,
        }
        : {
            check: 'kubernetes-version',
            status: 'ok',
            reason: `Kubernetes ${cluster.kubernetesVersion}, ${lag} minors behind ${newest.minor}.`,
            evidence,
        };
}
/** The checks of one cluster and the fleet's counts; call `add` per cluster, then read `section`. */
function governance(clusters, options) {
    const newest = newestMinor(clusters, options.newestKubernetesMinor);
    const section = { missingTags: Object.fromEntries(options.requiredTags.map((t) => [t, 0])) };
    if (newest)
        section.kubernetes = {
            newestMinor: newest.minor,
            source: newest.source,
            maxMinorsBehind: options.maxMinorsBehind,
            behind: 0,
            byMinor: {},
        };
    return {
        section,
        checks(cluster) {
            const out = [];
            if (options.requiredTags.length) {
                const tags = tagCheck(cluster, options.requiredTags);
                for (const t of tags.evidence?.missing ?? [])
                    section.missingTags[t]++;
                out.push(tags);
            }
            if (newest && section.kubernetes) {
                const version = versionCheck(cluster, newest, options.maxMinorsBehind);
                const minor = minorOf(cluster.kubernetesVersion) ?? 'unknown';
                section.kubernetes.byMinor[minor] = (section.kubernetes.byMinor[minor] ?? 0) + 1;
                if (version.status === 'warn')
                    section.kubernetes.behind++;
                out.push(version);
            }
            return out;
        },
    };
}

;// CONCATENATED MODULE: ./actions/arc-verify/src/log-errors.ts

/** Top messages kept per cluster and namespace, and rows kept in the JSON report. */
const TOP_PER_NAMESPACE = 5;
const MAX_REPORT_ROWS = 500;
/** Top N rows per cluster and namespace, most frequent first. */
function topPerNamespace(rows, n = TOP_PER_NAMESPACE) {
    const groups = new Map();
    for (const r of [...rows].sort((a, b) => b.count - a.count)) {
        const k = `${r.cluster}|${r.namespace}`;
        const g = groups.get(k) ?? [];
        if (g.length < n)
            g.push(r);
        groups.set(k, g);
    }
    return [...groups.values()].flat().sort((a, b) => b.count - a.count || a.cluster.localeCompare(b.cluster));
}
/**
 * Reads the container log errors of `mine` (this shard's clusters): one Resource Graph query for their Container
 * Insights workspaces, one Logs query per workspace. A cluster without a workspace fails (fail closed); a query that
 * failed, was throttled or answered partially warns its clusters with the reason; error lines warn too.
 */
async function verifyLogErrors(clients, mine, labels, options) {
    const subscriptions = [...new Set(mine.map((c) => c.ref.subscriptionId))];
    const scope = { subscriptions };
    const fleet = mine.length
        ? await (0,azure_src/* readFleetLogErrors */.y_)(clients, mine.map((c) => c.id), scope, options.windowMs)
        : undefined;
    const window = (0,azure_src/* windowOf */.Ou)(options.windowMs);
    const checks = new Map();
    const all = [];
    for (const ws of fleet?.workspaces ?? []) {
        all.push(...ws.rows);
        for (const key of ws.clusters) {
            const rows = ws.rows.filter((r) => r.cluster === key);
            const lines = rows.reduce((n, r) => n + r.count, 0);
            const top = [...rows].sort((a, b) => b.count - a.count)[0];
            const evidence = { workspace: ws.workspaceResourceId, errorLines: lines, namespaces: [...new Set(rows.map((r) => r.namespace))] };
            if (ws.outcome === 'failed')
                checks.set(key, { check: 'log-errors', status: 'warn', reason: `Log errors not read: ${ws.reason}`, evidence });
            else if (lines || ws.outcome === 'partial')
                checks.set(key, {
                    check: 'log-errors',
                    status: 'warn',
                    reason: `${lines} error lines in the last ${window.kql} in ${evidence.namespaces.length} namespaces` +
                        (top ? `; most frequent (${top.count}×, ${top.namespace}): ${top.message.slice(0, 120)}` : '') +
                        (ws.reason ? `. ${ws.reason}` : '.'),
                    fix: 'Open the query link in the log errors section and fix the failing workload.',
                    evidence,
                });
            else
                checks.set(key, { check: 'log-errors', status: 'ok', reason: `No error lines in the last ${window.kql}.`, evidence });
        }
    }
    for (const c of mine) {
        if (checks.has(c.ref.key))
            continue;
        const aks = c.ref.type === 'managedClusters';
        checks.set(c.ref.key, {
            check: 'log-errors',
            status: 'fail',
            reason: (aks
                ? 'The monitoring add-on names no Log Analytics workspace for this AKS cluster (addonProfiles.omsagent.config.logAnalyticsWorkspaceResourceID)'
                : 'No Container Insights extension names a Log Analytics workspace for this cluster (configuration setting logAnalyticsWorkspaceResourceID)') +
                (fleet && !fleet.complete ? ', and not every page of Resource Graph was read.' : '.'),
            fix: aks
                ? 'Enable Container Insights (az aks enable-addons --addons monitoring) or remove the log-errors input.'
                : 'Install Container Insights (arc-connect extensions: - azuremonitor-containers) or remove the log-errors input.',
        });
    }
    const byKey = new Map(mine.map((c) => [c.ref.key, c]));
    const top = topPerNamespace(all);
    const section = {
        window: window.kql,
        workspaces: (fleet?.workspaces ?? []).map((w) => ({
            workspace: w.workspaceResourceId,
            outcome: w.outcome,
            ...(w.reason ? { reason: w.reason } : {}),
            clusters: w.clusters.length,
            queryMs: w.queryMs,
        })),
        rows: top.slice(0, MAX_REPORT_ROWS).map((r) => {
            const cluster = byKey.get(r.cluster);
            const workspace = fleet?.workspaceOf.get(r.cluster);
            const id = cluster?.id ?? r.cluster;
            return {
                cluster: labels.get(r.cluster) ?? r.cluster,
                id,
                namespace: r.namespace,
                message: r.message,
                count: r.count,
                lastSeen: r.lastSeen,
                ...(options.environment.portal && workspace
                    ? {
                        link: (0,azure_src/* portalQueryLink */.vR)(options.environment.portal, options.tenantId, workspace, (0,azure_src/* containerErrorsQuery */.nV)([id], options.windowMs, 100), window.iso),
                    }
                    : {}),
            };
        }),
        notShown: Math.max(0, top.length - MAX_REPORT_ROWS),
    };
    return { checks, section, graphCalls: fleet?.graphCalls ?? 0, complete: fleet?.complete ?? true };
}

;// CONCATENATED MODULE: ./actions/arc-verify/src/sections.ts


/** Rows of the log errors table in the step summary (the JSON report keeps up to MAX_REPORT_ROWS). */
const SUMMARY_LOG_ROWS = 50;
function renderLogErrors(section) {
    if (!section)
        return undefined;
    const lines = section.rows.reduce((n, r) => n + r.count, 0);
    const shown = section.rows.slice(0, SUMMARY_LOG_ROWS);
    const more = section.rows.length - shown.length + section.notShown;
    const troubled = section.workspaces.filter((w) => w.outcome !== 'ok');
    return (0,report_src/* blocks */.Bv)((0,report_src/* heading */.R_)(`Container log errors (last ${section.window})`, 3), `${lines} error and critical lines in ContainerLogV2 across ${new Set(section.rows.map((r) => r.id)).size} clusters; ` +
        `${section.workspaces.length} Log Analytics workspaces, one query each` +
        (section.workspaces.length ? ` (${section.workspaces.map((w) => `${w.queryMs ?? '?'} ms`).join(', ')})` : '') +
        '.', troubled.length
        ? (0,report_src/* table */.tp)(['Workspace', 'Outcome', 'Why'], troubled.map((w) => [w.workspace.split('/').pop(), `⚠️ ${w.outcome}`, w.reason ?? '']))
        : undefined, shown.length
        ? (0,report_src/* table */.tp)(['Cluster', 'Namespace', 'Count', 'Message', 'Query'], shown.map((r) => [r.cluster, r.namespace, r.count, '`' + r.message.replace(/`/g, "'") + '`', r.link ? `[open](${r.link})` : '']))
        : undefined, more > 0
        ? `${more} more not shown${section.notShown ? ` (the JSON report keeps ${MAX_REPORT_ROWS})` : ' here; the JSON report has them'}.`
        : undefined);
}
function renderGovernance(section) {
    if (!section)
        return undefined;
    const tags = Object.entries(section.missingTags);
    const k = section.kubernetes;
    if (!tags.length && !k)
        return undefined;
    return (0,report_src/* blocks */.Bv)((0,report_src/* heading */.R_)('Governance', 3), tags.length
        ? (0,report_src/* table */.tp)(['Required tag', 'Clusters missing it'], tags.map(([t, n]) => [t, n ? `⚠️ ${n}` : '0']))
        : undefined, k
        ? `Kubernetes: newest minor ${k.newestMinor} (${k.source === 'input' ? 'newest-kubernetes-minor' : 'the newest in the fleet'}); ` +
            `${k.behind ? `⚠️ ${k.behind}` : 'no'} clusters more than ${k.maxMinorsBehind} minors behind. By minor: ` +
            Object.entries(k.byMinor)
                .map(([m, n]) => `${m} × ${n}`)
                .join(', ') +
            '.'
        : undefined);
}
/** Merges the sections of shard reports: rows concatenated (most frequent first, capped), counts summed. */
function mergeSections(shards) {
    const logs = shards.map((s) => s.logErrors).filter((s) => !!s);
    const gov = shards.map((s) => s.governance).filter((s) => !!s);
    const out = {};
    if (logs.length) {
        const rows = logs.flatMap((l) => l.rows).sort((a, b) => b.count - a.count);
        out.logErrors = {
            window: logs[0].window,
            workspaces: logs.flatMap((l) => l.workspaces),
            rows: rows.slice(0, MAX_REPORT_ROWS),
            notShown: logs.reduce((n, l) => n + l.notShown, 0) + Math.max(0, rows.length - MAX_REPORT_ROWS),
        };
    }
    if (gov.length) {
        const missingTags = {};
        for (const g of gov)
            for (const [t, n] of Object.entries(g.missingTags))
                missingTags[t] = (missingTags[t] ?? 0) + n;
        const ks = gov.map((g) => g.kubernetes).filter((k) => !!k);
        out.governance = { missingTags };
        if (ks.length) {
            const byMinor = {};
            for (const k of ks)
                for (const [m, n] of Object.entries(k.byMinor))
                    byMinor[m] = (byMinor[m] ?? 0) + n;
            out.governance.kubernetes = { ...ks[0], behind: ks.reduce((n, k) => n + k.behind, 0), byMinor };
        }
    }
    return out;
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
        : undefined, (0,report_src/* statusPie */.$c)({ ok: report.counts.ok, warn: report.counts.warn, fail: report.counts.fail }, 'Clusters by status'), renderLogErrors(report.logErrors), renderGovernance(report.governance), (0,report_src/* heading */.R_)('Fleet matrix', 3), (0,report_src/* table */.tp)(['Cluster', ...checks], report.clusters.map((c) => [c.name, ...checks.map((k) => ICON[c.checks.find((x) => x.check === k)?.status ?? 'skipped'])])), failing.length
        ? (0,report_src/* blocks */.Bv)((0,report_src/* heading */.R_)('What failed and how to fix it', 3), ...failing.map((c) => (0,report_src/* details */.zH)(`${ICON[c.status]} ${c.name}`, (0,report_src/* table */.tp)(['Check', 'Status', 'Reason', 'Fix'], c.checks.filter((k) => k.status === 'fail' || k.status === 'warn').map((k) => [k.check, k.status, k.reason, k.fix ?? ''])))))
        : undefined);
}
/** The regression issue's body: what fails now, regressions first. */
function renderIssue(report, runUrl) {
    return (0,report_src/* blocks */.Bv)(`Nightly fleet verification found ${report.counts.fail} failing and ${report.counts.warn} warning clusters${runUrl ? ` ([run](${runUrl}))` : ''}.`, renderVerify(report));
}

;// CONCATENATED MODULE: ./actions/arc-verify/src/story-io.ts





/** The files and GitHub objects arc-verify reads and writes besides Azure: previous report, shard reports, the issue. */
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
    const failing = report.clusters.filter((c) => c.status === 'fail');
    const result = await (0,report_src/* upsertIssue */.Fo)(client, {
        owner: target.owner,
        repo: target.repo,
        label: 'arc-verify',
        title: `Fleet verification: ${failing.length} clusters failing`,
        body: renderIssue(report, (0,src/* runUrl */.Vp)()),
        open: report.status === 'fail',
    });
    return { outcome: result.outcome, number: result.number };
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
        ...(meta.sections?.logErrors ? { logErrors: meta.sections.logErrors } : {}),
        ...(meta.sections?.governance ? { governance: meta.sections.governance } : {}),
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
        sections: mergeSections(shards),
    });
}

;// CONCATENATED MODULE: ./actions/arc-verify/src/story.ts
















const EXPECTED_EXTENSIONS = ['microsoft.policyinsights'];
const SHARD_SIZE = 50;
async function runVerify(inputs, deps = {}) {
    const now = deps.now ?? Date.now;
    const previous = readPrevious(inputs.previousReport);
    let report;
    let matrixCount = 1;
    if (inputs.mode === 'aggregate') {
        report = mergeReports(readShardReports(inputs.reportPath), now(), previous);
    }
    else {
        const clients = deps.clients ?? (await (0,azure_src/* armClientsFor */.ul)(inputs.identity));
        const subscription = inputs.identity.subscriptionId ?? (inputs.targets?.kind === 'targets' ? inputs.targets.targets[0].subscriptionId : undefined);
        if (!subscription &&
            !(inputs.targets?.kind === 'selector' &&
                (inputs.targets.selector.subscriptions.length || inputs.targets.selector.managementGroups.length))) {
            throw new src/* ConfigurationError */.j1('Input "subscription-id" is empty and the selector names no subscriptions or management groups; set one of them.', 'subscription-id');
        }
        const data = await (0,azure_src/* readFleetState */.cf)(clients, inputs.targets?.kind === 'targets' ? { refs: inputs.targets.targets } : { selector: inputs.targets?.selector }, subscription ?? '');
        if (inputs.targets?.kind === 'selector' && data.clusters.length === 0 && !inputs.allowEmpty)
            throw (0,azure_src/* emptySelectionError */.UQ)(inputs.targets.selector, (0,azure_src/* selectorScope */.E3)(inputs.targets.selector, subscription));
        const options = {
            now: now(),
            minAgentVersion: inputs.minAgentVersion,
            certExpiryWarningMs: inputs.certExpiryWarningMs,
            maxHeartbeatAgeMs: 3_600_000,
            expectedExtensions: EXPECTED_EXTENSIONS,
        };
        const newest = newestAgentVersion(data.clusters);
        const sorted = [...data.clusters].sort((a, b) => a.id.localeCompare(b.id));
        // Rows are keyed by id and show the name, or the id where two clusters share a name.
        const labels = (0,azure_src/* clusterLabels */.EC)([...data.clusters.map((c) => c.ref), ...data.missing]);
        matrixCount = Math.min(256, Math.max(1, Math.ceil(sorted.length / SHARD_SIZE)));
        const mine = (0,src/* shardOf */.IS)(sorted, inputs.shard);
        const gov = governance(data.clusters, {
            requiredTags: inputs.requiredTags ?? [],
            newestKubernetesMinor: inputs.newestKubernetesMinor,
            maxMinorsBehind: inputs.maxMinorsBehind ?? 2,
        });
        const { tenantId, environment } = inputs.identity;
        const logs = inputs.logErrorsMs
            ? await verifyLogErrors(clients, mine, labels, { windowMs: inputs.logErrorsMs, tenantId, environment })
            : undefined;
        const cache = new Map();
        const settled = await (0,src/* mapSettled */.AW)(mine, 4, async (cluster, i) => {
            const { key } = cluster.ref;
            const checks = armChecks({ cluster, extensions: data.extensions.get(key) ?? [], flux: data.flux.get(key) ?? [], policy: data.policy.get(key) }, newest, options);
            checks.push(checkExemptions(cluster, data.exemptions, options.now, inputs.exemptionWarningDays ?? 14), ...gov.checks(cluster));
            if (logs?.checks.has(key))
                checks.push(logs.checks.get(key));
            if (inputs.access !== 'none')
                checks.push(...(await clusterChecks(clients, cluster, inputs, cache, 47100 + i, deps.az)));
            return { id: cluster.id, name: labels.get(key), status: clusterStatus(checks), checks };
        });
        const clusters = settled.map((r, i) => r.status === 'fulfilled'
            ? r.value
            : {
                id: mine[i].id,
                name: labels.get(mine[i].ref.key),
                status: 'fail',
                checks: [{ check: 'verify', status: 'fail', reason: `Verification failed: ${(0,src/* errorMessage */.gJ)(r.reason)}.` }],
            });
        for (const ref of data.missing) {
            const check = {
                check: 'connectivity',
                status: 'fail',
                reason: `The ${ref.type === 'managedClusters' ? 'AKS cluster' : 'cluster'} is not in Resource Graph (deleted, or no read access).`,
                fix: "Check the id and the identity's Reader role.",
            };
            clusters.push({ id: ref.id, name: labels.get(ref.key), status: 'fail', checks: [check] });
        }
        report = buildReport(clusters, {
            now: now(),
            complete: data.complete && (logs?.complete ?? true),
            queries: data.queries + (logs?.graphCalls ?? 0),
            shard: inputs.shard ? `${inputs.shard.index}/${inputs.shard.count}` : undefined,
            previous,
            sections: { logErrors: logs?.section, governance: gov.section },
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
    await deps.onOutcome?.(outcome);
    if (inputs.issue && (inputs.mode === 'aggregate' || !inputs.shard))
        outcome.issue = await (0,report_src/* publishOrWarn */.hA)('regression issue', () => regressionIssue(inputs, report, deps.octokit));
    return outcome;
}
async function clusterChecks(clients, cluster, inputs, cache, port, az) {
    const assignments = await assignmentsFor(clients, cluster.ref, cache);
    if (inputs.access === 'kubeconfig') {
        const kubeconfig = (0,src_inputs/* kubeconfigFor */.jf)(inputs.kubeconfigs, cluster.ref);
        if (!kubeconfig)
            return [
                { check: 'get-nodes', status: 'skipped', reason: 'No kubeconfig for this cluster in "kubeconfigs" (keyed by its id or its name).' },
            ];
        return withEgress(await inClusterChecks(kubeconfig, assignments, inputs.negativeTestNamespace), kubeconfig, cluster, inputs);
    }
    if (cluster.ref.type === 'managedClusters')
        return [
            { check: 'get-nodes', status: 'skipped', reason: 'Cluster connect reaches Arc clusters only; use access: kubeconfig for AKS.' },
        ];
    let session;
    try {
        session = await (0,kube_src/* startClusterConnect */.N7)(cluster.ref, {
            port,
            az,
            login: (0,src/* readEnv */.$$)('ACTIONS_ID_TOKEN_REQUEST_URL')
                ? {
                    clientId: inputs.identity.clientId,
                    tenantId: inputs.identity.tenantId,
                    audience: inputs.identity.audience,
                    environment: inputs.identity.environment,
                }
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


/***/ })

};
