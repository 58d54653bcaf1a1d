export const id = 629;
export const ids = [629];
export const modules = {

/***/ 12629:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  baselinePlan: () => (/* binding */ baselinePlan),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./packages/core/src/index.ts + 8 modules
var src = __webpack_require__(19297);
// EXTERNAL MODULE: ./packages/azure/src/index.ts + 8 modules
var azure_src = __webpack_require__(3553);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(96421);
;// CONCATENATED MODULE: ./actions/arc-connect/src/plan-report.ts


const escapeCell = (text) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
/** The plan as step-summary markdown. */
function planMarkdown(plan, note) {
    const rows = plan.steps.map((s) => `| ${s.phase} | ${escapeCell(s.what)} |`).join('\n');
    return [
        `## ${plan.action}: plan${plan.dryRun ? ' (dry run)' : ''}`,
        '',
        note,
        '',
        '| Phase | What this run does |',
        '|---|---|',
        rows,
        '',
        '<details><summary>Validated inputs</summary>',
        '',
        '```json',
        JSON.stringify(plan.inputs, null, 2),
        '```',
        '',
        '</details>',
        '',
    ].join('\n');
}
/**
 * Reports a plan to the log, the step summary and the `plan` output. Everything is redacted with the registered
 * secrets before it is written, so a secret that slipped into the plan still never leaves the process.
 */
async function reportPlan(plan, note) {
    await src/* log */.Rm.group(`${plan.action}: plan`, async () => {
        for (const step of plan.steps)
            src/* log */.Rm.info(`${step.phase.padEnd(10)} ${step.what}`);
    });
    (0,src/* setOutput */.uH)('plan', plan);
    if (process.env.GITHUB_STEP_SUMMARY)
        await core/* summary */.z.addRaw((0,src/* redact */.E$)(planMarkdown(plan, note))).write();
    src/* log */.Rm.notice(note);
}

// EXTERNAL MODULE: ./actions/arc-connect/src/extensions.ts
var src_extensions = __webpack_require__(52965);
// EXTERNAL MODULE: ./actions/arc-connect/src/inputs.ts
var inputs = __webpack_require__(40082);
// EXTERNAL MODULE: ./actions/flux-apply/src/inputs.ts + 1 modules
var src_inputs = __webpack_require__(72725);
// EXTERNAL MODULE: ./actions/policy-rollout/src/inputs.ts
var policy_rollout_src_inputs = __webpack_require__(43423);
;// CONCATENATED MODULE: ./actions/baseline/src/inputs.ts






function withNeeded(extensions, needed) {
    const added = [];
    const out = [...extensions];
    for (const short of needed) {
        const known = src_extensions/* KNOWN_EXTENSIONS */.v[short];
        if (!out.some((e) => e.extensionType.toLowerCase() === known.extensionType.toLowerCase())) {
            out.push({ name: known.name, extensionType: known.extensionType, autoUpgrade: true, scope: 'cluster', settings: {} });
            added.push(known.name);
        }
    }
    return { extensions: out, added };
}
function readInputs() {
    const identity = (0,azure_src/* readAzureIdentityInputs */.dp)({ subscriptionRequired: true });
    const cluster = (0,inputs/* readClusterInputs */.ER)();
    const access = (0,inputs/* readKubeAccessInputs */.Ps)();
    const proxy = (0,inputs/* readProxyInputs */.WF)();
    const requested = (0,inputs/* readExtensions */.HW)();
    const roleAssignments = (0,inputs/* readRoleAssignments */.FG)();
    const flux = (0,src/* optionalString */.sx)('configuration') ? (0,src_inputs/* readFluxSource */.Bd)() : undefined;
    const policies = (0,src/* optionalString */.sx)('policies') ? (0,policy_rollout_src_inputs/* readPolicies */.h9)() : undefined;
    const needed = [...(flux ? ['flux'] : []), ...(policies ? ['azurepolicy'] : [])];
    const { extensions, added } = withNeeded(requested, needed);
    return {
        identity,
        cluster,
        access,
        proxy,
        extensions,
        addedExtensions: added,
        roleAssignments,
        flux,
        policies,
        onboardingTimeoutMs: (0,inputs/* readOnboardingTimeout */.x$)(),
        timeoutMs: (0,src/* durationInput */.Ts)('timeout', { default: '10m', min: '30s', max: '6h' }),
        minAgentVersion: (0,src/* optionalString */.sx)('min-agent-version', {
            pattern: { regex: /^\d+\.\d+\.\d+$/, description: 'a version x.y.z such as 1.21.0' },
        }),
        failOn: (0,src/* enumInput */.gX)('fail-on', ['fail', 'warn', 'never'], 'fail'),
        createResourceGroup: (0,src/* booleanInput */.tE)('create-resource-group', true),
        dryRun: (0,azure_src/* readDryRun */.n0)(),
    };
}

;// CONCATENATED MODULE: ./actions/baseline/src/main.ts




function baselinePlan(inputs) {
    const { identity, cluster, access, proxy, flux, policies } = inputs;
    const id = (0,azure_src/* clusterId */.kL)(identity.subscriptionId, cluster.resourceGroup, cluster.clusterName);
    const auth = flux?.auth;
    return {
        action: 'baseline',
        dryRun: inputs.dryRun,
        inputs: {
            identity: {
                clientId: identity.clientId,
                tenantId: identity.tenantId,
                subscriptionId: identity.subscriptionId,
                environment: identity.environment.name,
                audience: identity.audience,
            },
            cluster,
            access: { kubeconfig: access.kubeconfig ? '***' : undefined, kubeContext: access.kubeContext, server: access.server },
            proxy: { https: proxy.display.https, http: proxy.display.http, skipRange: proxy.skipRange, cert: proxy.display.cert },
            extensions: inputs.extensions,
            addedExtensions: inputs.addedExtensions,
            roleAssignments: inputs.roleAssignments,
            flux: flux && {
                origin: flux.origin,
                name: flux.config.name,
                ref: flux.ref,
                kustomizations: Object.keys(flux.config.kustomizations),
                auth: auth?.kind,
            },
            policies,
            onboardingTimeout: (0,src/* formatDuration */.a3)(inputs.onboardingTimeoutMs),
            timeout: (0,src/* formatDuration */.a3)(inputs.timeoutMs),
            minAgentVersion: inputs.minAgentVersion,
            failOn: inputs.failOn,
            dryRun: inputs.dryRun,
        },
        steps: [
            {
                phase: 'inputs',
                what: `All inputs are valid${inputs.addedExtensions.length ? `; added extension(s) ${inputs.addedExtensions.join(', ')} that later steps need` : ''}.`,
            },
            {
                phase: 'credential',
                what: `GitHub OIDC token (audience ${identity.audience}) exchanged for an Entra token of client ${identity.clientId} in tenant ${identity.tenantId} (${identity.environment.name}).`,
            },
            {
                phase: 'targets',
                what: `Cluster ${id} in ${cluster.location}, reached through ${access.kubeconfig ? 'the kubeconfig input' : `the runner's kubeconfig`} (context ${access.kubeContext}).`,
            },
            {
                phase: 'plan',
                what: `Connect; extensions ${inputs.extensions.map((e) => e.name).join(', ') || 'none'}; ${flux ? `flux configuration ${flux.config.name}` : 'no flux configuration'}; ${policies ? `${policies.files.length} policy file(s) in audit` : 'no policies'}.`,
            },
            {
                phase: 'apply',
                what: inputs.dryRun
                    ? 'Skipped: dry-run stops after the plan.'
                    : 'In order: connect the cluster, install extensions, apply the flux configuration, assign policies in audit (never deny).',
            },
            {
                phase: 'observe',
                what: `Wait up to ${(0,src/* formatDuration */.a3)(inputs.onboardingTimeoutMs)} for connectivity and extensions and ${(0,src/* formatDuration */.a3)(inputs.timeoutMs)} for Flux compliance, then verify the cluster.`,
            },
            { phase: 'report', what: `Outputs cluster-id, status and plan; a summary per step; fail-on ${inputs.failOn}.` },
        ],
    };
}
async function run() {
    await (0,src/* runAction */.Cs)('baseline', async () => {
        const inputs = readInputs();
        for (const warning of inputs.flux?.warnings ?? [])
            src/* log */.Rm.warning(warning);
        (0,src/* setOutput */.uH)('cluster-id', (0,azure_src/* clusterId */.kL)(inputs.identity.subscriptionId, inputs.cluster.resourceGroup, inputs.cluster.clusterName));
        await reportPlan(baselinePlan(inputs), "The baseline action validated its inputs and printed its plan; its steps arrive with the four actions' issues, so nothing was changed.");
    });
}


/***/ }),

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
// EXTERNAL MODULE: ./packages/azure/src/index.ts + 8 modules
var azure_src = __webpack_require__(3553);
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




/** `configuration`: a path to a .yml/.yaml/.json file in the workspace, or the YAML itself. */
function readConfigurationText() {
    const value = (0,src/* requiredString */.Fk)('configuration', { maxLength: 1_048_576 });
    const looksLikePath = !value.includes('\n') && !/:\s/.test(value) && !value.trimStart().startsWith('{');
    if (!looksLikePath)
        return { text: value, origin: 'inline' };
    if (!/\.(ya?ml|json)$/i.test(value)) {
        throw new src/* ConfigurationError */.j1(`Input "configuration" has ${(0,src/* shown */.SP)(value)}, which is neither inline YAML nor a .yml, .yaml or .json file path.`, 'configuration');
    }
    return { text: (0,external_node_fs_.readFileSync)((0,azure_src/* workspacePath */.X5)('configuration', value, { mustExist: 'file' }), 'utf8'), origin: value };
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

/***/ 43423:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ko: () => (/* binding */ readInputs),
/* harmony export */   h9: () => (/* binding */ readPolicies)
/* harmony export */ });
/* unused harmony export MODES */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _arc_actions_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(19297);
/* harmony import */ var _arc_actions_azure__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3553);




const MODES = ['plan', 'apply', 'promote'];
const YAML_FILE = /\.ya?ml$/i;
/** `policies`: a .yml/.yaml file or a folder of them (searched recursively), inside the workspace. */
function readPolicies(input = 'policies') {
    const value = (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .optionalString */ .sx)(input, { maxLength: 1024 });
    if (!value)
        throw new _arc_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Input "${input}" is required but was empty; set it to a policy YAML file or a folder of them in the workspace.`, input);
    const full = (0,_arc_actions_azure__WEBPACK_IMPORTED_MODULE_3__/* .workspacePath */ .X5)(input, value, { mustExist: 'any' });
    const root = (0,_arc_actions_azure__WEBPACK_IMPORTED_MODULE_3__/* .workspaceRoot */ .oS)();
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(full).isFile()) {
        if (!YAML_FILE.test(full))
            throw new _arc_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Input "${input}" has the file ${(0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .shown */ .SP)(value)}; allowed: a .yml or .yaml file, or a folder of them.`, input);
        return { path: value, files: [(0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, full)] };
    }
    const files = [];
    const walk = (dir) => {
        for (const entry of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir, { withFileTypes: true })) {
            if (entry.name.startsWith('.'))
                continue;
            const p = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, entry.name);
            if (entry.isDirectory())
                walk(p);
            else if (entry.isFile() && YAML_FILE.test(entry.name))
                files.push((0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, p));
        }
    };
    walk(full);
    if (files.length === 0)
        throw new _arc_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Input "${input}" names the folder ${(0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .shown */ .SP)(value)}, which holds no .yml or .yaml files.`, input);
    return { path: value, files: files.sort() };
}
const ASSIGNMENT = {
    regex: /^[^<>*%&:\\?.+/\s][^<>*%&:\\?+/]{0,62}[^<>*%&:\\?.+/\s]?$/,
    description: 'a policy assignment name (1-64 characters, none of < > * % & : \\ ? . + / at the ends)',
};
const RING = { regex: /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, description: 'a ring name: lowercase letters, digits and -' };
const isPullRequest = () => /^pull_request/.test(process.env.GITHUB_EVENT_NAME ?? '');
function readInputs() {
    const identity = (0,_arc_actions_azure__WEBPACK_IMPORTED_MODULE_3__/* .readAzureIdentityInputs */ .dp)();
    const mode = (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .enumInput */ .gX)('mode', MODES, 'plan');
    const policies = readPolicies();
    const assignment = (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .optionalString */ .sx)('assignment', { pattern: ASSIGNMENT });
    const ring = (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .optionalString */ .sx)('ring', { pattern: RING });
    const minSoakMs = (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .durationInput */ .Ts)('min-soak', { default: '7d', min: '0s', max: '90d' });
    const maxStalenessMs = (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .durationInput */ .Ts)('max-staleness', { default: '24h', min: '5m', max: '30d' });
    const syncAllowanceMs = (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .durationInput */ .Ts)('sync-allowance', { default: '30m', min: '0s', max: '24h' });
    if (syncAllowanceMs >= maxStalenessMs) {
        throw new _arc_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('Input "sync-allowance" is not shorter than "max-staleness"; compliance data could never be fresh enough, so make sync-allowance shorter.', 'sync-allowance');
    }
    const githubToken = (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .optionalString */ .sx)('github-token', { secret: true, maxLength: 4096 });
    const checkName = (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .optionalString */ .sx)('check-name', { maxLength: 100, pattern: { regex: /^[^\n\r]+$/, description: 'a single line' } }) ??
        'Arc policy rollout';
    const commentSet = (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .optionalString */ .sx)('comment') !== undefined;
    const comment = (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .booleanInput */ .tE)('comment', isPullRequest());
    if (commentSet && comment && !isPullRequest()) {
        throw new _arc_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Input "comment" is true but the event is ${process.env.GITHUB_EVENT_NAME || 'not a pull request'}; comments go on pull requests, so remove it or run on pull_request.`, 'comment');
    }
    if (comment && !githubToken) {
        throw new _arc_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('Input "github-token" is empty but a pull request comment is requested; pass ${{ github.token }} with pull-requests: write, or set comment: false.', 'github-token');
    }
    return {
        identity,
        mode,
        policies,
        assignment,
        ring,
        minSoakMs,
        maxStalenessMs,
        syncAllowanceMs,
        githubToken,
        checkName,
        comment,
        dryRun: (0,_arc_actions_azure__WEBPACK_IMPORTED_MODULE_3__/* .readDryRun */ .n0)(),
    };
}


/***/ })

};
