export const id = 268;
export const ids = [268,887];
export const modules = {

/***/ 2268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ProxyAgent: () => (/* binding */ ProxyAgent),
/* harmony export */   fetch: () => (/* binding */ fetch),
/* harmony export */   loadUndici: () => (/* binding */ loadUndici)
/* harmony export */ });
let real;
/** Load undici (a lazy chunk) before anything may construct a ProxyAgent: Octokit, behind a proxy. */
async function loadUndici() {
    real ??= (await __webpack_require__.e(/* import() */ 752).then(__webpack_require__.t.bind(__webpack_require__, 6752, 19)));
}
function loaded() {
    if (!real)
        throw new Error('undici is not loaded: call loadUndici() before talking to the GitHub API');
    return real;
}
const fetch = (...args) => loaded().fetch(...args);
const ProxyAgent = function ProxyAgent(...args) {
    return new (loaded().ProxyAgent)(...args);
};


/***/ })

};
