export const id = 611;
export const ids = [611];
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

/***/ 5611:
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
var aws_failure = __webpack_require__(9551);
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
        const outcome = await (0,aws_failure/* attempt */.CD)(() => runtime.send(new dist_cjs/* ConverseCommand */.Ruf({
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
    const outcome = await (0,aws_failure/* attempt */.CD)(() => runtime.send(new dist_cjs/* InvokeModelCommand */.ZXi({
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

// EXTERNAL MODULE: ./src/diagnosis/catalogue.ts
var catalogue = __webpack_require__(5752);
// EXTERNAL MODULE: ./src/diagnosis/iam-policy.ts
var iam_policy = __webpack_require__(3391);
// EXTERNAL MODULE: ./src/types.ts
var types = __webpack_require__(6141);
;// CONCATENATED MODULE: ./src/gates.ts
/**
 * Where every gate is decided. A pure function of the evidence one check gathered (control-plane reads,
 * bootstrap steps, the minimal call): no AWS, no clock, no I/O, so each rule is tested without mocks.
 *
 * The rules, in short:
 * - The control plane (availability, profile, model details) gives each gate a first verdict.
 * - The minimal call decides: a successful call opens every gate (a control-plane "closed" becomes a warning
 *   that access may still be settling); a refused call closes the gate its error names (the catalogue).
 * - Faults (timeouts, 5xx, throttling, unreadable answers) never close a gate: they leave it "warn".
 * - A read the identity may not make (a runtime role without control-plane permissions) is not a failure:
 *   the gate is "skip" until the call proves it, and says which permission would make it definitive.
 */




const PERMISSION_HINT = (permission) => `Grant ${permission} to make this gate definitive without a call (read-only, no model cost).`;
function decideGates(evidence) {
    const gates = {
        credentials: credentialsFromReads(evidence) ?? evidence.credentials,
        region: decideRegion(evidence),
        'model-access': decideModelAccess(evidence),
        'provider-terms': decideProviderTerms(evidence),
        'iam-permission': { status: 'skip', detail: 'not evaluated' }
    };
    applyCall(gates, evidence);
    const decision = { gates };
    if (gates['iam-permission'].status === 'fail' && gates['iam-permission'].cause !== 'iam-scp-deny') {
        decision.iamStatement = (0,iam_policy/* invokeStatement */.o)({
            region: evidence.region,
            account: evidence.account,
            baseModelId: evidence.baseModelId,
            profileId: evidence.profileId,
            profileArn: evidence.profile.state === 'ok' ? evidence.profile.value.arn : undefined,
            profileModelArns: evidence.profile.state === 'ok' ? evidence.profile.value.modelArns : undefined
        });
        gates['iam-permission'].fix += `\n${JSON.stringify(decision.iamStatement, null, 2)}`;
    }
    return decision;
}
/** Credentials that stop working mid-run (ExpiredToken on a read) close the credentials gate for this check. */
function credentialsFromReads(e) {
    for (const read of [e.profile, e.availability, e.foundationModel]) {
        if (read.state !== 'failed')
            continue;
        const diagnosis = (0,catalogue/* diagnose */.h)(read.failure);
        if (diagnosis?.entry.gate === 'credentials')
            return fromDiagnosis(e, read.failure, diagnosis);
    }
    return undefined;
}
// --- Region ------------------------------------------------------------------------------------------
function decideRegion(e) {
    if (e.isProfile) {
        const profile = e.profile;
        if (profile.state === 'not-found') {
            return {
                status: 'fail',
                cause: 'profile-not-found',
                detail: `Inference profile ${e.profileId} does not exist in ${e.region}`,
                fix: withProfiles(`Cross-region profiles exist only in their geography's source regions (us. in US regions, eu. in EU regions, …); ` +
                    'pick a region of that geography or the profile for this one.', e)
            };
        }
        if (profile.state === 'failed')
            return faultGate('GetInferenceProfile', profile.failure);
    }
    const onDemand = onDemandVerdict(e);
    if (onDemand)
        return onDemand;
    const availability = e.availability;
    if (availability.state === 'ok') {
        const offered = availability.value.regionAvailability;
        if (offered === 'AVAILABLE')
            return { status: 'pass', detail: `Offered in ${e.region}` };
        if (e.isProfile && e.profile.state === 'ok') {
            return {
                status: 'pass',
                detail: `Profile routes to ${e.profile.value.destinationRegions.join(', ') || 'its destination regions'}`
            };
        }
        return {
            status: 'fail',
            cause: 'region-not-offered',
            detail: `${e.baseModelId} is not offered in ${e.region} (regionAvailability ${offered ?? 'missing'})`,
            fix: withProfiles('Use a region where the model is offered, or an inference profile that reaches it.', e)
        };
    }
    if (e.isProfile && e.profile.state === 'ok') {
        return { status: 'pass', detail: `Profile exists in ${e.region}` };
    }
    return unreadGate(availability, 'bedrock:GetFoundationModelAvailability');
}
/** A base model ID whose details say it is only served through inference profiles. */
function onDemandVerdict(e) {
    if (e.isProfile || e.foundationModel.state !== 'ok')
        return undefined;
    const types = e.foundationModel.value.inferenceTypes;
    if (types.length === 0 || types.includes('ON_DEMAND'))
        return undefined;
    return {
        status: 'fail',
        cause: 'on-demand-unsupported',
        detail: `${e.baseModelId} cannot be invoked on demand by its base ID (inference types: ${types.join(', ')})`,
        fix: withProfiles('Call it through an inference profile that contains it, and allow that profile ARN in IAM.', e)
    };
}
function withProfiles(fix, e) {
    const profiles = e.profilesContainingModel ?? [];
    return profiles.length > 0
        ? `${fix} Profiles in ${e.region} that contain this model: ${profiles.join(', ')}.`
        : fix;
}
// --- Model access ------------------------------------------------------------------------------------
function decideModelAccess(e) {
    const failure = e.bootstrap.agreementFailure;
    if (failure) {
        const diagnosis = (0,catalogue/* diagnose */.h)(failure);
        if (diagnosis && diagnosis.entry.gate === 'model-access') {
            return fromDiagnosis(e, failure, diagnosis);
        }
        if (failure.kind !== 'service')
            return faultGate('CreateFoundationModelAgreement', failure);
        return {
            status: 'fail',
            cause: 'agreement-create-failed',
            detail: `Creating the agreement failed: ${failure.name}: ${failure.message}`,
            fix: 'Check bedrock:CreateFoundationModelAgreement and the AWS Marketplace permissions of this identity.'
        };
    }
    const lifecycle = lifecycleVerdict(e);
    if (lifecycle?.status === 'fail')
        return lifecycle;
    const availability = e.availability;
    if (availability.state === 'ok') {
        const entitlement = availability.value.entitlementAvailability;
        if (entitlement === 'NOT_AVAILABLE') {
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
        return lifecycle ?? { status: 'pass', detail: `Entitled (${entitlement ?? 'AVAILABLE'})` };
    }
    return lifecycle ?? unreadGate(availability, 'bedrock:GetFoundationModelAvailability');
}
function lifecycleVerdict(e) {
    if (e.foundationModel.state !== 'ok')
        return undefined;
    const lifecycle = e.foundationModel.value.lifecycle;
    if (!lifecycle || lifecycle.status !== 'LEGACY')
        return undefined;
    const dates = lifecycleDates(lifecycle);
    if (lifecycle.endOfLifeTime && lifecycle.endOfLifeTime.getTime() <= e.now.getTime()) {
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
function lifecycleDates(lifecycle) {
    const parts = [];
    const day = (date) => date.toISOString().slice(0, 10);
    if (lifecycle.legacyTime)
        parts.push(`legacy since ${day(lifecycle.legacyTime)}`);
    if (lifecycle.publicExtendedAccessTime)
        parts.push(`extended access from ${day(lifecycle.publicExtendedAccessTime)}`);
    if (lifecycle.endOfLifeTime)
        parts.push(`end of life ${day(lifecycle.endOfLifeTime)}`);
    return parts.join(', ') || 'no dates published';
}
// --- Provider terms ----------------------------------------------------------------------------------
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
        return unreadGate(availability, 'bedrock:GetFoundationModelAvailability');
    const { agreementStatus, agreementError, authorizationStatus } = availability.value;
    if (authorizationStatus === 'NOT_AUTHORIZED') {
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
    switch (agreementStatus) {
        case 'AVAILABLE':
            return { status: 'pass', detail: `Agreement in place${created}` };
        case 'PENDING':
            return {
                status: 'warn',
                cause: 'agreement-pending',
                detail: `Agreement PENDING${created}`,
                fix: 'The subscription is being set up: access usually settles in about 2 minutes and can take up to 15. Calls may succeed now and fail later if a prerequisite is missing.'
            };
        case 'ERROR':
            return {
                status: 'fail',
                cause: 'agreement-error',
                detail: `Agreement in ERROR: ${agreementError ?? 'no errorMessage given'}`,
                fix: 'Check the AWS account has a valid payment method for AWS Marketplace, then delete and re-create the agreement.'
            };
        case 'NOT_AVAILABLE':
            return {
                status: 'fail',
                cause: 'agreement-missing',
                detail: `No agreement for ${e.baseModelId} in this account (agreementAvailability NOT_AVAILABLE)`,
                fix: "Run with create-agreement: true (this accepts the provider EULA on the account's behalf), or have a role with " +
                    'aws-marketplace:Subscribe invoke the model once. The probe does not call the model here, because a first call ' +
                    'would accept the EULA without being asked to.'
            };
        default:
            return {
                status: 'warn',
                cause: 'agreement-unknown',
                detail: `Agreement status ${agreementStatus ?? 'missing'}`
            };
    }
}
// --- The call decides ----------------------------------------------------------------------------------
const CONTROL_PLANE_GATES = ['region', 'model-access', 'provider-terms'];
function applyCall(gates, e) {
    const call = e.call;
    if (call.state === 'not-run') {
        gates['iam-permission'] = { status: 'skip', cause: call.cause, detail: `Not called: ${call.reason}` };
        return;
    }
    if (call.state === 'ok') {
        const how = call.via === 'converse' ? 'Converse' : 'InvokeModel';
        gates['iam-permission'] = { status: 'pass', detail: `${how} succeeded` };
        for (const name of CONTROL_PLANE_GATES) {
            const gate = gates[name];
            // A read that was denied or lost to a fault left the gate open to question; the call answers it.
            if (gate.status === 'skip' || isFaultGate(gate)) {
                gates[name] = { status: 'pass', detail: `Proven by the call (${gate.detail})` };
            }
            else if (gate.status === 'fail') {
                gates[name] = {
                    status: 'warn',
                    cause: gate.cause,
                    detail: `The call succeeded although ${gate.detail}`,
                    fix: 'Access may still be settling: AWS lets first calls through while a subscription completes, and they fail with 403 later if a prerequisite is missing.'
                };
            }
        }
        return;
    }
    const failure = call.failure;
    if (failure.kind === 'throttled') {
        gates['iam-permission'] = {
            status: 'warn',
            cause: 'throttled',
            detail: `The call was throttled after retries (${failure.message}); throttling comes after authorization, so access is in place`,
            fix: 'Nothing to fix for access. Re-run later, or raise the quota.'
        };
        for (const name of CONTROL_PLANE_GATES) {
            if (gates[name].status === 'skip')
                gates[name] = { status: 'pass', detail: 'The request was authorized (it was throttled afterwards)' };
        }
        return;
    }
    if (failure.kind !== 'service') {
        gates['iam-permission'] = faultGate(call.via === 'converse' ? 'Converse' : 'InvokeModel', failure);
        return;
    }
    const diagnosis = (0,catalogue/* diagnose */.h)(failure);
    if (!diagnosis) {
        gates['iam-permission'] = {
            status: 'warn',
            cause: 'unrecognised-error',
            detail: `The call failed with an answer the probe does not recognise: ${failure.name}: ${failure.message}`,
            fix: 'Please report this message; it may or may not be an access problem.'
        };
        return;
    }
    const gate = diagnosis.entry.gate;
    const before = gates[gate];
    const fromCall = fromDiagnosis(e, failure, diagnosis);
    // Both sources closed the gate: keep the control plane's account of it and add the call's words.
    gates[gate] =
        before.status === 'fail' && fromCall.status === 'fail'
            ? { ...before, detail: `${before.detail} (the call said: ${failure.message})` }
            : fromCall;
    if (gate !== 'iam-permission') {
        gates['iam-permission'] = {
            status: 'skip',
            cause: 'refused-earlier',
            detail: `Not proven: the call was refused at the ${types/* GATE_TITLES */.W[gate]} gate`
        };
    }
}
/** A gate verdict from a catalogue row, enriched with what the evidence knows. */
function fromDiagnosis(e, failure, { entry, groups }) {
    const id = entry.id;
    let fix = entry.fix({
        model: e.model,
        region: e.region,
        baseModelId: e.baseModelId,
        account: e.account,
        groups
    });
    let detail = `${entry.cause}: ${failure.message}`;
    if (id === 'iam-scp-deny') {
        const blocked = blockedDestination(groups[1] ?? '', e);
        if (blocked)
            detail += ` (the SCP blocks ${blocked}, a destination region of this inference profile)`;
    }
    if (id === 'on-demand-unsupported' || id === 'invalid-model-id')
        fix = withProfiles(fix, e);
    if ((id === 'model-legacy' || id === 'model-end-of-life') && e.foundationModel.state === 'ok') {
        const lifecycle = e.foundationModel.value.lifecycle;
        if (lifecycle)
            detail += ` (${lifecycleDates(lifecycle)})`;
    }
    return { status: entry.status, cause: id, detail, fix };
}
/** The destination region an SCP denied, when the denied resource is a foundation model in another region. */
function blockedDestination(resource, e) {
    const match = /^arn:[\w-]+:bedrock:([a-z0-9-]+)::foundation-model\//.exec(resource);
    if (!match || !e.isProfile)
        return undefined;
    return match[1] !== e.region ? match[1] : undefined;
}
function isFaultGate(gate) {
    return gate.status === 'warn' && (gate.cause === 'fault' || gate.cause === 'timed-out');
}
function faultGate(operation, failure) {
    return {
        status: 'warn',
        cause: failure.kind === 'timeout' ? 'timed-out' : 'fault',
        detail: `Could not be decided: ${operation} ${(0,aws_failure/* describeFault */.Qx)(failure)}`,
        fix: 'A fault, not a closed gate: re-run the probe. Raise request-timeout-seconds if AWS is slow from this runner.'
    };
}
function unreadGate(read, permission) {
    switch (read.state) {
        case 'denied':
            return {
                status: 'skip',
                cause: 'read-denied',
                detail: `Not readable by this identity (${permission} denied); the call is the evidence`,
                fix: PERMISSION_HINT(permission)
            };
        case 'failed':
            return faultGate(permission.replace('bedrock:', ''), read.failure);
        case 'not-found':
            return { status: 'skip', cause: 'not-found', detail: `Not found: ${read.failure.message}` };
        case 'not-read':
            return { status: 'skip', cause: 'not-read', detail: read.reason };
        default:
            return { status: 'skip', detail: 'not evaluated' };
    }
}
/** A check fails when any gate is closed. */
function checkResult(gates) {
    return Object.values(gates).some(gate => gate.status === 'fail') ? 'fail' : 'pass';
}

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
    const guess = ref.kind === 'foundation-model' ? ref.baseModelId : ref.baseModelGuess;
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
    let decision = decideGates(evidence);
    const regionCause = decision.gates.region.cause;
    if (baseModelId &&
        decision.gates.region.status === 'fail' &&
        regionCause &&
        PROFILE_HINT_CAUSES.has(regionCause)) {
        evidence.profilesContainingModel = (await ctx.profileLookup(region, baseModelId)).filter(id => id !== ref.input);
        decision = decideGates(evidence);
    }
    return {
        model: ref.input,
        region,
        result: checkResult(decision.gates),
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
        result: checkResult(gates),
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
