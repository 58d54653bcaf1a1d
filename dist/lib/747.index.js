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
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96421);
/* harmony import */ var _arc_actions_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(19297);
/* harmony import */ var _arc_actions_azure__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86708);
/* harmony import */ var _story_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(42211);
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
            identity: (0,_arc_actions_azure__WEBPACK_IMPORTED_MODULE_2__/* .identityView */ .wg)(identity),
            configuration: { origin: source.origin, ...config },
            ref: source.ref,
            auth: authView(source.auth),
            targets: (0,_arc_actions_azure__WEBPACK_IMPORTED_MODULE_2__/* .describeTargets */ .Eg)(targets),
            clusterType: inputs.clusterType,
            wait: inputs.wait,
            timeout: (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(inputs.timeoutMs),
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
                    ? `Wait up to ${(0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(inputs.timeoutMs)} per cluster for the configuration to be compliant.`
                    : 'Do not wait (wait: false).',
            },
            { phase: 'report', what: 'Outputs results and matrix; a summary table per cluster.' },
        ],
    };
}
async function run(deps = {}) {
    await (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .runAction */ .Cs)('flux-apply', async () => {
        const inputs = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .readInputs */ .Ko)();
        for (const warning of inputs.source.warnings)
            _arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .log */ .Rm.warning(warning);
        await _arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .log */ .Rm.group('flux-apply: plan', async () => _arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .log */ .Rm.info(JSON.stringify(fluxPlan(inputs).steps, null, 2)));
        const result = await (0,_story_js__WEBPACK_IMPORTED_MODULE_3__/* .applyFleet */ ["do"])(inputs, deps);
        await (0,_story_js__WEBPACK_IMPORTED_MODULE_3__/* .publishFleetResult */ .xS)(result, { token: inputs.githubToken ?? process.env.GITHUB_TOKEN });
        if (result.failed) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(`flux-apply: ${result.report.counts.fail} of ${result.report.targets.length} clusters failed; see the results output and the step summary.`);
        }
    });
}


/***/ })

};
