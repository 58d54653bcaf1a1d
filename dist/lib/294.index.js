export const id = 294;
export const ids = [294];
export const modules = {

/***/ 16294:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run),
  shardOf: () => (/* reexport */ story/* shardOf */.I)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(96421);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 8 modules
var src = __webpack_require__(19297);
// EXTERNAL MODULE: ./packages/report/src/index.ts + 11 modules
var report_src = __webpack_require__(96958);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(38816);
// EXTERNAL MODULE: ./packages/azure/src/index.ts + 9 modules
var azure_src = __webpack_require__(86708);
// EXTERNAL MODULE: ./packages/kube/src/index.ts + 4 modules
var kube_src = __webpack_require__(58176);
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
        (0,kube_src/* parseKubeconfig */.DU)(content, 'kubeconfigs', undefined, 'kubeconfigs');
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

// EXTERNAL MODULE: ./actions/arc-verify/src/story.ts + 7 modules
var story = __webpack_require__(72789);
;// CONCATENATED MODULE: ./actions/arc-verify/src/main.ts






/** arc-verify: the nightly checklist of a governed fleet, as a JSON report, a step summary and a regression issue. */
async function run(deps = {}) {
    await (0,src/* runAction */.Cs)('arc-verify', async () => {
        const inputs = readInputs();
        const outcome = await (0,story/* runVerify */.R)(inputs, deps);
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

/***/ 58176:
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
  DU: () => (/* reexport */ parseKubeconfig),
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
    // Transport failures ("fetch failed") keep why in their cause: connection refused, DNS, TLS.
    const message = (0,src/* errorMessage */.gJ)(error);
    const cause = error?.cause;
    const detail = String((cause?.message || cause?.code) ?? '');
    return detail && !message.includes(detail) ? `${message} (${detail})` : message;
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

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(38816);
;// CONCATENATED MODULE: ./packages/kube/src/kubeconfig.ts


/** The fields of a kubeconfig user that are credentials. */
const CREDENTIAL_FIELDS = ['token', 'password', 'client-key-data', 'client-certificate-data', 'id-token', 'refresh-token', 'client-secret'];
const entryName = schemas/* string */.YjP({ error: 'every entry needs a name' }).min(1, 'every entry needs a name');
const kubeconfigSchema = schemas/* object */.Ikc({
    apiVersion: schemas/* literal */.euz('v1').optional(),
    kind: schemas/* literal */.euz('Config').optional(),
    clusters: schemas/* array */.YOg(schemas/* object */.Ikc({
        name: entryName,
        cluster: schemas/* object */.Ikc({ server: schemas/* string */.YjP().regex(/^https?:\/\/\S+$/, 'the cluster server must be an http(s) URL') }).loose(),
    }))
        .min(1, 'a kubeconfig needs at least one cluster'),
    contexts: schemas/* array */.YOg(schemas/* object */.Ikc({
        name: entryName,
        context: schemas/* object */.Ikc({ cluster: schemas/* string */.YjP().min(1), user: schemas/* string */.YjP().optional(), namespace: schemas/* string */.YjP().optional() }).loose(),
    }))
        .min(1, 'a kubeconfig needs at least one context'),
    users: schemas/* array */.YOg(schemas/* object */.Ikc({ name: entryName, user: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).nullable() })).default([]),
    'current-context': schemas/* string */.YjP().optional(),
});
/** Registers every credential inside a parsed kubeconfig (and the whole text, line by line) as a secret. */
function maskCredentials(text, users) {
    (0,src/* maskSecret */.$l)(text);
    const walk = (value, key) => {
        if (typeof value === 'string') {
            if (key && CREDENTIAL_FIELDS.includes(key))
                (0,src/* maskSecret */.$l)(value);
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
        (0,src/* maskSecret */.$l)(m[2]);
}
/**
 * Parses kubeconfig content given in an input, masks its credentials before anything else sees them, and checks
 * that the requested context exists. `input` names the input in errors; the content itself is never shown.
 */
function parseKubeconfig(text, input, context, contextInput = 'kube-context') {
    maskCredentials(text, undefined);
    const config = (0,src/* parseYamlWithSchema */.Ku)(text, kubeconfigSchema, `Input "${input}" (a kubeconfig)`, input);
    maskCredentials(text, config.users);
    const contexts = config.contexts.map((c) => c.name);
    const chosen = context ?? config['current-context'];
    if (!chosen) {
        throw new src/* ConfigurationError */.j1(`Input "${input}" has no current-context; set "${contextInput}" to one of: ${contexts.join(', ')}.`, contextInput);
    }
    const ctx = config.contexts.find((c) => c.name === chosen);
    if (!ctx) {
        const where = context ? `Input "${contextInput}" names "${chosen}"` : `Input "${input}" has current-context "${chosen}"`;
        throw new src/* ConfigurationError */.j1(`${where}, which is not a context of the kubeconfig; it has: ${contexts.join(', ')}.`, context ? contextInput : input);
    }
    const cluster = config.clusters.find((c) => c.name === ctx.context.cluster);
    if (!cluster) {
        throw new src/* ConfigurationError */.j1(`Input "${input}" has context "${chosen}" pointing at cluster "${ctx.context.cluster}", which is not in its clusters list.`, input);
    }
    return { contexts, context: chosen, server: cluster.cluster.server };
}

;// CONCATENATED MODULE: ./packages/kube/src/index.ts






/***/ })

};
