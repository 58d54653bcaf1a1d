export const id = 397;
export const ids = [397];
export const modules = {

/***/ 1397:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  baselinePlan: () => (/* reexport */ baselinePlan),
  run: () => (/* binding */ run),
  runBaseline: () => (/* reexport */ runBaseline)
});

// EXTERNAL MODULE: ./packages/core/src/index.ts + 8 modules
var src = __webpack_require__(34786);
// EXTERNAL MODULE: ./packages/azure/src/index.ts + 31 modules
var azure_src = __webpack_require__(64601);
// EXTERNAL MODULE: ./packages/report/src/index.ts + 13 modules
var report_src = __webpack_require__(6662);
// EXTERNAL MODULE: ./actions/arc-connect/src/inputs.ts + 2 modules
var src_inputs = __webpack_require__(43994);
// EXTERNAL MODULE: ./actions/flux-apply/src/inputs.ts + 1 modules
var inputs = __webpack_require__(72725);
// EXTERNAL MODULE: ./actions/policy-rollout/src/inputs.ts + 1 modules
var policy_rollout_src_inputs = __webpack_require__(32593);
;// CONCATENATED MODULE: ./actions/baseline/src/inputs.ts





function withNeeded(extensions, needed) {
    const added = [];
    const out = [...extensions];
    for (const short of needed) {
        const known = src_inputs/* KNOWN_EXTENSIONS */.vS[short];
        if (!out.some((e) => e.extensionType.toLowerCase() === known.extensionType.toLowerCase())) {
            out.push({ name: known.name, extensionType: known.extensionType, autoUpgrade: true, scope: 'cluster', settings: {} });
            added.push(known.name);
        }
    }
    return { extensions: out, added };
}
function readInputs() {
    const identity = (0,azure_src/* readAzureIdentityInputs */.dp)({ subscriptionRequired: true });
    const cluster = (0,src_inputs/* readClusterInputs */.ER)();
    const access = (0,src_inputs/* readKubeAccessInputs */.Ps)();
    const proxy = (0,src_inputs/* readProxyInputs */.WF)();
    const requested = (0,src_inputs/* readExtensions */.HW)();
    const roleAssignments = (0,src_inputs/* readRoleAssignments */.FG)();
    const flux = (0,src/* optionalString */.sx)('configuration') ? (0,inputs/* readFluxSource */.Bd)() : undefined;
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
        onboardingTimeoutMs: (0,src_inputs/* readOnboardingTimeout */.x$)(),
        timeoutMs: (0,src/* durationInput */.Ts)('timeout', { default: '10m', min: '30s', max: '6h' }),
        minAgentVersion: (0,src/* optionalString */.sx)('min-agent-version', {
            pattern: { regex: /^\d+\.\d+\.\d+$/, description: 'a version x.y.z such as 1.21.0' },
        }),
        failOn: (0,src/* enumInput */.gX)('fail-on', ['fail', 'warn', 'never'], 'fail'),
        createResourceGroup: (0,src/* booleanInput */.tE)('create-resource-group', true),
        dryRun: (0,azure_src/* readDryRun */.n0)(),
    };
}

;// CONCATENATED MODULE: ./actions/baseline/src/plan.ts



/** The baseline's plan: what each phase does for this one cluster (the `plan` output and the summary's appendix). */
function baselinePlan(inputs) {
    const { identity, cluster, access, flux, policies } = inputs;
    const id = (0,azure_src/* clusterRef */.eN)(identity.subscriptionId, cluster.resourceGroup, cluster.clusterName).id;
    const auth = flux?.auth;
    return {
        action: 'baseline',
        dryRun: inputs.dryRun,
        inputs: {
            ...(0,src_inputs/* clusterAccessView */.E_)(inputs),
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

// EXTERNAL MODULE: ./packages/kube/src/index.ts + 10 modules
var kube_src = __webpack_require__(43694);
// EXTERNAL MODULE: ./actions/arc-connect/src/story.ts + 15 modules
var story = __webpack_require__(40442);
// EXTERNAL MODULE: ./actions/flux-apply/src/story.ts + 8 modules
var src_story = __webpack_require__(89841);
// EXTERNAL MODULE: ./actions/policy-rollout/src/story.ts + 29 modules
var policy_rollout_src_story = __webpack_require__(97893);
// EXTERNAL MODULE: ./actions/arc-verify/src/story.ts + 12 modules
var arc_verify_src_story = __webpack_require__(31723);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./actions/baseline/src/stages.ts



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
        egress: { probe: 'runner' },
        dryRun: inputs.dryRun,
    };
}
function fluxInputs(inputs, ref) {
    if (!inputs.flux)
        return undefined;
    return {
        identity: inputs.identity,
        source: inputs.flux,
        targets: { kind: 'targets', targets: [ref] },
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
function verifyInputs(inputs, ref, kubeconfig) {
    return {
        identity: inputs.identity,
        mode: 'verify',
        targets: { kind: 'targets', targets: [ref] },
        access: 'kubeconfig',
        kubeconfigs: { [ref.id]: kubeconfig },
        negativeTestNamespace: 'default',
        minAgentVersion: inputs.minAgentVersion,
        certExpiryWarningMs: 30 * 86_400_000,
        reportPath: (0,external_node_path_.join)((0,src/* readEnv */.$$)('RUNNER_TEMP') ?? (0,azure_src/* workspaceRoot */.oS)(), 'arc-baseline-verify.json'),
        failOn: inputs.failOn,
        issue: false,
    };
}

;// CONCATENATED MODULE: ./actions/baseline/src/story.ts








/** The kubeconfig of the chosen context as content (the input's, or the runner's KUBECONFIG), for arc-verify. */
async function kubeconfigContent(inputs) {
    const kc = await (0,kube_src/* loadKubeConfig */.u3)({ kubeconfig: inputs.access.kubeconfig, context: inputs.access.kubeContext });
    if (inputs.access.kubeContext)
        kc.setCurrentContext(inputs.access.kubeContext);
    const text = kc.exportConfig();
    (0,src/* maskSecret */.$l)(text);
    return text;
}
const section = (stage, markdown) => `<details open><summary><b>${stage}</b></summary>\n\n${markdown}\n\n</details>`;
/** connect → extensions (with connect) → Flux → policy in audit → verify, for one cluster; stops after a failed connect. */
async function runBaseline(inputs, deps = {}) {
    const ref = (0,azure_src/* clusterRef */.eN)(inputs.identity.subscriptionId, inputs.cluster.resourceGroup, inputs.cluster.clusterName);
    const { id } = ref;
    const clients = deps.clients ?? (await (0,azure_src/* armClientsFor */.ul)(inputs.identity));
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
        /** One stage: skipped without its input, else run in its log group, its summary a section; a throw fails it. */
        const runStage = async (name, title, skipped, go, judge) => {
            if (skipped)
                return void stage({ stage: name, status: 'skipped', detail: skipped });
            try {
                const r = await src/* log */.Rm.group(`baseline: ${name}`, go);
                const { markdown, failed, detail } = judge(r);
                parts.push(section(title, markdown));
                stage({ stage: name, status: failed ? 'failed' : 'ok', detail });
                return r;
            }
            catch (error) {
                stage({ stage: name, status: 'failed', detail: (0,src/* errorMessage */.gJ)(error) });
                return undefined;
            }
        };
        // 2. Flux, for this one cluster.
        const flux = fluxInputs(inputs, ref);
        result.flux = await runStage('flux', '2. Flux', flux ? undefined : 'no configuration input.', () => (0,src_story/* applyFleet */.d)(flux, { clients }), (r) => ({ markdown: r.summary, failed: r.failed, detail: r.report.targets[0]?.message ?? flux.source.config.name }));
        // 3. policy, in audit only (apply mode never writes Deny for anything new).
        const policy = policyInputs(inputs);
        result.policy = await runStage('policy', '3. Policy (audit)', policy ? undefined : 'no policies input.', () => (0,policy_rollout_src_story/* runRollout */.p)(policy, { clients }), (r) => ({
            markdown: r.markdown,
            failed: !!r.failure,
            detail: r.failure ?? r.outcomes.map((o) => `${o.name}: ${o.action}, ${o.effectAfter}`).join('; '),
        }));
        // 4. verify, with the same kubeconfig.
        result.verify = await runStage('verify', '4. Verify', inputs.dryRun ? 'dry-run changes nothing, so there is nothing new to verify.' : undefined, async () => (0,arc_verify_src_story/* runVerify */.R)(verifyInputs(inputs, ref, await kubeconfigContent(inputs)), { clients }), (r) => ({
            markdown: r.markdown,
            failed: false,
            detail: `${r.report.status} (${r.report.counts.fail} fail, ${r.report.counts.warn} warn)`,
        }));
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

;// CONCATENATED MODULE: ./actions/baseline/src/main.ts








/** The outputs of each stage that ran. */
function stageOutputs(result) {
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
}
async function run(deps = {}) {
    await (0,report_src/* runAction */.Cs)('baseline', async (action) => {
        const { inputs, plan } = await action.phase('inputs', async () => {
            const read = readInputs();
            for (const warning of read.flux?.warnings ?? [])
                src/* log */.Rm.warning(warning);
            const planned = baselinePlan(read);
            for (const step of planned.steps)
                src/* log */.Rm.info(`${step.phase.padEnd(10)} ${step.what}`);
            return { inputs: read, plan: planned };
        });
        (0,src/* setOutput */.uH)('cluster-id', (0,azure_src/* clusterRef */.eN)(inputs.identity.subscriptionId, inputs.cluster.resourceGroup, inputs.cluster.clusterName).id);
        (0,src/* setOutput */.uH)('plan', plan);
        let result;
        try {
            result = await runBaseline(inputs, deps);
        }
        catch (error) {
            await action.summary((0,report_src/* planMarkdown */.Xg)(plan, `The baseline stopped before connecting: ${(0,src/* errorMessage */.gJ)(error)}`));
            throw error;
        }
        stageOutputs(result);
        await action.summary(`${result.summary}\n${(0,report_src/* planMarkdown */.Xg)(plan, 'The plan this run followed.')}`);
        if (result.failure)
            action.fail(result.failure);
        else if ((inputs.failOn === 'fail' && result.status === 'fail') || (inputs.failOn === 'warn' && result.status !== 'ok'))
            action.fail(`Verification of ${inputs.cluster.clusterName} ended ${result.status} (fail-on: ${inputs.failOn}).`);
    });
}


/***/ })

};
