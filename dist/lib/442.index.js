export const id = 442;
export const ids = [442];
export const modules = {

/***/ 43994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  vS: () => (/* reexport */ KNOWN_EXTENSIONS),
  E_: () => (/* binding */ clusterAccessView),
  gn: () => (/* binding */ maskUrlCredentials),
  ER: () => (/* binding */ readClusterInputs),
  HW: () => (/* binding */ readExtensions),
  Ko: () => (/* binding */ readInputs),
  Ps: () => (/* binding */ readKubeAccessInputs),
  x$: () => (/* binding */ readOnboardingTimeout),
  WF: () => (/* binding */ readProxyInputs),
  FG: () => (/* binding */ readRoleAssignments)
});

// UNUSED EXPORTS: CLUSTER_ROLES, DISTRIBUTIONS, INFRASTRUCTURES, RESOURCE_GROUP, checkSkipRangeItem, hideUserInfo, mapOf, readEgressInputs

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(38816);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 8 modules
var src = __webpack_require__(34786);
// EXTERNAL MODULE: ./packages/azure/src/index.ts + 31 modules
var azure_src = __webpack_require__(64601);
;// CONCATENATED MODULE: ./actions/arc-connect/src/extensions.ts


/** Short names users write for the extensions the baseline knows about, and their ARM extension types. */
const KNOWN_EXTENSIONS = {
    azurepolicy: { extensionType: 'Microsoft.PolicyInsights', name: 'azurepolicy' },
    flux: { extensionType: 'microsoft.flux', name: 'flux' },
    // az's ContainerInsights provider fixes the name and release namespace to azuremonitor-containers.
    'azuremonitor-containers': { extensionType: 'Microsoft.AzureMonitor.Containers', name: 'azuremonitor-containers' },
    'azure-keyvault-secrets-provider': { extensionType: 'Microsoft.AzureKeyVaultSecretsProvider', name: 'akvsecretsprovider' },
};
const KNOWN_NAMES = Object.keys(KNOWN_EXTENSIONS);
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const scalar = schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig(), schemas/* boolean */.zMY()]).transform(String);
const common = {
    type: schemas/* string */.YjP(),
    name: schemas/* string */.YjP().regex(DNS_LABEL, 'an extension name must be lowercase letters, digits and -, at most 63 characters').optional(),
    'release-train': schemas/* string */.YjP()
        .regex(/^[A-Za-z0-9-]{1,32}$/, 'a release train is a word such as stable or preview')
        .optional(),
    version: schemas/* string */.YjP()
        .regex(/^\d+\.\d+\.\d+([-+.][0-9A-Za-z.-]+)?$/, 'a version is x.y.z such as 1.2.3')
        .optional(),
    'auto-upgrade': schemas/* boolean */.zMY().optional(),
    scope: schemas/* enum */.k5n(['cluster', 'namespace']).optional(),
    namespace: schemas/* string */.YjP().regex(DNS_LABEL, 'a namespace is a DNS-1123 label').optional(),
    settings: schemas/* record */.g1P(schemas/* string */.YjP().regex(/^[A-Za-z0-9_.\-/[\]]{1,256}$/, 'setting names are letters, digits and . _ - / [ ]'), scalar)
        .optional(),
};
const monitor = schemas/* strictObject */.rej({
    ...common,
    workspace: schemas/* string */.YjP()
        .regex(/^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[-\w.()]{1,90}\/providers\/Microsoft\.OperationalInsights\/workspaces\/[A-Za-z0-9][-A-Za-z0-9]{2,62}$/i, 'workspace must be the resource id of a Log Analytics workspace (/subscriptions/…/providers/Microsoft.OperationalInsights/workspaces/<name>)')
        .optional(),
    'use-aad-auth': schemas/* boolean */.zMY().default(true),
    'data-collection-settings': schemas/* strictObject */.rej({
        interval: schemas/* string */.YjP()
            .regex(/^([1-9]|[12]\d|30)m$/, 'interval is 1m to 30m')
            .optional(),
        'namespace-filtering-mode': schemas/* enum */.k5n(['Off', 'Include', 'Exclude']).optional(),
        namespaces: schemas/* array */.YOg(schemas/* string */.YjP().regex(DNS_LABEL, 'namespaces are DNS-1123 labels')).optional(),
        'enable-container-log-v2': schemas/* boolean */.zMY().optional(),
        streams: schemas/* array */.YOg(schemas/* string */.YjP().regex(/^Microsoft-[A-Za-z-]+$/, 'streams look like Microsoft-ContainerInsights-Group-Default'))
            .optional(),
    })
        .refine((d) => (d['namespace-filtering-mode'] ?? 'Off') === 'Off' || (d.namespaces?.length ?? 0) > 0, {
        message: 'namespace-filtering-mode Include or Exclude needs a non-empty namespaces list',
    })
        .optional(),
});
const keyVault = schemas/* strictObject */.rej({
    ...common,
    rotation: schemas/* boolean */.zMY().optional(),
    'rotation-poll-interval': schemas/* string */.YjP()
        .refine((v) => /^(\d+(s|m|h))+$/.test(v) && (0,src/* parseDuration */.E9)(v) !== undefined, 'rotation-poll-interval is a duration such as 2m')
        .optional(),
});
const plain = schemas/* strictObject */.rej(common);
const generic = schemas/* strictObject */.rej({
    ...common,
    type: schemas/* string */.YjP()
        .regex(/^[A-Za-z0-9]+(\.[A-Za-z0-9-]+)+$/, `type must be one of ${KNOWN_NAMES.join(', ')} or an extension type such as Publisher.Name`),
});
const shapeSchema = schemas/* array */.YOg(schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* looseObject */._H3({ type: schemas/* string */.YjP({ error: 'every extension needs a "type"' }) })]), {
    error: 'expected a YAML list of extensions',
});
function check(schema, value, index) {
    const parsed = schema.safeParse(value);
    if (parsed.success)
        return parsed.data;
    const issue = parsed.error.issues[0];
    const at = issue.path.length ? ` at "${issue.path.join('.')}"` : '';
    throw new src/* ConfigurationError */.j1(`Input "extensions" item ${index + 1}${at}: ${issue.message}.`, 'extensions');
}
/**
 * Container Insights as az's ContainerInsights provider takes it: name and release namespace are always
 * azuremonitor-containers and the scope is the cluster (az ignores other values with a warning; here they are refused),
 * managed-identity authentication unless use-aad-auth is false, an optional workspace.
 */
function monitoringSpec(m, index) {
    const fixed = KNOWN_EXTENSIONS['azuremonitor-containers'].name;
    for (const [field, value] of [
        ['name', m?.name],
        ['namespace', m?.namespace],
    ]) {
        if (value !== undefined && value !== fixed)
            throw new src/* ConfigurationError */.j1(`Input "extensions" item ${index + 1} sets ${field} ${(0,src/* shown */.SP)(value)}; Container Insights is always installed as ${fixed} in namespace ${fixed}: remove "${field}".`, 'extensions');
    }
    if (m?.scope === 'namespace')
        throw new src/* ConfigurationError */.j1(`Input "extensions" item ${index + 1} sets scope namespace; Container Insights only supports cluster scope: remove "scope".`, 'extensions');
    const d = m?.['data-collection-settings'];
    const dataCollectionSettings = d
        ? Object.fromEntries(Object.entries({
            interval: d.interval,
            namespaceFilteringMode: d['namespace-filtering-mode'],
            namespaces: d.namespaces,
            enableContainerLogV2: d['enable-container-log-v2'],
            streams: d.streams,
        }).filter(([, v]) => v !== undefined))
        : undefined;
    return {
        name: fixed,
        extensionType: KNOWN_EXTENSIONS['azuremonitor-containers'].extensionType,
        releaseTrain: m?.['release-train'],
        version: m?.version,
        autoUpgrade: m?.['auto-upgrade'] ?? !m?.version,
        scope: 'cluster',
        namespace: fixed,
        settings: { ...(m?.settings ?? {}) },
        monitoring: { workspace: m?.workspace, useAADAuth: m?.['use-aad-auth'] ?? true, dataCollectionSettings },
    };
}
/** Parses the `extensions` YAML list (short names, or objects with a `type`) and checks names are unique. */
function parseExtensions(text) {
    const items = (0,src/* parseYamlWithSchema */.Ku)(text, shapeSchema, 'Input "extensions"', 'extensions');
    const specs = items.map((item, index) => {
        if (typeof item === 'string') {
            const known = KNOWN_EXTENSIONS[item];
            if (!known)
                throw new src/* ConfigurationError */.j1(`Input "extensions" item ${index + 1} is ${(0,src/* shown */.SP)(item)}; allowed short names: ${KNOWN_NAMES.join(', ')} (or an object with "type").`, 'extensions');
            return item === 'azuremonitor-containers'
                ? monitoringSpec(undefined, index)
                : { name: known.name, extensionType: known.extensionType, autoUpgrade: true, scope: 'cluster', settings: {} };
        }
        const kind = (String(item.type).toLowerCase() === KNOWN_EXTENSIONS['azuremonitor-containers'].extensionType.toLowerCase()
            ? 'azuremonitor-containers'
            : item.type);
        const known = KNOWN_EXTENSIONS[kind];
        const spec = check(kind === 'azuremonitor-containers' ? monitor : kind === 'azure-keyvault-secrets-provider' ? keyVault : known ? plain : generic, item, index);
        if (spec.version && spec['auto-upgrade'] === true) {
            throw new src/* ConfigurationError */.j1(`Input "extensions" item ${index + 1} sets both version ${(0,src/* shown */.SP)(spec.version)} and auto-upgrade: true; a pinned version needs auto-upgrade: false.`, 'extensions');
        }
        if (kind === 'azuremonitor-containers')
            return monitoringSpec(spec, index);
        const settings = { ...(spec.settings ?? {}) };
        if (kind === 'azure-keyvault-secrets-provider') {
            const k = spec;
            if (k['rotation-poll-interval'] && k.rotation === false) {
                throw new src/* ConfigurationError */.j1(`Input "extensions" item ${index + 1} sets rotation-poll-interval with rotation: false; remove the interval or set rotation: true.`, 'extensions');
            }
            if (k.rotation !== undefined || k['rotation-poll-interval'])
                settings['secrets-store-csi-driver.enableSecretRotation'] = String(k.rotation ?? true);
            if (k['rotation-poll-interval'])
                settings['secrets-store-csi-driver.rotationPollInterval'] = k['rotation-poll-interval'];
        }
        const scope = spec.scope ?? 'cluster';
        return {
            name: spec.name ??
                known?.name ??
                spec.type
                    .split('.')
                    .pop()
                    .toLowerCase()
                    .replace(/[^a-z0-9-]/g, '-'),
            extensionType: known?.extensionType ?? spec.type,
            releaseTrain: spec['release-train'],
            version: spec.version,
            autoUpgrade: spec['auto-upgrade'] ?? !spec.version,
            scope,
            namespace: spec.namespace,
            settings,
        };
    });
    const seen = new Set();
    for (const spec of specs) {
        if (seen.has(spec.name))
            throw new src/* ConfigurationError */.j1(`Input "extensions" names the extension "${spec.name}" twice; give each extension a unique "name".`, 'extensions');
        seen.add(spec.name);
    }
    return specs;
}

// EXTERNAL MODULE: ./packages/kube/src/index.ts + 10 modules
var kube_src = __webpack_require__(43694);
;// CONCATENATED MODULE: ./actions/arc-connect/src/workload-identity-inputs.ts



const workload_identity_inputs_DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
/** Key Vault names: 3-24 letters, digits and hyphens, starting with a letter, ending with a letter or digit, no "--". */
const KEY_VAULT = /^(?!.*--)[A-Za-z][-A-Za-z0-9]{1,22}[A-Za-z0-9]$/;
const SECRET = /^[-A-Za-z0-9]{1,127}$/;
const appSchema = schemas/* strictObject */.rej({
    name: schemas/* string */.YjP().regex(workload_identity_inputs_DNS_LABEL, 'expected a name of 1-63 lower-case letters, digits and -'),
    namespace: schemas/* string */.YjP().regex(workload_identity_inputs_DNS_LABEL, 'expected a Kubernetes namespace (1-63 lower-case letters, digits and -)'),
    'service-account': schemas/* string */.YjP().regex(DNS_SUBDOMAIN, 'expected a Kubernetes service account name'),
    identity: schemas/* string */.YjP({ error: 'expected the resource id of a user-assigned managed identity' }),
    'key-vault': schemas/* string */.YjP().regex(KEY_VAULT, 'expected a Key Vault name (3-24 letters, digits and -, starting with a letter)').optional(),
    secrets: schemas/* array */.YOg(schemas/* string */.YjP().regex(SECRET, 'expected Key Vault secret names (1-127 letters, digits and -)')).default([]),
    path: schemas/* string */.YjP().min(1).optional(),
}, {
    error: (i) => i.code === 'unrecognized_keys'
        ? `unknown key ${i.keys.join(', ')}; allowed: name, namespace, service-account, identity, key-vault, secrets, path`
        : undefined,
});
const appsSchema = schemas/* array */.YOg(appSchema, { error: 'expected a YAML list of apps' }).max(50, 'at most 50 apps per cluster');
/** `workload-identity` and `apps`: validated in full (identity ids, names, paths) before anything is written. */
function readWorkloadIdentityInputs() {
    const enabled = (0,src/* booleanInput */.tE)('workload-identity', false);
    const raw = (0,src/* yamlInput */.eR)('apps', appsSchema) ?? [];
    if (raw.length && !enabled)
        throw new src/* ConfigurationError */.j1('Input "apps" lists apps, but "workload-identity" is false; set workload-identity: true (their federated credentials need the cluster\'s OIDC issuer).', 'apps');
    const seen = new Map();
    const apps = raw.map((a, i) => {
        const where = `Input "apps" entry ${i + 1} (${a.name}) identity`;
        const identity = (0,azure_src/* parseIdentityId */.PC)(a.identity, where, 'apps');
        if (a.secrets.length && !a['key-vault'])
            throw new src/* ConfigurationError */.j1(`Input "apps" entry ${i + 1} (${a.name}) lists secrets but no key-vault; name the vault they are in.`, 'apps');
        for (const [key, what] of [
            [a.name, 'name'],
            [`${a.namespace}/${a['service-account']}`, 'namespace and service-account'],
        ]) {
            const other = seen.get(`${what}:${key}`);
            if (other)
                throw new src/* ConfigurationError */.j1(`Input "apps" entries ${other} and ${i + 1} have the same ${what} (${key}); each app needs its own.`, 'apps');
            seen.set(`${what}:${key}`, String(i + 1));
        }
        const displayPath = a.path ?? `workload-identity/${a.name}`;
        return {
            name: a.name,
            namespace: a.namespace,
            serviceAccount: a['service-account'],
            identity,
            keyVault: a['key-vault'],
            secrets: a.secrets,
            path: (0,azure_src/* workspacePath */.X5)('apps', displayPath),
            displayPath,
        };
    });
    return { enabled, apps };
}

;// CONCATENATED MODULE: ./actions/arc-connect/src/inputs.ts








const DISTRIBUTIONS = [
    'generic',
    'aks',
    'aks_edge_k3s',
    'aks_edge_k8s',
    'aks_management',
    'aks_workload',
    'canonical',
    'capz',
    'eks',
    'gke',
    'k3s',
    'k8s',
    'karbon',
    'kind',
    'microk8s',
    'minikube',
    'openshift',
    'rancher_rke',
    'rke2',
    'tkg',
];
const INFRASTRUCTURES = [
    'generic',
    'azure',
    'aws',
    'gcp',
    'azure_stack_hci',
    'azure_stack_hub',
    'azure_stack_edge',
    'vsphere',
    'windows_server',
];
const CLUSTER_ROLES = [
    'Azure Arc Enabled Kubernetes Cluster User Role',
    'Azure Arc Kubernetes Viewer',
    'Azure Arc Kubernetes Writer',
    'Azure Arc Kubernetes Admin',
    'Azure Arc Kubernetes Cluster Admin',
];
const CLUSTER_NAME = {
    regex: /^[A-Za-z0-9]([-_A-Za-z0-9]{0,61}[A-Za-z0-9])?$/,
    description: '1-63 letters, digits, - or _, starting and ending with a letter or digit',
};
const RESOURCE_GROUP = {
    regex: /^[-\w.()]{0,89}[-\w()]$/,
    description: 'a resource group name (1-90 letters, digits, - _ ( ) ., not ending in .)',
};
/**
 * A YAML map whose keys must match `key`. zod reports bad record keys only as "Invalid key in record", so keys are
 * checked here to name the key and the rule.
 */
function mapOf(key, keyRule, value, what) {
    return schemas/* record */.g1P(schemas/* string */.YjP(), value, { error: (i) => (i.code === 'invalid_type' ? `expected a YAML map of ${what}` : undefined) })
        .superRefine((map, ctx) => {
        for (const k of Object.keys(map))
            if (!key.test(k))
                ctx.addIssue({ code: 'custom', path: [k], message: keyRule });
    });
}
const tagsSchema = mapOf(/^[^<>%&\\?/]{1,512}$/, 'tag names are 1-512 characters and must not contain < > % & \\ ? /', schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig(), schemas/* boolean */.zMY()]).transform(String).pipe(schemas/* string */.YjP().max(256, 'tag values are at most 256 characters')), 'tag names to values').refine((t) => Object.keys(t).length <= 50, 'Azure allows at most 50 tags on a resource');
function readClusterInputs() {
    const location = (0,src/* requiredString */.Fk)('location', { maxLength: 64 }).toLowerCase().replace(/\s+/g, '');
    if (!/^[a-z][a-z0-9]{1,40}$/.test(location)) {
        throw new src/* ConfigurationError */.j1(`Input "location" has the value ${(0,src/* shown */.SP)(location)}; allowed: an Azure region name such as westeurope or eastus2.`, 'location');
    }
    const distribution = (0,src/* optionalString */.sx)('distribution') ? (0,src/* enumInput */.gX)('distribution', DISTRIBUTIONS) : undefined;
    const infrastructure = (0,src/* optionalString */.sx)('infrastructure') ? (0,src/* enumInput */.gX)('infrastructure', INFRASTRUCTURES) : undefined;
    return {
        clusterName: (0,src/* requiredString */.Fk)('cluster-name', { pattern: CLUSTER_NAME }),
        resourceGroup: (0,src/* requiredString */.Fk)('resource-group', { pattern: RESOURCE_GROUP }),
        location,
        tags: (0,src/* yamlInput */.eR)('tags', tagsSchema) ?? {},
        distribution,
        infrastructure,
    };
}
/** `kubeconfig` (content, a secret) and/or `kube-context`; at least one of them. */
function readKubeAccessInputs() {
    const kubeconfig = (0,src/* optionalString */.sx)('kubeconfig', { secret: true, maxLength: 1_048_576 });
    const kubeContext = (0,src/* optionalString */.sx)('kube-context', {
        maxLength: 253,
        pattern: { regex: /^[^\s'"`]+$/, description: 'a context name without spaces or quotes' },
    });
    if (!kubeconfig && !kubeContext) {
        throw new src/* ConfigurationError */.j1('Inputs "kubeconfig" and "kube-context" are both empty; set "kubeconfig" to the content of a kubeconfig (from a secret) or "kube-context" to a context of the runner\'s KUBECONFIG.', 'kubeconfig');
    }
    if (!kubeconfig)
        return { kubeContext };
    const summary = (0,kube_src/* parseKubeconfig */.DU)(kubeconfig, 'kubeconfig', kubeContext);
    return { kubeconfig, kubeContext: summary.context, server: summary.server };
}
/** Shows a URL with its user-info replaced by ***, so proxy credentials never reach a log or a plan. */
function hideUserInfo(url) {
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1***@');
}
function proxyUrl(name) {
    const value = (0,src/* optionalString */.sx)(name, { maxLength: 2048 });
    if (!value)
        return undefined;
    maskUrlCredentials(value);
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new src/* ConfigurationError */.j1(`Input "${name}" has the value ${(0,src/* shown */.SP)(hideUserInfo(value))}, which is not a URL; use http://host:port or https://host:port.`, name);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new src/* ConfigurationError */.j1(`Input "${name}" has the scheme "${url.protocol}"; allowed: http or https (for example http://proxy.corp:3128).`, name);
    }
    if (url.pathname !== '/' || url.search || url.hash) {
        throw new src/* ConfigurationError */.j1(`Input "${name}" has the value ${(0,src/* shown */.SP)(hideUserInfo(value))}; a proxy URL has no path, query or fragment.`, name);
    }
    return value;
}
/** Registers the whole URL and its password (raw and decoded) as secrets when it carries credentials. */
function maskUrlCredentials(value) {
    const match = /^[a-z][a-z0-9+.-]*:\/\/([^/@]*)@/i.exec(value);
    if (!match)
        return;
    (0,src/* maskSecret */.$l)(value);
    const [, password] = match[1].split(/:(.*)/s);
    if (password) {
        (0,src/* maskSecret */.$l)(password);
        try {
            (0,src/* maskSecret */.$l)(decodeURIComponent(password));
        }
        catch {
            /* not percent-encoded */
        }
    }
}
/** An item of `proxy-skip-range` that is an IP address or a CIDR range must be a valid one (`10.0.0.0/33` is not). */
function checkSkipRangeItem(item) {
    const [address, prefix, extra] = item.split('/');
    const hostAndPort = /^[A-Za-z0-9.-]+:\d{1,5}$/.test(address);
    const looksLikeIp = /^[\d.]+$/.test(address) || (address.includes(':') && !hostAndPort);
    if (!looksLikeIp && prefix === undefined)
        return;
    const family = (0,external_node_net_.isIPv4)(address) ? 4 : (0,external_node_net_.isIPv6)(address) ? 6 : 0;
    const max = family === 4 ? 32 : 128;
    const fail = (why) => {
        throw new src/* ConfigurationError */.j1(`Input "proxy-skip-range" has the item ${(0,src/* shown */.SP)(item)}, ${why}.`, 'proxy-skip-range');
    };
    if (!family)
        fail('which is not a valid IPv4 or IPv6 address (a CIDR range is an address, "/" and a prefix length)');
    if (extra !== undefined)
        fail('which has more than one "/"');
    if (prefix !== undefined && (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max))
        fail(`whose prefix length is not a whole number from 0 to ${max} (IPv${family})`);
}
function readProxyInputs() {
    const https = proxyUrl('proxy-https');
    const http = proxyUrl('proxy-http');
    const skipRange = (0,src/* listInput */.dt)('proxy-skip-range', {
        max: 200,
        item: { regex: /^[A-Za-z0-9.*:/_-]{1,253}$/, description: 'a host name, IP address, CIDR range or .domain suffix' },
    });
    for (const item of skipRange)
        checkSkipRangeItem(item);
    if (skipRange.length > 0 && !https && !http) {
        throw new src/* ConfigurationError */.j1('Input "proxy-skip-range" is set but "proxy-https" and "proxy-http" are empty; set a proxy or remove the skip range.', 'proxy-skip-range');
    }
    const certInput = (0,src/* optionalString */.sx)('proxy-cert', { maxLength: 1_048_576 });
    let cert;
    let certDisplay;
    if (certInput) {
        if (certInput.includes('-----BEGIN')) {
            cert = certInput;
            certDisplay = '(inline PEM)';
        }
        else {
            const path = (0,azure_src/* workspacePath */.X5)('proxy-cert', certInput, { mustExist: 'file' });
            cert = (0,external_node_fs_.readFileSync)(path, 'utf8');
            certDisplay = certInput;
        }
        if (/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(cert)) {
            // A private key must never travel to the cluster's agents, nor stay readable in the log.
            (0,src/* maskSecret */.$l)(cert);
            throw new src/* ConfigurationError */.j1(`Input "proxy-cert" has ${certDisplay === '(inline PEM)' ? 'content' : `the file ${(0,src/* shown */.SP)(certInput)}`} that contains a PRIVATE KEY; pass only the proxy's CA certificate (-----BEGIN CERTIFICATE-----) and keep the key out of the repository and the workflow.`, 'proxy-cert');
        }
        if (!/-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/.test(cert)) {
            throw new src/* ConfigurationError */.j1(`Input "proxy-cert" has ${certDisplay === '(inline PEM)' ? 'content' : `the file ${(0,src/* shown */.SP)(certInput)}`} that is not a PEM certificate; expected -----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----.`, 'proxy-cert');
        }
    }
    return {
        https,
        http,
        skipRange,
        cert,
        display: { https: https && hideUserInfo(https), http: http && hideUserInfo(http), cert: certDisplay },
    };
}
const rolesSchema = mapOf(azure_src/* GUID */.Sm, 'keys must be principal object ids (GUIDs), not names or e-mail addresses', schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* array */.YOg(schemas/* string */.YjP()).min(1)], { error: 'expected a role name or a list of role names' }), 'principal ids to role names');
/** `role-assignments`: principal object id → one role name or a list of them, at cluster scope. */
function readRoleAssignments() {
    const map = (0,src/* yamlInput */.eR)('role-assignments', rolesSchema) ?? {};
    return Object.entries(map).flatMap(([principalId, roles]) => (Array.isArray(roles) ? roles : [roles]).map((name) => {
        const role = CLUSTER_ROLES.find((r) => r.toLowerCase() === name.trim().toLowerCase());
        if (!role) {
            throw new src/* ConfigurationError */.j1(`Input "role-assignments" gives principal ${principalId} the role ${(0,src/* shown */.SP)(name)}; allowed: ${CLUSTER_ROLES.join(', ')}.`, 'role-assignments');
        }
        return { principalId: principalId.toLowerCase(), role };
    }));
}
const readOnboardingTimeout = () => (0,src/* durationInput */.Ts)('onboarding-timeout', { default: '15m', min: '1m', max: '6h' });
function readExtensions() {
    const text = (0,src/* optionalString */.sx)('extensions', { maxLength: 65_536 });
    return text ? parseExtensions(text) : [];
}
/** Reads and validates every input of arc-connect; nothing is contacted before this returns. */
function readInputs() {
    return {
        identity: (0,azure_src/* readAzureIdentityInputs */.dp)({ subscriptionRequired: true }),
        cluster: readClusterInputs(),
        access: readKubeAccessInputs(),
        proxy: readProxyInputs(),
        registerProviders: (0,src/* booleanInput */.tE)('register-providers', true),
        createResourceGroup: (0,src/* booleanInput */.tE)('create-resource-group', true),
        autoUpgrade: (0,src/* booleanInput */.tE)('auto-upgrade', true),
        onboardingTimeoutMs: readOnboardingTimeout(),
        extensions: readExtensions(),
        roleAssignments: readRoleAssignments(),
        customLocationsOid: (0,src/* optionalString */.sx)('custom-locations-oid', {
            pattern: { regex: azure_src/* GUID */.Sm, description: 'the object id (a GUID) of the Custom Locations RP service principal' },
        })?.toLowerCase(),
        workloadIdentity: readWorkloadIdentityInputs(),
        egress: readEgressInputs(),
        dryRun: (0,azure_src/* readDryRun */.n0)(),
    };
}
const IMAGE = {
    regex: /^[a-z0-9][a-z0-9._/:@-]{0,254}$/,
    description: 'a container image reference (registry/repository:tag or @sha256:digest)',
};
function readEgressInputs() {
    const file = (0,src/* optionalString */.sx)('allowlist-file', { maxLength: 1024 });
    const previous = (0,src/* optionalString */.sx)('previous-allowlist', { maxLength: 1024 });
    return {
        probe: (0,src/* enumInput */.gX)('egress-probe', ['runner', 'in-cluster'], 'runner'),
        image: (0,src/* optionalString */.sx)('egress-probe-image', { maxLength: 255, pattern: IMAGE }),
        allowlistFile: file ? (0,azure_src/* workspacePath */.X5)('allowlist-file', file) : undefined,
        previousAllowlist: previous ? (0,azure_src/* workspacePath */.X5)('previous-allowlist', previous) : undefined,
    };
}

/** The identity, cluster, access and proxy as plans show them: no kubeconfig, no proxy credentials, no certificate body. */
function clusterAccessView(inputs) {
    const { identity, cluster, access, proxy } = inputs;
    return {
        identity: (0,azure_src/* identityView */.wg)(identity),
        cluster,
        access: { kubeconfig: access.kubeconfig ? '***' : undefined, kubeContext: access.kubeContext, server: access.server },
        proxy: { https: proxy.display.https, http: proxy.display.http, skipRange: proxy.skipRange, cert: proxy.display.cert },
    };
}


/***/ }),

/***/ 40442:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bp: () => (/* binding */ connectCluster)
});

// UNUSED EXPORTS: agentValues, code, renderSummary

// EXTERNAL MODULE: ./packages/azure/src/index.ts + 31 modules
var src = __webpack_require__(64601);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 8 modules
var core_src = __webpack_require__(34786);
// EXTERNAL MODULE: ./packages/kube/src/index.ts + 10 modules
var kube_src = __webpack_require__(43694);
;// CONCATENATED MODULE: ./actions/arc-connect/src/agents.ts


/**
 * Endpoint overrides for clouds the agents cannot name (az connectedk8s `helm_install_release`: with ARM metadata
 * `dataplaneEndpoints` it sets azureResourceManagerEndpoint, config_dp_endpoint_override,
 * notification_dp_endpoint_override and activeDirectoryEndpoint). A custom `environment` JSON plays that metadata.
 */
function endpointOverrides(environment, endpoints) {
    if (!environment.custom || !endpoints)
        return {};
    return {
        azureResourceManagerEndpoint: environment.resourceManager,
        activeDirectoryEndpoint: environment.authorityHost,
        azureArcAgents: { config_dp_endpoint_override: endpoints.dataPlane },
        'clusterconnect-agent': { notification_dp_endpoint_override: endpoints.guestNotificationService },
    };
}
/** Helm values of the agents chart, with the same names az uses (`global.*`, `systemDefaultValues.*`). */
function agentValues(inputs, platform, privateKey, noProxy, extras = {}) {
    const { identity, cluster, proxy } = inputs;
    const proxied = !!(proxy.https || proxy.http);
    const overrides = endpointOverrides(identity.environment, extras.endpoints);
    return {
        global: {
            subscriptionId: identity.subscriptionId,
            resourceGroupName: cluster.resourceGroup,
            resourceName: cluster.clusterName,
            location: cluster.location,
            tenantId: identity.tenantId,
            kubernetesDistro: platform.distribution,
            kubernetesInfra: platform.infrastructure,
            azureEnvironment: (0,src/* agentCloudName */.Y5)(identity.environment),
            onboardingPrivateKey: privateKey,
            isProxyEnabled: proxied,
            httpsProxy: proxy.https ?? '',
            httpProxy: proxy.http ?? '',
            noProxy,
            proxyCert: proxy.cert ?? '',
            isCustomCert: !!proxy.cert,
        },
        systemDefaultValues: {
            spnOnboarding: false,
            ...overrides,
            'clusterconnect-agent': { enabled: true, ...overrides['clusterconnect-agent'] },
            azureArcAgents: { autoUpdate: inputs.autoUpgrade, ...overrides.azureArcAgents },
            ...(extras.customLocationsOid ? { customLocations: { enabled: true, oid: extras.customLocationsOid } } : {}),
        },
    };
}
/** The connected cluster that the agents' own ConfigMap (azure-clusterconfig) says they belong to. */
const ownerOf = (config) => config.AZURE_SUBSCRIPTION_ID && config.AZURE_RESOURCE_GROUP && config.AZURE_RESOURCE_NAME
    ? (0,src/* clusterRef */.eN)(config.AZURE_SUBSCRIPTION_ID, config.AZURE_RESOURCE_GROUP, config.AZURE_RESOURCE_NAME).id
    : undefined;
/** Only the values we set are compared; the private key is compared but never shown. */
function diffValues(installed, desired) {
    const out = [];
    const walk = (a, d, prefix) => {
        if (d && typeof d === 'object' && !Array.isArray(d)) {
            for (const k of Object.keys(d))
                walk(a?.[k], d[k], prefix ? `${prefix}.${k}` : k);
            return;
        }
        if ((0,core_src/* stableStringify */.JB)(a ?? '') === (0,core_src/* stableStringify */.JB)(d ?? ''))
            return;
        const secret = /privatekey|proxycert|proxy$/i.test(prefix);
        out.push({ path: prefix, before: secret ? '(set)' : a, after: secret ? '(new value)' : d });
    };
    walk(installed, desired, '');
    return out;
}
/**
 * POST {dataPlane}/azure-arc-k8sagents/GetLatestHelmPackagePath as az does (_utils.py `get_helm_registry`: a token
 * for the cloud's active_directory_resource_id, releaseTrain from RELEASETRAIN or stable, up to 5 tries), then the
 * chart from the registry path it answers (`Helm.fetchChart`: the /v2/ path, the minimum version).
 */
async function latestChart(arm, scope, endpoints, helm) {
    const token = await arm.credential.getToken(scope);
    if (!token)
        throw new Error(`No token for ${scope} (the Arc config data plane's audience).`);
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token.token}` };
    const url = `${endpoints.dataPlane}/azure-arc-k8sagents/GetLatestHelmPackagePath?api-version=2019-11-01-preview&releaseTrain=${encodeURIComponent((0,core_src/* readEnv */.$$)('RELEASETRAIN') ?? 'stable')}`;
    let answer;
    for (let attempt = 1; attempt <= 5; attempt++) {
        answer = await fetch(url, { method: 'POST', headers, body: '{}' }).catch(() => undefined);
        if (answer?.ok || (answer && answer.status < 500 && answer.status !== 429))
            break;
        await new Promise((r) => setTimeout(r, 1000 * attempt));
    }
    if (!answer?.ok) {
        const detail = answer ? `HTTP ${answer.status}: ${(await answer.text().catch(() => '')).slice(0, 300)}` : 'no answer';
        throw new Error(`GetLatestHelmPackagePath at ${endpoints.dataPlane} failed (${detail}).`);
    }
    const body = (await answer.json());
    if (!body.repositoryPath)
        throw new Error('GetLatestHelmPackagePath answered without a repositoryPath.');
    return helm.fetchChart(body.repositoryPath);
}

;// CONCATENATED MODULE: ./actions/arc-connect/src/diagnose.ts
/**
 * Why the agents did not connect, from their pods and events in `azure-arc`: Pending → resources,
 * ImagePullBackOff → egress or proxy, crash-looping clusteridentityoperator → certificate (az troubleshoot's map).
 */
async function diagnoseAgents(kc) {
    const { CoreV1Api } = await __webpack_require__.e(/* import() */ 433).then(__webpack_require__.bind(__webpack_require__, 14433));
    const core = kc.makeApiClient(CoreV1Api);
    const [pods, events] = await Promise.all([
        core.listNamespacedPod({ namespace: 'azure-arc' }),
        core.listNamespacedEvent({ namespace: 'azure-arc' }).catch(() => ({ items: [] })),
    ]);
    if (pods.items.length === 0)
        return 'No agent pod exists in namespace azure-arc: the Helm release did not create them (check helm status azure-arc -n azure-arc-release).';
    const states = pods.items.map((p) => {
        const waiting = p.status?.containerStatuses?.map((c) => c.state?.waiting?.reason).find(Boolean);
        const restarts = p.status?.containerStatuses?.reduce((n, c) => n + (c.restartCount ?? 0), 0) ?? 0;
        return { name: p.metadata?.name ?? '?', phase: p.status?.phase ?? 'Unknown', waiting, restarts };
    });
    const list = states.map((s) => `${s.name}: ${s.waiting ?? s.phase}${s.restarts ? ` (${s.restarts} restarts)` : ''}`).join(', ');
    const causes = [];
    if (states.some((s) => s.phase === 'Pending' && !s.waiting))
        causes.push('pods are Pending: the nodes lack CPU or memory for the agents (or a quota/policy blocks them); add capacity');
    if (states.some((s) => /ImagePull|ErrImage/.test(s.waiting ?? '')))
        causes.push('images cannot be pulled: egress to mcr.microsoft.com is blocked or the proxy settings are wrong');
    if (states.some((s) => s.name.startsWith('clusteridentityoperator') && (s.waiting === 'CrashLoopBackOff' || s.restarts > 2)))
        causes.push('clusteridentityoperator is crash-looping: the onboarding certificate or key is invalid (reconnect with a new key) or a TLS-inspecting proxy needs proxy-cert');
    if (causes.length === 0 && states.every((s) => s.phase === 'Running'))
        causes.push('all agent pods run, so the agents cannot reach Azure: check egress and the proxy');
    const warnings = events.items
        .filter((e) => e.type === 'Warning')
        .slice(-5)
        .map((e) => `${e.involvedObject?.name}: ${e.reason} ${e.message ?? ''}`.trim());
    return `Likely cause: ${causes.join('; ') || 'unknown'}. Agent pods: ${list}.${warnings.length ? ` Recent warnings: ${warnings.join(' | ')}.` : ''}`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./actions/arc-connect/src/reconcile.ts


/** Built-in role definition ids of the five Arc roles (same GUID in every subscription). */
const ROLE_IDS = {
    'Azure Arc Enabled Kubernetes Cluster User Role': '00493d72-78f6-4148-b6c5-d3ce8e4799dd',
    'Azure Arc Kubernetes Viewer': '63f0a09d-1495-4db4-a681-037d84835eb4',
    'Azure Arc Kubernetes Writer': '5b999177-9696-4545-85c7-50de3797e5a1',
    'Azure Arc Kubernetes Admin': 'dffb1e0c-446f-4dde-a09f-99eb5cc68b96',
    'Azure Arc Kubernetes Cluster Admin': '8393591c-06b9-48a2-a542-1bd6b377f6a2',
};
/** RFC 4122 version-5 UUID (SHA-1, our own namespace) of `name`: the same scope+principal+role always gives the same name. */
function uuidV5(name, namespace = '6f1d3c0a-7a43-5b7e-9c5e-2a6c1b0e4d21') {
    const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
    const hash = (0,external_node_crypto_.createHash)('sha1')
        .update(Buffer.concat([ns, Buffer.from(name, 'utf8')]))
        .digest();
    hash[6] = (hash[6] & 0x0f) | 0x50;
    hash[8] = (hash[8] & 0x3f) | 0x80;
    const h = hash.subarray(0, 16).toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
const roleAssignmentName = (scope, principalId, roleId) => uuidV5(`${scope.toLowerCase()}|${principalId.toLowerCase()}|${roleId.toLowerCase()}`);
/** Tag on the connected cluster that carries a salted hash of an extension's protected settings (ARM never returns them). */
const protectedTag = (extension) => `arc-actions.protected.${extension}`;
const protectedHash = (clusterId, settings) => (0,external_node_crypto_.createHash)('sha256')
    .update(clusterId.toLowerCase())
    .update(JSON.stringify(Object.entries(settings).sort()))
    .digest('hex')
    .slice(0, 32);
/** The installer's desired extension for a spec (not Container Insights, whose settings come from its plan). */
function desiredOf(spec) {
    return {
        name: spec.name,
        extensionType: spec.extensionType,
        autoUpgradeMinorVersion: spec.autoUpgrade,
        releaseTrain: spec.releaseTrain,
        version: spec.version,
        scope: spec.scope === 'namespace'
            ? { namespace: { targetNamespace: spec.namespace ?? spec.name } }
            : spec.namespace
                ? { cluster: { releaseNamespace: spec.namespace } }
                : undefined,
        configurationSettings: spec.settings,
        ...(spec.protectedSettings ? { configurationProtectedSettings: spec.protectedSettings } : {}),
    };
}
/** The desired extension with the protected-settings fingerprint compared against the cluster's tag. */
function withFingerprint(ctx, desired) {
    const secrets = desired.configurationProtectedSettings;
    return {
        ...desired,
        protectedSettingsChanged: !!secrets && ctx.clusterTags[protectedTag(desired.name)] !== protectedHash(ctx.cluster.id, secrets),
    };
}
/** The fingerprint tags of the extensions' protected settings, as they should be on the cluster. */
function fingerprintTags(clusterId, planned) {
    return Object.fromEntries(planned
        .filter((p) => p.plan.desired.configurationProtectedSettings)
        .map((p) => [protectedTag(p.plan.desired.name), protectedHash(clusterId, p.plan.desired.configurationProtectedSettings)]));
}
async function containerInsightsDesired(ctx, spec, monitoring) {
    const secrets = monitoring.workspace.create ? {} : await (0,src/* workspaceSecrets */.Pc)(ctx.arm, monitoring);
    const desired = (0,src/* containerInsightsExtension */.Sh)(monitoring, secrets);
    return withFingerprint(ctx, {
        ...desired,
        autoUpgradeMinorVersion: spec.autoUpgrade,
        releaseTrain: spec.releaseTrain,
        version: spec.version,
    });
}
const toChange = (ctx, plan) => ({
    kind: plan.action === 'create' ? 'create' : plan.action === 'unchanged' ? 'unchanged' : 'update',
    resourceType: 'extension',
    resourceId: `${ctx.cluster.id}/providers/Microsoft.KubernetesConfiguration/extensions/${plan.name}`,
    name: plan.name,
    fields: plan.fields,
});
/** Desired vs actual for each extension and its prerequisites (reads only). */
async function planExtensions(ctx, specs) {
    return Promise.all(specs.map(async (spec) => {
        let monitoring;
        let desired;
        if (spec.monitoring) {
            monitoring = await (0,src/* planContainerInsights */.is)(ctx.arm, {
                cluster: {
                    subscriptionId: ctx.cluster.subscriptionId,
                    resourceGroup: ctx.cluster.resourceGroup,
                    name: ctx.cluster.name,
                    location: ctx.cluster.location,
                },
                environment: ctx.environment,
                workspaceResourceId: spec.monitoring.workspace,
                useAADAuth: spec.monitoring.useAADAuth,
                dataCollectionSettings: spec.monitoring.dataCollectionSettings,
                settings: spec.settings,
            });
            desired = await containerInsightsDesired(ctx, spec, monitoring);
        }
        else
            desired = withFingerprint(ctx, desiredOf(spec));
        const plan = await ctx.installer.plan(ctx.cluster, desired, 'converge');
        return { spec, plan, monitoring, change: toChange(ctx, plan) };
    }));
}
/**
 * Writes one extension: Container Insights' prerequisites first (then its settings, which need the workspace), then
 * the extension through the installer, which waits for the final state. Returns the changes it made.
 */
async function applyExtension(ctx, planned) {
    const done = [];
    if (planned.monitoring) {
        done.push(...(await (0,src/* applyContainerInsights */.bO)(ctx.arm, planned.monitoring)));
        const desired = await containerInsightsDesired(ctx, planned.spec, planned.monitoring);
        planned.plan = await ctx.installer.plan(ctx.cluster, desired, 'converge');
    }
    if (planned.plan.action !== 'unchanged') {
        await ctx.installer.apply(planned.plan);
        planned.change.applied = true;
        done.push(planned.change);
    }
    return done;
}
/** Role assignments at cluster scope, found by principal+role (whatever their name) or planned with a deterministic name. */
async function planRoles(arm, cluster, assignments, clusterExists) {
    const existing = clusterExists && assignments.length ? await (0,src/* listRoleAssignmentsAt */.sd)(arm, cluster.subscriptionId, cluster.id) : [];
    return assignments.map((assignment) => {
        const guid = ROLE_IDS[assignment.role];
        const roleDefinitionId = `/subscriptions/${cluster.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
        const name = roleAssignmentName(cluster.id, assignment.principalId, guid);
        const found = existing.some((e) => e.principalId?.toLowerCase() === assignment.principalId &&
            e.roleDefinitionId?.toLowerCase().endsWith(guid) &&
            (!e.scope || e.scope.toLowerCase() === cluster.key));
        return {
            assignment,
            name,
            roleDefinitionId,
            change: {
                kind: found ? 'unchanged' : 'create',
                resourceType: 'roleAssignment',
                resourceId: `${cluster.id}/providers/Microsoft.Authorization/roleAssignments/${name}`,
                name: `${assignment.role} → ${assignment.principalId}`,
                fields: found ? [] : [{ path: 'roleDefinitionId', before: undefined, after: roleDefinitionId }],
            },
        };
    });
}
async function applyRole(arm, cluster, planned) {
    await (0,src/* createRoleAssignment */.QN)(arm, cluster.subscriptionId, cluster.id, planned.name, {
        roleDefinitionId: planned.roleDefinitionId,
        principalId: planned.assignment.principalId,
        description: 'Assigned by arc-actions/arc-connect',
    });
}

;// CONCATENATED MODULE: ./actions/arc-connect/src/apply.ts





/** The provenance tags of what arc-connect writes: repository, commit and run. */
function provenanceTags(env) {
    const p = (0,core_src/* provenanceFromEnv */.f5)(env);
    const tags = {};
    if (p.repository)
        tags['github-repository'] = p.repository;
    if (p.commit)
        tags['github-commit'] = p.commit;
    if (p.runUrl)
        tags['github-run'] = p.runUrl;
    return tags;
}
const done = (c) => (c.applied = true);
/**
 * The writes, in order: providers, resource group, the connectedCluster (PUT with a new agent key, or PATCH), the
 * agents' Helm release, then — once Connected — extensions, the protected-settings fingerprints and role assignments.
 * Each change is marked applied as it lands, so a failure says exactly what was written before it.
 */
async function applyConnect(inputs, deps, azure, pre, p, changes) {
    const { identity, cluster } = inputs;
    const { arm, clusters, ref } = azure;
    const env = deps.env ?? process.env;
    if (p.toRegister.length) {
        await (0,src/* registerProviders */.Kp)(arm, ref.subscriptionId, p.states, deps.registrationTimeoutMs ?? 5 * 60_000);
        changes.filter((c) => c.resourceType === 'provider').forEach(done);
    }
    if (!p.rgExists) {
        await (0,src/* createResourceGroup */.qY)(arm, ref.subscriptionId, cluster.resourceGroup, { location: cluster.location, tags: provenanceTags(env) });
        changes.filter((c) => c.resourceType === 'resourceGroup').forEach(done);
    }
    const tags = { ...p.actualTags, ...p.desiredTags, ...provenanceTags(env) };
    if (p.reonboard) {
        await clusters.putConnected(ref, {
            location: cluster.location,
            identity: { type: 'SystemAssigned' },
            tags,
            agentPublicKeyCertificate: p.keys.publicKey,
            distribution: p.platform.distribution,
            infrastructure: p.platform.infrastructure,
        });
        done(p.clusterChange);
    }
    else if (p.clusterChange.kind === 'update') {
        await clusters.patchConnected(ref, {
            tags,
            ...(p.clusterChange.fields.some((x) => x.path === 'distribution') ? { properties: { distribution: cluster.distribution } } : {}),
        });
        done(p.clusterChange);
    }
    if (p.helmChange.kind !== 'unchanged') {
        const chart = await latestChart(arm, `${identity.environment.activeDirectoryResourceId}.default`, pre.endpoints, p.helm);
        await p.helm.installAgents(chart, p.values, Math.ceil(inputs.onboardingTimeoutMs / 1000), p.releaseNamespace);
        done(p.helmChange);
    }
    // ---- observe: Connected before anything is installed through the agents -----------------------------------------
    let status = pre.armCluster?.connectivityStatus;
    let agentVersion = pre.armCluster?.agentVersion;
    if (p.reonboard || p.helmChange.kind !== 'unchanged' || status !== 'Connected') {
        const waited = await clusters.waitConnected(ref, {
            timeoutMs: inputs.onboardingTimeoutMs,
            initialMs: deps.pollMs?.initial,
            maxMs: deps.pollMs?.max,
        });
        status = waited.connectivityStatus;
        agentVersion = waited.agentVersion;
        if (!waited.connected) {
            const cause = await diagnoseAgents(pre.kc).catch((e) => `the agent pods could not be read (${(0,core_src/* errorMessage */.gJ)(e)})`);
            throw new Error(`${ref.id} did not reach connectivity status Connected within ${Math.round(inputs.onboardingTimeoutMs / 1000)} s (status ${status ?? 'unknown'}). ${cause}`);
        }
    }
    for (const e of p.extensions)
        await applyExtension(p.extensionContext, e);
    // Protected settings that only became known during apply (a workspace created by this run): their fingerprint.
    const fingerprints = fingerprintTags(ref.id, p.extensions);
    if (Object.entries(fingerprints).some(([k, v]) => tags[k] !== v))
        await clusters.patchConnected(ref, { tags: { ...tags, ...fingerprints } });
    for (const r of p.roles) {
        if (r.change.kind === 'unchanged')
            continue;
        await applyRole(arm, ref, r);
        done(r.change);
    }
    return { connectivityStatus: status, agentVersion };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./actions/arc-connect/src/egress.ts






/**
 * Egress beyond the runner: the in-cluster probe (a Job with the agents' proxy settings, run before the agents are
 * installed when `egress-probe: in-cluster`) and the allowlist for the proxy team (`allowlist` output and file).
 */
/** The agents' proxy settings, as agentValues passes them (httpsProxy, httpProxy, noProxy, proxyCert). */
function agentProxy(inputs, trust = []) {
    const { proxy } = inputs;
    const ca = [...(proxy.cert ? [proxy.cert] : []), ...trust].join('\n');
    return { https: proxy.https, http: proxy.http, noProxy: proxy.skipRange.join(',') || undefined, ca: ca || undefined };
}
/** Runs the probe Job in the cluster and reads its result with the same verdicts as the runner-side pre-flight. */
async function inClusterRows(inputs, kc, endpoints, relays, trust = []) {
    const { identity, cluster, proxy } = inputs;
    const hosts = (0,src/* requiredHosts */.PO)(identity.environment, cluster.location, endpoints, relays);
    const targets = (0,src/* inClusterProbeTargets */.ol)(hosts, endpoints, cluster.location, relays);
    const run = await (0,kube_src/* runEgressProbe */.Xb)(kc, targets, agentProxy(inputs, trust), { image: inputs.egress.image });
    const rows = run.result
        ? (0,src/* inClusterEgressRows */.Qk)(run.result, proxy.display.https ?? proxy.display.http)
        : [
            {
                check: 'in-cluster: egress probe',
                result: 'fail',
                detail: `Job ${run.namespace}/${run.job}: ${run.failure}`,
                fix: 'the probe needs to create a Job, a Secret and (once) the namespace arc-actions-egress, and the nodes to run its image',
            },
        ];
    if (!run.deleted)
        rows.push({
            check: 'in-cluster: egress probe',
            result: 'warn',
            detail: `Job ${run.namespace}/${run.job} could not be deleted; ttlSecondsAfterFinished removes it 5 minutes after it ends`,
        });
    return rows;
}
/** The allowlist of the region (Learn's hosts, the environment's, the resolved relays), written to the files. */
function writeAllowlist(inputs, endpoints, relays) {
    const { identity, cluster, egress } = inputs;
    const hosts = (0,src/* requiredHosts */.PO)(identity.environment, cluster.location, endpoints, relays);
    const document = { version: 1, cloud: identity.environment.name, location: cluster.location, hosts };
    let note;
    if (egress.previousAllowlist) {
        if (!(0,external_node_fs_.existsSync)(egress.previousAllowlist))
            note = `no previous allowlist at ${egress.previousAllowlist} (a first run?)`;
        else {
            const previous = (0,src/* parsePreviousAllowlist */.YU)((0,external_node_fs_.readFileSync)(egress.previousAllowlist, 'utf8'));
            if (!previous)
                throw new core_src/* ConfigurationError */.j1(`Input "previous-allowlist" names ${(0,core_src/* shown */.SP)(egress.previousAllowlist)}, which is neither an allowlist JSON document nor a text file of host:port lines.`, 'previous-allowlist');
            Object.assign(document, (0,src/* diffAllowlist */.pD)(previous, hosts.map(src/* entryOf */.Ms)));
        }
    }
    else
        note = 'no previous-allowlist given, so nothing to compare with';
    if (!relays.length)
        note = [note, 'the relay hosts could not be resolved: only the wildcard entry covers them'].filter(Boolean).join('; ');
    const file = egress.allowlistFile ?? (0,external_node_path_.join)((0,core_src/* readEnv */.$$)('RUNNER_TEMP') ?? (0,external_node_os_.tmpdir)(), `arc-allowlist-${cluster.location}.txt`);
    const jsonFile = file.replace(/(\.txt)?$/, '.json');
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(file), { recursive: true });
    (0,external_node_fs_.writeFileSync)(file, (0,src/* allowlistText */.pu)(hosts));
    (0,external_node_fs_.writeFileSync)(jsonFile, `${JSON.stringify(document, null, 2)}\n`);
    return { document, file, jsonFile, note };
}
/** The summary's allowlist section: counts, and the added/removed lines. */
function allowlistMarkdown(a) {
    const { document: d } = a;
    const lines = [
        '### Allowlist for the proxy',
        '',
        `${d.hosts.length} host(s) for ${d.location} (${d.cloud}), written to \`${a.file}\` (one host:port a line) and \`${a.jsonFile}\`.`,
    ];
    if (d.added || d.removed) {
        lines.push(`Since the previous allowlist: ${d.added?.length ?? 0} added, ${d.removed?.length ?? 0} removed.`, '');
        if (d.added?.length || d.removed?.length) {
            lines.push('```diff', ...(d.added ?? []).map((e) => `+ ${e}`), ...(d.removed ?? []).map((e) => `- ${e}`), '```');
        }
    }
    if (a.note)
        lines.push('', `Note: ${a.note}.`);
    return lines.join('\n') + '\n';
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(41692);
;// CONCATENATED MODULE: ./actions/arc-connect/src/helm.ts







const RELEASE = 'azure-arc';
const RELEASE_NAMESPACE = 'azure-arc-release';
/** az refuses stable agent charts older than this (connectedk8s _utils.py `pull_helm_chart`). */
const MIN_AGENT_VERSION = '1.14.0';
/**
 * Where helm pulls the agents chart from, as az derives it from GetLatestHelmPackagePath's `repositoryPath`
 * (`<registry>/<path>/azure-arc-k8sagents:<version>`, _utils.py `pull_helm_chart` with new_path): the chart lives
 * under `<path>/v2/azure-arc-k8sagents`, and stable versions (no pre-release suffix) older than 1.14 are refused.
 */
function chartReference(repositoryPath) {
    const ref = repositoryPath.trim().replace(/^oci:\/\//i, '');
    const slash = ref.lastIndexOf('/');
    const colon = ref.lastIndexOf(':');
    if (slash < 0 || colon < slash)
        throw new Error(`GetLatestHelmPackagePath answered ${JSON.stringify(repositoryPath)}, which is not <registry>/<path>/<chart>:<version>.`);
    const [path, version] = [ref.slice(0, colon), ref.slice(colon + 1)];
    if (!version.includes('-') && compareVersions(version, MIN_AGENT_VERSION) < 0)
        throw new Error(`The Arc config data plane offers agents ${version}, older than ${MIN_AGENT_VERSION}, which az connectedk8s refuses to install ("This CLI version does not support upgrading to Agents versions older than v1.14"); set RELEASETRAIN to a train with newer agents or retry later.`);
    const dir = path.slice(0, path.lastIndexOf('/'));
    const chart = path.slice(path.lastIndexOf('/') + 1);
    return { oci: `oci://${dir}/v2/${chart}`, version };
}
function compareVersions(a, b) {
    const pa = a.split(/[.+-]/).map((x) => Number(x));
    const pb = b.split(/[.+-]/).map((x) => Number(x));
    for (let i = 0; i < 3; i++)
        if ((pa[i] || 0) !== (pb[i] || 0))
            return (pa[i] || 0) - (pb[i] || 0);
    return 0;
}
/** An RSA key pair as az makes it: 4096 bits, public key = base64 of the PKCS#1 RSAPublicKey DER, private key PKCS#1 PEM. */
function generateAgentKeys(bits = 4096) {
    const { publicKey, privateKey } = (0,external_node_crypto_.generateKeyPairSync)('rsa', {
        modulusLength: bits,
        publicKeyEncoding: { type: 'pkcs1', format: 'der' },
        privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    });
    (0,core_src/* maskSecret */.$l)(privateKey);
    return { publicKey: publicKey.toString('base64'), privateKey };
}
/**
 * The helm binary in a private temporary folder (mode 700): its own HELM_*_HOME, the kubeconfig (when given as
 * content) and values files live there and are deleted by `dispose()`. Secrets only ever reach helm through
 * files in that folder, never on its command line; helm's output is redacted before it is shown.
 */
class Helm {
    dir;
    binary;
    kubeArgs;
    caFile;
    constructor(dir, binary, kubeArgs, caFile) {
        this.dir = dir;
        this.binary = binary;
        this.kubeArgs = kubeArgs;
        this.caFile = caFile;
    }
    /**
     * `trust`: extra CA certificates (PEM) for pulling the chart, e.g. a TLS-inspecting proxy's. With them, or with
     * NODE_EXTRA_CA_CERTS set (the runner trusts more than the public roots), helm pulls with a CA bundle of Node's
     * public roots plus those, so it trusts what the action trusts (helm's --ca-file replaces the system roots).
     */
    static async create(options) {
        const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,core_src/* readEnv */.$$)('RUNNER_TEMP') ?? (0,external_node_os_.tmpdir)(), 'arc-connect-'));
        await (0,promises_.chmod)(dir, 0o700);
        const kubeArgs = [];
        if (options.kubeconfig) {
            const path = (0,external_node_path_.join)(dir, 'kubeconfig');
            await (0,promises_.writeFile)(path, options.kubeconfig, { mode: 0o600 });
            kubeArgs.push('--kubeconfig', path);
        }
        if (options.kubeContext)
            kubeArgs.push('--kube-context', options.kubeContext);
        const extra = [...(options.trust ?? [])];
        const extraCa = (0,core_src/* readEnv */.$$)('NODE_EXTRA_CA_CERTS');
        if (extraCa)
            extra.push(await (0,promises_.readFile)(extraCa, 'utf8').catch(() => ''));
        let caFile;
        if (extra.some((pem) => pem.includes('BEGIN CERTIFICATE'))) {
            caFile = (0,external_node_path_.join)(dir, 'ca-bundle.pem');
            await (0,promises_.writeFile)(caFile, [...external_node_tls_.rootCertificates, ...extra].join('\n'), { mode: 0o600 });
        }
        return new Helm(dir, options.binary ?? (0,core_src/* readEnv */.$$)('HELM_CLIENT_PATH') ?? 'helm', kubeArgs, caFile);
    }
    run(args, options = {}) {
        const env = {
            ...process.env,
            HELM_CACHE_HOME: (0,external_node_path_.join)(this.dir, 'cache'),
            HELM_CONFIG_HOME: (0,external_node_path_.join)(this.dir, 'config'),
            HELM_DATA_HOME: (0,external_node_path_.join)(this.dir, 'data'),
        };
        const full = [...args, ...(options.kube === false ? [] : this.kubeArgs)];
        return new Promise((resolve, reject) => {
            (0,external_node_child_process_.execFile)(this.binary, full, { env, maxBuffer: 32 * 1024 * 1024, timeout: 30 * 60_000 }, (error, stdout, stderr) => {
                if (error) {
                    const detail = (0,core_src/* redact */.E$)(String(stderr || error.message)
                        .trim()
                        .split('\n')
                        .slice(-5)
                        .join(' '));
                    reject(new Error(`helm ${args[0]} failed: ${detail}`));
                }
                else
                    resolve(stdout);
            });
        });
    }
    /** The agents release in any namespace (az: `helm list -a --all-namespaces`), or undefined. */
    async findRelease() {
        const list = JSON.parse((await this.run(['list', '--all', '--all-namespaces', '--output', 'json'])) || '[]');
        const found = list.find((r) => r.name === RELEASE);
        return found ? { namespace: found.namespace, status: found.status } : undefined;
    }
    /** The user-supplied values of the release (`helm get values -o json`). */
    async getValues(namespace) {
        const values = JSON.parse(await this.run(['get', 'values', RELEASE, '--namespace', namespace, '--output', 'json']));
        const key = values?.global?.onboardingPrivateKey;
        if (typeof key === 'string')
            (0,core_src/* maskSecret */.$l)(key);
        return values ?? {};
    }
    /** Pulls the agents chart named by GetLatestHelmPackagePath, as az does (the /v2/ path, the minimum version). */
    async fetchChart(repositoryPath) {
        const { oci, version } = chartReference(repositoryPath);
        const dest = (0,external_node_path_.join)(this.dir, 'chart');
        await (0,promises_.mkdir)(dest, { recursive: true, mode: 0o700 });
        let last;
        for (let attempt = 1; attempt <= 3; attempt++) {
            try {
                await this.run(['pull', oci, '--version', version, '--destination', dest, ...(this.caFile ? ['--ca-file', this.caFile] : [])], {
                    kube: false,
                });
                last = undefined;
                break;
            }
            catch (error) {
                last = error;
            }
        }
        if (last)
            throw last;
        const files = await (0,promises_.readdir)(dest);
        return (0,external_node_path_.join)(dest, files.find((f) => f.endsWith('.tgz')) ?? files[0]);
    }
    /** `helm upgrade --install` of the agents with the values in a 0600 file that is deleted right after. */
    async installAgents(chart, values, timeoutSeconds, namespace = RELEASE_NAMESPACE) {
        const file = (0,external_node_path_.join)(this.dir, `values-${Date.now()}.json`);
        await (0,promises_.writeFile)(file, JSON.stringify(values), { mode: 0o600 });
        try {
            await this.run([
                'upgrade',
                '--install',
                RELEASE,
                chart,
                '--namespace',
                namespace,
                '--create-namespace',
                '--values',
                file,
                '--timeout',
                `${timeoutSeconds}s`,
            ]);
        }
        finally {
            await (0,promises_.rm)(file, { force: true });
        }
    }
    async dispose() {
        await (0,promises_.rm)(this.dir, { recursive: true, force: true });
    }
}
/** Pre-flight: the helm client that installs the agents is there (GitHub-hosted runners have it; self-hosted may not). */
function helmClientCheck(binary) {
    const bin = binary ?? (0,core_src/* readEnv */.$$)('HELM_CLIENT_PATH') ?? 'helm';
    return new Promise((resolve) => {
        (0,external_node_child_process_.execFile)(bin, ['version', '--short'], { timeout: 30_000 }, (error, stdout) => {
            if (error) {
                const missing = error.code === 'ENOENT';
                resolve({
                    check: 'helm client',
                    result: 'fail',
                    detail: missing ? `${bin} is not on PATH` : `${bin} version failed: ${error.message.split('\n')[0]}`,
                    fix: 'install helm 3 on the runner (GitHub-hosted runners have it; self-hosted: azure/setup-helm), or set HELM_CLIENT_PATH',
                });
            }
            else
                resolve({ check: 'helm client', result: 'pass', detail: stdout.trim() });
        });
    });
}

// EXTERNAL MODULE: ./actions/arc-connect/src/inputs.ts + 2 modules
var src_inputs = __webpack_require__(43994);
;// CONCATENATED MODULE: ./actions/arc-connect/src/cluster-facts.ts
const code = (e) => e?.code;
/** Reads version, access, service network, nodes and existing Arc agents. Throws when /version fails (unreachable). */
async function readClusterFacts(kc) {
    const k8s = await __webpack_require__.e(/* import() */ 433).then(__webpack_require__.bind(__webpack_require__, 14433));
    const version = await kc.makeApiClient(k8s.VersionApi).getCode();
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const [review, service, nodes, config, cidr] = await Promise.all([
        kc
            .makeApiClient(k8s.AuthorizationV1Api)
            .createSelfSubjectAccessReview({
            body: {
                apiVersion: 'authorization.k8s.io/v1',
                kind: 'SelfSubjectAccessReview',
                spec: { resourceAttributes: { verb: '*', group: '*', resource: '*' } },
            },
        })
            .catch((e) => ({ status: { allowed: false, reason: `the access review failed (HTTP ${code(e) ?? '?'})` } })),
        core.readNamespacedService({ name: 'kubernetes', namespace: 'default' }).catch(() => undefined),
        core.listNode().catch(() => ({ items: [] })),
        core.readNamespacedConfigMap({ name: 'azure-clusterconfig', namespace: 'azure-arc' }).catch((e) => {
            if (code(e) === 404)
                return undefined;
            throw e;
        }),
        kc
            .makeApiClient(k8s.NetworkingV1Api)
            .readServiceCIDR({ name: 'kubernetes' })
            .catch(() => undefined),
    ]);
    const serviceIp = service?.spec?.clusterIP && service.spec.clusterIP !== 'None' ? service.spec.clusterIP : undefined;
    const fromApi = cidr?.spec?.cidrs?.find((c) => !c.includes(':'));
    const derived = serviceIp && /^\d+\.\d+\.\d+\.\d+$/.test(serviceIp) ? `${serviceIp.split('.').slice(0, 3).join('.')}.0/24` : undefined;
    return {
        server: kc.getCurrentCluster()?.server ?? '',
        gitVersion: version.gitVersion,
        major: Number(version.major.replace(/\D/g, '')),
        minor: Number(version.minor.replace(/\D/g, '')),
        clusterAdmin: review.status?.allowed === true,
        adminReason: review.status?.reason,
        serviceIp,
        serviceCidr: fromApi ?? derived,
        serviceCidrSource: fromApi ? 'ServiceCIDR' : derived ? 'derived /24' : 'unknown',
        nodes: nodes.items.map((n) => ({
            name: n.metadata?.name ?? '',
            labels: n.metadata?.labels ?? {},
            providerId: n.spec?.providerID,
            os: n.status?.nodeInfo?.operatingSystem,
            arch: n.status?.nodeInfo?.architecture,
            kubeletVersion: n.status?.nodeInfo?.kubeletVersion,
        })),
        agentConfig: config ? (config.data ?? {}) : undefined,
    };
}
/** Distribution and infrastructure from node labels, provider ids and the version string (az's heuristics, extended). */
function detectPlatform(facts) {
    const labels = facts.nodes.flatMap((n) => Object.keys(n.labels));
    const has = (prefix) => labels.some((l) => l.startsWith(prefix));
    const providers = facts.nodes.map((n) => n.providerId ?? '');
    const provider = (scheme) => providers.some((p) => p.startsWith(scheme));
    const v = facts.gitVersion;
    let distribution = 'generic';
    if (has('kubernetes.azure.com/'))
        distribution = 'aks';
    else if (has('eks.amazonaws.com/') || /-eks-/.test(v))
        distribution = 'eks';
    else if (has('cloud.google.com/gke') || /-gke\./.test(v))
        distribution = 'gke';
    else if (has('node.openshift.io/') || (has('node-role.kubernetes.io/master') && /openshift/i.test(v)))
        distribution = 'openshift';
    else if (/\+k3s/.test(v) || has('k3s.io/'))
        distribution = 'k3s';
    else if (/\+rke2/.test(v))
        distribution = 'rke2';
    else if (has('microk8s.io/'))
        distribution = 'microk8s';
    else if (provider('kind://'))
        distribution = 'kind';
    else if (has('minikube.k8s.io/'))
        distribution = 'minikube';
    let infrastructure = 'generic';
    if (provider('azure://'))
        infrastructure = 'azure';
    else if (provider('aws://'))
        infrastructure = 'aws';
    else if (provider('gce://'))
        infrastructure = 'gcp';
    else if (provider('vsphere://'))
        infrastructure = 'vsphere';
    return { distribution, infrastructure };
}
// ---- proxy-skip-range
const ipToInt = (ip) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
function cidrContains(cidr, ip) {
    const [base, bits] = cidr.split('/');
    if (!/^\d+\.\d+\.\d+\.\d+$/.test(base) || !/^\d+\.\d+\.\d+\.\d+$/.test(ip))
        return false;
    const n = Number(bits ?? 32);
    if (!(n >= 0 && n <= 32))
        return false;
    const mask = n === 0 ? 0 : (0xffffffff << (32 - n)) >>> 0;
    return (ipToInt(base) & mask) >>> 0 === (ipToInt(ip) & mask) >>> 0;
}
/** Whether a skip-range entry covers a whole CIDR (the CIDR itself or a wider one containing it). */
function coversCidr(entry, cidr) {
    const [base, bits] = cidr.split('/');
    const [eBase, eBits] = entry.split('/');
    if (eBits === undefined)
        return false;
    return Number(eBits) <= Number(bits) && cidrContains(`${eBase}/${eBits}`, base);
}
/** The in-cluster names the agents must reach without the proxy. */
const REQUIRED_SKIP_NAMES = ['kubernetes.default.svc', '.svc.cluster.local', '.svc'];
/** What `proxy-skip-range` lacks for the agents to reach the API server and in-cluster services directly. */
function missingSkipEntries(skipRange, serviceCidr) {
    const entries = skipRange.map((e) => e.trim().toLowerCase());
    const missing = [];
    if (serviceCidr && !entries.some((e) => coversCidr(e, serviceCidr)))
        missing.push(serviceCidr);
    for (const name of REQUIRED_SKIP_NAMES)
        if (!entries.includes(name))
            missing.push(name);
    return missing;
}

// EXTERNAL MODULE: ./packages/report/src/index.ts + 13 modules
var report_src = __webpack_require__(6662);
;// CONCATENATED MODULE: ./actions/arc-connect/src/summary.ts


/** One change as the log shows it: `update connectedCluster edge (tags.env)`. */
const describeChange = (c) => `${c.kind} ${c.resourceType} ${c.name}${c.fields.length ? ` (${c.fields.map((f) => f.path).join(', ')})` : ''}`;
const safe = (v) => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 40)}…` : v);
/** The changes as the `plan` output carries them (long values shortened). */
const changesView = (changes) => changes.map((c) => ({
    kind: c.kind,
    resourceType: c.resourceType,
    resourceId: c.resourceId,
    name: c.name,
    fields: c.fields.map((x) => ({ path: x.path, before: safe(x.before), after: safe(x.after) })),
}));
const ICON = { pass: '✅', fail: '❌', warn: '⚠️', skipped: '⏭️' };
function renderSummary(r) {
    const parts = [`## arc-connect: ${r.clusterId.split('/').pop()} — ${r.result}${r.dryRun ? ' (dry run)' : ''}`, ''];
    if (r.failure)
        parts.push(`> ${r.failure}`, '');
    parts.push('### Pre-flight', '', (0,report_src/* table */.tp)(['Check', 'Result', 'Detail', 'How to fix'], r.checks.map((c) => [c.check, `${ICON[c.result]} ${c.result}`, c.detail, c.fix ?? ''])));
    if (r.allowlist)
        parts.push(allowlistMarkdown(r.allowlist));
    if (r.changes.length) {
        parts.push('### Changes', '', (0,report_src/* table */.tp)(['Resource', 'Name', 'Plan', 'Applied', 'Fields'], r.changes.map((c) => [
            c.resourceType,
            c.name,
            c.kind,
            c.kind === 'unchanged' ? '—' : c.applied ? 'yes' : r.dryRun ? 'dry run' : 'no',
            c.fields.map((x) => x.path).join(', '),
        ])));
    }
    if (r.connectivityStatus)
        parts.push(`Connectivity: **${r.connectivityStatus}**${r.agentVersion ? `, agents ${r.agentVersion}` : ''}.`, '');
    parts.push((0,report_src/* details */.zH)('Plan (JSON)', '```json\n' + JSON.stringify(r.plan, null, 2) + '\n```'));
    return parts.join('\n');
}

;// CONCATENATED MODULE: ./actions/arc-connect/src/plan.ts







/** The connectedCluster's change: create, re-onboard with a new key, tags, or nothing. */
function clusterChangeOf(ref, armCluster, reonboard, tagFields, platform, distribution) {
    const base = { resourceType: 'connectedCluster', resourceId: ref.id, name: ref.name };
    const change = !armCluster
        ? {
            ...base,
            kind: 'create',
            fields: [
                { path: 'distribution', before: undefined, after: platform.distribution },
                { path: 'infrastructure', before: undefined, after: platform.infrastructure },
                ...tagFields,
            ],
        }
        : reonboard
            ? {
                ...base,
                kind: 'update',
                fields: [{ path: 'agentPublicKeyCertificate', before: '(never used)', after: '(new key)' }, ...tagFields],
            }
            : { ...base, kind: tagFields.length ? 'update' : 'unchanged', fields: tagFields };
    if (distribution && armCluster?.distribution && armCluster.distribution !== distribution && change.kind !== 'create') {
        change.kind = 'update';
        change.fields.push({ path: 'distribution', before: armCluster.distribution, after: distribution });
    }
    return change;
}
/** Desired against actual for providers, resource group, cluster, agents, extensions and roles; pushes onto `changes`. */
async function planConnect(inputs, deps, azure, pre, helm, changes, plan) {
    const { identity, cluster, proxy } = inputs;
    const { arm, ref } = azure;
    const { facts, armCluster } = pre;
    const states = pre.providerStates;
    const toRegister = Object.entries(states)
        .filter(([, s]) => s !== 'Registered')
        .map(([ns]) => ns);
    for (const ns of toRegister)
        changes.push({
            kind: 'update',
            resourceType: 'provider',
            resourceId: `/subscriptions/${ref.subscriptionId}/providers/${ns}`,
            name: ns,
            fields: [{ path: 'registrationState', before: states[ns], after: 'Registered' }],
        });
    const rgExists = await (0,src/* resourceGroupExists */.sZ)(arm, ref.subscriptionId, ref.resourceGroup);
    if (!rgExists) {
        if (!inputs.createResourceGroup)
            throw new Error(`The resource group ${cluster.resourceGroup} does not exist and "create-resource-group" is false; create it or set create-resource-group: true.`);
        changes.push({
            kind: 'create',
            resourceType: 'resourceGroup',
            resourceId: `/subscriptions/${ref.subscriptionId}/resourceGroups/${cluster.resourceGroup}`,
            name: cluster.resourceGroup,
            fields: [{ path: 'location', before: undefined, after: cluster.location }],
        });
    }
    const detected = detectPlatform(facts);
    const platform = {
        distribution: cluster.distribution ?? detected.distribution,
        infrastructure: cluster.infrastructure ?? detected.infrastructure,
    };
    const agentsOurs = !!facts.agentConfig;
    const reonboard = !armCluster || !agentsOurs;
    const actualTags = armCluster?.tags ?? {};
    const extensionContext = {
        arm,
        installer: new src/* ExtensionInstaller */.C$(arm, new core_src/* RetryBudget */.HD(20), { timeoutMs: inputs.onboardingTimeoutMs, pollMs: deps.pollMs }),
        environment: identity.environment,
        cluster: { ...ref, location: cluster.location },
        clusterTags: actualTags,
    };
    const extensions = await planExtensions(extensionContext, inputs.extensions);
    const desiredTags = { ...cluster.tags, ...fingerprintTags(ref.id, extensions) };
    const tagFields = Object.entries(desiredTags)
        .filter(([k, v]) => actualTags[k] !== v)
        .map(([k, v]) => ({ path: `tags.${k}`, before: actualTags[k], after: v }));
    const clusterChange = clusterChangeOf(ref, armCluster, reonboard, tagFields, platform, cluster.distribution);
    changes.push(clusterChange);
    // helm: compare the release's values with the desired ones (reusing the installed key, as az re-uses it). The
    // release is looked for in every namespace, as az does (older onboardings installed it elsewhere).
    const release = await helm.findRelease();
    if (release && !facts.agentConfig)
        throw new Error(`The helm release azure-arc is present in namespace ${release.namespace} but the azure-arc namespace or its azure-clusterconfig ConfigMap is missing; run helm delete azure-arc --namespace ${release.namespace} --no-hooks and connect again.`);
    const releaseNamespace = release?.namespace ?? RELEASE_NAMESPACE;
    const installed = agentsOurs && release ? await helm.getValues(release.namespace) : undefined;
    const installedKey = typeof installed?.global?.onboardingPrivateKey === 'string' ? installed.global.onboardingPrivateKey : undefined;
    const keys = reonboard || !installedKey ? generateAgentKeys() : undefined;
    const values = agentValues(inputs, platform, keys?.privateKey ?? installedKey, proxy.skipRange.join(','), {
        endpoints: identity.environment.custom ? pre.endpoints : undefined,
        customLocationsOid: pre.customLocationsOid,
    });
    const helmFields = installed ? diffValues(installed, values) : [{ path: 'release', before: undefined, after: 'azure-arc' }];
    const helmChange = {
        kind: !installed ? 'create' : helmFields.length ? 'update' : 'unchanged',
        resourceType: 'helmRelease',
        resourceId: `${releaseNamespace}/azure-arc`,
        name: 'azure-arc (Arc agents)',
        fields: helmFields,
    };
    changes.push(helmChange);
    const roles = await planRoles(arm, ref, inputs.roleAssignments, !!armCluster);
    changes.push(...extensions.flatMap((e) => [...(e.monitoring?.changes ?? []), e.change]), ...roles.map((r) => r.change));
    Object.assign(plan, { platform, changes: changesView(changes) });
    core_src/* log */.Rm.info(`Plan for ${ref.id}: ${changes
        .filter((c) => c.kind !== 'unchanged')
        .map(describeChange)
        .join('; ') || 'nothing to change'}.`);
    return {
        states,
        toRegister,
        rgExists,
        platform,
        reonboard,
        actualTags,
        desiredTags,
        clusterChange,
        helm,
        releaseNamespace,
        keys,
        values,
        helmChange,
        extensionContext,
        extensions,
        roles,
    };
}

;// CONCATENATED MODULE: ./actions/arc-connect/src/endpoints.ts
/** The Arc endpoints live in the Azure domain layer (packages/azure/src/arc-network), shared with arc-verify. */


// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
;// CONCATENATED MODULE: ./actions/arc-connect/src/tunnel.ts



/** A failure of one probe step: `step` says where it broke (proxy, connect, tls, http, upgrade). */
class ProbeError extends Error {
    step;
    constructor(step, message) {
        super(message);
        this.step = step;
    }
}
const trust = (extra = []) => [...external_node_tls_.getCACertificates('default'), ...extra];
function hostPort(url) {
    return { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)) };
}
function withTimeout(promise, ms, what, onTimeout) {
    let timer;
    return Promise.race([
        promise,
        new Promise((_, reject) => {
            timer = setTimeout(() => {
                onTimeout();
                reject(new ProbeError('timeout', `${what} did not answer within ${Math.round(ms / 1000)} s`));
            }, ms);
        }),
    ]).finally(() => clearTimeout(timer));
}
/** Reads one HTTP/1.1 response head (and, unless `headOnly`, a Content-Length / close-delimited body). */
function readResponse(socket, headOnly) {
    return new Promise((resolve, reject) => {
        let buffer = Buffer.alloc(0);
        let head;
        let bodyStart = 0;
        const finish = (answer) => {
            cleanup();
            resolve(answer);
        };
        const onData = (chunk) => {
            buffer = Buffer.concat([buffer, chunk]);
            if (!head) {
                const end = buffer.indexOf('\r\n\r\n');
                if (end < 0)
                    return;
                const lines = buffer.subarray(0, end).toString('latin1').split('\r\n');
                const m = /^HTTP\/1\.[01] (\d{3}) ?(.*)$/.exec(lines[0]);
                if (!m)
                    return fail(new ProbeError('http', `the answer is not HTTP (${JSON.stringify(lines[0].slice(0, 60))})`));
                const headers = {};
                for (const line of lines.slice(1)) {
                    const i = line.indexOf(':');
                    if (i > 0)
                        headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
                }
                head = { status: Number(m[1]), statusText: m[2], headers };
                bodyStart = end + 4;
            }
            const body = buffer.subarray(bodyStart);
            if (headOnly || head.status === 101 || head.status === 204 || head.status === 304)
                return finish({ ...head, body: Buffer.alloc(0) });
            const length = head.headers['content-length'];
            if (length !== undefined && body.length >= Number(length))
                return finish({ ...head, body: body.subarray(0, Number(length)) });
            if (head.headers['transfer-encoding']?.includes('chunked')) {
                const decoded = dechunk(body);
                if (decoded)
                    return finish({ ...head, body: decoded });
            }
        };
        const onEnd = () => {
            if (head)
                finish({ ...head, body: buffer.subarray(bodyStart) });
            else
                fail(new ProbeError('closed', 'the connection was closed before any HTTP answer'));
        };
        const onError = (error) => fail(new ProbeError('closed', `the connection failed (${error.code ?? error.message})`));
        const fail = (error) => {
            cleanup();
            reject(error);
        };
        const cleanup = () => {
            socket.off('data', onData);
            socket.off('end', onEnd);
            socket.off('close', onEnd);
            socket.off('error', onError);
        };
        socket.on('data', onData);
        socket.on('end', onEnd);
        socket.on('close', onEnd);
        socket.on('error', onError);
    });
}
function dechunk(data) {
    const parts = [];
    let at = 0;
    for (;;) {
        const eol = data.indexOf('\r\n', at);
        if (eol < 0)
            return undefined;
        const size = parseInt(data.subarray(at, eol).toString('latin1'), 16);
        if (Number.isNaN(size))
            return undefined;
        if (size === 0)
            return Buffer.concat(parts);
        if (data.length < eol + 2 + size + 2)
            return undefined;
        parts.push(data.subarray(eol + 2, eol + 2 + size));
        at = eol + 2 + size + 2;
    }
}
function connectTcp(host, port) {
    return new Promise((resolve, reject) => {
        const socket = external_node_net_.connect({ host, port });
        socket.once('connect', () => resolve(socket));
        socket.once('error', (e) => reject(new ProbeError('connect', `${host}:${port} cannot be reached (${e.code ?? e.message})`)));
    });
}
function startTls(socket, host, port, ca, what) {
    return new Promise((resolve, reject) => {
        const secure = external_node_tls_.connect({
            socket,
            host: socket ? undefined : host,
            port: socket ? undefined : port,
            servername: external_node_net_.isIP(host) ? undefined : host,
            ca,
            ALPNProtocols: ['http/1.1'],
        });
        secure.once('secureConnect', () => resolve(secure));
        secure.once('error', (e) => {
            const code = e.code ?? '';
            const hint = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME/.test(code)
                ? what === 'target'
                    ? ' (the certificate is not trusted: a TLS-inspecting proxy needs its CA certificate in "proxy-cert")'
                    : " (the proxy's own certificate is not trusted)"
                : '';
            reject(new ProbeError('tls', `TLS to ${host}:${port} failed: ${code || e.message}${hint}`));
        });
    });
}
/** Opens a TLS connection to `target`, directly or through the proxy's CONNECT tunnel. */
async function openTls(target, options) {
    const { host, port } = hostPort(target);
    const ca = trust(options.ca);
    if (!options.proxy)
        return startTls(undefined, host, port, ca, 'target');
    const proxy = new URL(options.proxy);
    const p = hostPort(proxy);
    let socket = await connectTcp(p.host, p.port).catch((e) => {
        throw new ProbeError('proxy-connect', `the proxy ${p.host}:${p.port} cannot be reached (${e.message})`);
    });
    if (proxy.protocol === 'https:')
        socket = await startTls(socket, p.host, p.port, ca, 'proxy');
    const authority = `${external_node_net_.isIPv6(host) ? `[${host}]` : host}:${port}`;
    const lines = [`CONNECT ${authority} HTTP/1.1`, `Host: ${authority}`];
    if (proxy.username) {
        const user = decodeURIComponent(proxy.username);
        const pass = decodeURIComponent(proxy.password);
        lines.push(`Proxy-Authorization: Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`);
    }
    socket.write(lines.join('\r\n') + '\r\n\r\n');
    const answer = await readResponse(socket, true);
    if (answer.status === 407) {
        socket.destroy();
        throw new ProbeError('proxy-auth', `the proxy asked for credentials (407 ${answer.statusText})${proxy.username ? ' and refused the ones in "proxy-https"' : '; put them in "proxy-https" as http://user:password@host:port'}`);
    }
    if (answer.status !== 200) {
        socket.destroy();
        throw new ProbeError('proxy-refused', `the proxy refused to open a tunnel to ${authority} (${answer.status} ${answer.statusText})`);
    }
    return startTls(socket, host, port, ca, 'target');
}
/** One HTTPS request (Connection: close), directly or through the proxy. */
async function httpsRequest(url, options = {}) {
    const target = new URL(url);
    const timeout = options.timeoutMs ?? 15_000;
    let socket;
    return withTimeout((async () => {
        socket = await openTls(target, options);
        const headers = {
            Host: target.host,
            Connection: 'close',
            'User-Agent': 'arc-actions/arc-connect',
            Accept: 'application/json',
            ...options.headers,
        };
        if (options.body !== undefined)
            headers['Content-Length'] = String(Buffer.byteLength(options.body));
        socket.write(`${options.method ?? 'GET'} ${target.pathname}${target.search} HTTP/1.1\r\n${Object.entries(headers)
            .map(([k, v]) => `${k}: ${v}`)
            .join('\r\n')}\r\n\r\n${options.body ?? ''}`);
        try {
            return await readResponse(socket, false);
        }
        finally {
            socket.destroy();
        }
    })(), timeout, `${target.host}`, () => socket?.destroy());
}
const attempt = (answer) => ({
    answered: true,
    status: answer.status,
    statusText: answer.statusText,
    body: answer.body.subarray(0, 512).toString('utf8'),
    detail: `HTTP ${answer.status} ${answer.statusText}`.trim(),
});
/**
 * Probes a relay endpoint twice on the same URL (`wss://host/$hc/<path>?sb-hc-action=connect`): once as a plain HTTPS
 * GET (does the host answer at all?) and once as a websocket upgrade (how is the upgrade answered?). Never throws.
 */
async function probeRelay(url, options = {}) {
    const https = url.replace(/^wss:/, 'https:');
    const plain = await httpsRequest(https, options).then(attempt, (error) => ({ answered: false, detail: error.message }));
    const upgrade = await upgradeRequest(https, options);
    return { plain, upgrade };
}
/** Sends an HTTP/1.1 websocket upgrade to `url` and reports the answer (101 must carry the right Sec-WebSocket-Accept). */
async function upgradeRequest(url, options = {}) {
    const target = new URL(url.replace(/^wss:/, 'https:'));
    const key = (0,external_node_crypto_.randomBytes)(16).toString('base64');
    const expected = (0,external_node_crypto_.createHash)('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    let socket;
    try {
        return await withTimeout((async () => {
            socket = await openTls(target, options);
            socket.write([
                `GET ${target.pathname}${target.search} HTTP/1.1`,
                `Host: ${target.host}`,
                'Upgrade: websocket',
                'Connection: Upgrade',
                `Sec-WebSocket-Key: ${key}`,
                'Sec-WebSocket-Version: 13',
                'User-Agent: arc-actions/arc-connect',
            ].join('\r\n') + '\r\n\r\n');
            let answer;
            try {
                answer = await readResponse(socket, false);
            }
            catch (error) {
                return { answered: false, detail: error.message };
            }
            if (answer.status === 101 && answer.headers['sec-websocket-accept'] !== expected)
                return {
                    ...attempt(answer),
                    detail: 'a 101 answer with a wrong Sec-WebSocket-Accept (something in the path rewrote the upgrade)',
                };
            return attempt(answer);
        })(), options.timeoutMs ?? 15_000, `the websocket upgrade to ${target.host}`, () => socket?.destroy());
    }
    catch (error) {
        return { answered: false, detail: error.message };
    }
    finally {
        socket?.destroy();
    }
}

;// CONCATENATED MODULE: ./actions/arc-connect/src/preflight.ts






const REQUIRED_PROVIDERS = ['Microsoft.Kubernetes', 'Microsoft.KubernetesConfiguration', 'Microsoft.ExtendedLocation'];
/** Container Insights also writes a workspace, a data collection rule and its association (legacy: a solution). */
const MONITORING_PROVIDERS = ['Microsoft.OperationalInsights', 'Microsoft.Insights'];
const MIN_KUBERNETES = { major: 1, minor: 28 };
function providerRows(states, register) {
    return Object.keys(states).map((ns) => {
        const state = states[ns] ?? 'NotRegistered';
        if (state === 'Registered')
            return { check: `provider ${ns}`, result: 'pass', detail: 'Registered' };
        if (register)
            return { check: `provider ${ns}`, result: 'warn', detail: `${state}; arc-connect registers it after the other checks pass` };
        return {
            check: `provider ${ns}`,
            result: 'fail',
            detail: `${state} and "register-providers" is false`,
            fix: `az provider register --namespace ${ns} --wait (or set register-providers: true)`,
        };
    });
}
/** Version, cluster-admin, and the proxy skip range (when a proxy is set), from facts already read. */
function clusterRows(facts, proxy) {
    const rows = [
        { check: 'cluster reachable', result: 'pass', detail: `${facts.server} answered /version (${facts.gitVersion})` },
    ];
    const supported = facts.major > MIN_KUBERNETES.major || (facts.major === MIN_KUBERNETES.major && facts.minor >= MIN_KUBERNETES.minor);
    rows.push(supported
        ? {
            check: 'Kubernetes version',
            result: 'pass',
            detail: `${facts.major}.${facts.minor} (≥ ${MIN_KUBERNETES.major}.${MIN_KUBERNETES.minor})`,
        }
        : {
            check: 'Kubernetes version',
            result: 'fail',
            detail: `${facts.gitVersion} is older than ${MIN_KUBERNETES.major}.${MIN_KUBERNETES.minor}, the oldest version Arc supports`,
            fix: `upgrade the cluster to Kubernetes ${MIN_KUBERNETES.major}.${MIN_KUBERNETES.minor} or newer`,
        });
    rows.push(facts.clusterAdmin
        ? {
            check: 'cluster-admin',
            result: 'pass',
            detail: 'SelfSubjectAccessReview allows * on * (the agents install cluster-wide RBAC and CRDs)',
        }
        : {
            check: 'cluster-admin',
            result: 'fail',
            detail: `SelfSubjectAccessReview denies * on *${facts.adminReason ? ` (${facts.adminReason})` : ''}`,
            fix: 'use a kubeconfig whose user is bound to the cluster-admin ClusterRole',
        });
    if (facts.nodes.length > 0 && !facts.nodes.some((n) => (n.os ?? 'linux') === 'linux')) {
        rows.push({
            check: 'Linux nodes',
            result: 'fail',
            detail: 'no Linux node: the agents only run on Linux',
            fix: 'add a Linux node pool',
        });
    }
    if (proxy.https || proxy.http) {
        const missing = missingSkipEntries(proxy.skipRange, facts.serviceCidr);
        const cidrNote = facts.serviceCidr
            ? `service CIDR ${facts.serviceCidr} (${facts.serviceCidrSource}${facts.serviceIp ? ` from ClusterIP ${facts.serviceIp}` : ''})`
            : 'service CIDR unknown';
        rows.push(missing.length === 0
            ? { check: 'proxy-skip-range', result: 'pass', detail: `covers the ${cidrNote} and the in-cluster names` }
            : {
                check: 'proxy-skip-range',
                result: 'fail',
                detail: `lacks ${missing.join(', ')}: the agents would send in-cluster traffic (${cidrNote}) to the proxy`,
                fix: `add ${missing.join(', ')} to "proxy-skip-range"`,
            });
    }
    return rows;
}
/**
 * Egress as the agents need it, through the configured proxy:
 *
 * - the relay allowlist from the guest notification service (`GET /urls/allowlist?api-version=2020-01-01&location=`,
 *   Microsoft Learn "Azure Arc-enabled Kubernetes network requirements"): a JSON array of relay host names;
 * - HTTPS to the config data plane;
 * - HTTPS to the region's other required hosts (packages/azure arc-network `requiredHosts`, the list the in-cluster
 *   probe and the allowlist file use), when the environment is given;
 * - each relay: any HTTP answer proves it is reachable. Azure Relay never accepts an unauthenticated websocket
 *   (relay-hybrid-connections-protocol: 401 without a token, 404 for an unknown path), so the upgrade probe sends a
 *   sender's handshake without a token and looks at how it is refused: 401/404 (or 101) means the upgrade reached the
 *   relay; "400 This endpoint is only for web-socket requests" (Azure Relay's answer to a request that is not a
 *   websocket upgrade) or the same answer as a plain request means something in between removed the upgrade; a
 *   connection closed without an answer while plain HTTPS works means something drops upgrades. Anything else cannot
 *   be told apart from a relay answer: a warning with the fix, never a failure.
 */
async function egressRows(endpoints, location, proxy, trust = [], environment) {
    const options = { proxy: proxy.https ?? proxy.http, ca: [...trust, ...(proxy.cert ? [proxy.cert] : [])] };
    const via = proxy.display.https ?? proxy.display.http;
    const how = via ? ` through proxy ${via}` : ' (direct)';
    const rows = [];
    let relays = [];
    const url = (0,src/* allowlistUrl */.b6)(endpoints.guestNotificationService, location);
    try {
        const answer = await httpsRequest(url, options);
        if (answer.status !== 200)
            throw new Error(`HTTP ${answer.status} ${answer.statusText}`);
        let body;
        try {
            body = JSON.parse(answer.body.toString('utf8'));
        }
        catch {
            throw new Error('the answer is not JSON');
        }
        relays = (0,src/* parseAllowlist */.JK)(body);
        rows.push(relays.length
            ? {
                check: 'relay allowlist',
                result: 'pass',
                detail: `${relays.length} relay endpoint(s) for ${location}${how}: ${relays.join(', ')}`,
            }
            : {
                check: 'relay allowlist',
                result: 'warn',
                detail: `the guest notification service listed no relay endpoint for ${location}; the relay checks are skipped`,
            });
    }
    catch (error) {
        rows.push({
            check: 'relay allowlist',
            result: 'fail',
            detail: `GET ${new URL(url).origin}${new URL(url).pathname} failed${how}: ${(0,core_src/* errorMessage */.gJ)(error)}`,
            fix: `allow HTTPS to ${new URL(endpoints.guestNotificationService).host}${via ? ' in the proxy' : ''}`,
        });
    }
    try {
        const answer = await httpsRequest(`${endpoints.dataPlane}/`, options);
        rows.push({
            check: 'HTTPS to the config data plane',
            result: 'pass',
            detail: `${new URL(endpoints.dataPlane).host} answered (HTTP ${answer.status})${how}`,
        });
    }
    catch (error) {
        rows.push({
            check: 'HTTPS to the config data plane',
            result: 'fail',
            detail: `${new URL(endpoints.dataPlane).host}${how}: ${(0,core_src/* errorMessage */.gJ)(error)}`,
            fix: `allow HTTPS to ${new URL(endpoints.dataPlane).host}`,
        });
    }
    if (environment)
        rows.push(...(await requiredHostRows(environment, endpoints, location, options, how, via)));
    if (relays.length) {
        const results = await Promise.all(relays.map(async (r) => ({ relay: r, probe: await probeRelay((0,src/* relayUrl */.x$)(r), options) })));
        rows.push(...(0,src/* relayRows */.pz)(results, how, via));
    }
    return { rows, relays };
}
/** One row for the required hosts not probed above (the data plane and the guest notification service have their own). */
async function requiredHostRows(environment, endpoints, location, options, how, via) {
    const own = new Set([new URL(endpoints.dataPlane).host, new URL(endpoints.guestNotificationService).host]);
    const hosts = (0,src/* probeableHosts */.IP)((0,src/* requiredHosts */.PO)(environment, location, endpoints, []))
        .map((h) => (h.port === 443 ? h.host : `${h.host}:${h.port}`))
        .filter((h) => !own.has(h));
    if (!hosts.length)
        return [];
    const results = await Promise.all(hosts.map(async (host) => ({
        host,
        error: await httpsRequest(`https://${host}/`, options).then(() => undefined, (e) => (0,core_src/* errorMessage */.gJ)(e)),
    })));
    const failing = results.filter((r) => r.error);
    return [
        failing.length
            ? {
                check: 'HTTPS to the Arc endpoints',
                result: 'fail',
                detail: `${failing.map((r) => `${r.host}: ${r.error}`).join('; ')}${how}`,
                fix: `allow HTTPS to ${failing.map((r) => r.host).join(', ')}${via ? ` in the proxy ${via}` : ''} (Microsoft Learn, Azure Arc-enabled Kubernetes network requirements)`,
            }
            : { check: 'HTTPS to the Arc endpoints', result: 'pass', detail: `${hosts.join(', ')} answered${how}` },
    ];
}
const failed = (rows) => rows.filter((r) => r.result === 'fail');

;// CONCATENATED MODULE: ./actions/arc-connect/src/preflight-checks.ts









/** The resource providers the run needs: Arc's, and Monitoring's when Container Insights is requested. */
function providerNamespaces(inputs) {
    const monitoring = inputs.extensions.filter((e) => e.monitoring);
    return [
        ...REQUIRED_PROVIDERS,
        ...(monitoring.length ? MONITORING_PROVIDERS : []),
        ...(monitoring.some((e) => !e.monitoring.useAADAuth) ? ['Microsoft.OperationsManagement'] : []),
    ];
}
/** Whether the cluster already runs agents of another resource, or the resource belongs to another cluster. */
function agentsRow(facts, armCluster, ref) {
    const owner = facts.agentConfig ? ownerOf(facts.agentConfig) : undefined;
    if (facts.agentConfig && owner && owner.toLowerCase() !== ref.key)
        return {
            check: 'existing Arc agents',
            result: 'fail',
            detail: `the cluster already runs Arc agents connected to ${owner}`,
            fix: `disconnect it first (az connectedk8s delete --ids ${owner}) or use cluster-name ${facts.agentConfig.AZURE_RESOURCE_NAME} and resource-group ${facts.agentConfig.AZURE_RESOURCE_GROUP}`,
        };
    if (!facts.agentConfig && armCluster?.lastConnectivityTime)
        return {
            check: 'existing Arc agents',
            result: 'fail',
            detail: `${ref.id} exists and was connected (last at ${armCluster.lastConnectivityTime.toISOString()}) but this cluster runs no Arc agents: the resource belongs to a different Kubernetes cluster`,
            fix: 'choose another cluster-name, or delete the resource if that cluster is gone',
        };
    return {
        check: 'existing Arc agents',
        result: 'pass',
        detail: facts.agentConfig ? `already connected to ${ref.id}` : 'none (new onboarding)',
    };
}
/** Every pre-flight check, pushed onto `checks`; nothing is written. */
async function runPreflight(inputs, deps, azure, checks) {
    const { identity, cluster, access, proxy } = inputs;
    let endpoints = deps.endpoints;
    if (!endpoints) {
        try {
            endpoints = (0,src/* arcEndpoints */.ZB)(identity.environment, cluster.location, deps.rawEnvironment ?? (0,core_src/* readEnv */.$$)('INPUT_ENVIRONMENT'));
        }
        catch (error) {
            checks.push({
                check: 'Arc endpoints',
                result: 'fail',
                detail: (0,core_src/* errorMessage */.gJ)(error),
                fix: 'add arcDataPlane and guestNotificationService to the environment JSON',
            });
        }
    }
    const kc = await (0,kube_src/* loadKubeConfig */.u3)({ kubeconfig: access.kubeconfig, context: access.kubeContext });
    const [providerStates, facts, armCluster, egress] = await Promise.all([
        (0,src/* readProviderStates */.uT)(azure.arm, azure.ref.subscriptionId, providerNamespaces(inputs)).catch((e) => e),
        readClusterFacts(kc).catch((e) => e),
        azure.clusters.connected(azure.ref).catch((e) => e),
        endpoints
            ? egressRows(endpoints, cluster.location, proxy, deps.trust, identity.environment)
            : Promise.resolve({ rows: [], relays: [] }),
    ]);
    if (providerStates instanceof Error)
        checks.push({
            check: 'resource providers',
            result: 'fail',
            detail: `could not be read: ${(0,core_src/* errorMessage */.gJ)(providerStates)}`,
            fix: 'give the identity Reader on the subscription',
        });
    else
        checks.push(...providerRows(providerStates, inputs.registerProviders));
    if (armCluster instanceof Error)
        throw armCluster;
    if (facts instanceof Error) {
        checks.push({
            check: 'cluster reachable',
            result: 'fail',
            detail: `${kc.getCurrentCluster()?.server} did not answer /version: ${(0,core_src/* errorMessage */.gJ)(facts).split('\n')[0]}`,
            fix: 'run the job on a runner that can reach the API server, and check the kubeconfig',
        });
    }
    else {
        checks.push(...clusterRows(facts, proxy), agentsRow(facts, armCluster, azure.ref));
    }
    checks.push(...egress.rows);
    if (inputs.egress.probe === 'in-cluster')
        checks.push(...(facts instanceof Error
            ? [
                {
                    check: 'in-cluster: egress probe',
                    result: 'skipped',
                    detail: 'the cluster did not answer, so no probe Job could run',
                },
            ]
            : await inClusterRows(inputs, kc, endpoints, egress.relays, deps.trust)));
    checks.push(await helmClientCheck(deps.helmBinary));
    // Custom locations (az connectedk8s check_cl_registration_and_get_oid): enabled when Microsoft.ExtendedLocation
    // is registered (or registered by this run) and the Custom Locations RP's object id is known. az looks the id up in
    // Microsoft Graph; here it is an input, because a CI identity usually may not read service principals.
    const extendedLocation = !(providerStates instanceof Error) && (providerStates['Microsoft.ExtendedLocation'] === 'Registered' || inputs.registerProviders);
    if (extendedLocation && !inputs.customLocationsOid)
        checks.push({
            check: 'custom locations',
            result: 'warn',
            detail: 'not enabled: the object id of the Custom Locations RP service principal is not known',
            fix: 'set custom-locations-oid to the output of: az ad sp show --id bc313c14-388c-4e7d-a58e-70017303ee3b --query id -o tsv',
        });
    const blocking = failed(checks);
    return {
        kc,
        endpoints,
        providerStates: providerStates,
        facts: facts,
        armCluster,
        customLocationsOid: extendedLocation ? inputs.customLocationsOid : undefined,
        relays: egress.relays,
        blocked: blocking.length
            ? `arc-connect stopped before any change: ${blocking.map((r) => `${r.check}: ${r.detail}${r.fix ? ` — fix: ${r.fix}` : ''}`).join('; ')}.`
            : undefined,
    };
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./actions/arc-connect/src/app-manifests.ts

/** The provider's names of the clouds (secrets-store-csi-driver-provider-azure `cloudName`). */
const CSI_CLOUD_NAMES = {
    AzureCloud: 'AzurePublicCloud',
    AzureUSGovernment: 'AzureUSGovernmentCloud',
    AzureChinaCloud: 'AzureChinaCloud',
};
function serviceAccountManifest(app) {
    const header = [
        `# Generated by arc-connect for app ${app.name}: the workload identity of ${app.namespace}/${app.serviceAccount}.`,
        '# Pods that use it need the label azure.workload.identity/use: "true" and serviceAccountName: ' + app.serviceAccount + '.',
    ].join('\n');
    return `${header}\n${(0,dist/* stringify */.As)({
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: {
            name: app.serviceAccount,
            namespace: app.namespace,
            annotations: { 'azure.workload.identity/client-id': app.clientId, 'azure.workload.identity/tenant-id': app.tenantId },
        },
    })}`;
}
const secretProviderClassName = (app) => `${app.name}-keyvault`;
function secretProviderClassManifest(app) {
    if (!app.keyVault)
        return undefined;
    const objects = (0,dist/* stringify */.As)({
        array: app.secrets.map((s) => (0,dist/* stringify */.As)({ objectName: s, objectType: 'secret', objectVersion: '' })),
    });
    const header = `# Generated by arc-connect for app ${app.name}: Key Vault ${app.keyVault} through the CSI driver, as ${app.namespace}/${app.serviceAccount}.`;
    return `${header}\n${(0,dist/* stringify */.As)({
        apiVersion: 'secrets-store.csi.x-k8s.io/v1',
        kind: 'SecretProviderClass',
        metadata: { name: secretProviderClassName(app), namespace: app.namespace },
        spec: {
            provider: 'azure',
            parameters: {
                usePodIdentity: 'false',
                clientID: app.clientId,
                keyvaultName: app.keyVault,
                ...(app.cloudName ? { cloudName: app.cloudName } : {}),
                tenantId: app.tenantId,
                objects,
            },
        },
    })}`;
}

;// CONCATENATED MODULE: ./actions/arc-connect/src/workload-identity.ts





/** The audience of the service account tokens the workload identity webhook projects (azure-workload-identity). */
const TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';
/** The federated credential's name on the identity: one per cluster and service account (3-120 characters). */
const credentialName = (ref, app) => `arc-${ref.name}-${app.namespace}-${app.serviceAccount}`.replace(/[^-A-Za-z0-9_]/g, '-').slice(0, 120);
const subjectOf = (app) => `system:serviceaccount:${app.namespace}:${app.serviceAccount}`;
/**
 * Reads (no writes): the cluster's OIDC issuer and workload identity, and every app's identity. An identity that does
 * not exist is the user's input, so it ends the run before anything is written.
 */
async function planWorkloadIdentity(arm, ref, wi, changes) {
    if (!wi.enabled)
        return undefined;
    const identities = new Map();
    for (const [i, app] of wi.apps.entries()) {
        const info = await (0,src/* readUserAssignedIdentity */.sv)(arm, app.identity);
        if (!info)
            throw new core_src/* ConfigurationError */.j1(`Input "apps" entry ${i + 1} (${app.name}) names identity ${app.identity.id}, which does not exist or which the workflow's identity cannot read; create the user-assigned identity first, or grant the workflow Managed Identity Contributor on it.`, 'apps');
        identities.set(app.name, info);
    }
    const cluster = await (0,src/* readClusterWorkloadIdentity */.Uk)(arm, ref);
    const ready = !!(cluster?.oidcIssuer && cluster.workloadIdentity && cluster.issuerUrl);
    changes.push({
        kind: ready ? 'unchanged' : 'update',
        resourceType: 'workloadIdentity',
        resourceId: ref.id,
        name: ref.name,
        fields: ready
            ? []
            : [
                { path: 'oidcIssuerProfile.enabled', before: cluster?.oidcIssuer ?? false, after: true },
                { path: 'securityProfile.workloadIdentity.enabled', before: cluster?.workloadIdentity ?? false, after: true },
            ],
    });
    return { cluster, identities };
}
function writeIfChanged(file, content) {
    const before = (0,external_node_fs_.existsSync)(file) ? (0,external_node_fs_.readFileSync)(file, 'utf8') : undefined;
    if (before === content)
        return 'unchanged';
    (0,external_node_fs_.writeFileSync)(file, content);
    return before === undefined ? 'created' : 'updated';
}
/**
 * The writes, once the cluster is Connected: the OIDC issuer and workload identity (one PUT, only when not enabled),
 * then per app its federated credential (only when missing or different) and its manifests (only when different).
 */
async function applyWorkloadIdentity(arm, ref, wi, plan, changes, options) {
    let issuerUrl = plan.cluster?.issuerUrl;
    if (!options.dryRun) {
        const enabled = await (0,src/* enableClusterWorkloadIdentity */.lV)(arm, ref, { timeoutMs: options.timeoutMs, pollMs: options.pollMs });
        issuerUrl = enabled.issuerUrl;
        const change = changes.find((c) => c.resourceType === 'workloadIdentity');
        if (change && enabled.changed)
            change.applied = true;
    }
    const apps = [];
    for (const app of wi.apps) {
        const info = plan.identities.get(app.name);
        const subject = subjectOf(app);
        const name = credentialName(ref, app);
        const fic = issuerUrl
            ? await (0,src/* ensureFederatedCredential */.YR)(arm, app.identity, { name, issuer: issuerUrl, subject, audience: TOKEN_EXCHANGE_AUDIENCE }, { dryRun: options.dryRun })
            : { action: 'created', id: `${app.identity.id}/federatedIdentityCredentials/${name}` };
        changes.push({
            kind: fic.action === 'created' ? 'create' : fic.action === 'updated' ? 'update' : 'unchanged',
            resourceType: 'federatedIdentityCredential',
            resourceId: fic.id,
            name,
            fields: fic.action === 'unchanged' ? [] : [{ path: 'subject', before: undefined, after: subject }],
            applied: !options.dryRun && fic.action !== 'unchanged',
        });
        const spec = {
            name: app.name,
            namespace: app.namespace,
            serviceAccount: app.serviceAccount,
            clientId: info.clientId,
            tenantId: info.tenantId,
            keyVault: app.keyVault,
            secrets: app.secrets,
            cloudName: CSI_CLOUD_NAMES[options.environmentName],
        };
        const manifests = [
            ['serviceaccount.yaml', serviceAccountManifest(spec)],
            ['secretproviderclass.yaml', secretProviderClassManifest(spec)],
        ];
        const files = [];
        for (const [file, content] of manifests) {
            if (content === undefined)
                continue;
            const path = (0,external_node_path_.join)(app.displayPath, file);
            if (options.dryRun) {
                const target = (0,external_node_path_.join)(app.path, file);
                files.push({ path, action: !(0,external_node_fs_.existsSync)(target) ? 'created' : (0,external_node_fs_.readFileSync)(target, 'utf8') === content ? 'unchanged' : 'updated' });
                continue;
            }
            (0,external_node_fs_.mkdirSync)(app.path, { recursive: true });
            files.push({ path, action: writeIfChanged((0,external_node_path_.join)(app.path, file), content) });
        }
        apps.push({
            name: app.name,
            namespace: app.namespace,
            serviceAccount: app.serviceAccount,
            clientId: info.clientId,
            federatedCredential: { id: fic.id, action: fic.action, subject },
            files,
        });
    }
    return { issuerUrl, apps };
}

;// CONCATENATED MODULE: ./actions/arc-connect/src/story.ts













/** The whole arc-connect story for one cluster: pre-flight, plan, (dry-run stop), apply, observe, report. */
async function connectCluster(inputs, deps = {}) {
    const { identity, cluster, access, proxy } = inputs;
    const ref = (0,src/* clusterRef */.eN)(identity.subscriptionId, cluster.resourceGroup, cluster.clusterName);
    for (const value of [proxy.https, proxy.http])
        if (value)
            (0,src_inputs/* maskUrlCredentials */.gn)(value);
    if (access.kubeconfig)
        (0,kube_src/* maskKubeconfig */.CB)(access.kubeconfig);
    const arm = deps.arm ?? (await (0,src/* armClientsFor */.ul)(identity));
    const azure = { arm, clusters: new src/* Clusters */.gu(arm), ref };
    const checks = [];
    const changes = [];
    const plan = { clusterId: ref.id, dryRun: inputs.dryRun };
    let helm;
    let allowlist;
    const finish = (partial) => {
        const result = { clusterId: ref.id, checks, changes, plan, dryRun: inputs.dryRun, allowlist, ...partial, summary: '' };
        result.summary = (0,core_src/* redact */.E$)(renderSummary(result));
        if (result.failure)
            result.failure = (0,core_src/* redact */.E$)(result.failure);
        return result;
    };
    try {
        const pre = await runPreflight(inputs, deps, azure, checks);
        allowlist = writeAllowlist(inputs, pre.endpoints, pre.relays);
        if (pre.blocked)
            return finish({ result: 'failed', failure: pre.blocked });
        helm = await Helm.create({
            binary: deps.helmBinary,
            kubeconfig: access.kubeconfig,
            kubeContext: access.kubeContext,
            trust: [...(deps.trust ?? []), ...(proxy.cert ? [proxy.cert] : [])],
        });
        const planned = await planConnect(inputs, deps, azure, pre, helm, changes, plan);
        const wi = inputs.workloadIdentity;
        const wiPlan = wi && (await planWorkloadIdentity(arm, ref, wi, changes));
        const applyWi = (dryRun) => wi && wiPlan
            ? applyWorkloadIdentity(arm, ref, wi, wiPlan, changes, {
                environmentName: identity.environment.name,
                timeoutMs: inputs.onboardingTimeoutMs,
                pollMs: deps.pollMs?.initial,
                dryRun,
            })
            : undefined;
        const created = planned.clusterChange.kind === 'create';
        if (inputs.dryRun) {
            const w = await applyWi(true);
            return finish({
                result: changes.some((c) => c.kind !== 'unchanged') ? (created ? 'created' : 'updated') : 'unchanged',
                connectivityStatus: pre.armCluster?.connectivityStatus,
                agentVersion: pre.armCluster?.agentVersion,
                oidcIssuerUrl: w?.issuerUrl,
                apps: w?.apps,
            });
        }
        try {
            const observed = await applyConnect(inputs, deps, azure, pre, planned, changes);
            const w = await applyWi(false);
            const result = created ? 'created' : changes.some((c) => c.kind !== 'unchanged') ? 'updated' : 'unchanged';
            return finish({ result, ...observed, oidcIssuerUrl: w?.issuerUrl, apps: w?.apps });
        }
        catch (error) {
            const applied = changes.filter((c) => c.applied);
            return finish({
                result: 'failed',
                failure: `${(0,core_src/* errorMessage */.gJ)(error)} Changed before the failure: ${applied.length ? applied.map(describeChange).join('; ') : 'nothing'}.`,
            });
        }
    }
    finally {
        await helm?.dispose();
    }
}



/***/ })

};
