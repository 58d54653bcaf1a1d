export const id = 975;
export const ids = [975];
export const modules = {

/***/ 72725:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Bd: () => (/* binding */ readFluxSource),
  Ko: () => (/* binding */ readInputs)
});

// UNUSED EXPORTS: readConfigurationText, readGitAuth

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 8 modules
var src = __webpack_require__(19297);
// EXTERNAL MODULE: ./packages/azure/src/index.ts + 9 modules
var azure_src = __webpack_require__(86708);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(38816);
;// CONCATENATED MODULE: ./actions/flux-apply/src/configuration.ts


/**
 * The `configuration` input of flux-apply: one Flux configuration (a Git source and its kustomizations).
 * `flux-apply/configuration.schema.json` is generated from `configurationSchema` (a test keeps them equal).
 * Secrets never appear here: they come from the `https-key` / `ssh-private-key` inputs or environment variables.
 */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const dns = (what) => schemas/* string */.YjP().regex(DNS_LABEL, `${what} must be a DNS-1123 label: lowercase letters, digits and -, at most 63 characters`);
const goDuration = schemas/* string */.YjP().regex(/^(\d+(\.\d+)?(ms|s|m|h))+$/, 'expected a Go duration such as 90s, 10m or 1h30m');
const envName = schemas/* string */.YjP().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name');
const gitRepositorySchema = schemas/* strictObject */.rej({
    url: schemas/* string */.YjP().min(1).describe('https://, http://, ssh:// or git@host:path'),
    branch: schemas/* string */.YjP().optional(),
    tag: schemas/* string */.YjP().optional(),
    semver: schemas/* string */.YjP().optional(),
    commit: schemas/* string */.YjP().optional(),
    'sync-interval': goDuration.optional(),
    timeout: goDuration.optional(),
    'https-user': schemas/* string */.YjP().min(1).optional(),
    'https-key-env': envName.optional().describe('environment variable holding the HTTPS key or token (the https-key input wins)'),
    'ssh-private-key-env': envName.optional().describe('environment variable holding the SSH private key (the ssh-private-key input wins)'),
    'known-hosts': schemas/* string */.YjP().optional(),
});
const kustomizationSchema = schemas/* strictObject */.rej({
    path: schemas/* string */.YjP().optional(),
    prune: schemas/* boolean */.zMY().optional(),
    'depends-on': schemas/* array */.YOg(schemas/* string */.YjP()).optional(),
    'sync-interval': goDuration.optional(),
    timeout: goDuration.optional(),
    'retry-interval': goDuration.optional(),
    wait: schemas/* boolean */.zMY().optional(),
    force: schemas/* boolean */.zMY().optional(),
    'post-build': schemas/* strictObject */.rej({ substitute: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()).optional() }).optional(),
});
const configurationSchema = schemas/* strictObject */.rej({
    name: dns('name'),
    namespace: dns('namespace').optional(),
    scope: schemas/* enum */.k5n(['cluster', 'namespace']).optional(),
    source: schemas/* strictObject */.rej({ gitRepository: gitRepositorySchema }),
    kustomizations: schemas/* record */.g1P(schemas/* string */.YjP(), kustomizationSchema),
    suspend: schemas/* boolean */.zMY().optional(),
});
const SECRET_KEYS = ['https-key', 'httpsKey', 'ssh-private-key', 'sshPrivateKey', 'password', 'token'];
/** Rejects secrets written into the configuration, with a hint, before the strict schema calls them unknown keys. */
const noSecrets = schemas/* unknown */.L5J().superRefine((value, ctx) => {
    const git = value?.source?.gitRepository;
    for (const key of SECRET_KEYS) {
        if (git && typeof git === 'object' && key in git) {
            ctx.addIssue({
                code: 'custom',
                path: ['source', 'gitRepository', key],
                message: 'secrets do not belong in the configuration; pass them in the https-key or ssh-private-key input, or name an environment variable with https-key-env or ssh-private-key-env',
                continue: false,
            });
        }
    }
});
const checkedSchema = noSecrets.pipe(configurationSchema).superRefine((config, ctx) => {
    for (const name of Object.keys(config.kustomizations)) {
        if (!DNS_LABEL.test(name))
            ctx.addIssue({
                code: 'custom',
                path: ['kustomizations', name],
                message: 'kustomization names must be DNS-1123 labels: lowercase letters, digits and -',
            });
        else if (`${config.name}-${name}`.length > 63) {
            ctx.addIssue({
                code: 'custom',
                path: ['kustomizations', name],
                message: `the in-cluster name "${config.name}-${name}" is longer than 63 characters; shorten the configuration or kustomization name`,
            });
        }
    }
    if (Object.keys(config.kustomizations).length === 0)
        ctx.addIssue({ code: 'custom', path: ['kustomizations'], message: 'at least one kustomization is needed' });
});
const WHERE = 'Input "configuration"';
const fail = (message) => {
    throw new src/* ConfigurationError */.j1(`${WHERE} ${message}`, 'configuration');
};
// eslint-disable-next-line no-control-regex -- rejecting control characters in user input is the point
const GIT_REF = /^(?!\/)(?!.*\/\/)(?!.*\.\.)(?!.*@\{)[^\s~^:?*[\\\u0000-\u001f\u007f]{1,255}(?<![/.])(?<!\.lock)$/;
/** Which reference the source follows; exactly one of branch, tag, semver, commit. */
function sourceRef(git) {
    const set = ['branch', 'tag', 'semver', 'commit'].filter((k) => git[k] !== undefined);
    if (set.length !== 1) {
        fail(`at "source.gitRepository" sets ${set.length ? set.join(' and ') : 'none of branch, tag, semver, commit'}; set exactly one of branch, tag, semver or commit.`);
    }
    const kind = set[0];
    const value = git[kind];
    const ok = kind === 'commit'
        ? /^([0-9a-f]{40}|[0-9a-f]{64})$/.test(value)
        : kind === 'semver'
            ? /^[\sv\d.xX*<>=~^|,-]+$/.test(value) && /\d/.test(value)
            : GIT_REF.test(value);
    if (!ok) {
        const rule = kind === 'commit'
            ? 'a full 40-character commit SHA'
            : kind === 'semver'
                ? 'a semver range such as ">=1.2.0 <2.0.0"'
                : `a valid git ${kind} name`;
        fail(`at "source.gitRepository.${kind}" has ${(0,src/* shown */.SP)(value)}, which is not ${rule}.`);
    }
    return { kind, value };
}
/** Returns the first dependency cycle among kustomizations, as a path that starts and ends with the same name. */
function findCycle(graph) {
    const state = new Map();
    const stack = [];
    const visit = (node) => {
        if (state.get(node) === 'done')
            return undefined;
        if (state.get(node) === 'visiting')
            return [...stack.slice(stack.indexOf(node)), node];
        state.set(node, 'visiting');
        stack.push(node);
        for (const next of graph[node] ?? []) {
            const cycle = visit(next);
            if (cycle)
                return cycle;
        }
        stack.pop();
        state.set(node, 'done');
        return undefined;
    };
    for (const node of Object.keys(graph)) {
        const cycle = visit(node);
        if (cycle)
            return cycle;
    }
    return undefined;
}
/** Parses and validates the configuration text (file content or inline YAML); returns it with warnings to print. */
function parseConfiguration(text, where = WHERE) {
    const config = (0,src/* parseYamlWithSchema */.Ku)(text, checkedSchema, where, 'configuration');
    const warnings = [];
    sourceRef(config.source.gitRepository);
    for (const [name, ks] of Object.entries(config.kustomizations)) {
        const seen = new Set();
        for (const dep of ks['depends-on'] ?? []) {
            if (!(dep in config.kustomizations)) {
                fail(`at "kustomizations.${name}.depends-on" names ${(0,src/* shown */.SP)(dep)}, which is not a kustomization of this configuration; known: ${Object.keys(config.kustomizations).join(', ')}.`);
            }
            if (seen.has(dep))
                fail(`at "kustomizations.${name}.depends-on" lists "${dep}" twice; list each dependency once.`);
            seen.add(dep);
        }
        const path = ks.path ?? '';
        // eslint-disable-next-line no-control-regex -- rejecting control characters in user input is the point
        if (path.split(/[\\/]/).includes('..') || path.startsWith('/') || /[\u0000-\u001f]/.test(path)) {
            fail(`at "kustomizations.${name}.path" has ${(0,src/* shown */.SP)(path)}; use a path inside the repository such as ./apps, without "..".`);
        }
        if (ks.prune === false) {
            warnings.push(`Kustomization "${name}" has prune: false: objects removed from Git stay in the clusters, so Git stops being the source of truth.`);
        }
        for (const key of Object.keys(ks['post-build']?.substitute ?? {})) {
            if (!/^[_a-zA-Z][_a-zA-Z0-9]*$/.test(key))
                fail(`at "kustomizations.${name}.post-build.substitute" has the variable ${(0,src/* shown */.SP)(key)}; names are letters, digits and _, not starting with a digit.`);
        }
    }
    const graph = Object.fromEntries(Object.entries(config.kustomizations).map(([k, v]) => [k, v['depends-on'] ?? []]));
    const cycle = findCycle(graph);
    if (cycle)
        fail(`has a depends-on cycle between kustomizations: ${cycle.join(' → ')}; remove one of these dependencies.`);
    return { config, warnings };
}

;// CONCATENATED MODULE: ./actions/flux-apply/src/inputs.ts




const MAX_CONFIGURATION_BYTES = 1_048_576;
/** `configuration`: a path to a .yml/.yaml/.json file in the workspace, or the YAML itself. */
function readConfigurationText() {
    const value = (0,src/* requiredString */.Fk)('configuration', { maxLength: MAX_CONFIGURATION_BYTES });
    const looksLikePath = !value.includes('\n') && !/:\s/.test(value) && !value.trimStart().startsWith('{');
    if (!looksLikePath)
        return { text: value, origin: 'inline' };
    if (!/\.(ya?ml|json)$/i.test(value)) {
        throw new src/* ConfigurationError */.j1(`Input "configuration" has ${(0,src/* shown */.SP)(value)}, which is neither inline YAML nor a .yml, .yaml or .json file path.`, 'configuration');
    }
    const file = (0,azure_src/* workspacePath */.X5)('configuration', value, { mustExist: 'file' });
    if ((0,external_node_fs_.statSync)(file).size > MAX_CONFIGURATION_BYTES) {
        throw new src/* ConfigurationError */.j1(`Input "configuration" names ${(0,src/* shown */.SP)(value)}, which is larger than 1 MiB; a Flux configuration file is a few kilobytes.`, 'configuration');
    }
    return { text: (0,external_node_fs_.readFileSync)(file, 'utf8'), origin: value };
}
function secretFromEnv(variable, field) {
    if (!variable)
        return {};
    const value = process.env[variable];
    if (!value) {
        throw new src/* ConfigurationError */.j1(`Input "configuration" at "source.gitRepository.${field}" names the environment variable ${variable}, which is empty or not set; set it with "env:" on the step.`, 'configuration');
    }
    (0,src/* maskSecret */.$l)(value);
    return { value, from: `environment variable ${variable}` };
}
function urlKind(url) {
    if (/^[\w.-]+@[\w.-]+:(?!\/\/)\S+$/.test(url))
        return 'ssh';
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new src/* ConfigurationError */.j1(`Input "configuration" at "source.gitRepository.url" has ${(0,src/* shown */.SP)(url)}, which is not a URL; use https://…, ssh://… or git@host:path.`, 'configuration');
    }
    if (parsed.password) {
        (0,src/* maskSecret */.$l)(parsed.password);
        throw new src/* ConfigurationError */.j1('Input "configuration" at "source.gitRepository.url" has credentials in the URL; remove them and use https-user with the https-key input.', 'configuration');
    }
    const kind = parsed.protocol.replace(/:$/, '');
    if (kind !== 'https' && kind !== 'http' && kind !== 'ssh') {
        throw new src/* ConfigurationError */.j1(`Input "configuration" at "source.gitRepository.url" has the scheme "${kind}"; allowed: https, http, ssh (or git@host:path).`, 'configuration');
    }
    return kind;
}
/** The Git credentials: from the https-key / ssh-private-key inputs, or the environment variables the configuration names. */
function readGitAuth(config) {
    const git = config.source.gitRepository;
    const httpsKeyInput = (0,src/* optionalString */.sx)('https-key', { secret: true, maxLength: 16_384 });
    const sshKeyInput = (0,src/* optionalString */.sx)('ssh-private-key', { secret: true, maxLength: 65_536 });
    const https = httpsKeyInput ? { value: httpsKeyInput, from: 'input https-key' } : secretFromEnv(git['https-key-env'], 'https-key-env');
    const ssh = sshKeyInput
        ? { value: sshKeyInput, from: 'input ssh-private-key' }
        : secretFromEnv(git['ssh-private-key-env'], 'ssh-private-key-env');
    const user = (0,src/* optionalString */.sx)('https-user', { maxLength: 256 }) ?? git['https-user'];
    const knownHosts = (0,src/* optionalString */.sx)('known-hosts', { maxLength: 65_536 }) ?? git['known-hosts'];
    const kind = urlKind(git.url);
    const url = (0,src/* shown */.SP)(git.url);
    if (https.value && ssh.value) {
        throw new src/* ConfigurationError */.j1(`Input "https-key" and "ssh-private-key" are both set (from ${https.from} and ${ssh.from}); set the one that matches the URL ${url}.`, 'https-key');
    }
    if (ssh.value) {
        if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]+-----END [A-Z ]*PRIVATE KEY-----/.test(ssh.value)) {
            throw new src/* ConfigurationError */.j1(`Input "ssh-private-key" (from ${ssh.from}) is not a PEM or OpenSSH private key; expected -----BEGIN … PRIVATE KEY----- … -----END … PRIVATE KEY-----.`, 'ssh-private-key');
        }
        if (kind !== 'ssh')
            throw new src/* ConfigurationError */.j1(`Input "ssh-private-key" is set but the repository URL ${url} is ${kind}; use ssh://… or git@host:path with an SSH key.`, 'ssh-private-key');
        if (user)
            throw new src/* ConfigurationError */.j1('Input "https-user" is set together with an SSH key; remove https-user or use HTTPS with https-key.', 'https-user');
        if (knownHosts !== undefined && !/^\S+ (ssh-|ecdsa-)\S+ \S+/m.test(knownHosts)) {
            throw new src/* ConfigurationError */.j1('Input "known-hosts" is not in known_hosts format (host key-type key, one a line, e.g. from ssh-keyscan).', 'known-hosts');
        }
        return { kind: 'ssh', privateKey: ssh.value, knownHosts, from: ssh.from };
    }
    if (knownHosts)
        throw new src/* ConfigurationError */.j1('Input "known-hosts" is set but no SSH key is; known-hosts only applies with ssh-private-key.', 'known-hosts');
    if (https.value) {
        if (kind !== 'https')
            throw new src/* ConfigurationError */.j1(`Input "https-key" is set but the repository URL ${url} is ${kind}; an HTTPS key needs an https:// URL.`, 'https-key');
        if (!user)
            throw new src/* ConfigurationError */.j1('Input "https-user" is empty while an HTTPS key is set; set https-user (or source.gitRepository.https-user), e.g. git or x-access-token.', 'https-user');
        return { kind: 'https', user, key: https.value, from: https.from };
    }
    if (user)
        throw new src/* ConfigurationError */.j1('Input "https-user" is set without an HTTPS key; set https-key (or source.gitRepository.https-key-env) too, or remove https-user.', 'https-user');
    if (kind === 'ssh')
        throw new src/* ConfigurationError */.j1(`Input "configuration" has the SSH repository URL ${url} but no SSH key; set ssh-private-key or source.gitRepository.ssh-private-key-env.`, 'configuration');
    return { kind: 'none' };
}
function readFluxSource() {
    const { text, origin } = readConfigurationText();
    const { config, warnings } = parseConfiguration(text, origin === 'inline' ? 'Input "configuration"' : `Input "configuration" (${origin})`);
    return { config, origin, ref: sourceRef(config.source.gitRepository), auth: readGitAuth(config), warnings };
}
function readInputs() {
    const identity = (0,azure_src/* readAzureIdentityInputs */.dp)();
    const source = readFluxSource();
    const targets = (0,azure_src/* readFleetTargetInputs */.F9)({ required: true });
    const clusterType = (0,src/* enumInput */.gX)('cluster-type', ['connectedClusters', 'managedClusters'], 'connectedClusters');
    if (targets.kind === 'targets') {
        const other = targets.targets.find((t) => t.type.toLowerCase() !== clusterType.toLowerCase());
        if (other) {
            throw new src/* ConfigurationError */.j1(`Input "targets" lists ${(0,src/* shown */.SP)(other.id)}, a ${other.type} cluster, but "cluster-type" is ${clusterType}; list only ${clusterType} or change cluster-type.`, 'targets');
        }
    }
    return {
        identity,
        source,
        targets,
        clusterType,
        wait: (0,src/* booleanInput */.tE)('wait', true),
        timeoutMs: (0,src/* durationInput */.Ts)('timeout', { default: '10m', min: '30s', max: '6h' }),
        concurrency: (0,src/* integerInput */.$A)('concurrency', { default: 10, min: 1, max: 100 }),
        deleteMissing: (0,src/* booleanInput */.tE)('delete-missing', false),
        dryRun: (0,azure_src/* readDryRun */.n0)(),
        githubToken: (0,src/* optionalString */.sx)('github-token', { secret: true, maxLength: 4096 }),
    };
}


/***/ }),

/***/ 42211:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  "do": () => (/* binding */ applyFleet),
  xS: () => (/* binding */ publishFleetResult)
});

// UNUSED EXPORTS: pullRequestNumber, shardOf

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 8 modules
var src = __webpack_require__(19297);
// EXTERNAL MODULE: ./packages/azure/src/index.ts + 9 modules
var azure_src = __webpack_require__(86708);
// EXTERNAL MODULE: ./packages/report/src/index.ts + 11 modules
var report_src = __webpack_require__(96958);
;// CONCATENATED MODULE: ./actions/flux-apply/src/arm.ts


/**
 * The ARM calls of flux-apply, on the SDK clients of {@link ArmClients}, for Arc and AKS clusters alike (one code
 * path: clusterRp + clusterResourceName). The SDK already retries 429 (honouring Retry-After) and a few 5xx and
 * connection resets per call; when a call still fails transiently, it is retried again only while the run-wide
 * {@link RetryBudget} lasts, so a fleet-wide outage ends quickly with a result per cluster instead of a storm.
 */
const FLUX_EXTENSION_TYPE = 'microsoft.flux';
const FLUX_EXTENSION_NAME = 'flux';
const CLUSTER_RP = {
    connectedClusters: { clusterRp: 'Microsoft.Kubernetes', clusterResourceName: 'connectedClusters', apiVersion: '2024-01-01' },
    managedClusters: { clusterRp: 'Microsoft.ContainerService', clusterResourceName: 'managedClusters', apiVersion: '2025-01-01' },
};
const TRANSIENT_CODES = new Set(['REQUEST_SEND_ERROR', 'ECONNRESET', 'ETIMEDOUT', 'ECONNREFUSED', 'EPIPE', 'UND_ERR_SOCKET']);
function isTransient(error) {
    const e = error;
    if (typeof e?.statusCode === 'number')
        return e.statusCode === 429 || e.statusCode === 408 || e.statusCode >= 500;
    return ((e?.code !== undefined && TRANSIENT_CODES.has(e.code)) ||
        /socket hang up|ECONNRESET|other side closed|fetch failed/i.test(e?.message ?? ''));
}
/** A short, user-facing description of an ARM error: status, code and message. */
function describeArmError(error) {
    const e = error;
    const status = typeof e?.statusCode === 'number' ? `HTTP ${e.statusCode}` : undefined;
    const code = typeof e?.code === 'string' ? e.code : undefined;
    const message = (0,src/* errorMessage */.gJ)(error).split('\n')[0];
    return {
        code,
        message: [status, code && code !== message ? code : undefined].filter(Boolean).join(' ') + (status || code ? ': ' : '') + message,
    };
}
const isThrottled = (error) => error?.statusCode === 429;
/** ARM's Retry-After of a throttled answer, in milliseconds (1 s when absent), with jitter so workers spread out. */
function retryAfterMs(error) {
    const headers = error?.response?.headers;
    const seconds = Number(headers?.get?.('retry-after') ?? 1);
    return (Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 60) : 1) * 1000 * (1 + Math.random() * 0.5);
}
/**
 * Runs `call`, retrying transient failures while the run-wide budget allows (at most `attempts` tries). Throttling
 * (429) is ARM pacing a large fleet, not a failure: it is waited out (the SDK honours Retry-After first) without
 * spending the budget, for up to 12 tries.
 */
async function withBudget(budget, call, attempts = 6) {
    for (let attempt = 1;; attempt++) {
        try {
            return await call();
        }
        catch (error) {
            const throttled = isThrottled(error);
            if (attempt >= (throttled ? 12 : attempts) || !isTransient(error) || (!throttled && !budget.take()))
                throw error;
            await (0,src/* sleep */.yy)(throttled ? retryAfterMs(error) : Math.min(8000, 250 * 2 ** (attempt - 1)) * (0.75 + Math.random() * 0.5));
        }
    }
}
/**
 * A long-running write. The SDK sends the write and its first status poll inside `begin`, so a transient failure of
 * `begin` does not tell whether ARM accepted the write: before sending it again, `landed` reads the resource back, and
 * a write that already landed is never re-sent. Once ARM has accepted the write, a failed wait is not retried on the
 * poller (its result is cached, failure included) but by reading the resource back until it has settled.
 */
async function writeThenPoll(budget, begin, landed) {
    let poller;
    for (let attempt = 1; !poller; attempt++) {
        try {
            poller = (await begin()).poller;
        }
        catch (error) {
            const throttled = isThrottled(error);
            if (attempt >= (throttled ? 12 : 6) || !isTransient(error) || (!throttled && !budget.take()))
                throw error;
            const already = landed ? await landed().catch(() => undefined) : undefined;
            if (already !== undefined)
                return already;
            await (0,src/* sleep */.yy)(throttled ? retryAfterMs(error) : Math.min(8000, 250 * 2 ** (attempt - 1)) * (0.75 + Math.random() * 0.5));
        }
    }
    try {
        return await poller.pollUntilDone();
    }
    catch (error) {
        if (!landed || !isTransient(error))
            throw error;
        for (let attempt = 1; attempt <= 12; attempt++) {
            const settled = await landed().catch(() => undefined);
            if (settled !== undefined)
                return settled;
            await (0,src/* sleep */.yy)(isThrottled(error) ? retryAfterMs(error) : Math.min(8000, 250 * 2 ** (attempt - 1)));
        }
        throw error;
    }
}
class FluxArm {
    clients;
    budget;
    constructor(clients, budget) {
        this.clients = clients;
        this.budget = budget;
    }
    sdk(cluster) {
        return this.clients.kubernetesConfiguration(cluster.subscriptionId);
    }
    args(cluster) {
        const rp = CLUSTER_RP[cluster.type];
        return [cluster.resourceGroup, rp.clusterRp, rp.clusterResourceName, cluster.name];
    }
    /** The flux configuration as ARM returns it (flattened SDK model), or undefined when there is none. */
    async getFlux(cluster, name) {
        const sdk = await this.sdk(cluster);
        return (await (0,azure_src/* ifExists */.AG)(withBudget(this.budget, () => sdk.fluxConfigurations.get(...this.args(cluster), name))));
    }
    async createFlux(cluster, name, body) {
        const sdk = await this.sdk(cluster);
        // Planned as a create: if the configuration exists now, this run's PUT reached ARM.
        const landed = async () => ((await this.getFlux(cluster, name)) ? this.settled(cluster, name) : undefined);
        return (await writeThenPoll(this.budget, async () => ({ poller: await sdk.fluxConfigurations.beginCreateOrUpdate(...this.args(cluster), name, body) }), landed));
    }
    async patchFlux(cluster, name, patch) {
        const sdk = await this.sdk(cluster);
        const sent = Date.now() - 5_000; // ARM's clock may lag the runner's a little
        const landed = async () => {
            const now = await this.getFlux(cluster, name);
            const modified = Date.parse(String(now?.systemData?.lastModifiedAt ?? ''));
            return modified >= sent ? this.settled(cluster, name) : undefined;
        };
        return (await writeThenPoll(this.budget, async () => ({ poller: await sdk.fluxConfigurations.beginUpdate(...this.args(cluster), name, patch) }), landed));
    }
    /** Reads the configuration until its provisioning state is final (after a write that landed without a poller). */
    async settled(cluster, name) {
        const done = await (0,src/* waitFor */.fm)(async () => {
            const now = await this.getFlux(cluster, name);
            return now && ['Succeeded', 'Failed', 'Canceled'].includes(String(now.provisioningState)) ? now : undefined;
        }, { timeoutMs: 10 * 60_000, initialMs: 500, maxMs: 5000 });
        return done.value;
    }
    async deleteFlux(cluster, name) {
        const sdk = await this.sdk(cluster);
        await withBudget(this.budget, () => sdk.fluxConfigurations.beginDeleteAndWait(...this.args(cluster), name));
    }
    /** The microsoft.flux extension of the cluster, if installed. */
    async getFluxExtension(cluster) {
        const sdk = await this.sdk(cluster);
        const list = await withBudget(this.budget, async () => {
            const out = [];
            for await (const e of sdk.extensions.list(...this.args(cluster)))
                out.push(e);
            return out;
        });
        const ext = list.find((e) => String(e.extensionType ?? '').toLowerCase() === FLUX_EXTENSION_TYPE);
        return ext ? toExtensionState(ext) : undefined;
    }
    /**
     * Installs microsoft.flux when it is missing, or installs it again when it Failed; waits for Succeeded.
     * Returns what was done: `present`, `installed` or `repaired`.
     */
    async ensureFluxExtension(cluster, timeoutMs) {
        const sdk = await this.sdk(cluster);
        let current = await this.getFluxExtension(cluster);
        if (current && ['Creating', 'Updating'].includes(current.provisioningState ?? '')) {
            const settled = await (0,src/* waitFor */.fm)(async () => {
                const s = await this.getFluxExtension(cluster);
                return s && !['Creating', 'Updating'].includes(s.provisioningState ?? '') ? s : undefined;
            }, { timeoutMs, initialMs: 1000, maxMs: 10_000 });
            if (!settled.value)
                throw new Error(`The flux extension is still ${current.provisioningState} after ${Math.round(timeoutMs / 1000)} s.`);
            current = settled.value;
        }
        if (current?.provisioningState === 'Deleting')
            throw new Error(`The flux extension "${current.name}" is being deleted; run again once it is gone.`);
        if (current && current.provisioningState !== 'Failed')
            return { outcome: 'present', state: current };
        const name = current?.name ?? FLUX_EXTENSION_NAME;
        const body = {
            extensionType: FLUX_EXTENSION_TYPE,
            autoUpgradeMinorVersion: true,
            releaseTrain: 'Stable',
            scope: { cluster: { releaseNamespace: 'flux-system' } },
            // As the Azure CLI does: Arc clusters get a system-assigned identity, AKS clusters never.
            ...(cluster.type === 'connectedClusters' ? { identity: { type: 'SystemAssigned' } } : {}),
        };
        const created = (await withBudget(this.budget, () => sdk.extensions.beginCreateAndWait(...this.args(cluster), name, body)));
        const state = toExtensionState(created);
        if (state.provisioningState !== 'Succeeded')
            throw new Error(`The flux extension ended ${state.provisioningState ?? 'without a state'}${state.error ? `: ${state.error}` : ''}.`);
        return { outcome: current ? 'repaired' : 'installed', state };
    }
    /** Replaces the cluster's tags (PATCH of the cluster resource; `tags` is the complete new set). */
    async setClusterTags(cluster, tags) {
        const resources = await this.clients.resources(cluster.subscriptionId);
        // The tags are the whole desired set: if ARM already holds exactly them, the PATCH landed.
        const landed = async () => {
            const now = (await this.getCluster(cluster))?.tags ?? {};
            return (0,src/* stableStringify */.JB)(now) === (0,src/* stableStringify */.JB)(tags) ? null : undefined;
        };
        await writeThenPoll(this.budget, async () => {
            const poller = resources.resources.updateById(cluster.id, CLUSTER_RP[cluster.type].apiVersion, { tags });
            await poller.submitted();
            return { poller };
        }, landed);
    }
    /** The cluster as ARM knows it (for ids that Resource Graph has not indexed yet). */
    async getCluster(cluster) {
        const resources = await this.clients.resources(cluster.subscriptionId);
        return (0,azure_src/* ifExists */.AG)(withBudget(this.budget, () => resources.resources.getById(cluster.id, CLUSTER_RP[cluster.type].apiVersion)));
    }
}
function toExtensionState(e) {
    const err = e.errorInfo?.message ?? e.statuses?.find((s) => s.level === 'Error')?.message;
    return {
        name: String(e.name ?? FLUX_EXTENSION_NAME),
        provisioningState: e.provisioningState,
        version: e.currentVersion ?? e.version,
        ...(err ? { error: String(err) } : {}),
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./actions/flux-apply/src/desired.ts


/** Azure's defaults for flux configurations (azure-management-docs gitops-flux2-parameters, the REST spec). */
const DEFAULTS = { intervalSeconds: 600, timeoutSeconds: 600, namespace: 'default', scope: 'cluster' };
/** A Go duration (`90s`, `10m`, `1h30m`) in whole seconds, at least 1. */
function seconds(duration, fallback, where) {
    if (duration === undefined)
        return fallback;
    const ms = (0,src/* parseDuration */.E9)(duration);
    if (ms === undefined)
        throw new src/* ConfigurationError */.j1(`Input "configuration" at "${where}" has "${duration}", which is not a duration such as 90s or 10m.`, 'configuration');
    return Math.max(1, Math.round(ms / 1000));
}
/** `git@host:path` (scp-like) becomes `ssh://git@host/path`: ARM and Flux accept only URL syntax. */
function armGitUrl(url) {
    const scp = /^([\w.-]+)@([\w.-]+):(?!\/\/)(\S+)$/.exec(url);
    return scp ? `ssh://${scp[1]}@${scp[2]}/${scp[3].replace(/^\/+/, '')}` : url;
}
const b64 = (text) => Buffer.from(text, 'utf8').toString('base64');
function desiredBody(config, auth) {
    const git = config.source.gitRepository;
    const ref = Object.fromEntries(['branch', 'tag', 'semver', 'commit'].filter((k) => git[k] !== undefined).map((k) => [k, git[k]]));
    const kustomizations = {};
    for (const [name, k] of Object.entries(config.kustomizations)) {
        const at = `kustomizations.${name}`;
        const substitute = k['post-build']?.substitute;
        kustomizations[name] = {
            path: k.path ?? '',
            dependsOn: [...(k['depends-on'] ?? [])],
            timeoutInSeconds: seconds(k.timeout, DEFAULTS.timeoutSeconds, `${at}.timeout`),
            syncIntervalInSeconds: seconds(k['sync-interval'], DEFAULTS.intervalSeconds, `${at}.sync-interval`),
            retryIntervalInSeconds: seconds(k['retry-interval'], null, `${at}.retry-interval`),
            prune: k.prune ?? true, // Git is the source of truth unless the file says prune: false (which warns)
            force: k.force ?? false,
            wait: k.wait ?? true,
            postBuild: substitute && Object.keys(substitute).length ? { substitute: { ...substitute } } : null,
        };
    }
    return {
        scope: config.scope ?? DEFAULTS.scope,
        namespace: config.namespace ?? DEFAULTS.namespace,
        sourceKind: 'GitRepository',
        suspend: config.suspend ?? false,
        gitRepository: {
            url: armGitUrl(git.url),
            repositoryRef: ref,
            timeoutInSeconds: seconds(git.timeout, DEFAULTS.timeoutSeconds, 'source.gitRepository.timeout'),
            syncIntervalInSeconds: seconds(git['sync-interval'], DEFAULTS.intervalSeconds, 'source.gitRepository.sync-interval'),
            httpsUser: auth.kind === 'https' ? auth.user : null,
            sshKnownHosts: auth.kind === 'ssh' && auth.knownHosts ? b64(auth.knownHosts.trim() + '\n') : null,
        },
        kustomizations,
    };
}
/**
 * `configurationProtectedSettings` (base64 values, as the Azure CLI sends them). The encoded forms are
 * registered as secrets too, so they are redacted wherever they might surface.
 */
function protectedSettings(auth) {
    const settings = {};
    if (auth.kind === 'https')
        settings.httpsKey = b64(auth.key);
    if (auth.kind === 'ssh')
        settings.sshPrivateKey = b64(auth.privateKey.trim() + '\n');
    for (const value of Object.values(settings))
        (0,src/* maskSecret */.$l)(value);
    return settings;
}
/**
 * The fingerprint of the protected settings that ARM never returns: sha256 of the sorted settings, salted with
 * the configuration's ARM id (lower case), so equal keys on two clusters give different fingerprints. `none`
 * when there are no settings. Only 32 hex characters are kept (128 bits).
 */
function settingsHash(configurationId, settings) {
    if (Object.keys(settings).length === 0)
        return 'none';
    return (0,external_node_crypto_.createHash)('sha256')
        .update(configurationId.toLowerCase())
        .update('\n')
        .update((0,src/* stableStringify */.JB)(settings))
        .digest('hex')
        .slice(0, 32);
}
// ---- actual state ----------------------------------------------------------------------------------------------
const num = (v, fallback) => (typeof v === 'number' ? v : fallback);
const bool = (v, fallback) => (typeof v === 'boolean' ? v : fallback);
const str = (v) => (typeof v === 'string' && v !== '' ? v : null);
/** What ARM returned, in the same normalised shape as {@link desiredBody} (missing fields take ARM's defaults). */
function actualBody(actual) {
    const git = (actual.gitRepository ?? {});
    const ref = Object.fromEntries(Object.entries((git.repositoryRef ?? {})).filter(([, v]) => typeof v === 'string' && v !== ''));
    const kustomizations = {};
    for (const [name, raw] of Object.entries((actual.kustomizations ?? {}))) {
        if (!raw)
            continue;
        const substitute = raw.postBuild?.substitute;
        kustomizations[name] = {
            path: typeof raw.path === 'string' ? raw.path : '',
            dependsOn: Array.isArray(raw.dependsOn) ? [...raw.dependsOn] : [],
            timeoutInSeconds: num(raw.timeoutInSeconds, DEFAULTS.timeoutSeconds),
            syncIntervalInSeconds: num(raw.syncIntervalInSeconds, DEFAULTS.intervalSeconds),
            retryIntervalInSeconds: num(raw.retryIntervalInSeconds, null),
            prune: bool(raw.prune, false),
            force: bool(raw.force, false),
            wait: bool(raw.wait, true),
            postBuild: substitute && Object.keys(substitute).length ? { substitute: { ...substitute } } : null,
        };
    }
    return {
        scope: actual.scope === 'namespace' ? 'namespace' : 'cluster',
        namespace: str(actual.namespace) ?? DEFAULTS.namespace,
        sourceKind: 'GitRepository',
        suspend: bool(actual.suspend, false),
        gitRepository: {
            url: str(git.url) ?? '',
            repositoryRef: ref,
            timeoutInSeconds: num(git.timeoutInSeconds, DEFAULTS.timeoutSeconds),
            syncIntervalInSeconds: num(git.syncIntervalInSeconds, DEFAULTS.intervalSeconds),
            httpsUser: str(git.httpsUser),
            sshKnownHosts: str(git.sshKnownHosts),
        },
        kustomizations,
    };
}

;// CONCATENATED MODULE: ./actions/flux-apply/src/observe.ts


const STATES = ['Compliant', 'Non-Compliant', 'Pending', 'Suspended', 'Unknown'];
function state(value) {
    const text = String(value ?? '');
    return STATES.find((s) => s.toLowerCase() === text.toLowerCase()) ?? (/^non.?compliant$/i.test(text) ? 'Non-Compliant' : 'Unknown');
}
const readyOf = (s) => (s.statusConditions ?? []).find((c) => c?.type === 'Ready') ?? (s.statusConditions ?? [])[0];
/** Reads a flux configuration (ARM GET or a Resource Graph row) into the per-kustomization view of the report. */
function readCompliance(raw, configName, kustomizations) {
    const statuses = (raw.statuses ?? []).filter((s) => !!s);
    const byName = new Map(statuses.filter((s) => s.kind === 'Kustomization').map((s) => [String(s.name), s]));
    const names = [
        ...new Set([
            ...kustomizations,
            ...[...byName.keys()].filter((n) => n.startsWith(`${configName}-`)).map((n) => n.slice(configName.length + 1)),
        ]),
    ];
    const source = statuses.find((s) => s.kind === 'GitRepository');
    const sourceReady = source ? readyOf(source) : undefined;
    const when = raw.statusUpdatedAt instanceof Date ? raw.statusUpdatedAt.toISOString() : raw.statusUpdatedAt ? String(raw.statusUpdatedAt) : undefined;
    return {
        state: state(raw.complianceState),
        provisioningState: raw.provisioningState ? String(raw.provisioningState) : undefined,
        errorMessage: raw.errorMessage ? String(raw.errorMessage) : undefined,
        sourceSyncedCommitId: raw.sourceSyncedCommitId ? String(raw.sourceSyncedCommitId) : undefined,
        statusUpdatedAt: when,
        source: sourceReady && sourceReady.status !== 'True'
            ? { ready: sourceReady.status, reason: sourceReady.reason, message: sourceReady.message }
            : undefined,
        kustomizations: names.map((name) => {
            const s = byName.get(`${configName}-${name}`);
            const ready = s ? readyOf(s) : undefined;
            return {
                name,
                complianceState: s ? state(s.complianceState) : 'Unknown',
                ready: ready?.status,
                reason: ready?.reason,
                message: ready?.message,
            };
        }),
    };
}
const PROGRESSING = new Set(['Progressing', 'ProgressingWithRetry', 'DependencyNotReady', 'ArtifactFailed']);
/**
 * Whether the observation is final. `writtenAt` (ms) is when this run wrote the configuration: a status older
 * than that (minus clock skew) describes the previous generation, as Resource Graph may still show it.
 */
function isFinal(c, writtenAt, skewMs = 5000) {
    if (c.provisioningState === 'Failed')
        return true;
    if (c.provisioningState && c.provisioningState !== 'Succeeded')
        return false;
    if (writtenAt !== undefined && c.statusUpdatedAt && Date.parse(c.statusUpdatedAt) < writtenAt - skewMs)
        return false;
    if (c.state === 'Compliant' || c.state === 'Suspended')
        return true;
    if (c.state !== 'Non-Compliant')
        return false;
    return !c.kustomizations.some((k) => k.ready === 'Unknown' || (k.reason !== undefined && PROGRESSING.has(k.reason) && k.complianceState !== 'Non-Compliant'));
}
async function readByGraph(options, pending) {
    const query = [
        'kubernetesconfigurationresources',
        "| where type =~ 'microsoft.kubernetesconfiguration/fluxconfigurations'",
        `| where name =~ ${(0,azure_src/* kqlString */.aX)(options.configName)}`,
        '| project id, name, complianceState = properties.complianceState, provisioningState = properties.provisioningState, ' +
            'errorMessage = properties.errorMessage, statuses = properties.statuses, statusUpdatedAt = properties.statusUpdatedAt, ' +
            'sourceSyncedCommitId = properties.sourceSyncedCommitId',
        '| order by id asc',
    ].join('\n');
    const subscriptions = [...new Set(pending.map((w) => w.subscriptionId.toLowerCase()))];
    const result = await (0,azure_src/* queryGraph */.xk)(options.clients, query, { subscriptions });
    const wanted = new Map(pending.map((w) => [w.clusterId.toLowerCase(), w.key]));
    const out = new Map();
    for (const row of result.rows) {
        const key = wanted.get((0,azure_src/* owningClusterId */.gn)(String(row.id)));
        if (key)
            out.set(key, row);
    }
    return out;
}
async function readByArm(options, pending) {
    const out = new Map();
    const settled = await (0,src/* mapSettled */.AW)(pending, options.concurrency, async (w) => [w.key, await options.get(w)]);
    for (const s of settled)
        if (s.status === 'fulfilled' && s.value[1])
            out.set(s.value[0], s.value[1]);
    return out;
}
/** Polls every watched configuration until each is final or the deadline passes; one observation per key. */
async function observeCompliance(watched, options) {
    const started = Date.now();
    const results = new Map(watched.map((w) => [w.key, { final: false, waitedMs: 0 }]));
    let pending = [...watched];
    let interval = options.initialIntervalMs ?? 2000;
    const useGraph = options.via === 'graph' || (options.via === 'auto' && watched.length > 5);
    for (let round = 1; pending.length > 0; round++) {
        options.onRound?.(round, pending.length);
        let rows;
        let roundError;
        try {
            rows = useGraph ? await readByGraph(options, pending) : await readByArm(options, pending);
        }
        catch (error) {
            roundError = error.message;
        }
        const waitedMs = Date.now() - started;
        pending = pending.filter((w) => {
            const obs = results.get(w.key);
            obs.waitedMs = waitedMs;
            if (roundError)
                obs.error = roundError;
            const raw = rows?.get(w.key);
            if (!raw)
                return true;
            obs.error = undefined;
            obs.compliance = readCompliance(raw, options.configName, options.kustomizations);
            obs.final = isFinal(obs.compliance, w.writtenAt);
            return !obs.final;
        });
        const left = options.timeoutMs - (Date.now() - started);
        if (pending.length === 0 || left <= 0)
            break;
        await (0,src/* sleep */.yy)(Math.min(interval, left));
        interval = Math.min(interval * 1.5, options.maxIntervalMs ?? 15_000);
    }
    return results;
}

;// CONCATENATED MODULE: ./actions/flux-apply/src/plan.ts


/** A kustomization as compared and sent: an unset retry interval is left to ARM (it has its own default). */
function comparable(k) {
    const { retryIntervalInSeconds, ...rest } = k;
    return retryIntervalInSeconds === null ? rest : { ...rest, retryIntervalInSeconds };
}
function comparableBody(body) {
    return { ...body, kustomizations: Object.fromEntries(Object.entries(body.kustomizations).map(([n, k]) => [n, comparable(k)])) };
}
const REF_KINDS = ['branch', 'tag', 'semver', 'commit'];
function planFlux(desired, actualRaw, settings) {
    const hasSettings = settings.desired !== 'none';
    if (!actualRaw) {
        const fields = (0,src/* diffFields */.p5)(undefined, comparableBody(desired));
        if (hasSettings)
            fields.push({ path: 'configurationProtectedSettings', before: undefined, after: '(set)' });
        return { action: 'create', fields, put: desired, sendSettings: hasSettings };
    }
    const actual = actualBody(actualRaw);
    const fields = (0,src/* diffFields */.p5)(comparableBody(actual), comparableBody(desired));
    for (const name of Object.keys(actual.kustomizations)) {
        if (!(name in desired.kustomizations))
            fields.push({ path: `kustomizations.${name}`, before: comparable(actual.kustomizations[name]), after: null });
    }
    const settingsChanged = settings.recorded !== settings.desired && (hasSettings || (settings.recorded !== undefined && settings.recorded !== 'none'));
    if (settingsChanged)
        fields.push({
            path: 'configurationProtectedSettings',
            before: settings.recorded ? '(set before)' : '(unknown)',
            after: hasSettings ? '(set)' : '(none)',
        });
    const createOnly = fields.filter((f) => f.path === 'scope' || f.path === 'namespace');
    if (createOnly.length) {
        const what = createOnly.map((f) => `${f.path} ${JSON.stringify(f.before)} → ${JSON.stringify(f.after)}`).join(', ');
        return {
            action: 'update',
            fields,
            sendSettings: false,
            blocked: `${what} can only be set when the configuration is created; delete it first or give the configuration another name`,
        };
    }
    if (fields.length === 0)
        return { action: 'unchanged', fields, sendSettings: false };
    const patch = {};
    if (desired.suspend !== actual.suspend)
        patch.suspend = desired.suspend;
    if (fields.some((f) => f.path.startsWith('gitRepository.'))) {
        // The whole source block (ARM rejects a sourceKind without its body); other reference kinds are cleared.
        const ref = Object.fromEntries(REF_KINDS.map((k) => [k, null]));
        Object.assign(ref, desired.gitRepository.repositoryRef);
        patch.sourceKind = desired.sourceKind;
        patch.gitRepository = { ...desired.gitRepository, repositoryRef: ref };
    }
    const kustomizations = {};
    for (const [name, k] of Object.entries(desired.kustomizations)) {
        const before = actual.kustomizations[name];
        if (!before || (0,src/* stableStringify */.JB)(comparable(before)) !== (0,src/* stableStringify */.JB)(comparable(k)))
            kustomizations[name] = comparable(k);
    }
    for (const name of Object.keys(actual.kustomizations))
        if (!(name in desired.kustomizations))
            kustomizations[name] = null;
    if (Object.keys(kustomizations).length)
        patch.kustomizations = kustomizations;
    // Settings that the file no longer has are removed key by key (merge-patch null).
    if (settingsChanged && !hasSettings)
        patch.configurationProtectedSettings = { httpsKey: null, sshPrivateKey: null };
    return { action: 'update', fields, patch, sendSettings: settingsChanged && hasSettings };
}
/** The plan when a configuration of ours is no longer in the file (`delete-missing`). */
function planDelete(name) {
    return { action: 'delete', fields: [{ path: name, before: '(exists)', after: null }], sendSettings: false };
}

;// CONCATENATED MODULE: ./actions/flux-apply/src/provenance.ts

/**
 * Where flux-apply keeps its provenance: a tag on the cluster resource, one per configuration,
 * `arc-actions.flux.<configuration>` = `settings=<fingerprint>; source=<repository>:<file>`.
 *
 * Why the cluster's tags: fluxConfigurations are proxy resources without tags or free-form metadata, and every
 * field they have reaches Flux (a `postBuild.substitute` key turns on variable substitution for the whole
 * kustomization; the flux extension's configurationSettings become Helm values of the extension and are shared
 * by every configuration). The connectedClusters / managedClusters resource is tracked, has tags, keeps them across
 * reconnections and upgrades, nothing in the cluster reads them, and Resource Graph returns them with the
 * inventory, so reading provenance costs no call. The tag is written only when the configuration is created, its
 * protected settings change or it is deleted: a rerun, or a change of kustomizations, writes no tag.
 */
const TAG_PREFIX = 'arc-actions.flux.';
const MAX_VALUE = 256;
const tagName = (configuration) => `${TAG_PREFIX}${configuration}`;
/** `owner/repo:path/of/file.yaml`, or for inline YAML `owner/repo:inline@<workflow file>`. */
function sourceOf(origin, env = process.env) {
    const repository = env.GITHUB_REPOSITORY || 'local';
    if (origin !== 'inline')
        return `${repository}:${origin.replace(/^\.\//, '')}`;
    const workflow = (env.GITHUB_WORKFLOW_REF ?? '').replace(/@.*$/, '').split('/').slice(2).join('/') || env.GITHUB_WORKFLOW || 'workflow';
    return `${repository}:inline@${workflow}`;
}
function formatProvenance(p) {
    const full = `settings=${p.settings}; source=${p.source}`;
    if (full.length <= MAX_VALUE)
        return full;
    return `settings=${p.settings}; source=sha256:${(0,external_node_crypto_.createHash)('sha256').update(p.source).digest('hex').slice(0, 32)}`;
}
function parseProvenance(value) {
    if (!value)
        return undefined;
    const m = /^settings=([^;\s]+);\s*source=(.+)$/.exec(value.trim());
    return m ? { settings: m[1], source: m[2].trim() } : undefined;
}
/** Whether a recorded source is ours (also when it was shortened to a hash). */
function sameSource(recorded, source) {
    return recorded === source || recorded === `sha256:${(0,external_node_crypto_.createHash)('sha256').update(source).digest('hex').slice(0, 32)}`;
}
/** Case-insensitive tag lookup (ARM keeps the caller's casing, Resource Graph may not). */
function findTag(tags, name) {
    if (!tags)
        return undefined;
    const key = Object.keys(tags).find((k) => k.toLowerCase() === name.toLowerCase());
    return key === undefined ? undefined : tags[key];
}
/** Names of the configurations on a cluster whose provenance says this source manages them. */
function configurationsOf(tags, source) {
    return Object.entries(tags ?? {})
        .filter(([k]) => k.toLowerCase().startsWith(TAG_PREFIX))
        .filter(([, v]) => {
        const p = parseProvenance(v);
        return p !== undefined && sameSource(p.source, source);
    })
        .map(([k]) => k.slice(TAG_PREFIX.length));
}

;// CONCATENATED MODULE: ./actions/flux-apply/src/report.ts


const CELL_MAX = 300;
const cut = (text, max = CELL_MAX) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
function cellOfKustomization(t, name) {
    const k = t.compliance?.kustomizations.find((x) => x.name === name);
    if (!k)
        return t.action === 'none' ? '' : '–';
    const icon = k.complianceState === 'Compliant' ? '✅' : k.complianceState === 'Non-Compliant' ? '❌' : '⏳';
    return `${icon} ${k.complianceState}${k.complianceState !== 'Compliant' && k.message ? `: ${cut(k.message, 160)}` : ''}`;
}
const show = (v) => (v === undefined ? '(unset)' : typeof v === 'string' ? v : JSON.stringify(v));
function fieldLines(fields, max = 40) {
    const lines = fields.slice(0, max).map((f) => `${f.path}: ${cut(show(f.before), 120)} → ${cut(show(f.after), 120)}`);
    if (fields.length > max)
        lines.push(`… ${fields.length - max} more`);
    return lines.join('\n');
}
/** The step summary: counts, a table cluster × kustomization, then the failures with Flux's own messages. */
function summaryMarkdown(report, kustomizations) {
    const c = report.counts;
    const title = `flux-apply${report.dryRun ? ' (dry run)' : ''}: ${report.configuration}`;
    const line = `${c.targets} cluster(s): ${c.ok} ok, ${c.warn} warning, ${c.fail} failed` +
        ` · configuration ${c.create} created, ${c.update} updated, ${c.unchanged} unchanged, ${c.delete} deleted · source ${(0,report_src/* code */.aY)(report.source)}`;
    const rows = report.targets.map((t) => [
        `${(0,report_src/* statusLabel */.Rh)(t.status)} ${t.name}`,
        t.action + (t.deleted.length ? ` (+ deleted ${t.deleted.join(', ')})` : ''),
        t.compliance
            ? `${t.compliance.state}${t.compliance.final ? '' : ` (after ${(0,src/* formatDuration */.a3)(t.compliance.waitedMs)})`}`
            : t.error
                ? cut(t.error.message, 200)
                : '',
        ...kustomizations.map((k) => cellOfKustomization(t, k)),
    ]);
    const failures = report.targets.filter((t) => t.status === 'fail' || t.status === 'warn');
    const failureBlocks = failures.slice(0, 100).map((t) => {
        const lines = [];
        if (t.message)
            lines.push(t.message);
        if (t.compliance?.source?.message)
            lines.push(`source: ${t.compliance.source.message}`);
        for (const k of t.compliance?.kustomizations ?? [])
            if (k.complianceState !== 'Compliant' && k.message)
                lines.push(`${k.name} (${k.reason ?? k.complianceState}): ${k.message}`);
        return (0,report_src/* details */.zH)(`${t.name}: ${t.message ?? t.status}`, lines.map((l) => `- ${(0,report_src/* escapeCell */.kq)(cut(l, 2000))}`).join('\n'));
    });
    return (0,src/* redact */.E$)((0,report_src/* blocks */.Bv)((0,report_src/* heading */.R_)(title, 2), line, (0,report_src/* table */.tp)(['Cluster', 'Configuration', 'Compliance', ...kustomizations], rows), failures.length ? (0,report_src/* heading */.R_)('Problems', 3) : undefined, ...failureBlocks));
}
/** The pull-request comment of a dry run: the plan, with clusters of identical plans grouped. */
function commentMarkdown(report) {
    const groups = new Map();
    for (const t of report.targets) {
        const fields = fieldLines(t.fields);
        const deleted = t.deleted.length ? `\ndelete: ${t.deleted.join(', ')}` : '';
        const key = `${t.action}|${fields}${deleted}|${t.error?.message ?? ''}`;
        const g = groups.get(key) ?? { action: t.action, fields: fields + deleted, names: [], errors: t.error ? [t.error.message] : [] };
        g.names.push(t.name);
        groups.set(key, g);
    }
    const rows = [...groups.values()].map((g) => [
        g.errors.length ? `❌ ${g.action}` : g.action,
        `${g.names.length}: ${cut(g.names.slice(0, 10).join(', ') + (g.names.length > 10 ? ', …' : ''), 400)}`,
        g.errors.length ? cut(g.errors[0], 400) : g.fields ? g.fields.split('\n').length + ' field(s)' : 'no change',
    ]);
    const c = report.counts;
    const changed = [...groups.values()].filter((g) => g.fields);
    return (0,src/* redact */.E$)((0,report_src/* blocks */.Bv)((0,report_src/* heading */.R_)(`flux-apply plan: ${report.configuration}`, 3), `${c.targets} cluster(s): ${c.create} create, ${c.update} update, ${c.unchanged} unchanged, ${c.delete} with deletions${c.fail ? `, ${c.fail} failed` : ''}. Source ${(0,report_src/* code */.aY)(report.source)}. Nothing was changed (dry run).`, (0,report_src/* table */.tp)(['Plan', 'Clusters', 'Changes'], rows), ...changed
        .slice(0, 50)
        .map((g) => (0,report_src/* details */.zH)(`${g.action}: ${g.names.length} cluster(s) (${cut(g.names.slice(0, 5).join(', '), 200)})`, '```diff\n' + g.fields.replace(/```/g, "'''") + '\n```'))));
}
function countTargets(targets) {
    const by = (s) => targets.filter((t) => t.status === s).length;
    const changes = (0,src/* countChanges */.xS)(targets);
    return {
        targets: targets.length,
        ok: by('ok'),
        warn: by('warn'),
        fail: by('fail'),
        skipped: by('skipped'),
        create: targets.filter((t) => t.action === 'create').length,
        update: targets.filter((t) => t.action === 'update').length,
        unchanged: targets.filter((t) => t.action === 'unchanged').length,
        delete: changes.delete,
    };
}

;// CONCATENATED MODULE: ./actions/flux-apply/src/story.ts










function refOf(id, tags, clusterType) {
    const parsed = (0,azure_src/* parseClusterId */.Hy)(id);
    return {
        id: parsed.id,
        name: parsed.name,
        subscriptionId: parsed.subscriptionId,
        resourceGroup: parsed.resourceGroup,
        type: clusterType,
        tags: { ...(tags ?? {}) },
    };
}
function failResult(cluster, configuration, message, code) {
    return {
        target: cluster.id,
        name: cluster.name,
        status: 'fail',
        changes: [],
        action: 'none',
        configuration,
        fields: [],
        deleted: [],
        protectedSettings: 'none',
        message,
        error: { code, message },
    };
}
/** Explicit ids or the selector, through Resource Graph; ids it has not indexed yet are read from ARM. */
async function resolveTargets(inputs, clients, arm) {
    const clusterType = inputs.clusterType;
    const config = inputs.source.config.name;
    if (inputs.targets.kind === 'targets') {
        const ids = inputs.targets.targets.map((t) => t.id);
        const defaultSub = inputs.identity.subscriptionId ?? inputs.targets.targets[0].subscriptionId;
        const found = await (0,azure_src/* listFleetClusters */.q4)(clients, { ids, clusterType }, defaultSub);
        const byId = new Map(found.rows.map((r) => [r.id.toLowerCase(), r]));
        const targets = [];
        const unresolved = [];
        for (const t of inputs.targets.targets) {
            const row = byId.get(t.id.toLowerCase());
            if (row) {
                targets.push(refOf(row.id, row.tags, clusterType));
                continue;
            }
            const ref = refOf(t.id, {}, clusterType);
            try {
                const cluster = await arm.getCluster(ref);
                if (cluster)
                    targets.push({ ...ref, tags: { ...(cluster.tags ?? {}) } });
                else
                    unresolved.push(failResult(ref, config, `The cluster ${t.id} does not exist (neither Resource Graph nor ARM know it); check the id in "targets".`, 'ClusterNotFound'));
            }
            catch (error) {
                unresolved.push(failResult(ref, config, `The cluster could not be read: ${describeArmError(error).message}`, describeArmError(error).code));
            }
        }
        return { targets, unresolved };
    }
    const s = inputs.targets.selector;
    const defaultSub = inputs.identity.subscriptionId;
    if (!defaultSub && !s.subscriptions.length && !s.managementGroups.length) {
        throw new src/* ConfigurationError */.j1('Input "selector" names no subscriptions or management-groups and "subscription-id" is empty; set one of them so Resource Graph knows where to look.', 'selector');
    }
    const found = await (0,azure_src/* listFleetClusters */.q4)(clients, { selector: s, clusterType }, defaultSub ?? s.subscriptions[0] ?? '');
    if (!found.complete)
        throw new Error('Resource Graph returned a partial list of clusters for the selector; nothing was changed. Run again, or narrow the selector.');
    return { targets: found.rows.map((r) => refOf(r.id, r.tags, clusterType)), unresolved: [] };
}
/** Keeps the targets of one shard: position (sorted by id, case-insensitive) modulo total. */
function shardOf(targets, shard) {
    const sorted = [...targets].sort((a, b) => a.id.toLowerCase().localeCompare(b.id.toLowerCase()));
    if (!shard || shard.total <= 1)
        return sorted;
    return sorted.filter((_, i) => i % shard.total === shard.index);
}
const change = (kind, id, name, plan, applied) => ({
    kind,
    resourceType: 'fluxConfiguration',
    resourceId: id,
    name,
    fields: plan?.fields ?? [],
    applied,
});
async function applyFleet(inputs, deps = {}) {
    const env = deps.env ?? process.env;
    const startedAt = new Date().toISOString();
    const { config, auth } = inputs.source;
    const configName = config.name;
    const kustomizationNames = Object.keys(config.kustomizations);
    const source = sourceOf(inputs.source.origin, env);
    const desired = desiredBody(config, auth);
    const settings = protectedSettings(auth);
    const clients = deps.clients ??
        new azure_src/* ArmClients */.zQ(await (0,azure_src/* createOidcCredential */.Fs)({
            tenantId: inputs.identity.tenantId,
            clientId: inputs.identity.clientId,
            audience: inputs.identity.audience,
            environment: inputs.identity.environment,
        }), inputs.identity.environment);
    const budget = new src/* RetryBudget */.Km(deps.retryBudget ?? Math.max(20, 5 * inputs.concurrency));
    const arm = new FluxArm(clients, budget);
    const resolved = await resolveTargets(inputs, clients, arm);
    const targets = shardOf(resolved.targets, deps.shard);
    src/* log */.Rm.info(`flux-apply: configuration "${configName}" from ${source} on ${targets.length} ${inputs.clusterType} cluster(s)${deps.shard ? ` (shard ${deps.shard.index + 1}/${deps.shard.total})` : ''}${inputs.dryRun ? ', dry run' : ''}.`);
    const writtenAt = new Map();
    const processTarget = async (t) => {
        const fluxId = `${t.id}/providers/Microsoft.KubernetesConfiguration/fluxConfigurations/${configName}`;
        const result = {
            target: t.id,
            name: t.name,
            status: 'ok',
            changes: [],
            action: 'none',
            configuration: configName,
            fields: [],
            deleted: [],
            protectedSettings: 'none',
        };
        try {
            const hash = settingsHash(fluxId, settings);
            const recorded = parseProvenance(findTag(t.tags, tagName(configName)));
            const actual = await arm.getFlux(t, configName);
            const plan = planFlux(desired, actual, { desired: hash, recorded: recorded?.settings });
            result.action = plan.action;
            result.fields = plan.fields;
            result.protectedSettings = plan.sendSettings ? 'sent' : hash === 'none' ? 'none' : 'unchanged';
            if (actual && recorded && !sameSource(recorded.source, source)) {
                result.status = 'warn';
                result.message = `The configuration was managed by ${recorded.source}; it is now managed by ${source}.`;
            }
            else if (actual && !recorded) {
                result.message = 'The configuration existed without flux-apply provenance; it is now managed by this file.';
            }
            if (plan.blocked) {
                result.status = 'fail';
                result.message = `Configuration "${configName}": ${plan.blocked}.`;
                result.error = { code: 'CreateOnlyField', message: result.message };
                result.changes.push(change('update', fluxId, configName, plan, false));
                return result;
            }
            // delete-missing: configurations this source put on the cluster that the file no longer has.
            const ours = inputs.deleteMissing ? configurationsOf(t.tags, source).filter((n) => n.toLowerCase() !== configName.toLowerCase()) : [];
            const toDelete = [];
            const staleTags = [];
            for (const name of ours) {
                if (await arm.getFlux(t, name))
                    toDelete.push(name);
                else
                    staleTags.push(name);
            }
            if (inputs.dryRun) {
                const ext = await arm.getFluxExtension(t);
                result.extension = ext
                    ? { outcome: ext.provisioningState === 'Failed' ? 'failed' : 'present', state: ext.provisioningState, version: ext.version }
                    : { outcome: 'missing' };
                result.changes.push(change(plan.action, fluxId, configName, plan, false));
                for (const name of toDelete) {
                    result.deleted.push(name);
                    result.changes.push(change('delete', `${t.id}/providers/Microsoft.KubernetesConfiguration/fluxConfigurations/${name}`, name, planDelete(name), false));
                }
                return result;
            }
            const ext = await arm.ensureFluxExtension(t, Math.min(inputs.timeoutMs, 15 * 60_000));
            result.extension = { outcome: ext.outcome, state: ext.state.provisioningState, version: ext.state.version };
            let wrote = false;
            if (plan.action === 'create' || plan.action === 'update') {
                const body = { ...(plan.action === 'create' ? plan.put : plan.patch) };
                if (plan.sendSettings)
                    body.configurationProtectedSettings = settings;
                writtenAt.set(t.id, Date.now());
                const after = plan.action === 'create' ? await arm.createFlux(t, configName, body) : await arm.patchFlux(t, configName, body);
                wrote = true;
                if (after?.provisioningState && after.provisioningState !== 'Succeeded') {
                    throw Object.assign(new Error(`The configuration ended ${after.provisioningState}${after.errorMessage ? `: ${after.errorMessage}` : ''}.`), { code: 'ProvisioningFailed' });
                }
            }
            result.changes.push(change(plan.action, fluxId, configName, plan, wrote));
            for (const name of toDelete) {
                await arm.deleteFlux(t, name);
                result.deleted.push(name);
                result.changes.push(change('delete', `${t.id}/providers/Microsoft.KubernetesConfiguration/fluxConfigurations/${name}`, name, planDelete(name), true));
            }
            // Provenance: only when it changes (never on a rerun, nor for a change of kustomizations alone).
            const tags = { ...t.tags };
            const setTag = (name, value) => {
                for (const k of Object.keys(tags))
                    if (k.toLowerCase() === name.toLowerCase())
                        delete tags[k];
                if (value !== undefined)
                    tags[name] = value;
            };
            const wanted = formatProvenance({ settings: hash, source });
            const current = findTag(t.tags, tagName(configName));
            const recordedHash = recorded?.settings;
            if (!current || !recorded || !sameSource(recorded.source, source) || (wrote && plan.sendSettings) || recordedHash !== hash)
                setTag(tagName(configName), wanted);
            for (const name of [...result.deleted, ...staleTags])
                setTag(`${TAG_PREFIX}${name}`, undefined);
            if ((0,src/* stableStringify */.JB)(tags) !== (0,src/* stableStringify */.JB)(t.tags)) {
                try {
                    await arm.setClusterTags(t, tags);
                    t.tags = tags;
                }
                catch (error) {
                    result.status = 'warn';
                    result.message = `The provenance tag ${tagName(configName)} could not be written (${describeArmError(error).message}); the next run will send the protected settings again.`;
                }
            }
            return result;
        }
        catch (error) {
            const e = describeArmError(error);
            result.status = 'fail';
            result.message = (0,src/* redact */.E$)(e.message);
            result.error = { code: e.code, message: (0,src/* redact */.E$)(e.message) };
            return result;
        }
    };
    const settled = await (0,src/* mapSettled */.AW)(targets, inputs.concurrency, processTarget);
    const results = settled.map((s, i) => s.status === 'fulfilled' ? s.value : failResult(targets[i], configName, (0,src/* redact */.E$)((0,src/* errorMessage */.gJ)(s.reason))));
    // Observe.
    if (inputs.wait && !inputs.dryRun) {
        const watched = results
            .filter((r) => r.status !== 'fail')
            .map((r) => {
            const t = targets.find((x) => x.id === r.target);
            return { key: r.target, clusterId: r.target, subscriptionId: t.subscriptionId, writtenAt: writtenAt.get(r.target) };
        });
        src/* log */.Rm.info(`Waiting up to ${(0,src/* formatDuration */.a3)(inputs.timeoutMs)} for ${watched.length} configuration(s) to be compliant.`);
        const observations = await observeCompliance(watched, {
            configName,
            kustomizations: kustomizationNames,
            timeoutMs: inputs.timeoutMs,
            via: deps.observeVia ?? 'auto',
            concurrency: inputs.concurrency,
            clients,
            get: (w) => arm.getFlux(targets.find((x) => x.id === w.key), configName),
            initialIntervalMs: deps.pollIntervalMs?.initial,
            maxIntervalMs: deps.pollIntervalMs?.max,
        });
        for (const r of results) {
            const obs = observations.get(r.target);
            if (!obs)
                continue;
            if (obs.compliance)
                r.compliance = { ...obs.compliance, final: obs.final, waitedMs: obs.waitedMs };
            const c = obs.compliance;
            const failing = c?.kustomizations.filter((k) => k.complianceState !== 'Compliant' && k.message) ?? [];
            if (!c) {
                r.status = 'fail';
                r.message = `No compliance state within ${(0,src/* formatDuration */.a3)(inputs.timeoutMs)}${obs.error ? ` (${obs.error})` : ''}.`;
            }
            else if (c.provisioningState === 'Failed') {
                r.status = 'fail';
                r.message = `The configuration's provisioning Failed${c.errorMessage ? `: ${c.errorMessage}` : ''}.`;
            }
            else if (!obs.final) {
                r.status = 'fail';
                r.message = `Still ${c.state} after ${(0,src/* formatDuration */.a3)(obs.waitedMs)}${failing.length ? `: ${failing[0].name}: ${failing[0].message}` : ''}.`;
            }
            else if (c.state === 'Non-Compliant') {
                r.status = 'fail';
                const first = failing[0];
                r.message = first
                    ? `Non-Compliant: ${first.name} (${first.reason ?? 'Ready=False'}): ${first.message}`
                    : `Non-Compliant${c.source?.message ? `: source: ${c.source.message}` : ''}.`;
            }
            else if (c.state === 'Suspended') {
                r.status = r.status === 'fail' ? 'fail' : 'warn';
                r.message ??= 'The configuration is suspended.';
            }
            if (r.message)
                r.message = (0,src/* redact */.E$)(r.message);
        }
    }
    const all = [...resolved.unresolved, ...results];
    const report = {
        action: 'flux-apply',
        dryRun: inputs.dryRun,
        startedAt,
        finishedAt: new Date().toISOString(),
        configuration: configName,
        source,
        counts: countTargets(all),
        targets: all,
    };
    for (const r of all) {
        const k = r.compliance ? ` · ${r.compliance.state}` : '';
        src/* log */.Rm.info(`${r.status.padEnd(4)} ${r.name}: ${r.action}${r.deleted.length ? ` (deleted ${r.deleted.join(', ')})` : ''}${k}${r.message ? ` · ${r.message}` : ''}`);
    }
    const summary = summaryMarkdown(report, kustomizationNames);
    const isPr = /^pull_request/.test(env.GITHUB_EVENT_NAME ?? '');
    return {
        report,
        matrix: {
            include: [
                ...resolved.unresolved.map((r) => ({ cluster: r.name, target: r.target })),
                ...targets.map((t) => ({ cluster: t.name, target: t.id })),
            ],
        },
        summary,
        comment: isPr && inputs.dryRun ? commentMarkdown(report) : undefined,
        failed: report.counts.fail > 0,
    };
}
/** The pull request number of this run's event, if any. */
function pullRequestNumber(env = process.env) {
    try {
        if (!env.GITHUB_EVENT_PATH)
            return undefined;
        const event = JSON.parse((0,external_node_fs_.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
        return event.pull_request?.number ?? event.number;
    }
    catch {
        return undefined;
    }
}
/**
 * Writes what {@link applyFleet} returned: outputs `results` and `matrix`, the step summary, and the sticky PR
 * comment when there is one and a token. Everything goes through redaction on the way out.
 */
async function publishFleetResult(result, options = {}) {
    const env = options.env ?? process.env;
    (0,src/* setOutput */.uH)('results', result.report);
    (0,src/* setOutput */.uH)('matrix', result.matrix);
    await (0,report_src/* writeStepSummary */.oG)(result.summary, { fullReport: 'in the `results` output of this step' });
    if (!result.comment || !options.token)
        return {};
    const number = pullRequestNumber(env);
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '/').split('/');
    if (!number || !owner || !repo)
        return {};
    const posted = await (0,report_src/* upsertStickyComment */.qD)((0,report_src/* getOctokit */.QB)(options.token), {
        owner,
        repo,
        issueNumber: number,
        action: 'flux-apply',
        group: result.report.configuration,
        body: result.comment,
        fullReport: 'in the `results` output of the flux-apply step',
    });
    return { comment: posted.htmlUrl };
}


/***/ })

};
