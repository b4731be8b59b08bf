export const id = 844;
export const ids = [844];
export const modules = {

/***/ 3983:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BP: () => (/* binding */ listPublicOffers),
/* harmony export */   DF: () => (/* binding */ putUseCase),
/* harmony export */   er: () => (/* binding */ readProfile),
/* harmony export */   f_: () => (/* binding */ listProfilesContaining),
/* harmony export */   p2: () => (/* binding */ readFoundationModel),
/* harmony export */   ro: () => (/* binding */ readUseCaseOnFile),
/* harmony export */   sq: () => (/* binding */ readAvailability),
/* harmony export */   tx: () => (/* binding */ createAgreement)
/* harmony export */ });
/* unused harmony export toRead */
/* harmony import */ var _aws_sdk_client_bedrock__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6082);
/* harmony import */ var _model_id_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8994);
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9551);
/**
 * Bedrock control-plane reads and writes, each returning a typed outcome instead of throwing.
 * A read the identity may not make comes back "denied" (evidence missing), never as a closed gate.
 */



const bedrock = (clients, region) => clients.client(_aws_sdk_client_bedrock__WEBPACK_IMPORTED_MODULE_2__/* .BedrockClient */ .eDv, region);
function toRead(outcome, permission) {
    if (outcome.ok)
        return { state: 'ok', value: outcome.value };
    const failure = outcome.failure;
    if ((0,_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .isAccessDenied */ .w7)(failure))
        return { state: 'denied', failure, permission };
    if ((0,_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .isNotFound */ .c4)(failure) || (failure.kind === 'service' && failure.name === 'ValidationException')) {
        return { state: 'not-found', failure };
    }
    return { state: 'failed', failure };
}
async function readProfile(clients, region, profileId) {
    const outcome = await (0,_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .attempt */ .CD)(() => bedrock(clients, region).send(new _aws_sdk_client_bedrock__WEBPACK_IMPORTED_MODULE_2__/* .GetInferenceProfileCommand */ .Yjh({ inferenceProfileIdentifier: profileId }), clients.sendOptions()));
    const read = toRead(outcome, 'bedrock:GetInferenceProfile');
    if (read.state !== 'ok')
        return read;
    const modelArns = (read.value.models ?? [])
        .map(model => model.modelArn)
        .filter((arn) => !!arn);
    const baseIds = modelArns.map(_model_id_js__WEBPACK_IMPORTED_MODULE_0__/* .baseModelIdFromArn */ .Te).filter((id) => !!id);
    return {
        state: 'ok',
        value: {
            arn: read.value.inferenceProfileArn,
            baseModelId: baseIds[0],
            modelArns,
            destinationRegions: [...new Set(modelArns.map(_model_id_js__WEBPACK_IMPORTED_MODULE_0__/* .regionFromArn */ .e0).filter((r) => !!r))]
        }
    };
}
async function readAvailability(clients, region, baseModelId) {
    const outcome = await (0,_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .attempt */ .CD)(() => bedrock(clients, region).send(new _aws_sdk_client_bedrock__WEBPACK_IMPORTED_MODULE_2__/* .GetFoundationModelAvailabilityCommand */ .Rai({ modelId: baseModelId }), clients.sendOptions()));
    const read = toRead(outcome, 'bedrock:GetFoundationModelAvailability');
    if (read.state !== 'ok')
        return read;
    const value = read.value;
    return {
        state: 'ok',
        value: {
            regionAvailability: value.regionAvailability,
            entitlementAvailability: value.entitlementAvailability,
            agreementStatus: value.agreementAvailability?.status,
            agreementError: value.agreementAvailability?.errorMessage,
            authorizationStatus: value.authorizationStatus
        }
    };
}
async function readFoundationModel(clients, region, baseModelId) {
    const outcome = await (0,_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .attempt */ .CD)(() => bedrock(clients, region).send(new _aws_sdk_client_bedrock__WEBPACK_IMPORTED_MODULE_2__/* .GetFoundationModelCommand */ .kFc({ modelIdentifier: baseModelId }), clients.sendOptions()));
    const read = toRead(outcome, 'bedrock:GetFoundationModel');
    if (read.state !== 'ok')
        return read;
    const details = read.value.modelDetails;
    return {
        state: 'ok',
        value: {
            outputModalities: details?.outputModalities ?? [],
            inferenceTypes: details?.inferenceTypesSupported ?? [],
            lifecycle: details?.modelLifecycle
        }
    };
}
/** System-defined profiles in a region that route to the model (the fix for "on-demand not supported"). */
async function listProfilesContaining(clients, region, baseModelId) {
    const found = [];
    let nextToken;
    for (let page = 0; page < 10; page++) {
        const outcome = await (0,_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .attempt */ .CD)(() => bedrock(clients, region).send(new _aws_sdk_client_bedrock__WEBPACK_IMPORTED_MODULE_2__/* .ListInferenceProfilesCommand */ .R58({ typeEquals: 'SYSTEM_DEFINED', maxResults: 1000, nextToken }), clients.sendOptions()));
        if (!outcome.ok)
            break;
        for (const profile of outcome.value.inferenceProfileSummaries ?? []) {
            const routes = (profile.models ?? []).some(model => model.modelArn && (0,_model_id_js__WEBPACK_IMPORTED_MODULE_0__/* .baseModelIdFromArn */ .Te)(model.modelArn) === baseModelId);
            if (routes && profile.inferenceProfileId)
                found.push(profile.inferenceProfileId);
        }
        nextToken = outcome.value.nextToken;
        if (!nextToken)
            break;
    }
    return found.sort();
}
async function listPublicOffers(clients, region, baseModelId) {
    const outcome = await (0,_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .attempt */ .CD)(() => bedrock(clients, region).send(new _aws_sdk_client_bedrock__WEBPACK_IMPORTED_MODULE_2__/* .ListFoundationModelAgreementOffersCommand */ .nPP({ modelId: baseModelId, offerType: 'PUBLIC' }), clients.sendOptions()));
    if (!outcome.ok)
        return outcome;
    const offers = (outcome.value.offers ?? [])
        .filter((offer) => !!offer.offerToken)
        .map(offer => ({ offerId: offer.offerId, offerToken: offer.offerToken }));
    return { ok: true, value: offers };
}
async function createAgreement(clients, region, baseModelId, offerToken) {
    return (0,_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .attempt */ .CD)(async () => {
        await bedrock(clients, region).send(new _aws_sdk_client_bedrock__WEBPACK_IMPORTED_MODULE_2__/* .CreateFoundationModelAgreementCommand */ .opG({ modelId: baseModelId, offerToken }), clients.sendOptions());
    });
}
/** Whether the account has a use-case form on file: ResourceNotFound means none (as observed). */
async function readUseCaseOnFile(clients, region) {
    const outcome = await (0,_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .attempt */ .CD)(() => bedrock(clients, region).send(new _aws_sdk_client_bedrock__WEBPACK_IMPORTED_MODULE_2__/* .GetUseCaseForModelAccessCommand */ .X$J({}), clients.sendOptions()));
    if (!outcome.ok && (0,_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .isNotFound */ .c4)(outcome.failure))
        return { state: 'ok', value: false };
    const read = toRead(outcome, 'bedrock:GetUseCaseForModelAccess');
    return read.state === 'ok' ? { state: 'ok', value: (read.value.formData?.length ?? 0) > 0 } : read;
}
async function putUseCase(clients, region, formData) {
    return (0,_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .attempt */ .CD)(async () => {
        await bedrock(clients, region).send(new _aws_sdk_client_bedrock__WEBPACK_IMPORTED_MODULE_2__/* .PutUseCaseForModelAccessCommand */ .Yr_({ formData }), clients.sendOptions());
    });
}


/***/ }),

/***/ 1844:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkPair: () => (/* binding */ checkPair),
  memoizedProfileLookup: () => (/* binding */ memoizedProfileLookup)
});

// EXTERNAL MODULE: ./src/aws/control-plane.ts
var control_plane = __webpack_require__(3983);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-bedrock-runtime/dist-cjs/index.js
var dist_cjs = __webpack_require__(7462);
// EXTERNAL MODULE: ./src/aws/failure.ts
var failure = __webpack_require__(9551);
;// CONCATENATED MODULE: ./src/aws/invoke.ts
/**
 * The minimal call: the cheapest request that proves every gate at once.
 * Converse with one short message, at most 16 output tokens, temperature 0; for embedding models an
 * InvokeModel with a one-word body. A 2xx answer without the expected shape is a fault, not a pass.
 */


const MINIMAL_PROMPT = 'Reply with OK.';
const MAX_OUTPUT_TOKENS = 16;
async function minimalCall(clients, region, modelId, plan) {
    const runtime = clients.client(dist_cjs/* BedrockRuntimeClient */.mam, region);
    if (plan.via === 'converse') {
        const outcome = await (0,failure/* attempt */.CD)(() => runtime.send(new dist_cjs/* ConverseCommand */.Ruf({
            modelId,
            messages: [{ role: 'user', content: [{ text: MINIMAL_PROMPT }] }],
            inferenceConfig: { maxTokens: MAX_OUTPUT_TOKENS, temperature: 0 }
        }), clients.sendOptions()));
        if (!outcome.ok)
            return { state: 'failed', via: 'converse', failure: outcome.failure };
        if (!outcome.value.output?.message)
            return malformed('converse', 'Converse answered without an output message');
        return { state: 'ok', via: 'converse' };
    }
    const outcome = await (0,failure/* attempt */.CD)(() => runtime.send(new dist_cjs/* InvokeModelCommand */.ZXi({
        modelId,
        contentType: 'application/json',
        accept: 'application/json',
        body: new TextEncoder().encode(JSON.stringify(plan.body))
    }), clients.sendOptions()));
    if (!outcome.ok)
        return { state: 'failed', via: 'invoke-model', failure: outcome.failure };
    if (!outcome.value.body || outcome.value.body.length === 0) {
        return malformed('invoke-model', 'InvokeModel answered with an empty body');
    }
    return { state: 'ok', via: 'invoke-model' };
}
function malformed(via, message) {
    return {
        state: 'failed',
        via,
        failure: { kind: 'fault', name: 'MalformedResponse', message: `unreadable response: ${message}` }
    };
}

// EXTERNAL MODULE: ./src/gates.ts
var src_gates = __webpack_require__(6707);
// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
// EXTERNAL MODULE: ./src/model-id.ts
var model_id = __webpack_require__(8994);
;// CONCATENATED MODULE: ./src/invocation.ts
/**
 * Whether to make the minimal call, and which: a pure decision from what the control plane said.
 * Image and video models are never invoked (each call is billed per image or clip), and the probe never
 * makes a third-party model's first call on its own, because that call would accept the provider's EULA.
 */

function chooseInvocation(e, invoke) {
    if (!invoke) {
        return {
            via: 'none',
            cause: 'invoke-disabled',
            reason: 'invoke is false; only a call proves bedrock:InvokeModel'
        };
    }
    if (e.credentials.status === 'fail')
        return { via: 'none', cause: 'credentials', reason: 'no usable credentials' };
    if (e.profile.state === 'not-found') {
        return {
            via: 'none',
            cause: 'profile-not-found',
            reason: 'the inference profile does not exist in this region'
        };
    }
    if (!e.isProfile &&
        e.foundationModel.state === 'ok' &&
        e.foundationModel.value.inferenceTypes.length > 0 &&
        !e.foundationModel.value.inferenceTypes.includes('ON_DEMAND')) {
        return { via: 'none', cause: 'on-demand-unsupported', reason: 'the base ID cannot be invoked on demand' };
    }
    if (!e.isProfile &&
        e.availability.state === 'ok' &&
        e.availability.value.regionAvailability === 'NOT_AVAILABLE') {
        return { via: 'none', cause: 'region-not-offered', reason: 'the model is not offered in this region' };
    }
    if (e.marketplace &&
        e.availability.state === 'ok' &&
        e.availability.value.agreementStatus === 'NOT_AVAILABLE') {
        return {
            via: 'none',
            cause: 'would-accept-eula',
            reason: "no agreement exists, and a first call would accept the provider's EULA (set create-agreement: true to do that)"
        };
    }
    const modality = modalityOf(e);
    switch (modality) {
        case 'image':
        case 'video':
            return {
                via: 'none',
                cause: 'media-model',
                reason: `${modality} models are billed per generated ${modality === 'image' ? 'image' : 'clip'}; the control plane is the evidence`
            };
        case 'embedding': {
            const body = embeddingBody(e.baseModelId ?? '');
            return body
                ? { via: 'invoke-model', body }
                : {
                    via: 'none',
                    cause: 'embedding-unknown',
                    reason: 'no minimal request body is known for this embedding model'
                };
        }
        default:
            return { via: 'converse' };
    }
}
function modalityOf(e) {
    if (e.foundationModel.state === 'ok' && e.foundationModel.value.outputModalities.length > 0) {
        const outputs = e.foundationModel.value.outputModalities;
        if (outputs.includes('TEXT'))
            return 'text';
        if (outputs.includes('EMBEDDING'))
            return 'embedding';
        if (outputs.includes('VIDEO'))
            return 'video';
        if (outputs.includes('IMAGE'))
            return 'image';
    }
    return (0,model_id/* modalityFromId */.pb)(e.baseModelId ?? '');
}
/** The smallest valid InvokeModel body for the embedding families that take one synchronously. */
function embeddingBody(baseModelId) {
    if (baseModelId.startsWith('amazon.titan-embed'))
        return { inputText: 'ok' };
    if (baseModelId.startsWith('cohere.embed'))
        return { texts: ['ok'], input_type: 'search_query' };
    return undefined;
}

// EXTERNAL MODULE: ./src/types.ts
var types = __webpack_require__(6141);
;// CONCATENATED MODULE: ./src/check.ts
/**
 * One model × region check: gather the evidence (profile → availability and model details → bootstrap →
 * minimal call), then hand it to decideGates. The dependency chain is as short as the facts allow: reads
 * that do not depend on each other run together.
 */







/** Region-gate causes whose fix names the profiles that would reach the model. */
const PROFILE_HINT_CAUSES = new Set([
    'on-demand-unsupported',
    'region-not-offered',
    'profile-not-found',
    'invalid-model-id'
]);
async function checkPair(pair, ctx) {
    const { ref, region } = pair;
    const source = ctx.inputs.sources.get(ref.input);
    if (!ctx.credentialsUsable)
        return skippedCheck(pair, ctx.credentials, source);
    const { clients } = ctx;
    const readModel = (baseModelId) => Promise.all([
        (0,control_plane/* readAvailability */.sq)(clients, region, baseModelId),
        (0,control_plane/* readFoundationModel */.p2)(clients, region, baseModelId)
    ]);
    const notRead = { state: 'not-read', reason: 'the base model of this profile is unknown' };
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
    const [modelAvailability, foundationModel] = !baseModelId
        ? [notRead, notRead]
        : baseModelId === guess && guessedReads
            ? await guessedReads
            : await readModel(baseModelId);
    let availability = modelAvailability;
    const marketplace = baseModelId ? (0,model_id/* isMarketplaceModel */.Pf)(baseModelId) : false;
    const anthropic = baseModelId ? (0,model_id/* isAnthropicModel */.wx)(baseModelId) : false;
    const bootstrapped = ctx.inputs.createAgreement &&
        ctx.bootstrapper &&
        baseModelId &&
        marketplace &&
        availability.state === 'ok'
        ? await bootstrapAccess(ctx, ctx.bootstrapper, region, baseModelId, anthropic, availability)
        : { availability, bootstrap: {} };
    availability = bootstrapped.availability;
    const bootstrap = bootstrapped.bootstrap;
    const evidence = {
        model: ref.input,
        region,
        isProfile: ref.kind === 'inference-profile',
        profileId: ref.kind === 'inference-profile' ? ref.profileId : undefined,
        baseModelId,
        marketplace,
        anthropic,
        account: ctx.account ?? (ref.kind === 'inference-profile' ? ref.pinnedAccount : undefined),
        now: new Date(ctx.clock.now()),
        credentials: ctx.credentials,
        profile,
        availability,
        foundationModel,
        bootstrap,
        call: { state: 'not-run', cause: 'pending', reason: 'not yet called' }
    };
    const plan = bootstrap.waitTimedOut !== undefined || bootstrap.formMissing || bootstrap.agreementFailure
        ? { via: 'none', cause: 'bootstrap-incomplete', reason: 'access is not live yet' }
        : chooseInvocation(evidence, ctx.inputs.invoke);
    evidence.call =
        plan.via === 'none'
            ? { state: 'not-run', cause: plan.cause, reason: plan.reason }
            : await minimalCall(clients, region, ref.input, plan);
    // The profile list is an extra call, made only when the region gate's fix would name profiles: decide,
    // look them up if so, decide again (deciding is pure and cheap).
    let decision = (0,src_gates/* decideGates */.r6)(evidence);
    const regionCause = decision.gates.region.cause;
    if (baseModelId &&
        decision.gates.region.status === 'fail' &&
        regionCause &&
        PROFILE_HINT_CAUSES.has(regionCause)) {
        evidence.profilesContainingModel = (await ctx.profileLookup(region, baseModelId)).filter(id => id !== ref.input);
        decision = (0,src_gates/* decideGates */.r6)(evidence);
    }
    return {
        model: ref.input,
        region,
        result: (0,src_gates/* checkResult */.iJ)(decision.gates),
        gates: decision.gates,
        ...(baseModelId ? { baseModelId } : {}),
        invocation: evidence.call.state === 'not-run' ? 'none' : evidence.call.via,
        ...(source ? { source } : {}),
        ...(decision.iamStatement ? { iamStatement: decision.iamStatement } : {})
    };
}
/**
 * create-agreement for one third-party model whose agreement is not live: the agreement (once per model),
 * then the wait. The use-case form was handled for the whole run before the checks started.
 */
async function bootstrapAccess(ctx, bootstrapper, region, baseModelId, anthropic, availability) {
    const status = availability.value.agreementStatus;
    if (status !== 'NOT_AVAILABLE' && status !== 'PENDING')
        return { availability, bootstrap: {} };
    if (anthropic && bootstrapper.formState(region)?.state === 'missing') {
        return { availability, bootstrap: { formMissing: true } };
    }
    const bootstrap = {};
    if (status === 'NOT_AVAILABLE') {
        const agreement = await bootstrapper.ensureAgreement(region, baseModelId);
        bootstrap.agreementCreated = agreement.created;
        if (agreement.failure)
            return { availability, bootstrap: { ...bootstrap, agreementFailure: agreement.failure } };
        if (agreement.noOffer)
            return { availability, bootstrap: { ...bootstrap, noOffer: true } };
    }
    const waitSeconds = ctx.inputs.waitTimeoutSeconds ?? inputs/* DEFAULT_BOOTSTRAP_WAIT_SECONDS */.Ty;
    if (waitSeconds === 0)
        return { availability: await (0,control_plane/* readAvailability */.sq)(ctx.clients, region, baseModelId), bootstrap };
    const waited = await bootstrapper.waitUntilLive(region, baseModelId, waitSeconds);
    bootstrap.waitedSeconds = waited.waitedSeconds;
    if (waited.timedOut !== undefined)
        bootstrap.waitTimedOut = waited.timedOut;
    return { availability: waited.availability, bootstrap };
}
/** When no AWS call can succeed: the credentials verdict, every other gate skipped. */
function skippedCheck(pair, credentials, source) {
    const gates = {};
    for (const gate of types/* GATES */.J) {
        gates[gate] =
            gate === 'credentials'
                ? credentials
                : { status: 'skip', cause: 'credentials', detail: 'Not checked: no usable credentials' };
    }
    return {
        model: pair.ref.input,
        region: pair.region,
        result: (0,src_gates/* checkResult */.iJ)(gates),
        gates,
        invocation: 'none',
        ...(source ? { source } : {})
    };
}
function memoizedProfileLookup(clients) {
    const cache = new Map();
    return (region, baseModelId) => {
        const key = `${region}\u0000${baseModelId}`;
        let lookup = cache.get(key);
        if (!lookup) {
            lookup = (0,control_plane/* listProfilesContaining */.f_)(clients, region, baseModelId);
            cache.set(key, lookup);
        }
        return lookup;
    };
}


/***/ })

};
