export const id = 254;
export const ids = [254];
export const modules = {

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
/* harmony import */ var _arc_actions_azure__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(86708);




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


/***/ }),

/***/ 58224:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  p: () => (/* binding */ runRollout)
});

// EXTERNAL MODULE: ./packages/core/src/index.ts + 8 modules
var src = __webpack_require__(19297);
// EXTERNAL MODULE: ./packages/azure/src/index.ts + 9 modules
var azure_src = __webpack_require__(86708);
// EXTERNAL MODULE: ./packages/report/src/index.ts + 11 modules
var report_src = __webpack_require__(96958);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./actions/policy-rollout/src/compliance.ts

/** A stable key per violating object, for comparing evaluations. */
const violationKey = (v) => `${v.cluster}|${v.policy}|${v.kind}|${v.namespace ?? ''}/${v.name}`;
function violationsOf(e) {
    const names = new Map(e.clusters.map((c) => [c.id.toLowerCase(), c.name]));
    return e.components
        .filter((c) => c.complianceState === 'NonCompliant' && names.has(c.clusterId.toLowerCase()))
        .map((c) => ({ cluster: names.get(c.clusterId.toLowerCase()), policy: c.policy, kind: c.kind, namespace: c.namespace, name: c.name }))
        .sort((a, b) => violationKey(a).localeCompare(violationKey(b)));
}
function complianceMatrix(e, policies) {
    const matrix = new Map();
    for (const c of e.clusters)
        matrix.set(c.name, new Map(policies.map((p) => [p, { state: 'No data', violations: 0 }])));
    const names = new Map(e.clusters.map((c) => [c.id.toLowerCase(), c.name]));
    for (const s of e.states) {
        const row = matrix.get(names.get(s.clusterId.toLowerCase()) ?? '');
        const cell = row?.get(s.policy);
        if (cell)
            cell.state = s.complianceState;
    }
    for (const v of violationsOf(e)) {
        const cell = matrix.get(v.cluster)?.get(v.policy);
        if (cell)
            cell.violations++;
    }
    return matrix;
}
function diffViolations(previous, current) {
    const now = current.map(violationKey);
    if (!previous)
        return { previous: false, added: now, resolved: [], unchanged: [] };
    const before = new Set(previous);
    const after = new Set(now);
    return {
        previous: true,
        added: now.filter((k) => !before.has(k)),
        resolved: previous.filter((k) => !after.has(k)),
        unchanged: now.filter((k) => before.has(k)),
    };
}
const SNAPSHOT = /<!-- arc-actions:snapshot:([A-Za-z0-9+/=]+) -->/;
function encodeSnapshot(snapshot, maxChars = 20_000) {
    let data = Buffer.from((0,external_node_zlib_.gzipSync)(JSON.stringify(snapshot))).toString('base64');
    if (data.length > maxChars) {
        // Too many violations to keep by name: keep a count per assignment only, so the next diff says "unknown".
        data = Buffer.from((0,external_node_zlib_.gzipSync)(JSON.stringify({}))).toString('base64');
    }
    return `<!-- arc-actions:snapshot:${data} -->`;
}
function decodeSnapshot(text) {
    const match = text ? SNAPSHOT.exec(text) : null;
    if (!match)
        return undefined;
    try {
        return JSON.parse((0,external_node_zlib_.gunzipSync)(Buffer.from(match[1], 'base64')).toString('utf8'));
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./actions/policy-rollout/src/fleet-actions.ts

/**
 * After apply: every cluster in scope gets the azurepolicy extension (created only where it is missing or Failed),
 * and a compliance evaluation is triggered once per subscription, so the next plan or promote has fresh data.
 */
async function ensurePolicyExtensions(clients, clusterIds, installed) {
    const missing = clusterIds.filter((id) => installed[id.toLowerCase()] !== 'Succeeded' && installed[id.toLowerCase()] !== 'Creating');
    const results = await (0,src/* mapSettled */.AW)(missing, 8, async (id) => {
        const [, , subscriptionId, , resourceGroup, , provider, type, name] = id.split('/');
        const client = await clients.kubernetesConfiguration(subscriptionId);
        await client.extensions.beginCreateAndWait(resourceGroup, provider, type, name, 'azurepolicy', {
            extensionType: 'Microsoft.PolicyInsights',
            autoUpgradeMinorVersion: true,
        });
        src/* log */.Rm.info(`Installed the azurepolicy extension on ${name}.`);
        return id;
    });
    return {
        created: results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])),
        failed: results.flatMap((r, i) => (r.status === 'rejected' ? [{ cluster: missing[i], error: (0,src/* errorMessage */.gJ)(r.reason) }] : [])),
    };
}
/** Starts a policy evaluation for each subscription (or resource group) the assignments cover; does not wait. */
async function triggerEvaluations(clients, outcomes) {
    const scopes = [...new Set(outcomes.map((o) => o.scope.toLowerCase()).filter((s) => s.startsWith('/subscriptions/')))];
    const started = [];
    for (const scope of scopes) {
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(38816);
;// CONCATENATED MODULE: ./actions/policy-rollout/src/policy-file/schema.ts

/** The namespaces the Azure Policy add-on and Arc run in: excluded from every assignment unless forced. */
const SYSTEM_NAMESPACES = ['kube-system', 'gatekeeper-system', 'azure-arc', 'azure-extensions-usage-system'];
const schema_name = schemas/* string */.YjP()
    .regex(/^[A-Za-z0-9][-A-Za-z0-9_.]{0,63}$/, 'must be 1-64 letters, digits, "-", "_" or ".", starting with a letter or digit');
const scope = schemas/* string */.YjP()
    .regex(/^(\/providers\/Microsoft\.Management\/managementGroups\/[-\w().]{1,90}|\/subscriptions\/[0-9a-fA-F-]{36}(\/resourceGroups\/[-\w.()]{1,90})?)$/, 'must be a management group (/providers/Microsoft.Management/managementGroups/<id>), a subscription (/subscriptions/<guid>) or a resource group (/subscriptions/<guid>/resourceGroups/<name>)');
const definition = schemas/* string */.YjP()
    .regex(/^([0-9a-fA-F-]{36}|\/providers\/Microsoft\.Authorization\/(policyDefinitions|policySetDefinitions)\/[0-9a-fA-F-]{36}|custom:[A-Za-z0-9][-A-Za-z0-9_.]{0,63})$/, 'must be a built-in definition or initiative GUID, its id (/providers/Microsoft.Authorization/policySetDefinitions/<guid>), or custom:<name> of a definition in these files');
const ring = schemas/* strictObject */.rej({
    name: schema_name,
    locations: schemas/* array */.YOg(schemas/* string */.YjP().regex(/^[a-z0-9]+$/, 'must be an Azure region name such as westeurope'))
        .min(1, 'a ring needs at least one location'),
});
const selector = schemas/* strictObject */.rej({
    kind: schemas/* enum */.k5n(['resourceLocation', 'resourceType', 'resourceWithoutLocation']),
    in: schemas/* array */.YOg(schemas/* string */.YjP()).optional(),
    notIn: schemas/* array */.YOg(schemas/* string */.YjP()).optional(),
});
const assignmentSchema = schemas/* strictObject */.rej({
    name: schema_name,
    'display-name': schemas/* string */.YjP().max(128).optional(),
    description: schemas/* string */.YjP().max(512).optional(),
    scope,
    definition,
    stage: schemas/* enum */.k5n(['audit', 'deny']),
    parameters: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).optional(),
    'non-compliance-messages': schemas/* array */.YOg(schemas/* strictObject */.rej({ message: schemas/* string */.YjP().min(1).max(1024), policy: schemas/* string */.YjP().optional() })).optional(),
    'resource-selectors': schemas/* array */.YOg(schemas/* strictObject */.rej({ name: schema_name, selectors: schemas/* array */.YOg(selector).min(1) })).optional(),
    rings: schemas/* array */.YOg(ring).optional(),
    'force-system-namespaces': schemas/* boolean */.zMY().optional(),
});
const customDefinitionSchema = schemas/* strictObject */.rej({
    name: schema_name,
    'display-name': schemas/* string */.YjP().max(128).optional(),
    description: schemas/* string */.YjP().max(512).optional(),
    /** Path of a Gatekeeper ConstraintTemplate (with Rego), relative to the policy file. */
    'constraint-template': schemas/* string */.YjP().min(1),
    'api-groups': schemas/* array */.YOg(schemas/* string */.YjP()).default(['']),
    kinds: schemas/* array */.YOg(schemas/* string */.YjP()).min(1).default(['Pod']),
    /** Parameters of the template, passed as constraint `values`. */
    values: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).optional(),
});
const policyFileSchema = schemas/* strictObject */.rej({
    assignments: schemas/* array */.YOg(assignmentSchema).optional(),
    definitions: schemas/* array */.YOg(customDefinitionSchema).optional(),
});

;// CONCATENATED MODULE: ./actions/policy-rollout/src/policy-file/load.ts





const MAX_FILE_BYTES = 1024 * 1024;
/** Reads a policy file or a folder of them (*.yml, *.yaml), validating everything before anything is planned. */
function loadPolicies(path, workspace) {
    const root = (0,external_node_fs_.realpathSync)(workspace);
    const target = (0,external_node_path_.resolve)(root, path);
    if (!(0,external_node_fs_.existsSync)(target))
        throw new src/* ConfigurationError */.j1(`Input "policies" names ${path}, which does not exist in the workspace.`, 'policies');
    const real = (0,external_node_fs_.realpathSync)(target);
    if (real !== root && !real.startsWith(root + '/')) {
        throw new src/* ConfigurationError */.j1(`Input "policies" names ${path}, which is outside the workspace; policy files must be in the repository.`, 'policies');
    }
    const files = (0,external_node_fs_.statSync)(real).isDirectory()
        ? (0,external_node_fs_.readdirSync)(real, { recursive: true, encoding: 'utf8' })
            .filter((f) => /\.ya?ml$/.test(f) && !f.split('/').some((p) => p.startsWith('.')))
            .sort()
            .map((f) => (0,external_node_path_.join)(real, f))
        : [real];
    if (!files.length)
        throw new src/* ConfigurationError */.j1(`Input "policies" names ${path}, which holds no .yml or .yaml files.`, 'policies');
    // A file in the folder may be a symbolic link: it must lead to a file inside the workspace too.
    for (const file of files) {
        const resolved = (0,external_node_fs_.realpathSync)(file);
        if (resolved !== root && !resolved.startsWith(root + '/')) {
            throw new src/* ConfigurationError */.j1(`Input "policies" names ${path}, whose file ${(0,external_node_path_.relative)(root, file)} links outside the workspace; policy files must be in the repository.`, 'policies');
        }
    }
    const set = { assignments: [], definitions: [], files: files.map((f) => (0,external_node_path_.relative)(root, f)) };
    for (const file of files)
        if (!isKubernetesManifest(file))
            loadFile(file, root, set);
    crossCheck(set);
    return set;
}
/** ConstraintTemplates and other manifests may sit beside the policy files; they are read through definitions. */
function isKubernetesManifest(file) {
    return /^apiVersion:/m.test((0,external_node_fs_.readFileSync)(file, 'utf8')) && /^kind:/m.test((0,external_node_fs_.readFileSync)(file, 'utf8'));
}
function loadFile(file, root, set) {
    const rel = (0,external_node_path_.relative)(root, file);
    if ((0,external_node_fs_.statSync)(file).size > MAX_FILE_BYTES)
        throw new src/* ConfigurationError */.j1(`${rel} is larger than 1 MiB; split it into several policy files.`, 'policies');
    const text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    const parsed = (0,src/* parseYamlWithSchema */.Ku)(text, policyFileSchema, rel, 'policies');
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines });
    const at = (...path) => (0,src/* lineOfPath */.ZS)(doc, lines, path) ?? 1;
    const fail = (line, message) => {
        throw new src/* ConfigurationError */.j1(`${rel} line ${line}: ${message}`, 'policies');
    };
    (parsed.assignments ?? []).forEach((a, i) => set.assignments.push(toAssignment(a, rel, at('assignments', i), (path, message) => fail(at('assignments', i, ...path), message))));
    (parsed.definitions ?? []).forEach((d, i) => set.definitions.push(toDefinition(d, rel, (0,external_node_path_.dirname)(file), root, at('definitions', i), (path, message) => fail(at('definitions', i, ...path), message))));
}
function toAssignment(a, file, line, fail) {
    const parameters = { ...(a.parameters ?? {}) };
    if ('effect' in parameters)
        fail(['parameters', 'effect'], `assignment "${a.name}" sets parameters.effect; remove it and use "stage: audit" or "stage: deny", which sets the effect.`);
    const excluded = parameters.excludedNamespaces ?? [];
    if (!Array.isArray(excluded) || excluded.some((n) => typeof n !== 'string'))
        fail(['parameters', 'excludedNamespaces'], 'parameters.excludedNamespaces must be a list of namespace names.');
    const addedExclusions = a['force-system-namespaces'] ? [] : SYSTEM_NAMESPACES.filter((n) => !excluded.includes(n));
    if (addedExclusions.length || 'excludedNamespaces' in parameters)
        parameters.excludedNamespaces = [...excluded, ...addedExclusions];
    const rings = a.rings ?? [];
    const dup = rings.findIndex((r, i) => rings.findIndex((o) => o.name === r.name) !== i);
    if (dup >= 0)
        fail(['rings', dup], `assignment "${a.name}" names ring "${rings[dup].name}" twice.`);
    if (a.scope.startsWith('/providers/Microsoft.Management') && a.name.length > 24) {
        fail(['name'], `assignment name "${a.name}" is ${a.name.length} characters; at management-group scope Azure allows at most 24.`);
    }
    const definitionId = /^[0-9a-f-]{36}$/i.test(a.definition)
        ? `/providers/Microsoft.Authorization/policySetDefinitions/${a.definition.toLowerCase()}`
        : a.definition;
    return {
        file,
        line,
        name: a.name,
        displayName: a['display-name'],
        description: a.description,
        scope: a.scope,
        definitionId,
        stage: a.stage,
        parameters,
        nonComplianceMessages: a['non-compliance-messages'] ?? [],
        resourceSelectors: a['resource-selectors'] ?? [],
        rings,
        addedExclusions,
    };
}
function toDefinition(d, file, dir, root, line, fail) {
    const templatePath = (0,external_node_path_.resolve)(dir, d['constraint-template']);
    if (!(0,external_node_fs_.existsSync)(templatePath))
        fail(['constraint-template'], `constraint-template ${d['constraint-template']} does not exist (paths are relative to the policy file).`);
    const real = (0,external_node_fs_.realpathSync)(templatePath);
    if (!real.startsWith(root + '/'))
        fail(['constraint-template'], `constraint-template ${d['constraint-template']} is outside the workspace.`);
    const template = (0,external_node_fs_.readFileSync)(real, 'utf8');
    const parsed = (0,dist/* parseDocument */.Tp)(template).toJS();
    if (parsed?.kind !== 'ConstraintTemplate' || !parsed.apiVersion?.startsWith('templates.gatekeeper.sh/')) {
        fail(['constraint-template'], `${d['constraint-template']} is not a Gatekeeper ConstraintTemplate (kind ConstraintTemplate, apiVersion templates.gatekeeper.sh/v1).`);
    }
    const constraintKind = parsed?.spec?.crd?.spec?.names?.kind;
    if (!constraintKind)
        fail(['constraint-template'], `${d['constraint-template']} has no spec.crd.spec.names.kind.`);
    if (!parsed?.spec?.targets?.some((t) => t.rego))
        fail(['constraint-template'], `${d['constraint-template']} has no Rego in spec.targets.`);
    return {
        file,
        line,
        name: d.name,
        displayName: d['display-name'],
        description: d.description,
        templateFile: (0,external_node_path_.relative)(root, real),
        template,
        constraintKind: constraintKind,
        apiGroups: d['api-groups'],
        kinds: d.kinds,
        values: d.values ?? {},
    };
}
function crossCheck(set) {
    const seen = new Map();
    for (const a of set.assignments) {
        const key = `${a.scope.toLowerCase()}|${a.name.toLowerCase()}`;
        const before = seen.get(key);
        if (before)
            throw new src/* ConfigurationError */.j1(`${a.file} line ${a.line}: assignment "${a.name}" at ${a.scope} is already defined in ${before.file} line ${before.line}.`, 'policies');
        seen.set(key, a);
    }
    const custom = new Map(set.definitions.map((d) => [d.name, d]));
    for (const d of set.definitions) {
        const first = set.definitions.find((o) => o.name === d.name);
        if (first !== d)
            throw new src/* ConfigurationError */.j1(`${d.file} line ${d.line}: definition "${d.name}" is already defined in ${first.file} line ${first.line}.`, 'policies');
    }
    for (const a of set.assignments) {
        if (a.definitionId.startsWith('custom:') && !custom.has(a.definitionId.slice(7))) {
            throw new src/* ConfigurationError */.j1(`${a.file} line ${a.line}: assignment "${a.name}" uses ${a.definitionId}, but no definition of that name is in the policy files${custom.size ? ` (there are: ${[...custom.keys()].join(', ')})` : ''}.`, 'policies');
        }
    }
    if (!set.assignments.length)
        throw new src/* ConfigurationError */.j1(`The policy files (${set.files.join(', ')}) define no assignments.`, 'policies');
}

;// CONCATENATED MODULE: ./actions/policy-rollout/src/provenance.ts
function provenanceFromEnv(env = process.env) {
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
    const runUrl = env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
    return { repository: env.GITHUB_REPOSITORY, commit: env.GITHUB_SHA, runUrl, workflow: env.GITHUB_WORKFLOW, actor: env.GITHUB_ACTOR };
}

;// CONCATENATED MODULE: ./actions/policy-rollout/src/render.ts

const ICON = {
    Compliant: '✅',
    NonCompliant: '❌',
    'No data': '⚪',
    Unknown: '⚪',
    Error: '⚠️',
    Conflict: '⚠️',
    Exempt: '➖',
};
const ACTION = {
    create: '🆕 create',
    update: '✏️ update',
    unchanged: '✔️ unchanged',
    promote: '⬆️ promote to Deny',
    refused: '⛔ refused',
};
/** The report of one run, as markdown: overview, then one section per assignment (later sections are cut first). */
function renderReport(outcomes, options) {
    const total = outcomes.reduce((n, o) => n + o.violations.length, 0);
    const overview = (0,report_src/* table */.tp)(['Assignment', 'Action', 'Effect', 'Clusters', 'NonCompliant objects', 'New since last run'], outcomes.map((o) => [
        `${o.name}${o.ring ? ` (ring ${o.ring})` : ''}`,
        ACTION[o.action],
        o.effectBefore && o.effectBefore !== o.effectAfter ? `${o.effectBefore} → ${o.effectAfter}` : o.effectAfter,
        String(o.clusters),
        String(o.violations.length),
        options.diffs[o.name]?.previous ? `+${options.diffs[o.name].added.length} / −${options.diffs[o.name].resolved.length}` : 'n/a',
    ]));
    return (0,report_src/* blocks */.Bv)((0,report_src/* heading */.R_)(`Policy rollout: ${options.mode}${options.dryRun ? ' (dry run)' : ''}`, 2), `${outcomes.length} assignments, ${total} NonCompliant objects in scope.`, overview, outcomes.length > 1
        ? (0,report_src/* barChart */.S9)('NonCompliant objects per assignment', outcomes.map((o) => [o.name, o.violations.length]), { yLabel: 'objects' })
        : undefined, ...outcomes.map((o) => renderAssignment(o, options.diffs[o.name])));
}
function renderAssignment(o, diff) {
    const parts = [
        (0,report_src/* heading */.R_)(`${o.name}${o.ring ? ` · ring ${o.ring}` : ''}`, 3),
        `${o.message} (${(0,report_src/* code */.aY)(o.file)} line ${o.line}, scope ${(0,report_src/* code */.aY)(o.scope)})`,
    ];
    if (o.fields.length) {
        parts.push((0,report_src/* details */.zH)(`Field changes (${o.fields.length})`, (0,report_src/* table */.tp)(['Field', 'Now', 'Desired'], o.fields.map((f) => [f.path, (0,report_src/* code */.aY)(JSON.stringify(f.before) ?? '—'), (0,report_src/* code */.aY)(JSON.stringify(f.after))]))));
    }
    if (o.gate) {
        parts.push((0,report_src/* table */.tp)(['Gate condition', 'Result', 'Evidence'], o.gate.conditions.map((c) => [c.title, c.passed ? '✅ passed' : '❌ failed', c.detail])));
    }
    if (!o.complete)
        parts.push('⚠️ Not every page of compliance data could be read; numbers below are a floor.');
    const clusters = Object.keys(o.matrix);
    if (clusters.length) {
        parts.push((0,report_src/* details */.zH)(`Compliance per cluster and policy (${clusters.length} clusters × ${o.policies.length} policies)`, (0,report_src/* table */.tp)(['Cluster', ...o.policies], clusters.map((c) => [c, ...o.policies.map((p) => cell(o.matrix[c][p]))]))));
    }
    else {
        parts.push('No cluster is in the scope of this assignment yet.');
    }
    if (o.violations.length) {
        const verb = o.effectAfter === 'Deny' && o.action !== 'promote' ? 'are rejected' : 'would be rejected';
        parts.push(`**Deny impact:** if this assignment were Deny now, these ${o.violations.length} objects ${verb} at their next rollout:`, (0,report_src/* table */.tp)(['Cluster', 'Policy', 'Kind', 'Namespace', 'Name'], o.violations.map((v) => [v.cluster, v.policy, v.kind, v.namespace ?? '', v.name])));
    }
    if (diff?.previous) {
        parts.push(`**Since the previous evaluation:** ${diff.added.length} new, ${diff.resolved.length} resolved, ${diff.unchanged.length} unchanged violations.`, diff.added.length ? (0,report_src/* details */.zH)('New violations', (0,report_src/* bulletList */.fF)(diff.added.map(report_src/* code */.aY))) : undefined, diff.resolved.length ? (0,report_src/* details */.zH)('Resolved violations', (0,report_src/* bulletList */.fF)(diff.resolved.map(report_src/* code */.aY))) : undefined);
    }
    return (0,report_src/* blocks */.Bv)(...parts);
}
function cell(c) {
    if (!c)
        return '—';
    return `${ICON[c.state] ?? '⚪'} ${c.state}${c.violations ? ` (${c.violations})` : ''}`;
}

;// CONCATENATED MODULE: ./actions/policy-rollout/src/fleet-evidence.ts

/** How an assignment's scope maps onto Resource Graph: request scope plus an optional resource-group filter. */
function graphScopeOf(scope) {
    const mg = /^\/providers\/Microsoft\.Management\/managementGroups\/([^/]+)$/i.exec(scope);
    if (mg)
        return { scope: { managementGroups: [mg[1]] }, where: [] };
    const sub = /^\/subscriptions\/([^/]+)(?:\/resourceGroups\/([^/]+))?$/i.exec(scope);
    if (!sub)
        throw new Error(`Unsupported assignment scope ${scope}.`);
    return { scope: { subscriptions: [sub[1]] }, where: sub[2] ? [`| where resourceGroup =~ ${(0,azure_src/* kqlString */.aX)(sub[2])}`] : [] };
}
/**
 * Everything the gate and the plan need about an assignment's fleet, in five Resource Graph reads whatever the fleet
 * size (each paged to the end): clusters in scope, their policy extensions, the latest policy states and the
 * NonCompliant / Exempt components of this assignment.
 */
async function gatherFleetEvidence(clients, assignment) {
    const { scope, where } = graphScopeOf(assignment.scope);
    const locationFilter = assignment.locations?.length ? [`| where location in~ (${assignment.locations.map(azure_src/* kqlString */.aX).join(', ')})`] : [];
    const clusters = await (0,azure_src/* queryGraph */.xk)(clients, [
        "resources\n| where type =~ 'microsoft.kubernetes/connectedclusters'",
        ...where,
        ...locationFilter,
        '| project id, name, location, connectivityStatus = properties.connectivityStatus, lastConnectivityTime = properties.lastConnectivityTime\n| order by id asc',
    ].join('\n'), scope);
    const extensions = await (0,azure_src/* queryGraph */.xk)(clients, [
        "kubernetesconfigurationresources\n| where type =~ 'microsoft.kubernetesconfiguration/extensions'",
        "| where properties.ExtensionType =~ 'microsoft.policyinsights'",
        ...where,
        '| project id, provisioningState = properties.ProvisioningState\n| order by id asc',
    ].join('\n'), scope);
    const assignmentFilter = `| where properties.policyAssignmentId =~ ${(0,azure_src/* kqlString */.aX)(assignment.id)}`;
    const states = await (0,azure_src/* queryGraph */.xk)(clients, [
        "policyresources\n| where type =~ 'microsoft.policyinsights/policystates'",
        assignmentFilter,
        '| project id, resourceId = properties.resourceId, policy = properties.policyDefinitionReferenceId, policyDefinitionId = properties.policyDefinitionId, ' +
            'complianceState = properties.complianceState, timestamp = properties.timestamp\n| order by id asc',
    ].join('\n'), scope);
    const components = await (0,azure_src/* queryGraph */.xk)(clients, [
        "policyresources\n| where type =~ 'microsoft.policyinsights/componentpolicystates'",
        assignmentFilter,
        "| where properties.complianceState in ('NonCompliant', 'Exempt')",
        '| project id, resourceId = properties.resourceId, policy = properties.policyDefinitionReferenceId, policyDefinitionId = properties.policyDefinitionId, ' +
            'componentType = properties.componentType, ' +
            'componentId = properties.componentId, componentName = properties.componentName, complianceState = properties.complianceState\n| order by id asc',
    ].join('\n'), scope);
    const clusterOf = (id) => id.toLowerCase().split('/providers/microsoft.kubernetesconfiguration/')[0];
    return {
        clusters: clusters.rows.map((c) => ({
            id: c.id,
            name: c.name,
            connectivityStatus: c.connectivityStatus,
            lastConnectivityTime: c.lastConnectivityTime,
        })),
        clusterLocations: Object.fromEntries(clusters.rows.map((c) => [c.id.toLowerCase(), c.location])),
        policyExtension: Object.fromEntries(extensions.rows.map((e) => [clusterOf(e.id), e.provisioningState])),
        states: states.rows.map((s) => ({
            clusterId: s.resourceId.toLowerCase(),
            policy: policyKey(s.policy, s.policyDefinitionId),
            complianceState: s.complianceState,
            timestamp: s.timestamp,
        })),
        components: components.rows.map((c) => {
            const slash = c.componentId.indexOf('/');
            return {
                clusterId: c.resourceId.toLowerCase(),
                policy: policyKey(c.policy, c.policyDefinitionId),
                kind: c.componentType,
                namespace: slash > 0 ? c.componentId.slice(0, slash) : undefined,
                name: c.componentName,
                complianceState: c.complianceState,
            };
        }),
        complete: { inventory: clusters.complete, extensions: extensions.complete, states: states.complete, components: components.complete },
        queries: clusters.pages + extensions.pages + states.pages + components.pages,
    };
}
/** How a policy is named inside an assignment: its reference id in an initiative, else the definition's name. */
function policyKey(referenceId, definitionId) {
    return referenceId || (definitionId ?? '').split('/').pop() || '';
}

;// CONCATENATED MODULE: ./actions/policy-rollout/src/azure-policy.ts


/** The assignment as ARM holds it, or undefined when it does not exist yet. */
async function readAssignment(clients, subscriptionId, scope, name) {
    const policy = await clients.policy(subscriptionId);
    return (0,azure_src/* ifExists */.AG)(policy.policyAssignments.get(scope, name));
}
async function writeAssignment(clients, subscriptionId, scope, name, body) {
    const policy = await clients.policy(subscriptionId);
    return policy.policyAssignments.create(scope, name, body);
}
/**
 * The policies an assignment evaluates, named as its policy states name them: reference ids for an initiative,
 * the definition name for a single definition.
 */
async function policiesOf(clients, subscriptionId, definitionId) {
    const policy = await clients.policy(subscriptionId);
    const name = definitionId.split('/').pop();
    if (/\/policySetDefinitions\//i.test(definitionId)) {
        const builtIn = /^\/providers\/Microsoft\.Authorization\//i.test(definitionId);
        const mg = /^\/providers\/Microsoft\.Management\/managementGroups\/([^/]+)\//i.exec(definitionId);
        const set = builtIn
            ? await policy.policySetDefinitions.getBuiltIn(name)
            : mg
                ? await policy.policySetDefinitions.getAtManagementGroup(mg[1], name)
                : await policy.policySetDefinitions.get(name);
        return (set.policyDefinitions ?? []).map((d) => policyKey(d.policyDefinitionReferenceId, d.policyDefinitionId));
    }
    return [name];
}
/** Writes a custom definition at a subscription or management group; returns its id. */
async function writeCustomDefinition(clients, subscriptionId, scope, name, body) {
    const policy = await clients.policy(subscriptionId);
    const mg = /^\/providers\/Microsoft\.Management\/managementGroups\/([^/]+)$/i.exec(scope);
    return mg
        ? policy.policyDefinitions.createOrUpdateAtManagementGroup(mg[1], name, body)
        : policy.policyDefinitions.createOrUpdate(name, body);
}
async function readCustomDefinition(clients, subscriptionId, scope, name) {
    const policy = await clients.policy(subscriptionId);
    const mg = /^\/providers\/Microsoft\.Management\/managementGroups\/([^/]+)$/i.exec(scope);
    return (0,azure_src/* ifExists */.AG)(mg ? policy.policyDefinitions.getAtManagementGroup(mg[1], name) : policy.policyDefinitions.get(name));
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./actions/policy-rollout/src/desired.ts


/** The metadata key under which arc-actions keeps its own bookkeeping on assignments and definitions. */
const METADATA_KEY = 'arcActions';
/** The definition id an assignment refers to, once custom definitions are resolved to where they are written. */
function resolveDefinitionId(spec, customScope) {
    if (!spec.definitionId.startsWith('custom:'))
        return spec.definitionId;
    return `${customScope(spec)}/providers/Microsoft.Authorization/policyDefinitions/${spec.definitionId.slice(7)}`;
}
/** Where a custom definition is written: the assignment's management group or subscription (never a resource group). */
function definitionScope(spec) {
    const rg = spec.scope.indexOf('/resourceGroups/');
    return rg >= 0 ? spec.scope.slice(0, rg) : spec.scope;
}
/**
 * The assignment as ARM should hold it. `effect` is the whole assignment's; `deniedRings` are rings promoted to
 * Deny through overrides (selector on resource location) while the rest stays in Audit.
 */
function desiredAssignment(spec, definitionId, effect, deniedRings = []) {
    const parameters = { effect: { value: effect } };
    for (const [name, value] of Object.entries(spec.parameters))
        parameters[name] = { value };
    const ringLocations = spec.rings.filter((r) => deniedRings.includes(r.name)).flatMap((r) => r.locations);
    return {
        displayName: spec.displayName ?? spec.name,
        ...(spec.description ? { description: spec.description } : {}),
        policyDefinitionId: definitionId,
        enforcementMode: 'Default',
        parameters,
        nonComplianceMessages: spec.nonComplianceMessages.map((m) => ({
            message: m.message,
            ...(m.policy ? { policyDefinitionReferenceId: m.policy } : {}),
        })),
        resourceSelectors: spec.resourceSelectors.map((s) => ({ name: s.name, selectors: s.selectors })),
        overrides: effect === 'Audit' && ringLocations.length
            ? [{ kind: 'policyEffect', value: 'Deny', selectors: [{ kind: 'resourceLocation', in: ringLocations }] }]
            : [],
    };
}
function specHash(value) {
    return (0,external_node_crypto_.createHash)('sha256').update((0,src/* stableStringify */.JB)(value)).digest('hex').slice(0, 16);
}
/** A custom definition wrapping a Gatekeeper ConstraintTemplate (Rego) as Azure Policy expects it. */
function desiredCustomDefinition(def) {
    return {
        displayName: def.displayName ?? def.name,
        description: def.description ?? `Custom Kubernetes policy ${def.name} (ConstraintTemplate ${def.constraintKind}).`,
        policyType: 'Custom',
        mode: 'Microsoft.Kubernetes.Data',
        parameters: {
            effect: { type: 'String', defaultValue: 'Audit', allowedValues: ['Audit', 'Deny', 'Disabled'] },
            excludedNamespaces: {
                type: 'Array',
                defaultValue: ['kube-system', 'gatekeeper-system', 'azure-arc', 'azure-extensions-usage-system'],
            },
            namespaces: { type: 'Array', defaultValue: [] },
        },
        policyRule: {
            if: { field: 'type', in: ['Microsoft.Kubernetes/connectedClusters', 'Microsoft.ContainerService/managedClusters'] },
            then: {
                effect: "[parameters('effect')]",
                details: {
                    templateInfo: { sourceType: 'Base64Encoded', content: Buffer.from(def.template, 'utf8').toString('base64') },
                    apiGroups: def.apiGroups,
                    kinds: def.kinds,
                    excludedNamespaces: "[parameters('excludedNamespaces')]",
                    namespaces: "[parameters('namespaces')]",
                    ...(Object.keys(def.values).length ? { values: def.values } : {}),
                },
            },
        },
    };
}

;// CONCATENATED MODULE: ./actions/policy-rollout/src/gate/evaluate.ts

const key = (id) => id.toLowerCase();
const LIST = 10;
const names = (items) => items.length > LIST ? `${items.slice(0, LIST).join(', ')} and ${items.length - LIST} more` : items.join(', ');
/**
 * The audit → deny promotion gate. Every condition is evaluated (so the report names every reason at once) and
 * the gate passes only when all do. It never decides on partial data: an unread page fails the gate.
 */
function evaluateGate(e, o) {
    const byId = new Map(e.clusters.map((c) => [key(c.id), c]));
    const nameOf = (id) => byId.get(key(id))?.name ?? id.split('/').pop() ?? id;
    const conditions = [];
    conditions.push(e.assignment.effect.toLowerCase() === 'audit'
        ? { id: 'effect', title: 'Assignment is in Audit', passed: true, detail: `${e.assignment.name} is in Audit.` }
        : {
            id: 'effect',
            title: 'Assignment is in Audit',
            passed: false,
            detail: `${e.assignment.name} has effect ${e.assignment.effect}; only Audit is promoted to Deny.`,
        });
    const incomplete = Object.entries(e.complete)
        .filter(([, done]) => !done)
        .map(([what]) => what);
    conditions.push({
        id: 'complete-data',
        title: 'Every page of data was read',
        passed: incomplete.length === 0,
        detail: incomplete.length
            ? `Not every page was read for: ${incomplete.join(', ')}; refusing to decide on partial data.`
            : 'All pages read.',
    });
    conditions.push({
        id: 'clusters-in-scope',
        title: 'Clusters in scope',
        passed: e.clusters.length > 0,
        detail: e.clusters.length
            ? `${e.clusters.length} clusters in scope.`
            : 'No cluster is in the scope of the assignment: there is no evidence that Deny is safe.',
    });
    const offline = e.clusters.filter((c) => c.connectivityStatus !== 'Connected');
    conditions.push({
        id: 'connected',
        title: 'Every cluster Connected',
        passed: offline.length === 0,
        detail: offline.length
            ? `Not Connected: ${names(offline.map((c) => `${c.name} (${c.connectivityStatus ?? 'Unknown'})`))}.`
            : 'All Connected.',
        clusters: offline.map((c) => c.name),
    });
    const badExtension = e.clusters.filter((c) => e.policyExtension[key(c.id)] !== 'Succeeded');
    conditions.push({
        id: 'policy-extension',
        title: 'Policy extension Succeeded',
        passed: badExtension.length === 0,
        detail: badExtension.length
            ? `Policy extension not Succeeded on: ${names(badExtension.map((c) => `${c.name} (${e.policyExtension[key(c.id)] ?? 'not installed'})`))}.`
            : 'Succeeded everywhere.',
        clusters: badExtension.map((c) => c.name),
    });
    const notBefore = Date.parse(e.assignment.lastChangedAt) + o.syncAllowanceMs;
    const oldest = e.now - o.maxStalenessMs;
    const stateOf = new Map(e.states.map((s) => [`${key(s.clusterId)}|${s.policy.toLowerCase()}`, s]));
    const problems = [];
    const staleClusters = new Set();
    for (const c of e.clusters) {
        for (const policy of e.assignment.policies) {
            const s = stateOf.get(`${key(c.id)}|${policy.toLowerCase()}`);
            const at = s ? Date.parse(s.timestamp) : NaN;
            let why;
            if (!s)
                why = 'no state';
            else if (!['Compliant', 'NonCompliant'].includes(s.complianceState))
                why = `state ${s.complianceState}`;
            else if (at < notBefore)
                why = `evaluated ${s.timestamp}, before the last change + sync allowance`;
            else if (at < oldest)
                why = `evaluated ${(0,src/* formatDuration */.a3)(e.now - at)} ago`;
            if (why) {
                problems.push(`${c.name}/${policy}: ${why}`);
                staleClusters.add(c.name);
            }
        }
    }
    conditions.push({
        id: 'fresh-states',
        title: 'Fresh states for every cluster and policy',
        passed: problems.length === 0,
        detail: problems.length
            ? `${problems.length} cluster × policy states missing or stale (need evaluation after ${new Date(notBefore).toISOString()} and within ${(0,src/* formatDuration */.a3)(o.maxStalenessMs)}): ${names(problems)}.`
            : `${e.clusters.length * e.assignment.policies.length} states, all fresh.`,
        clusters: [...staleClusters],
    });
    const inScope = (clusterId) => byId.has(key(clusterId));
    const violations = e.components.filter((c) => c.complianceState === 'NonCompliant' && inScope(c.clusterId));
    const exempt = e.components.filter((c) => c.complianceState === 'Exempt' && inScope(c.clusterId));
    const objects = violations.map((v) => ({
        cluster: nameOf(v.clusterId),
        policy: v.policy,
        kind: v.kind,
        namespace: v.namespace,
        name: v.name,
    }));
    conditions.push({
        id: 'zero-violations',
        title: 'Zero NonCompliant objects',
        passed: violations.length === 0,
        detail: violations.length
            ? `${violations.length} NonCompliant objects on ${new Set(objects.map((o) => o.cluster)).size} clusters: ${names(objects.map((v) => `${v.cluster}: ${v.kind} ${v.namespace ? `${v.namespace}/` : ''}${v.name}`))}.`
            : `No NonCompliant objects${exempt.length ? ` (${exempt.length} Exempt, listed apart)` : ''}.`,
        objects,
        clusters: [...new Set(objects.map((o) => o.cluster))],
    });
    const soaked = e.now - Date.parse(e.assignment.auditSince);
    conditions.push({
        id: 'soak',
        title: `In Audit for at least ${(0,src/* formatDuration */.a3)(o.minSoakMs)}`,
        passed: soaked >= o.minSoakMs,
        detail: soaked >= o.minSoakMs
            ? `In Audit since ${e.assignment.auditSince} (${(0,src/* formatDuration */.a3)(soaked)}).`
            : `In Audit since ${e.assignment.auditSince}: ${(0,src/* formatDuration */.a3)(Math.max(0, soaked))} of ${(0,src/* formatDuration */.a3)(o.minSoakMs)}; earliest promotion ${new Date(Date.parse(e.assignment.auditSince) + o.minSoakMs).toISOString()}.`,
    });
    return {
        passed: conditions.every((c) => c.passed),
        conditions,
        exempt: exempt.map((v) => ({ cluster: nameOf(v.clusterId), policy: v.policy, kind: v.kind, namespace: v.namespace, name: v.name })),
    };
}

;// CONCATENATED MODULE: ./actions/policy-rollout/src/rollout.ts






const ARM_METADATA = ['createdBy', 'createdOn', 'updatedBy', 'updatedOn'];
function effectOf(actual) {
    const value = actual?.parameters?.effect?.value;
    return typeof value === 'string' ? value.charAt(0).toUpperCase() + value.slice(1).toLowerCase() : actual ? 'Audit' : undefined;
}
const OWNED = [
    'displayName',
    'description',
    'policyDefinitionId',
    'enforcementMode',
    'parameters',
    'nonComplianceMessages',
    'resourceSelectors',
    'overrides',
];
/**
 * The fields of an assignment that we own, normalised so that "absent" and "empty list" compare equal (ARM may omit
 * empty lists) while a field we no longer want (say, a ring override after a demotion) still shows as a change.
 */
function comparable(body) {
    const record = (body ?? {});
    return Object.fromEntries(OWNED.map((key) => {
        const value = record[key];
        return [key, value === undefined || (Array.isArray(value) && value.length === 0) ? null : value];
    }));
}
async function rolloutAssignment(spec, ctx) {
    const assignmentId = `${spec.scope}/providers/Microsoft.Authorization/policyAssignments/${spec.name}`;
    const definitionId = resolveDefinitionId(spec, definitionScope);
    const actual = await readAssignment(ctx.clients, ctx.subscriptionId, spec.scope, spec.name);
    const meta = (actual?.metadata?.[METADATA_KEY] ?? undefined);
    const effectBefore = effectOf(actual);
    const custom = spec.definitionId.startsWith('custom:') ? ctx.definitions.find((d) => d.name === spec.definitionId.slice(7)) : undefined;
    const policies = custom ? [custom.name] : await policiesOf(ctx.clients, ctx.subscriptionId, definitionId);
    const ringSpec = ctx.ring ? spec.rings.find((r) => r.name === ctx.ring) : undefined;
    if (ctx.ring && !ringSpec) {
        return refusedOutcome(spec, assignmentId, effectBefore, policies, `Assignment ${spec.name} has no ring "${ctx.ring}"; its rings are: ${spec.rings.map((r) => r.name).join(', ') || 'none'}.`);
    }
    const evidence = await gatherFleetEvidence(ctx.clients, { id: assignmentId, scope: spec.scope, locations: ringSpec?.locations });
    const violations = violationsOf(evidence);
    const matrix = complianceMatrix(evidence, policies);
    const base = {
        name: spec.name,
        id: assignmentId,
        file: spec.file,
        line: spec.line,
        scope: spec.scope,
        stage: spec.stage,
        effectBefore,
        ring: ctx.ring,
        policies,
        clusters: evidence.clusters.length,
        matrix: Object.fromEntries([...matrix].map(([cluster, row]) => [cluster, Object.fromEntries(row)])),
        violations,
        exempt: evidence.components.filter((c) => c.complianceState === 'Exempt').length,
        complete: Object.values(evidence.complete).every(Boolean),
        clusterIds: evidence.clusters.map((c) => c.id),
        policyExtension: evidence.policyExtension,
    };
    if (ctx.mode === 'promote')
        return promote(spec, ctx, { actual, meta, definitionId, evidence, base, ringLocations: ringSpec?.locations });
    // plan and apply: Audit for anything new; `stage: deny` is reached only through the gated promote.
    const deniedRings = spec.stage === 'audit' ? [] : (meta?.deniedRings ?? []);
    const effect = spec.stage === 'audit' || !effectBefore || effectBefore === 'Audit' ? 'Audit' : 'Deny';
    const desired = desiredAssignment(spec, definitionId, effect, deniedRings);
    const fields = (0,src/* diffFields */.p5)(comparable(actual), comparable(desired));
    const action = !actual ? 'create' : fields.length ? 'update' : 'unchanged';
    let written = false;
    if (ctx.mode === 'apply' && !ctx.dryRun) {
        if (custom)
            written = (await ensureCustomDefinition(custom, spec, ctx)) || written;
        if (action !== 'unchanged') {
            const enteringAudit = effect === 'Audit' && effectBefore !== 'Audit';
            await write(spec, ctx, desired, actual?.metadata, {
                ...meta,
                auditSince: enteringAudit ? new Date(ctx.now()).toISOString() : (meta?.auditSince ?? actual?.metadata?.createdOn),
                deniedRings,
            });
            written = true;
        }
    }
    const verb = ctx.mode === 'plan' || ctx.dryRun ? 'would be' : 'was';
    const message = action === 'unchanged'
        ? `${spec.name} is unchanged.`
        : `${spec.name} ${verb} ${action === 'create' ? 'created in Audit' : `updated (${fields.map((f) => f.path).join(', ')})`}.` +
            (spec.stage === 'deny' && effect === 'Audit'
                ? ' Its intended stage is deny: promote it with mode promote once the gate passes.'
                : '');
    return { ...base, action, written, fields, effectAfter: effect, message };
}
async function ensureCustomDefinition(def, spec, ctx) {
    const scope = definitionScope(spec);
    const body = desiredCustomDefinition(def);
    const hash = specHash(body);
    const actual = await readCustomDefinition(ctx.clients, ctx.subscriptionId, scope, def.name);
    if (actual?.metadata?.[METADATA_KEY]?.specHash === hash)
        return false;
    await writeCustomDefinition(ctx.clients, ctx.subscriptionId, scope, def.name, {
        ...body,
        metadata: { [METADATA_KEY]: { specHash: hash, provenance: ctx.provenance } },
    });
    src/* log */.Rm.info(`Wrote custom definition ${def.name} at ${scope}.`);
    return true;
}
async function write(spec, ctx, desired, actualMetadata, ours) {
    const kept = Object.fromEntries(Object.entries(actualMetadata ?? {}).filter(([k]) => !ARM_METADATA.includes(k) && k !== METADATA_KEY));
    const metadata = {
        ...kept,
        [METADATA_KEY]: { ...ours, specHash: specHash(desired), provenance: ctx.provenance, writtenAt: new Date(ctx.now()).toISOString() },
    };
    await writeAssignment(ctx.clients, ctx.subscriptionId, spec.scope, spec.name, { ...desired, metadata });
    src/* log */.Rm.info(`Wrote policy assignment ${spec.name} at ${spec.scope} (effect ${desired.parameters.effect.value}).`);
}
function refusedOutcome(spec, id, effectBefore, policies, message) {
    return {
        name: spec.name,
        id,
        file: spec.file,
        line: spec.line,
        scope: spec.scope,
        stage: spec.stage,
        action: 'refused',
        written: false,
        fields: [],
        effectBefore,
        effectAfter: effectBefore ?? 'none',
        policies,
        clusters: 0,
        matrix: {},
        violations: [],
        exempt: 0,
        complete: false,
        clusterIds: [],
        policyExtension: {},
        message,
    };
}
async function promote(spec, ctx, s) {
    const { actual, meta, base } = s;
    if (!actual)
        return {
            ...base,
            action: 'refused',
            written: false,
            fields: [],
            effectAfter: 'none',
            message: `${spec.name} does not exist yet: run mode apply first.`,
        };
    const deniedRings = meta?.deniedRings ?? [];
    const effect = base.effectBefore ?? 'Audit';
    const already = ctx.ring ? effect === 'Deny' || deniedRings.includes(ctx.ring) : effect === 'Deny';
    if (already) {
        return {
            ...base,
            action: 'unchanged',
            written: false,
            fields: [],
            effectAfter: 'Deny',
            message: `${spec.name}${ctx.ring ? ` ring ${ctx.ring}` : ''} is already Deny.`,
        };
    }
    const metadata = (actual.metadata ?? {});
    const changes = [metadata.updatedOn, metadata.createdOn, meta?.writtenAt].filter((d) => !!d);
    const lastChangedAt = changes.length
        ? new Date(Math.max(...changes.map((d) => Date.parse(d)))).toISOString()
        : new Date(ctx.now()).toISOString();
    const evidence = {
        ...s.evidence,
        now: ctx.now(),
        assignment: {
            id: base.id,
            name: spec.name,
            effect,
            lastChangedAt,
            auditSince: meta?.auditSince ?? metadata.createdOn ?? lastChangedAt,
            policies: base.policies,
        },
    };
    const gate = evaluateGate(evidence, ctx.gate);
    const target = ctx.ring ? `ring ${ctx.ring} of ${spec.name}` : spec.name;
    if (!gate.passed) {
        const failed = gate.conditions.filter((c) => !c.passed);
        return {
            ...base,
            action: 'refused',
            written: false,
            fields: [],
            effectAfter: effect,
            gate,
            message: `Promotion of ${target} refused: ${failed.map((c) => c.detail).join(' ')}`,
        };
    }
    const nextRings = ctx.ring ? [...deniedRings, ctx.ring] : [];
    const desired = desiredAssignment(spec, s.definitionId, ctx.ring ? 'Audit' : 'Deny', nextRings);
    const fields = (0,src/* diffFields */.p5)(comparable(actual), comparable(desired));
    if (!ctx.dryRun) {
        await write(spec, ctx, desired, actual.metadata, {
            ...meta,
            deniedRings: nextRings,
            promotion: {
                at: new Date(ctx.now()).toISOString(),
                by: ctx.provenance,
                gate: gate.conditions.map((c) => ({ id: c.id, passed: c.passed, detail: c.detail })),
            },
        });
    }
    return {
        ...base,
        action: 'promote',
        written: !ctx.dryRun,
        fields,
        effectAfter: 'Deny',
        gate,
        message: `${ctx.dryRun ? 'Would promote' : 'Promoted'} ${target} to Deny: every gate condition passed.`,
    };
}

;// CONCATENATED MODULE: ./actions/policy-rollout/src/story.ts









const COMMENT_GROUP = 'policies';
async function runRollout(inputs, deps = {}) {
    const set = loadPolicies(inputs.policies.path, (0,azure_src/* workspaceRoot */.oS)());
    const specs = inputs.assignment ? set.assignments.filter((a) => a.name === inputs.assignment) : set.assignments;
    if (!specs.length) {
        throw new src/* ConfigurationError */.j1(`Input "assignment" names "${inputs.assignment}", which is not in the policy files; they define: ${set.assignments.map((a) => a.name).join(', ')}.`, 'assignment');
    }
    const subscriptionId = inputs.identity.subscriptionId ?? specs.map((s) => /^\/subscriptions\/([^/]+)/.exec(s.scope)?.[1]).find(Boolean);
    if (!subscriptionId)
        throw new src/* ConfigurationError */.j1('Input "subscription-id" is empty and every assignment is at management-group scope; set subscription-id.', 'subscription-id');
    const clients = deps.clients ?? new azure_src/* ArmClients */.zQ(await (0,azure_src/* createOidcCredential */.Fs)(inputs.identity), inputs.identity.environment);
    const now = deps.now ?? Date.now;
    const target = (0,report_src/* readGitHubTarget */.X8)();
    const octokit = deps.octokit ?? (inputs.githubToken ? (0,report_src/* getOctokit */.QB)(inputs.githubToken) : undefined);
    let previous;
    if (octokit && target?.pullRequest && inputs.mode === 'plan') {
        previous = decodeSnapshot(await (0,report_src/* findStickyComment */.oC)(octokit, {
            owner: target.owner,
            repo: target.repo,
            issueNumber: target.pullRequest,
            action: 'policy-rollout',
            group: COMMENT_GROUP,
        }));
    }
    const outcomes = [];
    const errors = [];
    const ctx = {
        clients,
        subscriptionId,
        mode: inputs.mode,
        dryRun: inputs.dryRun,
        ring: inputs.ring,
        now,
        provenance: provenanceFromEnv(),
        gate: { minSoakMs: inputs.minSoakMs, maxStalenessMs: inputs.maxStalenessMs, syncAllowanceMs: inputs.syncAllowanceMs },
        definitions: set.definitions,
    };
    for (const spec of specs) {
        try {
            outcomes.push(await src/* log */.Rm.group(`${inputs.mode} ${spec.name}`, () => rolloutAssignment(spec, ctx)));
        }
        catch (error) {
            errors.push({ assignment: spec.name, error: (0,src/* errorMessage */.gJ)(error) });
            src/* log */.Rm.error(`${spec.name}: ${(0,src/* errorMessage */.gJ)(error)}`, { file: spec.file, startLine: spec.line });
        }
    }
    if (inputs.mode === 'apply' && !inputs.dryRun && outcomes.length) {
        const clusterIds = [...new Set(outcomes.flatMap((o) => o.clusterIds))];
        const installed = Object.assign({}, ...outcomes.map((o) => o.policyExtension));
        const ext = await ensurePolicyExtensions(clients, clusterIds, installed);
        for (const f of ext.failed)
            errors.push({ assignment: 'azurepolicy extension', error: `${f.cluster}: ${f.error}` });
        const triggered = await triggerEvaluations(clients, outcomes);
        src/* log */.Rm.info(`Policy extension created on ${ext.created.length} clusters; evaluation triggered for ${triggered.join(', ') || 'no subscription scope'}.`);
    }
    const diffs = {};
    for (const o of outcomes)
        diffs[o.name] = diffViolations(previous?.[o.name], o.violations);
    const markdown = renderReport(outcomes, { mode: inputs.mode, dryRun: inputs.dryRun, diffs });
    const violations = outcomes.reduce((n, o) => n + o.violations.length, 0);
    const refused = outcomes.filter((o) => o.action === 'refused');
    const movingToDenyWithViolations = outcomes.filter((o) => o.stage === 'deny' && o.effectAfter !== 'Deny' && o.violations.length > 0);
    const result = {
        outcomes,
        errors,
        markdown,
        promoted: outcomes.some((o) => o.action === 'promote' && o.written),
        violations,
        gate: Object.fromEntries(outcomes
            .filter((o) => o.gate)
            .map((o) => [o.name, { passed: o.gate.passed, conditions: o.gate.conditions, exempt: o.gate.exempt }])),
    };
    if (errors.length)
        result.failure = `policy-rollout could not finish ${errors.map((e) => `${e.assignment} (${e.error})`).join('; ')}.`;
    else if (refused.length)
        result.failure = refused.map((o) => o.message).join(' ');
    if (octokit && target?.sha) {
        const conclusion = errors.length || (inputs.mode === 'promote' && refused.length) || (inputs.mode === 'plan' && movingToDenyWithViolations.length)
            ? 'failure'
            : 'success';
        const check = await (0,report_src/* publishCheckRun */.Nm)(octokit, {
            owner: target.owner,
            repo: target.repo,
            name: inputs.checkName,
            headSha: target.sha,
            conclusion,
            title: conclusion === 'success'
                ? `${outcomes.length} assignments, ${violations} NonCompliant objects`
                : movingToDenyWithViolations.length
                    ? `${movingToDenyWithViolations.map((o) => o.name).join(', ')} would move to Deny with ${violations} NonCompliant objects`
                    : `${refused.length + errors.length} assignments refused or failed`,
            summary: markdown,
            annotations: annotations(outcomes),
        });
        result.checkRun = { id: check.id, conclusion };
    }
    if (octokit && target?.pullRequest && inputs.comment) {
        const snapshot = {
            ...(previous ?? {}),
            ...Object.fromEntries(outcomes.map((o) => [o.name, o.violations.map(violationKey)])),
        };
        const comment = await (0,report_src/* upsertStickyComment */.qD)(octokit, {
            owner: target.owner,
            repo: target.repo,
            issueNumber: target.pullRequest,
            action: 'policy-rollout',
            group: COMMENT_GROUP,
            body: `${encodeSnapshot(snapshot)}\n${markdown}`,
        });
        result.comment = { id: comment.id, outcome: comment.outcome };
    }
    return result;
}
function annotations(outcomes) {
    return outcomes
        .filter((o) => o.violations.length || o.action === 'refused')
        .map((o) => ({
        path: o.file,
        start_line: o.line,
        end_line: o.line,
        annotation_level: o.stage === 'deny' || o.action === 'refused' ? 'failure' : 'warning',
        title: `${o.name}: ${o.violations.length} NonCompliant objects`,
        message: o.action === 'refused'
            ? o.message
            : `${o.violations.length} objects would be rejected under Deny: ${o.violations
                .slice(0, 10)
                .map((v) => `${v.cluster} ${v.kind} ${v.namespace ? `${v.namespace}/` : ''}${v.name}`)
                .join(', ')}${o.violations.length > 10 ? ` and ${o.violations.length - 10} more` : ''}.`,
    }));
}


/***/ })

};
