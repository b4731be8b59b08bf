export const id = 849;
export const ids = [849];
export const modules = {

/***/ 4506:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ fixSnippets)
/* harmony export */ });
/* harmony import */ var _diagnosis_iam_policy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3391);
/**
 * The exact fix as something to copy: the policy that opens a closed IAM gate (every affected ARN of the group),
 * the trust-policy statement, and the AWS CLI commands that apply them or do what the probe would do with
 * create-agreement. Rendered as code blocks by the summary and the PR comment.
 */

function fixSnippets(finding, report) {
    const role = roleNameOf(report.identity?.arn);
    const snippets = [];
    if (finding.status !== 'fail')
        return snippets;
    if (finding.gate === 'iam-permission' && finding.statements.length > 0) {
        snippets.push({ label: 'Policy for these checks', lang: 'json', code: (0,_diagnosis_iam_policy_js__WEBPACK_IMPORTED_MODULE_0__/* .combinedPolicy */ .w)(finding.statements) }, {
            label: 'Attach it (saved as bedrock-access.json)',
            lang: 'sh',
            code: `aws iam put-role-policy --role-name ${role} --policy-name bedrock-access --policy-document file://bedrock-access.json`
        });
    }
    const trusted = trustedRole(finding);
    for (const statement of finding.trustPolicies) {
        snippets.push({
            label: 'Trust-policy statement that admits this token',
            lang: 'json',
            code: JSON.stringify(statement, null, 2)
        }, {
            label: "Add it to the role's trust policy (this prints the current one)",
            lang: 'sh',
            code: `aws iam get-role --role-name ${trusted ? roleNameOf(trusted) : role} --query Role.AssumeRolePolicyDocument`
        });
    }
    const places = uniquePlaces(finding);
    if (finding.cause === 'agreement-missing') {
        snippets.push({
            label: 'Create the agreement (accepts the provider EULA for the account), or run with create-agreement: true',
            lang: 'sh',
            code: places
                .map(({ model, region }) => `token=$(aws bedrock list-foundation-model-agreement-offers --model-id ${model} --region ${region} ` +
                `--query 'offers[0].offerToken' --output text)\n` +
                `aws bedrock create-foundation-model-agreement --model-id ${model} --offer-token "$token" --region ${region}`)
                .join('\n')
        });
    }
    if (finding.cause === 'use-case-missing') {
        const regions = [...new Set(places.map(place => place.region))];
        snippets.push({
            label: "Submit Anthropic's use-case form (JSON as for the use-case-form input), or run with create-agreement: true",
            lang: 'sh',
            code: regions
                .map(region => `aws bedrock put-use-case-for-model-access --form-data fileb://use-case.json --region ${region}`)
                .join('\n')
        });
    }
    return snippets;
}
/** Each model (its base ID when known) and region of the finding, once. */
function uniquePlaces(finding) {
    const seen = new Map();
    for (const check of finding.checks) {
        const model = check.baseModelId ?? check.model;
        seen.set(`${model}@${check.region}`, { model, region: check.region });
    }
    return [...seen.values()];
}
/** The role name of an assumed-role ARN (…:assumed-role/NAME/SESSION) or a role ARN (…:role/PATH/NAME). */
function roleNameOf(arn) {
    const match = /:assumed-role\/([^/]+)\/|:role\/(?:.*\/)?([^/]+)$/.exec(arn ?? '');
    return match?.[1] ?? match?.[2] ?? '<ROLE_NAME>';
}
/** The role whose trust policy refused the token (role-to-assume), from the credentials gate's hints. */
function trustedRole(finding) {
    return finding.checks.map(check => check.gates.credentials.hints?.roleArn).find(Boolean);
}


/***/ }),

/***/ 5849:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publish: () => (/* binding */ publish)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
// EXTERNAL MODULE: ./src/sanitize.ts
var sanitize = __webpack_require__(5540);
// EXTERNAL MODULE: ./src/types.ts
var types = __webpack_require__(6141);
// EXTERNAL MODULE: ./src/report/findings.ts
var findings = __webpack_require__(9334);
;// CONCATENATED MODULE: ./src/report/annotations.ts


/** GitHub's limit per step and level; more are dropped by the runner. */
const ANNOTATIONS_PER_LEVEL = 10;
function annotationsFor(report) {
    return [...capped(report, 'error'), ...capped(report, 'warning')];
}
function capped(report, level) {
    const all = (0,findings/* groupFindings */.kG)(report, level === 'error' ? 'fail' : 'warn').flatMap(finding => byLocation(finding).map(checks => annotation(finding, checks, level, report)));
    if (all.length <= ANNOTATIONS_PER_LEVEL)
        return all;
    const kept = all.slice(0, ANNOTATIONS_PER_LEVEL);
    const more = all.length - ANNOTATIONS_PER_LEVEL;
    const last = kept[ANNOTATIONS_PER_LEVEL - 1];
    kept[ANNOTATIONS_PER_LEVEL - 1] = {
        ...last,
        message: `${last.message} (and ${more} more ${level === 'error' ? 'closed gates' : 'warnings'} in the job summary)`
    };
    return kept;
}
/** The finding's checks, split by the file and line their model ID was found on (unlocated ones together). */
function byLocation(finding) {
    const groups = new Map();
    for (const check of finding.checks) {
        const key = check.source ? `${check.source.file}:${check.source.line}` : '';
        groups.set(key, [...(groups.get(key) ?? []), check]);
    }
    return [...groups.values()];
}
function annotation(finding, checks, level, report) {
    const first = checks[0];
    const gate = first.gates[finding.gate];
    const where = checks.map(check => `${check.model} @ ${check.region}`);
    const shown = where.slice(0, 4).join(', ') + (where.length > 4 ? ` and ${where.length - 4} more` : '');
    const fix = (0,findings/* fixWithHints */.CD)(first, gate);
    const state = level === 'error' ? 'closed' : 'warning';
    return {
        level,
        message: `${types/* GATE_TITLES */.Wc[finding.gate]} ${state} for ${shown}: ${(0,findings/* withoutCaller */.c9)(gate.detail, report)}.${fix ? ` Fix: ${fix}` : ''}`,
        properties: {
            title: `Bedrock ${types/* GATE_TITLES */.Wc[finding.gate]} ${state} (${checks.length} check${checks.length === 1 ? '' : 's'})`,
            ...(first.source ? { file: first.source.file, startLine: first.source.line } : {})
        }
    };
}

// EXTERNAL MODULE: ./src/report/summary.ts
var summary = __webpack_require__(7994);
// EXTERNAL MODULE: ./src/calls.ts
var calls = __webpack_require__(6406);
// EXTERNAL MODULE: ./src/report/commands.ts
var commands = __webpack_require__(4506);
;// CONCATENATED MODULE: ./src/report/terminal.ts
/**
 * Plain text for terminals and the Actions log: the verdict, who and what, the gate table, then one section per
 * finding. The action prints each section after the first in a collapsible ::group:: (src/main.ts); the CLI
 * prints them one after another.
 */




const SHORT = { pass: 'pass', fail: 'FAIL', warn: 'warn', skip: '-' };
function renderSections(report, iamPolicy) {
    // A merged report (several accounts) leads with the account.
    const merged = new Set(report.checks.map(check => check.account ?? '')).size > 1;
    const header = [
        ...(merged ? ['ACCOUNT'] : []),
        'MODEL',
        'REGION',
        ...types/* GATES */.JH.map(gate => types/* GATE_TITLES */.Wc[gate].toUpperCase()),
        'RESULT'
    ];
    const rows = report.checks.map(check => [
        ...(merged ? [check.account ?? ''] : []),
        check.model,
        check.region,
        ...types/* GATES */.JH.map(gate => SHORT[check.gates[gate].status]),
        check.result === 'fail' ? 'FAIL' : check.result
    ]);
    const widths = header.map((title, column) => Math.max(title.length, ...rows.map(row => row[column].length)));
    const format = (row) => row
        .map((cell, column) => cell.padEnd(widths[column]))
        .join('  ')
        .trimEnd();
    const first = [(0,findings/* headline */.Pl)(report)];
    if (report.identity)
        first.push(`Caller: ${report.identity.arn} (account ${report.identity.account})`);
    if (report.credentialSource)
        first.push(`Credentials: ${types/* CREDENTIAL_SOURCE_WORDS */.wu[report.credentialSource]}`);
    for (const note of report.credentialNotes ?? [])
        first.push(`Note: ${note}`);
    const probed = report.probed;
    if (probed) {
        first.push(`Probed: ${probed.models} model(s) × ${probed.regions.join(', ')}; ` +
            (probed.invoke
                ? `calls ${probed.calls.map(call => calls/* CALL_OPERATION */.xT[call]).join(', ')}`
                : 'control plane only') +
            `; ${probed.bootstrap ? 'bootstrap' : 'read-only'}; ${(probed.durationMs / 1000).toFixed(1)} s`);
    }
    first.push('', format(header), ...rows.map(format));
    for (const change of report.changes) {
        first.push(change.action === 'use-case-form-submitted'
            ? `Changed: submitted the Anthropic use-case form in ${change.region}`
            : `Changed: created the model agreement for ${change.model} in ${change.region}`);
    }
    const sections = [{ lines: first }];
    for (const status of ['fail', 'warn']) {
        for (const finding of (0,findings/* groupFindings */.kG)(report, status)) {
            const lines = [];
            lines.push(`  where: ${finding.checks.map(check => `${check.model} @ ${check.region}`).join(', ')}`);
            const { lines: seen, more } = (0,findings/* distinctSeen */.oS)(finding);
            for (const line of seen)
                lines.push(`  seen:  ${line.where ? `${line.where}: ` : ''}${(0,findings/* withoutCaller */.c9)(line.detail, report)}`);
            if (more > 0)
                lines.push(`  seen:  … and ${more} more alike`);
            for (const fix of finding.fixes)
                lines.push(`  fix:   ${fix}`);
            for (const line of finding.hints)
                lines.push(`  hint:  ${line}`);
            for (const snippet of (0,commands/* fixSnippets */.C)(finding, report)) {
                // The IAM policy is printed once, below, for every closed check.
                if (snippet.lang === 'json' && finding.gate === 'iam-permission')
                    continue;
                lines.push(`  ${snippet.label}:`, ...snippet.code.split('\n').map(line => `    ${line}`));
            }
            sections.push({ title: `${status === 'fail' ? '✗' : '!'} ${(0,findings/* findingTitle */.Aj)(finding)}`, lines });
        }
    }
    const skipped = (0,findings/* skipReasons */.dh)(report);
    if (skipped.length > 0) {
        sections.push({
            title: `- Not evaluated, and why (${skipped.length})`,
            lines: skipped.map(reason => `  ${types/* GATE_TITLES */.Wc[reason.gate]}: ${reason.detail} (${reason.checks
                .map(check => `${check.model} @ ${check.region}`)
                .join(', ')})`)
        });
    }
    if (iamPolicy) {
        sections.push({
            title: 'Least-privilege IAM policy for the failing checks (also the iam-policy output)',
            lines: iamPolicy.split('\n')
        });
    }
    return sections;
}
/** Every section in turn, titled: the CLI's output and `npm run demo`. */
function renderText(report, iamPolicy) {
    return (renderSections(report, iamPolicy)
        .map(section => [...(section.title ? ['', section.title] : []), ...section.lines].join('\n'))
        .join('\n') + '\n');
}

// EXTERNAL MODULE: ./src/report/verdict.ts
var verdict = __webpack_require__(687);
;// CONCATENATED MODULE: ./src/report/publish.ts
/**
 * Publishing the verdict (the action): loaded after the checks, so the renderers are not on the start-up path.
 */






/**
 * The verdict, everywhere it is read: the outputs, the log (the verdict and table open, each finding a
 * collapsible group), the job summary, the annotations, and the step's failure by fail-on.
 */
async function publish({ report, iamPolicy }, failOn, log) {
    core/* setOutput */.uH('result', report.result);
    core/* setOutput */.uH('report', JSON.stringify(report));
    core/* setOutput */.uH('iam-policy', iamPolicy);
    for (const section of renderSections(report, iamPolicy)) {
        if (section.title)
            core/* startGroup */.Oh((0,sanitize/* neutraliseCommands */.$B)(section.title));
        log.info(section.lines.join('\n'));
        if (section.title)
            core/* endGroup */.N4();
    }
    if (process.env.GITHUB_STEP_SUMMARY)
        await core/* summary */.z.addRaw((0,summary/* renderSummary */.B)(report)).write();
    for (const annotation of annotationsFor(report)) {
        const message = (0,sanitize/* neutraliseCommands */.$B)(annotation.message);
        if (annotation.level === 'error')
            core/* error */.z3(message, annotation.properties);
        else
            core/* warning */.$e(message, annotation.properties);
    }
    if ((0,verdict/* shouldFail */.W9)(report, failOn))
        core/* setFailed */.C1((0,sanitize/* neutraliseCommands */.$B)((0,verdict/* failureMessage */.oh)(report, failOn)));
}


/***/ }),

/***/ 7994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ renderSummary)
/* harmony export */ });
/* unused harmony export GATE_SHORT */
/* harmony import */ var _calls_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6406);
/* harmony import */ var _sanitize_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5540);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6141);
/* harmony import */ var _commands_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4506);
/* harmony import */ var _findings_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9334);
/**
 * The job summary (and the PR comment): read in ten seconds. The first screen answers the verdict in words,
 * who was checked and how, what was probed and how long it took, and a compact model × region matrix whose
 * cells name the closed gate. Then one section per closed gate with the exact fix to copy (the policy with every
 * affected ARN, the CLI command), AWS's own words folded; warnings folded; what was not evaluated and why.
 * Everything from outside (model IDs, AWS messages) is escaped; code blocks cannot be broken out of.
 */





/** The gates' names in a matrix cell: short, so a cell never wraps. */
const GATE_SHORT = {
    credentials: 'Credentials',
    region: 'Region',
    'model-access': 'Access',
    'provider-terms': 'Terms',
    'iam-permission': 'IAM'
};
function renderSummary(report, options = {}) {
    const out = [];
    out.push(`<h2>${_findings_js__WEBPACK_IMPORTED_MODULE_4__/* .VERDICT_MARK */ .s0[report.result]} ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)((0,_findings_js__WEBPACK_IMPORTED_MODULE_4__/* .headline */ .Pl)(report))}</h2>`);
    out.push(`<p>${whoLine(report)}<br>\n${whatLine(report)}</p>`);
    for (const note of report.credentialNotes ?? [])
        out.push(`<p>⚠️ ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(note)}</p>`);
    out.push(renderMatrix(report));
    out.push(`<p><sub>${_findings_js__WEBPACK_IMPORTED_MODULE_4__/* .VERDICT_MARK */ .s0.pass} proven · ${_findings_js__WEBPACK_IMPORTED_MODULE_4__/* .VERDICT_MARK */ .s0.fail} closed (the gate is named) · ${_findings_js__WEBPACK_IMPORTED_MODULE_4__/* .VERDICT_MARK */ .s0.inconclusive} nothing closed, nothing proven · ⚠️ passed with a warning</sub></p>`);
    if (report.changes.length > 0)
        out.push(renderChanges(report));
    for (const finding of (0,_findings_js__WEBPACK_IMPORTED_MODULE_4__/* .groupFindings */ .kG)(report, 'fail'))
        out.push(renderClosed(finding, report, options.comment !== undefined));
    const warnings = (0,_findings_js__WEBPACK_IMPORTED_MODULE_4__/* .groupFindings */ .kG)(report, 'warn');
    if (warnings.length > 0) {
        out.push('<h3>Warnings</h3>');
        for (const finding of warnings)
            out.push(renderWarning(finding, report));
    }
    const skipped = (0,_findings_js__WEBPACK_IMPORTED_MODULE_4__/* .skipReasons */ .dh)(report);
    if (skipped.length > 0) {
        const items = skipped.map(reason => `<li>${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(_types_js__WEBPACK_IMPORTED_MODULE_2__/* .GATE_TITLES */ .Wc[reason.gate])}: ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(reason.detail)} (${places(reason.checks)})</li>`);
        out.push(`<details><summary>${_findings_js__WEBPACK_IMPORTED_MODULE_4__/* .STATUS_MARK */ .Hl.skip} Not evaluated, and why (${skipped.length})</summary>\n<ul>\n${items.join('\n')}\n</ul>\n</details>`);
    }
    if (options.comment)
        out.push(commentFooter(options.comment));
    return out.join('\n') + '\n';
}
/** Who was checked, once: the caller, the account, where the credentials came from. */
function whoLine(report) {
    const accounts = accountsOf(report);
    const parts = [];
    if (accounts.length > 1)
        parts.push(`<b>Accounts</b> ${accounts.map(_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY).join(', ')}`);
    else if (report.identity)
        parts.push(`<b>Caller</b> ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(report.identity.arn)} in account ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(report.identity.account)}`);
    else
        parts.push('<b>Caller</b> not established');
    if (report.credentialSource)
        parts.push(`credentials from ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(_types_js__WEBPACK_IMPORTED_MODULE_2__/* .CREDENTIAL_SOURCE_WORDS */ .wu[report.credentialSource])}`);
    return parts.join(' · ');
}
/** What was probed, how, and how long it took. */
function whatLine(report) {
    const probed = report.probed;
    const checks = `${report.checks.length} check${report.checks.length === 1 ? '' : 's'}`;
    if (!probed)
        return `<b>Probed</b> ${checks}`;
    const parts = [
        `<b>Probed</b> ${probed.models} model${probed.models === 1 ? '' : 's'} × ${probed.regions.length} region${probed.regions.length === 1 ? '' : 's'} (${checks})`,
        probed.invoke
            ? `calls ${probed.calls.map(call => (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(_calls_js__WEBPACK_IMPORTED_MODULE_0__/* .CALL_OPERATION */ .xT[call])).join(', ')}`
            : 'control plane only (invoke: false)',
        probed.bootstrap ? 'bootstrap (create-agreement: may change the account)' : 'read-only',
        `${(probed.durationMs / 1000).toFixed(1)} s`
    ];
    return parts.join(' · ');
}
function accountsOf(report) {
    return [...new Set(report.checks.flatMap(check => (check.account ? [check.account] : [])))];
}
/**
 * Rows are models (per account in a merged report), columns are regions: a 14-check run is 7 short rows. A cell
 * is the check's mark and, unless it passed, the gate that decided it.
 */
function renderMatrix(report) {
    const regions = report.probed?.regions.length
        ? [...report.probed.regions, ...report.checks.map(check => check.region)]
        : report.checks.map(check => check.region);
    const columns = [...new Set(regions)];
    const merged = accountsOf(report).length > 1;
    const rowKey = (check) => `${merged ? (check.account ?? '') : ''}\u0000${check.model}`;
    const rows = new Map();
    for (const check of report.checks) {
        const row = rows.get(rowKey(check)) ?? new Map();
        row.set(check.region, check);
        rows.set(rowKey(check), row);
    }
    const header = [...(merged ? ['Account'] : []), 'Model', ...columns.map(region => (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(region))];
    const body = [...rows.entries()].map(([key, row]) => {
        const [account, model] = key.split('\u0000');
        const cells = [
            ...(merged ? [(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(account)] : []),
            (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(model),
            ...columns.map(region => {
                const check = row.get(region);
                return check ? cellOf(check) : '—';
            })
        ];
        return `<tr>${cells.map(cell => `<td>${cell}</td>`).join('')}</tr>`;
    });
    return `<table>\n<tr>${header.map(cell => `<th>${cell}</th>`).join('')}</tr>\n${body.join('\n')}\n</table>`;
}
/** ✅, ✅ ⚠️, ❌ IAM, ❌ Access + Terms, 🟡 timed out … */
function cellOf(check) {
    const mark = _findings_js__WEBPACK_IMPORTED_MODULE_4__/* .VERDICT_MARK */ .s0[check.result];
    if (check.result === 'pass') {
        const warned = _types_js__WEBPACK_IMPORTED_MODULE_2__/* .GATES */ .JH.some(gate => check.gates[gate].status === 'warn');
        return warned ? `${mark} ⚠️` : mark;
    }
    if (check.result === 'fail') {
        const closed = _types_js__WEBPACK_IMPORTED_MODULE_2__/* .GATES */ .JH.filter(gate => check.gates[gate].status === 'fail').map(gate => GATE_SHORT[gate]);
        return `${mark} ${closed.join(' + ')}`;
    }
    return `${mark} ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(unprovenWord(check))}`;
}
/** Why a check proved nothing, in two or three words. */
function unprovenWord(check) {
    for (const gate of _types_js__WEBPACK_IMPORTED_MODULE_2__/* .GATES */ .JH) {
        const result = check.gates[gate];
        if (result.status !== 'warn')
            continue;
        switch (result.cause) {
            case 'timed-out':
                return 'timed out';
            case 'unreachable':
                return 'unreachable';
            case 'cancelled':
                return 'cancelled';
            case 'fork-pull-request':
                return 'fork PR';
            case 'tls-untrusted':
                return 'TLS';
            case 'proxy-failed':
                return 'proxy';
            case 'not-from-aws':
                return 'not AWS';
            case 'service-error':
                return 'AWS 5xx';
            default:
                if (result.cause && !['model-legacy', 'agreement-pending'].includes(result.cause))
                    return 'fault';
        }
    }
    return 'not called';
}
function places(checks, limit = 12) {
    const shown = checks
        .slice(0, limit)
        .map(check => `${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(check.model)} @ ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(check.region)}${check.account ? ` (${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(check.account)})` : ''}`);
    return shown.join(', ') + (checks.length > limit ? `, and ${checks.length - limit} more` : '');
}
function renderChanges(report) {
    const items = report.changes.map(change => {
        const what = change.action === 'use-case-form-submitted'
            ? 'Submitted the Anthropic use-case form'
            : `Created the model agreement for ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(change.model ?? '')}${change.offerId ? ` (offer ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(change.offerId)})` : ''}`;
        return `<li>${what} in ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(change.region)}</li>`;
    });
    return `<h3>Changes made to the account</h3>\n<ul>\n${items.join('\n')}\n</ul>`;
}
/** A closed gate: where, the fix in words, the fix to copy, then what AWS said (folded). */
function renderClosed(finding, report, folded) {
    const lines = [
        `<h3>${_findings_js__WEBPACK_IMPORTED_MODULE_4__/* .STATUS_MARK */ .Hl.fail} ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)((0,_findings_js__WEBPACK_IMPORTED_MODULE_4__/* .findingTitle */ .Aj)(finding))}</h3>`,
        `<p><b>Where:</b> ${places(finding.checks)}</p>`,
        renderFixes(finding)
    ];
    const snippets = (0,_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .fixSnippets */ .C)(finding, report).flatMap(snippet => [
        `<p>${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(snippet.label)}:</p>`,
        '',
        fence(snippet.lang, snippet.code),
        ''
    ]);
    // The PR comment folds the code: the conversation stays short, the fix one click away.
    if (snippets.length > 0 && folded)
        lines.push('<details><summary>The fix to copy</summary>', '', ...snippets, '</details>');
    else
        lines.push(...snippets);
    lines.push(...finding.hints.map(line => `<p>${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(line)}</p>`));
    lines.push(renderSeen(finding, report));
    return lines.filter(Boolean).join('\n');
}
function renderWarning(finding, report) {
    const body = [
        `<p><b>Where:</b> ${places(finding.checks)}</p>`,
        renderFixes(finding),
        ...finding.hints.map(line => `<p>${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(line)}</p>`),
        renderSeen(finding, report, false)
    ];
    return `<details><summary>${_findings_js__WEBPACK_IMPORTED_MODULE_4__/* .STATUS_MARK */ .Hl.warn} ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)((0,_findings_js__WEBPACK_IMPORTED_MODULE_4__/* .findingTitle */ .Aj)(finding))}</summary>\n${body.filter(Boolean).join('\n')}\n</details>`;
}
function renderFixes(finding) {
    if (finding.fixes.length === 0)
        return '';
    if (finding.fixes.length === 1)
        return `<p><b>Fix:</b> ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(finding.fixes[0])}</p>`;
    return `<p><b>Fix:</b></p>\n<ul>\n${finding.fixes.map(fix => `<li>${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(fix)}</li>`).join('\n')}\n</ul>`;
}
/** AWS's own words, each distinct message once, without the caller's ARN (it is named above the table). */
function renderSeen(finding, report, folded = true) {
    const byDetail = new Map();
    for (const { check, detail } of finding.seen) {
        const text = (0,_findings_js__WEBPACK_IMPORTED_MODULE_4__/* .withoutCaller */ .c9)(detail, report);
        byDetail.set(text, [...(byDetail.get(text) ?? []), check]);
    }
    const items = [...byDetail.entries()].map(([detail, checks]) => byDetail.size === 1
        ? `<li>${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(detail)}</li>`
        : `<li>${places(checks, 3)}: ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(detail)}</li>`);
    const list = `<ul>\n${items.join('\n')}\n</ul>`;
    return folded ? `<details><summary>What was seen (${byDetail.size})</summary>\n${list}\n</details>` : list;
}
/**
 * A markdown code block (GitHub gives it a copy button). Its content is the probe's own JSON and commands built
 * from validated IDs; a backtick run is broken anyway so nothing can close the fence.
 */
function fence(lang, text) {
    return ['```' + lang, text.replace(/`{3,}/g, run => run.split('').join('\u200b')), '```'].join('\n');
}
function commentFooter({ runUrl, commit, time }) {
    const parts = [
        runUrl ? `<a href="${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(runUrl)}">workflow run</a>` : 'workflow run',
        ...(commit ? [`commit ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(commit.slice(0, 7))}`] : []),
        `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`
    ];
    return `<p><sub>bedrock-access-probe · ${parts.join(' · ')}</sub></p>`;
}


/***/ })

};
