export const id = 273;
export const ids = [273];
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

/***/ 1273:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bootstrapper: () => (/* binding */ Bootstrapper),
/* harmony export */   POLL_SCHEDULE_MS: () => (/* binding */ POLL_SCHEDULE_MS),
/* harmony export */   describeAvailability: () => (/* binding */ describeAvailability),
/* harmony export */   isLive: () => (/* binding */ isLive),
/* harmony export */   waitUntilLive: () => (/* binding */ waitUntilLive)
/* harmony export */ });
/* harmony import */ var _aws_control_plane_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3983);
/* harmony import */ var _use_case_form_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2608);
/**
 * Bootstrap: only with create-agreement: true. In order: the Anthropic use-case form (once, where none is on
 * file), the model agreement (once per model, where none exists), then waiting until access is live.
 * Idempotent: every write is preceded by a read that says it is needed, so a re-run changes nothing, and
 * concurrent checks of the same model share one creation.
 */


/** Poll schedule while waiting for access to settle: quick at first, then every 30 s. */
const POLL_SCHEDULE_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000];
class Bootstrapper {
    clients;
    clock;
    log;
    changes = [];
    agreements = new Map();
    formStates = new Map();
    constructor(clients, clock, log) {
        this.clients = clients;
        this.clock = clock;
        this.log = log;
    }
    /**
     * Submit the use-case form in each region that lacks one. Serial on purpose: a submission usually
     * covers every commercial region, and the next region's read then sees it instead of submitting again.
     */
    async ensureUseCaseForm(regions, form) {
        for (const region of regions) {
            const onFile = await (0,_aws_control_plane_js__WEBPACK_IMPORTED_MODULE_0__/* .readUseCaseOnFile */ .ro)(this.clients, region);
            if (onFile.state === 'ok' && onFile.value) {
                this.formStates.set(region, { state: 'on-file' });
                continue;
            }
            if (onFile.state !== 'ok') {
                const failure = 'failure' in onFile
                    ? onFile.failure
                    : { kind: 'fault', name: 'Unknown', message: 'not read' };
                this.log.warning(`Could not read the use-case form in ${region} (${failure.message}); not submitting it blindly.`);
                this.formStates.set(region, { state: 'unknown', failure });
                continue;
            }
            if (!form) {
                this.formStates.set(region, { state: 'missing' });
                continue;
            }
            const put = await (0,_aws_control_plane_js__WEBPACK_IMPORTED_MODULE_0__/* .putUseCase */ .DF)(this.clients, region, (0,_use_case_form_js__WEBPACK_IMPORTED_MODULE_1__/* .encodeUseCaseForm */ .QR)(form));
            if (!put.ok) {
                this.log.warning(`Submitting the use-case form in ${region} failed: ${put.failure.name}: ${put.failure.message}`);
                this.formStates.set(region, { state: 'unknown', failure: put.failure });
                continue;
            }
            this.log.info(`Submitted the Anthropic use-case form in ${region}.`);
            this.changes.push({ action: 'use-case-form-submitted', region });
            this.formStates.set(region, { state: 'submitted' });
        }
    }
    formState(region) {
        return this.formStates.get(region);
    }
    /**
     * Create the agreement for a model in a region, once. Checks of the same model in other regions first
     * re-read their availability: a subscription made in one region usually covers the others.
     */
    async ensureAgreement(region, baseModelId) {
        const first = this.agreements.get(baseModelId);
        if (first) {
            const result = await first;
            const again = await (0,_aws_control_plane_js__WEBPACK_IMPORTED_MODULE_0__/* .readAvailability */ .sq)(this.clients, region, baseModelId);
            if (again.state === 'ok' && again.value.agreement !== 'missing')
                return { created: false };
            if (result.failure || result.noOffer)
                return result;
        }
        const key = first ? `${baseModelId}@${region}` : baseModelId;
        let pending = this.agreements.get(key);
        if (!pending) {
            pending = this.createAgreement(region, baseModelId);
            this.agreements.set(key, pending);
        }
        return pending;
    }
    async createAgreement(region, baseModelId) {
        const offers = await (0,_aws_control_plane_js__WEBPACK_IMPORTED_MODULE_0__/* .listPublicOffers */ .BP)(this.clients, region, baseModelId);
        if (!offers.ok)
            return { created: false, failure: offers.failure };
        const offer = offers.value[0];
        if (!offer)
            return { created: false, noOffer: true };
        const created = await (0,_aws_control_plane_js__WEBPACK_IMPORTED_MODULE_0__/* .createAgreement */ .tx)(this.clients, region, baseModelId, offer.offerToken);
        if (!created.ok)
            return { created: false, failure: created.failure };
        this.log.info(`Created the model agreement for ${baseModelId} in ${region}${offer.offerId ? ` (offer ${offer.offerId})` : ''}.`);
        this.changes.push({
            action: 'agreement-created',
            region,
            model: baseModelId,
            ...(offer.offerId ? { offerId: offer.offerId } : {})
        });
        return { created: true };
    }
    /** Poll availability until the agreement is AVAILABLE, the deadline passes, or a read fails for good. */
    async waitUntilLive(region, baseModelId, timeoutSeconds) {
        return waitUntilLive(() => (0,_aws_control_plane_js__WEBPACK_IMPORTED_MODULE_0__/* .readAvailability */ .sq)(this.clients, region, baseModelId), timeoutSeconds, this.clock, status => this.log.info(`Waiting for ${baseModelId} in ${region}: ${status}`));
    }
}
function isLive(availability) {
    return availability.agreement === 'live' && availability.authorized !== false;
}
/** What was last seen while waiting, for the log and the verdict. */
function describeAvailability(availability) {
    const parts = [`agreement ${availability.agreementReported ?? availability.agreement}`];
    if (availability.agreementError)
        parts.push(`(${availability.agreementError})`);
    if (availability.authorized !== undefined)
        parts.push(`authorization ${availability.authorized ? 'granted' : 'not granted'}`);
    if (availability.entitled !== undefined)
        parts.push(`entitlement ${availability.entitled ? 'available' : 'not available'}`);
    return parts.join(', ');
}
/** The wait loop itself, separate from AWS so tests drive it with a fake clock and scripted reads. */
async function waitUntilLive(read, timeoutSeconds, clock, report) {
    const start = clock.now();
    const deadline = start + timeoutSeconds * 1000;
    const elapsed = () => Math.round((clock.now() - start) / 1000);
    for (let poll = 0;; poll++) {
        const availability = await read();
        if (availability.state !== 'ok')
            return { availability, waitedSeconds: elapsed() };
        if (isLive(availability.value))
            return { availability, waitedSeconds: elapsed() };
        const status = describeAvailability(availability.value);
        if (availability.value.agreement === 'error')
            return { availability, waitedSeconds: elapsed() };
        const delay = POLL_SCHEDULE_MS[Math.min(poll, POLL_SCHEDULE_MS.length - 1)];
        const remaining = deadline - clock.now();
        if (remaining <= 0)
            return { availability, waitedSeconds: elapsed(), timedOut: status };
        report(`${status}; next check in ${Math.ceil(Math.min(delay, remaining) / 1000)} s`);
        await clock.sleep(Math.min(delay, remaining));
    }
}


/***/ })

};
