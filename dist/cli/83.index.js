export const id = 83;
export const ids = [83];
export const modules = {

/***/ 3983:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BP: () => (/* binding */ listPublicOffers),
/* harmony export */   DF: () => (/* binding */ putUseCase),
/* harmony export */   co: () => (/* binding */ listSystemProfiles),
/* harmony export */   er: () => (/* binding */ readProfile),
/* harmony export */   mb: () => (/* binding */ readProfileListing),
/* harmony export */   p2: () => (/* binding */ readFoundationModel),
/* harmony export */   ro: () => (/* binding */ readUseCaseOnFile),
/* harmony export */   sq: () => (/* binding */ readAvailability),
/* harmony export */   tx: () => (/* binding */ createAgreement)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_bedrock__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3701);
/* harmony import */ var _model_id_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8994);
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9551);
/**
 * Bedrock control-plane reads and writes, each returning a typed outcome instead of throwing.
 * A read the identity may not make comes back "denied" (evidence missing), never as a closed gate.
 */



/** One control-plane read: send, classify a failure as evidence (denied, not found, failed), translate. */
async function readAs(clients, region, 
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the client's own input/output unions
command, permission, translate) {
    const read = (0,_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .toRead */ .YP)(await clients.send(_aws_sdk_client_bedrock__WEBPACK_IMPORTED_MODULE_2__/* .BedrockClient */ .eDv, region, command), permission);
    return read.state === 'ok' ? { state: 'ok', value: translate(read.value) } : read;
}
async function readProfile(clients, region, profileId) {
    return readAs(clients, region, new _aws_sdk_client_bedrock__WEBPACK_IMPORTED_MODULE_2__/* .GetInferenceProfileCommand */ .Yjh({ inferenceProfileIdentifier: profileId }), 'bedrock:GetInferenceProfile', profile => {
        const modelArns = (profile.models ?? [])
            .map(model => model.modelArn)
            .filter((arn) => !!arn);
        const baseIds = modelArns.map(_model_id_js__WEBPACK_IMPORTED_MODULE_0__/* .baseModelIdFromArn */ .Te).filter((id) => !!id);
        return {
            arn: profile.inferenceProfileArn,
            baseModelId: baseIds[0],
            modelArns,
            destinationRegions: [...new Set(modelArns.map(_model_id_js__WEBPACK_IMPORTED_MODULE_0__/* .regionFromArn */ .e0).filter((r) => !!r))]
        };
    });
}
// The availability states are documented only by name in the API reference (GetFoundationModelAvailability:
// AVAILABLE | NOT_AVAILABLE, agreement AVAILABLE | PENDING | NOT_AVAILABLE | ERROR, AUTHORIZED | NOT_AUTHORIZED).
const AGREEMENT_STATES = {
    AVAILABLE: 'live',
    PENDING: 'pending',
    NOT_AVAILABLE: 'missing',
    ERROR: 'error'
};
function yesNo(value, yes, no) {
    return value === yes ? true : value === no ? false : undefined;
}
async function readAvailability(clients, region, baseModelId) {
    return readAs(clients, region, new _aws_sdk_client_bedrock__WEBPACK_IMPORTED_MODULE_2__/* .GetFoundationModelAvailabilityCommand */ .Rai({ modelId: baseModelId }), 'bedrock:GetFoundationModelAvailability', translateAvailability);
}
function translateAvailability(value) {
    const reported = value.agreementAvailability?.status;
    const agreement = (reported && AGREEMENT_STATES[reported]) || 'unknown';
    const availability = {
        offered: yesNo(value.regionAvailability, 'AVAILABLE', 'NOT_AVAILABLE'),
        entitled: yesNo(value.entitlementAvailability, 'AVAILABLE', 'NOT_AVAILABLE'),
        agreement,
        authorized: yesNo(value.authorizationStatus, 'AUTHORIZED', 'NOT_AUTHORIZED')
    };
    if (agreement === 'error' && value.agreementAvailability?.errorMessage)
        availability.agreementError = value.agreementAvailability.errorMessage;
    if (agreement === 'unknown' && reported)
        availability.agreementReported = reported;
    return availability;
}
/** The model's kind from its output modalities (a text model may also list others; text wins). */
function modalityOf(outputs) {
    if (outputs.includes('TEXT'))
        return 'text';
    if (outputs.includes('EMBEDDING'))
        return 'embedding';
    if (outputs.includes('VIDEO'))
        return 'video';
    if (outputs.includes('IMAGE'))
        return 'image';
    return undefined;
}
function onDemandOf(types) {
    if (types.length === 0)
        return 'unknown';
    return types.includes('ON_DEMAND') ? 'supported' : 'not-supported';
}
async function readFoundationModel(clients, region, baseModelId) {
    return readAs(clients, region, new _aws_sdk_client_bedrock__WEBPACK_IMPORTED_MODULE_2__/* .GetFoundationModelCommand */ .kFc({ modelIdentifier: baseModelId }), 'bedrock:GetFoundationModel', translateDetails);
}
function translateDetails({ modelDetails: model }) {
    const inferenceTypes = model?.inferenceTypesSupported ?? [];
    const details = {
        modality: modalityOf(model?.outputModalities ?? []),
        onDemand: onDemandOf(inferenceTypes),
        inferenceTypes
    };
    const lifecycle = model?.modelLifecycle;
    if (lifecycle?.status === 'LEGACY') {
        details.legacy = {
            ...(lifecycle.legacyTime ? { legacyTime: lifecycle.legacyTime } : {}),
            ...(lifecycle.endOfLifeTime ? { endOfLifeTime: lifecycle.endOfLifeTime } : {}),
            ...(lifecycle.publicExtendedAccessTime
                ? { publicExtendedAccessTime: lifecycle.publicExtendedAccessTime }
                : {})
        };
    }
    return details;
}
/** System-defined profiles in a region that route to the model (the fix for "on-demand not supported"). */
/**
 * Every system-defined inference profile of a region, as base model → profile IDs that route to it (all pages,
 * at most 10). A listing that fails yields what was read: the profile names are a hint, never a verdict.
 */
async function listSystemProfiles(clients, region) {
    const byModel = new Map();
    let nextToken;
    for (let page = 0; page < 10; page++) {
        const outcome = await clients.send(_aws_sdk_client_bedrock__WEBPACK_IMPORTED_MODULE_2__/* .BedrockClient */ .eDv, region, new _aws_sdk_client_bedrock__WEBPACK_IMPORTED_MODULE_2__/* .ListInferenceProfilesCommand */ .R58({ typeEquals: 'SYSTEM_DEFINED', maxResults: 1000, nextToken }));
        if (!outcome.ok)
            break;
        for (const profile of outcome.value.inferenceProfileSummaries ?? []) {
            if (!profile.inferenceProfileId)
                continue;
            const bases = new Set((profile.models ?? []).flatMap(model => (model.modelArn ? [(0,_model_id_js__WEBPACK_IMPORTED_MODULE_0__/* .baseModelIdFromArn */ .Te)(model.modelArn)] : [])));
            for (const base of bases) {
                if (!base)
                    continue;
                byModel.set(base, [...(byModel.get(base) ?? []), profile.inferenceProfileId].sort());
            }
        }
        nextToken = outcome.value.nextToken;
        if (!nextToken)
            break;
    }
    return byModel;
}
/**
 * Whether this identity may list inference profiles here (one page of one entry): Claude Code lists them at
 * start-up, so its preset proves bedrock:ListInferenceProfiles.
 */
async function readProfileListing(clients, region) {
    const outcome = await clients.send(_aws_sdk_client_bedrock__WEBPACK_IMPORTED_MODULE_2__/* .BedrockClient */ .eDv, region, new _aws_sdk_client_bedrock__WEBPACK_IMPORTED_MODULE_2__/* .ListInferenceProfilesCommand */ .R58({ maxResults: 1 }));
    return (0,_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .toRead */ .YP)(outcome.ok ? { ok: true, value: true } : outcome, 'bedrock:ListInferenceProfiles');
}
async function listPublicOffers(clients, region, baseModelId) {
    const outcome = await clients.send(_aws_sdk_client_bedrock__WEBPACK_IMPORTED_MODULE_2__/* .BedrockClient */ .eDv, region, new _aws_sdk_client_bedrock__WEBPACK_IMPORTED_MODULE_2__/* .ListFoundationModelAgreementOffersCommand */ .nPP({ modelId: baseModelId, offerType: 'PUBLIC' }));
    if (!outcome.ok)
        return outcome;
    const offers = (outcome.value.offers ?? [])
        .filter((offer) => !!offer.offerToken)
        .map(offer => ({ offerId: offer.offerId, offerToken: offer.offerToken }));
    return { ok: true, value: offers };
}
async function createAgreement(clients, region, baseModelId, offerToken) {
    return done(await clients.send(_aws_sdk_client_bedrock__WEBPACK_IMPORTED_MODULE_2__/* .BedrockClient */ .eDv, region, new _aws_sdk_client_bedrock__WEBPACK_IMPORTED_MODULE_2__/* .CreateFoundationModelAgreementCommand */ .opG({ modelId: baseModelId, offerToken })));
}
/** Whether the account has a use-case form on file: ResourceNotFound means none (as observed). */
async function readUseCaseOnFile(clients, region) {
    const outcome = await clients.send(_aws_sdk_client_bedrock__WEBPACK_IMPORTED_MODULE_2__/* .BedrockClient */ .eDv, region, new _aws_sdk_client_bedrock__WEBPACK_IMPORTED_MODULE_2__/* .GetUseCaseForModelAccessCommand */ .X$J({}));
    if (!outcome.ok && (0,_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .isNotFound */ .c4)(outcome.failure))
        return { state: 'ok', value: false };
    const read = (0,_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .toRead */ .YP)(outcome, 'bedrock:GetUseCaseForModelAccess');
    return read.state === 'ok' ? { state: 'ok', value: (read.value.formData?.length ?? 0) > 0 } : read;
}
async function putUseCase(clients, region, formData) {
    return done(await clients.send(_aws_sdk_client_bedrock__WEBPACK_IMPORTED_MODULE_2__/* .BedrockClient */ .eDv, region, new _aws_sdk_client_bedrock__WEBPACK_IMPORTED_MODULE_2__/* .PutUseCaseForModelAccessCommand */ .Yr_({ formData })));
}
/** A write whose answer carries nothing the probe uses. */
function done(outcome) {
    return outcome.ok ? { ok: true, value: undefined } : outcome;
}


/***/ }),

/***/ 8083:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkPair: () => (/* binding */ checkPair),
  credentialsClosedCheck: () => (/* binding */ credentialsClosedCheck),
  memoizedProfileListing: () => (/* binding */ memoizedProfileListing),
  memoizedProfileLookup: () => (/* binding */ memoizedProfileLookup)
});

// EXTERNAL MODULE: ./src/aws/control-plane.ts
var control_plane = __webpack_require__(3983);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-bedrock-runtime/dist-cjs/index.js
var dist_cjs = __webpack_require__(7462);
// EXTERNAL MODULE: ./src/aws/failure.ts
var aws_failure = __webpack_require__(9551);
;// CONCATENATED MODULE: ./src/aws/invoke.ts
/**
 * The minimal calls: the cheapest request of each kind the workload makes (Converse, ConverseStream, InvokeModel,
 * InvokeModelWithResponseStream), one short message and at most 16 output tokens.
 *
 * - Converse sends maxTokens and nothing else: it is the one inference parameter Converse maps for every model,
 *   while sampling parameters are refused by some (newer Claude models refuse temperature; xAI models "doesn't
 *   support the temperature field"), which would blame the account for the probe's own request.
 * - InvokeModel takes the provider's own body, so each family has its smallest valid one (invokeBody below).
 * - A stream is read to its end within the request timeout; an exception that arrives inside it (the SDK throws it
 *   from the iterator) is a failure like any other. A 2xx answer without the expected shape is a fault, not a pass.
 */


const MINIMAL_PROMPT = 'Reply with OK.';
const MAX_OUTPUT_TOKENS = 16;
async function minimalCall(clients, region, modelId, request) {
    const { call } = request;
    const failed = (failure) => ({ state: 'failed', call, failure });
    const messages = [{ role: 'user', content: [{ text: MINIMAL_PROMPT }] }];
    const inferenceConfig = { maxTokens: MAX_OUTPUT_TOKENS };
    const invokeInput = () => ({
        modelId,
        contentType: 'application/json',
        accept: 'application/json',
        body: new TextEncoder().encode(JSON.stringify(request.body ?? {}))
    });
    switch (call) {
        case 'converse': {
            const outcome = await clients.send(dist_cjs/* BedrockRuntimeClient */.mam, region, new dist_cjs/* ConverseCommand */.Ruf({ modelId, messages, inferenceConfig }));
            if (!outcome.ok)
                return failed(outcome.failure);
            return outcome.value.output?.message
                ? { state: 'ok', call }
                : failed(malformed('Converse answered without an output message'));
        }
        case 'invoke': {
            const outcome = await clients.send(dist_cjs/* BedrockRuntimeClient */.mam, region, new dist_cjs/* InvokeModelCommand */.ZXi(invokeInput()));
            if (!outcome.ok)
                return failed(outcome.failure);
            return outcome.value.body && outcome.value.body.length > 0
                ? { state: 'ok', call }
                : failed(malformed('InvokeModel answered with an empty body'));
        }
        case 'converse-stream': {
            const outcome = await clients.send(dist_cjs/* BedrockRuntimeClient */.mam, region, new dist_cjs/* ConverseStreamCommand */.vDc({ modelId, messages, inferenceConfig }));
            if (!outcome.ok)
                return failed(outcome.failure);
            const read = await drain(outcome.value.stream, clients.settings.requestTimeoutMs, event => 'messageStop' in event && event.messageStop !== undefined ? 'end' : undefined);
            return read === 'ok' ? { state: 'ok', call } : failed(read);
        }
        case 'invoke-stream': {
            const outcome = await clients.send(dist_cjs/* BedrockRuntimeClient */.mam, region, new dist_cjs/* InvokeModelWithResponseStreamCommand */.C5l(invokeInput()));
            if (!outcome.ok)
                return failed(outcome.failure);
            const read = await drain(outcome.value.body, clients.settings.requestTimeoutMs, event => 'chunk' in event && event.chunk?.bytes && event.chunk.bytes.length > 0 ? 'chunk' : undefined);
            return read === 'ok' ? { state: 'ok', call } : failed(read);
        }
    }
}
/**
 * Read an event stream to its end. `mark` says which events prove an answer ('end' for ConverseStream's
 * messageStop, 'chunk' for a response chunk); a stream that ends without one is unreadable, one that throws is
 * classified like any other AWS error, and one that stalls past the request timeout is a timeout.
 */
async function drain(stream, timeoutMs, mark) {
    if (!stream)
        return malformed('the stream answer had no event stream');
    const iterator = stream[Symbol.asyncIterator]();
    let proven = false;
    let timer;
    const stalled = new Promise(resolve => {
        timer = setTimeout(() => resolve('stalled'), timeoutMs);
    });
    try {
        for (;;) {
            const next = await Promise.race([iterator.next(), stalled]);
            if (next === 'stalled') {
                void iterator.return?.();
                return {
                    kind: 'timeout',
                    name: 'TimeoutError',
                    message: `timed out: the stream did not end within ${timeoutMs / 1000} s`
                };
            }
            if (next.done)
                break;
            if (mark(next.value))
                proven = true;
        }
    }
    catch (error) {
        const failure = (0,aws_failure/* describeAwsError */.Pp)(error);
        return { ...failure, message: `the stream broke off: ${failure.message}` };
    }
    finally {
        clearTimeout(timer);
    }
    return proven ? 'ok' : malformed('the stream ended without an answer');
}
/**
 * The smallest valid InvokeModel body for each model family, from the Bedrock user guide's "Inference request
 * parameters and response fields for foundation models" pages (model-parameters-anthropic-claude-messages,
 * -nova (messages-v1), -titan-text, -meta, -mistral-text-completion, -cohere-command-r-plus, -jamba, -deepseek,
 * -openai; embeddings: -titan-embed-text, -embed). undefined: no body is known for the family, and the probe
 * says so instead of guessing.
 */
function invokeBody(baseModelId) {
    const embedding = embeddingBody(baseModelId);
    if (embedding)
        return embedding;
    const id = baseModelId;
    const chat = [{ role: 'user', content: MINIMAL_PROMPT }];
    if (id.startsWith('anthropic.claude'))
        return { anthropic_version: 'bedrock-2023-05-31', max_tokens: MAX_OUTPUT_TOKENS, messages: chat };
    if (id.startsWith('amazon.nova'))
        return {
            schemaVersion: 'messages-v1',
            messages: [{ role: 'user', content: [{ text: MINIMAL_PROMPT }] }],
            inferenceConfig: { maxTokens: MAX_OUTPUT_TOKENS }
        };
    if (id.startsWith('amazon.titan-text'))
        return { inputText: MINIMAL_PROMPT, textGenerationConfig: { maxTokenCount: MAX_OUTPUT_TOKENS } };
    if (id.startsWith('meta.llama'))
        return { prompt: MINIMAL_PROMPT, max_gen_len: MAX_OUTPUT_TOKENS };
    if (id.startsWith('mistral.'))
        return { prompt: `<s>[INST] ${MINIMAL_PROMPT} [/INST]`, max_tokens: MAX_OUTPUT_TOKENS };
    if (id.startsWith('cohere.command-r'))
        return { message: MINIMAL_PROMPT, max_tokens: MAX_OUTPUT_TOKENS };
    if (id.startsWith('ai21.jamba'))
        return { messages: chat, max_tokens: MAX_OUTPUT_TOKENS };
    if (id.startsWith('deepseek.'))
        return { prompt: MINIMAL_PROMPT, max_tokens: MAX_OUTPUT_TOKENS };
    if (id.startsWith('openai.'))
        return { messages: chat, max_completion_tokens: MAX_OUTPUT_TOKENS };
    return undefined;
}
/**
 * The smallest valid InvokeModel body for the embedding families that take one synchronously
 * (Titan Text Embeddings: inputText; Cohere Embed: texts + input_type, per the Bedrock model parameters pages).
 */
function embeddingBody(baseModelId) {
    if (baseModelId.startsWith('amazon.titan-embed'))
        return { inputText: 'ok' };
    if (baseModelId.startsWith('cohere.embed'))
        return { texts: ['ok'], input_type: 'search_query' };
    return undefined;
}
function malformed(message) {
    return {
        kind: 'fault',
        fault: 'malformed',
        name: 'MalformedResponse',
        message: `unreadable response: ${message}`
    };
}

// EXTERNAL MODULE: ./src/calls.ts
var src_calls = __webpack_require__(6406);
// EXTERNAL MODULE: ./src/diagnosis/catalogue.ts
var catalogue = __webpack_require__(5752);
// EXTERNAL MODULE: ./src/model-id.ts
var model_id = __webpack_require__(8994);
// EXTERNAL MODULE: ./src/types.ts
var types = __webpack_require__(6141);
// EXTERNAL MODULE: ./src/gates/common.ts
var common = __webpack_require__(6895);
// EXTERNAL MODULE: ./src/gates/credentials.ts
var gates_credentials = __webpack_require__(4598);
// EXTERNAL MODULE: ./src/diagnosis/iam-policy.ts
var iam_policy = __webpack_require__(3391);
;// CONCATENATED MODULE: ./src/gates/iam-permission.ts




/**
 * The gate from the calls, unless the catalogue recognised a refusal (then iamFromRefusal or another gate).
 * Pass only when every asked call's action was proven by a call that got through.
 */
function iamFromCalls(calls) {
    if (calls.state === 'not-run')
        return { status: 'skip', cause: calls.cause, detail: `Not called: ${calls.reason}` };
    const { outcomes } = calls;
    const ok = outcomes.filter(outcome => outcome.state === 'ok');
    const failed = outcomes.flatMap(outcome => (outcome.state === 'failed' ? [outcome] : []));
    const proven = ok.length > 0 ? ` (${succeededPart(ok)})` : '';
    const refused = failed.find(outcome => outcome.failure.kind === 'service');
    if (refused)
        return unrecognisedRefusal(refused.call, refused.failure);
    const fault = failed.find(outcome => outcome.failure.kind !== 'throttled');
    if (fault) {
        const gate = (0,common/* faultGate */.YP)(src_calls/* CALL_OPERATION */.xT[fault.call], fault.failure);
        return { ...gate, detail: gate.detail + proven };
    }
    const throttled = failed.find(outcome => outcome.failure.kind === 'throttled');
    if (throttled) {
        return {
            status: 'warn',
            cause: 'throttled',
            detail: `${src_calls/* CALL_OPERATION */.xT[throttled.call]} was throttled after retries (${throttled.failure.message}); throttling comes after authorization, so access is in place${proven}`,
            fix: 'Nothing to fix for access. Re-run later, or raise the quota.'
        };
    }
    // A call not made leaves its action unproven, unless another call that got through needs the same action.
    const provenActions = new Set(ok.map(outcome => src_calls/* CALL_ACTION */.UR[outcome.call]));
    const unproven = outcomes.find((outcome) => outcome.state === 'not-run' &&
        outcome.cause !== 'call-not-applicable' &&
        !provenActions.has(src_calls/* CALL_ACTION */.UR[outcome.call]));
    if (unproven) {
        return {
            status: 'skip',
            cause: unproven.cause,
            detail: `${src_calls/* CALL_ACTION */.UR[unproven.call]} not proven: ${unproven.reason}${proven}`
        };
    }
    const notApplicable = outcomes.filter(outcome => outcome.state === 'not-run');
    return {
        status: 'pass',
        detail: succeededPart(ok) +
            (notApplicable.length > 0
                ? `; ${notApplicable.map(outcome => src_calls/* CALL_OPERATION */.xT[outcome.call]).join(', ')} not made (${notApplicable[0].reason})`
                : '')
    };
}
/** "Converse and ConverseStream succeeded (bedrock:InvokeModel, bedrock:InvokeModelWithResponseStream)". */
function succeededPart(ok) {
    const operations = ok.map(outcome => src_calls/* CALL_OPERATION */.xT[outcome.call]);
    const list = operations.length > 1 ? `${operations.slice(0, -1).join(', ')} and ${operations.at(-1)}` : operations[0];
    return `${list} succeeded (${(0,src_calls/* actionsOf */.Ro)(ok.map(outcome => outcome.call)).join(', ')})`;
}
/**
 * A closed IAM gate, with which calls were refused for which action and which got through: a role that may
 * call Converse but not stream is told exactly that.
 */
function withCallsNamed(gate, outcomes) {
    if (gate.status !== 'fail' || outcomes.length < 2)
        return gate;
    const refused = outcomes.filter(outcome => outcome.state === 'failed' && outcome.failure.kind === 'service');
    const ok = outcomes.filter(outcome => outcome.state === 'ok');
    const missing = (0,src_calls/* actionsOf */.Ro)(refused.map(outcome => outcome.call));
    const refusedPart = `refused: ${refused.map(outcome => src_calls/* CALL_OPERATION */.xT[outcome.call]).join(', ')} (${missing.join(', ')})`;
    return {
        ...gate,
        detail: `${gate.detail} — ${refusedPart}${ok.length > 0 ? `; ${succeededPart(ok)}` : ''}`,
        fix: `Allow ${missing.join(' and ')}: ${lowerFirst(gate.fix ?? 'Attach the policy statement below.')}`
    };
}
function lowerFirst(text) {
    return text.charAt(0).toLowerCase() + text.slice(1);
}
function unrecognisedRefusal(call, failure) {
    const operation = src_calls/* CALL_OPERATION */.xT[call];
    // A refusal is proof that the workload would fail, even when the probe cannot say which gate refused.
    return {
        status: 'fail',
        cause: 'unrecognised-refusal',
        detail: `${operation} was refused with an answer the probe does not recognise: ${failure.name}: ${failure.message}`,
        fix: 'The workload would be refused the same way. Search the exact message above in the Bedrock troubleshooting ' +
            'guide and AWS re:Post; if it is about access, please report it to bedrock-access-probe with the message so the ' +
            'probe can name its gate.'
    };
}
/** A refused call that the catalogue puts on this gate; an SCP denial names the destination it blocks. */
function iamFromRefusal(e, failure, diagnosis) {
    const gate = (0,common/* fromCatalogue */.Kn)(e, failure, diagnosis);
    if (gate.cause !== 'iam-scp-deny')
        return gate;
    const blocked = blockedDestination(diagnosis.groups[1] ?? '', e);
    return blocked
        ? {
            ...gate,
            detail: `${gate.detail} (the SCP blocks ${blocked}, a destination region of this inference profile)`
        }
        : gate;
}
/** The destination region an SCP denied, when the denied resource is a foundation model in another region. */
function blockedDestination(resource, e) {
    const match = /^arn:[\w-]+:bedrock:([a-z0-9-]+)::foundation-model\//.exec(resource);
    if (!match || !e.isProfile)
        return undefined;
    return match[1] !== e.region ? match[1] : undefined;
}
/**
 * The workload also lists inference profiles (claude-code): a denied listing closes the gate even when every call
 * got through, and a listing lost to a fault leaves it unproven.
 */
function withProfileListing(gate, e) {
    const listing = e.profileListing;
    if (!listing || gate.status === 'fail')
        return gate;
    if (listing.state === 'denied') {
        return {
            status: 'fail',
            cause: 'iam-list-denied',
            detail: `bedrock:ListInferenceProfiles is not allowed: ${listing.failure.message}`,
            fix: 'Claude Code lists inference profiles to resolve its models: allow bedrock:ListInferenceProfiles (statement below).'
        };
    }
    if (listing.state === 'failed' && gate.status === 'pass') {
        const fault = (0,common/* faultGate */.YP)('ListInferenceProfiles', listing.failure);
        return { ...fault, detail: `${gate.detail}; ${fault.detail}` };
    }
    return listing.state === 'ok' && gate.status === 'pass'
        ? { ...gate, detail: `${gate.detail}; ListInferenceProfiles allowed` }
        : gate;
}
/** The statement that opens a closed gate; none for an SCP, which no identity policy can override. */
function iamStatementFor(e, gate, asked) {
    if (gate.status !== 'fail' || gate.cause === 'iam-scp-deny')
        return undefined;
    if (gate.cause === 'iam-list-denied')
        return listStatement(e);
    const profile = e.profile.state === 'ok' ? e.profile.value : undefined;
    return (0,iam_policy/* invokeStatement */.o)({
        region: e.region,
        account: e.account,
        baseModelId: e.baseModelId,
        profileId: e.profileId,
        profileArn: profile?.arn,
        profileModelArns: profile?.modelArns,
        actions: (0,src_calls/* actionsOf */.Ro)(asked)
    });
}
function listStatement(e) {
    return {
        Sid: `ListInferenceProfiles${e.region.replace(/[^A-Za-z0-9]/g, '')}`,
        Effect: 'Allow',
        Action: ['bedrock:ListInferenceProfiles'],
        Resource: [
            `arn:${(0,model_id/* partitionOf */.iQ)(e.region)}:bedrock:${e.region}:${e.account ?? '<ACCOUNT_ID>'}:inference-profile/*`
        ]
    };
}

;// CONCATENATED MODULE: ./src/gates/model-access.ts


function decideModelAccess(e) {
    const failure = e.bootstrap.agreementFailure;
    if (failure)
        return agreementCreationFailed(e, failure);
    const lifecycle = lifecycleVerdict(e);
    if (lifecycle?.status === 'fail')
        return lifecycle;
    const availability = e.availability;
    if (availability.state !== 'ok')
        return lifecycle ?? (0,common/* unreadGate */.pC)(availability, 'bedrock:GetFoundationModelAvailability');
    if (availability.value.entitled === false) {
        return {
            status: 'fail',
            cause: 'not-entitled',
            detail: `The account is not entitled to ${e.baseModelId} in ${e.region} (entitlementAvailability NOT_AVAILABLE)`,
            fix: e.marketplace
                ? 'Create the model agreement: run with create-agreement: true from a role with aws-marketplace:Subscribe and ' +
                    'aws-marketplace:ViewSubscriptions (one-time per account).'
                : 'First-party and open-weight models need no subscription: an SCP or a model-restricting policy may be hiding it.'
        };
    }
    if (lifecycle)
        return lifecycle;
    return availability.value.entitled
        ? { status: 'pass', detail: 'Entitled (AVAILABLE)' }
        : {
            status: 'skip',
            cause: 'not-read',
            detail: 'GetFoundationModelAvailability did not report entitlementAvailability; the call is the evidence'
        };
}
function agreementCreationFailed(e, failure) {
    const diagnosis = (0,catalogue/* diagnose */.h)(failure);
    if (diagnosis?.entry.gate === 'model-access')
        return (0,common/* fromCatalogue */.Kn)(e, failure, diagnosis);
    if (failure.kind !== 'service')
        return (0,common/* faultGate */.YP)('CreateFoundationModelAgreement', failure);
    return {
        status: 'fail',
        cause: 'agreement-create-failed',
        detail: `Creating the agreement failed: ${failure.name}: ${failure.message}`,
        fix: 'Check bedrock:CreateFoundationModelAgreement and the AWS Marketplace permissions of this identity.'
    };
}
/** A Legacy model: a warning until its end-of-life date, closed after it. */
function lifecycleVerdict(e) {
    const legacy = e.details.state === 'ok' ? e.details.value.legacy : undefined;
    if (!legacy)
        return undefined;
    const dates = lifecycleDates(legacy);
    if (legacy.endOfLifeTime && legacy.endOfLifeTime.getTime() <= e.now.getTime()) {
        return {
            status: 'fail',
            cause: 'model-end-of-life',
            detail: `${e.baseModelId} has reached end of life (${dates})`,
            fix: 'Move to an active model (see the Bedrock model lifecycle page for the successor).'
        };
    }
    return {
        status: 'warn',
        cause: 'model-legacy',
        detail: `${e.baseModelId} is Legacy (${dates})`,
        fix: 'Plan the move to an active model before the end-of-life date; accounts that stop using a Legacy model lose access.'
    };
}
function lifecycleDates(legacy) {
    const parts = [];
    const day = (date) => date.toISOString().slice(0, 10);
    if (legacy.legacyTime)
        parts.push(`legacy since ${day(legacy.legacyTime)}`);
    if (legacy.publicExtendedAccessTime)
        parts.push(`extended access from ${day(legacy.publicExtendedAccessTime)}`);
    if (legacy.endOfLifeTime)
        parts.push(`end of life ${day(legacy.endOfLifeTime)}`);
    return parts.join(', ') || 'no dates published';
}
/** A refused call on this gate; a lifecycle refusal names the published dates. */
function modelAccessFromRefusal(e, failure, diagnosis) {
    const gate = (0,common/* fromCatalogue */.Kn)(e, failure, diagnosis);
    const legacy = e.details.state === 'ok' ? e.details.value.legacy : undefined;
    const lifecycleRow = gate.cause === 'model-legacy' || gate.cause === 'model-end-of-life';
    return lifecycleRow && legacy ? { ...gate, detail: `${gate.detail} (${lifecycleDates(legacy)})` } : gate;
}

;// CONCATENATED MODULE: ./src/gates/provider-terms.ts

/**
 * A first call to a Marketplace model with no agreement subscribes the account and accepts the provider's
 * EULA (model-access user guide): the call plan must not make it unless create-agreement asked for that.
 * `would-accept`: the agreement is missing. `unknown`: its state could not be read, so a call might.
 */
function termsRiskOfCalling(e) {
    if (!e.marketplace)
        return 'none';
    if (e.availability.state !== 'ok')
        return 'unknown';
    return e.availability.value.agreement === 'missing' ? 'would-accept' : 'none';
}
function decideProviderTerms(e) {
    const created = e.bootstrap.agreementCreated ? ' (agreement created by this run)' : '';
    if (!e.marketplace) {
        return {
            status: 'pass',
            detail: 'Not sold through AWS Marketplace: no agreement or use-case form needed'
        };
    }
    if (e.bootstrap.formMissing) {
        return {
            status: 'fail',
            cause: 'use-case-missing',
            detail: "Anthropic's use-case form is not on file for this account, and no use-case-form input was given",
            fix: 'Set use-case-form (inline JSON or a file) together with create-agreement: true.'
        };
    }
    if (e.bootstrap.noOffer) {
        return {
            status: 'fail',
            cause: 'no-offer',
            detail: `No public agreement offer was found for ${e.baseModelId} in ${e.region}`,
            fix: 'Check the model ID and region; private offers need to be accepted in the AWS Marketplace console.'
        };
    }
    if (e.bootstrap.waitTimedOut !== undefined) {
        return {
            status: 'fail',
            cause: 'wait-timed-out',
            detail: `Access did not become live within ${e.bootstrap.waitedSeconds ?? 0} s${created}; last seen: ${e.bootstrap.waitTimedOut}`,
            fix: 'AWS says access can take up to 15 minutes to settle: re-run later (nothing will be created twice), or raise wait-timeout-seconds.'
        };
    }
    const availability = e.availability;
    if (availability.state !== 'ok')
        return (0,common/* unreadGate */.pC)(availability, 'bedrock:GetFoundationModelAvailability');
    const { agreement, agreementError, agreementReported, authorized } = availability.value;
    if (authorized === false) {
        return e.anthropic
            ? {
                status: 'fail',
                cause: 'use-case-missing',
                detail: "Not authorized: Anthropic's use-case form is not on file (authorizationStatus NOT_AUTHORIZED)",
                fix: 'Run with create-agreement: true and use-case-form (once per account or at the organisation management account), ' +
                    'then allow up to 15 minutes.'
            }
            : {
                status: 'fail',
                cause: 'not-authorized',
                detail: 'The provider has not authorized this account (authorizationStatus NOT_AUTHORIZED)',
                fix: 'Review the provider terms for this model in the Bedrock console.'
            };
    }
    switch (agreement) {
        case 'live':
            return { status: 'pass', detail: `Agreement in place${created}` };
        case 'pending':
            return {
                status: 'warn',
                cause: 'agreement-pending',
                detail: `Agreement PENDING${created}`,
                fix: 'The subscription is being set up: access usually settles in about 2 minutes and can take up to 15. Calls may succeed now and fail later if a prerequisite is missing.'
            };
        case 'error':
            return {
                status: 'fail',
                cause: 'agreement-error',
                detail: `Agreement in ERROR: ${agreementError ?? 'no errorMessage given'}`,
                fix: 'Check the AWS account has a valid payment method for AWS Marketplace, then delete and re-create the agreement.'
            };
        case 'missing':
            return {
                status: 'fail',
                cause: 'agreement-missing',
                detail: `No agreement for ${e.baseModelId} in this account (agreementAvailability NOT_AVAILABLE)`,
                fix: "Run with create-agreement: true (this accepts the provider EULA on the account's behalf), or have a role with " +
                    'aws-marketplace:Subscribe invoke the model once. The probe does not call the model here, because a first call ' +
                    'would accept the EULA without being asked to.'
            };
        case 'unknown':
            return {
                status: 'warn',
                cause: 'agreement-unknown',
                detail: `Agreement status ${agreementReported ?? 'missing'}`
            };
    }
}

;// CONCATENATED MODULE: ./src/gates/region.ts

/** Region verdicts whose fix is best shown with the inference profiles that would reach the model. */
const PROFILE_HINT_CAUSES = new Set([
    'on-demand-unsupported',
    'region-not-offered',
    'profile-not-found',
    'invalid-model-id'
]);
function decideRegion(e) {
    return e.isProfile ? profileRegion(e) : baseModelRegion(e);
}
/** A profile exists in its geography's source regions only, and routes to its destinations from there. */
function profileRegion(e) {
    const profile = e.profile;
    switch (profile.state) {
        case 'ok':
            return {
                status: 'pass',
                detail: `Profile routes to ${profile.value.destinationRegions.join(', ') || 'its destination regions'}`
            };
        case 'not-found':
            return {
                status: 'fail',
                cause: 'profile-not-found',
                detail: `Inference profile ${e.profileId} does not exist in ${e.region}`,
                fix: "Cross-region profiles exist only in their geography's source regions (us. in US regions, eu. in EU regions, …); " +
                    'pick a region of that geography or the profile for this one.'
            };
        case 'failed':
            return (0,common/* faultGate */.YP)('GetInferenceProfile', profile.failure);
        default:
            return (0,common/* unreadGate */.pC)(profile, 'bedrock:GetInferenceProfile');
    }
}
function baseModelRegion(e) {
    if (e.details.state === 'ok' && e.details.value.onDemand === 'not-supported') {
        return {
            status: 'fail',
            cause: 'on-demand-unsupported',
            detail: `${e.baseModelId} cannot be invoked on demand by its base ID (inference types: ${e.details.value.inferenceTypes.join(', ')})`,
            fix: 'Call it through an inference profile that contains it, and allow that profile ARN in IAM.'
        };
    }
    const availability = e.availability;
    if (availability.state !== 'ok')
        return (0,common/* unreadGate */.pC)(availability, 'bedrock:GetFoundationModelAvailability');
    switch (availability.value.offered) {
        case true:
            return { status: 'pass', detail: `Offered in ${e.region}` };
        case false:
            return {
                status: 'fail',
                cause: 'region-not-offered',
                detail: `${e.baseModelId} is not offered in ${e.region} (regionAvailability NOT_AVAILABLE)`,
                fix: 'Use a region where the model is offered, or an inference profile that reaches it.'
            };
        default:
            return {
                status: 'skip',
                cause: 'not-read',
                detail: 'GetFoundationModelAvailability did not report regionAvailability; the call is the evidence'
            };
    }
}

;// CONCATENATED MODULE: ./src/gates/index.ts











/** First pass: every gate the reads can decide. `credentials` is the run's verdict, decided once. */
function decideControlPlane(e, credentials) {
    return oneRootCause({
        credentials: (0,gates_credentials/* credentialsFromReads */.cu)(e) ?? (0,gates_credentials/* keyAcceptedByReads */.z3)(e, credentials) ?? credentials,
        region: decideRegion(e),
        'model-access': decideModelAccess(e),
        'provider-terms': decideProviderTerms(e)
    }, e);
}
/**
 * One root cause closes one gate: the gates behind it are "not evaluated", saying why, so no two fixes
 * compete. A model not offered in the region has no entitlement or agreement there to speak of; a Marketplace
 * entitlement follows its agreement, so a missing or settling agreement is the provider-terms gate's to fix.
 */
function oneRootCause(verdicts, e) {
    const notEvaluated = (why) => ({
        status: 'skip',
        cause: 'not-evaluated',
        detail: `Not evaluated: ${why}`
    });
    const region = verdicts.region;
    if (region.status === 'fail') {
        const why = `the Region gate is closed (${region.cause ?? 'region'})`;
        return {
            ...verdicts,
            'model-access': verdicts['model-access'].status === 'pass' ? verdicts['model-access'] : notEvaluated(why),
            'provider-terms': verdicts['provider-terms'].status === 'pass' ? verdicts['provider-terms'] : notEvaluated(why)
        };
    }
    const access = verdicts['model-access'];
    const terms = verdicts['provider-terms'];
    const agreementIsTheCause = e.marketplace &&
        access.cause === 'not-entitled' &&
        (terms.cause === 'agreement-missing' ||
            terms.cause === 'agreement-pending' ||
            terms.cause === 'use-case-missing' ||
            terms.cause === 'wait-timed-out' ||
            e.bootstrap.agreementCreated === true);
    if (agreementIsTheCause) {
        return {
            ...verdicts,
            'model-access': notEvaluated(e.bootstrap.agreementCreated
                ? 'the agreement this run created is still being set up, and the entitlement follows it'
                : 'the entitlement follows the provider agreement (see Provider terms)')
        };
    }
    return verdicts;
}
/**
 * Whether to make the minimal call, and which, from the verdicts. Image and video models are never invoked
 * (each call is billed per image or clip), and a call that could accept a provider's terms unasked is never made.
 */
function planCall(e, verdicts, { invoke, calls, termsGuarded }) {
    const none = (cause, reason) => ({ via: 'none', cause, reason });
    if (!invoke)
        return none('invoke-disabled', 'invoke is false; only a call proves bedrock:InvokeModel');
    if (verdicts.credentials.status === 'fail')
        return none('credentials', 'no usable credentials');
    const { bootstrap } = e;
    if (bootstrap.waitTimedOut !== undefined || bootstrap.formMissing || bootstrap.agreementFailure)
        return none('bootstrap-incomplete', 'access is not live yet');
    const region = verdicts.region;
    if (region.status === 'fail')
        return none(region.cause ?? 'region-not-offered', `the Region gate is closed: ${region.detail}`);
    const termsRisk = termsRiskOfCalling(e);
    if (termsRisk === 'would-accept') {
        return none('would-accept-eula', "no agreement exists, and a first call would accept the provider's EULA (set create-agreement: true to do that)");
    }
    if (termsRisk === 'unknown' && !termsGuarded) {
        return none('agreement-unreadable', "the provider agreement could not be read, and a first call could accept the provider's EULA: grant " +
            'bedrock:GetFoundationModelAvailability (read-only), or use role-to-assume, whose session policy denies subscribing');
    }
    const modality = (e.details.state === 'ok' ? e.details.value.modality : undefined) ?? (0,model_id/* modalityFromId */.pb)(e.baseModelId ?? '');
    return callsFor(modality, e.baseModelId ?? '', calls);
}
/** The calls for a model of this modality once every gate before IAM reads open. */
function callsFor(modality, baseModelId, calls) {
    const none = (cause, reason) => ({ via: 'none', cause, reason });
    switch (modality) {
        case 'image':
        case 'video':
            return none('media-model', `${modality} models are billed per generated ${modality === 'image' ? 'image' : 'clip'}; the control plane is the evidence`);
        case 'embedding': {
            // Embedding models answer InvokeModel only: that one call is their proof, whichever calls were asked for.
            const body = embeddingBody(baseModelId);
            if (!body)
                return none('embedding-unknown', 'no minimal request body is known for this embedding model');
            const notRun = calls
                .filter(call => call !== 'invoke')
                .map(call => notRunCall(call, 'call-not-applicable', 'embedding models answer InvokeModel only'));
            return { via: 'calls', requests: [{ call: 'invoke', body }], notRun };
        }
        default:
            return textModelCalls(baseModelId, calls);
    }
}
/**
 * The requests the plan will make for a model judged by its ID alone, if every gate reads open: what a check may
 * send together with its reads (src/check.ts keeps the answers only if the real plan is the same).
 */
function plannedRequests(baseModelId, calls) {
    const plan = callsFor((0,model_id/* modalityFromId */.pb)(baseModelId), baseModelId, calls);
    return plan.via === 'calls' ? plan.requests : undefined;
}
/**
 * Whether a system-defined profile's geography covers the source region (us. in us-*, eu. in eu-*, apac. in ap-*,
 * global. everywhere): only then is a profile call sent before the profile read confirms it exists here.
 */
function profileCoversRegion(profileId, region) {
    const prefix = /^([a-z]+(?:-[a-z]+)?)\./.exec(profileId)?.[1];
    if (!prefix)
        return false;
    if (prefix === 'global')
        return true;
    const geography = {
        us: /^us-(east|west)-/,
        'us-gov': /^us-gov-/,
        eu: /^eu-/,
        apac: /^ap-/,
        jp: /^ap-northeast-[13]$/,
        au: /^ap-southeast-[24]$/,
        ca: /^ca-/
    };
    return geography[prefix]?.test(region) ?? false;
}
/** Each asked call for a text model; an InvokeModel call needs the provider's body, known for the main families. */
function textModelCalls(baseModelId, calls) {
    const requests = [];
    const notRun = [];
    for (const call of calls) {
        if (call === 'converse' || call === 'converse-stream') {
            requests.push({ call });
            continue;
        }
        const body = invokeBody(baseModelId);
        if (body)
            requests.push({ call, body });
        else
            notRun.push(notRunCall(call, 'invoke-body-unknown', `no minimal ${src_calls/* CALL_OPERATION */.xT[call]} body is known for ${baseModelId || 'this model'}'s family`));
    }
    if (requests.length === 0) {
        const first = notRun[0];
        return { via: 'none', cause: first.cause, reason: first.reason };
    }
    return { via: 'calls', requests, notRun };
}
function notRunCall(call, cause, reason) {
    return { state: 'not-run', call, cause, reason };
}
/** The gates a successful call proves, whatever the control plane could or could not read. */
const PROVEN_BY_A_CALL = ['credentials', 'region', 'model-access', 'provider-terms'];
/** Gate-specific readings of a refusal; the others take the catalogue row as it is. */
const REFUSAL_RULES = {
    'model-access': modelAccessFromRefusal,
    'iam-permission': iamFromRefusal
};
/** Second pass: what the calls proved or refused, over the control plane's verdicts. */
function decide(e, verdicts, calls, asked) {
    const gates = { ...verdicts, 'iam-permission': iamFromCalls(calls) };
    if (calls.state === 'made') {
        const { outcomes } = calls;
        const failures = outcomes.flatMap(outcome => (outcome.state === 'failed' ? [outcome.failure] : []));
        // A refusal is proof the workload fails: the first one the catalogue recognises names its gate.
        const refusal = failures
            .filter(failure => failure.kind === 'service')
            .map(failure => ({ failure, diagnosis: (0,catalogue/* diagnose */.h)(failure) }))
            .find((found) => found.diagnosis !== undefined);
        const succeeded = outcomes.some(outcome => outcome.state === 'ok');
        if (refusal)
            applyRefusal(gates, e, refusal.failure, refusal.diagnosis);
        if (succeeded && (!refusal || refusal.diagnosis.entry.gate === 'iam-permission')) {
            // One call got through: every gate before IAM is open, whatever another call's action was refused.
            for (const name of PROVEN_BY_A_CALL)
                gates[name] = provenByCall(gates[name]);
        }
        else if (!refusal && failures.some(failure => failure.kind === 'throttled')) {
            for (const name of PROVEN_BY_A_CALL) {
                if (gates[name].status === 'skip' || (0,common/* isFaultGate */.oN)(gates[name]))
                    gates[name] = { status: 'pass', detail: 'The request was authorized (it was throttled afterwards)' };
            }
        }
        if (refusal?.diagnosis.entry.gate === 'iam-permission')
            gates['iam-permission'] = withCallsNamed(gates['iam-permission'], outcomes);
    }
    // A refused credential refuses the listing too: one root cause closes one gate.
    if (gates.credentials.status !== 'fail')
        gates['iam-permission'] = withProfileListing(gates['iam-permission'], e);
    const iamStatement = iamStatementFor(e, gates['iam-permission'], asked);
    return { gates, ...(iamStatement ? { iamStatement } : {}) };
}
/** A control-plane verdict after a successful call. */
function provenByCall(gate) {
    // A read that was denied or lost to a fault left the gate open to question; the call answers it.
    if (gate.status === 'skip' || (0,common/* isFaultGate */.oN)(gate))
        return { status: 'pass', detail: `Proven by the call (${gate.detail})` };
    if (gate.status === 'fail') {
        return {
            status: 'warn',
            ...(gate.cause ? { cause: gate.cause } : {}),
            detail: `The call succeeded although ${gate.detail}`,
            fix: 'Access may still be settling: AWS lets first calls through while a subscription completes, and they fail with 403 later if a prerequisite is missing.'
        };
    }
    return gate;
}
function applyRefusal(gates, e, failure, diagnosis) {
    const name = diagnosis.entry.gate;
    const rule = REFUSAL_RULES[name] ?? common/* fromCatalogue */.Kn;
    const fromCall = rule(e, failure, diagnosis);
    if (name === 'iam-permission') {
        gates[name] = fromCall;
        return;
    }
    const before = gates[name];
    // Both sources closed the gate: keep the control plane's account of it and add the call's words.
    gates[name] =
        before.status === 'fail' && fromCall.status === 'fail'
            ? { ...before, detail: `${before.detail} (the call said: ${failure.message})` }
            : fromCall;
    gates['iam-permission'] = {
        status: 'skip',
        cause: 'refused-earlier',
        detail: `Not proven: the call was refused at the ${types/* GATE_TITLES */.Wc[name]} gate`
    };
}
/** IAM-gate causes of a call that got past authorization and was then held back: access is proven. */
const CALL_GOT_THROUGH = new Set(['throttled', 'quota-exceeded']);
/**
 * IAM-gate causes of a call the probe did not make by design (invoke: false, or a model billed per image or
 * clip): the control plane is then the whole evidence, and it must read open.
 */
const CALL_NOT_ASKED = new Set(['invoke-disabled', 'media-model']);
/** Control-plane warnings that still read open: the model works today. */
const OPEN_WITH_CAVEAT = new Set(['model-legacy']);
/**
 * The check's result. fail when any gate is closed; pass only on proof (the call got through, or a call not
 * asked for and every other gate read open); inconclusive otherwise. Green means proven.
 */
function overallResult(gates) {
    if (Object.values(gates).some(gate => gate.status === 'fail'))
        return 'fail';
    // allowed-account-ids was asked for and could not be checked: the call got through, but not as proven.
    if (gates.credentials.cause === 'account-unverifiable')
        return 'inconclusive';
    const iam = gates['iam-permission'];
    if (iam.status === 'pass' || (iam.cause !== undefined && CALL_GOT_THROUGH.has(iam.cause)))
        return 'pass';
    const readOpen = (gate) => gate.status === 'pass' ||
        (gate.status === 'warn' && gate.cause !== undefined && OPEN_WITH_CAVEAT.has(gate.cause));
    const controlPlane = types/* GATES */.JH.filter(name => name !== 'iam-permission').map(name => gates[name]);
    if (iam.status === 'skip' &&
        iam.cause !== undefined &&
        CALL_NOT_ASKED.has(iam.cause) &&
        controlPlane.every(readOpen))
        return 'pass';
    return 'inconclusive';
}
/** Whether the region verdict is one whose fix is best shown with the profiles that reach the model. */
function wantsProfileHint(gates) {
    const region = gates.region;
    return region.status === 'fail' && region.cause !== undefined && PROFILE_HINT_CAUSES.has(region.cause);
}

// EXTERNAL MODULE: ./src/hints.ts
var hints = __webpack_require__(9957);
;// CONCATENATED MODULE: ./src/check.ts






async function checkPair(pair, ctx) {
    const { ref, region } = pair;
    const reads = gatherEvidence(pair, ctx);
    // The minimal calls go out with the reads when nothing they could do needs the reads first.
    const early = ctx.speculate && ctx.invoke ? speculativeCalls(pair, ctx) : undefined;
    const credentials = await ctx.credentials;
    if (!credentials.usable)
        return credentialsClosedCheck(pair, credentials.gate);
    const evidence = { ...(await reads), ...(credentials.account ? { account: credentials.account } : {}) };
    const verdicts = decideControlPlane(evidence, credentials.gate);
    // The profile listing behind a region fix starts as soon as the reads show it is needed, beside the call
    // (the lookup is memoised per region: asking again below takes the same listing).
    if (evidence.baseModelId && wantsProfileHint(verdicts))
        void ctx.profileLookup(region, evidence.baseModelId);
    const plan = planCall(evidence, verdicts, {
        invoke: ctx.invoke,
        calls: ctx.calls,
        termsGuarded: ctx.termsGuarded
    });
    const calls = plan.via === 'none'
        ? { state: 'not-run', cause: plan.cause, reason: plan.reason }
        : {
            state: 'made',
            outcomes: [
                ...(early && sameRequests(early.requests, plan.requests)
                    ? await early.outcomes
                    : await Promise.all(plan.requests.map(request => minimalCall(ctx.clients, region, ref.input, request)))),
                ...plan.notRun
            ]
        };
    const decision = decide(evidence, verdicts, calls, ctx.calls);
    const gates = evidence.baseModelId && wantsProfileHint(decision.gates)
        ? (0,hints/* withProfiles */.f)(decision.gates, await ctx.profileLookup(region, evidence.baseModelId), ref.input)
        : decision.gates;
    return {
        model: ref.input,
        region,
        result: overallResult(gates),
        gates,
        ...(evidence.baseModelId ? { baseModelId: evidence.baseModelId } : {}),
        invocation: invocationOf(calls),
        calls: calls.state === 'made' ? calls.outcomes.map(callRecord) : [],
        ...(pair.source ? { source: pair.source } : {}),
        ...(decision.iamStatement ? { iamStatement: decision.iamStatement } : {})
    };
}
/**
 * The calls a check would make if every gate read open, fired at once, for models whose first call cannot
 * accept a provider's terms (not sold through AWS Marketplace, judged from the ID) and for inference profiles
 * only where the profile's geography covers the region. Never for Marketplace models: their agreement state must
 * be known first (src/gates/provider-terms.ts).
 */
function speculativeCalls(pair, ctx) {
    const base = (0,model_id/* baseModelGuessOf */.dX)(pair.ref);
    if (!base || (0,model_id/* isMarketplaceModel */.Pf)(base))
        return undefined;
    if (pair.ref.kind === 'inference-profile' && !profileCoversRegion(pair.ref.profileId, pair.region))
        return undefined;
    const requests = plannedRequests(base, ctx.calls);
    if (!requests)
        return undefined;
    const outcomes = Promise.all(requests.map(request => minimalCall(ctx.clients, pair.region, pair.ref.input, request)));
    return { requests, outcomes };
}
function sameRequests(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
}
async function gatherEvidence(pair, ctx) {
    const { ref, region } = pair;
    const { clients } = ctx;
    const profileListing = ctx.profileListing?.(region);
    const readModel = (baseModelId) => Promise.all([
        (0,control_plane/* readAvailability */.sq)(clients, region, baseModelId),
        (0,control_plane/* readFoundationModel */.p2)(clients, region, baseModelId)
    ]);
    let profile = { state: 'not-read', reason: 'not a profile' };
    const guess = (0,model_id/* baseModelGuessOf */.dX)(ref);
    let baseModelId = guess;
    // A system-defined profile ID names its base model, so the model reads start with the profile read
    // instead of after it (one round trip fewer); they are redone only if the profile says otherwise.
    const guessedReads = guess ? readModel(guess) : undefined;
    if (ref.kind === 'inference-profile') {
        profile = await (0,control_plane/* readProfile */.er)(clients, region, ref.profileId);
        if (profile.state === 'ok' && profile.value.baseModelId)
            baseModelId = profile.value.baseModelId;
    }
    const notRead = { state: 'not-read', reason: 'the base model of this profile is unknown' };
    const [firstAvailability, details] = !baseModelId
        ? [notRead, notRead]
        : baseModelId === guess && guessedReads
            ? await guessedReads
            : await readModel(baseModelId);
    const marketplace = baseModelId ? (0,model_id/* isMarketplaceModel */.Pf)(baseModelId) : false;
    const anthropic = baseModelId ? (0,model_id/* isAnthropicModel */.wx)(baseModelId) : false;
    const bootstrapped = ctx.bootstrap && baseModelId && marketplace && firstAvailability.state === 'ok'
        ? await bootstrapAccess(ctx, ctx.bootstrap, region, baseModelId, anthropic, firstAvailability)
        : { availability: firstAvailability, bootstrap: {} };
    return {
        model: ref.input,
        region,
        isProfile: ref.kind === 'inference-profile',
        ...(ref.kind === 'inference-profile' ? { profileId: ref.profileId } : {}),
        ...(baseModelId ? { baseModelId } : {}),
        marketplace,
        anthropic,
        account: ref.kind === 'inference-profile' ? ref.pinnedAccount : undefined,
        now: new Date(ctx.clock.now()),
        profile,
        availability: bootstrapped.availability,
        details,
        bootstrap: bootstrapped.bootstrap,
        ...(profileListing ? { profileListing: await profileListing } : {})
    };
}
/**
 * create-agreement for one third-party model whose agreement is not live: the agreement (once per model),
 * then the wait. The use-case form was handled for the whole run before the checks started.
 */
async function bootstrapAccess(ctx, { bootstrapper, waitSeconds }, region, baseModelId, anthropic, availability) {
    const agreement = availability.value.agreement;
    if (agreement !== 'missing' && agreement !== 'pending')
        return { availability, bootstrap: {} };
    if (anthropic && bootstrapper.formState(region)?.state === 'missing') {
        return { availability, bootstrap: { formMissing: true } };
    }
    const bootstrap = {};
    if (agreement === 'missing') {
        const created = await bootstrapper.ensureAgreement(region, baseModelId);
        bootstrap.agreementCreated = created.created;
        if (created.failure)
            return { availability, bootstrap: { ...bootstrap, agreementFailure: created.failure } };
        if (created.noOffer)
            return { availability, bootstrap: { ...bootstrap, noOffer: true } };
    }
    if (waitSeconds === 0)
        return { availability: await (0,control_plane/* readAvailability */.sq)(ctx.clients, region, baseModelId), bootstrap };
    const waited = await bootstrapper.waitUntilLive(region, baseModelId, waitSeconds);
    bootstrap.waitedSeconds = waited.waitedSeconds;
    if (waited.timedOut !== undefined)
        bootstrap.waitTimedOut = waited.timedOut;
    return { availability: waited.availability, bootstrap };
}
/** When no AWS call can succeed: the credentials verdict, every other gate skipped. */
function credentialsClosedCheck(pair, credentials) {
    const gates = {};
    for (const gate of types/* GATES */.JH) {
        gates[gate] =
            gate === 'credentials'
                ? credentials
                : { status: 'skip', cause: 'credentials', detail: 'Not checked: no usable credentials' };
    }
    return {
        model: pair.ref.input,
        region: pair.region,
        result: overallResult(gates),
        gates,
        invocation: 'none',
        calls: [],
        ...(pair.source ? { source: pair.source } : {})
    };
}
/** One read per region, shared by every check of the region that asks for it. */
function perRegion(read) {
    const cache = new Map();
    return region => {
        let value = cache.get(region);
        if (!value) {
            value = read(region);
            cache.set(region, value);
        }
        return value;
    };
}
/** Whether this identity may list inference profiles, read once per region. */
function memoizedProfileListing(clients) {
    return perRegion(region => (0,control_plane/* readProfileListing */.mb)(clients, region));
}
/**
 * The system-defined profiles of a region that route to a model: one ListInferenceProfiles (all pages) per
 * region, shared by every check that needs it, filtered per model.
 */
function memoizedProfileLookup(clients) {
    const listing = perRegion(region => (0,control_plane/* listSystemProfiles */.co)(clients, region));
    return async (region, baseModelId) => (await listing(region)).get(baseModelId) ?? [];
}
/** The report's legacy `invocation` field: which API family was called first (the Converse or the Invoke API). */
function invocationOf(calls) {
    const made = calls.state === 'made' ? calls.outcomes.find(outcome => outcome.state !== 'not-run') : undefined;
    if (!made)
        return 'none';
    return made.call.startsWith('converse') ? 'converse' : 'invoke-model';
}
function callRecord(outcome) {
    switch (outcome.state) {
        case 'ok':
            return { call: outcome.call, result: 'ok' };
        case 'not-run':
            return { call: outcome.call, result: 'not-run', detail: outcome.reason };
        case 'failed':
            return {
                call: outcome.call,
                result: outcome.failure.kind === 'service' ? 'refused' : 'fault',
                detail: `${outcome.failure.name}: ${outcome.failure.message}`
            };
    }
}


/***/ })

};
