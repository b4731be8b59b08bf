export const id = 246;
export const ids = [246];
export const modules = {

/***/ 2246:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   upsertPullRequestComment: () => (/* binding */ upsertPullRequestComment)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);
/* harmony import */ var _report_summary_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7994);
/**
 * The optional sticky PR comment (comment: true). Loaded with a dynamic import only when asked for, so
 * ordinary runs never load Octokit.
 */


const MARKER = '<!-- bedrock-access-probe -->';
async function upsertPullRequestComment(report, token, log) {
    const pull = _actions_github__WEBPACK_IMPORTED_MODULE_0__.context.payload.pull_request;
    const { serverUrl, runId } = _actions_github__WEBPACK_IMPORTED_MODULE_0__.context;
    const repository = process.env.GITHUB_REPOSITORY;
    const summary = (0,_report_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .renderSummary */ .B)(report, '', {
        comment: {
            ...(repository && runId ? { runUrl: `${serverUrl}/${repository}/actions/runs/${runId}` } : {}),
            // The pull request's head, not the merge commit GITHUB_SHA names.
            ...(pull?.head?.sha || _actions_github__WEBPACK_IMPORTED_MODULE_0__.context.sha
                ? { commit: pull?.head?.sha ?? _actions_github__WEBPACK_IMPORTED_MODULE_0__.context.sha }
                : {}),
            time: new Date()
        }
    });
    if (!pull) {
        log.warning('comment: true only posts on pull_request events; skipped.');
        return;
    }
    if (!token) {
        log.warning('comment: true needs github-token (default: the job token with pull-requests: write); skipped.');
        return;
    }
    try {
        const octokit = _actions_github__WEBPACK_IMPORTED_MODULE_0__.getOctokit(token);
        const { owner, repo } = _actions_github__WEBPACK_IMPORTED_MODULE_0__.context.repo;
        const body = `${MARKER}\n${summary}`;
        const comments = await octokit.paginate(octokit.rest.issues.listComments, {
            owner,
            repo,
            issue_number: pull.number,
            per_page: 100
        });
        const existing = comments.find(comment => comment.body?.startsWith(MARKER));
        if (existing)
            await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
        else
            await octokit.rest.issues.createComment({ owner, repo, issue_number: pull.number, body });
    }
    catch (error) {
        log.warning(`Could not post the PR comment (needs pull-requests: write): ${error.message}`);
    }
}


/***/ })

};
