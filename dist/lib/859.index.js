export const id = 859;
export const ids = [859];
export const modules = {

/***/ 70859:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _arc_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34786);
/* harmony import */ var _arc_actions_report__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6662);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(32593);
/* harmony import */ var _story_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(97893);
/* harmony import */ var _preview_render_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(61755);





/**
 * policy-rollout: plan (pull requests: check run, sticky comment, compliance diff), apply (idempotent writes with
 * provenance, policy extension on every cluster, evaluation triggered) and promote (audit → deny behind the gate).
 */
async function run(deps = {}) {
    await (0,_arc_actions_report__WEBPACK_IMPORTED_MODULE_1__/* .runAction */ .Cs)('policy-rollout', async (action) => {
        const inputs = await action.phase('inputs', async () => (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .readInputs */ .Ko)());
        // The summary and outputs are written before the check run and the comment, which GitHub may refuse.
        const writeResult = async (result) => {
            await action.summary(result.markdown);
            (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH)('result', {
                mode: inputs.mode,
                dryRun: inputs.dryRun,
                assignments: result.outcomes.map(({ matrix: _m, ...o }) => o),
                exemptions: result.exemptions,
                bootstrap: result.bootstrap.bootstrap,
                access: result.bootstrap.access,
                preview: (0,_preview_render_js__WEBPACK_IMPORTED_MODULE_4__/* .previewOutput */ .Ui)(result.preview),
                errors: result.errors,
            });
            (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH)('promoted', String(result.promoted));
            (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH)('violations', String(result.violations));
            (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH)('gate', result.gate);
        };
        // Each assignment is its own log group (runRollout), so the story is not wrapped in one.
        const result = await (0,_story_js__WEBPACK_IMPORTED_MODULE_3__/* .runRollout */ .p)(inputs, { ...deps, onResult: writeResult });
        for (const o of result.outcomes)
            _arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .log */ .Rm.info(o.message);
        if (result.failure)
            action.fail(result.failure);
    });
}


/***/ })

};
