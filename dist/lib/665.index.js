export const id = 665;
export const ids = [665];
export const modules = {

/***/ 86708:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  zQ: () => (/* reexport */ ArmClients),
  Sm: () => (/* reexport */ GUID),
  kL: () => (/* reexport */ clusterId),
  Fs: () => (/* reexport */ createOidcCredential),
  Eg: () => (/* reexport */ describeTargets),
  wg: () => (/* reexport */ identityView),
  AG: () => (/* reexport */ ifExists),
  aX: () => (/* reexport */ kqlString),
  q4: () => (/* reexport */ listFleetClusters),
  gn: () => (/* reexport */ owningClusterId),
  Hy: () => (/* reexport */ parseClusterId),
  xk: () => (/* reexport */ graph_queryGraph),
  dp: () => (/* reexport */ readAzureIdentityInputs),
  n0: () => (/* reexport */ readDryRun),
  F9: () => (/* reexport */ readFleetTargetInputs),
  X5: () => (/* reexport */ workspacePath),
  oS: () => (/* reexport */ workspaceRoot)
});

// UNUSED EXPORTS: DEFAULT_AUDIENCES, KNOWN_ENVIRONMENTS, assertOidcAvailable, decodeClaims, explainEntraError, isNotFound, listFleetConfiguration, parseEnvironment, selectorClauses, selectorSchema

// EXTERNAL MODULE: ./packages/core/src/index.ts + 8 modules
var src = __webpack_require__(19297);
;// CONCATENATED MODULE: ./packages/azure/src/environment.ts

const KNOWN = {
    AzureCloud: {
        resourceManager: 'https://management.azure.com',
        authorityHost: 'https://login.microsoftonline.com',
        resourceGraph: 'https://management.azure.com',
        tokenScope: 'https://management.azure.com/.default',
    },
    AzureUSGovernment: {
        resourceManager: 'https://management.usgovcloudapi.net',
        authorityHost: 'https://login.microsoftonline.us',
        resourceGraph: 'https://management.usgovcloudapi.net',
        tokenScope: 'https://management.usgovcloudapi.net/.default',
    },
    AzureChinaCloud: {
        resourceManager: 'https://management.chinacloudapi.cn',
        authorityHost: 'https://login.chinacloudapi.cn',
        resourceGraph: 'https://management.chinacloudapi.cn',
        tokenScope: 'https://management.chinacloudapi.cn/.default',
    },
};
const KNOWN_ENVIRONMENTS = Object.keys(KNOWN);
const trimSlash = (url) => url.replace(/\/+$/, '');
function httpsUrl(input, field, value) {
    if (typeof value !== 'string' || !/^https:\/\/[^\s/]+/.test(value)) {
        throw new src/* ConfigurationError */.j1(`Input "${input}" has ${field} ${(0,src/* shown */.SP)(String(value))}; it must be an https URL (Entra and the Azure SDKs refuse plain http).`, input);
    }
    return trimSlash(value);
}
/**
 * `AzureCloud`, `AzureUSGovernment`, `AzureChinaCloud` (any case), or a custom JSON object
 * `{"name","resourceManager","authorityHost","resourceGraph"?,"tokenAudience"?}`.
 */
function parseEnvironment(value, input = 'environment') {
    const text = value.trim() || 'AzureCloud';
    if (!text.startsWith('{')) {
        const name = KNOWN_ENVIRONMENTS.find((n) => n.toLowerCase() === text.toLowerCase());
        if (!name) {
            throw new src/* ConfigurationError */.j1(`Input "${input}" has the value ${(0,src/* shown */.SP)(text)}; allowed: ${KNOWN_ENVIRONMENTS.join(', ')}, or a JSON object of custom endpoints.`, input);
        }
        return { name, ...KNOWN[name], custom: false };
    }
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (error) {
        throw new src/* ConfigurationError */.j1(`Input "${input}" starts like JSON but is not valid JSON (${error.message}).`, input);
    }
    const resourceManager = httpsUrl(input, 'resourceManager', json.resourceManager);
    const authorityHost = httpsUrl(input, 'authorityHost', json.authorityHost);
    const resourceGraph = json.resourceGraph === undefined ? resourceManager : httpsUrl(input, 'resourceGraph', json.resourceGraph);
    const audience = json.tokenAudience === undefined ? 'https://management.azure.com/' : httpsUrl(input, 'tokenAudience', json.tokenAudience) + '/';
    return {
        name: typeof json.name === 'string' && json.name ? json.name : 'Custom',
        resourceManager,
        authorityHost,
        resourceGraph,
        tokenScope: `${audience}.default`,
        custom: true,
    };
}

;// CONCATENATED MODULE: ./packages/azure/src/oidc-diagnostics.ts

/** Decodes a JWT's payload without verifying it (only to explain errors; never logs the token). */
function decodeClaims(jwt) {
    const payload = jwt.split('.')[1];
    if (!payload)
        return undefined;
    try {
        return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    }
    catch {
        return undefined;
    }
}
/** Fails early, with the fix, when the job cannot ask GitHub for an OIDC token. */
function assertOidcAvailable(env = process.env) {
    if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
        throw new src/* ConfigurationError */.j1('GitHub did not give this job an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set): add "permissions: id-token: write" ' +
            'to the workflow or the job (and keep "contents: read"); pull requests from forks never get OIDC tokens.');
    }
}
const CODES = {
    AADSTS70021: 'no federated identity credential of the app matches the token',
    AADSTS700213: 'no federated identity credential of the app matches the token subject',
    AADSTS700024: 'the GitHub token has expired or is not yet valid',
    AADSTS700016: 'the application (client-id) was not found in the tenant',
    AADSTS90002: 'the tenant (tenant-id) was not found',
};
/**
 * Explains an Entra error about a federated token: the code, what it means, the token's `iss`, `sub` and `aud`
 * (never the token itself), and what the federated credential must contain. Undefined when not such an error.
 */
function explainEntraError(message, claims, clientId, tenantId) {
    const code = Object.keys(CODES).find((c) => message.includes(c));
    if (!code)
        return undefined;
    const aud = Array.isArray(claims?.aud) ? claims?.aud.join(',') : claims?.aud;
    const lines = [`Entra refused the GitHub OIDC token with ${code}: ${CODES[code]}.`];
    if (claims)
        lines.push(`The token presented: iss "${claims.iss}", sub "${claims.sub}", aud "${aud}".`);
    if (code === 'AADSTS700016') {
        lines.push(`Check that client-id "${clientId}" is the application (client) id of an app registration or managed identity in tenant "${tenantId}".`);
    }
    else if (code === 'AADSTS90002') {
        lines.push(`Check tenant-id "${tenantId}".`);
    }
    else if (code === 'AADSTS700024') {
        lines.push('Check the runner clock; the token is requested afresh on every refresh, so a rerun usually succeeds.');
    }
    else {
        lines.push(`Add a federated identity credential to app "${clientId}" with issuer "${claims?.iss ?? 'https://token.actions.githubusercontent.com'}", ` +
            `subject "${claims?.sub ?? 'repo:<owner>/<repo>:environment:<name>'}" and audience "${aud ?? 'api://AzureADTokenExchange'}" (all matched exactly, case-sensitive).`);
    }
    return lines.join(' ');
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(96421);
;// CONCATENATED MODULE: ./packages/azure/src/credential.ts



/**
 * A credential that exchanges a GitHub OIDC token for an Entra access token. The assertion callback asks GitHub for
 * a fresh OIDC token every time MSAL needs one, so runs longer than the token lifetime keep working.
 * Entra errors are rewritten into sentences that show the token's claims and the fix.
 */
async function createOidcCredential(options) {
    assertOidcAvailable();
    const { ClientAssertionCredential } = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(434), __webpack_require__.e(690), __webpack_require__.e(738), __webpack_require__.e(948)]).then(__webpack_require__.bind(__webpack_require__, 483));
    let lastClaims;
    const inner = new ClientAssertionCredential(options.tenantId, options.clientId, async () => {
        const token = await core/* getIDToken */.V9(options.audience);
        lastClaims = decodeClaims(token);
        src/* log */.Rm.debug(`Requested a GitHub OIDC token for audience ${options.audience} (sub ${lastClaims?.sub}).`);
        return token;
    }, { authorityHost: options.environment.authorityHost, disableInstanceDiscovery: options.environment.custom });
    return {
        async getToken(scopes, getTokenOptions) {
            try {
                return await inner.getToken(scopes, getTokenOptions);
            }
            catch (error) {
                const explained = explainEntraError((0,src/* errorMessage */.gJ)(error), lastClaims, options.clientId, options.tenantId);
                if (explained)
                    throw new Error(explained, { cause: error });
                throw error;
            }
        },
    };
}

;// CONCATENATED MODULE: ./packages/azure/src/clients.ts
/**
 * Builds ARM SDK clients for one environment and credential. SDKs are imported lazily, so an action pays for
 * the SDKs it uses only. Endpoint and token scope are always passed explicitly: the two SDK generations default
 * to different scopes when the endpoint is overridden (see docs/architecture.md).
 */
class ArmClients {
    credential;
    environment;
    cache = new Map();
    constructor(credential, environment) {
        this.credential = credential;
        this.environment = environment;
    }
    /** Options for classic ("HLC") clients built on @azure/core-client. */
    get classic() {
        return { endpoint: this.environment.resourceManager, credentialScopes: [this.environment.tokenScope] };
    }
    /** Options for modular clients built on @azure-rest/core-client. */
    modular(endpoint = this.environment.resourceManager) {
        return { endpoint, credentials: { scopes: [this.environment.tokenScope] } };
    }
    once(key, make) {
        let client = this.cache.get(key);
        if (!client) {
            client = make();
            this.cache.set(key, client);
        }
        return client;
    }
    resources(subscriptionId) {
        return this.once(`resources:${subscriptionId}`, async () => {
            const { ResourceManagementClient } = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(434), __webpack_require__.e(690), __webpack_require__.e(985)]).then(__webpack_require__.bind(__webpack_require__, 77985));
            return new ResourceManagementClient(this.credential, subscriptionId, this.modular());
        });
    }
    connectedClusters(subscriptionId) {
        return this.once(`hybrid:${subscriptionId}`, async () => {
            const { ConnectedKubernetesClient } = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(434), __webpack_require__.e(981), __webpack_require__.e(160), __webpack_require__.e(754), __webpack_require__.e(116)]).then(__webpack_require__.bind(__webpack_require__, 8116));
            return new ConnectedKubernetesClient(this.credential, subscriptionId, this.classic);
        });
    }
    kubernetesConfiguration(subscriptionId) {
        return this.once(`kconfig:${subscriptionId}`, async () => {
            const { SourceControlConfigurationClient } = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(434), __webpack_require__.e(981), __webpack_require__.e(160), __webpack_require__.e(754), __webpack_require__.e(38)]).then(__webpack_require__.bind(__webpack_require__, 28038));
            return new SourceControlConfigurationClient(this.credential, subscriptionId, this.classic);
        });
    }
    policy(subscriptionId) {
        return this.once(`policy:${subscriptionId}`, async () => {
            const { PolicyClient } = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(434), __webpack_require__.e(690), __webpack_require__.e(67)]).then(__webpack_require__.bind(__webpack_require__, 89067));
            return new PolicyClient(this.credential, subscriptionId, this.modular());
        });
    }
    policyInsights(subscriptionId) {
        return this.once(`insights:${subscriptionId ?? ''}`, async () => {
            const { PolicyInsightsClient } = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(434), __webpack_require__.e(690), __webpack_require__.e(981), __webpack_require__.e(738), __webpack_require__.e(321)]).then(__webpack_require__.bind(__webpack_require__, 94321));
            return subscriptionId
                ? new PolicyInsightsClient(this.credential, subscriptionId, this.classic)
                : new PolicyInsightsClient(this.credential, this.classic);
        });
    }
    authorization(subscriptionId) {
        return this.once(`authz:${subscriptionId}`, async () => {
            const { AuthorizationManagementClient } = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(434), __webpack_require__.e(981), __webpack_require__.e(160), __webpack_require__.e(43)]).then(__webpack_require__.bind(__webpack_require__, 71043));
            return new AuthorizationManagementClient(this.credential, subscriptionId, this.classic);
        });
    }
    managementGroups() {
        return this.once('mgmt', async () => {
            const { ManagementGroupsAPI } = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(434), __webpack_require__.e(981), __webpack_require__.e(160), __webpack_require__.e(754), __webpack_require__.e(531)]).then(__webpack_require__.bind(__webpack_require__, 34531));
            return new ManagementGroupsAPI(this.credential, this.classic);
        });
    }
    resourceGraph() {
        return this.once('graph', async () => {
            const { ResourceGraphClient } = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(434), __webpack_require__.e(690), __webpack_require__.e(87)]).then(__webpack_require__.bind(__webpack_require__, 35087));
            return new ResourceGraphClient(this.credential, this.modular(this.environment.resourceGraph));
        });
    }
}

;// CONCATENATED MODULE: ./packages/azure/src/graph.ts
/**
 * Runs a Resource Graph query and reads every page (1,000 rows a page, `$skipToken` between pages).
 * `complete` tells whether the data is whole: gates must refuse to decide on partial data.
 */
async function graph_queryGraph(clients, query, scope, options = {}) {
    const graph = await clients.resourceGraph();
    const rows = [];
    let skipToken;
    let pages = 0;
    let truncated = false;
    let totalRecords;
    const maxPages = options.maxPages ?? 1000;
    do {
        const response = await graph.resources({
            query,
            ...(scope.subscriptions?.length ? { subscriptions: scope.subscriptions } : {}),
            ...(scope.managementGroups?.length ? { managementGroups: scope.managementGroups } : {}),
            options: { top: options.pageSize ?? 1000, skipToken, resultFormat: 'objectArray' },
        });
        pages++;
        rows.push(...(response.data ?? []));
        totalRecords = response.totalRecords;
        truncated ||= response.resultTruncated === 'true';
        skipToken = response.skipToken ?? undefined;
    } while (skipToken && pages < maxPages);
    return { rows, pages, complete: !skipToken && !truncated, totalRecords };
}
/** Quotes a value as a KQL string literal, so user data never becomes query syntax. */
function kqlString(value) {
    return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\r/g, '\\r').replace(/\n/g, '\\n')}'`;
}

;// CONCATENATED MODULE: ./packages/azure/src/ids.ts

const CLUSTER_ID = /^\/subscriptions\/([0-9a-f-]{36})\/resourceGroups\/([-\w._()]{1,90})\/providers\/(Microsoft\.Kubernetes\/connectedClusters|Microsoft\.ContainerService\/managedClusters)\/([A-Za-z0-9][-A-Za-z0-9_.]{0,62})$/i;
/** Parses the ARM id of an Arc-connected or AKS cluster; throws a ConfigurationError naming the input otherwise. */
function parseClusterId(id, input = 'targets') {
    const match = CLUSTER_ID.exec(id.trim());
    if (!match) {
        throw new src/* ConfigurationError */.j1(`Input "${input}" has ${(0,src/* shown */.SP)(id)}, which is not a cluster resource id; expected /subscriptions/<guid>/resourceGroups/<group>/providers/Microsoft.Kubernetes/connectedClusters/<name> (or Microsoft.ContainerService/managedClusters).`, input);
    }
    const [provider, type] = match[3].split('/');
    return { id: match[0], subscriptionId: match[1].toLowerCase(), resourceGroup: match[2], provider, type, name: match[4] };
}
function clusterId(subscriptionId, resourceGroup, name, type = 'Microsoft.Kubernetes/connectedClusters') {
    return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/${type}/${name}`;
}

;// CONCATENATED MODULE: ./packages/azure/src/fleet.ts

const TYPE = {
    connectedClusters: 'microsoft.kubernetes/connectedclusters',
    managedClusters: 'microsoft.containerservice/managedclusters',
};
const ID_CHUNK = 400;
/** The KQL `where` clauses of a selector; every user value is a quoted literal. */
function selectorClauses(selector) {
    const clauses = Object.entries(selector.tags ?? {}).map(([key, value]) => `| where tags[${kqlString(key)}] == ${kqlString(value)}`);
    if (selector.resourceGroups?.length)
        clauses.push(`| where resourceGroup in~ (${selector.resourceGroups.map(kqlString).join(', ')})`);
    return clauses;
}
function scopeOf(selector, defaultSubscription) {
    if (selector.managementGroups?.length)
        return { managementGroups: selector.managementGroups };
    return { subscriptions: selector.subscriptions?.length ? selector.subscriptions : [defaultSubscription] };
}
const CLUSTER_PROJECTION = '| project id, name, subscriptionId, resourceGroup, location, tags, connectivityStatus = properties.connectivityStatus, ' +
    'lastConnectivityTime = properties.lastConnectivityTime, agentVersion = properties.agentVersion, ' +
    'kubernetesVersion = properties.kubernetesVersion, distribution = properties.distribution, infrastructure = properties.infrastructure, ' +
    'totalNodeCount = properties.totalNodeCount, provisioningState = properties.provisioningState, ' +
    'managedIdentityCertificateExpirationTime = properties.managedIdentityCertificateExpirationTime\n| order by id asc';
/**
 * The clusters of a fleet with their connectivity, versions and node counts, in as few Resource Graph calls as
 * the fleet allows (1,000 rows a page). Explicit ids are queried in chunks; ids that Resource Graph does not know
 * are returned in `missing`.
 */
async function listFleetClusters(clients, target, defaultSubscription) {
    const type = TYPE[target.clusterType ?? 'connectedClusters'];
    const base = `resources\n| where type =~ ${kqlString(type)}`;
    if (target.ids?.length) {
        const rows = [];
        let complete = true;
        let queries = 0;
        const subscriptions = [...new Set(target.ids.map((id) => id.split('/')[2].toLowerCase()))];
        for (let i = 0; i < target.ids.length; i += ID_CHUNK) {
            const ids = target.ids.slice(i, i + ID_CHUNK);
            const result = await graph_queryGraph(clients, `${base}\n| where id in~ (${ids.map(kqlString).join(', ')})\n${CLUSTER_PROJECTION}`, {
                subscriptions,
            });
            rows.push(...result.rows);
            complete &&= result.complete;
            queries += result.pages;
        }
        const found = new Set(rows.map((r) => r.id.toLowerCase()));
        return { rows, complete, queries, missing: target.ids.filter((id) => !found.has(id.toLowerCase())) };
    }
    const selector = target.selector ?? {};
    const query = [base, ...selectorClauses(selector), CLUSTER_PROJECTION].join('\n');
    const result = await graph_queryGraph(clients, query, scopeOf(selector, defaultSubscription));
    return { rows: result.rows, complete: result.complete, queries: result.pages, missing: [] };
}
/** The cluster id that an extension, flux configuration or state id belongs to (lower-cased). */
function owningClusterId(resourceId) {
    const lower = resourceId.toLowerCase();
    const cut = lower.indexOf('/providers/microsoft.kubernetesconfiguration/');
    return cut >= 0 ? lower.slice(0, cut) : lower;
}
/** Extensions and Flux configurations of every cluster in scope: two Resource Graph queries, paged. */
/** Extension properties are PascalCase in Resource Graph (ExtensionType, ProvisioningState); Flux ones camelCase. */
async function listFleetConfiguration(clients, scope) {
    const ext = await queryGraph(clients, "kubernetesconfigurationresources\n| where type =~ 'microsoft.kubernetesconfiguration/extensions'\n" +
        '| project id, name, extensionType = properties.ExtensionType, provisioningState = properties.ProvisioningState, version = properties.Version\n| order by id asc', scope);
    const flux = await queryGraph(clients, "kubernetesconfigurationresources\n| where type =~ 'microsoft.kubernetesconfiguration/fluxconfigurations'\n" +
        '| project id, name, complianceState = properties.complianceState, provisioningState = properties.provisioningState, statuses = properties.statuses\n| order by id asc', scope);
    return {
        extensions: { rows: ext.rows.map((r) => ({ ...r, clusterId: owningClusterId(r.id) })), complete: ext.complete, queries: ext.pages },
        flux: { rows: flux.rows.map((r) => ({ ...r, clusterId: owningClusterId(r.id) })), complete: flux.complete, queries: flux.pages },
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(38816);
;// CONCATENATED MODULE: ./packages/azure/src/inputs.ts






/**
 * The inputs shared by every action: the Azure identity (GitHub OIDC → Entra), the fleet targets (explicit ARM ids
 * or a Resource Graph selector), `dry-run`, and paths inside the workspace. Each reader validates everything and
 * throws a ConfigurationError that names the input, the value and what is allowed.
 */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GUID_RULE = { regex: GUID, description: 'a GUID such as 00000000-0000-0000-0000-000000000000' };
/** The GitHub OIDC audience Entra expects by default, per cloud (Microsoft Entra federated credential docs). */
const DEFAULT_AUDIENCES = {
    AzureCloud: 'api://AzureADTokenExchange',
    AzureUSGovernment: 'api://AzureADTokenExchangeUSGov',
    AzureChinaCloud: 'api://AzureADTokenExchangeChina',
};
function readAzureIdentityInputs(options = {}) {
    const clientId = (0,src/* requiredString */.Fk)('client-id', { pattern: GUID_RULE }).toLowerCase();
    const tenantId = (0,src/* requiredString */.Fk)('tenant-id', { pattern: GUID_RULE }).toLowerCase();
    const subscriptionId = options.subscriptionRequired
        ? (0,src/* requiredString */.Fk)('subscription-id', { pattern: GUID_RULE })
        : (0,src/* optionalString */.sx)('subscription-id', { pattern: GUID_RULE });
    const environment = parseEnvironment((0,src/* optionalString */.sx)('environment', { maxLength: 4096 }) ?? '', 'environment');
    const audience = (0,src/* optionalString */.sx)('audience', {
        maxLength: 256,
        pattern: { regex: /^[^\s"'<>]+$/, description: 'an audience without spaces or quotes, such as api://AzureADTokenExchange' },
    }) ??
        DEFAULT_AUDIENCES[environment.name] ??
        DEFAULT_AUDIENCES.AzureCloud;
    return { clientId, tenantId, subscriptionId: subscriptionId?.toLowerCase(), environment, audience };
}
// ---- fleet targets ----------------------------------------------------------------------------------------------
/**
 * Values that end up inside Resource Graph (KQL) queries: printable, and without quotes, backslashes or the
 * characters Azure forbids in tag names, so that a selector is data and never query text.
 */
// eslint-disable-next-line no-control-regex -- rejecting control characters in user input is the point
const SAFE_TEXT = /^[^\u0000-\u001f\u007f'"\\`<>%&?/]+$/;
const safeText = (what, max) => schemas/* string */.YjP({ error: `expected ${what} as text` })
    .min(1, `${what} must not be empty`)
    .max(max, `${what} must be at most ${max} characters`)
    .regex(SAFE_TEXT, `${what} must not contain quotes, backslashes, control characters or any of < > % & ? /`);
const tagValue = schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig(), schemas/* boolean */.zMY()]).transform(String).pipe(safeText('a tag value', 256));
const selectorSchema = schemas/* strictObject */.rej({
    tags: schemas/* record */.g1P(schemas/* string */.YjP(), tagValue)
        .superRefine((tags, ctx) => {
        for (const key of Object.keys(tags)) {
            const checked = safeText('a tag name', 512).safeParse(key);
            if (!checked.success)
                ctx.addIssue({ code: 'custom', path: [key], message: checked.error.issues[0].message });
        }
    })
        .optional(),
    subscriptions: schemas/* array */.YOg(schemas/* string */.YjP().regex(GUID, 'expected subscription ids as GUIDs')).min(1).optional(),
    'management-groups': schemas/* array */.YOg(schemas/* string */.YjP().regex(/^[-\w().]{1,90}$/, 'expected management group ids (1-90 letters, digits, - _ ( ) .)'))
        .min(1)
        .optional(),
    'resource-groups': schemas/* array */.YOg(schemas/* string */.YjP().regex(/^[-\w().]{0,89}[-\w()]$/, 'expected resource group names (1-90 letters, digits, - _ ( ) ., not ending in .)'))
        .min(1)
        .optional(),
}, {
    error: (issue) => issue.code === 'unrecognized_keys'
        ? `unknown key ${issue.keys.join(', ')}; allowed: tags, subscriptions, management-groups, resource-groups`
        : undefined,
})
    .refine((s) => Object.keys(s).some((k) => s[k] !== undefined && (k !== 'tags' || Object.keys(s.tags ?? {}).length > 0)), {
    message: 'a selector needs at least one of tags, subscriptions, management-groups or resource-groups',
});
/** `targets` (ARM ids, one a line or comma-separated) or `selector` (YAML), exactly one of them. */
function readFleetTargetInputs(options = {}) {
    const ids = (0,src/* listInput */.dt)('targets', { max: 10_000 });
    const selectorText = (0,src/* optionalString */.sx)('selector', { maxLength: 65_536 }) ?? '';
    if (ids.length > 0 && selectorText) {
        throw new src/* ConfigurationError */.j1('Inputs "targets" and "selector" are both set; set exactly one: cluster ids in "targets" or a query in "selector".', 'targets');
    }
    if (ids.length > 0) {
        const seen = new Map();
        const targets = ids.map((id) => {
            const parsed = parseClusterId(id, 'targets');
            const key = parsed.id.toLowerCase();
            if (seen.has(key))
                throw new src/* ConfigurationError */.j1(`Input "targets" lists ${(0,src/* shown */.SP)(parsed.id)} twice; list each cluster once.`, 'targets');
            seen.set(key, parsed.id);
            return parsed;
        });
        return { kind: 'targets', targets };
    }
    if (selectorText) {
        const s = (0,src/* parseYamlWithSchema */.Ku)(selectorText, selectorSchema, 'Input "selector"', 'selector');
        return {
            kind: 'selector',
            selector: {
                tags: s.tags ?? {},
                subscriptions: (s.subscriptions ?? []).map((x) => x.toLowerCase()),
                managementGroups: s['management-groups'] ?? [],
                resourceGroups: s['resource-groups'] ?? [],
            },
        };
    }
    if (options.required) {
        throw new src/* ConfigurationError */.j1('Inputs "targets" and "selector" are both empty; set "targets" to cluster resource ids or "selector" to a YAML query (tags, subscriptions, management-groups, resource-groups).', 'targets');
    }
    return undefined;
}
/** A plain-data view of the targets for plans and outputs. */
function describeTargets(targets) {
    if (!targets)
        return null;
    return targets.kind === 'targets' ? { targets: targets.targets.map((t) => t.id) } : { selector: targets.selector };
}
// ---- generic inputs shared by the actions -----------------------------------------------------------------------
const readDryRun = () => (0,src/* booleanInput */.tE)('dry-run', false);
/** The workspace root: GITHUB_WORKSPACE, or the current directory outside Actions. */
function workspaceRoot() {
    return (0,external_node_path_.resolve)(process.env.GITHUB_WORKSPACE || process.cwd());
}
/** The real path, or undefined for a dangling symbolic link. */
function realOrUndefined(path) {
    try {
        return (0,external_node_fs_.realpathSync)(path);
    }
    catch {
        return undefined;
    }
}
function lstatExists(path) {
    try {
        (0,external_node_fs_.lstatSync)(path);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * Resolves a path input relative to the workspace and refuses anything outside it (`..`, absolute paths elsewhere,
 * symbolic links leading out). `mustExist` checks existence and kind.
 */
function workspacePath(input, value, options = {}) {
    const root = workspaceRoot();
    const full = (0,external_node_path_.resolve)(root, value);
    const inside = (p, base) => {
        const rel = (0,external_node_path_.relative)(base, p);
        return rel === '' || (!rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel));
    };
    if (!inside(full, root)) {
        throw new src/* ConfigurationError */.j1(`Input "${input}" has the path ${(0,src/* shown */.SP)(value)}, which is outside the workspace; use a path inside GITHUB_WORKSPACE.`, input);
    }
    if (!options.mustExist && (0,external_node_fs_.existsSync)(root)) {
        // A path to be written: whatever part of it exists (the file itself when it is a link, else its nearest existing
        // folder) must resolve inside the workspace, so that a symbolic link cannot redirect the write elsewhere.
        let existing = full;
        while (!lstatExists(existing) && (0,external_node_path_.dirname)(existing) !== existing)
            existing = (0,external_node_path_.dirname)(existing);
        const real = realOrUndefined(existing);
        if (real === undefined || !inside(real, (0,external_node_fs_.realpathSync)(root))) {
            throw new src/* ConfigurationError */.j1(`Input "${input}" has the path ${(0,src/* shown */.SP)(value)}, which links outside the workspace; use a path inside GITHUB_WORKSPACE.`, input);
        }
        return full;
    }
    if (!options.mustExist)
        return full;
    if (!(0,external_node_fs_.existsSync)(full)) {
        throw new src/* ConfigurationError */.j1(`Input "${input}" has the path ${(0,src/* shown */.SP)(value)}, which does not exist in the workspace (did you forget actions/checkout?).`, input);
    }
    const real = (0,external_node_fs_.realpathSync)(full);
    if (!inside(real, (0,external_node_fs_.realpathSync)(root))) {
        throw new src/* ConfigurationError */.j1(`Input "${input}" has the path ${(0,src/* shown */.SP)(value)}, which links outside the workspace; use a path inside GITHUB_WORKSPACE.`, input);
    }
    const isDir = (0,external_node_fs_.statSync)(real).isDirectory();
    if (options.mustExist === 'file' && isDir) {
        throw new src/* ConfigurationError */.j1(`Input "${input}" has the path ${(0,src/* shown */.SP)(value)}, which is a directory; a file is expected.`, input);
    }
    if (options.mustExist === 'directory' && !isDir) {
        throw new src/* ConfigurationError */.j1(`Input "${input}" has the path ${(0,src/* shown */.SP)(value)}, which is a file; a directory is expected.`, input);
    }
    return real;
}
/** The identity inputs as reports and plans show them (no secrets are part of them). */
function identityView(identity) {
    return {
        clientId: identity.clientId,
        tenantId: identity.tenantId,
        subscriptionId: identity.subscriptionId,
        environment: identity.environment.name,
        audience: identity.audience,
    };
}

;// CONCATENATED MODULE: ./packages/azure/src/arm-errors.ts
/** Whether an SDK error is ARM's 404 (ResourceNotFound, ResourceGroupNotFound, PolicyAssignmentNotFound, …). */
function isNotFound(error) {
    return error?.statusCode === 404 || /NotFound$/.test(error?.code ?? '');
}
/** The resource, or undefined when ARM says it does not exist; any other error is thrown. */
async function ifExists(read) {
    try {
        return await read;
    }
    catch (error) {
        if (isNotFound(error))
            return undefined;
        throw error;
    }
}

;// CONCATENATED MODULE: ./packages/azure/src/index.ts











/***/ }),

/***/ 19297:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  j1: () => (/* reexport */ ConfigurationError),
  Km: () => (/* reexport */ RetryBudget),
  tE: () => (/* reexport */ booleanInput),
  xS: () => (/* reexport */ countChanges),
  p5: () => (/* reexport */ diffFields),
  Ts: () => (/* reexport */ durationInput),
  gX: () => (/* reexport */ enumInput),
  gJ: () => (/* reexport */ errorMessage),
  a3: () => (/* reexport */ formatDuration),
  $A: () => (/* reexport */ integerInput),
  ZS: () => (/* reexport */ lineOfPath),
  dt: () => (/* reexport */ listInput),
  Rm: () => (/* reexport */ log),
  AW: () => (/* reexport */ mapSettled),
  $l: () => (/* reexport */ maskSecret),
  sx: () => (/* reexport */ optionalString),
  E9: () => (/* reexport */ parseDuration),
  Ku: () => (/* reexport */ parseYamlWithSchema),
  E$: () => (/* reexport */ redact),
  Fk: () => (/* reexport */ requiredString),
  Cs: () => (/* reexport */ runAction),
  uH: () => (/* reexport */ setOutput),
  SP: () => (/* reexport */ shown),
  yy: () => (/* reexport */ sleep),
  JB: () => (/* reexport */ stableStringify),
  fm: () => (/* reexport */ waitFor),
  eR: () => (/* reexport */ yamlInput)
});

// UNUSED EXPORTS: clearSecretsForTesting, isConfigurationError, mapLimit, overallChange, redactJson, worstStatus

;// CONCATENATED MODULE: ./packages/core/src/errors.ts
/**
 * A mistake in what the user asked for: a bad input, a bad file, a request that cannot be met as written.
 * Its message is one sentence that names the input, the value and what is allowed, so the fix is obvious.
 * Actions report it without a stack trace and before any write to Azure.
 */
class ConfigurationError extends Error {
    input;
    name = 'ConfigurationError';
    constructor(message, input) {
        super(message);
        this.input = input;
    }
}
function isConfigurationError(error) {
    return error instanceof ConfigurationError || (error instanceof Error && error.name === 'ConfigurationError');
}
/** The message of anything thrown, without assuming it is an Error. */
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    if (typeof error === 'string')
        return error;
    try {
        return JSON.stringify(error);
    }
    catch {
        return String(error);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/duration.ts
const UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
/**
 * Parses durations such as `90s`, `15m`, `1h30m`, `7d`. A bare number is seconds.
 * Returns milliseconds, or undefined when the text is not a duration.
 */
function parseDuration(text) {
    const value = text.trim().toLowerCase();
    if (/^\d+$/.test(value))
        return Number(value) * 1000;
    const part = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/gy;
    let total = 0;
    let consumed = 0;
    for (let match = part.exec(value); match; match = part.exec(value)) {
        total += Number(match[1]) * UNITS[match[2]];
        consumed = part.lastIndex;
    }
    if (consumed === 0 || consumed !== value.length)
        return undefined;
    return Math.round(total);
}
/** Formats milliseconds the way users write them: `7d`, `1h30m`, `45s`, `250ms`. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    let rest = Math.round(ms / 1000);
    const parts = [];
    for (const [unit, size] of [
        ['d', 86_400],
        ['h', 3_600],
        ['m', 60],
        ['s', 1],
    ]) {
        const n = Math.floor(rest / size);
        if (n > 0)
            parts.push(`${n}${unit}`);
        rest -= n * size;
    }
    return parts.join('');
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(96421);
;// CONCATENATED MODULE: ./packages/core/src/masking.ts

const secrets = new Set();
/**
 * Registers a secret: the runner masks it in its logs (`core.setSecret`) and everything this library writes
 * (logs, summaries, comments, check runs, outputs, files) is redacted with {@link redact}. Multi-line secrets
 * (keys, kubeconfigs) also have their secret-looking lines registered, because the runner masks line by line;
 * credentials inside structured secrets are registered by their parsers (e.g. maskKubeconfig).
 */
function maskSecret(value) {
    if (!value)
        return;
    // Lines of a multi-line secret are registered too when they look like secret material (a PEM body line, a token):
    // structural lines such as "clusters:" or "- name: prod" would otherwise be masked in every later message.
    const lines = value.includes('\n')
        ? value
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter((line) => /^[A-Za-z0-9+/=_.~-]{16,}$/.test(line))
        : [];
    const candidates = [value, ...lines];
    for (const candidate of candidates) {
        if (candidate.length < 4 || secrets.has(candidate))
            continue;
        secrets.add(candidate);
        core/* setSecret */.Pq(candidate);
    }
}
/** Replaces every registered secret in the text with `***`, longest first. */
function redact(text) {
    if (secrets.size === 0 || !text)
        return text;
    let out = text;
    for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
        if (out.includes(secret))
            out = out.split(secret).join('***');
    }
    return out;
}
/** Redacts a value after turning it into JSON, for outputs and reports. */
function redactJson(value, space) {
    return redact(JSON.stringify(value, null, space));
}
/** For tests: forget the registered secrets. */
function clearSecretsForTesting() {
    secrets.clear();
}

;// CONCATENATED MODULE: ./packages/core/src/logger.ts


const log = {
    info: (message) => core/* info */.pq(redact(message)),
    debug: (message) => core/* debug */.Yz(redact(message)),
    notice: (message) => core/* notice */.lm(redact(message)),
    warning: (message, properties) => core/* warning */.$e(redact(message), properties),
    error: (message, properties) => core/* error */.z3(redact(message), properties),
    group: (title, fn) => core/* group */.Os(redact(title), fn),
};
/** Sets an output, redacted. Objects are written as JSON. */
function setOutput(name, value) {
    core/* setOutput */.uH(name, redact(typeof value === 'string' ? value : JSON.stringify(value)));
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./packages/core/src/inputs.ts





/**
 * Typed readers over `core.getInput`. Each helper either returns a valid value or throws a
 * {@link ConfigurationError} whose message names the input, the value and what is allowed.
 * Nothing is read at import time: actions call these inside `run()`.
 */
const MAX_SHOWN = 60;
/** Quotes a user value for an error message, shortened so that a huge input does not flood the log. */
function shown(value) {
    const oneLine = value.replace(/\s+/g, ' ').trim();
    const cut = oneLine.length > MAX_SHOWN ? `${oneLine.slice(0, MAX_SHOWN)}… (${value.length} characters)` : oneLine;
    return `"${cut}"`;
}
function raw(name) {
    return core/* getInput */.V4(name, { trimWhitespace: true });
}
function checkString(name, value, options) {
    if (options.secret)
        maskSecret(value);
    const max = options.maxLength ?? 65_536;
    if (value.length > max) {
        throw new ConfigurationError(`Input "${name}" is ${value.length} characters long; at most ${max} are allowed.`, name);
    }
    if (options.pattern && !options.pattern.regex.test(value)) {
        const what = options.secret ? 'The value' : `The value ${shown(value)}`;
        throw new ConfigurationError(`Input "${name}": ${what} is not ${options.pattern.description}.`, name);
    }
    return value;
}
function requiredString(name, options = {}) {
    const value = raw(name);
    if (!value)
        throw new ConfigurationError(`Input "${name}" is required but was empty; set it in the step's "with:" block.`, name);
    return checkString(name, value, options);
}
function optionalString(name, options = {}) {
    const value = raw(name);
    return value ? checkString(name, value, options) : undefined;
}
/** Strict booleans: only `true` or `false` (any case); empty gives the default. */
function booleanInput(name, defaultValue) {
    const value = raw(name);
    if (!value)
        return defaultValue;
    const lower = value.toLowerCase();
    if (lower === 'true')
        return true;
    if (lower === 'false')
        return false;
    throw new ConfigurationError(`Input "${name}" has the value ${shown(value)}; allowed: true or false.`, name);
}
function enumInput(name, allowed, defaultValue) {
    const value = raw(name);
    if (!value) {
        if (defaultValue !== undefined)
            return defaultValue;
        throw new ConfigurationError(`Input "${name}" is required; allowed: ${allowed.join(', ')}.`, name);
    }
    const match = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
    if (!match)
        throw new ConfigurationError(`Input "${name}" has the value ${shown(value)}; allowed: ${allowed.join(', ')}.`, name);
    return match;
}
function integerInput(name, options) {
    const value = raw(name);
    if (!value)
        return options.default;
    const min = options.min ?? Number.MIN_SAFE_INTEGER;
    const max = options.max ?? Number.MAX_SAFE_INTEGER;
    const n = /^-?\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
        throw new ConfigurationError(`Input "${name}" has the value ${shown(value)}; allowed: a whole number from ${min} to ${max}.`, name);
    }
    return n;
}
/** Durations like `90s`, `15m`, `1h30m`, `7d`; returns milliseconds. */
function durationInput(name, options) {
    const value = raw(name) || options.default;
    const ms = parseDuration(value);
    if (ms === undefined) {
        throw new ConfigurationError(`Input "${name}" has the value ${shown(value)}, which is not a duration; use a number and a unit (s, m, h, d), such as ${options.default}.`, name);
    }
    const min = options.min ? parseDuration(options.min) : 0;
    const max = options.max ? parseDuration(options.max) : Number.MAX_SAFE_INTEGER;
    if (ms < min || ms > max) {
        const range = options.max ? `from ${formatDuration(min)} to ${formatDuration(max)}` : `at least ${formatDuration(min)}`;
        throw new ConfigurationError(`Input "${name}" has the value ${shown(value)}; allowed: a duration ${range}.`, name);
    }
    return ms;
}
/** A list given one item per line or comma-separated; empty items and `#` comments are dropped. */
function listInput(name, options = {}) {
    const items = raw(name)
        .split(/[\n,]/)
        .map((s) => s.replace(/#.*$/, '').trim())
        .filter(Boolean);
    if (options.max !== undefined && items.length > options.max) {
        throw new ConfigurationError(`Input "${name}" lists ${items.length} items; at most ${options.max} are allowed.`, name);
    }
    if (options.item) {
        for (const item of items) {
            if (!options.item.regex.test(item)) {
                throw new ConfigurationError(`Input "${name}" has the item ${shown(item)}, which is not ${options.item.description}.`, name);
            }
        }
    }
    return items;
}
/**
 * Parses a YAML (or JSON, a subset of YAML) block and validates it with a zod schema.
 * Errors name the input, the line, the path inside the document and what was expected.
 */
function yamlInput(name, schema, options = {}) {
    const value = raw(name);
    if (!value)
        return undefined;
    // Bounded like every string input, before the YAML parser sees it.
    checkString(name, value, { secret: options.secret, maxLength: options.maxLength });
    return parseYamlWithSchema(value, schema, `Input "${name}"`, name);
}
/** Parses YAML text against a schema; `where` prefixes every error (an input or a file name). */
function parseYamlWithSchema(text, schema, where, input) {
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: true, uniqueKeys: true, lineCounter: lines });
    if (doc.errors.length > 0) {
        const first = doc.errors[0];
        const line = first.linePos?.[0]?.line;
        const reason = first.message
            .split('\n')[0]
            .replace(/ at line \d+, column \d+:?$/, '')
            .replace(/\.$/, '');
        throw new ConfigurationError(`${where}${line ? ` line ${line}` : ''} is not valid YAML: ${reason}.`, input);
    }
    const parsed = schema.safeParse(doc.toJS());
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
        const line = lineOfPath(doc, lines, path);
        const at = path.length ? ` at "${path.join('.')}"` : '';
        throw new ConfigurationError(`${where}${line ? ` line ${line}` : ''}${at}: ${issue.message}.`, input);
    }
    return parsed.data;
}
/** The 1-based line of the deepest node of `path` that exists in the document. */
function lineOfPath(doc, lines, path) {
    for (let depth = path.length; depth >= 0; depth--) {
        const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
        const range = node?.range;
        if (range)
            return lines.linePos(range[0]).line;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./packages/core/src/concurrency.ts
/**
 * Runs `fn` over `items` with at most `limit` in flight; results keep the order of `items`.
 * A rejection of one item does not stop the others: each result is either a value or the error.
 */
async function mapSettled(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            try {
                results[index] = { status: 'fulfilled', value: await fn(items[index], index) };
            }
            catch (reason) {
                results[index] = { status: 'rejected', reason };
            }
        }
    };
    const workers = Math.max(1, Math.min(limit, items.length));
    await Promise.all(Array.from({ length: workers }, worker));
    return results;
}
/** Like {@link mapSettled} but rejects with the first error after all items have finished. */
async function mapLimit(items, limit, fn) {
    const settled = await mapSettled(items, limit, fn);
    const failed = settled.find((r) => r.status === 'rejected');
    if (failed)
        throw failed.reason;
    return settled.map((r) => r.value);
}
/**
 * A budget of retries shared by a whole run, so that a fleet-wide outage fails fast instead of every target
 * retrying to its own limit. `take()` is false once the budget is spent.
 */
class RetryBudget {
    limit;
    used = 0;
    constructor(limit) {
        this.limit = limit;
    }
    take() {
        if (this.used >= this.limit)
            return false;
        this.used++;
        return true;
    }
    get spent() {
        return this.used;
    }
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Polls `probe` until it returns a value other than undefined or the deadline passes. The interval grows
 * from `initialMs` to `maxMs`; never a blind sleep of the whole wait.
 */
async function waitFor(probe, options) {
    const now = options.now ?? Date.now;
    const start = now();
    let interval = options.initialMs ?? 250;
    for (;;) {
        const value = await probe();
        const waitedMs = now() - start;
        if (value !== undefined)
            return { value, waitedMs };
        if (waitedMs >= options.timeoutMs)
            return { value: undefined, waitedMs };
        await sleep(Math.min(interval, Math.max(0, options.timeoutMs - waitedMs)));
        interval = Math.min(interval * 2, options.maxMs ?? 5000);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/plan.ts
/**
 * The result model shared by every action: per target, what was planned and what happened.
 * Reports (summary, outputs, check runs, comments) are all rendered from it.
 */
/** `created`, `updated` or `unchanged`, summarising the changes of one target or one run. */
function overallChange(changes) {
    if (changes.some((c) => c.kind === 'create' && c.resourceType === 'connectedCluster'))
        return 'created';
    if (changes.some((c) => c.kind !== 'unchanged'))
        return 'updated';
    return 'unchanged';
}
function countChanges(targets) {
    const counts = { create: 0, update: 0, delete: 0, unchanged: 0 };
    for (const t of targets)
        for (const c of t.changes)
            counts[c.kind]++;
    return counts;
}
function worstStatus(statuses) {
    for (const s of ['fail', 'warn', 'ok'])
        if (statuses.includes(s))
            return s;
    return statuses.length ? 'skipped' : 'ok';
}
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * The fields of `desired` that differ from `actual`. Only keys present in `desired` are compared:
 * ARM adds read-only fields that the user never set. Arrays are compared whole.
 */
function diffFields(actual, desired, prefix = '') {
    if (isObject(desired)) {
        const base = isObject(actual) ? actual : {};
        return Object.keys(desired).flatMap((key) => {
            const path = prefix ? `${prefix}.${key}` : key;
            const keyActual = Object.keys(base).find((k) => k.toLowerCase() === key.toLowerCase());
            return diffFields(keyActual === undefined ? undefined : base[keyActual], desired[key], path);
        });
    }
    if (desired === undefined)
        return [];
    return stableStringify(actual) === stableStringify(desired) ? [] : [{ path: prefix, before: actual, after: desired }];
}
/** JSON with sorted keys, for comparisons and hashes that must not depend on key order. */
function stableStringify(value) {
    if (Array.isArray(value))
        return `[${value.map(stableStringify).join(',')}]`;
    if (isObject(value)) {
        return `{${Object.keys(value)
            .filter((k) => value[k] !== undefined)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${stableStringify(value[k])}`)
            .join(',')}}`;
    }
    return JSON.stringify(value) ?? 'null';
}

;// CONCATENATED MODULE: ./packages/core/src/run.ts



/**
 * Wraps an action's story so that every failure ends the same way: a ConfigurationError is one line that the
 * user can act on; anything else shows its message (redacted) and, in debug logs, its stack.
 */
async function runAction(name, story) {
    try {
        await story();
    }
    catch (error) {
        if (isConfigurationError(error)) {
            core/* setFailed */.C1(redact(error.message));
            return;
        }
        if (error instanceof Error && error.stack)
            core/* debug */.Yz(redact(error.stack));
        core/* setFailed */.C1(redact(`${name} failed: ${errorMessage(error)}`));
    }
}

;// CONCATENATED MODULE: ./packages/core/src/index.ts










/***/ }),

/***/ 96958:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  S9: () => (/* reexport */ barChart),
  Bv: () => (/* reexport */ blocks),
  fF: () => (/* reexport */ bulletList),
  aY: () => (/* reexport */ code),
  zH: () => (/* reexport */ details),
  kq: () => (/* reexport */ escapeCell),
  oC: () => (/* reexport */ findStickyComment),
  QB: () => (/* reexport */ getOctokit),
  R_: () => (/* reexport */ heading),
  Xg: () => (/* reexport */ planMarkdown),
  Nm: () => (/* reexport */ publishCheckRun),
  X8: () => (/* reexport */ readGitHubTarget),
  Rh: () => (/* reexport */ statusLabel),
  $c: () => (/* reexport */ statusPie),
  tp: () => (/* reexport */ table),
  Fo: () => (/* reexport */ upsertIssue),
  qD: () => (/* reexport */ upsertStickyComment),
  oG: () => (/* reexport */ writeStepSummary)
});

// UNUSED EXPORTS: ANNOTATIONS_PER_REQUEST, ANNOTATION_MESSAGE_MAX_BYTES, ANNOTATION_TITLE_MAX_CHARS, CHECK_RUN_SUMMARY_MAX_BYTES, CHECK_RUN_TEXT_MAX_BYTES, COMMENT_BODY_MAX_CHARS, ISSUE_BODY_MAX_CHARS, LIMITS, STEP_SUMMARY_MAX_BYTES, SUMMARY_SWITCH, codeBlock, escapeHtml, fitMarkdown, hiddenComment, link, measure, normaliseAnnotation, oneLine, pieChart, reportPlan, splitMarkdown, statusIcon, stickyBody, stickyMarker

;// CONCATENATED MODULE: ./packages/report/src/limits.ts
/**
 * GitHub's size limits for what we publish. Comment and issue bodies are counted in characters; check-run
 * output is validated by GitHub in bytes ("summary exceeds a maximum bytesize of 65535") although the docs
 * say characters, so we cut it in bytes, which satisfies both; the step summary is limited per step in bytes.
 */
const COMMENT_BODY_MAX_CHARS = 65_536;
const ISSUE_BODY_MAX_CHARS = 65_536;
const CHECK_RUN_SUMMARY_MAX_BYTES = 65_535;
const CHECK_RUN_TEXT_MAX_BYTES = 65_535;
const ANNOTATIONS_PER_REQUEST = 50;
const STEP_SUMMARY_MAX_BYTES = 1_048_576;
/** Per annotation: `message` and `raw_details` at most 64 KiB, `title` at most 255 characters. */
const ANNOTATION_MESSAGE_MAX_BYTES = 65_535;
const ANNOTATION_TITLE_MAX_CHARS = 255;
const LIMITS = {
    comment: { max: COMMENT_BODY_MAX_CHARS, unit: 'chars', label: 'comment limit of 65,536 characters' },
    issue: { max: ISSUE_BODY_MAX_CHARS, unit: 'chars', label: 'issue limit of 65,536 characters' },
    checkRunSummary: { max: CHECK_RUN_SUMMARY_MAX_BYTES, unit: 'bytes', label: 'check-run summary limit of 65,535 bytes' },
    checkRunText: { max: CHECK_RUN_TEXT_MAX_BYTES, unit: 'bytes', label: 'check-run text limit of 65,535 bytes' },
    stepSummary: { max: STEP_SUMMARY_MAX_BYTES, unit: 'bytes', label: 'step summary limit of 1 MiB' },
};
function measure(text, unit) {
    return unit === 'bytes' ? Buffer.byteLength(text, 'utf8') : text.length;
}

;// CONCATENATED MODULE: ./packages/report/src/markdown.ts
/**
 * Small Markdown builders. Every builder returns a string that ends with a newline where it is a block, so
 * blocks can be joined with `blocks(...)`. Table rows stay on one line, so {@link fitMarkdown} can cut
 * between rows.
 */
/** Joins blocks with one blank line between them, skipping empty ones. */
function blocks(...parts) {
    return parts
        .filter((p) => typeof p === 'string' && p.trim() !== '')
        .map((p) => p.replace(/\n+$/, ''))
        .join('\n\n')
        .concat('\n');
}
function heading(text, level = 2) {
    return `${'#'.repeat(level)} ${oneLine(text)}\n`;
}
/** Text on one line: newlines become spaces. */
function oneLine(text) {
    return text.replace(/\r?\n|\r/g, ' ').trim();
}
/**
 * Escapes a table cell: pipes (also inside code spans, where GitHub honours `\|` too), a backslash right
 * before a pipe, and newlines (as `<br>`). Other Markdown in the cell (links, code, emphasis) is kept.
 */
function escapeCell(value) {
    const text = value === undefined || value === null ? '' : String(value);
    return text
        .replace(/\\(?=\|)/g, '\\\\')
        .replace(/\|/g, '\\|')
        .replace(/\r?\n|\r/g, '<br>')
        .trim();
}
/** A GitHub table; each row is one line and every cell goes through {@link escapeCell}. */
function table(headers, rows, options = {}) {
    const line = (cells) => `| ${headers.map((_, i) => escapeCell(cells[i])).join(' | ')} |`;
    const rule = headers.map((_, i) => ({ left: '---', center: ':---:', right: '---:' })[options.align?.[i] ?? 'left']);
    return [line(headers), `| ${rule.join(' | ')} |`, ...rows.map(line)].join('\n').concat('\n');
}
/** A collapsible block. The blank lines let GitHub render Markdown (tables, lists) inside. */
function details(summary, body, options = {}) {
    return `<details${options.open ? ' open' : ''}><summary>${escapeHtml(oneLine(summary))}</summary>\n\n${body.replace(/\n+$/, '')}\n\n</details>\n`;
}
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** Inline code that survives backticks inside. */
function code(text) {
    const runs = text.match(/`+/g) ?? [];
    const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
    const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${oneLine(text)}${pad}${fence}`;
}
/** A fenced code block whose fence is longer than any backtick run in the content. */
function codeBlock(content, language = '') {
    const runs = content.match(/`{3,}/g) ?? [];
    const fence = '`'.repeat(Math.max(3, ...runs.map((r) => r.length + 1)));
    return `${fence}${language}\n${content.replace(/\n+$/, '')}\n${fence}\n`;
}
/** A link; brackets in the text and parentheses/spaces in the URL are escaped. */
function markdown_link(text, url) {
    const label = oneLine(text).replace(/([[\]\\])/g, '\\$1');
    const target = url.replace(/ /g, '%20').replace(/\(/g, '%28').replace(/\)/g, '%29');
    return `[${label}](${target})`;
}
function bulletList(items) {
    return items
        .map((i) => `- ${oneLine(i)}`)
        .join('\n')
        .concat(items.length ? '\n' : '');
}
const ICONS = { ok: '✅', warn: '⚠️', fail: '❌', skipped: '⏭️' };
const WORDS = { ok: 'OK', warn: 'Warning', fail: 'Failed', skipped: 'Skipped' };
function statusIcon(status) {
    return ICONS[status];
}
/** Icon and word, e.g. `❌ Failed`: the word keeps the meaning for screen readers and plain-text views. */
function statusLabel(status) {
    return `${ICONS[status]} ${WORDS[status]}`;
}
/** A hidden HTML comment (`<!-- text -->`); `--` and `>` are removed so it cannot close early. */
function hiddenComment(text) {
    return `<!-- ${oneLine(text).replace(/--+/g, '-').replace(/>/g, '')} -->`;
}

;// CONCATENATED MODULE: ./packages/report/src/mermaid.ts

/** Mermaid charts as fenced `mermaid` blocks, which GitHub renders in comments, issues and summaries. */
/** Mermaid labels live in double quotes; quotes and line breaks inside would end them. */
function label(text) {
    return `"${text.replace(/\r?\n|\r/g, ' ').replace(/"/g, '#quot;')}"`;
}
/** A pie chart; zero slices are left out (Mermaid draws nothing useful for them). Empty when all are zero. */
function pieChart(title, slices) {
    const shown = slices.filter(([, value]) => value > 0);
    if (shown.length === 0)
        return '';
    const lines = [`pie showData title ${title.replace(/\r?\n|\r/g, ' ')}`, ...shown.map(([name, value]) => `    ${label(name)} : ${value}`)];
    return codeBlock(lines.join('\n'), 'mermaid');
}
const ORDER = ['ok', 'warn', 'fail', 'skipped'];
const NAMES = { ok: 'OK', warn: 'Warning', fail: 'Failed', skipped: 'Skipped' };
/** A pie of target statuses, from a list of statuses or from counts. */
function statusPie(statuses, title = 'Targets by status') {
    const counts = Array.isArray(statuses)
        ? statuses.reduce((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {})
        : statuses;
    return pieChart(title, ORDER.map((s) => [NAMES[s], counts[s] ?? 0]));
}
/** A bar chart of counts (`xychart-beta`), e.g. changes by kind or non-compliant resources by policy. */
function barChart(title, bars, options = {}) {
    if (bars.length === 0)
        return '';
    const max = Math.max(1, ...bars.map(([, v]) => v));
    const lines = [
        'xychart-beta',
        `    title ${label(title)}`,
        `    x-axis [${bars.map(([name]) => label(name)).join(', ')}]`,
        `    y-axis ${label(options.yLabel ?? 'Count')} 0 --> ${max}`,
        `    bar [${bars.map(([, v]) => v).join(', ')}]`,
    ];
    return codeBlock(lines.join('\n'), 'mermaid');
}

;// CONCATENATED MODULE: ./packages/report/src/truncate.ts

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const TABLE_RULE = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const isTableLine = (line) => line.trimStart().startsWith('|');
const isOpen = (line) => /^\s*<details[\s>]/i.test(line) && !/<\/details>/i.test(line);
const isClose = (line) => /^\s*<\/details>\s*$/i.test(line);
const isHeading = (line) => /^ {0,3}#{1,6}(\s|$)/.test(line);
/** Splits Markdown into units that can be kept or dropped whole. Each unit keeps its line endings. */
function splitMarkdown(markdown) {
    const lines = markdown.split(/(?<=\n)/);
    const units = [];
    let i = 0;
    const bare = (line) => line.replace(/\r?\n$/, '');
    while (i < lines.length) {
        const line = bare(lines[i]);
        const fence = FENCE.exec(line);
        if (line.trim() === '') {
            units.push({ kind: 'blank', text: lines[i++] });
        }
        else if (fence) {
            const marker = fence[1];
            let end = i + 1;
            const closes = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
            while (end < lines.length && !closes.test(bare(lines[end])))
                end++;
            units.push({ kind: 'block', text: lines.slice(i, end + 1).join('') });
            i = end + 1;
        }
        else if (isTableLine(line) && i + 1 < lines.length && TABLE_RULE.test(bare(lines[i + 1])) && bare(lines[i + 1]).includes('-')) {
            units.push({ kind: 'head', text: lines[i] + lines[i + 1] });
            i += 2;
            while (i < lines.length && isTableLine(bare(lines[i])))
                units.push({ kind: 'row', text: lines[i++] });
        }
        else if (isOpen(line)) {
            units.push({ kind: 'open', text: lines[i++] });
        }
        else if (isClose(line)) {
            units.push({ kind: 'close', text: lines[i++] });
        }
        else if (isHeading(line)) {
            units.push({ kind: 'block', text: lines[i++] });
        }
        else {
            let end = i + 1;
            const stops = (l) => l.trim() === '' || FENCE.test(l) || isOpen(l) || isClose(l) || isHeading(l) || (isTableLine(l) && !isTableLine(line));
            while (end < lines.length && !stops(bare(lines[end])))
                end++;
            units.push({ kind: 'block', text: lines.slice(i, end).join('') });
            i = end;
        }
    }
    return units;
}
const DEFAULT_FULL_REPORT = 'in the `report` output of this step';
const fmt = (n) => n.toLocaleString('en-US');
const plural = (n, word) => `${fmt(n)} more ${word}${n === 1 ? '' : 's'}`;
function note(limit, omittedRows, totalRows, omittedSections, fullReport) {
    const parts = [];
    if (omittedRows > 0)
        parts.push(`${plural(omittedRows, 'row')} omitted (${fmt(totalRows - omittedRows)} of ${fmt(totalRows)} shown)`);
    if (omittedSections > 0)
        parts.push(`${plural(omittedSections, 'section')} omitted`);
    if (parts.length === 0)
        parts.push('some content omitted');
    return `\n> [!NOTE]\n> Cut to fit GitHub's ${limit.label}: ${parts.join('; ')}; see the full JSON report ${fullReport}.\n`;
}
const CLOSE = '\n</details>\n';
/** Returns the document unchanged when it fits, otherwise a prefix of whole units, closed, with a note. */
function fitMarkdown(markdown, limit, options = {}) {
    const units = splitMarkdown(markdown);
    const totalRows = units.filter((u) => u.kind === 'row').length;
    if (measure(markdown, limit.unit) <= limit.max)
        return { text: markdown, truncated: false, totalRows, omittedRows: 0, omittedSections: 0 };
    const fullReport = options.fullReport ?? DEFAULT_FULL_REPORT;
    const sections = units.filter((u) => u.kind === 'block' || u.kind === 'open').length;
    const opens = units.filter((u) => u.kind === 'open').length;
    // Upper bounds: the note with the largest numbers it can show, and a closing tag for every <details>.
    const reserve = measure(note(limit, totalRows, totalRows, sections, fullReport), limit.unit) + opens * measure(CLOSE, limit.unit) + 1;
    const budget = limit.max - reserve;
    const kept = [];
    let used = 0;
    for (const unit of units) {
        const size = measure(unit.text, limit.unit);
        if (used + size > budget)
            break;
        kept.push(unit);
        used += size;
    }
    // Never end on a table header without rows, an empty <details>, or blank lines.
    while (kept.length && ['head', 'open', 'blank'].includes(kept[kept.length - 1].kind))
        kept.pop();
    const keptRows = kept.filter((u) => u.kind === 'row').length;
    const keptSections = kept.filter((u) => u.kind === 'block' || u.kind === 'open').length;
    const depth = kept.reduce((d, u) => (u.kind === 'open' ? d + 1 : u.kind === 'close' ? Math.max(0, d - 1) : d), 0);
    let text = kept.map((u) => u.text).join('');
    if (text && !text.endsWith('\n'))
        text += '\n';
    text += CLOSE.repeat(depth);
    text += note(limit, totalRows - keptRows, totalRows, sections - keptSections, fullReport);
    if (!kept.length)
        text = text.replace(/^\n+/, '');
    return { text, truncated: true, totalRows, omittedRows: totalRows - keptRows, omittedSections: sections - keptSections };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 8 modules
var src = __webpack_require__(19297);
;// CONCATENATED MODULE: ./packages/report/src/summary.ts




/** Set to `false` to skip the step summary (the actions still write their outputs). */
const SUMMARY_SWITCH = 'ARC_ACTIONS_STEP_SUMMARY';
/** Bytes already in this step's summary file, which count towards the same 1 MiB. */
function bytesAlreadyWritten() {
    const path = process.env.GITHUB_STEP_SUMMARY;
    let size = 0;
    try {
        if (path)
            size = (0,external_node_fs_.statSync)(path).size;
    }
    catch {
        size = 0;
    }
    return size;
}
/**
 * Appends Markdown to the step summary: redacted, then cut to what is left of the 1 MiB a step may write.
 * Returns undefined when the summary is switched off or GITHUB_STEP_SUMMARY is not set (local runs).
 */
async function writeStepSummary(markdown, options = {}) {
    if (process.env[SUMMARY_SWITCH]?.toLowerCase() === 'false' || !process.env.GITHUB_STEP_SUMMARY)
        return undefined;
    const limit = { ...LIMITS.stepSummary, max: Math.max(0, LIMITS.stepSummary.max - bytesAlreadyWritten()) };
    const fitted = fitMarkdown((0,src/* redact */.E$)(markdown), limit, options);
    // Appended directly rather than through core.summary, which caches the file path of the first step it saw.
    (0,external_node_fs_.appendFileSync)(process.env.GITHUB_STEP_SUMMARY, `${fitted.text}\n`);
    return fitted;
}

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(92413);
;// CONCATENATED MODULE: ./packages/report/src/octokit.ts


/**
 * An authenticated Octokit for the GitHub API of this run. `@actions/github` reads GITHUB_API_URL once, when
 * it is first imported; we read it again here, so a stand-in configured later (tests, the sandbox) and GHES
 * are both honoured. `baseUrl` overrides the environment.
 */
function getOctokit(token, baseUrl) {
    (0,src/* maskSecret */.$l)(token);
    return github/* getOctokit */.Q(token, { baseUrl: baseUrl ?? (process.env.GITHUB_API_URL || 'https://api.github.com') });
}

;// CONCATENATED MODULE: ./packages/report/src/check-runs.ts



function cutBytes(text, max) {
    if (Buffer.byteLength(text) <= max)
        return text;
    let out = Buffer.from(text)
        .subarray(0, max - 3)
        .toString('utf8');
    if (out.endsWith('\uFFFD'))
        out = out.slice(0, -1);
    return `${out}…`;
}
/** Paths as GitHub matches them: forward slashes, relative to the repository root. */
function normaliseAnnotation(a) {
    const start = Math.max(1, Math.floor(a.start_line));
    const end = Math.max(start, Math.floor(a.end_line ?? start));
    const out = {
        path: a.path.replace(/\\/g, '/').replace(/^(\.\/|\/)+/, ''),
        start_line: start,
        end_line: end,
        annotation_level: a.annotation_level,
        message: cutBytes((0,src/* redact */.E$)(a.message), ANNOTATION_MESSAGE_MAX_BYTES) || '(no message)',
    };
    // Columns are only allowed when the annotation is on one line.
    if (start === end && a.start_column !== undefined) {
        out.start_column = a.start_column;
        out.end_column = a.end_column ?? a.start_column;
    }
    if (a.title)
        out.title = [...(0,src/* redact */.E$)(a.title)].slice(0, ANNOTATION_TITLE_MAX_CHARS).join('');
    if (a.raw_details)
        out.raw_details = cutBytes((0,src/* redact */.E$)(a.raw_details), ANNOTATION_MESSAGE_MAX_BYTES);
    return out;
}
const annotationKey = (a) => JSON.stringify([a.path, a.start_line, a.end_line ?? a.start_line, a.annotation_level, a.message, a.title ?? '']);
/**
 * Creates the check run, or updates the latest one with the same name on the same SHA so that a rerun does not
 * add a second one. Annotations go out 50 per request: the first batch with the create/update call, the rest
 * with further updates. GitHub appends annotations on every update, so on a rerun the ones already present
 * are not sent again.
 */
async function publishCheckRun(octokit, options) {
    const { owner, repo, name, headSha } = options;
    const summary = fitMarkdown((0,src/* redact */.E$)(options.summary), LIMITS.checkRunSummary, { fullReport: options.fullReport });
    const text = options.text === undefined ? undefined : fitMarkdown((0,src/* redact */.E$)(options.text), LIMITS.checkRunText, { fullReport: options.fullReport });
    const title = (0,src/* redact */.E$)(options.title);
    const existing = (await octokit.paginate(octokit.rest.checks.listForRef, { owner, repo, ref: headSha, check_name: name, filter: 'latest', per_page: 100 }))
        .filter((run) => run.name === name)
        .sort((a, b) => b.id - a.id)[0];
    const seen = new Set();
    if (existing && existing.output.annotations_count > 0) {
        const present = await octokit.paginate(octokit.rest.checks.listAnnotations, { owner, repo, check_run_id: existing.id, per_page: 100 });
        for (const a of present) {
            seen.add(annotationKey({
                path: a.path,
                start_line: a.start_line,
                end_line: a.end_line,
                annotation_level: a.annotation_level,
                message: a.message ?? '',
                title: a.title || undefined,
            }));
        }
    }
    const annotations = (options.annotations ?? []).map(normaliseAnnotation).filter((a) => {
        const key = annotationKey(a);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
    const batches = [];
    for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST)
        batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
    const output = (batch) => ({
        title,
        summary: summary.text,
        ...(text ? { text: text.text } : {}),
        ...(batch?.length ? { annotations: batch } : {}),
    });
    const common = {
        owner,
        repo,
        name,
        status: 'completed',
        conclusion: options.conclusion,
        ...(options.detailsUrl ? { details_url: options.detailsUrl } : {}),
    };
    const first = existing
        ? await octokit.rest.checks.update({ ...common, check_run_id: existing.id, output: output(batches[0]) })
        : await octokit.rest.checks.create({ ...common, head_sha: headSha, output: output(batches[0]) });
    const id = first.data.id;
    for (const batch of batches.slice(1)) {
        await octokit.rest.checks.update({ owner, repo, check_run_id: id, output: { title, summary: summary.text, annotations: batch } });
    }
    return {
        id,
        htmlUrl: first.data.html_url ?? '',
        created: !existing,
        annotationsSent: annotations.length,
        writes: Math.max(1, batches.length),
        truncated: summary.truncated || Boolean(text?.truncated),
    };
}

;// CONCATENATED MODULE: ./packages/report/src/comments.ts



const safe = (part) => part.replace(/[^A-Za-z0-9._/@-]+/g, '-').replace(/-{2,}/g, '-');
/** The hidden marker that identifies our comment: `<!-- arc-actions:<action>:<group> -->`. */
function stickyMarker(action, group) {
    return `<!-- arc-actions:${safe(action)}:${safe(group)} -->`;
}
/** The comment body: the marker on the first line, then the redacted body cut below GitHub's limit. */
function stickyBody(marker, body, fullReport) {
    const prefix = `${marker}\n`;
    const limit = { ...LIMITS.comment, max: LIMITS.comment.max - measure(prefix, LIMITS.comment.unit) };
    const fitted = fitMarkdown((0,src/* redact */.E$)(body), limit, { fullReport });
    return { text: prefix + fitted.text, truncated: fitted.truncated };
}
/**
 * Keeps exactly one comment per action and target group on a pull request or issue: updates ours in place,
 * creates it when missing and deletes extra copies (left by concurrent jobs). An identical body is not rewritten.
 */
async function upsertStickyComment(octokit, options) {
    const { owner, repo, issueNumber } = options;
    const marker = stickyMarker(options.action, options.group);
    const { text, truncated } = stickyBody(marker, options.body, options.fullReport);
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 });
    const ours = comments.filter((c) => (c.body ?? '').trimStart().startsWith(marker)).sort((a, b) => a.id - b.id);
    if (ours.length === 0) {
        const created = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body: text });
        return { id: created.data.id, htmlUrl: created.data.html_url, outcome: 'created', deleted: 0, truncated };
    }
    const [keep, ...extra] = ours;
    for (const copy of extra)
        await octokit.rest.issues.deleteComment({ owner, repo, comment_id: copy.id });
    if (keep.body === text)
        return { id: keep.id, htmlUrl: keep.html_url, outcome: 'unchanged', deleted: extra.length, truncated };
    const updated = await octokit.rest.issues.updateComment({ owner, repo, comment_id: keep.id, body: text });
    return { id: updated.data.id, htmlUrl: updated.data.html_url, outcome: 'updated', deleted: extra.length, truncated };
}
/** The body of our sticky comment on a pull request, if there is one (to read state a previous run left in it). */
async function findStickyComment(octokit, options) {
    const marker = stickyMarker(options.action, options.group);
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
        owner: options.owner,
        repo: options.repo,
        issue_number: options.issueNumber,
        per_page: 100,
    });
    return comments.filter((c) => (c.body ?? '').trimStart().startsWith(marker)).sort((a, b) => a.id - b.id)[0]?.body ?? undefined;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./packages/report/src/issues.ts




const DIGEST = /<!-- arc-actions:digest:([0-9a-f]{64}) -->/;
/** A body stamped with a digest of its full text, so that a later run can tell whether anything changed. */
function stamped(body, fullReport) {
    const redacted = (0,src/* redact */.E$)(body);
    const digest = (0,external_node_crypto_.createHash)('sha256').update(redacted).digest('hex');
    const stamp = `\n<!-- arc-actions:digest:${digest} -->\n`;
    const limit = { ...LIMITS.issue, max: LIMITS.issue.max - measure(stamp, LIMITS.issue.unit) };
    return { text: fitMarkdown(redacted, limit, { fullReport }).text.replace(/\n*$/, '') + stamp, digest };
}
/**
 * A regression issue that follows a recurring check (arc-verify): opened when the problem appears, a comment
 * when the report changes, closed when the problem is gone. The issue is found by its label, among open
 * issues (pull requests are skipped).
 */
async function upsertIssue(octokit, options) {
    const { owner, repo, label } = options;
    const open = (await octokit.paginate(octokit.rest.issues.listForRepo, { owner, repo, labels: label, state: 'open', per_page: 100 }))
        .filter((i) => !i.pull_request)
        .sort((a, b) => a.number - b.number);
    const issue = open[0];
    const { text, digest } = stamped(options.body, options.fullReport);
    if (!options.open) {
        if (!issue)
            return { outcome: 'none' };
        if (options.body.trim())
            await octokit.rest.issues.createComment({ owner, repo, issue_number: issue.number, body: text });
        await octokit.rest.issues.update({ owner, repo, issue_number: issue.number, state: 'closed', state_reason: 'completed' });
        return { outcome: 'closed', number: issue.number, htmlUrl: issue.html_url };
    }
    if (!issue) {
        const created = await octokit.rest.issues.create({ owner, repo, title: (0,src/* redact */.E$)(options.title), body: text, labels: [label] });
        return { outcome: 'opened', number: created.data.number, htmlUrl: created.data.html_url };
    }
    // The latest report is in the newest comment that carries a digest, or else in the issue body.
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: issue.number, per_page: 100 });
    const latest = [...comments].reverse().find((c) => DIGEST.test(c.body ?? ''))?.body ?? issue.body ?? '';
    if (DIGEST.exec(latest)?.[1] === digest)
        return { outcome: 'unchanged', number: issue.number, htmlUrl: issue.html_url };
    await octokit.rest.issues.createComment({ owner, repo, issue_number: issue.number, body: text });
    return { outcome: 'commented', number: issue.number, htmlUrl: issue.html_url };
}

;// CONCATENATED MODULE: ./packages/report/src/github-context.ts

/** Reads the run's context from the runner's environment and event file (at call time, not import time). */
function readGitHubTarget(env = process.env) {
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    if (!owner || !repo)
        return undefined;
    let event = {};
    try {
        if (env.GITHUB_EVENT_PATH)
            event = JSON.parse((0,external_node_fs_.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
    }
    catch {
        /* no event file: not a pull request */
    }
    const pr = event.pull_request;
    return { owner, repo, sha: pr?.head?.sha ?? env.GITHUB_SHA ?? '', pullRequest: pr?.number };
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var lib_core = __webpack_require__(96421);
;// CONCATENATED MODULE: ./packages/report/src/plan-report.ts


const plan_report_escapeCell = (text) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
/** The plan as step-summary markdown. */
function planMarkdown(plan, note) {
    const rows = plan.steps.map((s) => `| ${s.phase} | ${plan_report_escapeCell(s.what)} |`).join('\n');
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
    await log.group(`${plan.action}: plan`, async () => {
        for (const step of plan.steps)
            log.info(`${step.phase.padEnd(10)} ${step.what}`);
    });
    setOutput('plan', plan);
    if (process.env.GITHUB_STEP_SUMMARY)
        await core.summary.addRaw(redact(planMarkdown(plan, note))).write();
    log.notice(note);
}

;// CONCATENATED MODULE: ./packages/report/src/index.ts













/***/ })

};
