export const id = 107;
export const ids = [107];
export const modules = {

/***/ 9107:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MergeError: () => (/* binding */ MergeError),
/* harmony export */   findReportFiles: () => (/* binding */ findReportFiles),
/* harmony export */   mergeReports: () => (/* binding */ mergeReports),
/* harmony export */   readReports: () => (/* binding */ readReports)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _actions_glob__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3660);
/* harmony import */ var _diagnosis_iam_policy_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3391);
/* harmony import */ var _report_verdict_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(687);
/**
 * One report for a fleet: platform teams probe many accounts (a GitHub Actions matrix, one job per account and
 * region set, each saving its `report` with report-file) and merge the reports into one summary with an account
 * column and one result. Used by the action (input `merge`) and the CLI (`bedrock-access-probe merge FILES…`).
 * No AWS call: the verdicts were made where the credentials were.
 */





class MergeError extends Error {
    constructor(message) {
        super(message);
        this.name = 'MergeError';
    }
}
/** The report files the patterns name (globs, or plain paths, relative to cwd), in a stable order. */
async function findReportFiles(patterns, cwd) {
    const files = new Set();
    for (const pattern of patterns) {
        const absolute = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(pattern) ? pattern : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(cwd, pattern);
        const found = await (await _actions_glob__WEBPACK_IMPORTED_MODULE_2__/* .create */ .v(absolute, { matchDirectories: false })).glob();
        if (found.length === 0)
            throw new MergeError(`"${pattern}" names no file (relative to ${cwd}); check the artifact download path`);
        for (const file of found)
            files.add(file);
    }
    return [...files].sort();
}
/** Read and check each report; a file that is not a probe report is named, never skipped silently. */
function readReports(files) {
    return files.map(file => {
        let parsed;
        try {
            parsed = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
        }
        catch (error) {
            throw new MergeError(`${file} is not JSON: ${error.message}`);
        }
        const report = parsed;
        if (!report || !Array.isArray(report.checks) || typeof report.result !== 'string') {
            throw new MergeError(`${file} is not a bedrock-access-probe report (no "result" and "checks")`);
        }
        return { report: report, file };
    });
}
/**
 * One report from many. Each check is tagged with its account (the report's identity, else the file's name),
 * the result is the worst of all, and the IAM policy is given only when every check is in one account (a policy
 * is attached per account).
 */
function mergeReports(parts) {
    if (parts.length === 0)
        throw new MergeError('no report to merge');
    const checks = parts.flatMap(({ report, file }) => {
        // A masked account (mask-account-id) reads ***: the file's name tells the accounts apart then.
        const known = report.identity?.account;
        const account = known && known !== '***' ? known : accountFromFile(file);
        return report.checks.map(check => ({ ...check, account: check.account ?? account }));
    });
    const accounts = [...new Set(checks.map(check => check.account))];
    const identities = parts.map(part => part.report.identity).filter(identity => identity !== undefined);
    const sources = [...new Set(parts.map(part => part.report.credentialSource))];
    const merged = (0,_report_verdict_js__WEBPACK_IMPORTED_MODULE_4__/* .buildReport */ .FK)(checks, accounts.length === 1 ? identities[0] : undefined, parts.flatMap(part => part.report.changes ?? []), parts.some(part => part.report.cancelled), {
        ...(sources.length === 1 && sources[0] ? { credentialSource: sources[0] } : {}),
        credentialNotes: [...new Set(parts.flatMap(part => part.report.credentialNotes ?? []))],
        ...mergedScope(parts.map(part => part.report.probed))
    });
    // Reports of the same account from several jobs (region sets) are one account, not several.
    const statements = checks.flatMap(check => (check.iamStatement ? [check.iamStatement] : []));
    return { report: merged, iamPolicy: accounts.length === 1 ? (0,_diagnosis_iam_policy_js__WEBPACK_IMPORTED_MODULE_3__/* .combinedPolicy */ .w)(statements) : '' };
}
function mergedScope(scopes) {
    const known = scopes.filter((scope) => scope !== undefined);
    if (known.length === 0)
        return {};
    return {
        probed: {
            models: Math.max(...known.map(scope => scope.models)),
            regions: [...new Set(known.flatMap(scope => scope.regions))],
            calls: [...new Set(known.flatMap(scope => scope.calls))],
            invoke: known.some(scope => scope.invoke),
            bootstrap: known.some(scope => scope.bootstrap),
            durationMs: Math.max(...known.map(scope => scope.durationMs))
        }
    };
}
/** report-111122223333.json → 111122223333; else the file's base name. */
function accountFromFile(file) {
    const base = file.split(/[\\/]/).pop() ?? file;
    return /(\d{12})/.exec(base)?.[1] ?? base.replace(/\.json$/, '');
}


/***/ })

};
