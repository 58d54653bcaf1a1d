export const id = 241;
export const ids = [241];
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
/* harmony import */ var _arc_actions_azure__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86708);
/* harmony import */ var _extensions_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(52965);
/* harmony import */ var _arc_actions_kube__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(58176);






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
    const summary = (0,_arc_actions_kube__WEBPACK_IMPORTED_MODULE_4__/* .parseKubeconfig */ .DU)(kubeconfig, 'kubeconfig', kubeContext);
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

/***/ 63241:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bp: () => (/* binding */ connectCluster)
});

// UNUSED EXPORTS: PROVENANCE, agentValues, code, renderSummary

// EXTERNAL MODULE: ./packages/azure/src/index.ts + 9 modules
var src = __webpack_require__(86708);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 8 modules
var core_src = __webpack_require__(19297);
// EXTERNAL MODULE: ./packages/kube/src/index.ts + 4 modules
var kube_src = __webpack_require__(58176);
// EXTERNAL MODULE: ./packages/report/src/index.ts + 11 modules
var report_src = __webpack_require__(96958);
// EXTERNAL MODULE: ./actions/arc-connect/src/inputs.ts
var src_inputs = __webpack_require__(40082);
;// CONCATENATED MODULE: ./actions/arc-connect/src/cluster-facts.ts
const code = (e) => e.code;
/** Reads version, access, service network, nodes and existing Arc agents. Throws when /version fails (unreachable). */
async function readClusterFacts(kc) {
    const k8s = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(433)]).then(__webpack_require__.bind(__webpack_require__, 14433));
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

;// CONCATENATED MODULE: ./actions/arc-connect/src/endpoints.ts
const SUFFIX = { AzureCloud: 'azure.com', AzureUSGovernment: 'azure.us', AzureChinaCloud: 'azure.cn' };
/**
 * Public clouds: derived as az does (`https://<location>.dp.kubernetesconfiguration.<suffix>`,
 * `https://guestnotificationservice.<suffix>`). Custom environments (Azure Stack, the sandbox) carry them in the
 * environment JSON as `arcDataPlane` (may contain `{location}`) and `guestNotificationService`; `rawEnvironment` is
 * that JSON (the `environment` input), because parseEnvironment keeps only the ARM/Entra fields.
 */
function arcEndpoints(environment, location, rawEnvironment) {
    const trim = (u) => u.replace(/\/+$/, '');
    if (environment.custom) {
        let json = {};
        try {
            json = JSON.parse(rawEnvironment ?? '{}');
        }
        catch {
            /* parseEnvironment already validated it */
        }
        const dp = typeof json.arcDataPlane === 'string' ? json.arcDataPlane : undefined;
        const gns = typeof json.guestNotificationService === 'string' ? json.guestNotificationService : undefined;
        if (!dp || !gns || !/^https:\/\//.test(dp) || !/^https:\/\//.test(gns)) {
            throw new Error(`The custom environment ${environment.name} has no Arc data-plane endpoints; add "arcDataPlane" (https URL, may contain {location}) and "guestNotificationService" (https URL) to the "environment" JSON.`);
        }
        return { dataPlane: trim(dp.replace(/\{location\}/g, location)), guestNotificationService: trim(gns) };
    }
    const suffix = SUFFIX[environment.name] ?? 'azure.com';
    return {
        dataPlane: `https://${location}.dp.kubernetesconfiguration.${suffix}`,
        guestNotificationService: `https://guestnotificationservice.${suffix}`,
    };
}
/** `host[:port]` entries of the allowlist as wss URLs of the relay (port 443 unless given). */
function relayUrl(entry) {
    const clean = entry.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
    return `wss://${clean}/$hc/arc-connect-preflight`;
}
/**
 * The guest notification service answers `GET /urp/allowlist?api-version=2020-01-01&location=<region>` with the
 * relay endpoints the cluster-connect agent uses, as a JSON array of FQDNs (the documented way to build a firewall
 * allowlist). Objects with `value`/`endpoints`/`allowlist` arrays are accepted too, in case the shape grows.
 */
function parseAllowlist(body) {
    const list = Array.isArray(body)
        ? body
        : body && typeof body === 'object'
            ? (body.value ??
                body.endpoints ??
                body.allowlist)
            : undefined;
    if (!Array.isArray(list))
        return [];
    return list.filter((e) => typeof e === 'string' && /^[A-Za-z0-9.-]+(:\d+)?$/.test(e.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '')));
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./actions/arc-connect/src/helm.ts






const RELEASE = 'azure-arc';
const RELEASE_NAMESPACE = 'azure-arc-release';
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
    constructor(dir, binary, kubeArgs) {
        this.dir = dir;
        this.binary = binary;
        this.kubeArgs = kubeArgs;
    }
    static async create(options) {
        const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'arc-connect-'));
        await (0,promises_.chmod)(dir, 0o700);
        const kubeArgs = [];
        if (options.kubeconfig) {
            const path = (0,external_node_path_.join)(dir, 'kubeconfig');
            await (0,promises_.writeFile)(path, options.kubeconfig, { mode: 0o600 });
            kubeArgs.push('--kubeconfig', path);
        }
        if (options.kubeContext)
            kubeArgs.push('--kube-context', options.kubeContext);
        return new Helm(dir, options.binary ?? process.env.HELM_CLIENT_PATH ?? 'helm', kubeArgs);
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
    /** The user-supplied values of the release (`helm get values -o json`), or undefined when it is not installed. */
    async getValues() {
        const list = JSON.parse((await this.run(['list', '--namespace', RELEASE_NAMESPACE, '--all', '--output', 'json'])) || '[]');
        if (!list.some((r) => r.name === RELEASE))
            return undefined;
        const values = JSON.parse(await this.run(['get', 'values', RELEASE, '--namespace', RELEASE_NAMESPACE, '--output', 'json']));
        const key = values?.global?.onboardingPrivateKey;
        if (typeof key === 'string')
            (0,core_src/* maskSecret */.$l)(key);
        return values ?? {};
    }
    /**
     * Fetches the agents chart named by GetLatestHelmPackagePath into the private folder: an https URL of a .tgz is
     * downloaded; an OCI reference (registry/repo:version, as the real service answers) is pulled with `helm pull`.
     */
    async fetchChart(repositoryPath, download) {
        const dest = (0,external_node_path_.join)(this.dir, 'chart');
        if (/^https:\/\//i.test(repositoryPath)) {
            const file = (0,external_node_path_.join)(this.dir, 'azure-arc-k8sagents.tgz');
            await (0,promises_.writeFile)(file, await download(repositoryPath), { mode: 0o600 });
            return file;
        }
        const ref = repositoryPath.replace(/^oci:\/\//i, '');
        const at = ref.lastIndexOf(':');
        const [repo, version] = at > ref.indexOf('/') ? [ref.slice(0, at), ref.slice(at + 1)] : [ref, undefined];
        await this.run(['pull', `oci://${repo}`, ...(version ? ['--version', version] : []), '--destination', dest], { kube: false });
        const files = await (0,promises_.readdir)(dest);
        return (0,external_node_path_.join)(dest, files.find((f) => f.endsWith('.tgz')) ?? files[0]);
    }
    /** `helm upgrade --install` of the agents with the values in a 0600 file that is deleted right after. */
    async installAgents(chart, values, timeoutSeconds) {
        const file = (0,external_node_path_.join)(this.dir, `values-${Date.now()}.json`);
        await (0,promises_.writeFile)(file, JSON.stringify(values), { mode: 0o600 });
        try {
            await this.run([
                'upgrade',
                '--install',
                RELEASE,
                chart,
                '--namespace',
                RELEASE_NAMESPACE,
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
    const bin = binary ?? process.env.HELM_CLIENT_PATH ?? 'helm';
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

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(41692);
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
/**
 * Sends an HTTP/1.1 websocket upgrade (`Upgrade: websocket`) to `url` (https/wss) and expects
 * `101 Switching Protocols` with the right `Sec-WebSocket-Accept`. Never throws: the result says what happened.
 */
async function probeWebsocket(url, options = {}) {
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
                answer = await readResponse(socket, true);
            }
            catch (error) {
                return {
                    ok: false,
                    detail: `the HTTPS connection was accepted but the websocket upgrade got no answer: ${error.message}`,
                };
            }
            if (answer.status !== 101)
                return {
                    ok: false,
                    status: answer.status,
                    detail: `the websocket upgrade was answered ${answer.status} ${answer.statusText} instead of 101 Switching Protocols`,
                };
            if (answer.headers['sec-websocket-accept'] !== expected)
                return {
                    ok: false,
                    status: 101,
                    detail: 'the 101 answer has a wrong Sec-WebSocket-Accept (something in the path rewrote the upgrade)',
                };
            return { ok: true, status: 101, detail: '101 Switching Protocols' };
        })(), options.timeoutMs ?? 15_000, `the websocket upgrade to ${target.host}`, () => socket?.destroy());
    }
    catch (error) {
        return { ok: false, detail: error.message };
    }
    finally {
        socket?.destroy();
    }
}

;// CONCATENATED MODULE: ./actions/arc-connect/src/preflight.ts




const REQUIRED_PROVIDERS = ['Microsoft.Kubernetes', 'Microsoft.KubernetesConfiguration', 'Microsoft.ExtendedLocation'];
const MIN_KUBERNETES = { major: 1, minor: 28 };
/** Reads the registration state of the three providers (no writes). */
async function readProviderStates(arm, subscriptionId) {
    const client = await arm.resources(subscriptionId);
    const states = await Promise.all(REQUIRED_PROVIDERS.map(async (ns) => [ns, (await client.providers.get(ns)).registrationState ?? 'NotRegistered']));
    return Object.fromEntries(states);
}
function providerRows(states, register) {
    return REQUIRED_PROVIDERS.map((ns) => {
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
/** Registers the providers that are not Registered and polls until they are, within `timeoutMs`. Returns the ones it registered. */
async function registerProviders(arm, subscriptionId, states, timeoutMs) {
    const client = await arm.resources(subscriptionId);
    const todo = REQUIRED_PROVIDERS.filter((ns) => states[ns] !== 'Registered');
    for (const ns of todo)
        if (states[ns] !== 'Registering')
            await client.providers.register(ns);
    const done = await (0,core_src/* waitFor */.fm)(async () => {
        const now = await Promise.all(todo.map(async (ns) => (await client.providers.get(ns)).registrationState));
        return now.every((s) => s === 'Registered') ? true : undefined;
    }, { timeoutMs, initialMs: 500, maxMs: 10_000 });
    if (!done.value) {
        throw new Error(`The resource providers ${todo.join(', ')} were still registering after ${Math.round(timeoutMs / 1000)} s; run az provider show -n <namespace> and retry when they are Registered.`);
    }
    return todo;
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
 * Egress as the agents need it, through the configured proxy: the relay allowlist from the guest notification
 * service, HTTPS to the config data plane, and a websocket upgrade to every relay endpoint (cluster connect).
 * Returns the rows and the relay endpoints.
 */
async function egressRows(endpoints, location, proxy, trust = []) {
    const options = { proxy: proxy.https ?? proxy.http, ca: [...trust, ...(proxy.cert ? [proxy.cert] : [])] };
    const via = proxy.display.https ?? proxy.display.http;
    const how = via ? ` through proxy ${via}` : ' (direct)';
    const rows = [];
    let relays = [];
    const allowlistUrl = `${endpoints.guestNotificationService}/urp/allowlist?api-version=2020-01-01&location=${encodeURIComponent(location)}`;
    try {
        const answer = await httpsRequest(allowlistUrl, options);
        if (answer.status !== 200)
            throw new Error(`HTTP ${answer.status} ${answer.statusText}`);
        relays = parseAllowlist(JSON.parse(answer.body.toString('utf8')));
        rows.push(relays.length
            ? {
                check: 'relay allowlist',
                result: 'pass',
                detail: `${relays.length} relay endpoint(s) for ${location}${how}: ${relays.join(', ')}`,
            }
            : {
                check: 'relay allowlist',
                result: 'warn',
                detail: `the guest notification service listed no relay endpoint for ${location}; the websocket check is skipped`,
            });
    }
    catch (error) {
        rows.push({
            check: 'relay allowlist',
            result: 'fail',
            detail: `GET ${endpoints.guestNotificationService}/urp/allowlist failed${how}: ${(0,core_src/* errorMessage */.gJ)(error)}`,
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
    if (relays.length) {
        const results = await Promise.all(relays.map(async (r) => ({ relay: r, result: await probeWebsocket(relayUrl(r), options) })));
        const failed = results.filter((r) => !r.result.ok);
        if (failed.length === 0) {
            rows.push({ check: 'websocket to the relay', result: 'pass', detail: `101 Switching Protocols from ${relays.join(', ')}${how}` });
        }
        else {
            const names = failed.map((f) => f.relay).join(', ');
            rows.push({
                check: 'websocket to the relay',
                result: 'fail',
                detail: `${failed.map((f) => `${f.relay}: ${f.result.detail}`).join('; ')}${how}. Onboarding would succeed but cluster connect (az connectedk8s proxy, the portal's Kubernetes resources view, custom locations) would hang`,
                fix: `allow websocket upgrades (HTTP/1.1 Upgrade: websocket, long-lived connections) to ${names}${via ? ' in the proxy; a TLS-inspecting proxy must exempt these hosts from inspection' : ''}`,
            });
        }
    }
    return { rows, relays };
}
const failed = (rows) => rows.filter((r) => r.result === 'fail');

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
function extensionBody(spec) {
    return {
        extensionType: spec.extensionType,
        autoUpgradeMinorVersion: spec.autoUpgrade,
        ...(spec.autoUpgrade ? (spec.releaseTrain ? { releaseTrain: spec.releaseTrain } : {}) : { version: spec.version }),
        scope: spec.scope === 'namespace'
            ? { namespace: { targetNamespace: spec.namespace ?? spec.name } }
            : { cluster: { releaseNamespace: spec.namespace } },
        configurationSettings: spec.settings,
        ...(spec.protectedSettings ? { configurationProtectedSettings: spec.protectedSettings } : {}),
    };
}
/** Desired vs actual for each extension (reads only). `clusterTags` carries the protected-settings hashes. */
async function planExtensions(arm, subscriptionId, resourceGroup, clusterName, clusterId, specs, clusterTags, clusterExists) {
    const client = await arm.kubernetesConfiguration(subscriptionId);
    return Promise.all(specs.map(async (spec) => {
        const id = `${clusterId}/providers/Microsoft.KubernetesConfiguration/extensions/${spec.name}`;
        const body = extensionBody(spec);
        let actual;
        if (clusterExists) {
            actual = await client.extensions
                .get(resourceGroup, 'Microsoft.Kubernetes', 'connectedClusters', clusterName, spec.name)
                .catch((e) => {
                if (e.statusCode === 404)
                    return undefined;
                throw e;
            });
        }
        if (!actual)
            return {
                spec,
                body,
                change: {
                    kind: 'create',
                    resourceType: 'extension',
                    resourceId: id,
                    name: spec.name,
                    fields: [{ path: 'extensionType', before: undefined, after: spec.extensionType }],
                },
            };
        const compare = { ...body };
        delete compare.configurationProtectedSettings;
        if (spec.scope === 'cluster' && !spec.namespace)
            delete compare.scope;
        const fields = (0,core_src/* diffFields */.p5)(actual, compare).filter((f) => !(f.path === 'extensionType' && String(f.before).toLowerCase() === String(f.after).toLowerCase()) &&
            !(f.path === 'releaseTrain' && String(f.before).toLowerCase() === String(f.after).toLowerCase()));
        // Settings removed by the user count as a change too (diffFields only looks at desired keys).
        const extra = Object.keys(actual.configurationSettings ?? {}).filter((k) => !(k in spec.settings));
        if (extra.length && !fields.some((f) => f.path === 'configurationSettings'))
            fields.push({ path: 'configurationSettings', before: actual.configurationSettings, after: spec.settings });
        if (spec.protectedSettings && clusterTags[protectedTag(spec.name)] !== protectedHash(clusterId, spec.protectedSettings)) {
            fields.push({ path: 'configurationProtectedSettings', before: '(hash differs)', after: '(new values)' });
        }
        if (actual.provisioningState === 'Failed')
            fields.push({ path: 'provisioningState', before: 'Failed', after: 'Succeeded' });
        return {
            spec,
            body,
            change: { kind: fields.length ? 'update' : 'unchanged', resourceType: 'extension', resourceId: id, name: spec.name, fields },
        };
    }));
}
async function applyExtension(arm, subscriptionId, resourceGroup, clusterName, planned) {
    const client = await arm.kubernetesConfiguration(subscriptionId);
    const result = await client.extensions.beginCreateAndWait(resourceGroup, 'Microsoft.Kubernetes', 'connectedClusters', clusterName, planned.spec.name, { ...planned.body });
    if (result.provisioningState && result.provisioningState !== 'Succeeded') {
        throw new Error(`extension ${planned.spec.name} ended ${result.provisioningState}${result.errorInfo?.message ? `: ${result.errorInfo.message}` : ''}`);
    }
}
/** Role assignments at cluster scope, found by principal+role (whatever their name) or planned with a deterministic name. */
async function planRoles(arm, subscriptionId, clusterId, assignments, clusterExists) {
    const existing = [];
    if (clusterExists && assignments.length) {
        const client = await arm.authorization(subscriptionId);
        for await (const a of client.roleAssignments.listForScope(clusterId, { filter: 'atScope()' }))
            existing.push(a);
    }
    return assignments.map((assignment) => {
        const guid = ROLE_IDS[assignment.role];
        const roleDefinitionId = `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
        const name = roleAssignmentName(clusterId, assignment.principalId, guid);
        const found = existing.some((e) => e.principalId?.toLowerCase() === assignment.principalId &&
            e.roleDefinitionId?.toLowerCase().endsWith(guid) &&
            (!e.scope || e.scope.toLowerCase() === clusterId.toLowerCase()));
        return {
            assignment,
            name,
            roleDefinitionId,
            change: {
                kind: found ? 'unchanged' : 'create',
                resourceType: 'roleAssignment',
                resourceId: `${clusterId}/providers/Microsoft.Authorization/roleAssignments/${name}`,
                name: `${assignment.role} → ${assignment.principalId}`,
                fields: found ? [] : [{ path: 'roleDefinitionId', before: undefined, after: roleDefinitionId }],
            },
        };
    });
}
async function applyRole(arm, subscriptionId, clusterId, planned) {
    const client = await arm.authorization(subscriptionId);
    try {
        await client.roleAssignments.create(clusterId, planned.name, {
            roleDefinitionId: planned.roleDefinitionId,
            principalId: planned.assignment.principalId,
            description: 'Assigned by arc-actions/arc-connect',
        });
    }
    catch (error) {
        if (error.code === 'RoleAssignmentExists')
            return;
        throw error;
    }
}

;// CONCATENATED MODULE: ./actions/arc-connect/src/diagnose.ts
/**
 * Why the agents did not connect, from their pods and events in `azure-arc`: Pending → resources,
 * ImagePullBackOff → egress or proxy, crash-looping clusteridentityoperator → certificate (az troubleshoot's map).
 */
async function diagnoseAgents(kc) {
    const { CoreV1Api } = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(433)]).then(__webpack_require__.bind(__webpack_require__, 14433));
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

;// CONCATENATED MODULE: ./actions/arc-connect/src/story.ts











const PROVENANCE = (/* unused pure expression or super */ null && (['github-repository', 'github-commit', 'github-run']));
function provenance(env) {
    const tags = {};
    if (env.GITHUB_REPOSITORY)
        tags['github-repository'] = env.GITHUB_REPOSITORY;
    if (env.GITHUB_SHA)
        tags['github-commit'] = env.GITHUB_SHA;
    if (env.GITHUB_RUN_ID && env.GITHUB_REPOSITORY)
        tags['github-run'] = `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
    return tags;
}
/** Helm values of the agents chart, with the same names az uses (`global.*`, `systemDefaultValues.*`). */
function agentValues(inputs, platform, privateKey, noProxy) {
    const { identity, cluster, proxy } = inputs;
    const proxied = !!(proxy.https || proxy.http);
    return {
        global: {
            subscriptionId: identity.subscriptionId,
            resourceGroupName: cluster.resourceGroup,
            resourceName: cluster.clusterName,
            location: cluster.location,
            tenantId: identity.tenantId,
            kubernetesDistro: platform.distribution,
            kubernetesInfra: platform.infrastructure,
            azureEnvironment: identity.environment.name,
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
            'clusterconnect-agent': { enabled: true },
            azureArcAgents: { autoUpdate: inputs.autoUpgrade },
        },
    };
}
const ownerOf = (config) => config.AZURE_SUBSCRIPTION_ID && config.AZURE_RESOURCE_GROUP && config.AZURE_RESOURCE_NAME
    ? (0,src/* clusterId */.kL)(config.AZURE_SUBSCRIPTION_ID, config.AZURE_RESOURCE_GROUP, config.AZURE_RESOURCE_NAME)
    : undefined;
const describeChange = (c) => `${c.kind} ${c.resourceType} ${c.name}${c.fields.length ? ` (${c.fields.map((f) => f.path).join(', ')})` : ''}`;
/** The whole arc-connect story for one cluster: pre-flight, plan, (dry-run stop), apply, observe, report. */
async function connectCluster(inputs, deps = {}) {
    const { identity, cluster, access, proxy } = inputs;
    const sub = identity.subscriptionId;
    const id = (0,src/* clusterId */.kL)(sub, cluster.resourceGroup, cluster.clusterName);
    const env = deps.env ?? process.env;
    for (const value of [proxy.https, proxy.http])
        if (value)
            (0,src_inputs/* maskUrlCredentials */.gn)(value);
    if (access.kubeconfig)
        (0,kube_src/* maskKubeconfig */.CB)(access.kubeconfig);
    const arm = deps.arm ??
        new src/* ArmClients */.zQ(await (0,src/* createOidcCredential */.Fs)({
            tenantId: identity.tenantId,
            clientId: identity.clientId,
            audience: identity.audience,
            environment: identity.environment,
        }), identity.environment);
    const checks = [];
    const changes = [];
    const plan = { clusterId: id, dryRun: inputs.dryRun };
    let helm;
    const finish = (partial) => {
        const result = { clusterId: id, checks, changes, plan, dryRun: inputs.dryRun, ...partial, summary: '' };
        result.summary = (0,core_src/* redact */.E$)(renderSummary(result));
        if (result.failure)
            result.failure = (0,core_src/* redact */.E$)(result.failure);
        return result;
    };
    try {
        // ---- pre-flight: reads only ------------------------------------------------------------------------------
        let endpoints = deps.endpoints;
        if (!endpoints) {
            try {
                endpoints = arcEndpoints(identity.environment, cluster.location, deps.rawEnvironment ?? process.env.INPUT_ENVIRONMENT);
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
            readProviderStates(arm, sub).catch((e) => e),
            readClusterFacts(kc).catch((e) => e),
            (async () => (await arm.connectedClusters(sub)).connectedClusterOperations.get(cluster.resourceGroup, cluster.clusterName))().catch((e) => {
                if (e.statusCode === 404)
                    return undefined;
                return e;
            }),
            endpoints ? egressRows(endpoints, cluster.location, proxy, deps.trust) : Promise.resolve({ rows: [], relays: [] }),
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
            checks.push(...clusterRows(facts, proxy));
            const owner = facts.agentConfig ? ownerOf(facts.agentConfig) : undefined;
            if (facts.agentConfig && owner && owner.toLowerCase() !== id.toLowerCase()) {
                checks.push({
                    check: 'existing Arc agents',
                    result: 'fail',
                    detail: `the cluster already runs Arc agents connected to ${owner}`,
                    fix: `disconnect it first (az connectedk8s delete --ids ${owner}) or use cluster-name ${facts.agentConfig.AZURE_RESOURCE_NAME} and resource-group ${facts.agentConfig.AZURE_RESOURCE_GROUP}`,
                });
            }
            else if (!facts.agentConfig && armCluster && armCluster.lastConnectivityTime) {
                checks.push({
                    check: 'existing Arc agents',
                    result: 'fail',
                    detail: `${id} exists and was connected (last at ${armCluster.lastConnectivityTime.toISOString()}) but this cluster runs no Arc agents: the resource belongs to a different Kubernetes cluster`,
                    fix: 'choose another cluster-name, or delete the resource if that cluster is gone',
                });
            }
            else {
                checks.push({
                    check: 'existing Arc agents',
                    result: 'pass',
                    detail: facts.agentConfig ? `already connected to ${id}` : 'none (new onboarding)',
                });
            }
        }
        checks.push(...egress.rows);
        checks.push(await helmClientCheck(deps.helmBinary));
        const blocking = failed(checks);
        if (blocking.length) {
            return finish({
                result: 'failed',
                failure: `arc-connect stopped before any change: ${blocking.map((r) => `${r.check}: ${r.detail}${r.fix ? ` — fix: ${r.fix}` : ''}`).join('; ')}.`,
            });
        }
        const f = facts;
        // ---- plan ------------------------------------------------------------------------------------------------
        const states = providerStates;
        const toRegister = Object.entries(states)
            .filter(([, s]) => s !== 'Registered')
            .map(([ns]) => ns);
        for (const ns of toRegister)
            changes.push({
                kind: 'update',
                resourceType: 'provider',
                resourceId: `/subscriptions/${sub}/providers/${ns}`,
                name: ns,
                fields: [{ path: 'registrationState', before: states[ns], after: 'Registered' }],
            });
        const resources = await arm.resources(sub);
        const rgExists = await resources.resourceGroups.get(cluster.resourceGroup).then(() => true, (e) => (e.statusCode === 404 ? false : Promise.reject(e)));
        if (!rgExists) {
            if (!inputs.createResourceGroup)
                throw new Error(`The resource group ${cluster.resourceGroup} does not exist and "create-resource-group" is false; create it or set create-resource-group: true.`);
            changes.push({
                kind: 'create',
                resourceType: 'resourceGroup',
                resourceId: `/subscriptions/${sub}/resourceGroups/${cluster.resourceGroup}`,
                name: cluster.resourceGroup,
                fields: [{ path: 'location', before: undefined, after: cluster.location }],
            });
        }
        const detected = detectPlatform(f);
        const platform = {
            distribution: cluster.distribution ?? detected.distribution,
            infrastructure: cluster.infrastructure ?? detected.infrastructure,
        };
        const agentsOurs = !!f.agentConfig;
        const reonboard = !armCluster || !agentsOurs;
        const extensions = inputs.extensions;
        const protectedTags = Object.fromEntries(extensions.filter((e) => e.protectedSettings).map((e) => [protectedTag(e.name), protectedHash(id, e.protectedSettings)]));
        const desiredTags = { ...cluster.tags, ...protectedTags };
        const actualTags = armCluster?.tags ?? {};
        const tagFields = Object.entries(desiredTags)
            .filter(([k, v]) => actualTags[k] !== v)
            .map(([k, v]) => ({ path: `tags.${k}`, before: actualTags[k], after: v }));
        const clusterChange = !armCluster
            ? {
                kind: 'create',
                resourceType: 'connectedCluster',
                resourceId: id,
                name: cluster.clusterName,
                fields: [
                    { path: 'distribution', before: undefined, after: platform.distribution },
                    { path: 'infrastructure', before: undefined, after: platform.infrastructure },
                    ...tagFields,
                ],
            }
            : reonboard
                ? {
                    kind: 'update',
                    resourceType: 'connectedCluster',
                    resourceId: id,
                    name: cluster.clusterName,
                    fields: [{ path: 'agentPublicKeyCertificate', before: '(never used)', after: '(new key)' }, ...tagFields],
                }
                : {
                    kind: tagFields.length ? 'update' : 'unchanged',
                    resourceType: 'connectedCluster',
                    resourceId: id,
                    name: cluster.clusterName,
                    fields: tagFields,
                };
        if (cluster.distribution &&
            armCluster?.distribution &&
            armCluster.distribution !== cluster.distribution &&
            clusterChange.kind !== 'create') {
            clusterChange.kind = 'update';
            clusterChange.fields.push({ path: 'distribution', before: armCluster.distribution, after: cluster.distribution });
        }
        changes.push(clusterChange);
        // helm: compare the release's values with the desired ones (reusing the installed key, as az re-uses it)
        const noProxy = proxy.skipRange.join(',');
        helm = await Helm.create({ binary: deps.helmBinary, kubeconfig: access.kubeconfig, kubeContext: access.kubeContext });
        const installed = agentsOurs ? await helm.getValues() : undefined;
        const installedKey = typeof installed?.global?.onboardingPrivateKey === 'string' ? installed.global.onboardingPrivateKey : undefined;
        const keys = reonboard || !installedKey ? generateAgentKeys() : undefined;
        const values = agentValues(inputs, platform, keys?.privateKey ?? installedKey, noProxy);
        const helmFields = installed ? diffValues(installed, values) : [{ path: 'release', before: undefined, after: 'azure-arc' }];
        const helmChange = {
            kind: !installed ? 'create' : helmFields.length ? 'update' : 'unchanged',
            resourceType: 'helmRelease',
            resourceId: 'azure-arc-release/azure-arc',
            name: 'azure-arc (Arc agents)',
            fields: helmFields,
        };
        changes.push(helmChange);
        const plannedExtensions = await planExtensions(arm, sub, cluster.resourceGroup, cluster.clusterName, id, extensions, actualTags, !!armCluster);
        const plannedRoles = await planRoles(arm, sub, id, inputs.roleAssignments, !!armCluster);
        changes.push(...plannedExtensions.map((e) => e.change), ...plannedRoles.map((r) => r.change));
        Object.assign(plan, {
            platform,
            changes: changes.map((c) => ({
                kind: c.kind,
                resourceType: c.resourceType,
                resourceId: c.resourceId,
                name: c.name,
                fields: c.fields.map((x) => ({ path: x.path, before: safe(x.before), after: safe(x.after) })),
            })),
        });
        core_src/* log */.Rm.info(`Plan for ${id}: ${changes
            .filter((c) => c.kind !== 'unchanged')
            .map(describeChange)
            .join('; ') || 'nothing to change'}.`);
        if (inputs.dryRun) {
            return finish({
                result: changes.some((c) => c.kind !== 'unchanged') ? (clusterChange.kind === 'create' ? 'created' : 'updated') : 'unchanged',
                connectivityStatus: armCluster?.connectivityStatus,
                agentVersion: armCluster?.agentVersion,
            });
        }
        // ---- apply -----------------------------------------------------------------------------------------------
        const done = (c) => (c.applied = true);
        try {
            if (toRegister.length) {
                await registerProviders(arm, sub, states, deps.registrationTimeoutMs ?? 5 * 60_000);
                changes.filter((c) => c.resourceType === 'provider').forEach(done);
            }
            if (!rgExists) {
                await resources.resourceGroups.createOrUpdate(cluster.resourceGroup, { location: cluster.location, tags: provenance(env) });
                changes.filter((c) => c.resourceType === 'resourceGroup').forEach(done);
            }
            const hybrid = await arm.connectedClusters(sub);
            const tags = { ...actualTags, ...desiredTags, ...provenance(env) };
            if (reonboard) {
                await hybrid.connectedClusterOperations.beginCreateAndWait(cluster.resourceGroup, cluster.clusterName, {
                    location: cluster.location,
                    identity: { type: 'SystemAssigned' },
                    tags,
                    agentPublicKeyCertificate: keys.publicKey,
                    distribution: platform.distribution,
                    infrastructure: platform.infrastructure,
                });
                done(clusterChange);
            }
            else if (clusterChange.kind === 'update') {
                await hybrid.connectedClusterOperations.update(cluster.resourceGroup, cluster.clusterName, {
                    tags,
                    ...(clusterChange.fields.some((x) => x.path === 'distribution') ? { properties: { distribution: cluster.distribution } } : {}),
                });
                done(clusterChange);
            }
            if (helmChange.kind !== 'unchanged') {
                const chart = await latestChart(arm, identity.environment.tokenScope, endpoints, helm);
                await helm.installAgents(chart, values, Math.ceil(inputs.onboardingTimeoutMs / 1000));
                done(helmChange);
            }
            // ---- observe ---------------------------------------------------------------------------------------------
            let status = armCluster?.connectivityStatus;
            let agentVersion = armCluster?.agentVersion;
            if (reonboard || helmChange.kind !== 'unchanged' || status !== 'Connected') {
                const waited = await (0,core_src/* waitFor */.fm)(async () => {
                    const c = await hybrid.connectedClusterOperations.get(cluster.resourceGroup, cluster.clusterName);
                    status = c.connectivityStatus;
                    agentVersion = c.agentVersion;
                    return status === 'Connected' ? c : undefined;
                }, { timeoutMs: inputs.onboardingTimeoutMs, initialMs: deps.pollMs?.initial ?? 2000, maxMs: deps.pollMs?.max ?? 15_000 });
                if (!waited.value) {
                    const cause = await diagnoseAgents(kc).catch((e) => `the agent pods could not be read (${(0,core_src/* errorMessage */.gJ)(e)})`);
                    throw new Error(`${id} did not reach connectivity status Connected within ${Math.round(inputs.onboardingTimeoutMs / 1000)} s (status ${status ?? 'unknown'}). ${cause}`);
                }
            }
            for (const e of plannedExtensions) {
                if (e.change.kind === 'unchanged')
                    continue;
                await applyExtension(arm, sub, cluster.resourceGroup, cluster.clusterName, e);
                done(e.change);
            }
            for (const r of plannedRoles) {
                if (r.change.kind === 'unchanged')
                    continue;
                await applyRole(arm, sub, id, r);
                done(r.change);
            }
            const result = clusterChange.kind === 'create' ? 'created' : changes.some((c) => c.kind !== 'unchanged') ? 'updated' : 'unchanged';
            return finish({ result, connectivityStatus: status, agentVersion });
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
const safe = (v) => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 40)}…` : v);
/** POST {dataPlane}/azure-arc-k8sagents/GetLatestHelmPackagePath (as az does, with the ARM token) → the chart. */
async function latestChart(arm, scope, endpoints, helm) {
    const token = await arm.credential.getToken(scope);
    const headers = {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token.token}` } : {}),
    };
    const url = `${endpoints.dataPlane}/azure-arc-k8sagents/GetLatestHelmPackagePath?api-version=2019-11-01-preview&releaseTrain=${encodeURIComponent(process.env.RELEASETRAIN || 'stable')}`;
    let answer;
    for (let attempt = 1; attempt <= 3; attempt++) {
        answer = await fetch(url, { method: 'POST', headers, body: '{}' }).catch(() => undefined);
        if (answer?.ok)
            break;
    }
    if (!answer?.ok)
        throw new Error(`GetLatestHelmPackagePath at ${endpoints.dataPlane} failed (${answer ? `HTTP ${answer.status}` : 'no answer'}).`);
    const body = (await answer.json());
    if (!body.repositoryPath)
        throw new Error('GetLatestHelmPackagePath answered without a repositoryPath.');
    return helm.fetchChart(body.repositoryPath, async (chartUrl) => {
        const r = await fetch(chartUrl, { headers });
        if (!r.ok)
            throw new Error(`the agents chart ${chartUrl} could not be downloaded (HTTP ${r.status}).`);
        return Buffer.from(await r.arrayBuffer());
    });
}
const ICON = { pass: '✅', fail: '❌', warn: '⚠️', skipped: '⏭️' };
function renderSummary(r) {
    const parts = [`## arc-connect: ${r.clusterId.split('/').pop()} — ${r.result}${r.dryRun ? ' (dry run)' : ''}`, ''];
    if (r.failure)
        parts.push(`> ${r.failure}`, '');
    parts.push('### Pre-flight', '', (0,report_src/* table */.tp)(['Check', 'Result', 'Detail', 'How to fix'], r.checks.map((c) => [c.check, `${ICON[c.result]} ${c.result}`, c.detail, c.fix ?? ''])));
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
