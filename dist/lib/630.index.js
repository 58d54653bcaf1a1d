export const id = 630;
export const ids = [630];
export const modules = {

/***/ 74334:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createOidcCredential: () => (/* binding */ createOidcCredential)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96421);
/* harmony import */ var _arc_actions_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(34786);
/* harmony import */ var _oidc_diagnostics_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(35451);



/**
 * A credential that exchanges a GitHub OIDC token for an Entra access token. The assertion callback asks GitHub for
 * a fresh OIDC token every time MSAL needs one, so runs longer than the token lifetime keep working.
 * Entra errors are rewritten into sentences that show the token's claims and the fix.
 */
async function createOidcCredential(options) {
    (0,_oidc_diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .assertOidcAvailable */ .FC)();
    const { ClientAssertionCredential } = await Promise.all(/* import() */[__webpack_require__.e(738), __webpack_require__.e(948)]).then(__webpack_require__.bind(__webpack_require__, 483));
    let lastClaims;
    const inner = new ClientAssertionCredential(options.tenantId, options.clientId, async () => {
        const token = await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getIDToken */ .V9(options.audience);
        lastClaims = (0,_oidc_diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .decodeClaims */ .Yq)(token);
        _arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .log */ .Rm.debug(`Requested a GitHub OIDC token for audience ${options.audience} (sub ${lastClaims?.sub}).`);
        return token;
    }, { authorityHost: options.environment.authorityHost, disableInstanceDiscovery: options.environment.custom });
    return {
        async getToken(scopes, getTokenOptions) {
            try {
                return await inner.getToken(scopes, getTokenOptions);
            }
            catch (error) {
                const explained = (0,_oidc_diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .explainEntraError */ .cC)((0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error), lastClaims, options.clientId, options.tenantId);
                if (explained)
                    throw new Error(explained, { cause: error });
                throw error;
            }
        },
    };
}


/***/ }),

/***/ 64601:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sh: () => (/* reexport */ CLUSTER_RP),
  gu: () => (/* reexport */ Clusters),
  C$: () => (/* reexport */ ExtensionInstaller),
  Je: () => (/* reexport */ FluxConfigurations),
  Sm: () => (/* reexport */ GUID),
  Y5: () => (/* reexport */ agentCloudName),
  pu: () => (/* reexport */ allowlistText),
  b6: () => (/* reexport */ allowlistUrl),
  bO: () => (/* reexport */ applyContainerInsights),
  ZB: () => (/* reexport */ arcEndpoints),
  ul: () => (/* reexport */ armClientsFor),
  yZ: () => (/* reexport */ assignmentsAtCluster),
  lE: () => (/* reexport */ clusterKeyOf),
  EC: () => (/* reexport */ clusterLabels),
  eN: () => (/* reexport */ clusterRef),
  nV: () => (/* reexport */ containerErrorsQuery),
  Sh: () => (/* reexport */ containerInsightsExtension),
  A4: () => (/* reexport */ createRemediation),
  qY: () => (/* reexport */ createResourceGroup),
  QN: () => (/* reexport */ createRoleAssignment),
  Nu: () => (/* reexport */ deleteExemption),
  w5: () => (/* reexport */ describeArmError),
  Eg: () => (/* reexport */ describeTargets),
  pD: () => (/* reexport */ diffAllowlist),
  Zq: () => (/* reexport */ discoveryModeFor),
  UQ: () => (/* reexport */ emptySelectionError),
  lV: () => (/* reexport */ enableClusterWorkloadIdentity),
  YR: () => (/* reexport */ ensureFederatedCredential),
  Ms: () => (/* reexport */ entryOf),
  vd: () => (/* reexport */ holdsRole),
  wg: () => (/* reexport */ identityView),
  Qk: () => (/* reexport */ inClusterEgressRows),
  ol: () => (/* reexport */ inClusterProbeTargets),
  aX: () => (/* reexport */ kqlString),
  Yh: () => (/* reexport */ listBuiltInDefinitionVersions),
  Ku: () => (/* reexport */ listExemptionsOf),
  q4: () => (/* reexport */ listFleetClusters),
  aF: () => (/* reexport */ listRemediationDeployments),
  sd: () => (/* reexport */ listRoleAssignmentsAt),
  JK: () => (/* reexport */ parseAllowlist),
  Hy: () => (/* reexport */ parseClusterId),
  PC: () => (/* reexport */ parseIdentityId),
  YU: () => (/* reexport */ parsePreviousAllowlist),
  is: () => (/* reexport */ planContainerInsights),
  vR: () => (/* reexport */ portalQueryLink),
  IP: () => (/* reexport */ probeableHosts),
  xk: () => (/* reexport */ queryGraph),
  tl: () => (/* reexport */ readAllowEmpty),
  K6: () => (/* reexport */ readAssignment),
  dp: () => (/* reexport */ readAzureIdentityInputs),
  Uk: () => (/* reexport */ readClusterWorkloadIdentity),
  n8: () => (/* reexport */ readCustomDefinition),
  e_: () => (/* reexport */ readDefinitionById),
  n0: () => (/* reexport */ readDryRun),
  Wc: () => (/* reexport */ readExemption),
  y_: () => (/* reexport */ readFleetLogErrors),
  cf: () => (/* reexport */ readFleetState),
  F9: () => (/* reexport */ readFleetTargetInputs),
  uT: () => (/* reexport */ readProviderStates),
  WB: () => (/* reexport */ readRemediation),
  ZH: () => (/* reexport */ readSetById),
  sv: () => (/* reexport */ readUserAssignedIdentity),
  Kp: () => (/* reexport */ registerProviders),
  pz: () => (/* reexport */ relayRows),
  x$: () => (/* reexport */ relayUrl),
  PO: () => (/* reexport */ requiredHosts),
  sZ: () => (/* reexport */ resourceGroupExists),
  P_: () => (/* reexport */ roleAssignmentName),
  E3: () => (/* reexport */ selectorScope),
  hP: () => (/* reexport */ statesOfAssignment),
  Ym: () => (/* reexport */ triggerEvaluations),
  Ou: () => (/* reexport */ windowOf),
  X5: () => (/* reexport */ workspacePath),
  oS: () => (/* reexport */ workspaceRoot),
  Pc: () => (/* reexport */ workspaceSecrets),
  Jc: () => (/* reexport */ writeAssignment),
  kg: () => (/* reexport */ writeCustomDefinition),
  nM: () => (/* reexport */ writeExemption)
});

// UNUSED EXPORTS: ArmClients, CONTAINER_INSIGHTS, DEFAULT_AUDIENCES, ExtensionFailedError, FLUX_EXTENSION_NAME, FLUX_EXTENSION_TYPE, KNOWN_ENVIRONMENTS, MAX_ROWS_PER_WORKSPACE, WORKLOAD_IDENTITY_API, assertOidcAvailable, attemptOf, callPolicies, containerInsightsDomain, containerInsightsWorkspaces, createOidcCredential, dcrName, decodeClaims, defaultWorkspaceRegion, describeCluster, describeNonAscii, explainEntraError, extensionError, extensionState, homeOf, ifExists, isNotFound, isTransient, isWrite, jsonOnlyPolicy, judgeUpgrade, nameTheCallPolicy, nonAsciiInSelector, operationOf, parseEnvironment, policyClientFor, putBody, refOfRow, selectorClauses, selectorSchema, showSelector, splitHostPort, withBudget, workspaceLogErrors, writeThenPoll

// EXTERNAL MODULE: ./packages/core/src/index.ts + 8 modules
var src = __webpack_require__(34786);
;// CONCATENATED MODULE: ./packages/azure/src/environment.ts

// Log Analytics endpoints and token audiences per cloud: @azure/monitor-query-logs `KnownMonitorLogsQueryAudience`.
const KNOWN = {
    AzureCloud: {
        logAnalytics: 'https://api.loganalytics.io',
        logAnalyticsScope: 'https://api.loganalytics.io/.default',
        portal: 'https://portal.azure.com',
        resourceManager: 'https://management.azure.com',
        authorityHost: 'https://login.microsoftonline.com',
        resourceGraph: 'https://management.azure.com',
        tokenScope: 'https://management.azure.com/.default',
        activeDirectoryResourceId: 'https://management.core.windows.net/',
    },
    AzureUSGovernment: {
        logAnalytics: 'https://api.loganalytics.us',
        logAnalyticsScope: 'https://api.loganalytics.us/.default',
        portal: 'https://portal.azure.us',
        resourceManager: 'https://management.usgovcloudapi.net',
        authorityHost: 'https://login.microsoftonline.us',
        resourceGraph: 'https://management.usgovcloudapi.net',
        tokenScope: 'https://management.usgovcloudapi.net/.default',
        activeDirectoryResourceId: 'https://management.core.usgovcloudapi.net/',
    },
    AzureChinaCloud: {
        logAnalytics: 'https://api.loganalytics.azure.cn',
        logAnalyticsScope: 'https://api.loganalytics.azure.cn/.default',
        portal: 'https://portal.azure.cn',
        resourceManager: 'https://management.chinacloudapi.cn',
        authorityHost: 'https://login.chinacloudapi.cn',
        resourceGraph: 'https://management.chinacloudapi.cn',
        tokenScope: 'https://management.chinacloudapi.cn/.default',
        activeDirectoryResourceId: 'https://management.core.chinacloudapi.cn/',
    },
};
/**
 * The cloud names the Arc agents understand (`global.azureEnvironment`): the Go SDK's names, as az connectedk8s
 * sends them (custom.py `send_cloud_telemetry` upper-cases the CLI cloud name and maps AZURECLOUD and
 * AZUREUSGOVERNMENT; _constants.py `Azure_PublicCloudName`, `Azure_USGovCloudName`). A custom cloud keeps its
 * name in upper case, as az does.
 */
function agentCloudName(environment) {
    const upper = environment.name.toUpperCase();
    if (upper === 'AZURECLOUD')
        return 'AZUREPUBLICCLOUD';
    if (upper === 'AZUREUSGOVERNMENT')
        return 'AZUREUSGOVERNMENTCLOUD';
    return upper;
}
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
 * `{"name","resourceManager","authorityHost","resourceGraph"?,"tokenAudience"?,"activeDirectoryResourceId"?,
 * "logAnalytics"?,"logAnalyticsAudience"?,"portal"?}`.
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
    const activeDirectoryResourceId = json.activeDirectoryResourceId === undefined
        ? audience
        : httpsUrl(input, 'activeDirectoryResourceId', json.activeDirectoryResourceId) + '/';
    const logAnalytics = json.logAnalytics === undefined ? undefined : httpsUrl(input, 'logAnalytics', json.logAnalytics);
    const logAnalyticsAudience = json.logAnalyticsAudience === undefined
        ? 'https://api.loganalytics.io'
        : httpsUrl(input, 'logAnalyticsAudience', json.logAnalyticsAudience);
    return {
        name: typeof json.name === 'string' && json.name ? json.name : 'Custom',
        resourceManager,
        authorityHost,
        resourceGraph,
        tokenScope: `${audience}.default`,
        activeDirectoryResourceId,
        custom: true,
        ...(logAnalytics ? { logAnalytics, logAnalyticsScope: `${logAnalyticsAudience}/.default` } : {}),
        ...(json.portal === undefined ? {} : { portal: httpsUrl(input, 'portal', json.portal) }),
    };
}

// EXTERNAL MODULE: ./packages/azure/src/oidc-diagnostics.ts
var oidc_diagnostics = __webpack_require__(35451);
// EXTERNAL MODULE: ./packages/azure/src/credential.ts
var credential = __webpack_require__(74334);
// EXTERNAL MODULE: ./node_modules/@azure/core-rest-pipeline/dist/esm/index.js + 38 modules
var esm = __webpack_require__(20690);
;// CONCATENATED MODULE: ./packages/azure/src/pipeline.ts

const attempts = new WeakMap();
/** `GET /subscriptions/…/providers/…` (host and query left out; ids are not secrets). */
function operationOf(request) {
    let path = request.url;
    try {
        path = new URL(request.url).pathname;
    }
    catch {
        /* keep the raw url */
    }
    return `${request.method} ${path}`;
}
const READS = /\/providers\/Microsoft\.ResourceGraph\/resources$|\/queryResults$|\/summarize$|\/listClusterUserCredential$|^\/v1\/workspaces\/[^/]+\/query$/i;
/** Whether a request can change anything in Azure. */
const isWrite = (request) => !['GET', 'HEAD', 'OPTIONS'].includes(request.method) && !(request.method === 'POST' && READS.test(operationOf(request)));
const visible = (text) => text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
/** The body is JSON (or empty); anything else throws a RestError naming the service, the request and what came back. */
function jsonOnlyPolicy(service) {
    return {
        name: 'arc-actions-json-only',
        async sendRequest(request, next) {
            attempts.set(request, (attempts.get(request) ?? 0) + 1);
            const response = await next(request);
            const body = response.bodyAsText;
            if (request.method === 'HEAD' || response.status === 204 || body === undefined || body === null || body.trim() === '')
                return response;
            const type = response.headers.get('content-type') ?? '';
            let problem;
            if (!/[/+]json\b/i.test(type))
                problem = `content type ${type ? `"${type}"` : '(none)'}`;
            else {
                try {
                    JSON.parse(body);
                }
                catch {
                    problem = `content type "${type}" but a body that is not JSON`;
                }
            }
            if (!problem)
                return response;
            const shown = visible(body);
            throw new esm/* RestError */.pj(`${service} answered ${operationOf(request)} with HTTP ${response.status} and ${problem}, not the JSON the operation promises` +
                `${shown ? ` (it begins "${shown}")` : ''}: a proxy, firewall or captive portal may be answering instead of Azure.`, 
            // No statusCode: an HTML 404 must never read as "the resource does not exist". The response stays attached,
            // so the SDK's retry strategies still retry a 5xx page.
            { code: 'UnexpectedContentType', request, response });
        },
    };
}
/** Annotates every failure with the service, the operation, the attempts made and what the call may have written. */
function nameTheCallPolicy(service) {
    return {
        name: 'arc-actions-name-the-call',
        async sendRequest(request, next) {
            try {
                return await next(request);
            }
            catch (error) {
                const e = error;
                if (e && typeof e === 'object' && typeof e.message === 'string' && !e.operation) {
                    const tries = attempts.get(request) ?? 1;
                    const status = e.statusCode ?? e.response?.status;
                    const written = !isWrite(request)
                        ? 'a read, so nothing was written'
                        : status !== undefined && status >= 400 && status < 500
                            ? 'a write that Azure refused, so nothing was written'
                            : 'a write whose outcome is unknown until the resource is read back';
                    const first = e.message.split('\n')[0].trim() || 'no message';
                    const what = e.statusCode !== undefined
                        ? `HTTP ${e.statusCode}${e.code && e.code !== String(e.statusCode) ? ` ${e.code}` : ''}: `
                        : e.code && e.code !== 'UnexpectedContentType' && !first.includes(e.code)
                            ? `${e.code}: `
                            : '';
                    e.service = service;
                    e.operation = operationOf(request);
                    e.attempts = tries;
                    e.message = `${service} ${e.operation} failed after ${tries} attempt${tries === 1 ? '' : 's'} (${written}): ${what}${first}`;
                }
                throw error;
            }
        },
    };
}
/** The `additionalPolicies` option of both SDK generations. */
const callPolicies = (service) => [
    { policy: nameTheCallPolicy(service), position: 'perCall' },
    { policy: jsonOnlyPolicy(service), position: 'perRetry' },
];

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
    classicFor(service = 'ARM') {
        return {
            endpoint: this.environment.resourceManager,
            credentialScopes: [this.environment.tokenScope],
            additionalPolicies: callPolicies(service),
        };
    }
    get classic() {
        return this.classicFor('ARM');
    }
    /** Options for modular clients built on @azure-rest/core-client. */
    modular(endpoint = this.environment.resourceManager, service = 'ARM') {
        return { endpoint, credentials: { scopes: [this.environment.tokenScope] }, additionalPolicies: callPolicies(service) };
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
        return this.once(`resources:${subscriptionId}`, async () => new (await __webpack_require__.e(/* import() */ 985).then(__webpack_require__.bind(__webpack_require__, 77985))).ResourceManagementClient(this.credential, subscriptionId, this.modular()));
    }
    connectedClusters(subscriptionId) {
        return this.once(`hybrid:${subscriptionId}`, async () => new (await Promise.all(/* import() */[__webpack_require__.e(981), __webpack_require__.e(160), __webpack_require__.e(754), __webpack_require__.e(116)]).then(__webpack_require__.bind(__webpack_require__, 8116))).ConnectedKubernetesClient(this.credential, subscriptionId, this.classic));
    }
    kubernetesConfiguration(subscriptionId) {
        return this.once(`kconfig:${subscriptionId}`, async () => new (await Promise.all(/* import() */[__webpack_require__.e(981), __webpack_require__.e(160), __webpack_require__.e(754), __webpack_require__.e(38)]).then(__webpack_require__.bind(__webpack_require__, 28038))).SourceControlConfigurationClient(this.credential, subscriptionId, this.classic));
    }
    policy(subscriptionId) {
        return this.once(`policy:${subscriptionId}`, async () => new (await __webpack_require__.e(/* import() */ 67).then(__webpack_require__.bind(__webpack_require__, 89067))).PolicyClient(this.credential, subscriptionId, this.modular()));
    }
    /**
     * Policy exemptions. @azure/arm-policy 7 (stable API versions only) has no policyExemptions; the official package's
     * 5.x line does (API 2020-07-01-preview), installed under the alias @azure/arm-policy-exemptions.
     */
    policyExemptions(subscriptionId) {
        return this.once(`exemptions:${subscriptionId}`, async () => {
            const { PolicyClient } = await Promise.all(/* import() */[__webpack_require__.e(981), __webpack_require__.e(160), __webpack_require__.e(627)]).then(__webpack_require__.bind(__webpack_require__, 6627));
            return new PolicyClient(this.credential, subscriptionId, this.classic);
        });
    }
    policyInsights(subscriptionId) {
        return this.once(`insights:${subscriptionId ?? ''}`, async () => {
            const { PolicyInsightsClient } = await Promise.all(/* import() */[__webpack_require__.e(981), __webpack_require__.e(738), __webpack_require__.e(321)]).then(__webpack_require__.bind(__webpack_require__, 94321));
            return subscriptionId
                ? new PolicyInsightsClient(this.credential, subscriptionId, this.classicFor('Policy Insights'))
                : new PolicyInsightsClient(this.credential, this.classicFor('Policy Insights'));
        });
    }
    authorization(subscriptionId) {
        return this.once(`authz:${subscriptionId}`, async () => new (await Promise.all(/* import() */[__webpack_require__.e(981), __webpack_require__.e(160), __webpack_require__.e(43)]).then(__webpack_require__.bind(__webpack_require__, 71043))).AuthorizationManagementClient(this.credential, subscriptionId, this.classic));
    }
    /** User-assigned managed identities and their federated identity credentials (classic SDK, api 2024-11-30). */
    managedIdentities(subscriptionId) {
        return this.once(`msi:${subscriptionId}`, async () => new (await Promise.all(/* import() */[__webpack_require__.e(738), __webpack_require__.e(200)]).then(__webpack_require__.bind(__webpack_require__, 54361))).ManagedServiceIdentityClient(this.credential, subscriptionId, this.classic));
    }
    managementGroups() {
        return this.once('mgmt', async () => {
            const { ManagementGroupsAPI } = await Promise.all(/* import() */[__webpack_require__.e(981), __webpack_require__.e(160), __webpack_require__.e(754), __webpack_require__.e(531)]).then(__webpack_require__.bind(__webpack_require__, 34531));
            return new ManagementGroupsAPI(this.credential, this.classic);
        });
    }
    /** Log Analytics workspaces and their shared keys (modular SDK). */
    operationalInsights(subscriptionId) {
        return this.once(`oi:${subscriptionId}`, async () => new (await __webpack_require__.e(/* import() */ 447).then(__webpack_require__.bind(__webpack_require__, 55447))).OperationalInsightsManagementClient(this.credential, subscriptionId, this.modular()));
    }
    /** Azure Monitor: data collection rules and their associations (modular SDK). */
    monitor(subscriptionId) {
        return this.once(`monitor:${subscriptionId}`, async () => new (await __webpack_require__.e(/* import() */ 645).then(__webpack_require__.bind(__webpack_require__, 98645))).MonitorClient(this.credential, subscriptionId, this.modular()));
    }
    /**
     * The Log Analytics query API (@azure/monitor-query-logs). Its `endpoint` option is the whole base URL, `/v1`
     * included (the SDK uses it verbatim), and its token scope is the environment's Log Analytics audience.
     */
    logsQuery() {
        return this.once('logs', async () => {
            const { logAnalytics, logAnalyticsScope, name } = this.environment;
            if (!logAnalytics || !logAnalyticsScope)
                throw new Error(`The environment ${name} names no Log Analytics endpoint ("logAnalytics" in the custom environment JSON).`);
            const { LogsQueryClient } = await __webpack_require__.e(/* import() */ 534).then(__webpack_require__.bind(__webpack_require__, 89534));
            return new LogsQueryClient(this.credential, {
                endpoint: `${logAnalytics}/v1`,
                credentials: { scopes: [logAnalyticsScope] },
                additionalPolicies: callPolicies('Log Analytics'),
            });
        });
    }
    resourceGraph() {
        return this.once('graph', async () => {
            const { ResourceGraphClient } = await __webpack_require__.e(/* import() */ 87).then(__webpack_require__.bind(__webpack_require__, 35087));
            return new ResourceGraphClient(this.credential, this.modular(this.environment.resourceGraph, 'Resource Graph'));
        });
    }
}
/** The ARM clients of a run: GitHub OIDC → Entra for the identity inputs, in their environment. */
async function armClientsFor(identity) {
    const { createOidcCredential } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 74334));
    const { tenantId, clientId, audience, environment } = identity;
    return new ArmClients(await createOidcCredential({ tenantId, clientId, audience, environment }), environment);
}

;// CONCATENATED MODULE: ./packages/azure/src/graph.ts
/**
 * Runs a Resource Graph query and reads every page (1,000 rows a page, `$skipToken` between pages).
 * `complete` tells whether the data is whole: gates must refuse to decide on partial data.
 */
async function queryGraph(clients, query, scope, options = {}) {
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

;// CONCATENATED MODULE: ./packages/azure/src/cluster-ref.ts

/** Each cluster type's resource provider, its ARM type, its Resource Graph type and the api-version of a generic GET. */
const CLUSTER_RP = {
    connectedClusters: {
        clusterRp: 'Microsoft.Kubernetes',
        clusterResourceName: 'connectedClusters',
        armType: 'Microsoft.Kubernetes/connectedClusters',
        graphType: 'microsoft.kubernetes/connectedclusters',
        apiVersion: '2024-01-01',
        label: 'Arc',
    },
    managedClusters: {
        clusterRp: 'Microsoft.ContainerService',
        clusterResourceName: 'managedClusters',
        armType: 'Microsoft.ContainerService/managedClusters',
        graphType: 'microsoft.containerservice/managedclusters',
        apiVersion: '2025-01-01',
        label: 'AKS',
    },
};
const CLUSTER_ID = /^\/subscriptions\/([0-9a-f-]{36})\/resourceGroups\/([-\w._()]{1,90})\/providers\/(Microsoft\.Kubernetes\/connectedClusters|Microsoft\.ContainerService\/managedClusters)\/([A-Za-z0-9][-A-Za-z0-9_.]{0,62})$/i;
/** Parses the ARM id of an Arc-connected or AKS cluster; throws a ConfigurationError naming the input otherwise. */
function parseClusterId(id, input = 'targets') {
    const match = CLUSTER_ID.exec(id.trim());
    if (!match) {
        throw new src/* ConfigurationError */.j1(`Input "${input}" has ${(0,src/* shown */.SP)(id)}, which is not a cluster resource id; expected /subscriptions/<guid>/resourceGroups/<group>/providers/Microsoft.Kubernetes/connectedClusters/<name> (or Microsoft.ContainerService/managedClusters).`, input);
    }
    const type = match[3].toLowerCase().startsWith('microsoft.kubernetes/') ? 'connectedClusters' : 'managedClusters';
    return {
        id: match[0],
        key: match[0].toLowerCase(),
        subscriptionId: match[1].toLowerCase(),
        resourceGroup: match[2],
        name: match[4],
        type,
    };
}
/** The ref of a cluster named by its parts (arc-connect's `cluster-name` and `resource-group`). */
function clusterRef(subscriptionId, resourceGroup, name, type = 'connectedClusters') {
    const id = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/${CLUSTER_RP[type].armType}/${name}`;
    return { id, key: id.toLowerCase(), subscriptionId: subscriptionId.toLowerCase(), resourceGroup, name, type };
}
/** The ref of a Resource Graph or ARM row (`id`, and `type` when the row has it); undefined when the id is not a cluster's. */
function refOfRow(row) {
    try {
        return parseClusterId(row.id);
    }
    catch {
        return undefined;
    }
}
/**
 * The key of the cluster that a child resource belongs to (an extension, a Flux configuration, a policy state's
 * resource): the lower-cased id up to the cluster's name.
 */
function clusterKeyOf(resourceId) {
    const lower = resourceId.toLowerCase();
    const cut = lower.indexOf('/providers/microsoft.kubernetesconfiguration/');
    return cut >= 0 ? lower.slice(0, cut) : lower;
}
/**
 * How report rows show each cluster: its name, or its id where two clusters of the list share that name (two resource
 * groups, two subscriptions), so that no two rows read the same.
 */
function clusterLabels(refs) {
    const count = new Map();
    for (const r of refs)
        count.set(r.name.toLowerCase(), (count.get(r.name.toLowerCase()) ?? 0) + 1);
    return new Map(refs.map((r) => [r.key, (count.get(r.name.toLowerCase()) ?? 0) > 1 ? r.id : r.name]));
}
/** "AKS cluster x" or "cluster x", for messages. */
const describeCluster = (c) => `${c.type === 'managedClusters' ? 'AKS cluster' : 'cluster'} ${c.name}`;

;// CONCATENATED MODULE: ./packages/azure/src/fleet.ts


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
const CLUSTER_PROJECTION = '| project id, name, type, subscriptionId, resourceGroup, location, tags, connectivityStatus = properties.connectivityStatus, ' +
    'lastConnectivityTime = properties.lastConnectivityTime, agentVersion = properties.agentVersion, ' +
    'kubernetesVersion = properties.kubernetesVersion, distribution = properties.distribution, infrastructure = properties.infrastructure, ' +
    'totalNodeCount = properties.totalNodeCount, provisioningState = properties.provisioningState, ' +
    'managedIdentityCertificateExpirationTime = properties.managedIdentityCertificateExpirationTime, powerState = properties.powerState.code\n| order by id asc';
/** The `where` clause of cluster types, as Resource Graph spells them. */
const typeClause = (types) => `resources\n| where type in~ (${[...new Set(types)].map((t) => kqlString(CLUSTER_RP[t].graphType)).join(', ')})`;
/** Rows with their parsed ids (a row whose id is not a cluster's is dropped). */
const withRefs = (rows) => rows.flatMap((row) => {
    const ref = refOfRow(row);
    return ref ? [{ ...row, ref }] : [];
});
/**
 * The clusters of a fleet with their connectivity, versions and node counts, in as few Resource Graph calls as
 * the fleet allows (1,000 rows a page). Explicit refs are queried in chunks, Arc and AKS alike (each by its own type);
 * refs that Resource Graph does not know are returned in `missing`. A selector reads `clusterType` clusters.
 */
async function listFleetClusters(clients, target, defaultSubscription) {
    if (target.refs?.length) {
        const rows = [];
        let complete = true;
        let queries = 0;
        const subscriptions = [...new Set(target.refs.map((r) => r.subscriptionId))];
        for (let i = 0; i < target.refs.length; i += ID_CHUNK) {
            const refs = target.refs.slice(i, i + ID_CHUNK);
            const result = await queryGraph(clients, `${typeClause(refs.map((r) => r.type))}\n| where id in~ (${refs.map((r) => kqlString(r.id)).join(', ')})\n${CLUSTER_PROJECTION}`, { subscriptions });
            rows.push(...withRefs(result.rows));
            complete &&= result.complete;
            queries += result.pages;
        }
        const found = new Set(rows.map((r) => r.ref.key));
        return { rows, complete, queries, missing: target.refs.filter((r) => !found.has(r.key)) };
    }
    const selector = target.selector ?? {};
    const query = [typeClause([target.clusterType ?? 'connectedClusters']), ...selectorClauses(selector), CLUSTER_PROJECTION].join('\n');
    const result = await queryGraph(clients, query, scopeOf(selector, defaultSubscription));
    return { rows: withRefs(result.rows), complete: result.complete, queries: result.pages, missing: [] };
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
        const seen = new Set();
        const targets = ids.map((id) => {
            const parsed = parseClusterId(id, 'targets');
            if (seen.has(parsed.key))
                throw new src/* ConfigurationError */.j1(`Input "targets" lists ${(0,src/* shown */.SP)(parsed.id)} twice; list each cluster once.`, 'targets');
            seen.add(parsed.key);
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
    return (0,external_node_path_.resolve)((0,src/* readEnv */.$$)('GITHUB_WORKSPACE') ?? process.cwd());
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

;// CONCATENATED MODULE: ./packages/azure/src/arm-retry.ts

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
    // Already named by the client pipeline (service, operation, attempts, status): keep it whole.
    if (typeof error?.operation === 'string')
        return { code: error.code, message: (0,src/* errorMessage */.gJ)(error).split('\n')[0] };
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
const backoffMs = (attempt) => Math.min(8000, 250 * 2 ** (attempt - 1)) * (0.75 + Math.random() * 0.5);
/** Adds how often the call was sent within the run's retry budget (on top of the SDK's own attempts) to its error. */
function triedTimes(error, tries) {
    const e = error;
    if (tries > 1 && e && typeof e === 'object' && typeof e.message === 'string')
        e.message = `${e.message} (sent ${tries} times within the run's retry budget)`;
    return error;
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
                throw triedTimes(error, attempt);
            await (0,src/* sleep */.yy)(throttled ? retryAfterMs(error) : backoffMs(attempt));
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
                throw triedTimes(error, attempt);
            const already = landed ? await landed().catch(() => undefined) : undefined;
            if (already !== undefined)
                return already;
            await (0,src/* sleep */.yy)(throttled ? retryAfterMs(error) : backoffMs(attempt));
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

;// CONCATENATED MODULE: ./packages/azure/src/extensions.ts




/** An extension that ended Failed (or Canceled): the message is the extension's own error. */
class ExtensionFailedError extends Error {
    state;
    cluster;
    constructor(state, cluster) {
        super(`The extension ${state.name} on ${cluster} ended ${state.provisioningState ?? 'without a provisioning state'}${state.error ? `: ${state.error}` : ''}.`);
        this.state = state;
        this.cluster = cluster;
    }
}
const TERMINAL = new Set(['succeeded', 'failed', 'canceled']);
const IN_PROGRESS = new Set(['creating', 'updating', 'deleting', 'accepted', 'provisioning']);
/** The extension's own error: errorInfo (with its details), else the first status of level Error. */
function extensionError(e) {
    if (!e)
        return undefined;
    const info = e.errorInfo;
    if (info?.message || info?.code) {
        const details = (info.details ?? []).map((d) => d.message ?? d.code).filter(Boolean);
        return [info.code && info.message ? `${info.code}: ${info.message}` : (info.message ?? info.code), ...details].join(' — ');
    }
    const status = e.statuses?.find((s) => String(s.level).toLowerCase() === 'error');
    return status ? String(status.message ?? status.code) : undefined;
}
function extensionState(e) {
    const error = extensionError(e);
    return {
        name: String(e.name),
        extensionType: e.extensionType,
        provisioningState: e.provisioningState,
        version: e.currentVersion ?? e.version,
        identity: e.identity?.type,
        ...(error ? { error } : {}),
    };
}
const lower = (v) => String(v ?? '').toLowerCase();
class ExtensionInstaller {
    clients;
    budget;
    options;
    constructor(clients, budget = new src/* RetryBudget */.HD(20), options = {}) {
        this.clients = clients;
        this.budget = budget;
        this.options = options;
    }
    args(c) {
        const rp = CLUSTER_RP[c.type];
        return [c.resourceGroup, rp.clusterRp, rp.clusterResourceName, c.name];
    }
    sdk(c) {
        return this.clients.kubernetesConfiguration(c.subscriptionId);
    }
    /** The extension as ARM returns it, or undefined on 404. */
    async read(c, name) {
        const sdk = await this.sdk(c);
        return (await ifExists(withBudget(this.budget, () => sdk.extensions.get(...this.args(c), name))));
    }
    /** The first extension of `extensionType` on the cluster (any name), or undefined. */
    async findByType(c, extensionType) {
        const sdk = await this.sdk(c);
        const all = await withBudget(this.budget, async () => {
            const out = [];
            for await (const e of sdk.extensions.list(...this.args(c)))
                out.push(e);
            return out;
        });
        return all.find((e) => lower(e.extensionType) === lower(extensionType));
    }
    /** Reads until the provisioning state is not in progress any more (another writer, or our own write). */
    async settled(c, name, timeoutMs = this.options.timeoutMs ?? 20 * 60_000) {
        let last;
        const done = await (0,src/* waitFor */.fm)(async () => {
            last = await this.read(c, name);
            if (!last)
                return null;
            return TERMINAL.has(lower(last.provisioningState)) || !IN_PROGRESS.has(lower(last.provisioningState)) ? last : undefined;
        }, { timeoutMs, initialMs: this.options.pollMs?.initial ?? 1000, maxMs: this.options.pollMs?.max ?? 10_000 });
        if (done.value === null)
            throw new Error(`The extension ${name} on ${describeCluster(c)} disappeared while it was being written.`);
        if (!done.value)
            throw new Error(`The extension ${name} on ${describeCluster(c)} was still ${last?.provisioningState ?? 'in progress'} after ${Math.round(timeoutMs / 1000)} s; look at its statuses in the portal and run again.`);
        return done.value;
    }
    /** Desired against actual (reads only). An extension in progress is waited for first. */
    async plan(c, desired, mode = 'converge') {
        let actual = mode === 'present' ? await this.findByType(c, desired.extensionType) : await this.read(c, desired.name);
        if (actual && IN_PROGRESS.has(lower(actual.provisioningState))) {
            if (lower(actual.provisioningState) === 'deleting')
                throw new Error(`The extension ${actual.name} on ${describeCluster(c)} is being deleted; run again once it is gone.`);
            actual = await this.settled(c, String(actual.name));
        }
        const name = String(actual?.name ?? desired.name);
        if (!actual)
            return {
                cluster: c,
                desired,
                name,
                action: 'create',
                fields: [{ path: 'extensionType', before: undefined, after: desired.extensionType }],
            };
        if (lower(actual.extensionType) !== lower(desired.extensionType))
            throw new Error(`The extension ${name} on ${describeCluster(c)} has type ${actual.extensionType}, not ${desired.extensionType}; give the extension another name.`);
        if (lower(actual.provisioningState) !== 'succeeded')
            return {
                cluster: c,
                desired,
                name,
                actual,
                action: 'repair',
                fields: [{ path: 'provisioningState', before: actual.provisioningState, after: 'Succeeded' }],
            };
        if (mode === 'present')
            return { cluster: c, desired, name, actual, action: 'unchanged', fields: [] };
        const fields = compare(c, desired, actual);
        const scope = fields.find((f) => f.path === 'scope');
        if (scope)
            throw new Error(`The extension ${name} on ${describeCluster(c)} was installed with scope ${JSON.stringify(scope.before)}; the scope can only be chosen at creation: delete the extension first or give it another name.`);
        return { cluster: c, desired, name, actual, action: fields.length ? 'update' : 'unchanged', fields };
    }
    /** Writes the plan (nothing when unchanged), waits for the final state and throws ExtensionFailedError on Failed. */
    async apply(plan) {
        const { cluster: c, name } = plan;
        if (plan.action === 'unchanged')
            return extensionState(plan.actual);
        const sdk = await this.sdk(c);
        const sent = Date.now() - 5_000; // ARM's clock may lag the runner's a little
        const landed = async () => {
            const now = await this.read(c, name);
            const modified = Date.parse(String(now?.systemData?.lastModifiedAt ?? ''));
            return now && (plan.action === 'create' || modified >= sent) ? now : undefined;
        };
        const needsPut = plan.action !== 'update' || plan.fields.some((f) => f.path === 'identity.type');
        try {
            if (needsPut) {
                await writeThenPoll(this.budget, async () => ({ poller: await sdk.extensions.beginCreate(...this.args(c), name, putBody(c, plan.desired)) }), landed);
            }
            else {
                await writeThenPoll(this.budget, async () => ({ poller: await sdk.extensions.beginUpdate(...this.args(c), name, patchBody(plan)) }), landed);
            }
        }
        catch (error) {
            // A failed operation: the extension's own error says more than the operation's (when it is there).
            const now = await this.read(c, name).catch(() => undefined);
            if (now && TERMINAL.has(lower(now.provisioningState)) && lower(now.provisioningState) !== 'succeeded')
                throw new ExtensionFailedError(extensionState(now), describeCluster(c));
            throw error;
        }
        const final = await this.settled(c, name);
        const state = extensionState(final);
        if (lower(state.provisioningState) !== 'succeeded')
            throw new ExtensionFailedError(state, describeCluster(c));
        return state;
    }
    /** plan + apply. */
    async ensure(c, desired, mode = 'converge') {
        const plan = await this.plan(c, desired, mode);
        return { plan, state: await this.apply(plan) };
    }
}
function desiredScope(d) {
    return d.scope ?? { cluster: {} };
}
/** The PUT body: the desired extension, with the identity az gives extensions on Arc clusters. */
function putBody(c, d) {
    const autoUpgrade = d.autoUpgradeMinorVersion ?? true;
    return {
        extensionType: d.extensionType,
        autoUpgradeMinorVersion: autoUpgrade,
        ...(autoUpgrade ? (d.releaseTrain ? { releaseTrain: d.releaseTrain } : {}) : d.version ? { version: d.version } : {}),
        scope: desiredScope(d),
        configurationSettings: d.configurationSettings ?? {},
        ...(d.configurationProtectedSettings ? { configurationProtectedSettings: d.configurationProtectedSettings } : {}),
        ...(c.type === 'connectedClusters' ? { identity: { type: 'SystemAssigned' } } : {}),
    };
}
/** Only what differs; settings the desired state no longer has are removed with merge-patch nulls. */
function patchBody(plan) {
    const d = plan.desired;
    const paths = new Set(plan.fields.map((f) => f.path.split('.')[0]));
    const patch = {};
    if (paths.has('autoUpgradeMinorVersion'))
        patch.autoUpgradeMinorVersion = d.autoUpgradeMinorVersion ?? true;
    if (paths.has('releaseTrain') && d.releaseTrain)
        patch.releaseTrain = d.releaseTrain;
    if (paths.has('version') && d.version)
        patch.version = d.version;
    if (paths.has('configurationSettings')) {
        const settings = { ...(d.configurationSettings ?? {}) };
        for (const key of Object.keys(plan.actual?.configurationSettings ?? {}))
            if (!(key in settings))
                settings[key] = null;
        patch.configurationSettings = settings;
    }
    if (paths.has('configurationProtectedSettings') && d.configurationProtectedSettings)
        patch.configurationProtectedSettings = d.configurationProtectedSettings;
    return patch;
}
/** Field changes between desired and actual, ignoring what ARM fills in by itself. */
function compare(c, d, actual) {
    const fields = [];
    const autoUpgrade = d.autoUpgradeMinorVersion ?? true;
    if ((actual.autoUpgradeMinorVersion ?? true) !== autoUpgrade)
        fields.push({ path: 'autoUpgradeMinorVersion', before: actual.autoUpgradeMinorVersion, after: autoUpgrade });
    if (autoUpgrade && d.releaseTrain && lower(actual.releaseTrain) !== lower(d.releaseTrain))
        fields.push({ path: 'releaseTrain', before: actual.releaseTrain, after: d.releaseTrain });
    if (!autoUpgrade && d.version && actual.version !== d.version)
        fields.push({ path: 'version', before: actual.version, after: d.version });
    if (d.scope) {
        const actualScope = actual.scope ?? {};
        const want = d.scope;
        const kind = Object.keys(want)[0];
        const have = actualScope[kind];
        const differs = !have || Object.entries(want[kind]).some(([k, v]) => v !== undefined && have[k] !== v);
        if (differs)
            fields.push({ path: 'scope', before: actualScope, after: d.scope });
    }
    const settings = d.configurationSettings ?? {};
    const actualSettings = (actual.configurationSettings ?? {});
    fields.push(...(0,src/* diffFields */.p5)(actualSettings, settings, 'configurationSettings'));
    // Settings the desired state dropped (diffFields only walks the desired keys).
    for (const key of Object.keys(actualSettings))
        if (!(key in settings))
            fields.push({ path: `configurationSettings.${key}`, before: actualSettings[key], after: undefined });
    if (d.protectedSettingsChanged && d.configurationProtectedSettings)
        fields.push({ path: 'configurationProtectedSettings', before: '(differs)', after: '(new values)' });
    if (c.type === 'connectedClusters' && lower(actual.identity?.type) !== 'systemassigned')
        fields.push({ path: 'identity.type', before: actual.identity?.type, after: 'SystemAssigned' });
    return fields;
}

;// CONCATENATED MODULE: ./packages/azure/src/monitoring.ts


/**
 * Container Insights on an Arc-connected cluster, the way az's ContainerInsights extension provider does it
 * (azure-cli-extensions, src/k8s-extension/azext_k8s_extension/partner_extensions/ContainerInsights.py):
 *
 * 1. the Log Analytics workspace: the one given, or az's default `DefaultWorkspace-<subscription>-<region code>` in
 *    `DefaultResourceGroup-<region code>`, created in the region az maps the cluster's region to;
 * 2. with managed-identity authentication (az's default, `amalogs.useAADAuth: "true"`): the data collection rule
 *    `MSCI-<workspace region>-<cluster>` (at most 64 characters) in the cluster's resource group and its association
 *    `ContainerInsightsExtension` with the cluster; with the legacy shared key: the ContainerInsights solution;
 * 3. the extension `azuremonitor-containers` (name and release namespace), with the settings az sets:
 *    `logAnalyticsWorkspaceResourceID`, `amalogs.useAADAuth`, `amalogs.domain`/`omsagent.domain` in sovereign clouds,
 *    and the protected settings `amalogs.secret.wsid`/`omsagent.secret.wsid` (the workspace's customer id) and
 *    `amalogs.secret.key`/`omsagent.secret.key` (`<not_used>` with managed identity, else the primary shared key).
 */
const CONTAINER_INSIGHTS = {
    extensionType: 'Microsoft.AzureMonitor.Containers',
    name: 'azuremonitor-containers',
    releaseNamespace: 'azuremonitor-containers',
    association: 'ContainerInsightsExtension',
    stream: 'Microsoft-ContainerInsights-Group-Default',
    destination: 'la-workspace',
    solutionApiVersion: '2015-11-01-preview',
};
// az's region maps (ContainerInsights.py `_ensure_default_log_analytics_workspace_for_monitoring`): where the default
// workspace goes for a cluster region, and the region code in its name.
const PUBLIC_REGION = {
    australiacentral: 'australiacentral',
    australiacentral2: 'australiacentral',
    australiaeast: 'australiaeast',
    australiasoutheast: 'australiasoutheast',
    brazilsouth: 'southcentralus',
    canadacentral: 'canadacentral',
    canadaeast: 'canadacentral',
    centralus: 'centralus',
    centralindia: 'centralindia',
    eastasia: 'eastasia',
    eastus: 'eastus',
    eastus2: 'eastus2',
    francecentral: 'francecentral',
    francesouth: 'francecentral',
    japaneast: 'japaneast',
    japanwest: 'japaneast',
    koreacentral: 'koreacentral',
    koreasouth: 'koreacentral',
    northcentralus: 'eastus',
    northeurope: 'northeurope',
    southafricanorth: 'westeurope',
    southafricawest: 'westeurope',
    southcentralus: 'southcentralus',
    southeastasia: 'southeastasia',
    southindia: 'centralindia',
    uksouth: 'uksouth',
    ukwest: 'uksouth',
    westcentralus: 'eastus',
    westeurope: 'westeurope',
    westindia: 'centralindia',
    westus: 'westus',
    westus2: 'westus2',
    eastus2euap: 'eastus2euap',
};
const PUBLIC_CODE = {
    australiasoutheast: 'ASE',
    australiaeast: 'EAU',
    australiacentral: 'CAU',
    canadacentral: 'CCA',
    centralindia: 'CIN',
    centralus: 'CUS',
    eastasia: 'EA',
    eastus: 'EUS',
    eastus2: 'EUS2',
    eastus2euap: 'EAP',
    francecentral: 'PAR',
    japaneast: 'EJP',
    koreacentral: 'SE',
    northeurope: 'NEU',
    southcentralus: 'SCUS',
    southeastasia: 'SEA',
    uksouth: 'SUK',
    usgovvirginia: 'USGV',
    westcentralus: 'EUS',
    westeurope: 'WEU',
    westus: 'WUS',
    westus2: 'WUS2',
};
/** Where az puts the default workspace for a cluster region in this cloud, and its region code. */
function defaultWorkspaceRegion(environment, clusterLocation) {
    const location = clusterLocation.toLowerCase().replace(/\s+/g, '');
    const cloud = environment.name.toLowerCase();
    if (cloud === 'azurechinacloud')
        return { region: 'chinaeast2', code: 'EAST2' };
    if (cloud === 'azureusgovernment')
        return { region: 'usgovvirginia', code: 'USGV' };
    const region = PUBLIC_REGION[location] ?? 'eastus';
    return { region, code: PUBLIC_CODE[region] ?? 'EUS' };
}
/** The agent's ingestion domain outside the public cloud (az sets it for China and US Government). */
function containerInsightsDomain(environment) {
    const cloud = environment.name.toLowerCase();
    if (cloud === 'azurechinacloud')
        return 'opinsights.azure.cn';
    if (cloud === 'azureusgovernment')
        return 'opinsights.azure.us';
    return undefined;
}
const parse = (id) => {
    const m = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.OperationalInsights\/workspaces\/([^/]+)$/i.exec(id);
    if (!m)
        throw new Error(`${id} is not the resource id of a Log Analytics workspace.`);
    return { subscriptionId: m[1].toLowerCase(), resourceGroup: m[2], name: m[3] };
};
const clusterIdOf = (c) => `/subscriptions/${c.subscriptionId}/resourceGroups/${c.resourceGroup}/providers/Microsoft.Kubernetes/connectedClusters/${c.name}`;
const region = (location) => String(location ?? '')
    .replace(/\s+/g, '')
    .toLowerCase();
function dcrName(workspaceRegion, clusterName) {
    return `MSCI-${region(workspaceRegion)}-${clusterName}`.slice(0, 64);
}
function dcrBody(request, workspace, tags) {
    const dataCollectionSettings = { enableContainerLogV2: true, ...(request.dataCollectionSettings ?? {}) };
    const streams = Array.isArray(dataCollectionSettings.streams)
        ? dataCollectionSettings.streams
        : [CONTAINER_INSIGHTS.stream];
    return {
        location: region(workspace.location),
        tags,
        kind: 'Linux',
        dataSources: {
            extensions: [
                {
                    name: 'ContainerInsightsExtension',
                    streams,
                    extensionName: 'ContainerInsights',
                    extensionSettings: { dataCollectionSettings },
                },
            ],
        },
        dataFlows: [{ streams, destinations: [CONTAINER_INSIGHTS.destination] }],
        destinations: { logAnalytics: [{ workspaceResourceId: workspace.id, name: CONTAINER_INSIGHTS.destination }] },
    };
}
/** The parts of a rule that we set, as compared (ARM adds immutableId, workspaceId, provisioningState, …). */
function dcrComparable(r) {
    return {
        location: region(r.location),
        kind: r.kind,
        extensions: (r.dataSources?.extensions ?? []).map((e) => ({
            name: e.name,
            streams: e.streams,
            extensionName: e.extensionName,
            extensionSettings: e.extensionSettings,
        })),
        dataFlows: (r.dataFlows ?? []).map((f) => ({ streams: f.streams, destinations: f.destinations })),
        logAnalytics: (r.destinations?.logAnalytics ?? []).map((d) => ({
            workspaceResourceId: String(d.workspaceResourceId).toLowerCase(),
            name: d.name,
        })),
    };
}
const change = (kind, resourceType, resourceId, name, fields) => ({
    kind,
    resourceType,
    resourceId,
    name,
    fields,
});
/** Reads what exists and plans the prerequisites of Container Insights (no writes). */
async function planContainerInsights(clients, request) {
    const { cluster, environment } = request;
    const changes = [];
    let workspace;
    if (request.workspaceResourceId) {
        const ref = parse(request.workspaceResourceId);
        const oi = await clients.operationalInsights(ref.subscriptionId);
        const found = await ifExists(oi.workspaces.get(ref.resourceGroup, ref.name));
        if (!found)
            throw new Error(`The Log Analytics workspace ${request.workspaceResourceId} does not exist; create it or leave "workspace" out to use az's default workspace.`);
        workspace = {
            id: found.id ?? request.workspaceResourceId,
            ...ref,
            location: region(found.location),
            customerId: found.customerId,
            createGroup: false,
            create: false,
            isDefault: false,
        };
    }
    else {
        const { region: wsRegion, code } = defaultWorkspaceRegion(environment, cluster.location);
        const resourceGroup = `DefaultResourceGroup-${code}`;
        const name = `DefaultWorkspace-${cluster.subscriptionId}-${code}`;
        const id = `/subscriptions/${cluster.subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.OperationalInsights/workspaces/${name}`;
        const resources = await clients.resources(cluster.subscriptionId);
        const group = await ifExists(resources.resourceGroups.get(resourceGroup));
        const found = group
            ? await ifExists((await clients.operationalInsights(cluster.subscriptionId)).workspaces.get(resourceGroup, name))
            : undefined;
        workspace = {
            id: found?.id ?? id,
            subscriptionId: cluster.subscriptionId,
            resourceGroup,
            name,
            location: found ? region(found.location) : wsRegion,
            customerId: found?.customerId,
            createGroup: !group,
            create: !found,
            isDefault: true,
        };
        if (!group)
            changes.push(change('create', 'resourceGroup', `/subscriptions/${cluster.subscriptionId}/resourceGroups/${resourceGroup}`, resourceGroup, [
                { path: 'location', before: undefined, after: wsRegion },
            ]));
    }
    changes.push(change(workspace.create ? 'create' : 'unchanged', 'logAnalyticsWorkspace', workspace.id, workspace.name, workspace.create ? [{ path: 'location', before: undefined, after: workspace.location }] : []));
    const plan = { request, workspace, changes };
    const clusterId = clusterIdOf(cluster);
    const monitor = await clients.monitor(cluster.subscriptionId);
    if (request.useAADAuth) {
        const name = dcrName(workspace.location, cluster.name);
        const id = `/subscriptions/${cluster.subscriptionId}/resourceGroups/${cluster.resourceGroup}/providers/Microsoft.Insights/dataCollectionRules/${name}`;
        const existing = (await ifExists(monitor.dataCollectionRules.get(cluster.resourceGroup, name)));
        // az keeps the tags a user added to the rule (get_existing_container_insights_extension_dcr_tags).
        const body = dcrBody(request, workspace, existing?.tags ?? {});
        const same = existing && (0,src/* stableStringify */.JB)(dcrComparable(existing)) === (0,src/* stableStringify */.JB)(dcrComparable(body));
        plan.dcr = {
            id,
            name,
            body,
            change: change(existing ? (same ? 'unchanged' : 'update') : 'create', 'dataCollectionRule', id, name, same
                ? []
                : [
                    {
                        path: 'destinations.logAnalytics',
                        before: existing ? dcrComparable(existing).logAnalytics : undefined,
                        after: workspace.id,
                    },
                ]),
        };
        const dcraId = `${clusterId}/providers/Microsoft.Insights/dataCollectionRuleAssociations/${CONTAINER_INSIGHTS.association}`;
        const association = (await ifExists(monitor.dataCollectionRuleAssociations.get(clusterId.slice(1), CONTAINER_INSIGHTS.association)));
        const associated = association && String(association.dataCollectionRuleId).toLowerCase() === id.toLowerCase();
        plan.dcra = {
            id: dcraId,
            body: { dataCollectionRuleId: id, description: 'routes monitoring data to a Log Analytics workspace' },
            change: change(association ? (associated ? 'unchanged' : 'update') : 'create', 'dataCollectionRuleAssociation', dcraId, CONTAINER_INSIGHTS.association, associated ? [] : [{ path: 'dataCollectionRuleId', before: association?.dataCollectionRuleId, after: id }]),
        };
        changes.push(plan.dcr.change, plan.dcra.change);
    }
    else {
        const solutionName = `ContainerInsights(${workspace.name})`;
        const id = `/subscriptions/${workspace.subscriptionId}/resourceGroups/${workspace.resourceGroup}/providers/Microsoft.OperationsManagement/solutions/${solutionName}`;
        const resources = await clients.resources(workspace.subscriptionId);
        const existing = workspace.create ? undefined : await ifExists(resources.resources.getById(id, CONTAINER_INSIGHTS.solutionApiVersion));
        plan.solution = { id, change: change(existing ? 'unchanged' : 'create', 'containerInsightsSolution', id, solutionName, []) };
        changes.push(plan.solution.change);
    }
    return plan;
}
/** The extension az installs, with its settings; protected settings need the workspace's customer id (and key). */
function containerInsightsExtension(plan, secrets) {
    const { request, workspace } = plan;
    const settings = { ...(request.settings ?? {}) };
    settings['amalogs.useAADAuth'] = request.useAADAuth ? 'true' : 'false';
    if (request.dataCollectionSettings)
        settings.dataCollectionSettings = JSON.stringify(request.dataCollectionSettings);
    settings.logAnalyticsWorkspaceResourceID = workspace.id;
    const domain = containerInsightsDomain(request.environment);
    if (domain) {
        settings['omsagent.domain'] = domain;
        settings['amalogs.domain'] = domain;
    }
    const key = request.useAADAuth ? '<not_used>' : secrets.sharedKey;
    const protectedSettings = secrets.customerId && key
        ? {
            'omsagent.secret.wsid': secrets.customerId,
            'amalogs.secret.wsid': secrets.customerId,
            'omsagent.secret.key': key,
            'amalogs.secret.key': key,
        }
        : undefined;
    return {
        name: CONTAINER_INSIGHTS.name,
        extensionType: CONTAINER_INSIGHTS.extensionType,
        autoUpgradeMinorVersion: true,
        scope: { cluster: { releaseNamespace: CONTAINER_INSIGHTS.releaseNamespace } },
        configurationSettings: settings,
        ...(protectedSettings ? { configurationProtectedSettings: protectedSettings } : {}),
    };
}
/** The workspace's customer id and (legacy authentication only) its primary shared key, masked at once. */
async function workspaceSecrets(clients, plan) {
    const { workspace, request } = plan;
    const oi = await clients.operationalInsights(workspace.subscriptionId);
    const found = workspace.customerId ? undefined : await ifExists(oi.workspaces.get(workspace.resourceGroup, workspace.name));
    const customerId = workspace.customerId ?? found?.customerId;
    if (request.useAADAuth || !customerId)
        return { customerId };
    const keys = await oi.sharedKeys.getSharedKeys(workspace.resourceGroup, workspace.name);
    if (!keys.primarySharedKey)
        throw new Error(`The workspace ${workspace.id} returned no shared key.`);
    (0,src/* maskSecret */.$l)(keys.primarySharedKey);
    return { customerId, sharedKey: keys.primarySharedKey };
}
/** Writes what the plan says is missing or different: resource group, workspace, rule and association (or solution). */
async function applyContainerInsights(clients, plan) {
    const done = [];
    const { workspace, request } = plan;
    const mark = (type) => plan.changes.filter((c) => c.resourceType === type && c.kind !== 'unchanged').forEach((c) => ((c.applied = true), done.push(c)));
    if (workspace.createGroup) {
        const resources = await clients.resources(workspace.subscriptionId);
        await resources.resourceGroups.createOrUpdate(workspace.resourceGroup, { location: workspace.location });
        mark('resourceGroup');
    }
    if (workspace.create) {
        const oi = await clients.operationalInsights(workspace.subscriptionId);
        // As az sends it (generic resource, api 2015-11-01-preview): location and sku "standalone".
        const created = await oi.workspaces.createOrUpdate(workspace.resourceGroup, workspace.name, {
            location: workspace.location,
            sku: { name: 'standalone' },
        });
        workspace.customerId = created.customerId;
        workspace.create = false;
        mark('logAnalyticsWorkspace');
    }
    const monitor = await clients.monitor(request.cluster.subscriptionId);
    if (plan.dcr && plan.dcr.change.kind !== 'unchanged') {
        await monitor.dataCollectionRules.create(request.cluster.resourceGroup, plan.dcr.name, {
            body: plan.dcr.body,
        });
        mark('dataCollectionRule');
    }
    if (plan.dcra && plan.dcra.change.kind !== 'unchanged') {
        await monitor.dataCollectionRuleAssociations.create(clusterIdOf(request.cluster).slice(1), CONTAINER_INSIGHTS.association, {
            body: plan.dcra.body,
        });
        mark('dataCollectionRuleAssociation');
    }
    if (plan.solution && plan.solution.change.kind !== 'unchanged') {
        const resources = await clients.resources(workspace.subscriptionId);
        const name = `ContainerInsights(${workspace.name})`;
        await resources.resources.createOrUpdateById(plan.solution.id, CONTAINER_INSIGHTS.solutionApiVersion, {
            location: workspace.location,
            plan: { name, product: 'OMSGallery/ContainerInsights', promotionCode: '', publisher: 'Microsoft' },
            properties: { workspaceResourceId: workspace.id },
        });
        mark('containerInsightsSolution');
    }
    return done;
}

;// CONCATENATED MODULE: ./packages/azure/src/empty-selection.ts

/**
 * Fail closed on an empty fleet: a selector with a typo or a look-alike character (`ring‑0` with U+2011) selects
 * nothing, and a job that checks nothing must not be green. `allow-empty: true` opts in where empty is expected.
 */
const readAllowEmpty = () => (0,src/* booleanInput */.tE)('allow-empty', false);
/** Look-alikes users paste from documents and chat: named, with the ASCII character they stand in for. */
const LOOK_ALIKES = {
    0x00a0: ['no-break space', ' '],
    0x2002: ['en space', ' '],
    0x2003: ['em space', ' '],
    0x2009: ['thin space', ' '],
    0x200b: ['zero-width space', ''],
    0x200c: ['zero-width non-joiner', ''],
    0x200d: ['zero-width joiner', ''],
    0x2060: ['word joiner', ''],
    0xfeff: ['byte order mark', ''],
    0x2010: ['hyphen', '-'],
    0x2011: ['non-breaking hyphen', '-'],
    0x2012: ['figure dash', '-'],
    0x2013: ['en dash', '-'],
    0x2014: ['em dash', '-'],
    0x2212: ['minus sign', '-'],
    0xfe63: ['small hyphen-minus', '-'],
    0xff0d: ['fullwidth hyphen-minus', '-'],
    0x2018: ['left single quotation mark', "'"],
    0x2019: ['right single quotation mark', "'"],
    0x201c: ['left double quotation mark', '"'],
    0x201d: ['right double quotation mark', '"'],
    0x0430: ['Cyrillic a', 'a'],
    0x0435: ['Cyrillic e', 'e'],
    0x043e: ['Cyrillic o', 'o'],
    0x0440: ['Cyrillic er', 'p'],
    0x0441: ['Cyrillic es', 'c'],
    0x0445: ['Cyrillic ha', 'x'],
    0x0456: ['Cyrillic i', 'i'],
    0x03bf: ['Greek omicron', 'o'],
    0x0131: ['dotless i', 'i'],
};
/** The first non-ASCII character of a text, described: `U+2011 (non-breaking hyphen, looks like "-") at position 5`. */
function describeNonAscii(text) {
    let position = 0;
    for (const char of text) {
        position++;
        const code = char.codePointAt(0);
        if (code >= 0x20 && code < 0x7f)
            continue;
        const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
        const known = LOOK_ALIKES[code];
        const what = known ? ` (${known[0]}${known[1] ? `, looks like "${known[1]}"` : ', invisible'})` : '';
        return `${hex}${what} at position ${position}`;
    }
    return undefined;
}
/** The selector in one line, as the user wrote it (values quoted, so look-alikes and spaces stay visible). */
function showSelector(selector) {
    const parts = [];
    const tags = Object.entries(selector.tags ?? {});
    if (tags.length)
        parts.push(`tags {${tags.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')}}`);
    if (selector.resourceGroups?.length)
        parts.push(`resource-groups [${selector.resourceGroups.join(', ')}]`);
    if (selector.subscriptions?.length)
        parts.push(`subscriptions [${selector.subscriptions.join(', ')}]`);
    if (selector.managementGroups?.length)
        parts.push(`management-groups [${selector.managementGroups.join(', ')}]`);
    return parts.join(', ');
}
/** Every non-ASCII character of the selector's values and names, where it is. */
function nonAsciiInSelector(selector) {
    const found = [];
    for (const [k, v] of Object.entries(selector.tags ?? {})) {
        const inKey = describeNonAscii(k);
        if (inKey)
            found.push(`the tag name ${JSON.stringify(k)} has ${inKey}`);
        const inValue = describeNonAscii(v);
        if (inValue)
            found.push(`the tag value ${JSON.stringify(v)} has ${inValue}`);
    }
    for (const rg of selector.resourceGroups ?? []) {
        const d = describeNonAscii(rg);
        if (d)
            found.push(`the resource group ${JSON.stringify(rg)} has ${d}`);
    }
    return found;
}
/** Where Resource Graph looked for a selector: its management groups, its subscriptions or the default subscription. */
function selectorScope(selector, defaultSubscription) {
    if (selector.managementGroups?.length)
        return `management group(s) ${selector.managementGroups.join(', ')}`;
    if (selector.subscriptions?.length)
        return `subscription(s) ${selector.subscriptions.join(', ')}`;
    return `subscription ${defaultSubscription ?? '(none)'}`;
}
/**
 * The error of a selector that matched no cluster (throw it unless `allow-empty` is true): it repeats the selector,
 * says where it looked, points at any non-ASCII character and names both fixes.
 */
function emptySelectionError(selector, where, clusterType = 'connectedClusters') {
    const odd = nonAsciiInSelector(selector);
    return new src/* ConfigurationError */.j1(`Input "selector" selected no cluster: ${showSelector(selector)} matched no ${clusterType} in ${where}.` +
        (odd.length ? ` Check the characters: ${odd.join('; ')}.` : '') +
        ' Fix the selector, or set "allow-empty: true" where an empty fleet is expected; nothing was changed.', 'selector');
}

;// CONCATENATED MODULE: ./packages/azure/src/clusters.ts




/**
 * Clusters as ARM resources, Arc and AKS through one code path (a generic GET and tag PATCH by id, with each type's
 * api-version), plus the Arc-only connectedCluster writes of onboarding. Reads retry within the run's budget and treat
 * 404 as absence; writes read back before they are sent again (writeThenPoll), so a retried write never lands twice.
 */
class Clusters {
    clients;
    budget;
    constructor(clients, budget = new src/* RetryBudget */.HD(20)) {
        this.clients = clients;
        this.budget = budget;
    }
    /** The cluster as ARM knows it (Arc or AKS), or undefined when it does not exist. */
    async get(ref) {
        const resources = await this.clients.resources(ref.subscriptionId);
        return ifExists(withBudget(this.budget, () => resources.resources.getById(ref.id, CLUSTER_RP[ref.type].apiVersion)));
    }
    /** Replaces the cluster's tags (PATCH of the cluster resource; `tags` is the complete new set). */
    async setTags(ref, tags) {
        const resources = await this.clients.resources(ref.subscriptionId);
        // The tags are the whole desired set: if ARM already holds exactly them, the PATCH landed.
        const landed = async () => {
            const now = (await this.get(ref))?.tags ?? {};
            return (0,src/* stableStringify */.JB)(now) === (0,src/* stableStringify */.JB)(tags) ? null : undefined;
        };
        await writeThenPoll(this.budget, async () => {
            const poller = resources.resources.updateById(ref.id, CLUSTER_RP[ref.type].apiVersion, { tags });
            await poller.submitted();
            return { poller };
        }, landed);
    }
    /** An Arc connected cluster (the typed SDK model, with its connectivity and agent fields), or undefined. */
    async connected(ref) {
        const hybrid = await this.clients.connectedClusters(ref.subscriptionId);
        return ifExists(withBudget(this.budget, () => hybrid.connectedClusterOperations.get(ref.resourceGroup, ref.name)));
    }
    /** PUT of an Arc connected cluster (onboarding with a new agent key), waited for. */
    async putConnected(ref, body) {
        const hybrid = await this.clients.connectedClusters(ref.subscriptionId);
        return hybrid.connectedClusterOperations.beginCreateAndWait(ref.resourceGroup, ref.name, body);
    }
    /** PATCH of an Arc connected cluster (tags, distribution). */
    async patchConnected(ref, patch) {
        const hybrid = await this.clients.connectedClusters(ref.subscriptionId);
        return withBudget(this.budget, () => hybrid.connectedClusterOperations.update(ref.resourceGroup, ref.name, patch));
    }
    /** Reads the connected cluster until its connectivity status is Connected or the deadline passes. */
    async waitConnected(ref, options) {
        let last;
        const waited = await (0,src/* waitFor */.fm)(async () => {
            last = await this.connected(ref);
            return last?.connectivityStatus === 'Connected' ? last : undefined;
        }, { timeoutMs: options.timeoutMs, initialMs: options.initialMs ?? 2000, maxMs: options.maxMs ?? 15_000 });
        return { connected: !!waited.value, connectivityStatus: last?.connectivityStatus, agentVersion: last?.agentVersion };
    }
}

;// CONCATENATED MODULE: ./packages/azure/src/subscriptions.ts



/**
 * What a subscription must hold before anything is onboarded into it: registered resource providers and a resource
 * group. Reads retry within the run's budget; a missing resource group is absence (404), not an error.
 */
/** The registration state of each provider namespace (reads only). */
async function readProviderStates(clients, subscriptionId, namespaces, budget = new src/* RetryBudget */.HD(20)) {
    const client = await clients.resources(subscriptionId);
    const states = await Promise.all(namespaces.map(async (ns) => [ns, (await withBudget(budget, () => client.providers.get(ns))).registrationState ?? 'NotRegistered']));
    return Object.fromEntries(states);
}
/** Registers the providers that are not Registered and polls until they are, within `timeoutMs`. Returns the ones it registered. */
async function registerProviders(clients, subscriptionId, states, timeoutMs) {
    const client = await clients.resources(subscriptionId);
    const todo = Object.keys(states).filter((ns) => states[ns] !== 'Registered');
    for (const ns of todo)
        if (states[ns] !== 'Registering')
            await client.providers.register(ns);
    const done = await (0,src/* waitFor */.fm)(async () => {
        const now = await Promise.all(todo.map(async (ns) => (await client.providers.get(ns)).registrationState));
        return now.every((s) => s === 'Registered') ? true : undefined;
    }, { timeoutMs, initialMs: 500, maxMs: 10_000 });
    if (!done.value) {
        throw new Error(`The resource providers ${todo.join(', ')} were still registering after ${Math.round(timeoutMs / 1000)} s; run az provider show -n <namespace> and retry when they are Registered.`);
    }
    return todo;
}
/** Whether the resource group exists. */
async function resourceGroupExists(clients, subscriptionId, name, budget = new src/* RetryBudget */.HD(20)) {
    const resources = await clients.resources(subscriptionId);
    return (await ifExists(withBudget(budget, () => resources.resourceGroups.get(name)))) !== undefined;
}
/** Creates (or updates) a resource group with its provenance tags. */
async function createResourceGroup(clients, subscriptionId, name, body) {
    const resources = await clients.resources(subscriptionId);
    await resources.resourceGroups.createOrUpdate(name, body);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./packages/azure/src/rbac.ts



/** The role assignments made at exactly this scope (`atScope()`), not inherited ones. */
async function listRoleAssignmentsAt(clients, subscriptionId, scope, budget = new src/* RetryBudget */.HD(20)) {
    const client = await clients.authorization(subscriptionId);
    return withBudget(budget, async () => {
        const out = [];
        for await (const a of client.roleAssignments.listForScope(scope, { filter: 'atScope()' }))
            out.push(a);
        return out;
    });
}
/**
 * Creates a role assignment under `name` (a deterministic GUID makes the PUT idempotent). An assignment of the same
 * principal and role that already exists under another name (`RoleAssignmentExists`) counts as done.
 */
async function createRoleAssignment(clients, subscriptionId, scope, name, body, budget = new src/* RetryBudget */.HD(20)) {
    const client = await clients.authorization(subscriptionId);
    try {
        await withBudget(budget, () => client.roleAssignments.create(scope, name, body));
        return 'created';
    }
    catch (error) {
        if (error.code === 'RoleAssignmentExists')
            return 'exists';
        throw error;
    }
}
/** A role assignment name (a GUID) derived from scope, principal and role, so that a rerun PUTs the same one. */
function roleAssignmentName(scope, principalId, roleDefinitionId) {
    const h = (0,external_node_crypto_.createHash)('sha256')
        .update(`${scope.toLowerCase()}|${principalId.toLowerCase()}|${roleDefinitionId.split('/').pop().toLowerCase()}`)
        .digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
/** Whether `principalId` holds the role (by GUID) through an assignment made exactly at the scope. */
function holdsRole(assignments, principalId, roleDefinitionId) {
    const guid = roleDefinitionId.split('/').pop().toLowerCase();
    return assignments.some((a) => a.principalId?.toLowerCase() === principalId.toLowerCase() && a.roleDefinitionId?.split('/').pop()?.toLowerCase() === guid);
}

;// CONCATENATED MODULE: ./packages/azure/src/flux-configurations.ts





/**
 * Flux configurations (Microsoft.KubernetesConfiguration/fluxConfigurations) on Arc and AKS clusters alike (one code
 * path: clusterRp + clusterResourceName), and the microsoft.flux extension they need, through the one extension
 * installer. Reads retry within the run's budget and treat 404 as absence; a write whose `begin` failed transiently is
 * read back before it is sent again.
 */
const FLUX_EXTENSION_TYPE = 'microsoft.flux';
const FLUX_EXTENSION_NAME = 'flux';
class FluxConfigurations {
    clients;
    budget;
    installer;
    constructor(clients, budget = new src/* RetryBudget */.HD(20)) {
        this.clients = clients;
        this.budget = budget;
        this.installer = new ExtensionInstaller(clients, budget);
    }
    sdk(cluster) {
        return this.clients.kubernetesConfiguration(cluster.subscriptionId);
    }
    args(cluster) {
        const rp = CLUSTER_RP[cluster.type];
        return [cluster.resourceGroup, rp.clusterRp, rp.clusterResourceName, cluster.name];
    }
    /** The flux configuration as ARM returns it (flattened SDK model), or undefined when there is none. */
    async get(cluster, name) {
        const sdk = await this.sdk(cluster);
        return (await ifExists(withBudget(this.budget, () => sdk.fluxConfigurations.get(...this.args(cluster), name))));
    }
    async create(cluster, name, body) {
        const sdk = await this.sdk(cluster);
        // Planned as a create: if the configuration exists now, this run's PUT reached ARM.
        const landed = async () => ((await this.get(cluster, name)) ? this.settled(cluster, name) : undefined);
        return (await writeThenPoll(this.budget, async () => ({ poller: await sdk.fluxConfigurations.beginCreateOrUpdate(...this.args(cluster), name, body) }), landed));
    }
    async patch(cluster, name, patch) {
        const sdk = await this.sdk(cluster);
        const sent = Date.now() - 5_000; // ARM's clock may lag the runner's a little
        const landed = async () => {
            const now = await this.get(cluster, name);
            const modified = Date.parse(String(now?.systemData?.lastModifiedAt ?? ''));
            return modified >= sent ? this.settled(cluster, name) : undefined;
        };
        return (await writeThenPoll(this.budget, async () => ({ poller: await sdk.fluxConfigurations.beginUpdate(...this.args(cluster), name, patch) }), landed));
    }
    /** Reads the configuration until its provisioning state is final (after a write that landed without a poller). */
    async settled(cluster, name) {
        const done = await (0,src/* waitFor */.fm)(async () => {
            const now = await this.get(cluster, name);
            return now && ['Succeeded', 'Failed', 'Canceled'].includes(String(now.provisioningState)) ? now : undefined;
        }, { timeoutMs: 10 * 60_000, initialMs: 500, maxMs: 5000 });
        return done.value;
    }
    async delete(cluster, name) {
        const sdk = await this.sdk(cluster);
        await withBudget(this.budget, () => sdk.fluxConfigurations.beginDeleteAndWait(...this.args(cluster), name));
    }
    /** The microsoft.flux extension of the cluster (any name), if installed. */
    async fluxExtension(cluster) {
        const found = await this.installer.findByType(cluster, FLUX_EXTENSION_TYPE);
        return found ? extensionState(found) : undefined;
    }
    /**
     * Installs microsoft.flux when it is missing, or again when it Failed (the installer waits for a running
     * operation first and for the final state after its write). Returns what was done: `present`, `installed` or
     * `repaired`; a Failed install throws with the extension's own error.
     */
    async ensureFluxExtension(cluster, timeoutMs) {
        const installer = new ExtensionInstaller(this.clients, this.budget, { timeoutMs });
        const { plan, state } = await installer.ensure(cluster, {
            name: FLUX_EXTENSION_NAME,
            extensionType: FLUX_EXTENSION_TYPE,
            autoUpgradeMinorVersion: true,
            releaseTrain: 'Stable',
            scope: { cluster: { releaseNamespace: 'flux-system' } },
        }, 'present');
        return { outcome: plan.action === 'create' ? 'installed' : plan.action === 'repair' ? 'repaired' : 'present', state };
    }
}

;// CONCATENATED MODULE: ./packages/azure/src/policy/definitions.ts



const MG_SCOPE = /^\/providers\/Microsoft\.Management\/managementGroups\/([^/]+)(?:$|\/)/i;
const SUB_SCOPE = /^\/subscriptions\/([^/]+)(?:$|\/)/i;
function homeOf(idOrScope) {
    const mg = MG_SCOPE.exec(idOrScope);
    if (mg)
        return { kind: 'managementGroup', id: mg[1] };
    const sub = SUB_SCOPE.exec(idOrScope);
    if (sub)
        return { kind: 'subscription', id: sub[1].toLowerCase() };
    return { kind: 'builtIn' };
}
/** The policy client that reaches `home`: a subscription's own for a subscription, any for the rest. */
const policyClientFor = (clients, home, fallbackSubscription) => clients.policy(home.kind === 'subscription' ? home.id : fallbackSubscription);
/** Reads a definition or set at the scope its id names (built-in, management group, subscription); undefined on 404. */
async function readAtHome(clients, fallbackSubscription, id, family, budget) {
    const home = homeOf(id);
    const name = id.split('/').pop();
    const readers = family(await policyClientFor(clients, home, fallbackSubscription));
    const read = () => home.kind === 'builtIn'
        ? readers.getBuiltIn(name)
        : home.kind === 'managementGroup'
            ? readers.getAtManagementGroup(home.id, name)
            : readers.get(name);
    return (await ifExists(withBudget(budget, read)));
}
/** A policy definition by id, read at its own scope; undefined when Azure says it does not exist. */
const readDefinitionById = (clients, fallbackSubscription, id, budget = new src/* RetryBudget */.HD(20)) => readAtHome(clients, fallbackSubscription, id, (p) => p.policyDefinitions, budget);
/** A set definition (initiative) by id, read at its own scope; undefined when Azure says it does not exist. */
const readSetById = (clients, fallbackSubscription, id, budget = new src/* RetryBudget */.HD(20)) => readAtHome(clients, fallbackSubscription, id, (p) => p.policySetDefinitions, budget);
/** Writes a custom definition at its own subscription or management group (`scope`). */
async function writeCustomDefinition(clients, fallbackSubscription, scope, name, body) {
    const home = homeOf(scope);
    const policy = await policyClientFor(clients, home, fallbackSubscription);
    if (home.kind === 'managementGroup')
        return policy.policyDefinitions.createOrUpdateAtManagementGroup(home.id, name, body);
    if (home.kind === 'subscription')
        return policy.policyDefinitions.createOrUpdate(name, body);
    throw new Error(`A custom definition cannot be written at ${scope}; use a management group or a subscription.`);
}
async function readCustomDefinition(clients, fallbackSubscription, scope, name) {
    return readDefinitionById(clients, fallbackSubscription, `${scope}/providers/Microsoft.Authorization/policyDefinitions/${name}`);
}
/** Every version of a built-in definition (`policyDefinitionVersions.listBuiltIn`), newest API first. */
async function listBuiltInDefinitionVersions(clients, fallbackSubscription, name) {
    const policy = await clients.policy(fallbackSubscription);
    const versions = [];
    for await (const v of policy.policyDefinitionVersions.listBuiltIn(name))
        versions.push(v);
    return versions;
}

;// CONCATENATED MODULE: ./packages/azure/src/policy/assignments.ts




/** Policy assignments through @azure/arm-policy: read (404 = absent), written (PUT, idempotent) and listed at a cluster. */
/** The assignment as ARM holds it, or undefined when it does not exist yet. */
async function readAssignment(clients, subscriptionId, scope, name, budget = new src/* RetryBudget */.HD(20)) {
    const policy = await clients.policy(subscriptionId);
    return ifExists(withBudget(budget, () => policy.policyAssignments.get(scope, name)));
}
/** PUT of an assignment (the whole desired body: a rerun with the same body changes nothing). */
async function writeAssignment(clients, subscriptionId, scope, name, body) {
    const policy = await clients.policy(subscriptionId);
    return policy.policyAssignments.create(scope, name, body);
}
/** The assignments that apply to a cluster (Arc or AKS), inherited ones included. */
async function assignmentsAtCluster(clients, ref, budget = new src/* RetryBudget */.HD(20)) {
    const policy = await clients.policy(ref.subscriptionId);
    const rp = CLUSTER_RP[ref.type];
    return withBudget(budget, async () => {
        const out = [];
        for await (const a of policy.policyAssignments.listForResource(ref.resourceGroup, rp.clusterRp, '', rp.clusterResourceName, ref.name, {
            filter: 'atScope()',
        }))
            out.push(a);
        return out;
    });
}

;// CONCATENATED MODULE: ./packages/azure/src/policy/evaluation.ts
/**
 * Starts a Policy Insights compliance evaluation for each subscription or resource-group scope (management-group
 * scopes have no on-demand evaluation); does not wait. Returns the scopes it started.
 */
async function triggerEvaluations(clients, scopes) {
    const started = [];
    for (const scope of [...new Set(scopes.map((s) => s.toLowerCase()))].filter((s) => s.startsWith('/subscriptions/'))) {
        const [, , subscriptionId, , resourceGroup] = scope.split('/');
        const insights = await clients.policyInsights(subscriptionId);
        if (resourceGroup)
            await insights.policyStates.beginTriggerResourceGroupEvaluation(subscriptionId, resourceGroup);
        else
            await insights.policyStates.beginTriggerSubscriptionEvaluation(subscriptionId);
        started.push(scope);
    }
    return started;
}

;// CONCATENATED MODULE: ./packages/azure/src/policy/exemptions.ts




/**
 * Policy exemptions (Microsoft.Authorization/policyExemptions) through the official @azure/arm-policy client that has
 * them (see ArmClients.policyExemptions): read (404 = absent), written by PUT (the whole desired body: a rerun with the
 * same body changes nothing), deleted, and listed through Resource Graph.
 */
/** The classic client's URL template is `/{scope}/providers/...` with the scope not encoded: no leading slash. */
const sdkScope = (scope) => scope.replace(/^\/+/, '');
/** The exemption `<scope>/providers/Microsoft.Authorization/policyExemptions/<name>` as ARM holds it, or undefined. */
async function readExemption(clients, subscriptionId, id, budget = new src/* RetryBudget */.HD(20)) {
    const [, scope, name] = /^(.*)\/providers\/Microsoft\.Authorization\/policyExemptions\/([^/]+)$/i.exec(id) ?? [];
    if (!scope || !name)
        throw new Error(`${id} is not a policy exemption id.`);
    const client = await clients.policyExemptions(subscriptionId);
    return (await ifExists(withBudget(budget, () => client.policyExemptions.get(sdkScope(scope), name))));
}
async function writeExemption(clients, subscriptionId, scope, name, body) {
    const client = await clients.policyExemptions(subscriptionId);
    return client.policyExemptions.createOrUpdate(sdkScope(scope), name, body);
}
async function deleteExemption(clients, subscriptionId, scope, name) {
    const client = await clients.policyExemptions(subscriptionId);
    await client.policyExemptions.delete(sdkScope(scope), name);
}
/** The exemptions of one assignment (Resource Graph `policyresources`), with their metadata; `where` narrows by scope. */
async function listExemptionsOf(clients, assignmentId, scope, where = []) {
    return queryGraph(clients, [
        "policyresources\n| where type =~ 'microsoft.authorization/policyexemptions'",
        `| where properties.policyAssignmentId =~ ${kqlString(assignmentId)}`,
        ...where,
        '| project id, name, metadata = properties.metadata\n| order by id asc',
    ].join('\n'), scope);
}

;// CONCATENATED MODULE: ./packages/azure/src/policy/remediations.ts




function where(scope) {
    const mg = /^\/providers\/Microsoft\.Management\/managementGroups\/([^/]+)$/i.exec(scope);
    if (mg)
        return { kind: 'managementGroup', id: mg[1] };
    const rg = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)$/i.exec(scope);
    if (rg)
        return { kind: 'resourceGroup', id: rg[1], group: rg[2] };
    const sub = /^\/subscriptions\/([^/]+)$/i.exec(scope);
    if (sub)
        return { kind: 'subscription', id: sub[1] };
    throw new Error(`A remediation cannot be made at ${scope}; use a management group, a subscription or a resource group.`);
}
/** Re-evaluating compliance first is what Azure offers below a management group only. */
const discoveryModeFor = (scope) => where(scope).kind === 'managementGroup' ? 'ExistingNonCompliant' : 'ReEvaluateCompliance';
async function remediationsAt(clients, scope) {
    const w = where(scope);
    const client = await clients.policyInsights(w.kind === 'managementGroup' ? undefined : w.id);
    return { w, remediations: client.remediations };
}
async function readRemediation(clients, scope, name, budget = new src/* RetryBudget */.HD(20)) {
    const { w, remediations } = await remediationsAt(clients, scope);
    const read = () => w.kind === 'managementGroup'
        ? remediations.getAtManagementGroup(w.id, name)
        : w.kind === 'resourceGroup'
            ? remediations.getAtResourceGroup(w.group, name)
            : remediations.getAtSubscription(name);
    return (await ifExists(withBudget(budget, read)));
}
async function createRemediation(clients, scope, name, body) {
    const { w, remediations } = await remediationsAt(clients, scope);
    if (w.kind === 'managementGroup')
        return remediations.createOrUpdateAtManagementGroup(w.id, name, body);
    if (w.kind === 'resourceGroup')
        return remediations.createOrUpdateAtResourceGroup(w.group, name, body);
    return remediations.createOrUpdateAtSubscription(name, body);
}
async function listRemediationDeployments(clients, scope, name, budget = new src/* RetryBudget */.HD(20)) {
    const { w, remediations } = await remediationsAt(clients, scope);
    return withBudget(budget, async () => {
        const pages = w.kind === 'managementGroup'
            ? remediations.listDeploymentsAtManagementGroup(w.id, name)
            : w.kind === 'resourceGroup'
                ? remediations.listDeploymentsAtResourceGroup(w.group, name)
                : remediations.listDeploymentsAtSubscription(name);
        const out = [];
        for await (const d of pages)
            out.push(d);
        return out;
    });
}
/** The latest policy state of every resource for one assignment (Resource Graph), with whether the read was complete. */
async function statesOfAssignment(clients, assignmentId, scope) {
    return queryGraph(clients, [
        "policyresources\n| where type =~ 'microsoft.policyinsights/policystates'",
        `| where properties.policyAssignmentId =~ ${kqlString(assignmentId)}`,
        '| project id, resourceId = properties.resourceId, complianceState = properties.complianceState\n| order by id asc',
    ].join('\n'), scope);
}

;// CONCATENATED MODULE: ./packages/azure/src/policy/index.ts
/**
 * Azure Policy, one module per resource family: definitions and sets (`definitions.ts`), assignments
 * (`assignments.ts`) and compliance evaluation (`evaluation.ts`); policy states are read through Resource Graph
 * (`graph.ts`); exemptions (`exemptions.ts`, Microsoft.Authorization/policyExemptions) beside assignments, with the
 * same shape: read (404 = absent), written by PUT, reads retried within the run's budget.
 */






;// CONCATENATED MODULE: ./packages/azure/src/fleet-state.ts



/** The cluster key of a kubernetesconfigurationresources row, in KQL. */
const CLUSTER_OF = "tolower(substring(id, 0, indexof(tolower(id), '/providers/microsoft.kubernetesconfiguration/')))";
/** Rows are folded into this many buckets (hash of the cluster key), so each fold is one page whatever the fleet size. */
const BUCKETS = 64;
const BY_BUCKET = `by bucket = hash(clusterId, ${BUCKETS})\n| order by bucket asc`;
/** Splits folded `entries` (`clusterKey|field|field…`) into rows per cluster key. */
function unfold(rows) {
    return rows.flatMap((r) => r.entries.map((entry) => entry.split('|')).map(([key, ...fields]) => [key, fields]));
}
function push(map, key, value) {
    const list = map.get(key);
    if (list)
        list.push(value);
    else
        map.set(key, [value]);
}
/**
 * Reads a fleet for a checklist: the clusters (1,000 a page), then — folded into 64 buckets, one page each — every
 * cluster's extensions and Flux configurations, and its policy states counted; then the statuses of the Non-Compliant
 * Flux configurations only; then the policy exemptions in scope. At 10,000 clusters: 10 + 1 + 1 + 1 + 1 calls. Arc and AKS clusters alike.
 */
async function readFleetState(clients, target, defaultSubscription) {
    const inventory = await listFleetClusters(clients, target, defaultSubscription);
    const subscriptions = [...new Set(inventory.rows.map((c) => c.ref.subscriptionId))];
    const scope = target.selector?.managementGroups?.length
        ? { managementGroups: target.selector.managementGroups }
        : { subscriptions: subscriptions.length ? subscriptions : [defaultSubscription] };
    const inFleet = new Set(inventory.rows.map((c) => c.ref.key));
    const state = {
        clusters: inventory.rows,
        missing: inventory.missing,
        extensions: new Map(),
        flux: new Map(),
        policy: new Map(),
        exemptions: [],
        complete: inventory.complete,
        queries: inventory.queries,
    };
    const read = async (query) => {
        const result = await queryGraph(clients, query.join('\n'), scope);
        state.queries += result.pages;
        state.complete &&= result.complete;
        return result.rows;
    };
    const config = await read([
        'kubernetesconfigurationresources',
        "| where type in~ ('microsoft.kubernetesconfiguration/extensions', 'microsoft.kubernetesconfiguration/fluxconfigurations')",
        `| extend clusterId = ${CLUSTER_OF}`,
        // Extensions carry PascalCase properties in Resource Graph, Flux configurations camelCase: one of each pair is empty.
        "| extend entry = strcat(clusterId, '|', tolower(type), '|', name, '|', tostring(properties.ExtensionType), '|', tostring(properties.ProvisioningState), '|', tostring(properties.provisioningState), '|', tostring(properties.complianceState))",
        `| summarize entries = make_set(entry) ${BY_BUCKET}`,
    ]);
    for (const [key, [type, name, extensionType, extensionState, fluxState, complianceState]] of unfold(config)) {
        if (!inFleet.has(key))
            continue;
        const id = `${key}/providers/microsoft.kubernetesconfiguration/${type.split('/')[1]}/${name}`;
        if (type.endsWith('/extensions'))
            push(state.extensions, key, { id, name, clusterId: key, extensionType, provisioningState: extensionState || undefined });
        else
            push(state.flux, key, {
                id,
                name,
                clusterId: key,
                complianceState: complianceState || undefined,
                provisioningState: fluxState || undefined,
            });
    }
    const failing = await read([
        "kubernetesconfigurationresources\n| where type =~ 'microsoft.kubernetesconfiguration/fluxconfigurations'",
        "| where properties.complianceState == 'Non-Compliant'",
        `| extend clusterId = ${CLUSTER_OF}`,
        '| project id, clusterId, name, statuses = properties.statuses\n| order by id asc',
    ]);
    for (const f of failing) {
        const configuration = state.flux.get(f.clusterId)?.find((c) => c.name === f.name);
        if (configuration)
            configuration.statuses = f.statuses;
    }
    const policy = await read([
        "policyresources\n| where type =~ 'microsoft.policyinsights/policystates'",
        `| where properties.resourceType in~ (${Object.values(CLUSTER_RP)
            .map((t) => kqlString(t.armType))
            .join(', ')})`,
        '| extend clusterId = tolower(tostring(properties.resourceId)), state = tostring(properties.complianceState)',
        "| summarize nonCompliant = countif(state == 'NonCompliant'), compliant = countif(state == 'Compliant'), total = count() by clusterId",
        "| extend entry = strcat(clusterId, '|', tostring(nonCompliant), '|', tostring(compliant), '|', tostring(total))",
        `| summarize entries = make_set(entry) ${BY_BUCKET}`,
    ]);
    for (const [key, [nonCompliant, compliant, total]] of unfold(policy))
        if (inFleet.has(key))
            state.policy.set(key, { nonCompliant: Number(nonCompliant), compliant: Number(compliant), total: Number(total) });
    const exemptions = await read([
        "policyresources\n| where type =~ 'microsoft.authorization/policyexemptions'",
        '| project id, name, assignment = tostring(properties.policyAssignmentId), category = tostring(properties.exemptionCategory), expiresOn = tostring(properties.expiresOn)',
        '| order by id asc',
    ]);
    state.exemptions = exemptions.map((e) => ({ ...e, expiresOn: e.expiresOn || undefined }));
    return state;
}

;// CONCATENATED MODULE: ./packages/azure/src/workload-identity.ts



/**
 * Workload identity on Arc connected clusters and the federated credentials of the apps that use it.
 *
 * The connectedClusters properties `oidcIssuerProfile` ({enabled, issuerUrl (read-only)}) and
 * `securityProfile.workloadIdentity.enabled` exist from api-version 2024-12-01-preview on (azure-rest-api-specs
 * hybridkubernetes models.tsp; GetClusterExample.json of 2024-12-01-preview); @azure/arm-hybridkubernetes 2.1.0 is
 * pinned to 2021-10-01 and has neither, so the cluster is read and written through @azure/arm-resources' generic
 * by-id operations with a version that has them. PATCH cannot set them (ConnectedClusterPatchProperties has
 * distribution, distributionVersion, azureHybridBenefit and gateway only): they are enabled with a PUT of the
 * cluster's own writable properties plus the two profiles, the way the
 * model allows (az's `connectedk8s update --enable-oidc-issuer --enable-workload-identity`, `_params.py`, has the same
 * switches; how az sends them was not checked).
 */
const WORKLOAD_IDENTITY_API = '2026-05-01';
async function readGeneric(arm, ref, budget) {
    const resources = await arm.resources(ref.subscriptionId);
    return ifExists(withBudget(budget, () => resources.resources.getById(ref.id, WORKLOAD_IDENTITY_API)));
}
const stateOf = (cluster) => ({
    oidcIssuer: cluster.properties?.oidcIssuerProfile?.enabled === true,
    workloadIdentity: cluster.properties?.securityProfile?.workloadIdentity?.enabled === true,
    issuerUrl: cluster.properties?.oidcIssuerProfile?.issuerUrl || undefined,
});
async function readClusterWorkloadIdentity(arm, ref, budget = new src/* RetryBudget */.HD(10)) {
    const cluster = await readGeneric(arm, ref, budget);
    return cluster ? stateOf(cluster) : undefined;
}
/** The writable properties of a connectedCluster (models.tsp), carried over by the PUT so that nothing else changes. */
const WRITABLE = [
    'agentPublicKeyCertificate',
    'distribution',
    'distributionVersion',
    'infrastructure',
    'privateLinkState',
    'privateLinkScopeResourceId',
    'azureHybridBenefit',
    'aadProfile',
    'arcAgentProfile',
    'gateway',
    'arcAgentryConfigurations',
];
/**
 * Makes the OIDC issuer and workload identity enabled and returns the issuer URL. Already enabled with an issuer URL:
 * no write (`changed: false`). Otherwise one PUT, then reads until the service shows the issuer URL.
 */
async function enableClusterWorkloadIdentity(arm, ref, options) {
    const budget = options.budget ?? new src/* RetryBudget */.HD(10);
    const cluster = await readGeneric(arm, ref, budget);
    if (!cluster)
        throw new Error(`${ref.id} does not exist, so workload identity cannot be enabled on it.`);
    const before = stateOf(cluster);
    if (before.oidcIssuer && before.workloadIdentity && before.issuerUrl)
        return { changed: false, issuerUrl: before.issuerUrl };
    const properties = {};
    for (const key of WRITABLE)
        if (cluster.properties?.[key] !== undefined && cluster.properties[key] !== null)
            properties[key] = cluster.properties[key];
    const arcAgentProfile = properties.arcAgentProfile;
    if (arcAgentProfile)
        delete arcAgentProfile.agentState; // read-only
    properties.oidcIssuerProfile = {
        enabled: true,
        ...(cluster.properties?.oidcIssuerProfile?.selfHostedIssuerUrl
            ? { selfHostedIssuerUrl: cluster.properties.oidcIssuerProfile.selfHostedIssuerUrl }
            : {}),
    };
    properties.securityProfile = { ...cluster.properties?.securityProfile, workloadIdentity: { enabled: true } };
    const resources = await arm.resources(ref.subscriptionId);
    await resources.resources.createOrUpdateById(ref.id, WORKLOAD_IDENTITY_API, {
        location: cluster.location,
        tags: cluster.tags,
        ...(cluster.kind ? { kind: cluster.kind } : {}),
        identity: { type: cluster.identity?.type ?? 'SystemAssigned' },
        properties,
    });
    let last = before;
    const appeared = await (0,src/* waitFor */.fm)(async () => {
        const now = await readGeneric(arm, ref, budget);
        if (now)
            last = stateOf(now);
        return last.oidcIssuer && last.workloadIdentity && last.issuerUrl ? last.issuerUrl : undefined;
    }, { timeoutMs: options.timeoutMs, initialMs: options.pollMs ?? 1000, maxMs: 10_000 });
    if (!appeared.value)
        throw new Error(`${ref.id} was updated to enable the OIDC issuer and workload identity, but did not show an issuer URL within ${Math.round(options.timeoutMs / 1000)} s (oidcIssuerProfile.enabled ${last.oidcIssuer}, workloadIdentity.enabled ${last.workloadIdentity}).`);
    return { changed: true, issuerUrl: appeared.value };
}
const IDENTITY_ID = /^\/subscriptions\/([0-9a-f-]{36})\/resourceGroups\/([-\w._()]{1,90})\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/([A-Za-z0-9][-A-Za-z0-9_]{2,127})$/i;
/** Parses a user-assigned managed identity's resource id; a ConfigurationError naming `where` otherwise. */
function parseIdentityId(id, where, input) {
    const m = IDENTITY_ID.exec(id.trim());
    if (!m)
        throw new src/* ConfigurationError */.j1(`${where} has ${(0,src/* shown */.SP)(id)}, which is not a user-assigned managed identity's resource id; expected /subscriptions/<guid>/resourceGroups/<group>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>.`, input);
    return { id: m[0], subscriptionId: m[1].toLowerCase(), resourceGroup: m[2], name: m[3] };
}
/** The identity's client id, principal id and tenant, or undefined when it does not exist. */
async function readUserAssignedIdentity(arm, ref, budget = new src/* RetryBudget */.HD(10)) {
    const msi = await arm.managedIdentities(ref.subscriptionId);
    const found = await ifExists(withBudget(budget, () => msi.userAssignedIdentities.get(ref.resourceGroup, ref.name)));
    if (!found)
        return undefined;
    return { clientId: found.clientId ?? '', principalId: found.principalId ?? '', tenantId: found.tenantId ?? '' };
}
/**
 * Creates or replaces one federated identity credential on a user-assigned identity. Already there with the same
 * issuer, subject and audience: no write (`created` | `updated` | `unchanged`).
 */
async function ensureFederatedCredential(arm, identity, spec, options = {}) {
    const budget = options.budget ?? new src/* RetryBudget */.HD(10);
    const msi = await arm.managedIdentities(identity.subscriptionId);
    const id = `${identity.id}/federatedIdentityCredentials/${spec.name}`;
    const current = await ifExists(withBudget(budget, () => msi.federatedIdentityCredentials.get(identity.resourceGroup, identity.name, spec.name)));
    if (current &&
        current.issuer === spec.issuer &&
        current.subject === spec.subject &&
        (current.audiences ?? []).length === 1 &&
        current.audiences[0] === spec.audience)
        return { action: 'unchanged', id };
    if (options.dryRun)
        return { action: current ? 'updated' : 'created', id };
    // A PUT of the same body twice lands the same credential, so a retried write is harmless.
    await withBudget(budget, () => msi.federatedIdentityCredentials.createOrUpdate(identity.resourceGroup, identity.name, spec.name, {
        issuer: spec.issuer,
        subject: spec.subject,
        audiences: [spec.audience],
    }));
    return { action: current ? 'updated' : 'created', id };
}

;// CONCATENATED MODULE: ./packages/azure/src/arc-network/endpoints.ts
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
/**
 * The relay allowlist of the guest notification service (Microsoft Learn, "Azure Arc-enabled Kubernetes network
 * requirements": `GET https://guestnotificationservice.<suffix>/urls/allowlist?api-version=2020-01-01&location=<region>`).
 */
function allowlistUrl(guestNotificationService, location) {
    return `${guestNotificationService}/urls/allowlist?api-version=2020-01-01&location=${encodeURIComponent(location)}`;
}
/**
 * A sender's hybrid connection URL on a relay host (`host[:port]`, port 443 unless given), as the Azure Relay Hybrid
 * Connections protocol writes it: `wss://{namespace}/$hc/{path}?sb-hc-action=connect`. No token: the probe only
 * looks at how the relay refuses it.
 */
function relayUrl(entry) {
    const clean = entry.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
    return `wss://${clean}/$hc/arc-actions-preflight?sb-hc-action=connect`;
}
/**
 * The allowlist is a JSON array of relay host names (the documented shape); duplicates are dropped (the service
 * has been seen to repeat entries) and surrounding whitespace trimmed. Objects with `value`/`endpoints`/`allowlist`
 * arrays are accepted too, in case the shape grows.
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
    const hosts = list
        .filter((e) => typeof e === 'string')
        .map((e) => e.trim())
        .filter((e) => /^[A-Za-z0-9.-]+(:\d+)?$/.test(e.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '')));
    return [...new Set(hosts.map((h) => h.toLowerCase()))];
}

;// CONCATENATED MODULE: ./packages/azure/src/arc-network/verdicts.ts
/**
 * How an egress probe's answers are read, the same for the runner-side pre-flight (arc-connect) and the in-cluster
 * probe (arc-connect before the agents, arc-verify nightly): one interpretation, wherever the probe ran.
 *
 * Relays: any HTTP answer proves a relay host is reachable. Azure Relay never accepts an unauthenticated websocket
 * (Microsoft Learn, "Azure Relay Hybrid Connections protocol": 401 without a token, 404 for an unknown path), so the
 * upgrade probe sends a sender's handshake without a token and looks at how it is refused: 401/404 (or 101) means the
 * upgrade reached the relay; "400 This endpoint is only for web-socket requests" (Azure Relay's answer to a request
 * that is not a websocket upgrade, Azure/azure-relay-dotnet#135) or the same answer as a plain request means something
 * in between removed the upgrade; a connection closed without an answer while plain HTTPS works means something drops
 * upgrades. Anything else cannot be told apart from a relay answer: a warning with the fix, never a failure.
 */
const EXEMPT = ' (a TLS-inspecting proxy must exempt them from inspection)';
/** The reachability row and the websocket row from the relay probes; `prefix` names where they ran ("in-cluster: "). */
function relayRows(results, how, via, prefix = '') {
    const rows = [];
    const unreachable = results.filter((r) => !r.probe.plain.answered);
    rows.push(unreachable.length === 0
        ? {
            check: `${prefix}HTTPS to the relay`,
            result: 'pass',
            detail: `${results.map((r) => `${r.relay} (HTTP ${r.probe.plain.status})`).join(', ')} answered${how}`,
        }
        : {
            check: `${prefix}HTTPS to the relay`,
            result: 'fail',
            detail: `${unreachable.map((r) => `${r.relay}: ${r.probe.plain.detail}`).join('; ')}${how}`,
            fix: `allow HTTPS (port 443) to ${unreachable.map((r) => r.relay).join(', ')}${via ? ` in the proxy ${via}` : ''}; cluster connect and custom locations need them`,
        });
    const reachable = results.filter((r) => r.probe.plain.answered);
    if (!reachable.length)
        return rows;
    const verdicts = reachable.map((r) => ({ relay: r.relay, ...judgeUpgrade(r.probe) }));
    const names = (list) => list.map((v) => v.relay).join(', ');
    const blocked = verdicts.filter((v) => v.verdict === 'blocked');
    const unclear = verdicts.filter((v) => v.verdict === 'unclear');
    const fix = (list) => `allow websocket upgrades (HTTP/1.1 Upgrade: websocket, long-lived connections) to ${names(list)} (*.servicebus.windows.net)${via ? ` in the proxy ${via}${EXEMPT}` : ''}`;
    if (blocked.length) {
        rows.push({
            check: `${prefix}websocket to the relay`,
            result: 'fail',
            detail: `${blocked.map((v) => `${v.relay}: ${v.detail}`).join('; ')}${how}. Onboarding would succeed but cluster connect (az connectedk8s proxy, the portal's Kubernetes resources view, custom locations) would hang`,
            fix: fix(blocked),
        });
    }
    else if (unclear.length) {
        rows.push({
            check: `${prefix}websocket to the relay`,
            result: 'warn',
            detail: `${unclear.map((v) => `${v.relay}: ${v.detail}`).join('; ')}${how}. This cannot be told apart from a relay refusing the probe; if cluster connect hangs, this is why`,
            fix: fix(unclear),
        });
    }
    else {
        rows.push({
            check: `${prefix}websocket to the relay`,
            result: 'pass',
            detail: `${verdicts.map((v) => `${v.relay}: ${v.detail}`).join('; ')}${how}`,
        });
    }
    return rows;
}
/** What the two answers of one relay say about websocket upgrades on the way there. */
function judgeUpgrade(probe) {
    const { upgrade, plain } = probe;
    if (!upgrade.answered)
        return {
            verdict: 'blocked',
            detail: `plain HTTPS is answered but the websocket upgrade got no answer (${upgrade.detail}): something on the way drops upgrades`,
        };
    const line = `${upgrade.status} ${upgrade.statusText ?? ''}`.trim();
    if (upgrade.status === 101 || upgrade.status === 401 || upgrade.status === 404)
        return {
            verdict: 'reached',
            detail: `the upgrade reached the relay (answered ${line}${upgrade.status === 101 ? '' : ', as Azure Relay refuses a sender without a Send token'})`,
        };
    if (upgrade.status === 400 && /only for web-?socket requests/i.test(`${upgrade.statusText ?? ''} ${upgrade.body ?? ''}`))
        return {
            verdict: 'blocked',
            detail: `the relay saw no websocket upgrade (answered ${line}): something on the way removed the Upgrade headers`,
        };
    if (plain.answered && upgrade.status === plain.status && upgrade.statusText === plain.statusText)
        return {
            verdict: 'unclear',
            detail: `the upgrade got the same answer as a plain request (${line}): the Upgrade headers may have been removed on the way`,
        };
    return { verdict: 'unclear', detail: `the upgrade was answered ${line}, which Azure Relay does not document for a sender` };
}

;// CONCATENATED MODULE: ./packages/azure/src/arc-network/requirements.ts
const REGION = '{region}';
/** Learn's table for the public cloud, as of the page's current version. */
const PUBLIC = [
    { host: 'management.azure.com', port: 443, purpose: 'agents connect to Azure and register the cluster', need: 'core' },
    { host: `${REGION}.dp.kubernetesconfiguration.azure.com`, port: 443, purpose: 'config data plane (status, configuration)', need: 'core' },
    { host: 'login.microsoftonline.com', port: 443, purpose: 'Azure Resource Manager tokens', need: 'core' },
    { host: `${REGION}.login.microsoft.com`, port: 443, purpose: 'Azure Resource Manager tokens', need: 'core' },
    { host: 'login.windows.net', port: 443, purpose: 'Azure Resource Manager tokens', need: 'core' },
    { host: 'mcr.microsoft.com', port: 443, purpose: 'agent container images', need: 'core' },
    { host: '*.data.mcr.microsoft.com', port: 443, purpose: 'agent container images', need: 'core' },
    { host: 'gbl.his.arc.azure.com', port: 443, purpose: 'regional endpoint for managed identity certificates', need: 'core' },
    { host: '*.his.arc.azure.com', port: 443, purpose: 'system-assigned managed identity certificates', need: 'core' },
    { host: 'guestnotificationservice.azure.com', port: 443, purpose: 'cluster connect and custom locations', need: 'feature' },
    { host: '*.guestnotificationservice.azure.com', port: 443, purpose: 'cluster connect and custom locations', need: 'feature' },
    { host: 'sts.windows.net', port: 443, purpose: 'cluster connect and custom locations', need: 'feature' },
    { host: '*.servicebus.windows.net', port: 443, purpose: 'cluster connect and custom locations (websockets)', need: 'feature' },
    { host: 'graph.microsoft.com', port: 443, purpose: 'Azure RBAC', need: 'feature' },
    { host: '*.arc.azure.net', port: 443, purpose: 'managing the cluster in the Azure portal', need: 'feature' },
    { host: `${REGION}.obo.arc.azure.com`, port: 8084, purpose: 'cluster connect', need: 'feature' },
];
/** docs.azure.cn's table for Azure operated by 21Vianet. */
const CHINA = [
    { host: 'management.chinacloudapi.cn', port: 443, purpose: 'agents connect to Azure and register the cluster', need: 'core' },
    { host: `${REGION}.dp.kubernetesconfiguration.azure.cn`, port: 443, purpose: 'config data plane (status, configuration)', need: 'core' },
    { host: 'login.chinacloudapi.cn', port: 443, purpose: 'Azure Resource Manager tokens', need: 'core' },
    { host: `${REGION}.login.chinacloudapi.cn`, port: 443, purpose: 'Azure Resource Manager tokens', need: 'core' },
    { host: 'login.partner.microsoftonline.cn', port: 443, purpose: 'Azure Resource Manager tokens', need: 'core' },
    { host: 'mcr.azk8s.cn', port: 443, purpose: 'agent container images', need: 'core' },
    { host: 'gbl.his.arc.azure.cn', port: 443, purpose: 'regional endpoint for managed identity certificates', need: 'core' },
    { host: '*.his.arc.azure.cn', port: 443, purpose: 'system-assigned managed identity certificates', need: 'core' },
    { host: 'guestnotificationservice.azure.cn', port: 443, purpose: 'cluster connect and custom locations', need: 'feature' },
    { host: '*.guestnotificationservice.azure.cn', port: 443, purpose: 'cluster connect and custom locations', need: 'feature' },
    { host: 'sts.chinacloudapi.cn', port: 443, purpose: 'cluster connect and custom locations', need: 'feature' },
    { host: '*.servicebus.chinacloudapi.cn', port: 443, purpose: 'cluster connect and custom locations (websockets)', need: 'feature' },
    { host: 'graph.chinacloudapi.cn', port: 443, purpose: 'Azure RBAC', need: 'feature' },
    { host: '*.arc.azure.cn', port: 443, purpose: 'managing the cluster in the Azure portal', need: 'feature' },
    { host: `${REGION}.obo.arc.azure.cn`, port: 8084, purpose: 'cluster connect', need: 'feature' },
];
const TABLES = { AzureCloud: PUBLIC, AzureChinaCloud: CHINA };
const hostOf = (url) => {
    const u = new URL(url);
    return { host: u.hostname.toLowerCase(), port: Number(u.port || 443) };
};
/** `host[:port]` from an allowlist entry (the guest notification service lists bare host names). */
function splitHostPort(entry) {
    const clean = entry
        .replace(/^[a-z]+:\/\//i, '')
        .replace(/\/.*$/, '')
        .toLowerCase();
    const m = /^(.*?)(?::(\d+))?$/.exec(clean);
    return { host: m[1], port: Number(m[2] ?? 443) };
}
/**
 * Every host the region needs: Learn's table for the cloud (AzureUSGovernment and custom environments have none
 * vendored: their list is the environment's own endpoints), the environment's ARM and Entra hosts, the config data
 * plane and guest notification service as the actions reach them, and the relay hosts the allowlist resolved.
 * Sorted and without duplicates (host and port).
 */
function requiredHosts(environment, location, endpoints, relays) {
    const table = environment.custom ? [] : (TABLES[environment.name] ?? []);
    const out = table.map((t) => ({ ...t, host: t.host.replace(REGION, location), source: 'learn' }));
    const add = (entry, purpose, need, source) => out.push({ ...entry, purpose, need, source });
    add(hostOf(environment.resourceManager), 'Azure Resource Manager', 'core', 'environment');
    add(hostOf(environment.authorityHost), 'Microsoft Entra ID (tokens)', 'core', 'environment');
    if (endpoints) {
        add(hostOf(endpoints.dataPlane), 'config data plane (status, configuration)', 'core', 'environment');
        add(hostOf(endpoints.guestNotificationService), 'guest notification service (relay allowlist)', 'feature', 'environment');
    }
    for (const relay of relays)
        add(splitHostPort(relay), `relay of ${location} (websockets)`, 'feature', 'allowlist');
    const seen = new Map();
    for (const h of out) {
        const key = `${h.host}:${h.port}`;
        if (!seen.has(key))
            seen.set(key, h);
    }
    return [...seen.values()].sort((a, b) => a.host.localeCompare(b.host) || a.port - b.port);
}
/** Hosts a probe can reach: every entry without a wildcard (wildcards are covered by the concrete hosts). */
const probeableHosts = (hosts) => hosts.filter((h) => !h.host.includes('*'));

;// CONCATENATED MODULE: ./packages/azure/src/arc-network/allowlist-file.ts
const entryOf = (h) => `${h.host}:${h.port}`;
function allowlistText(hosts) {
    return hosts.map((h) => `${entryOf(h)}\n`).join('');
}
/**
 * The entries of a previous allowlist: the JSON document (its `hosts`) or the text file (one `host:port` a line;
 * blank lines and `#` comments ignored, a bare host means port 443). Returns undefined when the text is neither.
 */
function parsePreviousAllowlist(text) {
    const trimmed = text.trim();
    if (trimmed.startsWith('{')) {
        try {
            const doc = JSON.parse(trimmed);
            if (!Array.isArray(doc.hosts))
                return undefined;
            return doc.hosts
                .filter((h) => h && typeof h.host === 'string')
                .map((h) => entryOf({ host: h.host.toLowerCase(), port: Number(h.port ?? 443) }));
        }
        catch {
            return undefined;
        }
    }
    const entries = [];
    for (const raw of trimmed.split(/\r?\n/)) {
        const line = raw.trim();
        if (!line || line.startsWith('#'))
            continue;
        const m = /^(\*\.)?[A-Za-z0-9.-]+(?::(\d{1,5}))?$/.exec(line);
        if (!m)
            return undefined;
        entries.push(m[2] ? line.toLowerCase() : `${line.toLowerCase()}:443`);
    }
    return entries;
}
/** What a proxy team has to add and may remove, comparing the previous entries with the current ones. */
function diffAllowlist(previous, current) {
    const before = new Set(previous);
    const now = new Set(current);
    return { added: current.filter((e) => !before.has(e)), removed: [...before].filter((e) => !now.has(e)) };
}

;// CONCATENATED MODULE: ./packages/azure/src/arc-network/in-cluster.ts



const CURL_HINTS = {
    5: 'the proxy host name does not resolve',
    6: 'the host name does not resolve from the cluster',
    7: 'no TCP connection',
    28: 'no answer in time',
    35: 'the TLS handshake failed',
    52: 'the connection was closed without an answer',
    56: 'the connection failed while receiving (a proxy refusing the tunnel, or closing it)',
    60: "the server's certificate is not trusted (a TLS-inspecting proxy needs its CA certificate as proxy-cert)",
};
/** One entry as a probe attempt in the runner-side pre-flight's terms, so both share judgeUpgrade. */
function attemptOf(entry) {
    if (entry.s > 0)
        return {
            answered: true,
            status: entry.s,
            statusText: entry.t ?? '',
            body: entry.b ?? '',
            detail: `HTTP ${entry.s} ${entry.t ?? ''}`.trim(),
        };
    const hint = CURL_HINTS[entry.c];
    const error = (entry.x ?? '').replace(/^curl: \(\d+\) /, '');
    return {
        answered: false,
        detail: [hint, error && `curl exit ${entry.c}: ${error}`].filter(Boolean).join('; ') || `curl exit ${entry.c}`,
    };
}
/**
 * The in-cluster probe's rows, read with the same verdicts as the runner-side pre-flight (`relayRows`,
 * `judgeUpgrade`): a stripped or dropped websocket upgrade is a failure whose fix names the relay hosts and the proxy;
 * a host without an answer is a failure naming the host and the proxy.
 */
function inClusterEgressRows(result, via) {
    const prefix = 'in-cluster: ';
    const how = via ? ` from inside the cluster through proxy ${via}` : ' from inside the cluster (direct)';
    if (result.error)
        return [{ check: `${prefix}egress probe`, result: 'fail', detail: `the probe could not run: ${result.error}` }];
    const entries = result.e ?? [];
    const rows = [];
    const inProxy = via ? ` in the proxy ${via}` : ' in the firewall';
    for (const a of entries.filter((e) => e.k === 'a')) {
        const attempt = attemptOf(a);
        const relays = entries.filter((e) => e.k === 'p').length;
        rows.push(a.s === 200
            ? { check: `${prefix}relay allowlist`, result: 'pass', detail: `${a.h} answered the allowlist (${relays} relay endpoint(s))${how}` }
            : {
                check: `${prefix}relay allowlist`,
                result: 'fail',
                detail: `${a.h}: ${attempt.detail}${how}`,
                fix: `allow HTTPS to ${a.h}${inProxy}`,
            });
    }
    const https = entries.filter((e) => e.k === 'h');
    if (https.length) {
        const failing = https.filter((e) => e.s <= 0);
        rows.push(failing.length
            ? {
                check: `${prefix}HTTPS to the Arc endpoints`,
                result: 'fail',
                detail: `${failing.map((e) => `${e.h}: ${attemptOf(e).detail}`).join('; ')}${how}`,
                fix: `allow HTTPS (port 443) to ${failing.map((e) => e.h).join(', ')}${inProxy}`,
            }
            : {
                check: `${prefix}HTTPS to the Arc endpoints`,
                result: 'pass',
                detail: `${https.map((e) => `${e.h} (HTTP ${e.s})`).join(', ')} answered${how}`,
            });
    }
    const relays = [...new Set(entries.filter((e) => e.k === 'p' || e.k === 'u').map((e) => e.h))];
    const results = [];
    for (const relay of relays) {
        const plain = entries.find((e) => e.k === 'p' && e.h === relay);
        const upgrade = entries.find((e) => e.k === 'u' && e.h === relay);
        if (plain && upgrade)
            results.push({ relay, probe: { plain: attemptOf(plain), upgrade: attemptOf(upgrade) } });
    }
    if (results.length)
        rows.push(...relayRows(results, how, via, prefix));
    if (result.cut)
        rows.push({
            check: `${prefix}egress probe`,
            result: 'warn',
            detail: `${result.cut} probe result(s) did not fit in the 4096-byte termination message and are not shown`,
        });
    if (!rows.length)
        rows.push({ check: `${prefix}egress probe`, result: 'fail', detail: 'the probe reported no result' });
    return rows;
}
/**
 * What the in-cluster probe is asked to reach: the allowlist (which it resolves itself, from inside), every required
 * host without a wildcard as plain HTTPS (the relays aside: they get the websocket probe), and the relays the runner
 * resolved as a fallback should the allowlist not answer inside.
 */
function inClusterProbeTargets(hosts, endpoints, location, relays) {
    const https = probeableHosts(hosts)
        .filter((h) => h.source !== 'allowlist')
        .map((h) => `https://${h.host}${h.port === 443 ? '' : `:${h.port}`}/`);
    return {
        allowlistUrl: endpoints ? allowlistUrl(endpoints.guestNotificationService, location) : undefined,
        https: [...new Set(https)],
        relays: [...relays],
    };
}

;// CONCATENATED MODULE: ./packages/azure/src/arc-network/index.ts






// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./packages/azure/src/logs.ts





/** Distinct messages read per workspace; one more is asked for, to know when there were more. */
const MAX_ROWS_PER_WORKSPACE = 1000;
const MESSAGE_CHARS = 200;
const WORKSPACE_ID = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.OperationalInsights\/workspaces\/([^/]+)$/i;
/** `24h`, `90m`, `2d` as KQL timespan literals, and as ISO 8601 durations for the API's `timespan`. */
function windowOf(ms) {
    const minutes = Math.max(1, Math.round(ms / 60_000));
    return minutes % 60 === 0 ? { kql: `${minutes / 60}h`, iso: `PT${minutes / 60}H` } : { kql: `${minutes}m`, iso: `PT${minutes}M` };
}
/** The ContainerLogV2 query: error and critical lines of the given clusters, counted by cluster, namespace and message. */
function containerErrorsQuery(clusterIds, windowMs, take = MAX_ROWS_PER_WORKSPACE + 1) {
    return [
        'ContainerLogV2',
        `| where TimeGenerated > ago(${windowOf(windowMs).kql})`,
        "| where LogLevel in~ ('error', 'critical')",
        `| where tolower(_ResourceId) in (${clusterIds.map((id) => kqlString(id.toLowerCase())).join(', ')})`,
        `| extend Message = substring(tostring(LogMessage), 0, ${MESSAGE_CHARS})`,
        '| summarize Count = count(), LastSeen = max(TimeGenerated) by ClusterId = tolower(_ResourceId), PodNamespace, Message',
        `| top ${take} by Count desc`,
    ].join('\n');
}
/**
 * A link that opens a query in the portal's Logs blade, scoped to the workspace. The portal's "Share > Copy link to
 * query" produces this form (the query gzip-compressed and Base64-encoded after `/q/`); it is not a documented API,
 * so it may change: the link is a convenience, the report never depends on it.
 */
function portalQueryLink(portal, tenantId, workspaceResourceId, query, isoWindow) {
    const q = encodeURIComponent((0,external_node_zlib_.gzipSync)(Buffer.from(query, 'utf8')).toString('base64'));
    return (`${portal}/#@${tenantId}/blade/Microsoft_Azure_Monitoring_Logs/LogsBlade/resourceId/${encodeURIComponent(workspaceResourceId)}` +
        `/source/LogsBlade.AnalyticsShareLinkToQuery/q/${q}/timespan/${isoWindow}`);
}
/** Which workspace each cluster's Container Insights writes to (one Resource Graph query, two with AKS clusters). */
async function containerInsightsWorkspaces(clients, clusterKeys, scope) {
    const result = await queryGraph(clients, [
        'kubernetesconfigurationresources',
        "| where type =~ 'microsoft.kubernetesconfiguration/extensions'",
        `| where properties.ExtensionType =~ ${kqlString(CONTAINER_INSIGHTS.extensionType)}`,
        "| extend clusterId = tolower(substring(id, 0, indexof(tolower(id), '/providers/microsoft.kubernetesconfiguration/')))",
        '| project clusterId, workspace = tostring(properties.ConfigurationSettings.logAnalyticsWorkspaceResourceID)',
        '| order by clusterId asc',
    ].join('\n'), scope);
    const workspaceOf = new Map();
    for (const row of result.rows)
        if (clusterKeys.has(row.clusterId) && row.workspace)
            workspaceOf.set(row.clusterId, row.workspace);
    let { pages, complete } = result;
    if ([...clusterKeys].some((k) => k.includes('/providers/microsoft.containerservice/managedclusters/'))) {
        const aks = await queryGraph(clients, [
            "resources\n| where type =~ 'microsoft.containerservice/managedclusters'",
            "| where tostring(properties.addonProfiles.omsagent.enabled) =~ 'true'",
            '| project clusterId = tolower(id), workspace = tostring(properties.addonProfiles.omsagent.config.logAnalyticsWorkspaceResourceID)',
            '| order by clusterId asc',
        ].join('\n'), scope);
        for (const row of aks.rows)
            if (clusterKeys.has(row.clusterId) && row.workspace)
                workspaceOf.set(row.clusterId, row.workspace);
        pages += aks.pages;
        complete &&= aks.complete;
    }
    return { workspaceOf, pages, complete };
}
/** The customer id (workspace id) of a workspace, which the Logs query API takes. */
async function customerIdOf(clients, workspaceResourceId) {
    const m = WORKSPACE_ID.exec(workspaceResourceId);
    if (!m)
        throw new Error(`${workspaceResourceId} is not the resource id of a Log Analytics workspace`);
    const oi = await clients.operationalInsights(m[1]);
    const found = await ifExists(oi.workspaces.get(m[2], m[3]));
    if (!found)
        throw new Error(`the workspace ${workspaceResourceId} does not exist (or the identity cannot read it)`);
    if (!found.customerId)
        throw new Error(`the workspace ${workspaceResourceId} has no customerId`);
    return found.customerId;
}
const column = (columns, name) => columns.findIndex((c) => c.name === name);
/** Runs the ContainerLogV2 query in one workspace for the given clusters; errors, partial answers and throttling become the outcome. */
async function workspaceLogErrors(clients, workspaceResourceId, clusterIds, windowMs) {
    const base = { workspaceResourceId, clusters: clusterIds.map((id) => id.toLowerCase()), rows: [] };
    let customerId;
    try {
        customerId = await customerIdOf(clients, workspaceResourceId);
    }
    catch (error) {
        return { ...base, outcome: 'failed', reason: `The workspace could not be read: ${(0,src/* errorMessage */.gJ)(error)}.` };
    }
    const query = containerErrorsQuery(clusterIds, windowMs);
    const started = performance.now();
    let result;
    try {
        const logs = await clients.logsQuery();
        result = await logs.queryWorkspace(customerId, query, { duration: windowOf(windowMs).iso });
    }
    catch (error) {
        const e = error;
        const detail = e.details?.error;
        const why = e.statusCode === 429
            ? `throttled (HTTP 429) after the SDK's retries: ${(0,src/* errorMessage */.gJ)(error)}`
            : detail?.code
                ? `HTTP ${e.statusCode ?? '?'} ${detail.code}: ${detail.message ?? ''}${detail.innererror?.message ? ` (${detail.innererror.message})` : ''}`
                : (0,src/* errorMessage */.gJ)(error);
        return { ...base, outcome: 'failed', reason: `The Logs query failed: ${why}.`, queryMs: Math.round(performance.now() - started) };
    }
    const queryMs = Math.round(performance.now() - started);
    const partialError = 'partialError' in result ? result.partialError : undefined;
    const table = 'partialTables' in result ? result.partialTables[0] : result.tables[0];
    const cols = table?.columnDescriptors ?? [];
    const at = {
        cluster: column(cols, 'ClusterId'),
        namespace: column(cols, 'PodNamespace'),
        message: column(cols, 'Message'),
        count: column(cols, 'Count'),
        lastSeen: column(cols, 'LastSeen'),
    };
    if (!table || Object.values(at).some((i) => i < 0))
        return { ...base, outcome: 'failed', reason: 'The Logs query answered without the columns it asked for.', queryMs };
    const rows = table.rows.map((r) => ({
        cluster: String(r[at.cluster] ?? '').toLowerCase(),
        namespace: String(r[at.namespace] ?? ''),
        message: String(r[at.message] ?? ''),
        count: Number(r[at.count] ?? 0),
        lastSeen: r[at.lastSeen] instanceof Date ? r[at.lastSeen].toISOString() : r[at.lastSeen] ? String(r[at.lastSeen]) : undefined,
    }));
    const more = rows.length > MAX_ROWS_PER_WORKSPACE;
    const partial = partialError !== undefined;
    const reason = partialError
        ? `The Logs query answered ${partialError.code ?? 'PartialError'} (${partialError.message ?? 'no message'}); the counts may be low.`
        : more
            ? `More than ${MAX_ROWS_PER_WORKSPACE} distinct error messages; the least frequent were not read.`
            : undefined;
    return { ...base, outcome: partial || more ? 'partial' : 'ok', reason, rows: rows.slice(0, MAX_ROWS_PER_WORKSPACE), queryMs };
}
/**
 * The fleet's container log errors: one Resource Graph query for the extensions' workspaces, then per workspace one
 * ARM GET and one Logs query (up to 4 workspaces at a time), whatever the number of clusters.
 */
async function readFleetLogErrors(clients, clusterIds, scope, windowMs) {
    const keys = new Set(clusterIds.map((id) => id.toLowerCase()));
    const found = await containerInsightsWorkspaces(clients, keys, scope);
    const byWorkspace = new Map();
    for (const [cluster, workspace] of found.workspaceOf) {
        const k = workspace.toLowerCase();
        byWorkspace.set(k, [...(byWorkspace.get(k) ?? []), cluster]);
    }
    const names = new Map([...found.workspaceOf.values()].map((w) => [w.toLowerCase(), w]));
    const workspaces = await (0,src/* mapLimit */.sf)([...byWorkspace.entries()], 4, ([k, clusters]) => workspaceLogErrors(clients, names.get(k), clusters, windowMs));
    return { workspaceOf: found.workspaceOf, workspaces, graphCalls: found.pages, complete: found.complete };
}

;// CONCATENATED MODULE: ./packages/azure/src/index.ts

























/***/ }),

/***/ 35451:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FC: () => (/* binding */ assertOidcAvailable),
/* harmony export */   Yq: () => (/* binding */ decodeClaims),
/* harmony export */   cC: () => (/* binding */ explainEntraError)
/* harmony export */ });
/* harmony import */ var _arc_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34786);

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
/** The audiences Entra suggests for GitHub federated credentials, per cloud. */
const KNOWN_AUDIENCES = ['api://AzureADTokenExchange', 'api://AzureADTokenExchangeUSGov', 'api://AzureADTokenExchangeChina'];
/** Fails early, with the fix, when the job cannot ask GitHub for an OIDC token. */
function assertOidcAvailable(env = process.env) {
    if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
        throw new _arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('GitHub did not give this job an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set): add "permissions: id-token: write" ' +
            'to the workflow or the job (and keep "contents: read"); pull requests from forks never get OIDC tokens.');
    }
}
const CODES = {
    AADSTS700212: 'no federated identity credential of the app matches the token audience',
    AADSTS700213: 'no federated identity credential of the app matches the token subject',
    AADSTS70021: 'no federated identity credential of the app matches the token',
    AADSTS700024: 'the GitHub token has expired or is not yet valid',
    AADSTS700016: 'the application (client-id) was not found in the tenant',
    AADSTS90002: 'the tenant (tenant-id) was not found',
};
/**
 * Explains an Entra error about a federated token: the code, what it means, the token's `iss`, `sub` and `aud`
 * (never the token itself), and what the federated credential must contain. Undefined when not such an error.
 */
function explainEntraError(message, claims, clientId, tenantId) {
    const code = Object.keys(CODES).find((c) => new RegExp(`${c}(?!\\d)`).test(message));
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
        // The audience comes from this action's own `audience` input: when it is not a default one, that input is the
        // likeliest mistake and is named first. The advice never widens trust: one credential for this exact subject.
        const unusual = aud !== undefined && !KNOWN_AUDIENCES.includes(aud);
        if (code === 'AADSTS700212' || unusual) {
            lines.push(`First check the "audience" input of this step: the token was requested for audience "${aud}"; set "audience" to the audience ` +
                `of the app's federated credential (Entra's default is api://AzureADTokenExchange) or leave it empty for the default.`);
        }
        if (code !== 'AADSTS700212') {
            lines.push(`${unusual ? 'Otherwise add' : 'Add'} a federated identity credential to app "${clientId}" with issuer "${claims?.iss ?? 'https://token.actions.githubusercontent.com'}", ` +
                `subject "${claims?.sub ?? 'repo:<owner>/<repo>:environment:<name>'}" exactly as shown (case-sensitive; one credential per subject, never a wildcard or a broader subject) ` +
                `and audience "${unusual ? 'api://AzureADTokenExchange' : (aud ?? 'api://AzureADTokenExchange')}".`);
        }
    }
    return lines.join(' ');
}


/***/ }),

/***/ 34786:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  j1: () => (/* reexport */ ConfigurationError),
  HD: () => (/* reexport */ RetryBudget),
  tE: () => (/* reexport */ booleanInput),
  xS: () => (/* reexport */ countChanges),
  p5: () => (/* reexport */ diffFields),
  Ts: () => (/* reexport */ durationInput),
  gX: () => (/* reexport */ enumInput),
  gJ: () => (/* reexport */ errorMessage),
  a3: () => (/* reexport */ formatDuration),
  $A: () => (/* reexport */ integerInput),
  p0: () => (/* reexport */ isConfigurationError),
  T5: () => (/* reexport */ isPullRequestEvent),
  a9: () => (/* reexport */ isUnitless),
  ZS: () => (/* reexport */ lineOfPath),
  dt: () => (/* reexport */ listInput),
  Rm: () => (/* reexport */ log),
  sf: () => (/* reexport */ mapLimit),
  AW: () => (/* reexport */ mapSettled),
  $l: () => (/* reexport */ maskSecret),
  sx: () => (/* reexport */ optionalString),
  E9: () => (/* reexport */ parseDuration),
  Xf: () => (/* reexport */ parseYamlSafely),
  Ku: () => (/* reexport */ parseYamlWithSchema),
  f5: () => (/* reexport */ provenanceFromEnv),
  $$: () => (/* reexport */ readEnv),
  E$: () => (/* reexport */ redact),
  Fk: () => (/* reexport */ requiredString),
  Vp: () => (/* reexport */ runUrl),
  uH: () => (/* reexport */ setOutput),
  IS: () => (/* reexport */ shardOf),
  SP: () => (/* reexport */ shown),
  yy: () => (/* reexport */ sleep),
  JB: () => (/* reexport */ stableStringify),
  lp: () => (/* reexport */ unitlessHint),
  fm: () => (/* reexport */ waitFor),
  eR: () => (/* reexport */ yamlInput)
});

// UNUSED EXPORTS: ENV, MAX_YAML_ALIASES, clearSecretsForTesting, redactJson

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
 * Parses durations such as `90s`, `15m`, `1h30m`, `7d`. Every number needs its unit: a bare `7` is refused (it was
 * once read as seconds, and `min-soak: 7` meant 7 seconds, not 7 days); only `0` stands alone, as in Go.
 * Returns milliseconds, or undefined when the text is not a duration.
 */
function parseDuration(text) {
    const value = text.trim().toLowerCase();
    if (value === '0')
        return 0;
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
/** Whether a text is a number without a unit (`7`, `30`, `1.5`): the mistake {@link unitlessHint} explains. */
const isUnitless = (text) => /^\s*\d+(\.\d+)?\s*$/.test(text) && text.trim() !== '0';
/** The sentence that explains a duration without a unit. */
function unitlessHint(text) {
    const n = text.trim();
    return `a duration needs a unit: write ${n}d, ${n}h, ${n}m or ${n}s (units: s, m, h, d, w)`;
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
    if (isUnitless(value))
        throw new ConfigurationError(`Input "${name}" has the value ${shown(value)}; ${unitlessHint(value)}.`, name);
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
/** How many alias expansions a document may make before it is refused as an alias bomb ("billion laughs"). */
const MAX_YAML_ALIASES = 100;
/**
 * Parses YAML text into plain data, refusing what would mislead or exhaust: syntax errors, merge keys (`<<`, which
 * YAML 1.2 reads as an ordinary key, so `<<: *defaults` silently adds a key named "<<" instead of merging) and alias
 * bombs (anchors expanded more than {@link MAX_YAML_ALIASES} times). Every error names `where`, the line and the fix.
 */
function parseYamlSafely(text, where, input) {
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
    let merge;
    let firstAlias;
    (0,dist/* visit */.YR)(doc, {
        Pair(_, pair) {
            if (merge === undefined && (0,dist/* isScalar */.jn)(pair.key) && pair.key.value === '<<' && pair.key.range)
                merge = pair.key.range[0];
        },
        Alias(_, alias) {
            if (firstAlias === undefined && (0,dist/* isAlias */.Vj)(alias) && alias.range)
                firstAlias = alias.range[0];
        },
    });
    if (merge !== undefined) {
        throw new ConfigurationError(`${where} line ${lines.linePos(merge).line} uses a YAML merge key (<<), which is not supported (YAML 1.2 reads it as a key named "<<"); write the keys out in full.`, input);
    }
    let value;
    try {
        value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    }
    catch (error) {
        const at = firstAlias === undefined ? '' : ` line ${lines.linePos(firstAlias).line}`;
        throw new ConfigurationError(`${where}${at} expands YAML aliases (*name) more than ${MAX_YAML_ALIASES} times (${error.message.toLowerCase()}); write the values out instead of nesting anchors.`, input);
    }
    return { doc, lines, value };
}
/** Parses YAML text against a schema; `where` prefixes every error (an input or a file name). */
function parseYamlWithSchema(text, schema, where, input) {
    const { doc, lines, value } = parseYamlSafely(text, where, input);
    const parsed = schema.safeParse(value);
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
function countChanges(targets) {
    const counts = { create: 0, update: 0, delete: 0, unchanged: 0 };
    for (const t of targets)
        for (const c of t.changes)
            counts[c.kind]++;
    return counts;
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

;// CONCATENATED MODULE: ./packages/core/src/env.ts
/**
 * Every environment variable the actions read, in one registry: what it means and who sets it. Code reads them
 * through {@link readEnv} (at call time, never at import time), so this list is the whole of what a run depends on
 * besides its inputs; docs/architecture.md ("Environment switches") shows the same table.
 */
const ENV = {
    // Set by the GitHub runner.
    GITHUB_REPOSITORY: 'owner/repo of the run: provenance, the regression issue, comments (runner)',
    GITHUB_SHA: 'the commit of the run: provenance, check runs (runner)',
    GITHUB_RUN_ID: 'the run, for the run URL in provenance and issues (runner)',
    GITHUB_SERVER_URL: 'https://github.com or the GHES host, for the run URL (runner)',
    GITHUB_WORKFLOW: 'the workflow name: provenance (runner)',
    GITHUB_WORKFLOW_REF: 'the workflow file: the source of inline flux configurations (runner)',
    GITHUB_ACTOR: 'who started the run: provenance (runner)',
    GITHUB_EVENT_NAME: 'pull_request* runs comment and check; others do not (runner)',
    GITHUB_EVENT_PATH: 'the event payload: the pull request number and head commit (runner)',
    GITHUB_API_URL: 'the GitHub REST API (runner; tests point it at the sandbox)',
    GITHUB_STEP_SUMMARY: 'the step summary file (runner)',
    GITHUB_WORKSPACE: 'paths in inputs resolve inside it (runner)',
    RUNNER_TEMP: 'scratch files: helm home, kubeconfigs, the baseline verify report (runner)',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'present when the job has permissions: id-token: write (runner)',
    // Switches a workflow may set.
    ARC_ACTIONS_STEP_SUMMARY: '"false" skips the step summary; outputs are still written (user)',
    RELEASETRAIN: 'the Arc agents release train asked of the config data plane, default stable (user; az reads the same)',
    HELM_CLIENT_PATH: 'the helm binary arc-connect runs, default helm on PATH (user; az reads the same)',
    NODE_EXTRA_CA_CERTS: 'extra trust anchors, passed on to helm (user)',
    INPUT_ENVIRONMENT: 'the raw environment input, for custom Arc endpoints (runner, from the step inputs)',
};
/** The value of a registered variable, or undefined when it is unset or empty. */
function readEnv(name, env = process.env) {
    return env[name] || undefined;
}
/** The URL of this workflow run, or undefined outside Actions. */
function runUrl(env = process.env) {
    const repository = readEnv('GITHUB_REPOSITORY', env);
    const run = readEnv('GITHUB_RUN_ID', env);
    if (!repository || !run)
        return undefined;
    return `${readEnv('GITHUB_SERVER_URL', env) ?? 'https://github.com'}/${repository}/actions/runs/${run}`;
}
function provenanceFromEnv(env = process.env) {
    return {
        repository: readEnv('GITHUB_REPOSITORY', env),
        commit: readEnv('GITHUB_SHA', env),
        runUrl: runUrl(env),
        workflow: readEnv('GITHUB_WORKFLOW', env),
        actor: readEnv('GITHUB_ACTOR', env),
    };
}
/** Whether the run's event is a pull request (pull_request, pull_request_target). */
const isPullRequestEvent = (env = process.env) => /^pull_request/.test(readEnv('GITHUB_EVENT_NAME', env) ?? '');
/**
 * The runner's shard of a fleet: the items at positions `index - 1`, `index - 1 + count`, … (1-based `index` of
 * `count`, as the `shard` input writes it: 2/5); all of them without a shard.
 */
function shardOf(items, shard) {
    return shard ? items.filter((_, i) => i % shard.count === shard.index - 1) : [...items];
}

;// CONCATENATED MODULE: ./packages/core/src/index.ts










/***/ }),

/***/ 6662:
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
  hA: () => (/* reexport */ publishOrWarn),
  X8: () => (/* reexport */ readGitHubTarget),
  Cs: () => (/* reexport */ runAction),
  Rh: () => (/* reexport */ statusLabel),
  $c: () => (/* reexport */ statusPie),
  tp: () => (/* reexport */ table),
  Fo: () => (/* reexport */ upsertIssue),
  qD: () => (/* reexport */ upsertStickyComment)
});

// UNUSED EXPORTS: ACTIONS_BOT_LOGIN, ANNOTATIONS_PER_REQUEST, ANNOTATION_MESSAGE_MAX_BYTES, ANNOTATION_TITLE_MAX_CHARS, CHECK_RUN_SUMMARY_MAX_BYTES, CHECK_RUN_TEXT_MAX_BYTES, COMMENT_BODY_MAX_CHARS, ISSUE_BODY_MAX_CHARS, LIMITS, PUBLICATIONS, STEP_SUMMARY_MAX_BYTES, SUMMARY_SWITCH, authenticatedLogin, classifyFailure, codeBlock, escapeHtml, failureMessage, fitMarkdown, hiddenComment, link, measure, normaliseAnnotation, oneLine, permissionToAdd, pieChart, publicationWarning, splitMarkdown, statusIcon, stickyBody, stickyMarker, writeStepSummary

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
var src = __webpack_require__(34786);
;// CONCATENATED MODULE: ./packages/report/src/summary.ts




/** Set to `false` to skip the step summary (the actions still write their outputs); see ENV in packages/core. */
const SUMMARY_SWITCH = 'ARC_ACTIONS_STEP_SUMMARY';
/** Bytes already in this step's summary file (earlier writes of this step), which count towards the same 1 MiB. */
function bytesAlreadyWritten(path) {
    try {
        return (0,external_node_fs_.statSync)(path).size;
    }
    catch {
        return 0;
    }
}
/**
 * Appends Markdown to the step summary: redacted, then cut to what is left of the 1,048,576 bytes a step may write.
 * The runner drops the whole file when it holds more than that (actions/runner, `CreateStepSummaryCommand`:
 * `fileSize > 1024 * 1024`), so the budget counts the file's UTF-8 bytes, what earlier writes left in it and the
 * newline appended after the Markdown; a file of exactly 1,048,576 bytes is kept. When not even the truncation note
 * fits, nothing is written and a warning says so. Returns undefined when the summary is switched off or
 * GITHUB_STEP_SUMMARY is not set (local runs).
 */
async function writeStepSummary(markdown, options = {}) {
    const path = (0,src/* readEnv */.$$)('GITHUB_STEP_SUMMARY');
    if ((0,src/* readEnv */.$$)(SUMMARY_SWITCH)?.toLowerCase() === 'false' || !path)
        return undefined;
    const left = STEP_SUMMARY_MAX_BYTES - bytesAlreadyWritten(path) - Buffer.byteLength('\n');
    const fitted = fitMarkdown((0,src/* redact */.E$)(markdown), { ...LIMITS.stepSummary, max: Math.max(0, left) }, options);
    if (Buffer.byteLength(fitted.text) > left) {
        const units = splitMarkdown(markdown);
        src/* log */.Rm.warning(`The step summary was not written: this step's summary file already holds ${STEP_SUMMARY_MAX_BYTES - left - 1} of the 1,048,576 bytes GitHub keeps; see the outputs for the report.`);
        const totalRows = units.filter((u) => u.kind === 'row').length;
        const sections = units.filter((u) => u.kind === 'block' || u.kind === 'open').length;
        return { text: '', truncated: true, totalRows, omittedRows: totalRows, omittedSections: sections };
    }
    // Appended directly rather than through core.summary, which caches the file path of the first step it saw.
    (0,external_node_fs_.appendFileSync)(path, `${fitted.text}\n`);
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
    return github/* getOctokit */.Q(token, { baseUrl: baseUrl ?? (0,src/* readEnv */.$$)('GITHUB_API_URL') ?? 'https://api.github.com' });
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



/** The author of comments made with GITHUB_TOKEN, the fallback when the token's identity cannot be read. */
const ACTIONS_BOT_LOGIN = 'github-actions[bot]';
const logins = new WeakMap();
/**
 * Who the token acts as, i.e. the author our comments get. GraphQL `viewer { login }` answers for every kind of token
 * (`github-actions[bot]` for GITHUB_TOKEN, `<app>[bot]` for an app's installation token, the user for a personal
 * token), whereas `GET /user` is refused to installation tokens ("Resource not accessible by integration"); it is
 * the fallback, then github-actions[bot]. Read once per client.
 */
function authenticatedLogin(octokit) {
    let login = logins.get(octokit);
    if (!login) {
        login = (async () => {
            try {
                return (await octokit.graphql('query { viewer { login } }')).viewer.login;
            }
            catch {
                try {
                    return (await octokit.rest.users.getAuthenticated()).data.login;
                }
                catch {
                    src/* log */.Rm.debug(`The token's identity could not be read; comments by ${ACTIONS_BOT_LOGIN} count as ours.`);
                    return ACTIONS_BOT_LOGIN;
                }
            }
        })();
        logins.set(octokit, login);
    }
    return login;
}
/**
 * The comments on the issue that carry our marker, split into ours (by the token's identity, oldest first) and
 * everyone else's. A comment is found by marker and author: someone quoting or planting the marker is never ours.
 */
async function markedComments(octokit, options) {
    const marker = stickyMarker(options.action, options.group);
    const login = await authenticatedLogin(octokit);
    const author = login.toLowerCase();
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
        owner: options.owner,
        repo: options.repo,
        issue_number: options.issueNumber,
        per_page: 100,
    });
    const marked = comments.filter((c) => (c.body ?? '').trimStart().startsWith(marker)).sort((a, b) => a.id - b.id);
    const isOurs = (c) => c.user?.login.toLowerCase() === author;
    const foreign = marked.filter((c) => !isOurs(c));
    if (foreign.length) {
        src/* log */.Rm.info(`Left alone ${foreign.length} comment(s) on #${options.issueNumber} that carry the ${options.action} marker but were written by ${[
            ...new Set(foreign.map((c) => c.user?.login ?? 'a deleted user')),
        ].join(', ')}, not by ${login}.`);
    }
    return { ours: marked.filter(isOurs), foreign };
}
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
 * creates it when missing and deletes extra copies (left by concurrent jobs). A comment is ours when it carries
 * the marker and was written by the token's identity; anyone else's comment is never edited or deleted. An
 * identical body is not rewritten.
 */
async function upsertStickyComment(octokit, options) {
    const { owner, repo, issueNumber } = options;
    const marker = stickyMarker(options.action, options.group);
    const { text, truncated } = stickyBody(marker, options.body, options.fullReport);
    const { ours, foreign } = await markedComments(octokit, options);
    if (ours.length === 0) {
        const created = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body: text });
        return { id: created.data.id, htmlUrl: created.data.html_url, outcome: 'created', deleted: 0, foreign: foreign.length, truncated };
    }
    const [keep, ...extra] = ours;
    for (const copy of extra)
        await octokit.rest.issues.deleteComment({ owner, repo, comment_id: copy.id });
    const base = { deleted: extra.length, foreign: foreign.length, truncated };
    if (keep.body === text)
        return { id: keep.id, htmlUrl: keep.html_url, outcome: 'unchanged', ...base };
    const updated = await octokit.rest.issues.updateComment({ owner, repo, comment_id: keep.id, body: text });
    return { id: updated.data.id, htmlUrl: updated.data.html_url, outcome: 'updated', ...base };
}
/**
 * The body of our sticky comment on a pull request, if there is one (to read state a previous run left in it):
 * only a comment by the token's identity counts, so a snapshot in someone else's comment is never trusted.
 */
async function findStickyComment(octokit, options) {
    return (await markedComments(octokit, options)).ours[0]?.body ?? undefined;
}

;// CONCATENATED MODULE: ./packages/report/src/publish.ts

/**
 * What the actions publish to GitHub besides the step summary and the outputs, and the job permission each needs
 * (as a workflow file writes it). A pull-request comment is an issue comment: `issues: write` works too.
 */
const PUBLICATIONS = {
    'check run': 'checks: write',
    'pull request comment': 'pull-requests: write',
    'previous pull request comment': 'pull-requests: read',
    'regression issue': 'issues: write',
};
/** An answer from GitHub (Octokit's RequestError, or a GraphQL error with its status), not a bug of ours. */
function httpFailure(error) {
    const status = error?.status;
    return typeof status === 'number' ? error : undefined;
}
/**
 * The permission to add, as a workflow file writes it: from GitHub's `X-Accepted-GitHub-Permissions` header when the
 * answer has one (`issues=write; pull_requests=write` → `issues: write` or `pull-requests: write`), else what the
 * publication needs. A publication that writes needs write even when GitHub refused the read before it (listing the
 * existing check runs or comments).
 */
function permissionToAdd(what, error) {
    const header = httpFailure(error)?.response?.headers?.['x-accepted-github-permissions'];
    const writes = PUBLICATIONS[what].endsWith('write');
    const sets = (header ?? '')
        .split(';')
        .map((set) => set
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => {
        const [name, level] = p.split('=');
        return `${name.replace(/_/g, '-')}: ${writes ? 'write' : level}`;
    })
        .join(', '))
        .filter(Boolean);
    const wanted = sets.length ? sets : [PUBLICATIONS[what]];
    return wanted.map((p) => `\`permissions: ${p}\``).join(' or ');
}
/** The warning for a publication GitHub refused or failed: what happened, the permission, and that the result stands. */
function publicationWarning(what, error) {
    const failure = httpFailure(error);
    const status = failure?.status;
    const answer = status ? `GitHub answered ${status} ${firstLine(answerMessage(failure))}` : `it failed: ${firstLine((0,src/* errorMessage */.gJ)(error))}`;
    const permission = permissionToAdd(what, error);
    const fix = status === 403
        ? `Add ${permission} to the job (the token lacks it).`
        : status === 401
            ? `The github-token input is not a valid token: pass \${{ github.token }} and add ${permission} to the job.`
            : status === 404
                ? `The token cannot see the repository or the pull request: add ${permission} to the job (or pass a token that can see them).`
                : `Rerun the job; it needs ${permission}.`;
    const verb = PUBLICATIONS[what].endsWith('read') ? 'read' : 'publish';
    return `Could not ${verb} the ${what}: ${answer}. ${fix} The result of this run is unchanged: see the step summary and the outputs.`;
}
const firstLine = (text) => text.split('\n')[0].replace(/[.\s]+$/, '');
/** GitHub's own message (Octokit appends ` - <documentation_url>` to it in `error.message`). */
function answerMessage(failure) {
    const data = failure.response?.data;
    return typeof data?.message === 'string' && data.message ? data.message : failure.message.replace(/ - https?:\/\/\S+$/, '');
}
/**
 * Publishes through `publish` and turns GitHub's refusal or failure (any HTTP status: 401, 403, 404, 422, 5xx) into a
 * warning naming the permission, so that a missing permission never changes the run's result; returns undefined then.
 * Errors that are not answers from GitHub (bugs) are thrown.
 */
async function publishOrWarn(what, publish) {
    try {
        return await publish();
    }
    catch (error) {
        if (!httpFailure(error))
            throw error;
        src/* log */.Rm.warning(publicationWarning(what, error));
        return undefined;
    }
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


/**
 * The one reader of the run's pull request: the repository, the commit (the pull request's head on pull-request
 * events) and the pull request number, from the runner's environment and event file, at call time.
 */
function readGitHubTarget(env = process.env) {
    const [owner, repo] = ((0,src/* readEnv */.$$)('GITHUB_REPOSITORY', env) ?? '').split('/');
    if (!owner || !repo)
        return undefined;
    let event = {};
    try {
        const path = (0,src/* readEnv */.$$)('GITHUB_EVENT_PATH', env);
        if (path)
            event = JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch {
        /* no event file: not a pull request */
    }
    const pr = event.pull_request;
    return {
        owner,
        repo,
        sha: pr?.head?.sha ?? (0,src/* readEnv */.$$)('GITHUB_SHA', env) ?? '',
        pullRequest: pr?.number ?? (pr ? event.number : undefined),
    };
}

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

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(96421);
;// CONCATENATED MODULE: ./packages/report/src/run.ts




/** JavaScript's own errors of a program that went wrong; everything else is a failure the run can explain. */
const BUGS = new Set(['TypeError', 'ReferenceError', 'RangeError', 'SyntaxError', 'EvalError', 'URIError']);
function classifyFailure(error) {
    if ((0,src/* isConfigurationError */.p0)(error))
        return 'configuration';
    return error instanceof Error && BUGS.has(error.name) && !error.code ? 'bug' : 'service';
}
/** The one line a failed run ends with. */
function failureMessage(action, error) {
    const kind = classifyFailure(error);
    if (kind === 'configuration')
        return (0,src/* errorMessage */.gJ)(error);
    if (kind === 'bug')
        return `${action} failed: ${(0,src/* errorMessage */.gJ)(error)} This is a bug in arc-actions, not in your inputs: please report it with the debug log (ACTIONS_STEP_DEBUG).`;
    return `${action} failed: ${(0,src/* errorMessage */.gJ)(error)}`;
}
async function runAction(action, story) {
    let summarised = false;
    let failure;
    let kind;
    const run = {
        phase: (name, fn) => src/* log */.Rm.group(`${action}: ${name}`, fn),
        summary: async (markdown, options) => {
            summarised = true;
            await writeStepSummary(markdown, options);
        },
        fail: (message) => {
            failure ??= message;
        },
    };
    try {
        await story(run);
    }
    catch (error) {
        kind = classifyFailure(error);
        failure = failureMessage(action, error);
        if (error instanceof Error && error.stack)
            core/* debug */.Yz((0,src/* redact */.E$)(error.stack));
    }
    if (failure === undefined)
        return;
    // A run that got past its inputs and failed still says so in the summary (an input error is its annotation alone).
    if (!summarised && kind && kind !== 'configuration') {
        const quoted = (0,src/* redact */.E$)(failure)
            .split('\n')
            .map((line) => `> ${line}`)
            .join('\n');
        await writeStepSummary(blocks(heading(`${action}: ${kind === 'bug' ? 'failed (a bug)' : 'failed'}`, 2), quoted)).catch((error) => src/* log */.Rm.warning(`The step summary could not be written: ${(0,src/* errorMessage */.gJ)(error)}`));
    }
    core/* setFailed */.C1((0,src/* redact */.E$)(failure));
}

;// CONCATENATED MODULE: ./packages/report/src/index.ts















/***/ })

};
