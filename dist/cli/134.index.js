export const id = 134;
export const ids = [134];
export const modules = {

/***/ 5134:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MODEL_ID_PATTERN: () => (/* binding */ MODEL_ID_PATTERN),
/* harmony export */   SCANNED_PROVIDERS: () => (/* binding */ SCANNED_PROVIDERS),
/* harmony export */   addedIdsFromPatch: () => (/* binding */ addedIdsFromPatch),
/* harmony export */   anchorPatterns: () => (/* binding */ anchorPatterns),
/* harmony export */   findModelIds: () => (/* binding */ findModelIds),
/* harmony export */   preferAdded: () => (/* binding */ preferAdded),
/* harmony export */   pullRequestAddedIds: () => (/* binding */ pullRequestAddedIds),
/* harmony export */   scanText: () => (/* binding */ scanText)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _actions_glob__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3660);
/* harmony import */ var _model_id_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8994);
/**
 * models-from: find Bedrock model IDs, inference-profile IDs and ARNs in the repository's files, so a PR
 * check probes exactly what the code calls and annotates the line that names it.
 */




/** Providers whose IDs the scanner recognises (a closed list keeps "amazon.com" and the like out). */
const SCANNED_PROVIDERS = [
    'ai21',
    'amazon',
    'anthropic',
    'cohere',
    'deepseek',
    'google',
    'luma',
    'meta',
    'minimax',
    'mistral',
    'moonshot',
    'moonshotai',
    'nvidia',
    'openai',
    'qwen',
    'stability',
    'twelvelabs',
    'writer'
];
const PREFIX = `(?:(?:${_model_id_js__WEBPACK_IMPORTED_MODULE_3__/* .PROFILE_PREFIXES */ .Le.join('|')})\\.)?`;
const BARE_ID = `${PREFIX}(?:${SCANNED_PROVIDERS.join('|')})\\.[a-z0-9][a-z0-9._:-]*-[a-z0-9._:-]*`;
const ARN = 'arn:aws(?:-[a-z-]+)?:bedrock:[a-z0-9-]+:\\d{0,12}:(?:foundation-model|inference-profile|application-inference-profile)\\/[A-Za-z0-9._:-]+';
/** Not preceded by an ID character, so `xamazon.nova…` or a URL path segment does not match. */
const MODEL_ID_PATTERN = new RegExp(`(?<![A-Za-z0-9_./:-])(?:${ARN}|${BARE_ID})`, 'g');
const MAX_FILES = 5000;
const MAX_FILE_BYTES = 1024 * 1024;
/** Every model ID in a text, with its 1-based line; trailing sentence punctuation is not part of an ID. */
function scanText(text) {
    const found = [];
    const lines = text.split('\n');
    lines.forEach((line, index) => {
        for (const match of line.matchAll(MODEL_ID_PATTERN)) {
            const id = match[0].replace(/[.:_-]+$/, '');
            try {
                (0,_model_id_js__WEBPACK_IMPORTED_MODULE_3__/* .parseModelRef */ .qV)(id);
                found.push({ id, line: index + 1 });
            }
            catch {
                // Looks like an ID but is not a valid one: not ours to report.
            }
        }
    });
    return found;
}
async function findModelIds(patterns, workspace) {
    const globber = await _actions_glob__WEBPACK_IMPORTED_MODULE_2__/* .create */ .v(anchorPatterns(patterns, workspace), {
        matchDirectories: false,
        implicitDescendants: true
    });
    const files = (await globber.glob()).slice(0, MAX_FILES);
    const sources = new Map();
    for (const file of files.sort()) {
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(file).catch(() => undefined);
        if (!info?.isFile() || info.size > MAX_FILE_BYTES)
            continue;
        const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8').catch(() => '');
        if (text.includes('\u0000'))
            continue;
        for (const { id, line } of scanText(text)) {
            if (!sources.has(id))
                sources.set(id, { file: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(workspace, file), line });
        }
    }
    return { ids: [...sources.keys()], sources };
}
/** Relative patterns are relative to the workspace (the checkout), whatever the process's directory. */
function anchorPatterns(patterns, workspace) {
    return patterns
        .split(/[\n,]/)
        .map(line => line.trim())
        .filter(line => line && !line.startsWith('#'))
        .map(line => {
        const negated = line.startsWith('!');
        const pattern = negated ? line.slice(1) : line;
        return `${negated ? '!' : ''}${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(pattern) ? pattern : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(workspace, pattern)}`;
    })
        .join('\n');
}
/** IDs first that appear on lines a pull request adds (the unified diff's `+` lines), in diff order. */
function addedIdsFromPatch(patch) {
    const found = [];
    let newLine = 0;
    for (const line of patch.split('\n')) {
        const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
        if (hunk) {
            newLine = Number(hunk[1]);
            continue;
        }
        if (line.startsWith('+')) {
            for (const { id } of scanText(line.slice(1)))
                found.push({ id, line: newLine });
            newLine++;
        }
        else if (!line.startsWith('-')) {
            newLine++;
        }
    }
    return found;
}
/** Put the IDs a pull request adds first (and point their sources at the added line). */
function preferAdded(extra, added) {
    const sources = new Map(extra.sources);
    const first = [];
    for (const { id, file, line } of added) {
        if (!first.includes(id))
            first.push(id);
        sources.set(id, { file, line });
    }
    return { ids: [...first, ...extra.ids.filter(id => !first.includes(id))], sources };
}
/** Model IDs on lines the pull request adds, with file and line, from the PR's file patches. */
async function pullRequestAddedIds(token, log) {
    // Octokit is loaded only here, for pull requests.
    const github = await Promise.all(/* import() */[__webpack_require__.e(413), __webpack_require__.e(268)]).then(__webpack_require__.bind(__webpack_require__, 2413));
    // Behind a proxy Octokit's fetch needs undici's ProxyAgent, kept out of the start-up bundle (src/vendor/undici.ts).
    await (await __webpack_require__.e(/* import() */ 887).then(__webpack_require__.bind(__webpack_require__, 2268))).loadUndici();
    const pull = github.context.payload.pull_request;
    if (!pull || !token)
        return [];
    try {
        const octokit = github.getOctokit(token);
        const { owner, repo } = github.context.repo;
        const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
            owner,
            repo,
            pull_number: pull.number,
            per_page: 100
        });
        const providers = new RegExp(SCANNED_PROVIDERS.join('|'));
        return files
            .filter(file => file.patch && providers.test(file.patch))
            .flatMap(file => addedIdsFromPatch(file.patch).map(found => ({ ...found, file: file.filename })));
    }
    catch (error) {
        log.warning(`Could not read the pull request's files (${error.message}); probing in file order.`);
        return [];
    }
}


/***/ })

};
