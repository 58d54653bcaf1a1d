export const id = 727;
export const ids = [727];
export const modules = {

/***/ 11727:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  baselinePlan: () => (/* binding */ baselinePlan),
  connectInputs: () => (/* binding */ connectInputs),
  fluxInputs: () => (/* binding */ fluxInputs),
  policyInputs: () => (/* binding */ policyInputs),
  run: () => (/* binding */ run),
  runBaseline: () => (/* binding */ runBaseline),
  verifyInputs: () => (/* binding */ verifyInputs)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(96421);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 8 modules
var src = __webpack_require__(19297);
// EXTERNAL MODULE: ./packages/azure/src/index.ts + 9 modules
var azure_src = __webpack_require__(86708);
// EXTERNAL MODULE: ./packages/kube/src/index.ts + 4 modules
var kube_src = __webpack_require__(58176);
// EXTERNAL MODULE: ./packages/report/src/index.ts + 11 modules
var report_src = __webpack_require__(96958);
// EXTERNAL MODULE: ./actions/arc-connect/src/story.ts + 7 modules
var story = __webpack_require__(63241);
// EXTERNAL MODULE: ./actions/flux-apply/src/story.ts + 6 modules
var src_story = __webpack_require__(42211);
// EXTERNAL MODULE: ./actions/policy-rollout/src/story.ts + 11 modules
var policy_rollout_src_story = __webpack_require__(58224);
// EXTERNAL MODULE: ./actions/arc-verify/src/story.ts + 7 modules
var arc_verify_src_story = __webpack_require__(72789);
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
            identity: (0,azure_src/* identityView */.wg)(identity),
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
// Each action's Inputs, built from the baseline's inputs: the same library calls as the four actions.
function connectInputs(inputs) {
    return {
        identity: inputs.identity,
        cluster: inputs.cluster,
        access: inputs.access,
        proxy: inputs.proxy,
        registerProviders: true,
        createResourceGroup: inputs.createResourceGroup,
        autoUpgrade: true,
        onboardingTimeoutMs: inputs.onboardingTimeoutMs,
        extensions: inputs.extensions,
        roleAssignments: inputs.roleAssignments,
        dryRun: inputs.dryRun,
    };
}
function fluxInputs(inputs, id) {
    if (!inputs.flux)
        return undefined;
    return {
        identity: inputs.identity,
        source: inputs.flux,
        targets: { kind: 'targets', targets: [(0,azure_src/* parseClusterId */.Hy)(id, 'cluster-name')] },
        clusterType: 'connectedClusters',
        wait: true,
        timeoutMs: inputs.timeoutMs,
        concurrency: 1,
        deleteMissing: false,
        dryRun: inputs.dryRun,
    };
}
function policyInputs(inputs) {
    if (!inputs.policies)
        return undefined;
    return {
        identity: inputs.identity,
        mode: 'apply',
        policies: inputs.policies,
        // Only used by promote, which the baseline never runs.
        minSoakMs: 0,
        maxStalenessMs: 24 * 3_600_000,
        syncAllowanceMs: 30 * 60_000,
        checkName: 'Arc baseline policy',
        comment: false,
        dryRun: inputs.dryRun,
    };
}
function verifyInputs(inputs, id, kubeconfig) {
    return {
        identity: inputs.identity,
        mode: 'verify',
        targets: { kind: 'targets', targets: [(0,azure_src/* parseClusterId */.Hy)(id, 'cluster-name')] },
        access: 'kubeconfig',
        kubeconfigs: { [inputs.cluster.clusterName]: kubeconfig },
        negativeTestNamespace: 'default',
        minAgentVersion: inputs.minAgentVersion,
        certExpiryWarningMs: 30 * 86_400_000,
        reportPath: (0,external_node_path_.join)(process.env.RUNNER_TEMP || (0,azure_src/* workspaceRoot */.oS)(), 'arc-baseline-verify.json'),
        failOn: inputs.failOn,
        issue: false,
    };
}
/** The kubeconfig of the chosen context as content (the input's, or the runner's KUBECONFIG), for arc-verify. */
async function kubeconfigContent(inputs) {
    const kc = await (0,kube_src/* loadKubeConfig */.u3)({ kubeconfig: inputs.access.kubeconfig, context: inputs.access.kubeContext });
    if (inputs.access.kubeContext)
        kc.setCurrentContext(inputs.access.kubeContext);
    const text = kc.exportConfig();
    core/* setSecret */.Pq(text);
    return text;
}
const section = (stage, markdown) => `<details open><summary><b>${stage}</b></summary>\n\n${markdown}\n\n</details>`;
/** connect → extensions (with connect) → Flux → policy in audit → verify, for one cluster; stops after a failed connect. */
async function runBaseline(inputs, deps = {}) {
    const id = (0,azure_src/* clusterId */.kL)(inputs.identity.subscriptionId, inputs.cluster.resourceGroup, inputs.cluster.clusterName);
    const clients = deps.clients ?? new azure_src/* ArmClients */.zQ(await (0,azure_src/* createOidcCredential */.Fs)(inputs.identity), inputs.identity.environment);
    const result = { clusterId: id, stages: [], status: 'ok', summary: '' };
    const parts = [];
    const stage = (s) => {
        result.stages.push(s);
        (s.status === 'failed' ? src/* log */.Rm.error : src/* log */.Rm.info)(`${s.stage}: ${s.status}: ${s.detail}`);
    };
    // 1. connect, with the extensions and role assignments.
    const connect = await src/* log */.Rm.group('baseline: connect', () => (0,story/* connectCluster */.bp)(connectInputs(inputs), { arm: clients, helmBinary: deps.helmBinary }));
    result.connect = connect;
    parts.push(section('1. Connect and extensions', connect.summary));
    stage({
        stage: 'connect',
        status: connect.failure ? 'failed' : 'ok',
        detail: connect.failure ?? `${connect.result}, ${connect.connectivityStatus ?? 'no status'}, agents ${connect.agentVersion ?? 'unknown'}`,
    });
    const skipRest = (why) => {
        for (const s of ['flux', 'policy', 'verify'])
            if (!result.stages.some((x) => x.stage === s))
                stage({ stage: s, status: 'skipped', detail: why });
    };
    if (connect.failure) {
        skipRest('the cluster is not connected.');
        result.failure = `baseline stopped after connect: ${connect.failure}`;
    }
    else if (inputs.dryRun && connect.result === 'created') {
        skipRest('dry-run and the cluster does not exist yet, so later stages have nothing to plan against.');
    }
    else {
        // 2. Flux, for this one cluster.
        const flux = fluxInputs(inputs, id);
        if (!flux)
            stage({ stage: 'flux', status: 'skipped', detail: 'no configuration input.' });
        else {
            try {
                const r = await src/* log */.Rm.group('baseline: flux', () => (0,src_story/* applyFleet */["do"])(flux, { clients }));
                result.flux = r;
                parts.push(section('2. Flux', r.summary));
                const t = r.report.targets[0];
                stage({ stage: 'flux', status: r.failed ? 'failed' : 'ok', detail: t?.message ?? `${flux.source.config.name}` });
            }
            catch (error) {
                stage({ stage: 'flux', status: 'failed', detail: (0,src/* errorMessage */.gJ)(error) });
            }
        }
        // 3. policy, in audit only (apply mode never writes Deny for anything new).
        const policy = policyInputs(inputs);
        if (!policy)
            stage({ stage: 'policy', status: 'skipped', detail: 'no policies input.' });
        else {
            try {
                const r = await src/* log */.Rm.group('baseline: policy', () => (0,policy_rollout_src_story/* runRollout */.p)(policy, { clients }));
                result.policy = r;
                parts.push(section('3. Policy (audit)', r.markdown));
                stage({
                    stage: 'policy',
                    status: r.failure ? 'failed' : 'ok',
                    detail: r.failure ?? r.outcomes.map((o) => `${o.name}: ${o.action}, ${o.effectAfter}`).join('; '),
                });
            }
            catch (error) {
                stage({ stage: 'policy', status: 'failed', detail: (0,src/* errorMessage */.gJ)(error) });
            }
        }
        // 4. verify, with the same kubeconfig.
        if (inputs.dryRun)
            stage({ stage: 'verify', status: 'skipped', detail: 'dry-run changes nothing, so there is nothing new to verify.' });
        else {
            try {
                const r = await src/* log */.Rm.group('baseline: verify', async () => (0,arc_verify_src_story/* runVerify */.R)(verifyInputs(inputs, id, await kubeconfigContent(inputs)), { clients }));
                result.verify = r;
                parts.push(section('4. Verify', r.markdown));
                stage({ stage: 'verify', status: 'ok', detail: `${r.report.status} (${r.report.counts.fail} fail, ${r.report.counts.warn} warn)` });
            }
            catch (error) {
                stage({ stage: 'verify', status: 'failed', detail: (0,src/* errorMessage */.gJ)(error) });
            }
        }
        const failed = result.stages.filter((s) => s.status === 'failed');
        if (failed.length)
            result.failure = `baseline: ${failed.map((s) => `${s.stage} failed (${s.detail})`).join('; ')}`;
    }
    const failedStage = result.stages.some((s) => s.status === 'failed');
    result.status = failedStage ? 'fail' : (result.verify?.report.status ?? 'ok');
    const ICON = { ok: '✅', failed: '❌', skipped: '➖' };
    result.summary = (0,src/* redact */.E$)([
        `## Arc baseline: ${inputs.cluster.clusterName}${inputs.dryRun ? ' (dry run)' : ''}`,
        '',
        `Cluster \`${id}\`: **${result.status}**.`,
        '',
        '| Stage | Result | Detail |',
        '|---|---|---|',
        ...result.stages.map((s) => `| ${s.stage} | ${ICON[s.status]} ${s.status} | ${s.detail.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')} |`),
        '',
        ...parts,
        '',
    ].join('\n'));
    return result;
}
async function run(deps = {}) {
    await (0,src/* runAction */.Cs)('baseline', async () => {
        const inputs = readInputs();
        for (const warning of inputs.flux?.warnings ?? [])
            src/* log */.Rm.warning(warning);
        const plan = baselinePlan(inputs);
        (0,src/* setOutput */.uH)('cluster-id', (0,azure_src/* clusterId */.kL)(inputs.identity.subscriptionId, inputs.cluster.resourceGroup, inputs.cluster.clusterName));
        (0,src/* setOutput */.uH)('plan', plan);
        await src/* log */.Rm.group('baseline: plan', async () => {
            for (const step of plan.steps)
                src/* log */.Rm.info(`${step.phase.padEnd(10)} ${step.what}`);
        });
        let result;
        try {
            result = await runBaseline(inputs, deps);
        }
        catch (error) {
            await (0,report_src/* writeStepSummary */.oG)((0,report_src/* planMarkdown */.Xg)(plan, `The baseline stopped before connecting: ${(0,src/* errorMessage */.gJ)(error)}`));
            throw error;
        }
        (0,src/* setOutput */.uH)('status', result.status);
        (0,src/* setOutput */.uH)('stages', result.stages);
        if (result.connect) {
            (0,src/* setOutput */.uH)('connect-result', result.connect.result);
            (0,src/* setOutput */.uH)('connectivity-status', result.connect.connectivityStatus ?? '');
            (0,src/* setOutput */.uH)('agent-version', result.connect.agentVersion ?? '');
        }
        if (result.flux)
            (0,src/* setOutput */.uH)('flux-results', result.flux.report);
        if (result.policy)
            (0,src/* setOutput */.uH)('policy-result', { assignments: result.policy.outcomes.map(({ matrix: _m, ...o }) => o), errors: result.policy.errors });
        if (result.verify)
            (0,src/* setOutput */.uH)('verify-report', result.verify.report);
        await (0,report_src/* writeStepSummary */.oG)(`${result.summary}\n${(0,report_src/* planMarkdown */.Xg)(plan, 'The plan this run followed.')}`);
        if (result.failure)
            core/* setFailed */.C1((0,src/* redact */.E$)(result.failure));
        else if ((inputs.failOn === 'fail' && result.status === 'fail') || (inputs.failOn === 'warn' && result.status !== 'ok'))
            core/* setFailed */.C1(`Verification of ${inputs.cluster.clusterName} ended ${result.status} (fail-on: ${inputs.failOn}).`);
    });
}


/***/ })

};
