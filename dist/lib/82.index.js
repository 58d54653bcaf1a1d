export const id = 82;
export const ids = [82];
export const modules = {

/***/ 52965:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ KNOWN_EXTENSIONS),
/* harmony export */   w: () => (/* binding */ parseExtensions)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38816);
/* harmony import */ var _arc_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(19297);


/** Short names users write for the extensions the baseline knows about, and their ARM extension types. */
const KNOWN_EXTENSIONS = {
    azurepolicy: { extensionType: 'Microsoft.PolicyInsights', name: 'azurepolicy' },
    flux: { extensionType: 'microsoft.flux', name: 'flux' },
    'azuremonitor-containers': { extensionType: 'Microsoft.AzureMonitor.Containers', name: 'azuremonitor-containers' },
    'azure-keyvault-secrets-provider': { extensionType: 'Microsoft.AzureKeyVaultSecretsProvider', name: 'akvsecretsprovider' },
};
const KNOWN_NAMES = Object.keys(KNOWN_EXTENSIONS);
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const scalar = zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY()]).transform(String);
const common = {
    type: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(DNS_LABEL, 'an extension name must be lowercase letters, digits and -, at most 63 characters').optional(),
    'release-train': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .regex(/^[A-Za-z0-9-]{1,32}$/, 'a release train is a word such as stable or preview')
        .optional(),
    version: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .regex(/^\d+\.\d+\.\d+([-+.][0-9A-Za-z.-]+)?$/, 'a version is x.y.z such as 1.2.3')
        .optional(),
    'auto-upgrade': zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().optional(),
    scope: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['cluster', 'namespace']).optional(),
    namespace: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(DNS_LABEL, 'a namespace is a DNS-1123 label').optional(),
    settings: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^[A-Za-z0-9_.\-/[\]]{1,256}$/, 'setting names are letters, digits and . _ - / [ ]'), scalar)
        .optional(),
};
const monitor = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    ...common,
    workspace: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .regex(/^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[-\w.()]{1,90}\/providers\/Microsoft\.OperationalInsights\/workspaces\/[A-Za-z0-9][-A-Za-z0-9]{2,62}$/i, 'workspace must be the resource id of a Log Analytics workspace (/subscriptions/…/providers/Microsoft.OperationalInsights/workspaces/<name>)')
        .optional(),
    'use-aad-auth': zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().default(true),
    'data-collection-settings': zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        interval: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
            .regex(/^([1-9]|[12]\d|30)m$/, 'interval is 1m to 30m')
            .optional(),
        'namespace-filtering-mode': zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['Off', 'Include', 'Exclude']).optional(),
        namespaces: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(DNS_LABEL, 'namespaces are DNS-1123 labels')).optional(),
        'enable-container-log-v2': zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().optional(),
        streams: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^Microsoft-[A-Za-z-]+$/, 'streams look like Microsoft-ContainerInsights-Group-Default'))
            .optional(),
    })
        .refine((d) => (d['namespace-filtering-mode'] ?? 'Off') === 'Off' || (d.namespaces?.length ?? 0) > 0, {
        message: 'namespace-filtering-mode Include or Exclude needs a non-empty namespaces list',
    })
        .optional(),
});
const keyVault = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    ...common,
    rotation: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().optional(),
    'rotation-poll-interval': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .refine((v) => /^(\d+(s|m|h))+$/.test(v) && (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E9)(v) !== undefined, 'rotation-poll-interval is a duration such as 2m')
        .optional(),
});
const plain = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej(common);
const generic = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    ...common,
    type: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .regex(/^[A-Za-z0-9]+(\.[A-Za-z0-9-]+)+$/, `type must be one of ${KNOWN_NAMES.join(', ')} or an extension type such as Publisher.Name`),
});
const shapeSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({ type: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP({ error: 'every extension needs a "type"' }) })]), {
    error: 'expected a YAML list of extensions',
});
function check(schema, value, index) {
    const parsed = schema.safeParse(value);
    if (parsed.success)
        return parsed.data;
    const issue = parsed.error.issues[0];
    const at = issue.path.length ? ` at "${issue.path.join('.')}"` : '';
    throw new _arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input "extensions" item ${index + 1}${at}: ${issue.message}.`, 'extensions');
}
/** Parses the `extensions` YAML list (short names, or objects with a `type`) and checks names are unique. */
function parseExtensions(text) {
    const items = (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .parseYamlWithSchema */ .Ku)(text, shapeSchema, 'Input "extensions"', 'extensions');
    const specs = items.map((item, index) => {
        if (typeof item === 'string') {
            const known = KNOWN_EXTENSIONS[item];
            if (!known)
                throw new _arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input "extensions" item ${index + 1} is ${(0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .shown */ .SP)(item)}; allowed short names: ${KNOWN_NAMES.join(', ')} (or an object with "type").`, 'extensions');
            return { name: known.name, extensionType: known.extensionType, autoUpgrade: true, scope: 'cluster', settings: {} };
        }
        const kind = item.type;
        const known = KNOWN_EXTENSIONS[kind];
        const spec = check(kind === 'azuremonitor-containers' ? monitor : kind === 'azure-keyvault-secrets-provider' ? keyVault : known ? plain : generic, item, index);
        if (spec.version && spec['auto-upgrade'] === true) {
            throw new _arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input "extensions" item ${index + 1} sets both version ${(0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .shown */ .SP)(spec.version)} and auto-upgrade: true; a pinned version needs auto-upgrade: false.`, 'extensions');
        }
        const settings = { ...(spec.settings ?? {}) };
        if ('use-aad-auth' in spec) {
            const m = spec;
            settings['amalogs.useAADAuth'] = String(m['use-aad-auth']);
            if (m.workspace)
                settings.logAnalyticsWorkspaceResourceID = m.workspace;
            const d = m['data-collection-settings'];
            if (d) {
                settings.dataCollectionSettings = JSON.stringify({
                    interval: d.interval,
                    namespaceFilteringMode: d['namespace-filtering-mode'],
                    namespaces: d.namespaces,
                    enableContainerLogV2: d['enable-container-log-v2'],
                    streams: d.streams,
                });
            }
        }
        if (kind === 'azure-keyvault-secrets-provider') {
            const k = spec;
            if (k['rotation-poll-interval'] && k.rotation === false) {
                throw new _arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input "extensions" item ${index + 1} sets rotation-poll-interval with rotation: false; remove the interval or set rotation: true.`, 'extensions');
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
            throw new _arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input "extensions" names the extension "${spec.name}" twice; give each extension a unique "name".`, 'extensions');
        seen.add(spec.name);
    }
    return specs;
}


/***/ }),

/***/ 40082:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ER: () => (/* binding */ readClusterInputs),
/* harmony export */   FG: () => (/* binding */ readRoleAssignments),
/* harmony export */   HW: () => (/* binding */ readExtensions),
/* harmony export */   Ko: () => (/* binding */ readInputs),
/* harmony export */   Ps: () => (/* binding */ readKubeAccessInputs),
/* harmony export */   WF: () => (/* binding */ readProxyInputs),
/* harmony export */   gn: () => (/* binding */ maskUrlCredentials),
/* harmony export */   x$: () => (/* binding */ readOnboardingTimeout)
/* harmony export */ });
/* unused harmony exports DISTRIBUTIONS, INFRASTRUCTURES, CLUSTER_ROLES, RESOURCE_GROUP, mapOf, hideUserInfo */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(38816);
/* harmony import */ var _arc_actions_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(19297);
/* harmony import */ var _arc_actions_azure__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3553);
/* harmony import */ var _extensions_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(52965);
/* harmony import */ var _kubeconfig_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(92416);






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
    return zod__WEBPACK_IMPORTED_MODULE_5__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(), value, { error: (i) => (i.code === 'invalid_type' ? `expected a YAML map of ${what}` : undefined) })
        .superRefine((map, ctx) => {
        for (const k of Object.keys(map))
            if (!key.test(k))
                ctx.addIssue({ code: 'custom', path: [k], message: keyRule });
    });
}
const tagsSchema = mapOf(/^[^<>%&\\?/]{1,512}$/, 'tag names are 1-512 characters and must not contain < > % & \\ ? /', zod__WEBPACK_IMPORTED_MODULE_5__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_5__/* .boolean */ .zMY()]).transform(String).pipe(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().max(256, 'tag values are at most 256 characters')), 'tag names to values').refine((t) => Object.keys(t).length <= 50, 'Azure allows at most 50 tags on a resource');
function readClusterInputs() {
    const location = (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .requiredString */ .Fk)('location', { maxLength: 64 }).toLowerCase().replace(/\s+/g, '');
    if (!/^[a-z][a-z0-9]{1,40}$/.test(location)) {
        throw new _arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input "location" has the value ${(0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(location)}; allowed: an Azure region name such as westeurope or eastus2.`, 'location');
    }
    const distribution = (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .optionalString */ .sx)('distribution') ? (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .enumInput */ .gX)('distribution', DISTRIBUTIONS) : undefined;
    const infrastructure = (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .optionalString */ .sx)('infrastructure') ? (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .enumInput */ .gX)('infrastructure', INFRASTRUCTURES) : undefined;
    return {
        clusterName: (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .requiredString */ .Fk)('cluster-name', { pattern: CLUSTER_NAME }),
        resourceGroup: (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .requiredString */ .Fk)('resource-group', { pattern: RESOURCE_GROUP }),
        location,
        tags: (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .yamlInput */ .eR)('tags', tagsSchema) ?? {},
        distribution,
        infrastructure,
    };
}
/** `kubeconfig` (content, a secret) and/or `kube-context`; at least one of them. */
function readKubeAccessInputs() {
    const kubeconfig = (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .optionalString */ .sx)('kubeconfig', { secret: true, maxLength: 1_048_576 });
    const kubeContext = (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .optionalString */ .sx)('kube-context', {
        maxLength: 253,
        pattern: { regex: /^[^\s'"`]+$/, description: 'a context name without spaces or quotes' },
    });
    if (!kubeconfig && !kubeContext) {
        throw new _arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('Inputs "kubeconfig" and "kube-context" are both empty; set "kubeconfig" to the content of a kubeconfig (from a secret) or "kube-context" to a context of the runner\'s KUBECONFIG.', 'kubeconfig');
    }
    if (!kubeconfig)
        return { kubeContext };
    const summary = (0,_kubeconfig_js__WEBPACK_IMPORTED_MODULE_4__/* .parseKubeconfig */ .D)(kubeconfig, 'kubeconfig', kubeContext);
    return { kubeconfig, kubeContext: summary.context, server: summary.server };
}
/** Shows a URL with its user-info replaced by ***, so proxy credentials never reach a log or a plan. */
function hideUserInfo(url) {
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1***@');
}
function proxyUrl(name) {
    const value = (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .optionalString */ .sx)(name, { maxLength: 2048 });
    if (!value)
        return undefined;
    maskUrlCredentials(value);
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new _arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input "${name}" has the value ${(0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(hideUserInfo(value))}, which is not a URL; use http://host:port or https://host:port.`, name);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new _arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input "${name}" has the scheme "${url.protocol}"; allowed: http or https (for example http://proxy.corp:3128).`, name);
    }
    if (url.pathname !== '/' || url.search || url.hash) {
        throw new _arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input "${name}" has the value ${(0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(hideUserInfo(value))}; a proxy URL has no path, query or fragment.`, name);
    }
    return value;
}
/** Registers the whole URL and its password (raw and decoded) as secrets when it carries credentials. */
function maskUrlCredentials(value) {
    const match = /^[a-z][a-z0-9+.-]*:\/\/([^/@]*)@/i.exec(value);
    if (!match)
        return;
    (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .maskSecret */ .$l)(value);
    const [, password] = match[1].split(/:(.*)/s);
    if (password) {
        (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .maskSecret */ .$l)(password);
        try {
            (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .maskSecret */ .$l)(decodeURIComponent(password));
        }
        catch {
            /* not percent-encoded */
        }
    }
}
function readProxyInputs() {
    const https = proxyUrl('proxy-https');
    const http = proxyUrl('proxy-http');
    const skipRange = (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .listInput */ .dt)('proxy-skip-range', {
        max: 200,
        item: { regex: /^[A-Za-z0-9.*:/_-]{1,253}$/, description: 'a host name, IP address, CIDR range or .domain suffix' },
    });
    if (skipRange.length > 0 && !https && !http) {
        throw new _arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('Input "proxy-skip-range" is set but "proxy-https" and "proxy-http" are empty; set a proxy or remove the skip range.', 'proxy-skip-range');
    }
    const certInput = (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .optionalString */ .sx)('proxy-cert', { maxLength: 1_048_576 });
    let cert;
    let certDisplay;
    if (certInput) {
        if (certInput.includes('-----BEGIN')) {
            cert = certInput;
            certDisplay = '(inline PEM)';
        }
        else {
            const path = (0,_arc_actions_azure__WEBPACK_IMPORTED_MODULE_2__/* .workspacePath */ .X5)('proxy-cert', certInput, { mustExist: 'file' });
            cert = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8');
            certDisplay = certInput;
        }
        if (!/-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/.test(cert)) {
            throw new _arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input "proxy-cert" has ${certDisplay === '(inline PEM)' ? 'content' : `the file ${(0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(certInput)}`} that is not a PEM certificate; expected -----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----.`, 'proxy-cert');
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
const rolesSchema = mapOf(_arc_actions_azure__WEBPACK_IMPORTED_MODULE_2__/* .GUID */ .Sm, 'keys must be principal object ids (GUIDs), not names or e-mail addresses', zod__WEBPACK_IMPORTED_MODULE_5__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()).min(1)], { error: 'expected a role name or a list of role names' }), 'principal ids to role names');
/** `role-assignments`: principal object id → one role name or a list of them, at cluster scope. */
function readRoleAssignments() {
    const map = (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .yamlInput */ .eR)('role-assignments', rolesSchema) ?? {};
    return Object.entries(map).flatMap(([principalId, roles]) => (Array.isArray(roles) ? roles : [roles]).map((name) => {
        const role = CLUSTER_ROLES.find((r) => r.toLowerCase() === name.trim().toLowerCase());
        if (!role) {
            throw new _arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input "role-assignments" gives principal ${principalId} the role ${(0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(name)}; allowed: ${CLUSTER_ROLES.join(', ')}.`, 'role-assignments');
        }
        return { principalId: principalId.toLowerCase(), role };
    }));
}
const readOnboardingTimeout = () => (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .durationInput */ .Ts)('onboarding-timeout', { default: '15m', min: '1m', max: '6h' });
function readExtensions() {
    const text = (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .optionalString */ .sx)('extensions', { maxLength: 65_536 });
    return text ? (0,_extensions_js__WEBPACK_IMPORTED_MODULE_3__/* .parseExtensions */ .w)(text) : [];
}
/** Reads and validates every input of arc-connect; nothing is contacted before this returns. */
function readInputs() {
    return {
        identity: (0,_arc_actions_azure__WEBPACK_IMPORTED_MODULE_2__/* .readAzureIdentityInputs */ .dp)({ subscriptionRequired: true }),
        cluster: readClusterInputs(),
        access: readKubeAccessInputs(),
        proxy: readProxyInputs(),
        registerProviders: (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .booleanInput */ .tE)('register-providers', true),
        createResourceGroup: (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .booleanInput */ .tE)('create-resource-group', true),
        autoUpgrade: (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .booleanInput */ .tE)('auto-upgrade', true),
        onboardingTimeoutMs: readOnboardingTimeout(),
        extensions: readExtensions(),
        roleAssignments: readRoleAssignments(),
        dryRun: (0,_arc_actions_azure__WEBPACK_IMPORTED_MODULE_2__/* .readDryRun */ .n0)(),
    };
}


/***/ }),

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


/***/ })

};
