export const id = 78;
export const ids = [78];
export const modules = {

/***/ 91078:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   connectPlan: () => (/* binding */ connectPlan),
/* harmony export */   inputsView: () => (/* binding */ inputsView),
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _arc_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34786);
/* harmony import */ var _story_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(40442);
/* harmony import */ var _arc_actions_azure__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(64601);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(43994);
/* harmony import */ var _arc_actions_report__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6662);





/** The redacted, plain-data view of the inputs: no kubeconfig, no proxy credentials, no certificate body. */
function inputsView(inputs) {
    return {
        ...(0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .clusterAccessView */ .E_)(inputs),
        registerProviders: inputs.registerProviders,
        createResourceGroup: inputs.createResourceGroup,
        autoUpgrade: inputs.autoUpgrade,
        onboardingTimeout: (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(inputs.onboardingTimeoutMs),
        extensions: inputs.extensions,
        roleAssignments: inputs.roleAssignments,
        customLocationsOid: inputs.customLocationsOid,
        workloadIdentity: inputs.workloadIdentity?.enabled ?? false,
        apps: inputs.workloadIdentity?.apps.map((a) => ({ ...a, path: a.displayPath, identity: a.identity.id })) ?? [],
        egress: { probe: inputs.egress.probe, image: inputs.egress.image },
        dryRun: inputs.dryRun,
    };
}
function connectPlan(inputs) {
    const { identity, cluster, access, proxy } = inputs;
    const id = (0,_arc_actions_azure__WEBPACK_IMPORTED_MODULE_2__/* .clusterRef */ .eN)(identity.subscriptionId, cluster.resourceGroup, cluster.clusterName).id;
    const apply = inputs.dryRun
        ? 'Skipped: dry-run stops after the plan.'
        : [
            inputs.registerProviders
                ? 'Register Microsoft.Kubernetes, Microsoft.KubernetesConfiguration and Microsoft.ExtendedLocation where needed'
                : 'Leave resource providers as they are',
            inputs.createResourceGroup
                ? `create resource group ${cluster.resourceGroup} in ${cluster.location} if missing`
                : `require resource group ${cluster.resourceGroup} to exist`,
            `PUT the connectedCluster with a new agent key, then install the Arc agents${proxy.display.https || proxy.display.http ? ' through the proxy' : ''} (auto-upgrade ${inputs.autoUpgrade ? 'on' : 'off'})`,
            inputs.extensions.length ? `install or update extensions ${inputs.extensions.map((e) => e.name).join(', ')}` : 'no extensions',
            inputs.roleAssignments.length ? `assign ${inputs.roleAssignments.length} role(s) at cluster scope` : 'no role assignments',
            inputs.workloadIdentity?.enabled
                ? `enable the OIDC issuer and workload identity, then ${inputs.workloadIdentity.apps.length} app(s)' federated credentials and manifests`
                : 'no workload identity',
        ].join('; ') + '.';
    return {
        action: 'arc-connect',
        dryRun: inputs.dryRun,
        inputs: inputsView(inputs),
        steps: [
            { phase: 'inputs', what: 'All inputs are valid.' },
            {
                phase: 'credential',
                what: `GitHub OIDC token (audience ${identity.audience}) exchanged for an Entra token of client ${identity.clientId} in tenant ${identity.tenantId} (${identity.environment.name}).`,
            },
            {
                phase: 'targets',
                what: `Cluster ${id}, reached through ${access.kubeconfig ? `the kubeconfig input (context ${access.kubeContext}, ${access.server})` : `the runner's kubeconfig, context ${access.kubeContext}`}.`,
            },
            {
                phase: 'plan',
                what: `Compare the connectedCluster, ${inputs.extensions.length} extension(s) and ${inputs.roleAssignments.length} role assignment(s) with Azure; read distribution and infrastructure from the cluster where not given.`,
            },
            { phase: 'apply', what: apply },
            {
                phase: 'observe',
                what: `Wait up to ${(0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(inputs.onboardingTimeoutMs)} for connectivity status Connected and every extension to succeed.`,
            },
            {
                phase: 'report',
                what: 'Outputs cluster-id, connectivity-status, agent-version, result, plan, allowlist and allowlist-file; a summary of the changes and of the allowlist.',
            },
        ],
    };
}
async function run(deps = {}) {
    await (0,_arc_actions_report__WEBPACK_IMPORTED_MODULE_4__/* .runAction */ .Cs)('arc-connect', async (action) => {
        const inputs = await action.phase('inputs', async () => {
            const read = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .readInputs */ .Ko)();
            _arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .log */ .Rm.info(JSON.stringify(connectPlan(read).steps, null, 2));
            return read;
        });
        const result = await action.phase('connect', () => (0,_story_js__WEBPACK_IMPORTED_MODULE_1__/* .connectCluster */ .bp)(inputs, deps));
        (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH)('cluster-id', result.clusterId);
        (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH)('connectivity-status', result.connectivityStatus ?? '');
        (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH)('agent-version', result.agentVersion ?? '');
        (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH)('result', result.result);
        (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH)('plan', result.plan);
        (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH)('oidc-issuer-url', result.oidcIssuerUrl ?? '');
        (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH)('apps', result.apps ?? []);
        (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH)('allowlist', result.allowlist?.document ?? '');
        (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH)('allowlist-file', result.allowlist?.file ?? '');
        await action.summary(result.summary);
        if (result.failure)
            action.fail(`arc-connect failed: ${result.failure}`);
    });
}


/***/ })

};
