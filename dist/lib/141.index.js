export const id = 141;
export const ids = [141];
export const modules = {

/***/ 32593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ko: () => (/* binding */ readInputs),
  h9: () => (/* binding */ readPolicies)
});

// UNUSED EXPORTS: MODES

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 8 modules
var src = __webpack_require__(34786);
// EXTERNAL MODULE: ./packages/azure/src/index.ts + 31 modules
var azure_src = __webpack_require__(64601);
// EXTERNAL MODULE: ./packages/kube/src/index.ts + 10 modules
var kube_src = __webpack_require__(43694);
;// CONCATENATED MODULE: ./actions/policy-rollout/src/preview/inputs.ts


const ACCESS = ['kubeconfig', 'cluster-connect', 'none'];
const RING = { regex: /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, description: 'a ring name: lowercase letters, digits and -' };
/**
 * `preview-access`, `kubeconfigs`, `preview-ring`, `preview-max-clusters`: how the plan's deny-impact preview reads
 * clusters (apply and promote ignore them).
 */
function readPreviewInputs(identity) {
    const access = (0,src/* enumInput */.gX)('preview-access', ACCESS, 'none');
    const kubeconfigs = (0,kube_src/* readKubeconfigMap */.Y9)('kubeconfigs');
    if (access === 'kubeconfig' && !Object.keys(kubeconfigs).length)
        throw new src/* ConfigurationError */.j1('Input "kubeconfigs" is empty but "preview-access" is kubeconfig; pass a YAML map of cluster name to kubeconfig from a secret, or set preview-access: cluster-connect.', 'kubeconfigs');
    if (access !== 'kubeconfig' && Object.keys(kubeconfigs).length)
        throw new src/* ConfigurationError */.j1(`Input "kubeconfigs" is set but "preview-access" is ${access}; set preview-access: kubeconfig or remove kubeconfigs.`, 'kubeconfigs');
    const ring = (0,src/* optionalString */.sx)('preview-ring', { pattern: RING });
    const maxClusters = (0,src/* integerInput */.$A)('preview-max-clusters', { default: 3, min: 1, max: 50 });
    return {
        access,
        kubeconfigs,
        ring,
        maxClusters,
        login: process.env.ACTIONS_ID_TOKEN_REQUEST_URL
            ? { clientId: identity.clientId, tenantId: identity.tenantId, audience: identity.audience }
            : undefined,
    };
}

;// CONCATENATED MODULE: ./actions/policy-rollout/src/inputs.ts





const MODES = ['plan', 'apply', 'promote'];
const YAML_FILE = /\.ya?ml$/i;
/** `policies`: a .yml/.yaml file or a folder of them (searched recursively), inside the workspace. */
function readPolicies(input = 'policies') {
    const value = (0,src/* optionalString */.sx)(input, { maxLength: 1024 });
    if (!value)
        throw new src/* ConfigurationError */.j1(`Input "${input}" is required but was empty; set it to a policy YAML file or a folder of them in the workspace.`, input);
    const full = (0,azure_src/* workspacePath */.X5)(input, value, { mustExist: 'any' });
    const root = (0,azure_src/* workspaceRoot */.oS)();
    if ((0,external_node_fs_.statSync)(full).isFile()) {
        if (!YAML_FILE.test(full))
            throw new src/* ConfigurationError */.j1(`Input "${input}" has the file ${(0,src/* shown */.SP)(value)}; allowed: a .yml or .yaml file, or a folder of them.`, input);
        return { path: value, files: [(0,external_node_path_.relative)(root, full)] };
    }
    const files = [];
    const walk = (dir) => {
        for (const entry of (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true })) {
            if (entry.name.startsWith('.'))
                continue;
            const p = (0,external_node_path_.join)(dir, entry.name);
            if (entry.isDirectory())
                walk(p);
            else if (entry.isFile() && YAML_FILE.test(entry.name))
                files.push((0,external_node_path_.relative)(root, p));
        }
    };
    walk(full);
    if (files.length === 0)
        throw new src/* ConfigurationError */.j1(`Input "${input}" names the folder ${(0,src/* shown */.SP)(value)}, which holds no .yml or .yaml files.`, input);
    return { path: value, files: files.sort() };
}
const ASSIGNMENT = {
    regex: /^[^<>*%&:\\?.+/\s][^<>*%&:\\?+/]{0,62}[^<>*%&:\\?.+/\s]?$/,
    description: 'a policy assignment name (1-64 characters, none of < > * % & : \\ ? . + / at the ends)',
};
const inputs_RING = { regex: /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, description: 'a ring name: lowercase letters, digits and -' };
function readInputs() {
    const identity = (0,azure_src/* readAzureIdentityInputs */.dp)();
    const mode = (0,src/* enumInput */.gX)('mode', MODES, 'plan');
    const policies = readPolicies();
    const assignment = (0,src/* optionalString */.sx)('assignment', { pattern: ASSIGNMENT });
    const ring = (0,src/* optionalString */.sx)('ring', { pattern: inputs_RING });
    const minSoakMs = (0,src/* durationInput */.Ts)('min-soak', { default: '7d', min: '0s', max: '90d' });
    const maxStalenessMs = (0,src/* durationInput */.Ts)('max-staleness', { default: '24h', min: '5m', max: '30d' });
    const syncAllowanceMs = (0,src/* durationInput */.Ts)('sync-allowance', { default: '30m', min: '0s', max: '24h' });
    if (syncAllowanceMs >= maxStalenessMs) {
        throw new src/* ConfigurationError */.j1('Input "sync-allowance" is not shorter than "max-staleness"; compliance data could never be fresh enough, so make sync-allowance shorter.', 'sync-allowance');
    }
    const githubToken = (0,src/* optionalString */.sx)('github-token', { secret: true, maxLength: 4096 });
    const checkName = (0,src/* optionalString */.sx)('check-name', { maxLength: 100, pattern: { regex: /^[^\n\r]+$/, description: 'a single line' } }) ??
        'Arc policy rollout';
    const commentSet = (0,src/* optionalString */.sx)('comment') !== undefined;
    const comment = (0,src/* booleanInput */.tE)('comment', (0,src/* isPullRequestEvent */.T5)());
    if (commentSet && comment && !(0,src/* isPullRequestEvent */.T5)()) {
        throw new src/* ConfigurationError */.j1(`Input "comment" is true but the event is ${(0,src/* readEnv */.$$)('GITHUB_EVENT_NAME') ?? 'not a pull request'}; comments go on pull requests, so remove it or run on pull_request.`, 'comment');
    }
    if (comment && !githubToken) {
        throw new src/* ConfigurationError */.j1('Input "github-token" is empty but a pull request comment is requested; pass ${{ github.token }} with pull-requests: write, or set comment: false.', 'github-token');
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
        dryRun: (0,azure_src/* readDryRun */.n0)(),
        allowEmpty: (0,azure_src/* readAllowEmpty */.tl)(),
        preview: readPreviewInputs(identity),
    };
}


/***/ }),

/***/ 61755:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bt: () => (/* binding */ renderPreview),
/* harmony export */   Ui: () => (/* binding */ previewOutput),
/* harmony export */   vy: () => (/* binding */ previewAnnotations)
/* harmony export */ });
/* unused harmony export OUTPUT_OBJECTS */
/* harmony import */ var _arc_actions_report__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6662);

const where = (o) => `${o.cluster} ${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;
const LIST = 10;
/** The deny-impact preview as a report section: per assignment, the clusters sampled, the counts, the objects. */
function renderPreview(preview) {
    if (!preview.assignments.length && !preview.skipped.length)
        return undefined;
    const evaluated = preview.assignments.filter((a) => a.status === 'evaluated' && a.clusters.length);
    return (0,_arc_actions_report__WEBPACK_IMPORTED_MODULE_0__/* .blocks */ .Bv)((0,_arc_actions_report__WEBPACK_IMPORTED_MODULE_0__/* .heading */ .R_)('Deny-impact preview', 3), `What Gatekeeper would do under Deny with the version in this pull request, evaluated by ${(0,_arc_actions_report__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)('gator test')}${preview.gator ? ` (${preview.gator.source === 'PATH' ? 'from PATH' : 'downloaded, checksum verified'})` : ''} on the live objects of the sampled clusters, compared with the version in Azure.`, evaluated.length
        ? (0,_arc_actions_report__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['Assignment', 'Cluster', 'Evaluated', 'Would be denied', 'of which new', 'Would newly pass', 'Unchanged'], evaluated.flatMap((a) => a.clusters.map((c) => [
            a.name,
            c.cluster,
            String(c.evaluated),
            String(c.wouldBeDenied),
            String(c.newlyDenied),
            String(c.wouldNewlyPass),
            String(c.unchanged),
        ])))
        : undefined, ...preview.assignments.map(renderAssignmentPreview), preview.skipped.length ? `Not previewed (nothing they evaluate changes): ${preview.skipped.map(_arc_actions_report__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY).join(', ')}.` : undefined);
}
function renderAssignmentPreview(a) {
    if (a.status === 'failed')
        return (0,_arc_actions_report__WEBPACK_IMPORTED_MODULE_0__/* .blocks */ .Bv)((0,_arc_actions_report__WEBPACK_IMPORTED_MODULE_0__/* .heading */ .R_)(`Preview of ${a.name}`, 4), `⛔ Not evaluated: ${a.reason}`);
    const denied = a.objects.filter((o) => o.verdict === 'denied');
    const passes = a.objects.filter((o) => o.verdict === 'passes');
    const t = a.totals;
    return (0,_arc_actions_report__WEBPACK_IMPORTED_MODULE_0__/* .blocks */ .Bv)((0,_arc_actions_report__WEBPACK_IMPORTED_MODULE_0__/* .heading */ .R_)(`Preview of ${a.name}`, 4), `Sampled ${a.sampled.length} of ${a.inScope} clusters in scope${a.ring ? ` (ring ${a.ring})` : ''}: ${a.sampled.join(', ')}.` +
        (a.unreadable.length ? ` Could not read: ${a.unreadable.map((u) => `${u.cluster} (${u.reason})`).join('; ')}.` : '') +
        (a.notSampled.length
            ? ` Not sampled: ${a.notSampled.length} (${summarise(a.notSampled.map((n) => `${n.cluster}: ${n.reason}`))}).`
            : ''), `${t.evaluated} objects evaluated = ${t.wouldBeDenied} would be denied (${t.newlyDenied} new) + ${t.wouldNewlyPass} would newly pass + ${t.unchanged} unchanged` +
        (a.compared ? '.' : ' (the assignment does not exist yet, so every denial is new).'), denied.length
        ? (0,_arc_actions_report__WEBPACK_IMPORTED_MODULE_0__/* .details */ .zH)(`Would be denied under Deny (${denied.length})`, (0,_arc_actions_report__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['Cluster', 'Namespace', 'Kind', 'Name', 'New', 'Policies', 'Message'], denied.map((o) => [
            o.cluster,
            o.namespace ?? '',
            o.kind,
            o.name,
            o.new ? 'yes' : 'no',
            o.policies.join(', '),
            o.messages[0] ?? '',
        ])), { open: true })
        : undefined, passes.length
        ? (0,_arc_actions_report__WEBPACK_IMPORTED_MODULE_0__/* .details */ .zH)(`Would newly pass (${passes.length})`, (0,_arc_actions_report__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['Cluster', 'Namespace', 'Kind', 'Name', 'Denied before by'], passes.map((o) => [o.cluster, o.namespace ?? '', o.kind, o.name, o.policies.join(', ')])))
        : undefined);
}
function summarise(items) {
    return items.length > LIST ? `${items.slice(0, LIST).join(', ')} and ${items.length - LIST} more` : items.join(', ');
}
/** One annotation per previewed assignment at its YAML line: failure when the file wants Deny or nothing was concluded. */
function previewAnnotations(preview) {
    return preview.assignments
        .filter((a) => a.status === 'failed' || a.objects.length)
        .map((a) => {
        if (a.status === 'failed')
            return {
                path: a.file,
                start_line: a.line,
                end_line: a.line,
                annotation_level: 'failure',
                title: `${a.name}: deny-impact preview not evaluated`,
                message: a.reason ?? 'The preview could not be evaluated.',
            };
        const denied = a.objects.filter((o) => o.verdict === 'denied');
        const passes = a.objects.filter((o) => o.verdict === 'passes');
        return {
            path: a.file,
            start_line: a.line,
            end_line: a.line,
            annotation_level: a.stage === 'deny' && denied.length ? 'failure' : 'warning',
            title: `${a.name}: ${denied.length} objects would be denied, ${passes.length} would newly pass (${a.sampled.length} clusters sampled)`,
            message: `Under Deny this version would reject ${denied.length} objects on ${a.sampled.join(', ')}` +
                (denied.length ? `: ${summarise(denied.map(where))}.` : '.') +
                (passes.length ? ` It would newly admit: ${summarise(passes.map(where))}.` : ''),
            raw_details: (0,_arc_actions_report__WEBPACK_IMPORTED_MODULE_0__/* .bulletList */ .fF)(denied.map((o) => `${where(o)}: ${o.messages[0] ?? o.policies.join(', ')}`)).slice(0, 60_000),
        };
    });
}
/** At most this many objects per assignment go into the `result` output (job outputs are limited to 1 MB in all). */
const OUTPUT_OBJECTS = 200;
/** The preview for the `result` output: counts in full, objects capped (the report lists them all). */
function previewOutput(preview) {
    if (!preview)
        return undefined;
    return {
        ...preview,
        assignments: preview.assignments.map((a) => ({
            ...a,
            objects: a.objects.slice(0, OUTPUT_OBJECTS),
            ...(a.objects.length > OUTPUT_OBJECTS ? { objectsOmitted: a.objects.length - OUTPUT_OBJECTS } : {}),
        })),
    };
}


/***/ }),

/***/ 97893:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  p: () => (/* binding */ runRollout)
});

// EXTERNAL MODULE: ./packages/core/src/index.ts + 8 modules
var src = __webpack_require__(34786);
// EXTERNAL MODULE: ./packages/azure/src/index.ts + 31 modules
var azure_src = __webpack_require__(64601);
// EXTERNAL MODULE: ./packages/report/src/index.ts + 13 modules
var report_src = __webpack_require__(6662);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./actions/policy-rollout/src/compliance.ts


/** The row label of each cluster, by key: its name, or its id where two clusters share the name. */
const labelsOf = (clusters) => (0,azure_src/* clusterLabels */.EC)(clusters.map((c) => ({ id: c.id, key: c.id.toLowerCase(), name: c.name })));
/** A stable key per violating object, for comparing evaluations. */
const violationKey = (v) => `${v.cluster}|${v.policy}|${v.kind}|${v.namespace ?? ''}/${v.name}`;
function violationsOf(e, state = 'NonCompliant') {
    const names = labelsOf(e.clusters);
    return e.components
        .filter((c) => c.complianceState === state && names.has(c.clusterId.toLowerCase()))
        .map((c) => ({ cluster: names.get(c.clusterId.toLowerCase()), policy: c.policy, kind: c.kind, namespace: c.namespace, name: c.name }))
        .sort((a, b) => violationKey(a).localeCompare(violationKey(b)));
}
/** The objects an exemption takes out of the evaluation: listed in every report, so an exemption is never silent. */
const exemptionsOf = (e) => violationsOf(e, 'Exempt');
function complianceMatrix(e, policies) {
    const matrix = new Map();
    const names = labelsOf(e.clusters);
    for (const label of names.values())
        matrix.set(label, new Map(policies.map((p) => [p, { state: 'No data', violations: 0 }])));
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

// EXTERNAL MODULE: ./actions/policy-rollout/src/preview/render.ts
var render = __webpack_require__(61755);
;// CONCATENATED MODULE: ./actions/policy-rollout/src/publish.ts



/** The sticky comment's group: one comment per pull request for every policy file. */
const COMMENT_GROUP = 'policies';
/**
 * What policy-rollout publishes to GitHub once its result is written (summary and outputs first): the check run with
 * annotations at each assignment's line, and the sticky pull-request comment with the compliance snapshot. A refusal
 * or failure from GitHub is a warning naming the permission (publishOrWarn); the run's result is unchanged.
 */
async function publishRollout(octokit, target, result, options) {
    const { outcomes, preview, markdown } = result;
    if (target.sha) {
        const conclusion = options.conclusion;
        const check = await (0,report_src/* publishOrWarn */.hA)('check run', () => (0,report_src/* publishCheckRun */.Nm)(octokit, {
            owner: target.owner,
            repo: target.repo,
            name: options.checkName,
            headSha: target.sha,
            conclusion,
            title: conclusion === 'success' ? `${outcomes.length} assignments, ${result.violations} NonCompliant objects` : options.title,
            summary: markdown,
            annotations: [...annotations(outcomes), ...(preview ? (0,render/* previewAnnotations */.vy)(preview) : [])],
        }));
        if (check)
            result.checkRun = { id: check.id, conclusion };
    }
    const pullRequest = target.pullRequest;
    if (pullRequest && options.comment) {
        const snapshot = {
            ...(options.previous ?? {}),
            ...Object.fromEntries(outcomes.map((o) => [o.name, o.violations.map(violationKey)])),
        };
        const comment = await (0,report_src/* publishOrWarn */.hA)('pull request comment', () => (0,report_src/* upsertStickyComment */.qD)(octokit, {
            owner: target.owner,
            repo: target.repo,
            issueNumber: pullRequest,
            action: 'policy-rollout',
            group: COMMENT_GROUP,
            body: `${encodeSnapshot(snapshot)}\n${markdown}`,
        }));
        if (comment)
            result.comment = { id: comment.id, outcome: comment.outcome };
    }
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
    return {
        clusters: clusters.rows.map((c) => ({
            id: c.id,
            name: c.name,
            connectivityStatus: c.connectivityStatus,
            lastConnectivityTime: c.lastConnectivityTime,
        })),
        clusterLocations: Object.fromEntries(clusters.rows.map((c) => [c.id.toLowerCase(), c.location])),
        policyExtension: Object.fromEntries(extensions.rows.map((e) => [(0,azure_src/* clusterKeyOf */.lE)(e.id), e.provisioningState])),
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



/**
 * What policy-rollout accepts as the definition of an assignment. Reads and writes of assignments and definitions are
 * the policy module's (packages/azure/src/policy); they are re-exported here for the modules of this action.
 */

const KUBERNETES_MODE = 'Microsoft.Kubernetes.Data';
const isGuid = (text) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);
/**
 * Resolves what an assignment refers to before anything is written, and refuses what cannot be assigned: a
 * definition or set that does not exist, or one that is not `Microsoft.Kubernetes.Data` (every member of a set).
 * A bare GUID is looked up as a built-in definition first, then as a built-in set. `where` is `file line N:
 * assignment "x"`, so the error names the file and line.
 */
async function resolveDefinition(clients, fallbackSubscription, definition, where) {
    const refuse = (message) => {
        throw new src/* ConfigurationError */.j1(`${where} ${message}`, 'policies');
    };
    const asDefinition = async (id) => {
        const found = await (0,azure_src/* readDefinitionById */.e_)(clients, fallbackSubscription, id);
        if (!found)
            return undefined;
        checkMode(found, id, refuse);
        return { id, kind: 'definition', policies: [id.split('/').pop()], version: found.version };
    };
    const asSet = async (id) => {
        const found = await (0,azure_src/* readSetById */.ZH)(clients, fallbackSubscription, id);
        if (!found)
            return undefined;
        const members = found.policyDefinitions ?? [];
        if (!members.length)
            refuse(`uses the initiative ${id}, which has no policy definitions.`);
        for (const m of members) {
            const memberId = m.policyDefinitionId ?? '';
            const member = await (0,azure_src/* readDefinitionById */.e_)(clients, fallbackSubscription, memberId);
            if (!member)
                refuse(`uses the initiative ${id}, whose member ${memberId} does not exist.`);
            checkMode(member, memberId, refuse, id);
        }
        return {
            id,
            kind: 'set',
            policies: members.map((d) => policyKey(d.policyDefinitionReferenceId, d.policyDefinitionId)),
            version: found.version,
        };
    };
    if (isGuid(definition)) {
        const guid = definition.toLowerCase();
        const resolved = (await asDefinition(`/providers/Microsoft.Authorization/policyDefinitions/${guid}`)) ??
            (await asSet(`/providers/Microsoft.Authorization/policySetDefinitions/${guid}`));
        return (resolved ??
            refuse(`uses ${definition}, which is neither a built-in policy definition nor a built-in initiative; check the GUID, or give the full id of a custom one.`));
    }
    const isSet = /\/policySetDefinitions\//i.test(definition);
    const resolved = isSet ? await asSet(definition) : await asDefinition(definition);
    return (resolved ??
        refuse(`uses ${definition}, which does not exist (Azure answered ${isSet ? 'PolicySetDefinitionNotFound' : 'PolicyDefinitionNotFound'} at its scope); check the id and that the definition is created before the assignment.`));
}
/** Whether a definition's effect (its literal, or its effect parameter's default) is DeployIfNotExists or Modify. */
function deploys(found) {
    const effect = String(found.policyRule?.then?.effect ?? '');
    const ref = /^\[parameters\('([^']+)'\)\]$/i.exec(effect)?.[1];
    const value = String(ref ? (found.parameters?.[ref]?.defaultValue ?? '') : effect).toLowerCase();
    return value === 'deployifnotexists' || value === 'modify';
}
function checkMode(found, id, refuse, set) {
    if ((found.mode ?? '').toLowerCase() === KUBERNETES_MODE.toLowerCase())
        return;
    const what = set ? `the initiative ${set}, whose member ${id}` : `the definition ${id}`;
    if (deploys(found))
        refuse(`uses ${what}${found.displayName ? ` ("${found.displayName}")` : ''}, a DeployIfNotExists or Modify definition: it has no audit → deny stage for the promotion gate to judge; list it under bootstrap:, which gives it an identity, its roles and remediation.`);
    refuse(`uses ${what}${found.displayName ? ` ("${found.displayName}")` : ''} has mode "${found.mode ?? 'none'}"; policy-rollout assigns Kubernetes policies only (mode ${KUBERNETES_MODE}): choose a Kubernetes definition or initiative.`);
}
/**
 * The policies an assignment evaluates, named as its policy states name them: reference ids for an initiative (read
 * at its own scope), the definition name for a single definition.
 */
async function policiesOf(clients, fallbackSubscription, definitionId) {
    if (!/\/policySetDefinitions\//i.test(definitionId))
        return [definitionId.split('/').pop()];
    const set = await (0,azure_src/* readSetById */.ZH)(clients, fallbackSubscription, definitionId);
    if (!set)
        throw new Error(`The policy set definition ${definitionId} does not exist.`);
    return (set.policyDefinitions ?? []).map((d) => policyKey(d.policyDefinitionReferenceId, d.policyDefinitionId));
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

;// CONCATENATED MODULE: ./actions/policy-rollout/src/exemptions.ts






const assignmentIdOf = (a) => `${a.scope}/providers/Microsoft.Authorization/policyAssignments/${a.name}`;
/**
 * Every exemption names policies its assignment has (reference ids of the initiative, or the definition's name).
 * Read-only; runs before anything is written, so a typo fails the run with nothing changed.
 */
async function validateExemptions(ctx, set) {
    for (const e of set.exemptions) {
        if (!e.policies.length)
            continue;
        const assignment = set.assignments.find((a) => a.name === e.assignment);
        const known = assignment.definitionId.startsWith('custom:')
            ? [assignment.definitionId.slice(7)]
            : await policiesOf(ctx.clients, ctx.subscriptionId, resolveDefinitionId(assignment, definitionScope));
        const unknown = e.policies.filter((p) => !known.some((k) => k.toLowerCase() === p.toLowerCase()));
        if (unknown.length)
            throw new src/* ConfigurationError */.j1(`${e.file} line ${e.line}: exemption "${e.name}" names ${unknown.join(', ')}, which assignment "${assignment.name}" does not have; its policies are: ${known.join(', ')}.`, 'policies');
    }
}
function desiredExemption(e, assignment) {
    return {
        policyAssignmentId: assignmentIdOf(assignment),
        policyDefinitionReferenceIds: [...e.policies].sort(),
        exemptionCategory: e.category,
        expiresOn: e.expiresOn ?? null,
        displayName: e.displayName ?? e.name,
        description: e.description ?? null,
    };
}
function comparable(actual) {
    if (!actual)
        return undefined;
    const expires = actual.expiresOn ? new Date(actual.expiresOn).toISOString() : null;
    return {
        policyAssignmentId: String(actual.policyAssignmentId ?? ''),
        policyDefinitionReferenceIds: [...(actual.policyDefinitionReferenceIds ?? [])].sort(),
        exemptionCategory: actual.exemptionCategory,
        expiresOn: expires,
        displayName: actual.displayName ?? null,
        description: actual.description ?? null,
    };
}
/** Plan (or apply) the exemptions of the assignments in this run. */
async function rolloutExemptions(ctx, set, assignments) {
    if (ctx.mode === 'promote')
        return [];
    const write = ctx.mode === 'apply' && !ctx.dryRun;
    const verb = write ? 'was' : 'would be';
    const names = new Set(assignments.map((a) => a.name));
    const outcomes = [];
    for (const e of set.exemptions.filter((x) => names.has(x.assignment))) {
        const assignment = assignments.find((a) => a.name === e.assignment);
        const desired = desiredExemption(e, assignment);
        const actual = await (0,azure_src/* readExemption */.Wc)(ctx.clients, ctx.subscriptionId, `${e.scope}/providers/Microsoft.Authorization/policyExemptions/${e.name}`);
        const current = comparable(actual);
        // Ids come back in any casing: compare the assignment id case-insensitively.
        const fields = (0,src/* diffFields */.p5)(current ? { ...current, policyAssignmentId: current.policyAssignmentId.toLowerCase() } : undefined, {
            ...desired,
            policyAssignmentId: desired.policyAssignmentId.toLowerCase(),
        }).map((f) => (f.path === 'policyAssignmentId' ? { ...f, after: desired.policyAssignmentId } : f));
        const base = {
            name: e.name,
            scope: e.scope,
            assignment: e.assignment,
            file: e.file,
            line: e.line,
            category: e.category,
            expiresOn: e.expiresOn,
            policies: e.policies,
        };
        if (e.expiresOn && Date.parse(e.expiresOn) <= ctx.now()) {
            outcomes.push({
                ...base,
                action: 'expired',
                written: false,
                fields: [],
                message: `Exemption ${e.name} expired on ${e.expiresOn}: Azure no longer honours it; remove it from ${e.file} (apply then deletes it) or give it a new expires-on.`,
            });
            continue;
        }
        const action = !actual ? 'create' : fields.length ? 'update' : 'unchanged';
        if (write && action !== 'unchanged') {
            await (0,azure_src/* writeExemption */.nM)(ctx.clients, ctx.subscriptionId, e.scope, e.name, {
                policyAssignmentId: desired.policyAssignmentId,
                policyDefinitionReferenceIds: desired.policyDefinitionReferenceIds.length ? desired.policyDefinitionReferenceIds : undefined,
                exemptionCategory: e.category,
                expiresOn: e.expiresOn ? new Date(e.expiresOn) : undefined,
                displayName: desired.displayName,
                description: e.description,
                metadata: { [METADATA_KEY]: { specHash: specHash(desired), provenance: ctx.provenance } },
            });
            src/* log */.Rm.info(`Wrote policy exemption ${e.name} at ${e.scope}.`);
        }
        outcomes.push({
            ...base,
            action,
            written: write && action !== 'unchanged',
            fields,
            message: action === 'unchanged'
                ? `Exemption ${e.name} is unchanged.`
                : `Exemption ${e.name} ${verb} ${action === 'create' ? 'created' : `updated (${fields.map((f) => f.path).join(', ')})`}.`,
        });
    }
    outcomes.push(...(await removedExemptions(ctx, set, assignments, write)));
    return outcomes;
}
/** Exemptions arc-actions wrote (metadata.arcActions) for these assignments that are no longer in the files. */
async function removedExemptions(ctx, set, assignments, write) {
    const out = [];
    const wanted = new Set(set.exemptions.map((e) => `${e.scope}/providers/Microsoft.Authorization/policyExemptions/${e.name}`.toLowerCase()));
    for (const assignment of assignments) {
        const { scope, where } = graphScopeOf(assignment.scope);
        const rows = await (0,azure_src/* listExemptionsOf */.Ku)(ctx.clients, assignmentIdOf(assignment), scope, where);
        if (!rows.complete)
            throw new Error(`Not every page of the exemptions of ${assignment.name} could be read; refusing to decide what to delete.`);
        for (const row of rows.rows) {
            if (!row.metadata?.[METADATA_KEY] || wanted.has(row.id.toLowerCase()))
                continue;
            const exemptionScope = row.id.replace(/\/providers\/Microsoft\.Authorization\/policyExemptions\/[^/]+$/i, '');
            if (write) {
                await (0,azure_src/* deleteExemption */.Nu)(ctx.clients, ctx.subscriptionId, exemptionScope, row.name);
                src/* log */.Rm.info(`Deleted policy exemption ${row.name} at ${exemptionScope}: it is no longer in the policy files.`);
            }
            out.push({
                name: row.name,
                scope: exemptionScope,
                assignment: assignment.name,
                action: 'delete',
                written: write,
                fields: [],
                policies: [],
                message: `Exemption ${row.name} ${write ? 'was' : 'would be'} deleted: arc-actions wrote it and it is no longer in the policy files.`,
            });
        }
    }
    return out;
}
const ICON = {
    create: '🆕 create',
    update: '✏️ update',
    unchanged: '✔️ unchanged',
    expired: '⌛ expired',
    delete: '🗑️ delete',
};
function renderExemptions(outcomes, now) {
    if (!outcomes.length)
        return undefined;
    const left = (at) => (at ? `${at.slice(0, 10)} (${Math.ceil((Date.parse(at) - now) / 86_400_000)} days)` : 'never');
    return (0,report_src/* blocks */.Bv)((0,report_src/* heading */.R_)('Exemptions', 3), (0,report_src/* table */.tp)(['Exemption', 'Assignment', 'Scope', 'Category', 'Policies', 'Expires', 'Action'], outcomes.map((o) => [
        o.name,
        o.assignment,
        (0,report_src/* code */.aY)(o.scope),
        o.category ?? '',
        o.policies.join(', ') || 'all',
        o.action === 'delete' ? '' : left(o.expiresOn),
        ICON[o.action],
    ])));
}

;// CONCATENATED MODULE: ./actions/policy-rollout/src/fleet-actions.ts


/**
 * After apply: every cluster in scope gets the azurepolicy extension (created only where it is missing or Failed,
 * through the one extension installer: identity on Arc clusters, the final state awaited, a Failed install reported
 * with the extension's own error), and a compliance evaluation is triggered once per subscription, so the next plan
 * or promote has fresh data.
 */
async function ensurePolicyExtensions(clients, clusterIds, installed, options = {}) {
    const missing = clusterIds.filter((id) => installed[id.toLowerCase()] !== 'Succeeded');
    const installer = new azure_src/* ExtensionInstaller */.C$(clients, new src/* RetryBudget */.HD(20), options);
    const results = await (0,src/* mapSettled */.AW)(missing, 8, async (id) => {
        const cluster = (0,azure_src/* parseClusterId */.Hy)(id, 'policies');
        const { plan } = await installer.ensure(cluster, { name: 'azurepolicy', extensionType: 'Microsoft.PolicyInsights', autoUpgradeMinorVersion: true }, 'present');
        if (plan.action !== 'unchanged')
            src/* log */.Rm.info(`Installed the azurepolicy extension on ${cluster.name}.`);
        return id;
    });
    return {
        created: results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])),
        failed: results.flatMap((r, i) => (r.status === 'rejected' ? [{ cluster: missing[i], error: (0,src/* errorMessage */.gJ)(r.reason) }] : [])),
    };
}
/** Starts a policy evaluation for each subscription (or resource group) the assignments cover; does not wait. */
const triggerEvaluations = (clients, outcomes) => (0,azure_src/* triggerEvaluations */.Ym)(clients, outcomes.map((o) => o.scope));

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
    .regex(/^([0-9a-fA-F-]{36}|(\/providers\/Microsoft\.Management\/managementGroups\/[-\w().]{1,90}|\/subscriptions\/[0-9a-fA-F-]{36})?\/providers\/Microsoft\.Authorization\/(policyDefinitions|policySetDefinitions)\/[-\w.]{1,128}|custom:[A-Za-z0-9][-A-Za-z0-9_.]{0,63})$/, 'must be a built-in definition or initiative GUID, a definition or initiative id (/providers/Microsoft.Authorization/policySetDefinitions/<guid>, or a custom one under /subscriptions/<guid> or /providers/Microsoft.Management/managementGroups/<id>), or custom:<name> of a definition in these files');
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
/** A resource id (a connected cluster), a resource group, a subscription or a management group. */
const exemptionScope = schemas/* string */.YjP()
    .regex(/^(\/providers\/Microsoft\.Management\/managementGroups\/[-\w().]{1,90}|\/subscriptions\/[0-9a-fA-F-]{36}(\/resourceGroups\/[-\w.()]{1,90}(\/providers\/[\w.]+\/[\w]+\/[-\w.()]{1,253})?)?)$/, 'must be a cluster (/subscriptions/<guid>/resourceGroups/<rg>/providers/Microsoft.Kubernetes/connectedClusters/<name>), a resource group, a subscription or a management group');
/** A Microsoft.Authorization/policyExemptions resource: time-boxed relief from one assignment (or some of its policies). */
const exemptionSchema = schemas/* strictObject */.rej({
    name: schema_name,
    'display-name': schemas/* string */.YjP().max(128).optional(),
    description: schemas/* string */.YjP().max(512).optional(),
    /** The name of an assignment in these files. */
    assignment: schema_name,
    scope: exemptionScope,
    category: schemas/* enum */.k5n(['Waiver', 'Mitigated']),
    /** ISO 8601 date or date-time (UTC when no offset); required for a Waiver. */
    'expires-on': schemas/* string */.YjP().optional(),
    /** policyDefinitionReferenceIds of the assignment's initiative; empty or absent exempts from every policy. */
    policies: schemas/* array */.YOg(schemas/* string */.YjP().min(1)).optional(),
});
/**
 * A DeployIfNotExists (or Modify) assignment that makes a cluster landing in the scope converge on its own: it gets a
 * system-assigned identity (in `location`), the roles its definition's `roleDefinitionIds` name at the scope, and a
 * remediation task for the clusters that were there before it.
 */
const bootstrapSchema = schemas/* strictObject */.rej({
    name: schema_name,
    'display-name': schemas/* string */.YjP().max(128).optional(),
    description: schemas/* string */.YjP().max(512).optional(),
    scope,
    /** A built-in definition GUID or a definition id; or instead: */
    definition: definition.optional(),
    /** A custom DeployIfNotExists definition (policy definition JSON, relative to this file), written at the scope. */
    'definition-file': schemas/* string */.YjP().min(1).optional(),
    location: schemas/* string */.YjP().regex(/^[a-z0-9]+$/, 'must be an Azure region name such as westeurope (where the managed identity lives)'),
    parameters: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).optional(),
    /** Create remediation tasks for clusters already in scope and NonCompliant (default true). */
    remediate: schemas/* boolean */.zMY().optional(),
});
/** A role of an Entra principal (the on-call group) at a scope, for the whole fleet below it. */
const accessSchema = schemas/* strictObject */.rej({
    'principal-id': schemas/* string */.YjP()
        .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'must be the object id (a GUID) of the Entra group'),
    'principal-type': schemas/* enum */.k5n(['Group', 'User', 'ServicePrincipal']).optional(),
    role: schemas/* string */.YjP().min(1),
    scope,
    description: schemas/* string */.YjP().max(512).optional(),
});
const policyFileSchema = schemas/* strictObject */.rej({
    assignments: schemas/* array */.YOg(assignmentSchema).optional(),
    bootstrap: schemas/* array */.YOg(bootstrapSchema).optional(),
    access: schemas/* array */.YOg(accessSchema).optional(),
    definitions: schemas/* array */.YOg(customDefinitionSchema).optional(),
    exemptions: schemas/* array */.YOg(exemptionSchema).optional(),
});

;// CONCATENATED MODULE: ./actions/policy-rollout/src/policy-file/exemptions.ts

/** `expires-on`: a date (midnight UTC) or a date-time; anything Date cannot read is refused. */
function expiry(value, fail) {
    if (value === undefined)
        return undefined;
    const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
    const at = /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : NaN;
    if (Number.isNaN(at))
        fail(['expires-on'], `expires-on "${value}" is not an ISO 8601 date or date-time such as 2026-09-30 or 2026-09-30T18:00:00Z.`);
    return new Date(at).toISOString();
}
function toExemption(e, file, line, fail) {
    if (e.category === 'Waiver' && !e['expires-on'])
        fail(['category'], `exemption "${e.name}" is a Waiver without expires-on; a waiver is time-boxed, so give it an end date.`);
    return {
        file,
        line,
        name: e.name,
        displayName: e['display-name'],
        description: e.description,
        assignment: e.assignment,
        scope: e.scope,
        category: e.category,
        expiresOn: expiry(e['expires-on'], fail),
        policies: e.policies ?? [],
    };
}
/**
 * Exemptions name an assignment of these files, sit at or below its scope (as far as ids tell: management-group
 * membership is checked by Azure), and are unique per scope and name.
 */
function checkExemptions(exemptions, assignments) {
    const seen = new Map();
    for (const e of exemptions) {
        const at = `${e.file} line ${e.line}`;
        const key = `${e.scope.toLowerCase()}|${e.name.toLowerCase()}`;
        const before = seen.get(key);
        if (before)
            throw new src/* ConfigurationError */.j1(`${at}: exemption "${e.name}" at ${e.scope} is already defined in ${before.file} line ${before.line}.`, 'policies');
        seen.set(key, e);
        const assignment = assignments.find((a) => a.name === e.assignment);
        if (!assignment)
            throw new src/* ConfigurationError */.j1(`${at}: exemption "${e.name}" names the assignment "${e.assignment}", which is not in the policy files (they define: ${assignments.map((a) => a.name).join(', ')}).`, 'policies');
        const scope = assignment.scope.toLowerCase();
        if (scope.startsWith('/subscriptions/') && e.scope.toLowerCase() !== scope && !e.scope.toLowerCase().startsWith(`${scope}/`))
            throw new src/* ConfigurationError */.j1(`${at}: exemption "${e.name}" is at ${e.scope}, which is not at or below ${assignment.scope}, the scope of assignment "${assignment.name}".`, 'policies');
    }
}

;// CONCATENATED MODULE: ./actions/policy-rollout/src/policy-file/bootstrap.ts



/**
 * The Arc Kubernetes built-in roles an `access:` entry may grant, with their role definition GUIDs
 * (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/containers). The Cluster User Role
 * is what `az connectedk8s proxy` needs to list the cluster user credential; the other four are the in-cluster
 * Kubernetes RBAC roles Azure RBAC maps through cluster connect.
 */
const ARC_KUBERNETES_ROLES = {
    'Azure Arc Kubernetes Viewer': '63f0a09d-1495-4db4-a681-037d84835eb4',
    'Azure Arc Kubernetes Writer': '5b999177-9696-4545-85c7-50de3797e5a1',
    'Azure Arc Kubernetes Admin': 'dffb1e0c-446f-4dde-a09f-99eb5cc68b96',
    'Azure Arc Kubernetes Cluster Admin': '8393591c-06b9-48a2-a542-1bd6b377f6a2',
    'Azure Arc Enabled Kubernetes Cluster User Role': '00493d72-78f6-4148-b6c5-d3ce8e4799dd',
};
/** Reads a `definition-file`: a policy definition JSON (`{ name?, properties: { policyRule, parameters… } }`) in the workspace. */
function customDefinition(b, dir, root, fail) {
    const path = (0,external_node_path_.resolve)(dir, b['definition-file']);
    if (!(0,external_node_fs_.existsSync)(path))
        fail(['definition-file'], `definition-file ${b['definition-file']} does not exist (paths are relative to the policy file).`);
    const real = (0,external_node_fs_.realpathSync)(path);
    if (!real.startsWith(root + '/'))
        fail(['definition-file'], `definition-file ${b['definition-file']} is outside the workspace.`);
    let json = {};
    try {
        json = JSON.parse((0,external_node_fs_.readFileSync)(real, 'utf8'));
    }
    catch (error) {
        fail(['definition-file'], `definition-file ${b['definition-file']} is not JSON (${error.message}).`);
    }
    if (!json.properties?.policyRule?.then?.details?.deployment)
        fail(['definition-file'], `definition-file ${b['definition-file']} has no properties.policyRule.then.details.deployment; it must be a DeployIfNotExists policy definition.`);
    const name = typeof json.name === 'string' && /^[-\w.]{1,64}$/.test(json.name) ? json.name : b.name;
    return { file: (0,external_node_path_.relative)(root, real), name, properties: json.properties };
}
function toBootstrap(b, file, line, fail, dir, root) {
    if (!b.definition === !b['definition-file'])
        fail([b.definition ? 'definition-file' : 'name'], `bootstrap assignment "${b.name}" needs exactly one of definition (a built-in GUID or definition id) and definition-file (a custom definition JSON).`);
    const custom = b['definition-file'] ? customDefinition(b, dir, root, fail) : undefined;
    const home = b.scope.includes('/resourceGroups/') ? b.scope.slice(0, b.scope.indexOf('/resourceGroups/')) : b.scope;
    if (b.scope.startsWith('/providers/Microsoft.Management') && b.name.length > 24)
        fail(['name'], `bootstrap assignment name "${b.name}" is ${b.name.length} characters; at management-group scope Azure allows at most 24.`);
    const parameters = { ...(b.parameters ?? {}) };
    const effect = parameters.effect;
    if (effect !== undefined && !['deployifnotexists', 'modify'].includes(String(effect).toLowerCase()))
        fail(['parameters', 'effect'], `bootstrap assignment "${b.name}" sets parameters.effect to "${String(effect)}"; a bootstrap assignment deploys, so only DeployIfNotExists or Modify are allowed (or leave effect out).`);
    return {
        file,
        line,
        name: b.name,
        displayName: b['display-name'],
        description: b.description,
        scope: b.scope,
        definitionId: custom
            ? `${home}/providers/Microsoft.Authorization/policyDefinitions/${custom.name}`
            : /^[0-9a-f-]{36}$/i.test(b.definition)
                ? `/providers/Microsoft.Authorization/policyDefinitions/${b.definition.toLowerCase()}`
                : b.definition,
        custom,
        location: b.location,
        parameters,
        remediate: b.remediate ?? true,
    };
}
function toAccess(a, file, line, fail) {
    const role = Object.keys(ARC_KUBERNETES_ROLES).find((r) => r.toLowerCase() === a.role.toLowerCase());
    if (!role)
        fail(['role'], `access role "${a.role}" is not allowed; use one of: ${Object.keys(ARC_KUBERNETES_ROLES).join(', ')}.`);
    return {
        file,
        line,
        principalId: a['principal-id'].toLowerCase(),
        principalType: a['principal-type'] ?? 'Group',
        role: role,
        roleDefinitionId: `/providers/Microsoft.Authorization/roleDefinitions/${ARC_KUBERNETES_ROLES[role]}`,
        scope: a.scope,
        description: a.description,
    };
}
/** Bootstrap names are unique per scope, and no bootstrap entry may share its name with an assignment there. */
function checkBootstrap(bootstrap, assignments) {
    const seen = new Map();
    for (const b of [...assignments, ...bootstrap]) {
        const k = `${b.scope.toLowerCase()}|${b.name.toLowerCase()}`;
        const before = seen.get(k);
        if (before)
            throw new src/* ConfigurationError */.j1(`${b.file} line ${b.line}: "${b.name}" at ${b.scope} is already defined in ${before.file} line ${before.line}.`, 'policies');
        seen.set(k, b);
    }
}

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
    const set = {
        assignments: [],
        definitions: [],
        exemptions: [],
        bootstrap: [],
        access: [],
        files: files.map((f) => (0,external_node_path_.relative)(root, f)),
    };
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
    (parsed.bootstrap ?? []).forEach((b, i) => set.bootstrap.push(toBootstrap(b, rel, at('bootstrap', i), (path, message) => fail(at('bootstrap', i, ...path), message), (0,external_node_path_.dirname)(file), root)));
    (parsed.access ?? []).forEach((a, i) => set.access.push(toAccess(a, rel, at('access', i), (path, message) => fail(at('access', i, ...path), message))));
    (parsed.exemptions ?? []).forEach((e, i) => set.exemptions.push(toExemption(e, rel, at('exemptions', i), (path, message) => fail(at('exemptions', i, ...path), message))));
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
    const definitionId = /^[0-9a-f-]{36}$/i.test(a.definition) ? a.definition.toLowerCase() : a.definition;
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
    const parsed = (0,src/* parseYamlSafely */.Xf)(template, (0,external_node_path_.relative)(root, real), 'policies').value;
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
    if (!set.assignments.length && !set.bootstrap.length && !set.access.length)
        throw new src/* ConfigurationError */.j1(`The policy files (${set.files.join(', ')}) define no assignments, bootstrap or access entries.`, 'policies');
    checkBootstrap(set.bootstrap, set.assignments);
    checkExemptions(set.exemptions, set.assignments);
}

;// CONCATENATED MODULE: ./actions/policy-rollout/src/provenance.ts
/** Where a write came from (packages/core: repository, commit, run URL, workflow, actor). */


;// CONCATENATED MODULE: ./actions/policy-rollout/src/render.ts

const render_ICON = {
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
    const overview = (0,report_src/* table */.tp)(['Assignment', 'Action', 'Effect', 'Clusters', 'NonCompliant objects', 'Exempt objects', 'New since last run'], outcomes.map((o) => [
        `${o.name}${o.ring ? ` (ring ${o.ring})` : ''}`,
        ACTION[o.action],
        o.effectBefore && o.effectBefore !== o.effectAfter ? `${o.effectBefore} → ${o.effectAfter}` : o.effectAfter,
        String(o.clusters),
        String(o.violations.length),
        String(o.exemptObjects.length),
        options.diffs[o.name]?.previous ? `+${options.diffs[o.name].added.length} / −${options.diffs[o.name].resolved.length}` : 'n/a',
    ]));
    return (0,report_src/* blocks */.Bv)((0,report_src/* heading */.R_)(`Policy rollout: ${options.mode}${options.dryRun ? ' (dry run)' : ''}`, 2), outcomes.length ? `${outcomes.length} assignments, ${total} NonCompliant objects in scope.` : undefined, outcomes.length ? overview : undefined, outcomes.length > 1
        ? (0,report_src/* barChart */.S9)('NonCompliant objects per assignment', outcomes.map((o) => [o.name, o.violations.length]), { yLabel: 'objects' })
        : undefined, ...(options.sections ?? []), ...outcomes.map((o) => renderAssignment(o, options.diffs[o.name])));
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
    if (o.exemptObjects.length) {
        parts.push(`**Exempt:** ${o.exemptObjects.length} objects are exempted from this assignment; they are not counted as NonCompliant and Deny would not reject them:`, (0,report_src/* table */.tp)(['Cluster', 'Policy', 'Kind', 'Namespace', 'Name'], o.exemptObjects.map((v) => [v.cluster, v.policy, v.kind, v.namespace ?? '', v.name])));
    }
    if (diff?.previous) {
        parts.push(`**Since the previous evaluation:** ${diff.added.length} new, ${diff.resolved.length} resolved, ${diff.unchanged.length} unchanged violations.`, diff.added.length ? (0,report_src/* details */.zH)('New violations', (0,report_src/* bulletList */.fF)(diff.added.map(report_src/* code */.aY))) : undefined, diff.resolved.length ? (0,report_src/* details */.zH)('Resolved violations', (0,report_src/* bulletList */.fF)(diff.resolved.map(report_src/* code */.aY))) : undefined);
    }
    return (0,report_src/* blocks */.Bv)(...parts);
}
function cell(c) {
    if (!c)
        return '—';
    return `${render_ICON[c.state] ?? '⚪'} ${c.state}${c.violations ? ` (${c.violations})` : ''}`;
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
            // Exempt is an evaluated state too: the cluster is covered by an exemption (its objects are listed apart).
            else if (!['Compliant', 'NonCompliant', 'Exempt'].includes(s.complianceState))
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
function rollout_comparable(body) {
    const record = (body ?? {});
    return Object.fromEntries(OWNED.map((key) => {
        const value = record[key];
        return [key, value === undefined || (Array.isArray(value) && value.length === 0) ? null : value];
    }));
}
/** The definition of a `custom:<name>` assignment: written by this action where {@link definitionScope} says. */
function customResolved(spec) {
    return { id: resolveDefinitionId(spec, definitionScope), kind: 'definition', policies: [spec.definitionId.slice(7)] };
}
async function rolloutAssignment(spec, ctx, resolved) {
    const assignmentId = `${spec.scope}/providers/Microsoft.Authorization/policyAssignments/${spec.name}`;
    const definitionId = resolved.id;
    const actual = await (0,azure_src/* readAssignment */.K6)(ctx.clients, ctx.subscriptionId, spec.scope, spec.name);
    const meta = (actual?.metadata?.[METADATA_KEY] ?? undefined);
    const effectBefore = effectOf(actual);
    const custom = spec.definitionId.startsWith('custom:') ? ctx.definitions.find((d) => d.name === spec.definitionId.slice(7)) : undefined;
    const policies = resolved.policies;
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
        exempt: exemptionsOf(evidence).length,
        exemptObjects: exemptionsOf(evidence),
        complete: Object.values(evidence.complete).every(Boolean),
        clusterIds: evidence.clusters.map((c) => c.id),
        policyExtension: evidence.policyExtension,
    };
    if (ctx.mode === 'promote')
        return promote(spec, ctx, { actual, meta, definitionId, evidence, base, ringLocations: ringSpec?.locations, custom, resolved });
    // Fail closed: an assignment whose scope (or ring) holds no cluster evaluates nothing, and a plan of nothing is
    // not green. Refused before any write.
    if (evidence.clusters.length === 0 && !ctx.allowEmpty) {
        return {
            ...base,
            action: 'refused',
            written: false,
            fields: [],
            effectAfter: effectBefore ?? 'none',
            message: `${spec.name}: no connected cluster is in its scope ${spec.scope}${ringSpec ? ` within ring ${ringSpec.name} (locations ${ringSpec.locations.join(', ')})` : ''}, so nothing would be evaluated; ` +
                'check the scope and the ring locations, or set "allow-empty: true" where an empty scope is expected. Nothing was written.',
        };
    }
    // plan and apply: Audit for anything new; `stage: deny` is reached only through the gated promote.
    const deniedRings = spec.stage === 'audit' ? [] : (meta?.deniedRings ?? []);
    const effect = spec.stage === 'audit' || !effectBefore || effectBefore === 'Audit' ? 'Audit' : 'Deny';
    const desired = desiredAssignment(spec, definitionId, effect, deniedRings);
    const fields = (0,src/* diffFields */.p5)(rollout_comparable(actual), rollout_comparable(desired));
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
    if (await customDefinitionCurrent(def, spec, ctx))
        return false;
    await (0,azure_src/* writeCustomDefinition */.kg)(ctx.clients, ctx.subscriptionId, scope, def.name, {
        ...body,
        metadata: { [METADATA_KEY]: { specHash: hash, provenance: ctx.provenance } },
    });
    src/* log */.Rm.info(`Wrote custom definition ${def.name} at ${scope}.`);
    return true;
}
/** Whether the custom definition in Azure (at its own scope) is the one the file describes. */
async function customDefinitionCurrent(def, spec, ctx) {
    const actual = await (0,azure_src/* readCustomDefinition */.n8)(ctx.clients, ctx.subscriptionId, definitionScope(spec), def.name);
    return (actual?.metadata?.[METADATA_KEY]?.specHash ===
        specHash(desiredCustomDefinition(def)));
}
async function write(spec, ctx, desired, actualMetadata, ours) {
    const kept = Object.fromEntries(Object.entries(actualMetadata ?? {}).filter(([k]) => !ARM_METADATA.includes(k) && k !== METADATA_KEY));
    const metadata = {
        ...kept,
        [METADATA_KEY]: { ...ours, specHash: specHash(desired), provenance: ctx.provenance, writtenAt: new Date(ctx.now()).toISOString() },
    };
    await (0,azure_src/* writeAssignment */.Jc)(ctx.clients, ctx.subscriptionId, spec.scope, spec.name, { ...desired, metadata });
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
        exemptObjects: [],
        complete: false,
        clusterIds: [],
        policyExtension: {},
        message,
    };
}
/** `1.*.*` or `2.0.0` → `1` / `2`: assignments pin a definition's major version. */
const major = (version) => (typeof version === 'string' ? version.split('.')[0] : undefined);
/**
 * What the gate did not see: every difference between the assignment the file describes (as apply would write it
 * now) and the one in Azure, except the effect that promote changes. The gate judges the assignment in Azure, so
 * promote may write only the effect; anything else has to go through apply and an evaluation first.
 */
async function drift(spec, ctx, s) {
    const actual = s.actual;
    const asApplied = desiredAssignment(spec, s.definitionId, 'Audit', s.meta?.deniedRings ?? []);
    const withoutEffect = (body) => {
        const c = rollout_comparable(body);
        const { effect: _effect, ...parameters } = (c.parameters ?? {});
        return { ...c, parameters };
    };
    const before = withoutEffect(actual);
    const after = withoutEffect(asApplied);
    const differences = (0,src/* diffFields */.p5)(before, after).map((f) => f.path);
    // diffFields looks only at the keys the file has: a parameter set in Azure that the file no longer sets differs too.
    for (const key of Object.keys(before.parameters))
        if (!(key in after.parameters) && !differences.includes(`parameters.${key}`))
            differences.push(`parameters.${key}`);
    const pinned = major(actual.definitionVersion);
    const current = major(s.resolved.version);
    if (pinned && current && pinned !== current)
        differences.push(`definitionVersion (${String(actual.definitionVersion)} in Azure, the definition is now ${s.resolved.version})`);
    if (s.custom && !(await customDefinitionCurrent(s.custom, spec, ctx)))
        differences.push(`custom definition ${s.custom.name} (the file's ConstraintTemplate or values)`);
    return differences;
}
async function promote(spec, ctx, s) {
    const { actual, meta, base } = s;
    const refuse = (effectAfter, message, gate) => ({
        ...base,
        action: 'refused',
        written: false,
        fields: [],
        effectAfter,
        gate,
        message,
    });
    if (!actual)
        return refuse('none', `${spec.name} does not exist yet: run mode apply first.`);
    const deniedRings = meta?.deniedRings ?? [];
    const effect = base.effectBefore ?? 'Audit';
    const already = ctx.ring ? effect === 'Deny' || deniedRings.includes(ctx.ring) : effect === 'Deny';
    const outOfOrder = already ? undefined : ringOrderRefusal(spec, ctx.ring, deniedRings);
    if (outOfOrder)
        return refuse(effect, outOfOrder);
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
    const differences = await drift(spec, ctx, s);
    if (differences.length)
        return refuse(effect, `Promotion of ${ctx.ring ? `ring ${ctx.ring} of ${spec.name}` : spec.name} refused: the policy file differs from the assignment in Azure in ${differences.join(', ')}, ` +
            'and the gate can only judge what Azure evaluated; run apply and wait for an evaluation, then promote. Nothing was written.');
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
    if (!gate.passed)
        return refuse(effect, `Promotion of ${target} refused: ${gate.conditions
            .filter((c) => !c.passed)
            .map((c) => c.detail)
            .join(' ')}`, gate);
    const nextRings = ctx.ring ? [...deniedRings, ctx.ring] : [];
    const desired = desiredAssignment(spec, s.definitionId, ctx.ring ? 'Audit' : 'Deny', nextRings);
    const fields = (0,src/* diffFields */.p5)(rollout_comparable(actual), rollout_comparable(desired));
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
/**
 * One ring at a time, in the order of the file: a ring is promoted only after every ring before it is Deny, and the
 * whole assignment only after all its rings are (an assignment without rings is promoted whole).
 */
function ringOrderRefusal(spec, ring, deniedRings) {
    const order = spec.rings.map((r) => r.name);
    const upTo = ring ? order.indexOf(ring) : order.length;
    const pending = order.slice(0, upTo).filter((r) => !deniedRings.includes(r));
    if (!pending.length)
        return undefined;
    return `Promotion of ${ring ? `ring ${ring} of ${spec.name}` : `all of ${spec.name}`} refused: rings are promoted one at a time in the order of ${spec.file}, and ${pending.join(', ')} ${pending.length > 1 ? 'are' : 'is'} not Deny yet; promote ring ${pending[0]} first.`;
}

// EXTERNAL MODULE: ./packages/kube/src/index.ts + 10 modules
var kube_src = __webpack_require__(43694);
;// CONCATENATED MODULE: ./actions/policy-rollout/src/preview/classify.ts
const emptyCounts = () => ({ evaluated: 0, wouldBeDenied: 0, newlyDenied: 0, wouldNewlyPass: 0, unchanged: 0 });
function addCounts(a, b) {
    return {
        evaluated: a.evaluated + b.evaluated,
        wouldBeDenied: a.wouldBeDenied + b.wouldBeDenied,
        newlyDenied: a.newlyDenied + b.newlyDenied,
        wouldNewlyPass: a.wouldNewlyPass + b.wouldNewlyPass,
        unchanged: a.unchanged + b.unchanged,
    };
}
const objectKey = (o) => `${o.kind}|${o.namespace ?? ''}|${o.name}`;
function verdicts(violations, policyOf, evaluated) {
    const out = new Map();
    for (const v of violations) {
        const policy = policyOf.get(v.constraint);
        const k = objectKey(v);
        // Only verdicts on the objects this assignment evaluates, from its own constraints, count.
        if (!policy || !evaluated.has(k))
            continue;
        const entry = out.get(k) ?? { policies: new Set(), messages: [] };
        if (!entry.policies.has(policy))
            entry.messages.push(v.message);
        entry.policies.add(policy);
        out.set(k, entry);
    }
    return out;
}
/**
 * Splits the evaluated objects of one cluster by their verdict under Deny: denied by the PR's version (new or not),
 * newly admitted (denied by the current version only), unchanged (admitted by both). `before` is undefined for an
 * assignment that does not exist yet.
 */
function classify(cluster, evaluated, after, before, policyOf) {
    const keys = new Set(evaluated.map(objectKey));
    const denied = verdicts(after, policyOf, keys);
    const deniedBefore = before ? verdicts(before, policyOf, keys) : new Map();
    const counts = emptyCounts();
    const objects = [];
    for (const o of evaluated) {
        const k = objectKey(o);
        counts.evaluated++;
        const now = denied.get(k);
        const then = deniedBefore.get(k);
        const base = { cluster, kind: o.kind, namespace: o.namespace, name: o.name };
        if (now) {
            counts.wouldBeDenied++;
            if (!then)
                counts.newlyDenied++;
            objects.push({ ...base, verdict: 'denied', new: !then, policies: [...now.policies].sort(), messages: now.messages });
        }
        else if (then) {
            counts.wouldNewlyPass++;
            objects.push({ ...base, verdict: 'passes', new: false, policies: [...then.policies].sort(), messages: then.messages });
        }
        else
            counts.unchanged++;
    }
    return { counts, objects };
}

;// CONCATENATED MODULE: ./actions/policy-rollout/src/preview/cluster-objects.ts
/** More objects than this in one cluster and the preview refuses to guess: it reports the cluster as not read. */
const MAX_OBJECTS = 50_000;
const PAGE = 500;
const kindKey = (group, kind) => `${group}/${kind}`;
function clean(item, apiVersion, kind) {
    const { managedFields: _m, ...metadata } = (item.metadata ?? {});
    return JSON.parse(JSON.stringify({ ...item, apiVersion, kind, metadata }));
}
/**
 * Reads the cluster read-only (list calls only, 500 a page): Namespaces, then each kind in `kinds` across all
 * namespaces at its group's preferred version. A kind the cluster does not serve has no objects.
 */
async function readClusterObjects(kc, kinds) {
    const k8s = await __webpack_require__.e(/* import() */ 433).then(__webpack_require__.bind(__webpack_require__, 14433));
    const objects = k8s.KubernetesObjectApi.makeApiClient(kc);
    const groups = new Map([['', 'v1']]);
    if (kinds.some((k) => k.group !== '')) {
        const apis = await kc.makeApiClient(k8s.ApisApi).getAPIVersions();
        for (const g of apis.groups ?? [])
            if (g.preferredVersion?.groupVersion)
                groups.set(g.name, g.preferredVersion.groupVersion);
    }
    let count = 0;
    const list = async (apiVersion, kind) => {
        const out = [];
        let token;
        do {
            let page;
            try {
                page = await objects.list(apiVersion, kind, undefined, undefined, undefined, undefined, undefined, undefined, PAGE, token);
            }
            catch (error) {
                // Discovery found no such kind at this version: the cluster serves none of these objects.
                if (/Unrecognized API version and kind/i.test(String(error?.message)))
                    return out;
                throw error;
            }
            for (const item of page.items)
                out.push(clean(item, apiVersion, kind));
            count += page.items.length;
            if (count > MAX_OBJECTS)
                throw new Error(`the cluster has more than ${MAX_OBJECTS} objects of the previewed kinds; the preview does not sample within a cluster`);
            token = page.metadata?._continue || undefined;
        } while (token);
        return out;
    };
    const namespaces = await list('v1', 'Namespace');
    const byKind = new Map();
    for (const { group, kind } of kinds) {
        const key = kindKey(group, kind);
        if (byKind.has(key))
            continue;
        if (group === '' && kind === 'Namespace') {
            byKind.set(key, namespaces);
            continue;
        }
        const apiVersion = groups.get(group);
        byKind.set(key, apiVersion ? await list(apiVersion, kind) : []);
    }
    return { namespaces, byKind, count };
}

;// CONCATENATED MODULE: ./actions/policy-rollout/src/preview/constraints.ts

/** How policies are named in reports and policy states: the reference id in an initiative, else the definition name. */
const policyName = (p) => p.referenceId || p.definitionId.split('/').pop() || p.definitionId;
function templateInfoOf(details) {
    if (details.templateInfo && typeof details.templateInfo === 'object')
        return details.templateInfo;
    if (typeof details.constraintTemplate === 'string')
        return { sourceType: 'PublicURL', url: details.constraintTemplate };
    return undefined;
}
/**
 * Evaluates `[parameters('x')]` and `[parameters('x').a.b]` against the parameter values, inside objects and arrays
 * too; other values pass through.
 */
function resolveParameters(value, parameters) {
    if (Array.isArray(value))
        return value.map((v) => resolveParameters(v, parameters));
    if (value && typeof value === 'object')
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveParameters(v, parameters)]));
    if (typeof value !== 'string')
        return value;
    const ref = /^\[parameters\('([^']+)'\)((?:\.\w+)*)\]$/.exec(value);
    if (!ref)
        return value;
    let out = parameters[ref[1]];
    for (const key of ref[2].split('.').filter(Boolean))
        out = out?.[key];
    return out;
}
function constraintName(template, assignmentId, definitionId, referenceId = '') {
    const hash = (0,external_node_crypto_.createHash)('sha256').update(`${assignmentId}|${definitionId}|${referenceId}`.toLowerCase()).digest('hex').slice(0, 20);
    return `azurepolicy-${template.slice(0, 30)}-${hash}`;
}
/** The constraint the add-on would create for one policy of an assignment. */
function buildConstraint(input) {
    const { policy, template } = input;
    const defaults = Object.fromEntries(Object.entries(policy.declared).map(([k, p]) => [k, p?.defaultValue]));
    const params = { ...defaults, ...policy.values };
    const resolve = (value) => resolveParameters(value, params);
    const details = policy.details;
    const parameters = Object.fromEntries(Object.entries((details.values ?? {})).map(([k, v]) => [k, resolve(v)]));
    const excludedNamespaces = resolve(details.excludedNamespaces);
    const namespaces = resolve(details.namespaces);
    const labelSelector = resolve(details.labelSelector);
    const apiGroups = resolve(details.apiGroups) ?? [''];
    const kinds = resolve(details.kinds) ?? ['Pod'];
    const info = templateInfoOf(details);
    const constraintUrl = typeof details.constraint === 'string' ? details.constraint : info?.url;
    return {
        apiVersion: 'constraints.gatekeeper.sh/v1beta1',
        kind: template.kind,
        metadata: {
            name: constraintName(template.name, input.assignmentId, policy.definitionId, policy.referenceId),
            labels: { 'managed-by': 'azure-policy-addon' },
            annotations: {
                'azure-policy-assignment-id': input.assignmentId,
                'azure-policy-definition-id': policy.definitionId,
                'azure-policy-definition-reference-id': policy.referenceId ?? '',
                'azure-policy-setdefinition-id': input.setDefinitionId ?? '',
                'constraint-installed-by': 'azure-policy-addon',
                ...(constraintUrl ? { 'constraint-url': constraintUrl } : {}),
            },
        },
        spec: {
            enforcementAction: input.enforcementAction,
            match: {
                kinds: [{ apiGroups, kinds }],
                ...(excludedNamespaces?.length ? { excludedNamespaces } : {}),
                ...(namespaces?.length ? { namespaces } : {}),
                ...(labelSelector && Object.keys(labelSelector).length ? { labelSelector } : {}),
            },
            // A template without a parameter schema (Gatekeeper v1) takes no spec.parameters: nothing to pass, no field.
            ...(Object.keys(parameters).length ? { parameters } : {}),
        },
    };
}
/** The kinds a constraint matches, as `group/Kind` keys ("" is the core group). */
function matchedKinds(c) {
    const kinds = (c.spec.match.kinds ?? []);
    return kinds.flatMap((k) => (k.apiGroups ?? ['']).flatMap((group) => (k.kinds ?? []).map((kind) => ({ group, kind }))));
}

;// CONCATENATED MODULE: ./actions/policy-rollout/src/preview/definitions.ts


const guidOf = (id) => id.split('/').pop();
const BUILT_IN = /^\/providers\/Microsoft\.Authorization\//i;
/** Reads definitions through @azure/arm-policy, once per run and id. */
class DefinitionReader {
    clients;
    subscriptionId;
    cache = new Map();
    constructor(clients, subscriptionId) {
        this.clients = clients;
        this.subscriptionId = subscriptionId;
    }
    once(key, read) {
        let p = this.cache.get(key);
        if (!p)
            this.cache.set(key, (p = read()));
        return p;
    }
    /** A policy definition's properties; for a built-in with `version` (`6.*.*`), the newest version of that major. */
    definition(id, version) {
        return this.once(`def|${id.toLowerCase()}|${version ?? ''}`, async () => {
            const name = guidOf(id);
            const found = await (0,azure_src/* readDefinitionById */.e_)(this.clients, this.subscriptionId, id);
            if (!found)
                throw new Error(`The policy definition ${id} does not exist.`);
            const props = found;
            const major = version?.split('.')[0];
            if (!BUILT_IN.test(id) || !major || major === '*' || String(props.version ?? '').split('.')[0] === major)
                return props;
            const versions = (await (0,azure_src/* listBuiltInDefinitionVersions */.Yh)(this.clients, this.subscriptionId, name));
            const match = versions
                .filter((v) => String(v.version ?? '').split('.')[0] === major)
                .sort((a, b) => String(b.version).localeCompare(String(a.version), undefined, { numeric: true }))[0];
            if (!match)
                throw new Error(`The built-in definition ${name} has no version ${version} (versions: ${versions.map((v) => v.version).join(', ') || 'none'}).`);
            return match;
        });
    }
    set(id) {
        return this.once(`set|${id.toLowerCase()}`, async () => {
            const found = await (0,azure_src/* readSetById */.ZH)(this.clients, this.subscriptionId, id);
            if (!found)
                throw new Error(`The policy set definition ${id} does not exist.`);
            return found;
        });
    }
}
const withoutEffect = (values) => Object.fromEntries(Object.entries(values).filter(([k]) => k !== 'effect'));
function policyOf(definitionId, props, values, referenceId) {
    return {
        definitionId,
        referenceId,
        version: props.version,
        declared: props.parameters ?? {},
        details: props.policyRule?.then?.details ?? {},
        values: withoutEffect(values),
    };
}
/**
 * The Kubernetes policies an assignment evaluates, with their parameter values: one for a definition; for an
 * initiative, one per member with the member's parameters resolved against the assignment's values and the
 * initiative's defaults, at the member's pinned major version.
 */
async function assignmentPolicies(reader, ref) {
    const custom = (id) => ref.custom?.[id.toLowerCase()];
    if (!/\/policySetDefinitions\//i.test(ref.definitionId)) {
        const props = custom(ref.definitionId) ?? (await reader.definition(ref.definitionId, ref.definitionVersion));
        return { policies: [policyOf(ref.definitionId, props, ref.parameters)] };
    }
    const set = await reader.set(ref.definitionId);
    const defaults = Object.fromEntries(Object.entries((set.parameters ?? {})).map(([k, p]) => [k, p.defaultValue]));
    const params = { ...defaults, ...ref.parameters };
    const policies = [];
    for (const member of (set.policyDefinitions ?? [])) {
        const props = custom(member.policyDefinitionId) ?? (await reader.definition(member.policyDefinitionId, member.definitionVersion));
        const values = Object.fromEntries(Object.entries(member.parameters ?? {}).map(([k, v]) => [k, resolveParameters(v?.value, params)]));
        policies.push(policyOf(member.policyDefinitionId, props, values, member.policyDefinitionReferenceId));
    }
    return { setDefinitionId: ref.definitionId, policies };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
;// CONCATENATED MODULE: ./actions/policy-rollout/src/preview/gator.ts







const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
/**
 * Gatekeeper's own engine for the deny-impact preview: `gator test` (open-policy-agent/gatekeeper cmd/gator/test):
 * `--filename` (repeatable) reads templates, constraints and objects; `--output json` prints every violation as
 * `{ msg, constraint, enforcementAction, violatingObject, ... }` (`null` when there is none); the exit code is 1 when a
 * `deny` constraint is violated and also when gator fails (then stdout is empty and stderr says why).
 */
const GATOR_VERSION = 'v3.23.0';
/**
 * SHA-256 of the release assets `gator-<version>-<os>-<arch>.tar.gz` (listed in the release's sha256sums.txt).
 * None is pinned yet: the checksums could not be read from a trusted source when this was written, and a download is
 * refused without one (take gator from PATH instead). Add the values from the release's sha256sums.txt to enable it.
 */
const GATOR_SHA256 = {
    'linux-amd64': undefined,
    'linux-arm64': undefined,
    'darwin-amd64': undefined,
    'darwin-arm64': undefined,
};
class GatorUnavailableError extends Error {
    name = 'GatorUnavailableError';
}
function onPath(env = process.env) {
    for (const dir of (env.PATH ?? '').split(external_node_path_.delimiter).filter(Boolean)) {
        const candidate = (0,external_node_path_.join)(dir, 'gator');
        try {
            (0,external_node_fs_.accessSync)(candidate, external_node_fs_.constants.X_OK);
            return candidate;
        }
        catch {
            /* next */
        }
    }
    return undefined;
}
function platform() {
    const arch = process.arch === 'x64' ? 'amd64' : process.arch;
    return `${process.platform}-${arch}`;
}
const releaseAsset = (version = GATOR_VERSION, os = platform()) => `gator-${version}-${os}.tar.gz`;
const releaseUrl = (version = GATOR_VERSION, os = platform()) => `https://github.com/open-policy-agent/gatekeeper/releases/download/${version}/${releaseAsset(version, os)}`;
const unpinned = (asset) => new GatorUnavailableError(`gator is not on PATH, and no SHA-256 is pinned for ${asset} in this action, so it refuses to download it; put gator ${GATOR_VERSION} on PATH (for example go install github.com/open-policy-agent/gatekeeper/v3/cmd/gator@${GATOR_VERSION}) or set preview-access: none.`);
/** Checks an archive against the pinned checksum, then unpacks its `gator` into `dir`. Refuses without a checksum. */
async function verifyAndUnpack(archive, expectedSha256, dir, asset) {
    if (!expectedSha256)
        throw unpinned(asset);
    const actual = (0,external_node_crypto_.createHash)('sha256').update(archive).digest('hex');
    if (actual !== expectedSha256.toLowerCase())
        throw new GatorUnavailableError(`The download of ${asset} has SHA-256 ${actual}, not the pinned ${expectedSha256}; refusing to run it.`);
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    const file = (0,external_node_path_.join)(dir, asset);
    (0,external_node_fs_.writeFileSync)(file, archive);
    await run('tar', ['-xzf', file, '-C', dir, 'gator']);
    (0,external_node_fs_.rmSync)(file, { force: true });
    return (0,external_node_path_.join)(dir, 'gator');
}
/** gator from PATH, else the pinned release downloaded into RUNNER_TEMP and checked against its SHA-256. */
async function locateGator(env = process.env) {
    const found = onPath(env);
    if (found)
        return { path: found, source: 'PATH' };
    const os = platform();
    const asset = releaseAsset(GATOR_VERSION, os);
    const dir = (0,external_node_path_.join)(env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), `arc-actions-gator-${GATOR_VERSION}`);
    if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'gator')))
        return { path: (0,external_node_path_.join)(dir, 'gator'), source: 'download' };
    const expected = GATOR_SHA256[os];
    if (!expected)
        throw unpinned(asset);
    let archive;
    try {
        const response = await fetch(releaseUrl(GATOR_VERSION, os), { signal: AbortSignal.timeout(120_000), redirect: 'follow' });
        if (!response.ok)
            throw new Error(`HTTP ${response.status}`);
        archive = Buffer.from(await response.arrayBuffer());
    }
    catch (error) {
        throw new GatorUnavailableError(`gator is not on PATH and ${releaseUrl(GATOR_VERSION, os)} could not be downloaded: ${(0,src/* errorMessage */.gJ)(error)}.`);
    }
    src/* log */.Rm.info(`Downloaded ${asset} (${archive.length} bytes).`);
    return { path: await verifyAndUnpack(archive, expected, dir, asset), source: 'download' };
}
/**
 * Runs gator with stdin closed: gator reads stdin as one more source whenever it is not a terminal, so an open pipe
 * would block it forever.
 */
function runGator(path, args) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(path, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 10 * 60_000 });
        const out = [];
        const err = [];
        child.stdout.on('data', (d) => out.push(d));
        child.stderr.on('data', (d) => err.push(d));
        child.on('error', (error) => reject(new GatorError(`gator could not be started from ${path}: ${(0,src/* errorMessage */.gJ)(error)}`)));
        child.on('close', (code, signal) => resolve({
            code: code ?? signal ?? 'killed',
            stdout: Buffer.concat(out).toString('utf8'),
            stderr: Buffer.concat(err).toString('utf8'),
        }));
    });
}
class GatorError extends Error {
    name = 'GatorError';
}
/**
 * Runs `gator test --output json` over the given documents (templates, constraints, objects: each a file of JSON
 * documents separated by `---`). Anything but a JSON array (or `null`) on stdout is a failure with gator's message.
 */
async function gatorTest(gator, files) {
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'arc-gator-'));
    try {
        const args = ['test', '--output', 'json'];
        for (const [name, docs] of Object.entries(files)) {
            const path = (0,external_node_path_.join)(dir, `${name}.yaml`);
            (0,external_node_fs_.writeFileSync)(path, docs.map((d) => JSON.stringify(d)).join('\n---\n'));
            args.push('--filename', path);
        }
        const { code, stdout, stderr } = await runGator(gator.path, args);
        // Exit 1 with JSON on stdout: deny constraints were violated, which is what a preview looks for.
        if (code !== 0 && code !== 1)
            throw new GatorError(`gator test failed (${code}): ${(stderr || stdout).trim().split('\n').pop()}`);
        if (code === 1 && !stdout.trim())
            throw new GatorError(`gator test failed: ${stderr.trim().split('\n').pop() || 'no output'}`);
        let parsed;
        try {
            parsed = JSON.parse(stdout);
        }
        catch {
            throw new GatorError(`gator test did not answer with JSON: ${(stderr || stdout).trim().split('\n').slice(-2).join(' ') || 'no output'}`);
        }
        if (parsed === null)
            return [];
        if (!Array.isArray(parsed))
            throw new GatorError('gator test answered with JSON that is not a list of results.');
        return parsed.map((r) => ({
            constraint: String(r?.constraint?.metadata?.name ?? ''),
            kind: String(r?.violatingObject?.kind ?? ''),
            namespace: r?.violatingObject?.metadata?.namespace || undefined,
            name: String(r?.violatingObject?.metadata?.name ?? ''),
            message: String(r?.msg ?? ''),
            enforcementAction: String(r?.enforcementAction ?? ''),
        }));
    }
    finally {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./actions/policy-rollout/src/preview/sample.ts



/** The connected clusters an assignment's scope covers (optionally only those in `locations`), from Resource Graph. */
async function clustersInScope(clients, scope, locations) {
    const { scope: graphScope, where } = graphScopeOf(scope);
    const result = await (0,azure_src/* queryGraph */.xk)(clients, [
        "resources\n| where type =~ 'microsoft.kubernetes/connectedclusters'",
        ...where,
        ...(locations?.length ? [`| where location in~ (${locations.map(azure_src/* kqlString */.aX).join(', ')})`] : []),
        '| project id, name, location, resourceGroup, subscriptionId, connectivityStatus = tostring(properties.connectivityStatus)',
        '| order by name asc',
    ].join('\n'), graphScope);
    return { clusters: result.rows, complete: result.complete };
}
/** Which clusters of those in scope the preview reads: with kubeconfig access, those that have one; at most max. */
function chooseSample(inScope, options) {
    const notSampled = [];
    const candidates = [];
    for (const c of inScope) {
        if (options.access === 'kubeconfig' && !(c.name in options.kubeconfigs))
            notSampled.push({ cluster: c.name, reason: 'no kubeconfig' });
        else
            candidates.push(c);
    }
    const sampled = candidates.slice(0, options.maxClusters);
    for (const c of candidates.slice(options.maxClusters))
        notSampled.push({ cluster: c.name, reason: `beyond preview-max-clusters (${options.maxClusters})` });
    return { sampled, notSampled };
}
/** Opens one cluster read-only, runs `read`, and closes whatever was opened (the cluster connect proxy). */
async function withCluster(cluster, options, port, read) {
    if (options.access === 'kubeconfig') {
        const kubeconfig = options.kubeconfigs[cluster.name];
        if (!kubeconfig)
            throw new Error('no kubeconfig for this cluster in "kubeconfigs"');
        return read(await (0,kube_src/* loadKubeConfig */.u3)({ kubeconfig, input: 'kubeconfigs' }));
    }
    const session = await (0,kube_src/* startClusterConnect */.N7)(cluster, { port, login: options.login });
    try {
        return await read(await (0,kube_src/* loadKubeConfig */.u3)({ kubeconfig: session.kubeconfig, input: 'kubeconfigs' }));
    }
    finally {
        await session.stop();
    }
}

;// CONCATENATED MODULE: ./actions/policy-rollout/src/preview/templates.ts


/** The public store that built-in Kubernetes definitions name in `templateInfo.url`. */
const POLICY_STORE = 'https://store.policy.core.windows.net';
/** Set to another HTTPS base URL to fetch the store's templates from a stand-in (the sandbox sets it). */
const STORE_OVERRIDE = 'ARC_POLICY_STORE_URL';
const MAX_TEMPLATE_BYTES = 1024 * 1024;
/** A template that cannot be had: the preview of its policy is reported as not evaluated, with this reason. */
class TemplateError extends Error {
    name = 'TemplateError';
}
function toTemplate(text, source) {
    let object;
    try {
        object = (0,dist/* parse */.qg)(text);
    }
    catch (error) {
        throw new TemplateError(`The template from ${source} is not YAML: ${(0,src/* errorMessage */.gJ)(error).split('\n')[0]}.`);
    }
    const kind = object?.spec?.crd?.spec?.names?.kind;
    const name = object?.metadata?.name;
    if (object?.kind !== 'ConstraintTemplate' || !String(object?.apiVersion ?? '').startsWith('templates.gatekeeper.sh/') || !kind || !name)
        throw new TemplateError(`The template from ${source} is not a Gatekeeper ConstraintTemplate with metadata.name and spec.crd.spec.names.kind.`);
    return { name: String(name), kind: String(kind), source, object };
}
/** Where a store URL is fetched from: the store itself, or the stand-in named by ARC_POLICY_STORE_URL. */
function storeLocation(url, env = process.env) {
    const override = env[STORE_OVERRIDE]?.replace(/\/+$/, '');
    if (override && url.toLowerCase().startsWith(`${POLICY_STORE}/`))
        return `${override}${url.slice(POLICY_STORE.length)}`;
    return url;
}
async function download(url) {
    const location = storeLocation(url);
    if (!location.startsWith('https://'))
        throw new TemplateError(`The template URL ${url} is not HTTPS; only HTTPS templates are fetched.`);
    let lastError = '';
    for (let attempt = 1; attempt <= 3; attempt++) {
        try {
            const response = await fetch(location, { signal: AbortSignal.timeout(30_000), redirect: 'follow' });
            if (response.status === 404)
                throw new TemplateError(`The template ${url} does not exist (HTTP 404).`);
            if (!response.ok)
                throw new Error(`HTTP ${response.status}`);
            const text = await response.text();
            if (Buffer.byteLength(text) > MAX_TEMPLATE_BYTES)
                throw new TemplateError(`The template ${url} is larger than 1 MiB.`);
            return text;
        }
        catch (error) {
            if (error instanceof TemplateError)
                throw error;
            lastError = (0,src/* errorMessage */.gJ)(error);
            await new Promise((r) => setTimeout(r, 500 * attempt));
        }
    }
    throw new TemplateError(`The template ${url} could not be downloaded after 3 attempts (${lastError}).`);
}
/** Fetches (once per run and URL) or decodes the ConstraintTemplate a definition names. */
class TemplateResolver {
    cache = new Map();
    resolve(info) {
        if (!info)
            return Promise.reject(new TemplateError('The definition has no policyRule.then.details.templateInfo.'));
        const type = String(info.sourceType ?? '').toLowerCase();
        if (type === 'base64encoded') {
            if (!info.content)
                return Promise.reject(new TemplateError('templateInfo is Base64Encoded but its content is empty.'));
            const text = Buffer.from(info.content, 'base64').toString('utf8');
            return Promise.resolve().then(() => toTemplate(text, 'Base64Encoded'));
        }
        if (type === 'publicurl' && info.url) {
            const url = info.url;
            let pending = this.cache.get(url);
            if (!pending) {
                pending = download(url).then((text) => toTemplate(text, url));
                this.cache.set(url, pending);
            }
            return pending;
        }
        return Promise.reject(new TemplateError(`templateInfo.sourceType ${info.sourceType || '(empty)'} is not PublicURL with a url or Base64Encoded with content.`));
    }
}

;// CONCATENATED MODULE: ./actions/policy-rollout/src/preview/run.ts











const plain = (params) => Object.fromEntries(Object.entries(params ?? {}).map(([k, v]) => [k, v?.value]));
const EVALUATED_FIELDS = new Set(['policyDefinitionId', 'parameters']);
async function buildSide(reader, templates, assignmentId, ref) {
    const { setDefinitionId, policies } = await assignmentPolicies(reader, ref);
    const side = { templates: [], constraints: [], policyOf: new Map(), policies: [] };
    const seen = new Map();
    for (const policy of policies) {
        const name = policyName(policy);
        side.policies.push(name);
        let template;
        try {
            template = await templates.resolve(templateInfoOf(policy.details));
        }
        catch (error) {
            throw new Error(`${name}: ${(0,src/* errorMessage */.gJ)(error)}`, { cause: error });
        }
        if (!seen.has(template.name)) {
            seen.set(template.name, template);
            side.templates.push(template);
        }
        const constraint = buildConstraint({ assignmentId, setDefinitionId, policy, template, enforcementAction: 'deny' });
        side.constraints.push(constraint);
        side.policyOf.set(constraint.metadata.name, name);
    }
    return side;
}
/**
 * The deny-impact preview of a plan: for every assignment whose evaluated content changes (new assignment,
 * definition, parameters, or the Rego of its custom definition), the live objects of a sample of the clusters in
 * its scope are evaluated with gator against the constraints of the PR's version and of the version in Azure, both
 * under Deny. Clusters are read once each, read-only.
 */
async function runPreview(ctx, specs, outcomes, deps = {}) {
    const reader = new DefinitionReader(ctx.clients, ctx.subscriptionId);
    const templates = new TemplateResolver();
    const result = { assignments: [], skipped: [] };
    const targets = [];
    for (const outcome of outcomes) {
        const spec = specs.find((s) => s.name === outcome.name && s.scope === outcome.scope);
        if (!spec || outcome.action === 'refused')
            continue;
        const definitionId = resolveDefinitionId(spec, definitionScope);
        const customSpec = spec.definitionId.startsWith('custom:')
            ? ctx.definitions.find((d) => d.name === spec.definitionId.slice(7))
            : undefined;
        const custom = customSpec ? { [definitionId.toLowerCase()]: desiredCustomDefinition(customSpec) } : undefined;
        const preview = {
            name: spec.name,
            file: spec.file,
            line: spec.line,
            stage: spec.stage,
            status: 'evaluated',
            compared: false,
            policies: [],
            inScope: 0,
            sampled: [],
            unreadable: [],
            notSampled: [],
            clusters: [],
            totals: emptyCounts(),
            objects: [],
        };
        try {
            const actual = await (0,azure_src/* readAssignment */.K6)(ctx.clients, ctx.subscriptionId, spec.scope, spec.name);
            const afterRef = {
                definitionId,
                parameters: plain(desiredAssignment(spec, definitionId, 'Deny').parameters),
                custom,
            };
            const beforeRef = actual?.policyDefinitionId
                ? {
                    definitionId: actual.policyDefinitionId,
                    definitionVersion: actual.definitionVersion,
                    parameters: plain(actual.parameters),
                }
                : undefined;
            const after = await buildSide(reader, templates, outcome.id, afterRef);
            const before = beforeRef ? await buildSide(reader, templates, outcome.id, beforeRef) : undefined;
            const evaluatedChanged = !before ||
                outcome.fields.some((f) => EVALUATED_FIELDS.has(f.path.split('.')[0])) ||
                JSON.stringify([after.templates.map((t) => t.object), after.constraints]) !==
                    JSON.stringify([before.templates.map((t) => t.object), before.constraints]);
            if (!evaluatedChanged) {
                result.skipped.push(spec.name);
                continue;
            }
            preview.compared = !!before;
            preview.policies = after.policies;
            const ring = ctx.options.ring ? spec.rings.find((r) => r.name === ctx.options.ring) : undefined;
            preview.ring = ring?.name;
            const inventory = await clustersInScope(ctx.clients, spec.scope, ring?.locations);
            if (!inventory.complete)
                throw new Error('not every page of the cluster inventory could be read from Resource Graph');
            const sample = chooseSample(inventory.clusters, ctx.options);
            preview.inScope = inventory.clusters.length;
            preview.notSampled = sample.notSampled;
            const kinds = [...after.constraints, ...(before?.constraints ?? [])].flatMap(matchedKinds);
            targets.push({ spec, outcome, after, before, kinds, inScope: inventory.clusters, sampled: sample.sampled, preview });
        }
        catch (error) {
            preview.status = 'failed';
            preview.reason = (0,src/* errorMessage */.gJ)(error);
        }
        result.assignments.push(preview);
    }
    if (!targets.length)
        return result;
    let gator;
    try {
        gator = deps.gator ?? (await locateGator());
        result.gator = { path: gator.path, source: gator.source };
    }
    catch (error) {
        for (const t of targets)
            Object.assign(t.preview, { status: 'failed', reason: (0,src/* errorMessage */.gJ)(error) });
        return result;
    }
    // Read each sampled cluster once, for the kinds of every assignment that samples it.
    const clusters = new Map();
    for (const t of targets) {
        for (const c of t.sampled) {
            const entry = clusters.get(c.id.toLowerCase()) ?? { cluster: c, kinds: [] };
            entry.kinds.push(...t.kinds);
            clusters.set(c.id.toLowerCase(), entry);
        }
    }
    const read = new Map();
    const list = [...clusters.values()];
    await (0,src/* mapSettled */.AW)(list, 2, async ({ cluster, kinds }, i) => {
        try {
            const objects = await withCluster(cluster, ctx.options, 47200 + i, (kc) => readClusterObjects(kc, kinds));
            read.set(cluster.id.toLowerCase(), objects);
            src/* log */.Rm.info(`Preview: read ${objects.count} objects of ${cluster.name}.`);
        }
        catch (error) {
            read.set(cluster.id.toLowerCase(), { error: (0,kube_src/* apiMessage */.SX)(error) });
        }
    });
    for (const t of targets) {
        try {
            await evaluateTarget(t, gator, read);
        }
        catch (error) {
            Object.assign(t.preview, { status: 'failed', reason: (0,src/* errorMessage */.gJ)(error) });
        }
    }
    return result;
}
async function evaluateTarget(t, gator, read) {
    const p = t.preview;
    if (!t.inScope.length) {
        throw new Error(`no cluster is in the scope of ${t.spec.name}${p.ring ? ` (ring ${p.ring})` : ''}, so there is nothing to evaluate: a preview of no cluster would prove nothing`);
    }
    if (!t.sampled.length)
        throw new Error(`none of the ${t.inScope.length} clusters in scope could be sampled (${p.notSampled[0]?.reason})`);
    const kindKeys = new Set(t.kinds.map((k) => kindKey(k.group, k.kind)));
    for (const cluster of t.sampled) {
        const objects = read.get(cluster.id.toLowerCase());
        if (!objects || 'error' in objects) {
            p.unreadable.push({ cluster: cluster.name, reason: objects?.error ?? 'not read' });
            continue;
        }
        p.sampled.push(cluster.name);
        const evaluated = new Map();
        for (const [key, list] of objects.byKind)
            if (kindKeys.has(key))
                for (const o of list)
                    evaluated.set(objectKey({ ...o, ...o.metadata }), o);
        const namespaces = objects.namespaces.filter((n) => !evaluated.has(objectKey({ kind: 'Namespace', name: n.metadata.name })));
        const docs = { objects: [...namespaces, ...evaluated.values()] };
        const after = await gatorTest(gator, { templates: t.after.templates.map((x) => x.object), constraints: t.after.constraints, ...docs });
        const before = t.before
            ? await gatorTest(gator, { templates: t.before.templates.map((x) => x.object), constraints: t.before.constraints, ...docs })
            : undefined;
        const policyOf = new Map([...(t.before?.policyOf ?? []), ...t.after.policyOf]);
        const list = [...evaluated.values()].map((o) => ({ kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name }));
        const { counts, objects: verdicts } = classify(cluster.name, list, after, before, policyOf);
        p.clusters.push({ cluster: cluster.name, ...counts });
        p.totals = addCounts(p.totals, counts);
        p.objects.push(...verdicts);
    }
    if (!p.sampled.length)
        throw new Error(`none of the ${t.sampled.length} sampled clusters could be read: ${p.unreadable.map((u) => `${u.cluster} (${u.reason})`).join('; ')}`);
}

;// CONCATENATED MODULE: ./actions/policy-rollout/src/bootstrap/access.ts


/**
 * The `access:` section: each principal (the on-call group) holds its Arc Kubernetes role at the scope, through a
 * role assignment named from scope, principal and role, so a rerun finds it and writes nothing.
 */
async function rolloutAccess(clients, subscriptionId, specs, writes) {
    const byScope = new Map();
    const out = [];
    for (const spec of specs) {
        const key = spec.scope.toLowerCase();
        if (!byScope.has(key))
            byScope.set(key, await (0,azure_src/* listRoleAssignmentsAt */.sd)(clients, subscriptionId, spec.scope));
        const base = {
            principalId: spec.principalId,
            principalType: spec.principalType,
            role: spec.role,
            scope: spec.scope,
            file: spec.file,
            line: spec.line,
        };
        if ((0,azure_src/* holdsRole */.vd)(byScope.get(key), spec.principalId, spec.roleDefinitionId)) {
            out.push({ ...base, action: 'unchanged', written: false });
            continue;
        }
        if (!writes) {
            out.push({ ...base, action: 'create', written: false });
            continue;
        }
        try {
            const result = await (0,azure_src/* createRoleAssignment */.QN)(clients, subscriptionId, spec.scope, (0,azure_src/* roleAssignmentName */.P_)(spec.scope, spec.principalId, spec.roleDefinitionId), {
                roleDefinitionId: spec.roleDefinitionId,
                principalId: spec.principalId,
                principalType: spec.principalType,
                description: spec.description ?? `${spec.role} for the fleet below ${spec.scope} (arc-actions policy-rollout access).`,
            });
            out.push({ ...base, action: result === 'created' ? 'created' : 'unchanged', written: result === 'created' });
        }
        catch (error) {
            const code = error.code;
            out.push({
                ...base,
                action: 'failed',
                written: false,
                error: code ? `Azure answered ${code}: ${(0,src/* errorMessage */.gJ)(error)}` : (0,src/* errorMessage */.gJ)(error),
            });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./actions/policy-rollout/src/bootstrap/remediate.ts




const remediate_graphScopeOf = (scope) => {
    const mg = /^\/providers\/Microsoft\.Management\/managementGroups\/([^/]+)$/i.exec(scope)?.[1];
    return mg ? { managementGroups: [mg] } : { subscriptions: [scope.split('/')[2]] };
};
/** Writes a `definition-file` definition at its scope when Azure does not hold this version of it (by hash). */
async function remediate_ensureCustomDefinition(r, ctx) {
    const custom = r.spec.custom;
    if (!custom)
        return false;
    const scope = r.spec.definitionId.replace(/\/providers\/Microsoft\.Authorization\/policyDefinitions\/[^/]+$/i, '');
    const hash = specHash(custom.properties);
    const actual = await (0,azure_src/* readCustomDefinition */.n8)(ctx.clients, ctx.subscriptionId, scope, custom.name);
    if (actual?.metadata?.[METADATA_KEY]?.specHash === hash)
        return false;
    await (0,azure_src/* writeCustomDefinition */.kg)(ctx.clients, ctx.subscriptionId, scope, custom.name, {
        ...custom.properties,
        policyType: 'Custom',
        metadata: { ...(custom.properties.metadata ?? {}), [METADATA_KEY]: { specHash: hash, provenance: ctx.provenance } },
    });
    src/* log */.Rm.info(`Wrote custom definition ${custom.name} (${custom.file}) at ${scope}.`);
    return true;
}
/**
 * The remediation of a bootstrap assignment: its NonCompliant clusters (Resource Graph, read completely or not at all),
 * one remediation task named from them (so a rerun finds it), followed until it ends, with its failed deployments.
 */
async function remediate(r, ctx, assignmentId, how) {
    const { spec } = r;
    if (!spec.remediate)
        return { action: 'skipped', clusters: 0, nonCompliant: 0 };
    if (how.wasCreated && !how.writes)
        return { action: 'deferred', clusters: 0, nonCompliant: 0 };
    const states = await (0,azure_src/* statesOfAssignment */.hP)(ctx.clients, assignmentId, remediate_graphScopeOf(spec.scope));
    // Fail closed: which clusters to remediate is not decided on a partial read.
    if (!states.complete)
        throw new Error(`Resource Graph did not return every page of the policy states of ${spec.name}; remediation was not decided.`);
    const within = spec.scope.toLowerCase().startsWith('/subscriptions/') ? spec.scope.toLowerCase() + '/' : '';
    const ids = states.rows
        .filter((s) => s.complianceState === 'NonCompliant' && s.resourceId.toLowerCase().startsWith(within))
        .map((s) => s.resourceId.toLowerCase())
        .sort();
    const base = { clusters: states.rows.length, nonCompliant: ids.length };
    if (!states.rows.length)
        return { action: 'deferred', ...base };
    if (!ids.length)
        return { action: 'none', ...base };
    const name = `arc-actions-${spec.name}-${(0,external_node_crypto_.createHash)('sha256').update(ids.join('\n')).digest('hex').slice(0, 10)}`;
    const found = await (0,azure_src/* readRemediation */.WB)(ctx.clients, spec.scope, name);
    if (!found && (!how.writes || how.blocked))
        return { name, action: how.blocked ? 'skipped' : 'create', ...base };
    if (!found)
        await (0,azure_src/* createRemediation */.A4)(ctx.clients, spec.scope, name, {
            policyAssignmentId: assignmentId,
            resourceDiscoveryMode: (0,azure_src/* discoveryModeFor */.Zq)(spec.scope),
        });
    const terminal = ['Succeeded', 'Failed', 'Canceled', 'Complete'];
    const done = await (0,src/* waitFor */.fm)(async () => {
        const current = await (0,azure_src/* readRemediation */.WB)(ctx.clients, spec.scope, name);
        return current && terminal.includes(String(current.provisioningState)) ? current : undefined;
    }, { timeoutMs: found ? 0 : ctx.remediationWaitMs, initialMs: 250, maxMs: 5000 });
    const current = done.value ?? (await (0,azure_src/* readRemediation */.WB)(ctx.clients, spec.scope, name));
    const total = current?.deploymentStatus?.totalDeployments ?? 0;
    const failed = current?.deploymentStatus?.failedDeployments ?? 0;
    const errors = failed
        ? (await (0,azure_src/* listRemediationDeployments */.aF)(ctx.clients, spec.scope, name))
            .filter((d) => d.status === 'Failed')
            .slice(0, 3)
            .map((d) => `${d.remediatedResourceId?.split('/').pop()}: ${d.error?.code ?? 'Failed'} ${d.error?.message ?? ''}`.trim())
        : undefined;
    return {
        name,
        action: found ? 'unchanged' : 'created',
        ...base,
        status: current?.provisioningState,
        deployments: { total, failed },
        ...(errors ? { errors } : {}),
    };
}

;// CONCATENATED MODULE: ./actions/policy-rollout/src/bootstrap/rollout.ts




/** The assignment as ARM should hold it: the definition, its parameters, and a system-assigned identity in `location`. */
function desiredBootstrap(r) {
    const { spec } = r;
    return {
        displayName: spec.displayName ?? spec.name,
        ...(spec.description ? { description: spec.description } : {}),
        policyDefinitionId: spec.definitionId,
        enforcementMode: 'Default',
        parameters: Object.fromEntries(Object.entries(spec.parameters).map(([k, value]) => [k, { value }])),
        identity: { type: 'SystemAssigned' },
        location: spec.location,
    };
}
const bootstrap_rollout_comparable = (body) => ({
    displayName: body?.displayName ?? null,
    description: body?.description ?? null,
    policyDefinitionId: String(body?.policyDefinitionId ?? '').toLowerCase(),
    enforcementMode: body?.enforcementMode ?? 'Default',
    parameters: body?.parameters && Object.keys(body.parameters).length ? body.parameters : null,
    identity: body?.identity?.type ?? 'None',
    location: String(body?.location ?? '')
        .toLowerCase()
        .replace(/\s+/g, ''),
});
/** The first sentence of an error, enough for a summary row (the whole error is in the result output and the log). */
const shortError = (error = '') => (/^Azure answered (\w+)/.exec(error)?.[0] ?? error.split(/(?<=\.)\s/)[0]).slice(0, 300);
async function rolloutBootstrap(r, ctx) {
    const { spec } = r;
    const id = `${spec.scope}/providers/Microsoft.Authorization/policyAssignments/${spec.name}`;
    const actual = (await (0,azure_src/* readAssignment */.K6)(ctx.clients, ctx.subscriptionId, spec.scope, spec.name));
    const desired = desiredBootstrap(r);
    const fields = (0,src/* diffFields */.p5)(bootstrap_rollout_comparable(actual), bootstrap_rollout_comparable(desired)).map((f) => f.path);
    const action = !actual ? 'create' : fields.length ? 'update' : 'unchanged';
    const writes = ctx.mode === 'apply' && !ctx.dryRun;
    let principalId = actual?.identity?.principalId;
    let written = writes ? await remediate_ensureCustomDefinition(r, ctx) : false;
    if (writes && action !== 'unchanged') {
        const kept = Object.fromEntries(Object.entries((actual?.metadata ?? {})).filter(([k]) => !['createdBy', 'createdOn', 'updatedBy', 'updatedOn', METADATA_KEY].includes(k)));
        const metadata = {
            ...kept,
            [METADATA_KEY]: { specHash: specHash(desired), provenance: ctx.provenance, writtenAt: new Date(ctx.now()).toISOString() },
        };
        const result = (await (0,azure_src/* writeAssignment */.Jc)(ctx.clients, ctx.subscriptionId, spec.scope, spec.name, { ...desired, metadata }));
        principalId = result?.identity?.principalId ?? principalId;
        written = true;
        src/* log */.Rm.info(`Wrote bootstrap assignment ${spec.name} at ${spec.scope} (identity ${principalId ?? 'pending'}).`);
    }
    const roles = [];
    const existing = principalId ? await (0,azure_src/* listRoleAssignmentsAt */.sd)(ctx.clients, ctx.subscriptionId, spec.scope) : [];
    for (const role of r.roleDefinitionIds) {
        const guid = role.split('/').pop();
        if (principalId && (0,azure_src/* holdsRole */.vd)(existing, principalId, role))
            roles.push({ role: guid, action: 'unchanged' });
        else if (!writes || !principalId)
            roles.push({ role: guid, action: 'grant' });
        else {
            try {
                await (0,azure_src/* createRoleAssignment */.QN)(ctx.clients, ctx.subscriptionId, spec.scope, (0,azure_src/* roleAssignmentName */.P_)(spec.scope, principalId, role), {
                    roleDefinitionId: `/providers/Microsoft.Authorization/roleDefinitions/${guid}`,
                    principalId,
                    principalType: 'ServicePrincipal',
                    description: `Identity of policy assignment ${spec.name} (arc-actions policy-rollout bootstrap).`,
                });
                roles.push({ role: guid, action: 'granted' });
                written = true;
            }
            catch (error) {
                const code = error.code;
                roles.push({ role: guid, action: 'failed', error: code ? `Azure answered ${code}: ${(0,src/* errorMessage */.gJ)(error)}` : (0,src/* errorMessage */.gJ)(error) });
            }
        }
    }
    const missingRoles = roles.filter((x) => x.action === 'failed');
    let failure = missingRoles.length
        ? `the identity ${principalId} of ${spec.name} could not be granted role ${missingRoles.map((x) => x.role).join(', ')} at ${spec.scope} (${shortError(missingRoles[0].error)}); ` +
            `its deployments fail with AuthorizationFailed until it holds ${missingRoles.length > 1 ? 'these roles' : 'this role'}`
        : undefined;
    const remediation = await remediate(r, ctx, id, { writes, blocked: !!failure, wasCreated: !actual });
    written ||= remediation.action === 'created';
    if (!failure && remediation.deployments?.failed)
        failure = `${remediation.deployments.failed} of ${remediation.deployments.total} deployments of remediation ${remediation.name} failed: ${(remediation.errors ?? []).join('; ')}`;
    const verb = writes ? 'was' : 'would be';
    const message = action === 'unchanged'
        ? `${spec.name} is unchanged.`
        : `${spec.name} ${verb} ${action === 'create' ? 'created' : `updated (${fields.join(', ')})`} with a system-assigned identity in ${spec.location}.`;
    return {
        name: spec.name,
        id,
        file: spec.file,
        line: spec.line,
        scope: spec.scope,
        definition: r.displayName,
        effect: r.effect,
        action,
        written,
        fields,
        principalId,
        roles,
        remediation,
        failure,
        message,
    };
}

;// CONCATENATED MODULE: ./actions/policy-rollout/src/bootstrap/render.ts


const render_ACTION = { create: '🆕 create', update: '✏️ update', unchanged: '✔️ unchanged' };
/** Names of the roles DeployIfNotExists definitions for clusters name (Microsoft Learn, Azure built-in roles). */
const ROLE_NAMES = {
    'b24988ac-6180-42a0-ab88-20f7382dd24c': 'Contributor',
    '85cb6faf-e071-4c9b-8136-154b5a04f717': 'Kubernetes Extension Contributor',
    '8e3af657-a8ff-443c-a75c-2fe8c4bcb635': 'Owner',
    '92aaf0da-9dab-42b6-94a3-d43ce8d16293': 'Log Analytics Contributor',
    '749f88d5-cbae-40b8-bcfc-e573ddc772fa': 'Monitoring Contributor',
};
const roleName = (guid) => ROLE_NAMES[guid.toLowerCase()] ?? guid;
function remediationText(r) {
    const counts = `${r.nonCompliant} of ${r.clusters} clusters NonCompliant`;
    switch (r.action) {
        case 'skipped':
            return r.name ? `not started (${counts}): the identity lacks its roles` : 'off (remediate: false)';
        case 'deferred':
            return 'no compliance states yet: Azure evaluates a new assignment later; rerun apply to remediate';
        case 'none':
            return `none needed (${counts})`;
        case 'create':
            return `would create ${r.name} (${counts})`;
        default:
            return `${r.name} ${r.action === 'created' ? 'created' : 'exists'}: ${r.status ?? 'running'}, ${r.deployments?.total ?? 0} deployments, ${r.deployments?.failed ?? 0} failed`;
    }
}
/** The bootstrap and access section of the report (step summary, check run, pull-request comment). */
function renderBootstrap(bootstrap, access) {
    if (!bootstrap.length && !access.length)
        return undefined;
    return (0,report_src/* blocks */.Bv)((0,report_src/* heading */.R_)('Self-bootstrap (DeployIfNotExists)', 3), bootstrap.length
        ? (0,report_src/* table */.tp)(['Assignment', 'Definition', 'Action', 'Identity roles', 'Remediation', 'Status'], bootstrap.map((b) => [
            `${b.name} (${b.scope.split('/').pop()})`,
            `${b.definition} (${b.effect})`,
            render_ACTION[b.action],
            b.roles
                .map((r) => `${roleName(r.role)}: ${r.action === 'grant' ? (b.principalId ? 'would grant' : 'granted once the identity exists') : r.action}`)
                .join(', '),
            remediationText(b.remediation),
            b.failure ? `❌ ${b.failure}` : '✅',
        ]))
        : undefined, access.length ? (0,report_src/* heading */.R_)('Access', 3) : undefined, access.length
        ? (0,report_src/* table */.tp)(['Principal', 'Role', 'Scope', 'Action'], access.map((a) => [
            `${a.principalType} ${a.principalId}`,
            a.role,
            a.scope,
            a.action === 'failed' ? `❌ failed: ${shortError(a.error)}` : a.action === 'create' ? '🆕 would create' : a.action,
        ]))
        : undefined);
}

;// CONCATENATED MODULE: ./actions/policy-rollout/src/bootstrap/resolve.ts


const PARAM_REF = /^\[parameters\('([^']+)'\)\]$/i;
/**
 * Refuses, before any write, a bootstrap entry whose definition does not exist, whose effect is not DeployIfNotExists
 * or Modify (audit/deny definitions belong under `assignments:`, where the promotion gate judges them), that names
 * no `roleDefinitionIds`, or whose parameters the definition does not declare, misses or does not allow.
 */
async function resolveBootstrap(clients, subscriptionId, spec) {
    const where = `${spec.file} line ${spec.line}: bootstrap "${spec.name}"`;
    const refuse = (message) => {
        throw new src/* ConfigurationError */.j1(`${where} ${message}`, 'policies');
    };
    const found = spec.custom
        ? spec.custom.properties
        : /\/policySetDefinitions\//i.test(spec.definitionId)
            ? refuse(`uses the initiative ${spec.definitionId}; bootstrap takes single DeployIfNotExists or Modify definitions.`)
            : await (0,azure_src/* readDefinitionById */.e_)(clients, subscriptionId, spec.definitionId);
    if (!found)
        return refuse(`uses ${spec.definitionId}, which does not exist (Azure answered PolicyDefinitionNotFound); check the id.`);
    const declared = found.parameters ?? {};
    const name = found.displayName ?? spec.definitionId;
    for (const key of Object.keys(spec.parameters))
        if (!Object.keys(declared).some((d) => d.toLowerCase() === key.toLowerCase()))
            refuse(`sets parameters.${key}, which "${name}" does not declare; it declares: ${Object.keys(declared).join(', ')}.`);
    for (const [key, p] of Object.entries(declared)) {
        const given = Object.entries(spec.parameters).find(([k]) => k.toLowerCase() === key.toLowerCase());
        if (!given && p.defaultValue === undefined)
            refuse(`does not set parameters.${key}, which "${name}" requires.`);
        if (given && p.allowedValues && !p.allowedValues.some((v) => String(v).toLowerCase() === String(given[1]).toLowerCase()))
            refuse(`sets parameters.${key} to "${String(given[1])}", which "${name}" does not allow; allowed: ${p.allowedValues.join(', ')}.`);
    }
    const then = found.policyRule?.then;
    const ref = PARAM_REF.exec(String(then?.effect ?? ''))?.[1];
    const effect = String(ref
        ? (Object.entries(spec.parameters).find(([k]) => k.toLowerCase() === ref.toLowerCase())?.[1] ??
            Object.entries(declared).find(([k]) => k.toLowerCase() === ref.toLowerCase())?.[1].defaultValue)
        : then?.effect);
    const normal = effect.toLowerCase() === 'deployifnotexists' ? 'DeployIfNotExists' : effect.toLowerCase() === 'modify' ? 'Modify' : undefined;
    if (!normal)
        refuse(`uses "${name}", whose effect is ${effect || 'unknown'}; bootstrap takes DeployIfNotExists or Modify definitions (audit and deny definitions go under assignments:, where the promotion gate judges them).`);
    const roleDefinitionIds = then?.details?.roleDefinitionIds ?? [];
    if (!roleDefinitionIds.length)
        refuse(`uses "${name}", which names no roleDefinitionIds in then.details; its identity would have no role to deploy with.`);
    return { spec, displayName: name, effect: normal, roleDefinitionIds, deploys: then?.details?.type };
}

;// CONCATENATED MODULE: ./actions/policy-rollout/src/bootstrap/index.ts





/**
 * Validates every bootstrap entry against its definition in Azure (before any write: a ConfigurationError is thrown
 * from here), for plan and apply. Promote does not touch bootstrap entries: DeployIfNotExists has no audit → deny.
 */
async function resolveAllBootstrap(ctx, set) {
    if (ctx.mode === 'promote')
        return [];
    const out = [];
    for (const spec of set.bootstrap)
        out.push(await resolveBootstrap(ctx.clients, ctx.subscriptionId, spec));
    return out;
}
/** Plans or applies the bootstrap and access sections; failures are reported per entry, never thrown past the report. */
async function runBootstrap(ctx, set, resolved) {
    const result = { bootstrap: [], access: [], errors: [], written: [] };
    if (ctx.mode === 'promote')
        return result;
    const writes = ctx.mode === 'apply' && !ctx.dryRun;
    for (const r of resolved) {
        try {
            const outcome = await src/* log */.Rm.group(`${ctx.mode} bootstrap ${r.spec.name}`, () => rolloutBootstrap(r, ctx));
            result.bootstrap.push(outcome);
            src/* log */.Rm.info(outcome.message);
            if (outcome.written)
                result.written.push(outcome.name);
            if (outcome.failure) {
                result.errors.push({ assignment: `bootstrap ${outcome.name}`, error: outcome.failure });
                src/* log */.Rm.error(`${outcome.name}: ${outcome.failure}`, { file: outcome.file, startLine: outcome.line });
            }
        }
        catch (error) {
            result.errors.push({ assignment: `bootstrap ${r.spec.name}`, error: (0,src/* errorMessage */.gJ)(error) });
            src/* log */.Rm.error(`${r.spec.name}: ${(0,src/* errorMessage */.gJ)(error)}`, { file: r.spec.file, startLine: r.spec.line });
        }
    }
    if (set.access.length) {
        try {
            result.access = await rolloutAccess(ctx.clients, ctx.subscriptionId, set.access, writes);
            for (const a of result.access) {
                if (a.written)
                    result.written.push(`access ${a.role}`);
                if (a.error)
                    result.errors.push({ assignment: `access ${a.role} for ${a.principalId}`, error: a.error });
            }
        }
        catch (error) {
            result.errors.push({ assignment: 'access', error: (0,src/* errorMessage */.gJ)(error) });
        }
    }
    result.section = renderBootstrap(result.bootstrap, result.access);
    return result;
}

;// CONCATENATED MODULE: ./actions/policy-rollout/src/story.ts















async function runRollout(inputs, deps = {}) {
    const all = loadPolicies(inputs.policies.path, (0,azure_src/* workspaceRoot */.oS)());
    const set = inputs.assignment ? { ...all, bootstrap: all.bootstrap.filter((b) => b.name === inputs.assignment), access: [] } : all;
    const specs = inputs.assignment ? set.assignments.filter((a) => a.name === inputs.assignment) : set.assignments;
    if (!specs.length && (inputs.assignment ? !set.bootstrap.length : !set.bootstrap.length && !set.access.length)) {
        throw new src/* ConfigurationError */.j1(`Input "assignment" names "${inputs.assignment}", which is not in the policy files; they define: ${[...all.assignments, ...all.bootstrap].map((a) => a.name).join(', ')}.`, 'assignment');
    }
    const subscriptionId = inputs.identity.subscriptionId ??
        [...specs, ...set.bootstrap, ...set.access].map((s) => /^\/subscriptions\/([^/]+)/.exec(s.scope)?.[1]).find(Boolean);
    if (!subscriptionId)
        throw new src/* ConfigurationError */.j1('Input "subscription-id" is empty and every assignment is at management-group scope; set subscription-id.', 'subscription-id');
    const clients = deps.clients ?? (await (0,azure_src/* armClientsFor */.ul)(inputs.identity));
    const now = deps.now ?? Date.now;
    const target = (0,report_src/* readGitHubTarget */.X8)();
    const octokit = deps.octokit ?? (inputs.githubToken ? (0,report_src/* getOctokit */.QB)(inputs.githubToken) : undefined);
    const pullRequest = target?.pullRequest;
    let previous;
    if (octokit && target && pullRequest && inputs.mode === 'plan') {
        previous = decodeSnapshot(await (0,report_src/* publishOrWarn */.hA)('previous pull request comment', () => (0,report_src/* findStickyComment */.oC)(octokit, {
            owner: target.owner,
            repo: target.repo,
            issueNumber: pullRequest,
            action: 'policy-rollout',
            group: COMMENT_GROUP,
        })));
    }
    const exemptionContext = { clients, subscriptionId, mode: inputs.mode, dryRun: inputs.dryRun, now, provenance: (0,src/* provenanceFromEnv */.f5)() };
    if (inputs.mode !== 'promote')
        await validateExemptions(exemptionContext, set);
    const outcomes = [];
    const errors = [];
    const ctx = {
        clients,
        subscriptionId,
        mode: inputs.mode,
        dryRun: inputs.dryRun,
        ring: inputs.ring,
        now,
        provenance: (0,src/* provenanceFromEnv */.f5)(),
        gate: { minSoakMs: inputs.minSoakMs, maxStalenessMs: inputs.maxStalenessMs, syncAllowanceMs: inputs.syncAllowanceMs },
        definitions: set.definitions,
        allowEmpty: inputs.allowEmpty,
    };
    // Before anything is written: every definition the assignments use exists at its own scope and is a Kubernetes
    // one (a bare GUID is looked up as a definition, then as an initiative). A refusal here writes nothing at all.
    const resolved = new Map();
    for (const spec of specs) {
        resolved.set(spec, spec.definitionId.startsWith('custom:')
            ? customResolved(spec)
            : await resolveDefinition(clients, subscriptionId, spec.definitionId, `${spec.file} line ${spec.line}: assignment "${spec.name}"`));
    }
    const bootstrapContext = { ...exemptionContext, remediationWaitMs: deps.remediationWaitMs ?? 180_000 };
    const bootstrapResolved = await resolveAllBootstrap(bootstrapContext, set);
    for (const spec of specs) {
        try {
            outcomes.push(await src/* log */.Rm.group(`${inputs.mode} ${spec.name}`, () => rolloutAssignment(spec, ctx, resolved.get(spec))));
        }
        catch (error) {
            errors.push({ assignment: spec.name, error: (0,src/* errorMessage */.gJ)(error) });
            src/* log */.Rm.error(`${spec.name}: ${(0,src/* errorMessage */.gJ)(error)}`, { file: spec.file, startLine: spec.line });
        }
    }
    if (inputs.mode === 'apply' && !inputs.dryRun && outcomes.length) {
        // After the writes: a failure here is reported with what was written, never thrown past the report.
        try {
            const clusterIds = [...new Set(outcomes.flatMap((o) => o.clusterIds))];
            const installed = Object.assign({}, ...outcomes.map((o) => o.policyExtension));
            const ext = await ensurePolicyExtensions(clients, clusterIds, installed);
            for (const f of ext.failed)
                errors.push({ assignment: 'azurepolicy extension', error: `${f.cluster}: ${f.error}` });
            const triggered = await triggerEvaluations(clients, outcomes);
            src/* log */.Rm.info(`Policy extension created on ${ext.created.length} clusters; evaluation triggered for ${triggered.join(', ') || 'no subscription scope'}.`);
        }
        catch (error) {
            errors.push({ assignment: 'extensions and evaluation', error: (0,src/* errorMessage */.gJ)(error) });
            src/* log */.Rm.error(`extensions and evaluation: ${(0,src/* errorMessage */.gJ)(error)}`);
        }
    }
    const bootstrap = await runBootstrap(bootstrapContext, set, bootstrapResolved);
    errors.push(...bootstrap.errors);
    let exemptions = [];
    try {
        exemptions = await src/* log */.Rm.group('exemptions', () => rolloutExemptions(exemptionContext, set, specs.filter((s) => outcomes.some((o) => o.name === s.name && o.action !== 'refused'))));
    }
    catch (error) {
        errors.push({ assignment: 'exemptions', error: (0,src/* errorMessage */.gJ)(error) });
    }
    let preview;
    const previewOptions = inputs.preview;
    if (inputs.mode === 'plan' && previewOptions && previewOptions.access !== 'none') {
        preview = await src/* log */.Rm.group('deny-impact preview', () => runPreview({ clients, subscriptionId, options: previewOptions, definitions: set.definitions }, specs, outcomes));
    }
    const previewFailed = preview?.assignments.filter((a) => a.status === 'failed') ?? [];
    const previewDenied = preview?.assignments.filter((a) => a.stage === 'deny' && a.objects.some((o) => o.verdict === 'denied')) ?? [];
    const diffs = {};
    for (const o of outcomes)
        diffs[o.name] = diffViolations(previous?.[o.name], o.violations);
    const markdown = renderReport(outcomes, {
        mode: inputs.mode,
        dryRun: inputs.dryRun,
        diffs,
        sections: [bootstrap.section, preview ? (0,render/* renderPreview */.Bt)(preview) : undefined, renderExemptions(exemptions, now())],
    });
    const violations = outcomes.reduce((n, o) => n + o.violations.length, 0);
    const refused = outcomes.filter((o) => o.action === 'refused');
    const movingToDenyWithViolations = outcomes.filter((o) => o.stage === 'deny' && o.effectAfter !== 'Deny' && o.violations.length > 0);
    const result = {
        outcomes,
        errors,
        markdown,
        preview,
        exemptions,
        bootstrap,
        promoted: outcomes.some((o) => o.action === 'promote' && o.written),
        violations,
        gate: Object.fromEntries(outcomes
            .filter((o) => o.gate)
            .map((o) => [o.name, { passed: o.gate.passed, conditions: o.gate.conditions, exempt: o.gate.exempt }])),
    };
    const written = [...outcomes.filter((o) => o.written).map((o) => o.name), ...bootstrap.written];
    const notWritten = [
        ...outcomes.filter((o) => !o.written && o.action !== 'unchanged').map((o) => o.name),
        ...errors.map((e) => e.assignment),
    ];
    const writes = ` Written: ${written.join(', ') || 'nothing'}; not written: ${notWritten.join(', ') || 'nothing'}.`;
    if (errors.length)
        result.failure = `policy-rollout could not finish ${errors.map((e) => `${e.assignment} (${e.error})`).join('; ')}.${writes}`;
    else if (refused.length)
        result.failure = refused.map((o) => o.message).join(' ');
    else if (previewFailed.length)
        result.failure = `The deny-impact preview could not be evaluated for ${previewFailed.map((a) => `${a.name} (${a.reason})`).join('; ')}.`;
    await deps.onResult?.(result);
    if (octokit && target) {
        await publishRollout(octokit, target, result, {
            checkName: inputs.checkName,
            comment: inputs.comment,
            previous,
            conclusion: errors.length ||
                refused.length ||
                (inputs.mode === 'plan' && (movingToDenyWithViolations.length || previewFailed.length || previewDenied.length))
                ? 'failure'
                : 'success',
            title: movingToDenyWithViolations.length
                ? `${movingToDenyWithViolations.map((o) => o.name).join(', ')} would move to Deny with ${violations} NonCompliant objects`
                : previewFailed.length
                    ? `Deny-impact preview not evaluated for ${previewFailed.map((a) => a.name).join(', ')}`
                    : previewDenied.length
                        ? `${previewDenied.map((a) => `${a.name}: ${a.objects.filter((o) => o.verdict === 'denied').length}`).join(', ')} objects would be denied under Deny`
                        : `${refused.length + errors.length} assignments refused or failed`,
        });
    }
    return result;
}


/***/ })

};
