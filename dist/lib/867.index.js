export const id = 867;
export const ids = [867];
export const modules = {

/***/ 92416:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ parseKubeconfig)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38816);
/* harmony import */ var _arc_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(19297);


/** The fields of a kubeconfig user that are credentials. */
const CREDENTIAL_FIELDS = ['token', 'password', 'client-key-data', 'client-certificate-data', 'id-token', 'refresh-token', 'client-secret'];
const entryName = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP({ error: 'every entry needs a name' }).min(1, 'every entry needs a name');
const kubeconfigSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    apiVersion: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz('v1').optional(),
    kind: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz('Config').optional(),
    clusters: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        name: entryName,
        cluster: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ server: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^https?:\/\/\S+$/, 'the cluster server must be an http(s) URL') }).loose(),
    }))
        .min(1, 'a kubeconfig needs at least one cluster'),
    contexts: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        name: entryName,
        context: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ cluster: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1), user: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(), namespace: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional() }).loose(),
    }))
        .min(1, 'a kubeconfig needs at least one context'),
    users: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ name: entryName, user: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J()).nullable() })).default([]),
    'current-context': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
});
/** Registers every credential inside a parsed kubeconfig (and the whole text, line by line) as a secret. */
function maskCredentials(text, users) {
    (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .maskSecret */ .$l)(text);
    const walk = (value, key) => {
        if (typeof value === 'string') {
            if (key && CREDENTIAL_FIELDS.includes(key))
                (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .maskSecret */ .$l)(value);
        }
        else if (Array.isArray(value))
            value.forEach((v) => walk(v, key));
        else if (value && typeof value === 'object')
            for (const [k, v] of Object.entries(value))
                walk(v, k);
    };
    walk(users);
    // Also anything that looks like a credential line, in case the structure is unusual.
    for (const m of text.matchAll(/^\s*-?\s*(token|password|client-key-data|client-certificate-data|id-token|refresh-token|client-secret):\s*["']?([^"'\s]+)/gm))
        (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .maskSecret */ .$l)(m[2]);
}
/**
 * Parses kubeconfig content given in an input, masks its credentials before anything else sees them, and checks
 * that the requested context exists. `input` names the input in errors; the content itself is never shown.
 */
function parseKubeconfig(text, input, context, contextInput = 'kube-context') {
    maskCredentials(text, undefined);
    const config = (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .parseYamlWithSchema */ .Ku)(text, kubeconfigSchema, `Input "${input}" (a kubeconfig)`, input);
    maskCredentials(text, config.users);
    const contexts = config.contexts.map((c) => c.name);
    const chosen = context ?? config['current-context'];
    if (!chosen) {
        throw new _arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input "${input}" has no current-context; set "${contextInput}" to one of: ${contexts.join(', ')}.`, contextInput);
    }
    const ctx = config.contexts.find((c) => c.name === chosen);
    if (!ctx) {
        const where = context ? `Input "${contextInput}" names "${chosen}"` : `Input "${input}" has current-context "${chosen}"`;
        throw new _arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${where}, which is not a context of the kubeconfig; it has: ${contexts.join(', ')}.`, context ? contextInput : input);
    }
    const cluster = config.clusters.find((c) => c.name === ctx.context.cluster);
    if (!cluster) {
        throw new _arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input "${input}" has context "${chosen}" pointing at cluster "${ctx.context.cluster}", which is not in its clusters list.`, input);
    }
    return { contexts, context: chosen, server: cluster.cluster.server };
}


/***/ }),

/***/ 54867:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run),
  shardOf: () => (/* reexport */ shardOf)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(96421);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 8 modules
var src = __webpack_require__(19297);
// EXTERNAL MODULE: ./packages/report/src/index.ts + 10 modules
var report_src = __webpack_require__(43591);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(38816);
// EXTERNAL MODULE: ./packages/azure/src/index.ts + 8 modules
var azure_src = __webpack_require__(3553);
// EXTERNAL MODULE: ./actions/arc-connect/src/kubeconfig.ts
var kubeconfig = __webpack_require__(92416);
;// CONCATENATED MODULE: ./actions/arc-verify/src/inputs.ts





const ACCESS = ['kubeconfig', 'cluster-connect', 'none'];
const FAIL_ON = ['fail', 'warn', 'never'];
const MODES = ['verify', 'aggregate'];
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
        if (!/^[A-Za-z0-9][-_.A-Za-z0-9]{0,62}$/.test(name))
            throw new src/* ConfigurationError */.j1(`Input "kubeconfigs" has the key ${(0,src/* shown */.SP)(name)}, which is not a cluster name.`, 'kubeconfigs');
        (0,src/* maskSecret */.$l)(content);
        (0,kubeconfig/* parseKubeconfig */.D)(content, 'kubeconfigs', undefined, 'kubeconfigs');
    }
    return map;
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
        if (targets?.kind === 'targets') {
            const missing = targets.targets.filter((t) => !(t.name in kubeconfigs)).map((t) => t.name);
            if (missing.length)
                throw new src/* ConfigurationError */.j1(`Input "kubeconfigs" has no kubeconfig for ${missing.join(', ')}; add them or remove those clusters from targets.`, 'kubeconfigs');
        }
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
    return {
        identity,
        mode,
        targets,
        access,
        kubeconfigs,
        negativeTestNamespace,
        minAgentVersion,
        certExpiryWarningMs,
        reportPath,
        previousReport,
        failOn,
        issue,
        githubToken,
        shard,
    };
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
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
                push(extensions, row.clusterId, { id, name, clusterId: row.clusterId, extensionType, provisioningState: extensionState || undefined });
            else
                push(flux, row.clusterId, { id, name, clusterId: row.clusterId, complianceState: complianceState || undefined, provisioningState: fluxState || undefined });
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

// EXTERNAL MODULE: ./packages/kube/src/index.ts + 3 modules
var kube_src = __webpack_require__(48439);
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

;// CONCATENATED MODULE: ./actions/arc-verify/src/main.ts






/** arc-verify: the nightly checklist of a governed fleet, as a JSON report, a step summary and a regression issue. */
async function run(deps = {}) {
    await (0,src/* runAction */.Cs)('arc-verify', async () => {
        const inputs = readInputs();
        const outcome = await runVerify(inputs, deps);
        await (0,report_src/* writeStepSummary */.oG)(outcome.markdown);
        (0,src/* setOutput */.uH)('report', outcome.report);
        (0,src/* setOutput */.uH)('status', outcome.report.status);
        (0,src/* setOutput */.uH)('matrix', outcome.matrix);
        const { status } = outcome.report;
        if ((inputs.failOn === 'fail' && status === 'fail') || (inputs.failOn === 'warn' && status !== 'ok')) {
            core/* setFailed */.C1(`Fleet verification ended ${status}: ${outcome.report.counts.fail} clusters fail, ${outcome.report.counts.warn} warn (fail-on: ${inputs.failOn}).`);
        }
    });
}


/***/ }),

/***/ 48439:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  b0: () => (/* reexport */ checkArcAgents),
  Rb: () => (/* reexport */ checkGatekeeperWebhook),
  Hd: () => (/* reexport */ checkMonitoring),
  or: () => (/* reexport */ checkNodes),
  b2: () => (/* reexport */ listAddonConstraints),
  u3: () => (/* reexport */ loadKubeConfig),
  CB: () => (/* reexport */ maskKubeconfig),
  pH: () => (/* reexport */ privilegedPodTest)
});

// UNUSED EXPORTS: apiMessage, expectedPrivilegedOutcome, statusOf

// EXTERNAL MODULE: ./packages/core/src/index.ts + 8 modules
var src = __webpack_require__(19297);
;// CONCATENATED MODULE: ./packages/kube/src/access.ts

/** Registers every credential inside a kubeconfig as a secret (tokens, keys, passwords, client certificates). */
function maskKubeconfig(text) {
    (0,src/* maskSecret */.$l)(text);
    for (const match of text.matchAll(/^\s*(token|client-key-data|client-certificate-data|password|id-token|refresh-token):\s*["']?([^"'\s]+)/gm)) {
        (0,src/* maskSecret */.$l)(match[2]);
    }
}
/** Loads a kubeconfig (lazily importing the Kubernetes client, which is large). */
async function loadKubeConfig(options) {
    const { KubeConfig } = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(433)]).then(__webpack_require__.bind(__webpack_require__, 14433));
    const kc = new KubeConfig();
    const input = options.input ?? 'kubeconfig';
    if (options.kubeconfig) {
        maskKubeconfig(options.kubeconfig);
        try {
            kc.loadFromString(options.kubeconfig);
        }
        catch (error) {
            throw new src/* ConfigurationError */.j1(`Input "${input}" is not a valid kubeconfig (${error.message.split('\n')[0]}).`, input);
        }
    }
    else {
        kc.loadFromDefault();
    }
    if (options.context) {
        if (!kc.getContexts().some((c) => c.name === options.context)) {
            throw new src/* ConfigurationError */.j1(`Input "kube-context" names "${options.context}", which is not in the kubeconfig; it has: ${kc
                .getContexts()
                .map((c) => c.name)
                .join(', ') || 'no contexts'}.`, 'kube-context');
        }
        kc.setCurrentContext(options.context);
    }
    if (!kc.getCurrentCluster()) {
        throw new src/* ConfigurationError */.j1(`Input "${input}" has no current cluster; set current-context or the "kube-context" input.`, input);
    }
    return kc;
}

;// CONCATENATED MODULE: ./packages/kube/src/in-cluster.ts

async function api(kc) {
    const k8s = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(433)]).then(__webpack_require__.bind(__webpack_require__, 14433));
    return {
        k8s,
        core: kc.makeApiClient(k8s.CoreV1Api),
        apps: kc.makeApiClient(k8s.AppsV1Api),
        custom: kc.makeApiClient(k8s.CustomObjectsApi),
        admission: kc.makeApiClient(k8s.AdmissionregistrationV1Api),
        apiext: kc.makeApiClient(k8s.ApiextensionsV1Api),
    };
}
/** HTTP status of a client error, if it came from the API server. */
function statusOf(error) {
    const code = error?.code;
    return typeof code === 'number' ? code : undefined;
}
/** The message the API server gave (for admission denials, the webhook's message), else the error's. */
function apiMessage(error) {
    const body = error?.body;
    if (typeof body === 'string') {
        try {
            const parsed = JSON.parse(body);
            if (parsed.message)
                return parsed.message;
        }
        catch {
            /* not JSON */
        }
    }
    else if (body && typeof body === 'object' && 'message' in body) {
        return String(body.message);
    }
    return (0,src/* errorMessage */.gJ)(error);
}
async function checkNodes(kc) {
    const { core } = await api(kc);
    try {
        const nodes = await core.listNode({});
        const ready = nodes.items.filter((n) => n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length;
        return {
            check: 'get-nodes',
            status: 'ok',
            reason: `${nodes.items.length} nodes, ${ready} Ready.`,
            evidence: { nodes: nodes.items.length, ready },
        };
    }
    catch (error) {
        return {
            check: 'get-nodes',
            status: 'fail',
            reason: `Listing nodes failed: ${apiMessage(error)}.`,
            fix: 'Check the cluster access (kubeconfig or cluster connect) and RBAC.',
        };
    }
}
async function checkArcAgents(kc) {
    const { core } = await api(kc);
    const pods = await core.listNamespacedPod({ namespace: 'azure-arc' });
    if (!pods.items.length)
        return { check: 'arc-agents', status: 'fail', reason: 'No pods in namespace azure-arc.', fix: 'Onboard the cluster with arc-connect.' };
    const notReady = pods.items.filter((p) => p.status?.phase !== 'Running' || !p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
    if (notReady.length) {
        return {
            check: 'arc-agents',
            status: 'fail',
            reason: `${notReady.length} of ${pods.items.length} azure-arc pods not Running and Ready: ${notReady.map((p) => `${p.metadata?.name} (${p.status?.phase})`).join(', ')}.`,
            fix: 'kubectl -n azure-arc describe pod <name>: Pending means resources, ImagePullBackOff means egress or proxy.',
        };
    }
    return { check: 'arc-agents', status: 'ok', reason: `${pods.items.length} azure-arc pods Running and Ready.` };
}
async function checkMonitoring(kc) {
    const { apps } = await api(kc);
    try {
        const ds = await apps.readNamespacedDaemonSet({ name: 'ama-logs', namespace: 'kube-system' });
        const desired = ds.status?.desiredNumberScheduled ?? 0;
        const ready = ds.status?.numberReady ?? 0;
        if (desired === 0 || ready < desired) {
            return {
                check: 'monitoring',
                status: 'fail',
                reason: `ama-logs: ${ready} of ${desired} ready.`,
                fix: 'kubectl -n kube-system describe ds ama-logs.',
                evidence: { desired, ready },
            };
        }
        return { check: 'monitoring', status: 'ok', reason: `ama-logs: ${ready} of ${desired} ready.`, evidence: { desired, ready } };
    }
    catch (error) {
        if (statusOf(error) === 404)
            return { check: 'monitoring', status: 'skipped', reason: 'The monitoring extension (ama-logs) is not installed.' };
        throw error;
    }
}
/** Every constraint the Azure Policy add-on installed (`azurepolicy-*`), across constraint kinds. */
async function listAddonConstraints(kc) {
    const { custom, apiext } = await api(kc);
    const crds = await apiext.listCustomResourceDefinition({});
    const kinds = crds.items.filter((c) => c.spec.group === 'constraints.gatekeeper.sh');
    const out = [];
    for (const crd of kinds) {
        const list = (await custom.listClusterCustomObject({
            group: 'constraints.gatekeeper.sh',
            version: 'v1beta1',
            plural: crd.spec.names.plural,
        }));
        for (const item of list.items) {
            if (!item.metadata.name.startsWith('azurepolicy-'))
                continue;
            const byPod = (item.status?.byPod ?? []);
            out.push({
                kind: crd.spec.names.kind,
                name: item.metadata.name,
                enforcementAction: item.spec?.enforcementAction ?? 'deny',
                assignmentId: item.metadata.annotations?.['azure-policy-assignment-id'],
                definitionId: item.metadata.annotations?.['azure-policy-definition-id'],
                excludedNamespaces: item.spec?.match?.excludedNamespaces ?? [],
                namespaces: item.spec?.match?.namespaces ?? [],
                enforced: byPod.length > 0 && byPod.every((p) => p.enforced === true),
                totalViolations: item.status?.totalViolations,
            });
        }
    }
    return out;
}
async function checkGatekeeperWebhook(kc) {
    const { admission } = await api(kc);
    const configs = await admission.listValidatingWebhookConfiguration({});
    const hook = configs.items.flatMap((c) => c.webhooks ?? []).find((w) => w.name === 'validation.gatekeeper.sh');
    if (!hook) {
        return {
            check: 'gatekeeper-webhook',
            status: 'fail',
            reason: 'No validation.gatekeeper.sh webhook is registered.',
            fix: 'Install the azurepolicy extension (arc-connect extensions: azurepolicy).',
        };
    }
    return {
        check: 'gatekeeper-webhook',
        status: 'ok',
        reason: `Registered (failurePolicy ${hook.failurePolicy ?? 'Fail'}).`,
        evidence: { failurePolicy: hook.failurePolicy },
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./packages/kube/src/negative-test.ts


/** What a privileged pod should meet in `namespace`, given the add-on's no-privilege constraints there. */
function expectedPrivilegedOutcome(constraints, namespace) {
    const applicable = constraints.filter((c) => /noprivilege$|privilegedcontainer/i.test(c.kind) &&
        !c.excludedNamespaces.includes(namespace) &&
        (c.namespaces.length === 0 || c.namespaces.includes(namespace)));
    if (applicable.some((c) => c.enforcementAction === 'deny'))
        return 'denied';
    return applicable.length ? 'admitted' : 'unguarded';
}
/**
 * The negative test: creates a privileged pod with server-side dry-run (nothing is persisted) and checks that the
 * admission result matches the policy in force: denied under Deny, admitted (and reported as such) under Audit.
 */
async function privilegedPodTest(kc, namespace, constraints) {
    const k8s = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(433)]).then(__webpack_require__.bind(__webpack_require__, 14433));
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const expected = expectedPrivilegedOutcome(constraints, namespace);
    const name = `arc-verify-privileged-${(0,external_node_crypto_.randomBytes)(3).toString('hex')}`;
    const body = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, namespace, labels: { 'app.kubernetes.io/managed-by': 'arc-verify' } },
        spec: { containers: [{ name: 'probe', image: 'mcr.microsoft.com/oss/kubernetes/pause:3.6', securityContext: { privileged: true } }] },
    };
    let outcome;
    let message = '';
    try {
        await core.createNamespacedPod({ namespace, body, dryRun: 'All' });
        outcome = 'admitted';
    }
    catch (error) {
        message = apiMessage(error);
        if (statusOf(error) === 403 && message.includes('denied the request'))
            outcome = 'denied';
        else
            return {
                check: 'negative-test',
                status: 'fail',
                reason: `The dry-run create failed for another reason: ${message}.`,
                fix: 'Check RBAC (create pods) and the namespace.',
            };
    }
    const evidence = { namespace, expected, outcome, message };
    if (outcome === 'denied') {
        return { check: 'negative-test', status: 'ok', reason: `A privileged pod in ${namespace} was denied: ${message}`, evidence };
    }
    if (expected === 'denied') {
        return {
            check: 'negative-test',
            status: 'fail',
            reason: `A privileged pod in ${namespace} was admitted although a Deny constraint applies.`,
            fix: 'Check that Gatekeeper is running and its webhook reachable (failurePolicy Ignore admits everything when it is down).',
            evidence,
        };
    }
    return {
        check: 'negative-test',
        status: 'warn',
        reason: expected === 'admitted'
            ? `A privileged pod in ${namespace} was admitted: the assignment is Audit.`
            : `A privileged pod in ${namespace} was admitted: no no-privilege policy applies there.`,
        fix: 'Promote the assignment to Deny with policy-rollout once the fleet has no violations.',
        evidence,
    };
}

;// CONCATENATED MODULE: ./packages/kube/src/index.ts





/***/ })

};
