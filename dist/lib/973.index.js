export const id = 973;
export const ids = [973];
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
var src = __webpack_require__(34786);
// EXTERNAL MODULE: ./packages/azure/src/index.ts + 31 modules
var azure_src = __webpack_require__(64601);
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
        allowEmpty: (0,azure_src/* readAllowEmpty */.tl)(),
        fingerprintKey: (0,src/* optionalString */.sx)('fingerprint-key', {
            secret: true,
            maxLength: 4096,
            pattern: { regex: /^[\s\S]{32,}$/, description: 'at least 32 characters long (use a random value kept as a secret)' },
        }),
        resendProtectedSettings: (0,src/* booleanInput */.tE)('resend-protected-settings', false),
        dryRun: (0,azure_src/* readDryRun */.n0)(),
        githubToken: (0,src/* optionalString */.sx)('github-token', { secret: true, maxLength: 4096 }),
    };
}


/***/ }),

/***/ 89841:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  d: () => (/* binding */ applyFleet),
  x: () => (/* reexport */ publishFleetResult)
});

// EXTERNAL MODULE: ./packages/core/src/index.ts + 8 modules
var src = __webpack_require__(34786);
// EXTERNAL MODULE: ./packages/azure/src/index.ts + 31 modules
var azure_src = __webpack_require__(64601);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./actions/flux-apply/src/desired.ts


/** Azure's defaults for flux configurations (azure-management-docs gitops-flux2-parameters, the REST spec). */
const DEFAULTS = { intervalSeconds: 600, timeoutSeconds: 600, namespace: 'default', scope: 'cluster' };
/** A Go duration (`90s`, `10m`, `1h30m`) in whole seconds, at least 1. */
function seconds(duration, fallback, where) {
    if (duration === undefined)
        return fallback;
    if ((0,src/* isUnitless */.a9)(duration))
        throw new src/* ConfigurationError */.j1(`Input "configuration" at "${where}" has "${duration}"; ${(0,src/* unitlessHint */.lp)(duration)}.`, 'configuration');
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
 * What the provenance tag records about the protected settings that ARM never returns. The tag is readable by
 * anyone with Reader on the cluster, so it must not let them test guesses of a Git key offline: an unkeyed hash
 * of the key (salted only with the public configuration id) did exactly that. So:
 *
 * - `none`: no protected settings.
 * - `hmac-<32 hex>`: with `fingerprint-key` (a secret only the workflow has), HMAC-SHA256 keyed with it over the
 *   configuration id and the settings. Without the key a guess cannot be checked; with it, a rotated Git key
 *   changes the marker and is sent again by itself.
 * - `set-<names>` (e.g. `set-httpsKey`): without `fingerprint-key`, nothing derived from the values at all, only
 *   which settings were sent. A change of kind (none ↔ https ↔ ssh) is detected; a rotated value is not, so it is
 *   sent again only with `resend-protected-settings: true` (or whenever the configuration is created).
 *
 * Any other recorded value (such as the old unkeyed hash) differs from every marker, so the first run re-sends the
 * settings once and overwrites it.
 */
function settingsMarker(configurationId, settings, key) {
    const names = Object.keys(settings).sort();
    if (names.length === 0)
        return 'none';
    if (!key)
        return `set-${names.join('+')}`;
    return `hmac-${(0,external_node_crypto_.createHmac)('sha256', key).update(configurationId.toLowerCase()).update('\n').update((0,src/* stableStringify */.JB)(settings)).digest('hex').slice(0, 32)}`;
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

;// CONCATENATED MODULE: ./actions/flux-apply/src/plan.ts


/** A kustomization as compared and sent: an unset retry interval is left to ARM (it has its own default). */
function comparable(k) {
    const { retryIntervalInSeconds, ...rest } = k;
    return retryIntervalInSeconds === null ? rest : { ...rest, retryIntervalInSeconds };
}
/**
 * Whether ARM's kustomization already is the desired one. A retry interval the file leaves unset is whatever the
 * service keeps: omitted, null or filled in by the service (undocumented; see docs/sandbox.md), never drift.
 */
function sameKustomization(actual, desired) {
    const a = desired.retryIntervalInSeconds === null ? { ...actual, retryIntervalInSeconds: null } : actual;
    return (0,src/* stableStringify */.JB)(comparable(a)) === (0,src/* stableStringify */.JB)(comparable(desired));
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
    const settingsChanged = (settings.resend === true && hasSettings) ||
        (settings.recorded !== settings.desired && (hasSettings || (settings.recorded !== undefined && settings.recorded !== 'none')));
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
        if (!before || !sameKustomization(before, k))
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

;// CONCATENATED MODULE: ./actions/flux-apply/src/apply-target.ts





const change = (kind, id, name, plan, applied) => ({
    kind,
    resourceType: 'fluxConfiguration',
    resourceId: id,
    name,
    fields: plan?.fields ?? [],
    applied,
});
/**
 * One cluster: plan the configuration (and delete-missing), stop there in a dry run, else ensure microsoft.flux, write,
 * delete, and record provenance in the cluster's tags. Always one result, whatever fails where.
 */
async function applyTarget(t, ctx) {
    const { inputs, flux, clusters, configName, source, desired, settings, writtenAt } = ctx;
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
        const hash = settingsMarker(fluxId, settings, inputs.fingerprintKey);
        const recorded = parseProvenance(findTag(t.tags, tagName(configName)));
        const actual = await flux.get(t, configName);
        const plan = planFlux(desired, actual, { desired: hash, recorded: recorded?.settings, resend: inputs.resendProtectedSettings });
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
            if (await flux.get(t, name))
                toDelete.push(name);
            else
                staleTags.push(name);
        }
        if (inputs.dryRun) {
            const ext = await flux.fluxExtension(t);
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
        const ext = await flux.ensureFluxExtension(t, Math.min(inputs.timeoutMs, 15 * 60_000));
        result.extension = { outcome: ext.outcome, state: ext.state.provisioningState, version: ext.state.version };
        let wrote = false;
        if (plan.action === 'create' || plan.action === 'update') {
            const body = { ...(plan.action === 'create' ? plan.put : plan.patch) };
            if (plan.sendSettings)
                body.configurationProtectedSettings = settings;
            writtenAt.set(t.id, Date.now());
            const after = plan.action === 'create' ? await flux.create(t, configName, body) : await flux.patch(t, configName, body);
            wrote = true;
            if (after?.provisioningState && after.provisioningState !== 'Succeeded') {
                throw Object.assign(new Error(`The configuration ended ${after.provisioningState}${after.errorMessage ? `: ${after.errorMessage}` : ''}.`), { code: 'ProvisioningFailed' });
            }
        }
        result.changes.push(change(plan.action, fluxId, configName, plan, wrote));
        for (const name of toDelete) {
            await flux.delete(t, name);
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
                await clusters.setTags(t, tags);
                t.tags = tags;
            }
            catch (error) {
                result.status = 'warn';
                result.message = `The provenance tag ${tagName(configName)} could not be written (${(0,azure_src/* describeArmError */.w5)(error).message}); the next run will send the protected settings again.`;
            }
        }
        return result;
    }
    catch (error) {
        const e = (0,azure_src/* describeArmError */.w5)(error);
        result.status = 'fail';
        result.message = (0,src/* redact */.E$)(e.message);
        result.error = { code: e.code, message: (0,src/* redact */.E$)(e.message) };
        return result;
    }
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
    // kustomize-controller marks a kustomization whose dependency is not ready yet Ready=False (DependencyNotReady)
    // and retries: that is final only when something failed for good (a kustomization or the source).
    const failed = c.source?.ready === 'False' ||
        c.kustomizations.some((k) => k.complianceState === 'Non-Compliant' && !(k.reason !== undefined && PROGRESSING.has(k.reason)));
    return !c.kustomizations.some((k) => k.ready === 'Unknown' || (k.reason !== undefined && PROGRESSING.has(k.reason) && (k.complianceState !== 'Non-Compliant' || !failed)));
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
        const key = wanted.get((0,azure_src/* clusterKeyOf */.lE)(String(row.id)));
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
/** Each watched result's status and message from its observation: no state, Failed, still pending, Non-Compliant, Suspended. */
function judgeObservations(results, observations, timeoutMs) {
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
            r.message = `No compliance state within ${(0,src/* formatDuration */.a3)(timeoutMs)}${obs.error ? ` (${obs.error})` : ''}.`;
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

// EXTERNAL MODULE: ./packages/report/src/index.ts + 13 modules
var report_src = __webpack_require__(6662);
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
        ` · configuration ${c.create} ${report.dryRun ? 'to create' : 'created'}, ${c.update} ${report.dryRun ? 'to update' : 'updated'}, ${c.unchanged} unchanged, ${c.delete} ${report.dryRun ? 'to delete' : 'deleted'}` +
        `${c.notWritten ? `, ${c.notWritten} not written (failed before or during the write)` : ''} · source ${(0,report_src/* code */.aY)(report.source)}`;
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
/**
 * The counts of a run. Outside a dry run a configuration counts as created or updated only when its write succeeded
 * (an applied change), so "configuration 3 created" never includes a create that failed; a dry run counts the plan.
 */
function countTargets(targets, dryRun) {
    const by = (s) => targets.filter((t) => t.status === s).length;
    const changes = (0,src/* countChanges */.xS)(targets);
    const done = (t, kind) => dryRun ? t.action === kind : t.changes.some((c) => c.resourceType === 'fluxConfiguration' && c.kind === kind && c.applied);
    return {
        targets: targets.length,
        ok: by('ok'),
        warn: by('warn'),
        fail: by('fail'),
        skipped: by('skipped'),
        create: targets.filter((t) => done(t, 'create')).length,
        update: targets.filter((t) => done(t, 'update')).length,
        unchanged: targets.filter((t) => t.action === 'unchanged').length,
        delete: dryRun ? changes.delete : targets.reduce((n, t) => n + t.changes.filter((c) => c.kind === 'delete' && c.applied).length, 0),
        notWritten: dryRun ? 0 : targets.filter((t) => (t.action === 'create' || t.action === 'update') && !done(t, t.action)).length,
    };
}

;// CONCATENATED MODULE: ./actions/flux-apply/src/targets.ts


const withTags = (ref, tags) => ({ ...ref, tags: { ...(tags ?? {}) } });
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
/** Explicit refs or the selector, through Resource Graph; ids it has not indexed yet are read from ARM. */
async function resolveTargets(inputs, clients, clusters) {
    const clusterType = inputs.clusterType;
    const config = inputs.source.config.name;
    if (inputs.targets.kind === 'targets') {
        const refs = inputs.targets.targets;
        const defaultSub = inputs.identity.subscriptionId ?? refs[0].subscriptionId;
        const found = await (0,azure_src/* listFleetClusters */.q4)(clients, { refs }, defaultSub);
        const byKey = new Map(found.rows.map((r) => [r.ref.key, r]));
        const targets = [];
        const unresolved = [];
        for (const t of refs) {
            const row = byKey.get(t.key);
            if (row) {
                targets.push(withTags(row.ref, row.tags));
                continue;
            }
            const ref = withTags(t, {});
            try {
                const cluster = await clusters.get(ref);
                if (cluster)
                    targets.push({ ...ref, tags: { ...(cluster.tags ?? {}) } });
                else
                    unresolved.push(failResult(ref, config, `The cluster ${t.id} does not exist (neither Resource Graph nor ARM know it); check the id in "targets".`, 'ClusterNotFound'));
            }
            catch (error) {
                unresolved.push(failResult(ref, config, `The cluster could not be read: ${(0,azure_src/* describeArmError */.w5)(error).message}`, (0,azure_src/* describeArmError */.w5)(error).code));
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
    if (found.rows.length === 0 && !inputs.allowEmpty)
        throw (0,azure_src/* emptySelectionError */.UQ)(s, (0,azure_src/* selectorScope */.E3)(s, defaultSub), clusterType);
    return { targets: found.rows.map((r) => withTags(r.ref, r.tags)), unresolved: [] };
}

;// CONCATENATED MODULE: ./actions/flux-apply/src/publish.ts


/**
 * Writes what {@link applyFleet} returned: outputs `results` and `matrix`, the step summary, and then the sticky PR
 * comment when there is one and a token (a comment GitHub refuses is a warning naming the permission; the result
 * stands). Everything goes through redaction on the way out.
 */
async function publishFleetResult(result, options) {
    (0,src/* setOutput */.uH)('results', result.report);
    (0,src/* setOutput */.uH)('matrix', result.matrix);
    await options.summary(result.summary, { fullReport: 'in the `results` output of this step' });
    const target = (0,report_src/* readGitHubTarget */.X8)(options.env);
    if (!result.comment || !options.token || !target?.pullRequest)
        return {};
    const { owner, repo, pullRequest: number } = target;
    const { comment } = result;
    const { token } = options;
    const posted = await (0,report_src/* publishOrWarn */.hA)('pull request comment', () => (0,report_src/* upsertStickyComment */.qD)((0,report_src/* getOctokit */.QB)(token), {
        owner,
        repo,
        issueNumber: number,
        action: 'flux-apply',
        group: result.report.configuration,
        body: comment,
        fullReport: 'in the `results` output of the flux-apply step',
    }));
    return { comment: posted?.htmlUrl };
}

;// CONCATENATED MODULE: ./actions/flux-apply/src/story.ts









async function applyFleet(inputs, deps = {}) {
    const env = deps.env ?? process.env;
    const startedAt = new Date().toISOString();
    const { config, auth } = inputs.source;
    const configName = config.name;
    const kustomizationNames = Object.keys(config.kustomizations);
    const source = sourceOf(inputs.source.origin, env);
    const settings = protectedSettings(auth);
    const clients = deps.clients ?? (await (0,azure_src/* armClientsFor */.ul)(inputs.identity));
    const budget = new src/* RetryBudget */.HD(deps.retryBudget ?? Math.max(20, 5 * inputs.concurrency));
    const ctx = {
        inputs,
        flux: new azure_src/* FluxConfigurations */.Je(clients, budget),
        clusters: new azure_src/* Clusters */.gu(clients, budget),
        configName,
        source,
        desired: desiredBody(config, auth),
        settings,
        writtenAt: new Map(),
    };
    const resolved = await resolveTargets(inputs, clients, ctx.clusters);
    const targets = [...resolved.targets].sort((a, b) => a.key.localeCompare(b.key));
    src/* log */.Rm.info(`flux-apply: configuration "${configName}" from ${source} on ${targets.length} ${inputs.clusterType} cluster(s)${inputs.dryRun ? ', dry run' : ''}.`);
    if (Object.keys(settings).length && !inputs.fingerprintKey && !inputs.resendProtectedSettings)
        src/* log */.Rm.info('Protected settings are compared by kind only (no fingerprint-key): a rotated Git key is sent again only with resend-protected-settings: true.');
    const settled = await (0,src/* mapSettled */.AW)(targets, inputs.concurrency, (t) => applyTarget(t, ctx));
    const results = settled.map((s, i) => s.status === 'fulfilled' ? s.value : failResult(targets[i], configName, (0,src/* redact */.E$)((0,src/* errorMessage */.gJ)(s.reason))));
    // Observe.
    if (inputs.wait && !inputs.dryRun) {
        const byId = new Map(targets.map((t) => [t.id, t]));
        const watched = results
            .filter((r) => r.status !== 'fail')
            .map((r) => ({
            key: r.target,
            clusterId: r.target,
            subscriptionId: byId.get(r.target).subscriptionId,
            writtenAt: ctx.writtenAt.get(r.target),
        }));
        src/* log */.Rm.info(`Waiting up to ${(0,src/* formatDuration */.a3)(inputs.timeoutMs)} for ${watched.length} configuration(s) to be compliant.`);
        const observations = await observeCompliance(watched, {
            configName,
            kustomizations: kustomizationNames,
            timeoutMs: inputs.timeoutMs,
            via: deps.observeVia ?? 'auto',
            concurrency: inputs.concurrency,
            clients,
            get: (w) => ctx.flux.get(byId.get(w.key), configName),
            initialIntervalMs: deps.pollIntervalMs?.initial,
            maxIntervalMs: deps.pollIntervalMs?.max,
        });
        judgeObservations(results, observations, inputs.timeoutMs);
    }
    const all = [...resolved.unresolved, ...results];
    // Rows are keyed by id; two clusters of one name (two resource groups) are shown by id.
    const labels = (0,azure_src/* clusterLabels */.EC)(all.map((r) => ({ id: r.target, key: r.target.toLowerCase(), name: r.name })));
    for (const r of all)
        r.name = labels.get(r.target.toLowerCase()) ?? r.name;
    const report = {
        action: 'flux-apply',
        dryRun: inputs.dryRun,
        startedAt,
        finishedAt: new Date().toISOString(),
        configuration: configName,
        source,
        counts: countTargets(all, inputs.dryRun),
        targets: all,
    };
    for (const r of all) {
        const k = r.compliance ? ` · ${r.compliance.state}` : '';
        src/* log */.Rm.info(`${r.status.padEnd(4)} ${r.name}: ${r.action}${r.deleted.length ? ` (deleted ${r.deleted.join(', ')})` : ''}${k}${r.message ? ` · ${r.message}` : ''}`);
    }
    return {
        report,
        matrix: { include: all.map((r) => ({ cluster: r.name, target: r.target })) },
        summary: summaryMarkdown(report, kustomizationNames),
        comment: (0,src/* isPullRequestEvent */.T5)(env) && inputs.dryRun ? commentMarkdown(report) : undefined,
        failed: report.counts.fail > 0,
    };
}


/***/ })

};
