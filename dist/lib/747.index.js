export const id = 747;
export const ids = [747];
export const modules = {

/***/ 22747:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fluxPlan: () => (/* binding */ fluxPlan),
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _arc_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34786);
/* harmony import */ var _arc_actions_azure__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(64601);
/* harmony import */ var _arc_actions_report__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6662);
/* harmony import */ var _story_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(89841);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(72725);





const authView = (auth) => auth.kind === 'https'
    ? { kind: 'https', user: auth.user, key: '***', from: auth.from }
    : auth.kind === 'ssh'
        ? { kind: 'ssh', privateKey: '***', knownHosts: auth.knownHosts ? 'set' : 'default', from: auth.from }
        : { kind: 'none' };
function fluxPlan(inputs) {
    const { identity, source, targets } = inputs;
    const { config } = source;
    const names = Object.keys(config.kustomizations);
    const where = targets.kind === 'targets'
        ? `${targets.targets.length} ${inputs.clusterType} cluster(s) listed in targets`
        : `the ${inputs.clusterType} clusters that the selector finds in Resource Graph`;
    return {
        action: 'flux-apply',
        dryRun: inputs.dryRun,
        inputs: {
            identity: (0,_arc_actions_azure__WEBPACK_IMPORTED_MODULE_1__/* .identityView */ .wg)(identity),
            configuration: { origin: source.origin, ...config },
            ref: source.ref,
            auth: authView(source.auth),
            targets: (0,_arc_actions_azure__WEBPACK_IMPORTED_MODULE_1__/* .describeTargets */ .Eg)(targets),
            clusterType: inputs.clusterType,
            wait: inputs.wait,
            timeout: (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(inputs.timeoutMs),
            concurrency: inputs.concurrency,
            deleteMissing: inputs.deleteMissing,
            dryRun: inputs.dryRun,
        },
        steps: [
            {
                phase: 'inputs',
                what: `Configuration "${config.name}" (${source.origin}) is valid: ${names.length} kustomization(s) ${names.join(', ')}.`,
            },
            {
                phase: 'credential',
                what: `GitHub OIDC token (audience ${identity.audience}) exchanged for an Entra token of client ${identity.clientId} in tenant ${identity.tenantId} (${identity.environment.name}).`,
            },
            { phase: 'targets', what: `Apply to ${where}.` },
            {
                phase: 'plan',
                what: `Compare the flux configuration "${config.name}" on each cluster with the file (${source.ref.kind} ${source.ref.value} of ${config.source.gitRepository.url}, ${source.auth.kind} auth)${inputs.deleteMissing ? '; configurations of this repository missing from the file are planned for deletion' : ''}.`,
            },
            {
                phase: 'apply',
                what: inputs.dryRun
                    ? 'Skipped: dry-run stops after the plan.'
                    : `PUT the changed configurations, at most ${inputs.concurrency} clusters at a time; secrets go to configurationProtectedSettings only.`,
            },
            {
                phase: 'observe',
                what: inputs.wait
                    ? `Wait up to ${(0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(inputs.timeoutMs)} per cluster for the configuration to be compliant.`
                    : 'Do not wait (wait: false).',
            },
            { phase: 'report', what: 'Outputs results and matrix; a summary table per cluster.' },
        ],
    };
}
async function run(deps = {}) {
    await (0,_arc_actions_report__WEBPACK_IMPORTED_MODULE_2__/* .runAction */ .Cs)('flux-apply', async (action) => {
        const inputs = await action.phase('inputs', async () => {
            const read = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .readInputs */ .Ko)();
            for (const warning of read.source.warnings)
                _arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .log */ .Rm.warning(warning);
            _arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .log */ .Rm.info(JSON.stringify(fluxPlan(read).steps, null, 2));
            return read;
        });
        const result = await action.phase('apply and observe', () => (0,_story_js__WEBPACK_IMPORTED_MODULE_3__/* .applyFleet */ .d)(inputs, deps));
        await action.phase('report', () => (0,_story_js__WEBPACK_IMPORTED_MODULE_3__/* .publishFleetResult */ .x)(result, { token: inputs.githubToken, summary: action.summary }));
        if (result.failed)
            action.fail(`flux-apply: ${result.report.counts.fail} of ${result.report.targets.length} clusters failed; see the results output and the step summary.`);
    });
}


/***/ })

};
