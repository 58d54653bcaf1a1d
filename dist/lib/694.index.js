export const id = 694;
export const ids = [694];
export const modules = {

/***/ 43694:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Fx: () => (/* reexport */ ProxyNotReadyError),
  SX: () => (/* reexport */ apiMessage),
  b0: () => (/* reexport */ checkArcAgents),
  Rb: () => (/* reexport */ checkGatekeeperWebhook),
  Hd: () => (/* reexport */ checkMonitoring),
  or: () => (/* reexport */ checkNodes),
  f8: () => (/* reexport */ closeProxySession),
  b2: () => (/* reexport */ listAddonConstraints),
  u3: () => (/* reexport */ loadKubeConfig),
  CB: () => (/* reexport */ maskKubeconfig),
  rF: () => (/* reexport */ openProxySession),
  DU: () => (/* reexport */ parseKubeconfig),
  pH: () => (/* reexport */ privilegedPodTest),
  WP: () => (/* reexport */ readAgentProxy),
  Y9: () => (/* reexport */ readKubeconfigMap),
  Xb: () => (/* reexport */ runEgressProbe),
  N7: () => (/* reexport */ startClusterConnect)
});

// UNUSED EXPORTS: EGRESS_PROBE_IMAGE, EGRESS_PROBE_NAMESPACE, EGRESS_PROBE_SCRIPT, TERMINATION_MESSAGE_PATH, cloudCommands, egressProbeObjects, expectedPrivilegedOutcome, freePort, loginAzureCli, proxyArgs, statusOf, targetLines

// EXTERNAL MODULE: ./packages/core/src/index.ts + 8 modules
var src = __webpack_require__(34786);
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
    const { KubeConfig } = await __webpack_require__.e(/* import() */ 433).then(__webpack_require__.bind(__webpack_require__, 14433));
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
    const k8s = await __webpack_require__.e(/* import() */ 433).then(__webpack_require__.bind(__webpack_require__, 14433));
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
    const k8s = await __webpack_require__.e(/* import() */ 433).then(__webpack_require__.bind(__webpack_require__, 14433));
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

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(96421);
;// CONCATENATED MODULE: ./packages/kube/src/cluster-connect.ts








/** The CLI's names of the clouds it knows (`az cloud list`). */
const CLI_CLOUDS = ['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud'];
/**
 * The `az cloud` calls that select the environment's cloud before `az login` (Microsoft Learn, "Azure cloud
 * management with the Azure CLI": `az cloud set --name`, and `az cloud register` for a cloud the CLI does not know).
 * A custom environment is registered with its ARM and Entra endpoints and its management audience.
 */
function cloudCommands(environment) {
    if (!environment)
        return [];
    const known = CLI_CLOUDS.find((c) => c.toLowerCase() === environment.name.toLowerCase());
    if (known && !environment.custom)
        return [['cloud', 'set', '--name', known, '--output', 'none']];
    const name = `arc-actions-${environment.name.replace(/[^A-Za-z0-9-]/g, '-')}`;
    return [
        [
            'cloud',
            'register',
            '--name',
            name,
            '--endpoint-resource-manager',
            `${environment.resourceManager}/`,
            '--endpoint-active-directory',
            environment.authorityHost,
            '--endpoint-active-directory-resource-id',
            environment.activeDirectoryResourceId,
            '--output',
            'none',
        ],
        ['cloud', 'set', '--name', name, '--output', 'none'],
    ];
}
/**
 * Logs the Azure CLI in with a fresh GitHub OIDC token, in a private AZURE_CONFIG_DIR, in the environment's cloud
 * (selected or registered first: az logs in to AzureCloud otherwise, and sovereign clouds fail), and makes sure the
 * connectedk8s extension is there: `az connectedk8s proxy` authenticates with the CLI's credential.
 */
async function loginAzureCli(login, configDir, az = 'az') {
    const token = await core/* getIDToken */.V9(login.audience);
    (0,src/* maskSecret */.$l)(token);
    const env = { ...process.env, AZURE_CONFIG_DIR: configDir, AZURE_CORE_COLLECT_TELEMETRY: 'false' };
    const run = (args) => (0,external_node_child_process_.spawnSync)(az, args, { env, encoding: 'utf8' });
    for (const args of cloudCommands(login.environment)) {
        const selected = run(args);
        if (selected.status !== 0)
            throw new Error(`az ${args.slice(0, 2).join(' ')} for the ${login.environment.name} environment failed: ${(selected.stderr || selected.stdout || String(selected.error)).trim().split('\n').pop()}`);
    }
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
    const child = (0,external_node_child_process_.spawn)(options.az ?? 'az', proxyArgs(cluster, options.port, file), {
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
/** The arguments of `az connectedk8s proxy` (the kubeconfig to write, and a service account token when given). */
function proxyArgs(cluster, port, file, token) {
    return [
        'connectedk8s',
        'proxy',
        '-n',
        cluster.name,
        '-g',
        cluster.resourceGroup,
        '--subscription',
        cluster.subscriptionId,
        '--port',
        String(port),
        '--file',
        file,
        ...(token ? ['--token', token] : []),
    ];
}

;// CONCATENATED MODULE: ./packages/kube/src/kubeconfig-map.ts



const kubeconfigsSchema = schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP({ error: 'each value must be the kubeconfig content as a string (use a YAML block scalar |)' }), {
    error: (i) => (i.code === 'invalid_type' ? 'expected a YAML map of cluster names to kubeconfig content' : undefined),
});
/**
 * An input holding a YAML map of cluster name → kubeconfig content (a secret): masked as a whole before parsing,
 * then every kubeconfig and the credentials inside it, each validated.
 */
function readKubeconfigMap(input = 'kubeconfigs') {
    const text = (0,src/* optionalString */.sx)(input, { secret: true, maxLength: 4_194_304 });
    if (!text)
        return {};
    const map = (0,src/* parseYamlWithSchema */.Ku)(text, kubeconfigsSchema, `Input "${input}"`, input);
    for (const [name, content] of Object.entries(map)) {
        if (!/^[A-Za-z0-9][-_.A-Za-z0-9]{0,62}$/.test(name))
            throw new src/* ConfigurationError */.j1(`Input "${input}" has the key ${(0,src/* shown */.SP)(name)}, which is not a cluster name.`, input);
        (0,src/* maskSecret */.$l)(content);
        parseKubeconfig(content, input, undefined, input);
    }
    return map;
}

;// CONCATENATED MODULE: ./packages/kube/src/proxy-session.ts







/** One line that says why cluster connect did not open and what to do about it. */
class ProxyNotReadyError extends Error {
    name = 'ProxyNotReadyError';
}
/** A free loopback port, for a proxy the user gave no port for. */
function freePort() {
    return new Promise((resolve, reject) => {
        const server = (0,external_node_net_.createServer)();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
        });
    });
}
const alive = (pid) => {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        return error.code === 'EPERM';
    }
};
/** What `/version` answered through the kubeconfig: the version, a refusal (401/403) or not yet. */
async function probeVersion(kubeconfig) {
    const k8s = await __webpack_require__.e(/* import() */ 433).then(__webpack_require__.bind(__webpack_require__, 14433));
    const kc = new k8s.KubeConfig();
    try {
        kc.loadFromString(kubeconfig);
    }
    catch (error) {
        return { reason: `the kubeconfig the proxy wrote is not valid yet (${(0,src/* errorMessage */.gJ)(error).split('\n')[0]})` };
    }
    try {
        const info = await kc.makeApiClient(k8s.VersionApi).getCode();
        return { version: info.gitVersion, reason: 'ready' };
    }
    catch (error) {
        const code = Number(error.code);
        if (code === 401 || code === 403)
            return { refused: code, reason: `the API server answered ${code}` };
        return { reason: code ? `the API server answered ${code} through the proxy` : (0,src/* errorMessage */.gJ)(error).split('\n')[0] };
    }
}
const tail = (file) => {
    try {
        return (0,src/* redact */.E$)((0,external_node_fs_.readFileSync)(file, 'utf8').trim().split('\n').slice(-3).join(' ')).slice(-600);
    }
    catch {
        return '';
    }
};
/** Starts cluster connect for later steps and returns once the API server answers through it (or throws, cleaned up). */
async function openProxySession(cluster, options) {
    if (options.token)
        (0,src/* maskSecret */.$l)(options.token);
    const kubeconfigPath = (0,external_node_path_.join)(options.dir, 'kubeconfig');
    const configDir = (0,external_node_path_.join)(options.dir, 'azure');
    const logPath = (0,external_node_path_.join)(options.dir, 'proxy.log');
    if (options.login)
        await loginAzureCli(options.login, configDir, options.az);
    const port = options.port || (await freePort());
    const out = (0,external_node_fs_.openSync)(logPath, 'a');
    const child = (0,external_node_child_process_.spawn)(options.az ?? 'az', proxyArgs(cluster, port, kubeconfigPath, options.token), {
        detached: true,
        stdio: ['ignore', out, out],
        env: options.login ? { ...process.env, AZURE_CONFIG_DIR: configDir } : process.env,
    });
    (0,external_node_fs_.closeSync)(out);
    let spawnError;
    let exitCode;
    child.on('error', (e) => (spawnError = e));
    child.on('exit', (code) => (exitCode = code));
    child.unref();
    const pid = child.pid;
    if (!pid) {
        await new Promise((r) => setImmediate(r));
        (0,external_node_fs_.rmSync)(options.dir, { recursive: true, force: true });
        throw new ProxyNotReadyError(`The Azure CLI could not be started (${(0,src/* errorMessage */.gJ)(spawnError ?? 'no pid')}); cluster connect runs "az connectedk8s proxy": install the Azure CLI on the runner (GitHub-hosted Ubuntu runners have it).`);
    }
    options.onStarted?.(pid);
    let last = 'the proxy has not written its kubeconfig yet';
    let refused;
    const ready = await (0,src/* waitFor */.fm)(async () => {
        if (spawnError || exitCode !== undefined || !alive(pid))
            return null;
        if (!(0,external_node_fs_.existsSync)(kubeconfigPath))
            return undefined;
        const kubeconfig = (0,external_node_fs_.readFileSync)(kubeconfigPath, 'utf8');
        if (!kubeconfig.trim())
            return undefined;
        maskKubeconfig(kubeconfig);
        const probe = await probeVersion(kubeconfig);
        last = probe.reason;
        if (probe.refused) {
            refused = probe.refused;
            return null;
        }
        return probe.version;
    }, { timeoutMs: options.timeoutMs, initialMs: 100, maxMs: 2000 });
    if (typeof ready.value === 'string')
        return { pid, port, kubeconfigPath, serverVersion: ready.value, waitedMs: ready.waitedMs };
    const log = tail(logPath);
    // Whether the proxy ended by itself, read before closing it (which ends it too).
    const exited = spawnError !== undefined || exitCode !== undefined;
    const code = exitCode;
    await closeProxySession({ pid, dir: options.dir });
    const subject = `Cluster connect to ${cluster.name} (resource group ${cluster.resourceGroup})`;
    if (refused)
        throw new ProxyNotReadyError(`${subject} opened, but the API server refused the credentials with ${refused}: ${options.token ? 'the token input is not a valid service account token of this cluster' : 'grant the identity an Azure Arc Kubernetes role on the cluster (Azure RBAC) or a Kubernetes RBAC binding for its object id'}.`);
    if (exited)
        throw new ProxyNotReadyError(`${subject} failed: az connectedk8s proxy exited${code !== undefined && code !== null ? ` with code ${code}` : ''}${spawnError ? ` (${(0,src/* errorMessage */.gJ)(spawnError)})` : ''}${log ? `: ${log}` : ''}. Check that the cluster is Connected with the cluster-connect feature on (az connectedk8s enable-features --features cluster-connect) and that the identity may list the cluster user credential (Azure Arc Enabled Kubernetes Cluster User Role).`);
    throw new ProxyNotReadyError(`${subject} was not ready within ${Math.round(options.timeoutMs / 1000)} s (last: ${last})${log ? `; the proxy said: ${log}` : ''}. Check that the cluster is Connected with the cluster-connect feature on (az connectedk8s enable-features --features cluster-connect), or raise wait-timeout if its relay is slow to answer.`);
}
/**
 * Whether the process is still the proxy of this session: its command line names the session's folder (`--file
 * <dir>/kubeconfig`). The post step runs long after the main step, and a pid can be reused in between; where the
 * command line cannot be read (no /proc, as on macOS runners), the pid alone is trusted.
 */
function isSessionProxy(pid, dir) {
    if (!dir)
        return true;
    let cmdline;
    try {
        cmdline = (0,external_node_fs_.readFileSync)(`/proc/${pid}/cmdline`, 'utf8');
    }
    catch {
        return true;
    }
    return cmdline.split('\0').some((arg) => arg.includes(dir));
}
/**
 * Stops the proxy's process group (SIGTERM, then SIGKILL after 5 s) and deletes its folder (kubeconfig, the CLI's
 * token cache, the log). Returns whether the process was still running and is gone now. A pid that now belongs to
 * another program is left alone.
 */
async function closeProxySession(session) {
    let stopped = false;
    const { pid } = session;
    if (pid && alive(pid) && isSessionProxy(pid, session.dir)) {
        const signal = (s) => {
            try {
                process.kill(-pid, s);
            }
            catch {
                try {
                    process.kill(pid, s);
                }
                catch {
                    /* already gone */
                }
            }
        };
        signal('SIGTERM');
        const gone = await (0,src/* waitFor */.fm)(async () => (alive(pid) ? undefined : true), { timeoutMs: 5000, initialMs: 50, maxMs: 250 });
        if (!gone.value) {
            signal('SIGKILL');
            await (0,src/* waitFor */.fm)(async () => (alive(pid) ? undefined : true), { timeoutMs: 2000, initialMs: 50, maxMs: 250 });
        }
        stopped = !alive(pid);
    }
    let removed = false;
    if (session.dir && (0,external_node_fs_.existsSync)(session.dir)) {
        (0,external_node_fs_.rmSync)(session.dir, { recursive: true, force: true });
        removed = !(0,external_node_fs_.existsSync)(session.dir);
    }
    return { stopped, removed };
}

;// CONCATENATED MODULE: ./packages/kube/src/egress-probe-script.ts
/**
 * The in-cluster egress probe: a POSIX sh script for an image with curl (curlimages/curl: busybox sh and curl).
 *
 * `$1` is the container's terminationMessagePath. PROBE_TARGETS has one target a line: `a <url>` (the guest
 * notification service's allowlist: fetched, its JSON array of relay hosts probed), `h <url>` (plain HTTPS), `r
 * <host[:port]>` (relays to probe when the allowlist gives none). Proxies come from HTTPS_PROXY/https_proxy/NO_PROXY
 * (curl reads them as the agents' Go and Python HTTP clients do); PROBE_CA is the proxy's CA (PEM), added to the
 * image's CA bundle.
 *
 * Every relay is probed twice on the same URL (`https://<relay>/$hc/arc-actions-egress-probe?sb-hc-action=connect`):
 * a plain GET, and a websocket upgrade without a token (a sender's handshake). Nothing is judged here: the script
 * writes what it saw (curl's exit code, status line and the start of the body) as compact JSON to `$1`, which the
 * kubelet reports as the container's termination message (at most 4096 bytes: entries that would not fit are
 * counted in `cut`). The runner reads it from the pod status, so no log access is needed.
 */
const EGRESS_PROBE_SCRIPT = String.raw `out="$1"
[ -n "$PROBE_TIMEOUT" ] || PROBE_TIMEOUT=15
tmp=$(mktemp -d 2>/dev/null) || { tmp="/tmp/arc-egress-$$"; mkdir -p "$tmp"; }
if ! command -v curl >/dev/null 2>&1; then printf '{"v":1,"error":"curl not found in the image"}' > "$out"; exit 3; fi
cacert=""
if [ -n "$PROBE_CA" ]; then
  for base in "$CURL_CA_BUNDLE" /etc/ssl/certs/ca-certificates.crt /cacert.pem; do
    if [ -n "$base" ] && [ -r "$base" ]; then cat "$base" > "$tmp/ca.pem"; break; fi
  done
  printf '%s\n' "$PROBE_CA" >> "$tmp/ca.pem"
  cacert="$tmp/ca.pem"
fi
esc() { tr -d '\r\n\t' | tr -cd '[:print:]' | cut -c1-"$1" | sed 's/\\/\\\\/g; s/"/\\"/g'; }
: > "$tmp/entries"
cut=0
# probe KIND HOST URL UPGRADE(0|1) [N]: one request, one entry.
probe() {
  kind="$1"; host="$2"; url="$3"; up="$4"; n="$5"
  : > "$tmp/h"; : > "$tmp/b"; : > "$tmp/e"
  set -- "$url"
  if [ "$up" = 1 ]; then
    set -- "$@" -H 'Upgrade: websocket' -H 'Connection: Upgrade' -H 'Sec-WebSocket-Key: YXJjLWFjdGlvbnMtcHJvYmU=' -H 'Sec-WebSocket-Version: 13'
  fi
  if [ -n "$cacert" ]; then set -- "$@" --cacert "$cacert"; fi
  code=$(curl -sS --http1.1 --max-time "$PROBE_TIMEOUT" -A arc-actions-egress-probe -D "$tmp/h" -o "$tmp/b" -w '%{http_code}' "$@" 2>"$tmp/e")
  rc=$?
  case "$code" in ''|000) code=0 ;; esac
  text=""
  if [ "$code" != 0 ]; then
    text=$(grep -a "^HTTP/[0-9.]* $code" "$tmp/h" | tail -n 1 | sed 's/^HTTP\/[0-9.]* [0-9]* *//' | esc 70)
  fi
  entry="{\"k\":\"$kind\",\"h\":\"$(printf '%s' "$host" | esc 120)\",\"c\":$rc,\"s\":$code,\"t\":\"$text\""
  if [ "$kind" = u ] || [ "$kind" = p ]; then entry="$entry,\"b\":\"$(head -c 200 "$tmp/b" | esc 70)\""; fi
  if [ "$rc" != 0 ]; then entry="$entry,\"x\":\"$(head -n 1 "$tmp/e" | esc 90)\""; fi
  if [ -n "$n" ]; then entry="$entry,\"n\":$n"; fi
  entry="$entry}"
  size=$(wc -c < "$tmp/entries")
  if [ $((size + $(printf '%s' "$entry" | wc -c) + 40)) -gt 4000 ]; then cut=$((cut + 1)); return; fi
  printf '%s\n' "$entry" >> "$tmp/entries"
}
relays=""
fallback=""
printf '%s\n' "$PROBE_TARGETS" > "$tmp/targets"
while read -r kind target; do
  [ -n "$kind" ] || continue
  case "$kind" in
    a)
      host=$(printf '%s' "$target" | sed 's#^[a-z]*://##; s#/.*##')
      : > "$tmp/h"; : > "$tmp/b"
      probe a "$host" "$target" 0
      if [ "$code" = 200 ]; then
        relays=$(tr -d '[]" \r\n\t' < "$tmp/b" | tr ',' '\n' | grep -E '^[A-Za-z0-9.-]+(:[0-9]+)?$' | sort -u)
      fi
      ;;
    h) probe h "$(printf '%s' "$target" | sed 's#^[a-z]*://##; s#/.*##')" "$target" 0 ;;
    r) fallback="$fallback $target" ;;
  esac
done < "$tmp/targets"
[ -n "$relays" ] || relays="$fallback"
for relay in $relays; do
  url="https://$relay/\$hc/arc-actions-egress-probe?sb-hc-action=connect"
  probe p "$relay" "$url" 0
  probe u "$relay" "$url" 1
done
printf '{"v":1,"cut":%s,"e":[%s]}' "$cut" "$(tr '\n' ',' < "$tmp/entries" | sed 's/,$//')" > "$out"
rm -rf "$tmp"
exit 0
`;

;// CONCATENATED MODULE: ./packages/kube/src/egress-probe.ts




/**
 * The in-cluster egress probe: a short-lived Job, in a namespace of our own, that runs EGRESS_PROBE_SCRIPT with the
 * agents' proxy settings from where the agents run, and reports what it saw through the container's termination
 * message (terminationMessagePolicy File: the kubelet copies the file at terminationMessagePath, at most 4096 bytes,
 * into `status.containerStatuses[].state.terminated.message`; Kubernetes docs, "Determine the Reason for Pod
 * Failure"), so reading the result needs only `get` on pods, not the kubelet's log endpoint. The Job is deleted
 * afterwards (explicitly, and by ttlSecondsAfterFinished should the delete be lost); its Secret (the proxy settings)
 * is owned by the Job and goes with it.
 */
/**
 * The image: curlimages/curl (busybox sh + curl, runs as uid 100). Pinned by tag, not by digest: no published digest
 * of this tag could be cited. `egress-probe-image` overrides it (a mirror in the cluster's registry, or a digest).
 */
const EGRESS_PROBE_IMAGE = 'docker.io/curlimages/curl:8.16.0';
const EGRESS_PROBE_NAMESPACE = 'arc-actions-egress';
const TERMINATION_MESSAGE_PATH = '/dev/termination-log';
const LABELS = { 'app.kubernetes.io/name': 'arc-egress-probe', 'app.kubernetes.io/managed-by': 'arc-actions' };
function targetLines(targets) {
    return [
        ...(targets.allowlistUrl ? [`a ${targets.allowlistUrl}`] : []),
        ...targets.https.map((u) => `h ${u}`),
        ...targets.relays.map((r) => `r ${r}`),
    ].join('\n');
}
/** The Job (and the Secret it reads its environment from): pure, for the tests and the plan. */
function egressProbeObjects(name, namespace, targets, proxy, options = {}) {
    const deadline = Math.ceil((options.timeoutMs ?? 180_000) / 1000);
    const env = { PROBE_TARGETS: targetLines(targets), PROBE_TIMEOUT: String(options.requestTimeoutSeconds ?? 15) };
    if (proxy.https)
        Object.assign(env, { HTTPS_PROXY: proxy.https, https_proxy: proxy.https });
    if (proxy.http)
        Object.assign(env, { HTTP_PROXY: proxy.http, http_proxy: proxy.http });
    if (proxy.noProxy)
        Object.assign(env, { NO_PROXY: proxy.noProxy, no_proxy: proxy.noProxy });
    if (proxy.ca)
        env.PROBE_CA = proxy.ca;
    const secret = {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name, namespace, labels: LABELS },
        type: 'Opaque',
        stringData: env,
    };
    const job = {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name, namespace, labels: LABELS },
        spec: {
            backoffLimit: 0,
            activeDeadlineSeconds: deadline,
            ttlSecondsAfterFinished: 300,
            template: {
                metadata: { labels: LABELS },
                spec: {
                    restartPolicy: 'Never',
                    automountServiceAccountToken: false,
                    nodeSelector: { 'kubernetes.io/os': 'linux' },
                    securityContext: { runAsNonRoot: true, runAsUser: 100, runAsGroup: 101, seccompProfile: { type: 'RuntimeDefault' } },
                    containers: [
                        {
                            name: 'probe',
                            image: options.image ?? EGRESS_PROBE_IMAGE,
                            command: ['/bin/sh', '-c', EGRESS_PROBE_SCRIPT, 'arc-egress-probe', TERMINATION_MESSAGE_PATH],
                            envFrom: [{ secretRef: { name } }],
                            terminationMessagePath: TERMINATION_MESSAGE_PATH,
                            terminationMessagePolicy: 'File',
                            resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { cpu: '200m', memory: '64Mi' } },
                            securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
                        },
                    ],
                },
            },
        },
    };
    return { secret, job };
}
/** Waiting reasons that will not resolve on their own within the probe's time (ErrImagePull is retried first). */
const WAITING_FAILURES = /ImagePullBackOff|InvalidImageName|CreateContainerConfigError/;
/**
 * Runs the probe Job and returns what it reported. Never throws for the probe's own failures (an image that cannot be
 * pulled, a deadline, a result that is not JSON): they come back as `failure`. Always deletes what it created.
 */
async function runEgressProbe(kc, targets, proxy, options = {}) {
    const k8s = await __webpack_require__.e(/* import() */ 433).then(__webpack_require__.bind(__webpack_require__, 14433));
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const batch = kc.makeApiClient(k8s.BatchV1Api);
    const namespace = options.namespace ?? EGRESS_PROBE_NAMESPACE;
    const name = `arc-egress-probe-${(0,external_node_crypto_.randomBytes)(3).toString('hex')}`;
    const { secret, job } = egressProbeObjects(name, namespace, targets, proxy, options);
    const run = { job: name, namespace, deleted: false };
    try {
        // Created once and kept; an identity that may not create namespaces can run the probe in an existing one.
        await core.readNamespace({ name: namespace }).catch(async (e) => {
            if (statusOf(e) !== 404)
                throw e;
            await core.createNamespace({ body: { metadata: { name: namespace, labels: LABELS } } }).catch((c) => {
                if (statusOf(c) !== 409)
                    throw c;
            });
        });
        await core.createNamespacedSecret({ namespace, body: secret });
        const created = await batch.createNamespacedJob({ namespace, body: job });
        // The Secret goes with the Job (garbage collector), should the explicit delete below be lost.
        await core.patchNamespacedSecret({
            name,
            namespace,
            body: { metadata: { ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name, uid: created.metadata.uid }] } },
        }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch));
        const deadline = Date.now() + (options.timeoutMs ?? 180_000) + 15_000;
        let waiting = '';
        for (;;) {
            const pods = await core.listNamespacedPod({ namespace, labelSelector: `job-name=${name}` });
            const pod = pods.items[0];
            const status = pod?.status?.containerStatuses?.[0];
            const terminated = status?.state?.terminated;
            if (terminated) {
                run.exitCode = terminated.exitCode;
                const message = terminated.message ?? '';
                try {
                    run.result = JSON.parse(message);
                }
                catch {
                    run.failure = message
                        ? `the probe's termination message is not JSON (exit code ${terminated.exitCode}): ${message.slice(0, 200)}`
                        : `the probe ended with exit code ${terminated.exitCode} (${terminated.reason ?? 'no reason'}) without a result`;
                }
                break;
            }
            const w = status?.state?.waiting;
            if (w?.reason)
                waiting = `${w.reason}${w.message ? `: ${w.message}` : ''}`;
            if (w?.reason && WAITING_FAILURES.test(w.reason)) {
                run.failure = `the probe pod could not start (${waiting})${/Image/.test(w.reason) ? `; the nodes must be able to pull ${options.image ?? EGRESS_PROBE_IMAGE} (set egress-probe-image to a mirror they can reach)` : ''}`;
                break;
            }
            const jobNow = await batch.readNamespacedJob({ name, namespace });
            const failedCondition = jobNow.status?.conditions?.find((c) => c.type === 'Failed' && c.status === 'True');
            if (failedCondition && !pod) {
                run.failure = `the probe Job failed before its pod ran (${failedCondition.reason}: ${failedCondition.message})`;
                break;
            }
            if (Date.now() > deadline) {
                run.failure = `the probe Job did not finish within ${Math.round((options.timeoutMs ?? 180_000) / 1000)} s${pod ? ` (pod ${pod.status?.phase ?? 'unknown'}${waiting ? `, ${waiting}` : ''})` : ' (no pod was created)'}`;
                break;
            }
            await (0,src/* sleep */.yy)(1000);
        }
    }
    catch (error) {
        run.failure = `the probe Job could not be run: ${apiMessage(error) || (0,src/* errorMessage */.gJ)(error)}`;
    }
    finally {
        run.deleted = await deleteProbe(core, batch, name, namespace);
    }
    return run;
}
async function deleteProbe(core, batch, name, namespace) {
    const gone = (e) => {
        if (statusOf(e) !== 404)
            throw e;
    };
    try {
        await batch.deleteNamespacedJob({ name, namespace, propagationPolicy: 'Background' }).catch(gone);
        await core.deleteNamespacedSecret({ name, namespace }).catch(gone);
        return true;
    }
    catch {
        return false;
    }
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./packages/kube/src/agent-proxy.ts

/**
 * The Arc agents' proxy settings as they were installed: the values of the agents' Helm release (`azure-arc`, in
 * whichever namespace: azure-arc-release for current az, default for older ones), `global.httpsProxy`,
 * `global.httpProxy`, `global.noProxy` and `global.proxyCert`, the names az connectedk8s gives them
 * (connectedk8s `_utils.py` `helm_install_release`) and arc-connect too. Helm keeps a release in a Secret labelled
 * `owner=helm,name=<release>,status=deployed` whose `release` key is base64 of the gzipped release JSON (Helm's
 * storage driver, `pkg/storage/driver/secrets.go` and `util.go` `encodeRelease`); the user-supplied values are its
 * `config`. Undefined when no deployed release is found.
 */
async function readAgentProxy(kc) {
    const k8s = await __webpack_require__.e(/* import() */ 433).then(__webpack_require__.bind(__webpack_require__, 14433));
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const secrets = await core.listSecretForAllNamespaces({ labelSelector: 'owner=helm,name=azure-arc,status=deployed' });
    const latest = secrets.items.sort((a, b) => Number(b.metadata?.labels?.version ?? 0) - Number(a.metadata?.labels?.version ?? 0))[0];
    const encoded = latest?.data?.release;
    if (!encoded)
        return undefined;
    const release = JSON.parse((0,external_node_zlib_.gunzipSync)(Buffer.from(Buffer.from(encoded, 'base64').toString('utf8'), 'base64')).toString('utf8'));
    const g = release.config?.global ?? {};
    const text = (v) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
    return {
        namespace: latest.metadata?.namespace ?? '',
        https: text(g.httpsProxy),
        http: text(g.httpProxy),
        noProxy: text(g.noProxy),
        ca: text(g.proxyCert),
    };
}

;// CONCATENATED MODULE: ./packages/kube/src/index.ts












/***/ })

};
