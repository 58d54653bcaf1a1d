export const id = 11;
export const ids = [11];
export const modules = {

/***/ 48011:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _arc_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34786);
/* harmony import */ var _arc_actions_report__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6662);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(37798);
/* harmony import */ var _story_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(31723);




/** arc-verify: the nightly checklist of a governed fleet, as a JSON report, a step summary and a regression issue. */
async function run(deps = {}) {
    await (0,_arc_actions_report__WEBPACK_IMPORTED_MODULE_1__/* .runAction */ .Cs)('arc-verify', async (action) => {
        const inputs = await action.phase('inputs', async () => (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .readInputs */ .Ko)());
        // The summary and outputs are written before the regression issue, which GitHub may refuse.
        const writeOutcome = async (outcome) => {
            await action.summary(outcome.markdown);
            (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH)('report', outcome.report);
            (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH)('status', outcome.report.status);
            (0,_arc_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH)('matrix', outcome.matrix);
        };
        const outcome = await action.phase(inputs.mode, () => (0,_story_js__WEBPACK_IMPORTED_MODULE_3__/* .runVerify */ .R)(inputs, { ...deps, onOutcome: writeOutcome }));
        const { status } = outcome.report;
        if ((inputs.failOn === 'fail' && status === 'fail') || (inputs.failOn === 'warn' && status !== 'ok'))
            action.fail(`Fleet verification ended ${status}: ${outcome.report.counts.fail} clusters fail, ${outcome.report.counts.warn} warn (fail-on: ${inputs.failOn}).`);
    });
}


/***/ })

};
