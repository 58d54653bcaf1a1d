export const id = 33;
export const ids = [33];
export const modules = {

/***/ 51033:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  STATE: () => (/* binding */ STATE),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(96421);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 8 modules
var src = __webpack_require__(34786);
// EXTERNAL MODULE: ./packages/report/src/index.ts + 13 modules
var report_src = __webpack_require__(6662);
// EXTERNAL MODULE: ./packages/azure/src/index.ts + 31 modules
var azure_src = __webpack_require__(64601);
;// CONCATENATED MODULE: ./actions/arc-access/src/inputs.ts


const NAME = /^[A-Za-z0-9][-A-Za-z0-9_.]{0,62}$/;
const RESOURCE_GROUP = /^[-\w.()]{0,89}[-\w()]$/;
/** `cluster` is an ARM id, or a name with `resource-group` (and `subscription-id`). */
function readCluster(subscriptionId) {
    const cluster = (0,src/* requiredString */.Fk)('cluster', { maxLength: 400 });
    const group = (0,src/* optionalString */.sx)('resource-group', { maxLength: 90 });
    if (cluster.startsWith('/')) {
        const ref = (0,azure_src/* parseClusterId */.Hy)(cluster, 'cluster');
        if (ref.type !== 'connectedClusters')
            throw new src/* ConfigurationError */.j1(`Input "cluster" has ${(0,src/* shown */.SP)(cluster)}, an AKS cluster; cluster connect opens Arc-connected clusters (Microsoft.Kubernetes/connectedClusters) only.`, 'cluster');
        if (group && group.toLowerCase() !== ref.resourceGroup.toLowerCase())
            throw new src/* ConfigurationError */.j1(`Input "resource-group" has ${(0,src/* shown */.SP)(group)}, but the cluster id is in resource group ${ref.resourceGroup}; leave resource-group empty when cluster is an id.`, 'resource-group');
        return ref;
    }
    if (!NAME.test(cluster))
        throw new src/* ConfigurationError */.j1(`Input "cluster" has ${(0,src/* shown */.SP)(cluster)}; allowed: a connected cluster's resource id, or its name (1-63 letters, digits, - _ .) with resource-group.`, 'cluster');
    if (!group)
        throw new src/* ConfigurationError */.j1(`Input "resource-group" is empty; it is required when cluster is a name (${(0,src/* shown */.SP)(cluster)}).`, 'resource-group');
    if (!RESOURCE_GROUP.test(group))
        throw new src/* ConfigurationError */.j1(`Input "resource-group" has ${(0,src/* shown */.SP)(group)}; allowed: a resource group name (1-90 letters, digits, - _ ( ) ., not ending in .).`, 'resource-group');
    if (!subscriptionId)
        throw new src/* ConfigurationError */.j1(`Input "subscription-id" is empty; it is required when cluster is a name (${(0,src/* shown */.SP)(cluster)}).`, 'subscription-id');
    return (0,azure_src/* clusterRef */.eN)(subscriptionId, group, cluster);
}
function readInputs() {
    const identity = (0,azure_src/* readAzureIdentityInputs */.dp)();
    // The token is a secret: masked before anything else can print it.
    const token = (0,src/* optionalString */.sx)('token', { maxLength: 16384, secret: true });
    if (token && /\s/.test(token))
        throw new src/* ConfigurationError */.j1('Input "token" contains whitespace; give the service account token alone (one line, no "Bearer").', 'token');
    const cluster = readCluster(identity.subscriptionId);
    const port = (0,src/* integerInput */.$A)('port', { default: 0, min: 0, max: 65535 });
    if (port > 0 && port < 1024)
        throw new src/* ConfigurationError */.j1(`Input "port" has the value ${port}; allowed: 1024-65535, or 0 (empty) for a free port.`, 'port');
    const waitTimeoutMs = (0,src/* durationInput */.Ts)('wait-timeout', { default: '2m', min: '5s', max: '30m' });
    return { identity, cluster, token, port, waitTimeoutMs };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./packages/kube/src/index.ts + 10 modules
var kube_src = __webpack_require__(43694);
;// CONCATENATED MODULE: ./actions/arc-access/src/story.ts






/**
 * Opens cluster connect for later steps of the job: the connected cluster must exist and be Connected (ARM says so
 * before any proxy starts), then `az connectedk8s proxy` runs in the background until the API server answers through
 * it. A failure leaves nothing running and no file behind.
 */
async function openAccess(inputs, deps = {}) {
    const { cluster, identity } = inputs;
    const arm = deps.arm ?? (await (0,azure_src/* armClientsFor */.ul)(identity));
    const connected = await new azure_src/* Clusters */.gu(arm).connected(cluster);
    if (!connected)
        throw new kube_src/* ProxyNotReadyError */.Fx(`Cluster ${cluster.id} does not exist (or the identity ${identity.clientId} cannot read it): check the cluster input and grant the identity a reader role on the cluster.`);
    const status = connected.connectivityStatus ?? 'unknown';
    if (status !== 'Connected')
        throw new kube_src/* ProxyNotReadyError */.Fx(`Cluster ${cluster.name} is ${status}, not Connected: cluster connect goes through the cluster's Arc agents, so they must be running and reporting (see arc-verify's connectivity check) before this step can open it.`);
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(deps.tempDir ?? (0,src/* readEnv */.$$)('RUNNER_TEMP') ?? (0,external_node_os_.tmpdir)(), 'arc-access-'));
    const opened = await (0,kube_src/* openProxySession */.rF)(cluster, {
        dir,
        port: inputs.port,
        timeoutMs: inputs.waitTimeoutMs,
        token: inputs.token,
        az: deps.az,
        login: { clientId: identity.clientId, tenantId: identity.tenantId, audience: identity.audience, environment: identity.environment },
        onStarted: (pid) => deps.onStarted?.({ pid, dir }),
    });
    return { ...opened, dir, connectivityStatus: status };
}
function openedSummary(inputs, opened) {
    return [
        `## arc-access: cluster connect open to ${inputs.cluster.name}`,
        '',
        '| | |',
        '| --- | --- |',
        `| Cluster | \`${inputs.cluster.id}\` (${opened.connectivityStatus}) |`,
        `| Authentication | ${inputs.token ? 'service account token (masked)' : 'Microsoft Entra (the workflow identity)'} |`,
        `| Ready | the API server answered ${opened.serverVersion} through 127.0.0.1:${opened.port} after ${(0,src/* formatDuration */.a3)(opened.waitedMs)} |`,
        `| KUBECONFIG | \`${opened.kubeconfigPath}\` (exported for the later steps of this job) |`,
        '',
        'The post step of this action stops the proxy and deletes the kubeconfig when the job ends.',
        '',
    ].join('\n');
}
/** The post step: stops the proxy the main step started and deletes its folder (kubeconfig, CLI token cache). */
async function closeAccess(state) {
    if (!state.pid && !state.dir)
        return 'Nothing to close: the main step did not start cluster connect.';
    const closed = await (0,kube_src/* closeProxySession */.f8)(state);
    const parts = [
        state.pid ? (closed.stopped ? `proxy (pid ${state.pid}) stopped` : `proxy (pid ${state.pid}) had already ended`) : undefined,
        state.dir ? (closed.removed ? 'kubeconfig and CLI login deleted' : 'kubeconfig folder already gone') : undefined,
    ].filter(Boolean);
    return `Closed cluster connect: ${parts.join(', ')}.`;
}

;// CONCATENATED MODULE: ./actions/arc-access/src/main.ts





/** The names under which the main step leaves the post step what to close (@actions/core saveState/getState). */
const STATE = { post: 'isPost', pid: 'proxy-pid', dir: 'proxy-dir' };
/**
 * arc-access: opens cluster connect to one connected cluster for the later steps of the job (KUBECONFIG exported),
 * and closes it in the post step. The runner runs this same entry for both; the state saved by the main step tells
 * them apart, as @actions/core documents for post steps.
 */
async function run(deps = {}) {
    if (core/* getState */.Gu(STATE.post) === 'true') {
        await (0,report_src/* runAction */.Cs)('arc-access', async (action) => {
            const pid = Number(core/* getState */.Gu(STATE.pid)) || undefined;
            const dir = core/* getState */.Gu(STATE.dir) || undefined;
            const message = await action.phase('close', () => closeAccess({ pid, dir }));
            src/* log */.Rm.info(message);
        });
        return;
    }
    core/* saveState */.LZ(STATE.post, 'true');
    await (0,report_src/* runAction */.Cs)('arc-access', async (action) => {
        const inputs = await action.phase('inputs', async () => readInputs());
        const opened = await action.phase('open', () => openAccess(inputs, {
            ...deps,
            onStarted: (session) => {
                core/* saveState */.LZ(STATE.pid, String(session.pid));
                core/* saveState */.LZ(STATE.dir, session.dir);
                deps.onStarted?.(session);
            },
        }));
        core/* exportVariable */.dN('KUBECONFIG', opened.kubeconfigPath);
        (0,src/* setOutput */.uH)('kubeconfig', opened.kubeconfigPath);
        (0,src/* setOutput */.uH)('cluster-id', inputs.cluster.id);
        (0,src/* setOutput */.uH)('server-version', opened.serverVersion);
        (0,src/* setOutput */.uH)('port', String(opened.port));
        src/* log */.Rm.info(`Cluster connect to ${inputs.cluster.name} is open: KUBECONFIG=${opened.kubeconfigPath} for the later steps of this job.`);
        await action.summary(openedSummary(inputs, opened));
    });
}


/***/ })

};
