export const id = 859;
export const ids = [859];
export const modules = {

/***/ 70859:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96421);
/* harmony import */ var _arc_actions_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(19297);
/* harmony import */ var _arc_actions_report__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(96958);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(43423);
/* harmony import */ var _story_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(58224);





/**
 * policy-rollout: plan (pull requests: check run, sticky comment, compliance diff), apply (idempotent writes with
 * provenance, policy extension on every cluster, evaluation triggered) and promote (audit → deny behind the gate).
 */
async function run(deps = {}) {
    await (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .runAction */ .Cs)('policy-rollout', async () => {
        const inputs = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .readInputs */ .Ko)();
        const result = await (0,_story_js__WEBPACK_IMPORTED_MODULE_4__/* .runRollout */ .p)(inputs, deps);
        await (0,_arc_actions_report__WEBPACK_IMPORTED_MODULE_2__/* .writeStepSummary */ .oG)(result.markdown);
        (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .setOutput */ .uH)('result', {
            mode: inputs.mode,
            dryRun: inputs.dryRun,
            assignments: result.outcomes.map(({ matrix: _m, ...o }) => o),
            errors: result.errors,
        });
        (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .setOutput */ .uH)('promoted', String(result.promoted));
        (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .setOutput */ .uH)('violations', String(result.violations));
        (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .setOutput */ .uH)('gate', result.gate);
        for (const o of result.outcomes)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(o.message);
        if (result.failure)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(result.failure);
    });
}


/***/ })

};
