/**
 * The engine shared by the action and the CLI: credentials once, the use-case form once, then every
 * model × region check concurrently (bounded), then cross-check hints. Never throws for AWS trouble:
 * every fault ends up in a check's gates, and the run always yields a report.
 */
import { AwsClients } from './aws/clients.js'
import type { Bootstrapper } from './bootstrap.js'
import { realClock, type Clock, type Logger } from './clock.js'
import { establishCredentials, type CredentialDeps } from './credentials.js'
import { combinedPolicy } from './diagnosis/iam-policy.js'
import { DEFAULT_BOOTSTRAP_WAIT_SECONDS, type ProbeInputs } from './inputs.js'
import { baseModelGuessOf, isAnthropicModel } from './model-id.js'
import { redact } from './report/redact.js'
import type { CheckResult, GateResult, Report } from './types.js'

/**
 * Checks in flight at once per region (Bedrock's API rate limits are per account and region): enough that a
 * typical run finishes in one wave, few enough to stay clear of throttling. Regions run side by side.
 */
export const CONCURRENCY_PER_REGION = 12

export interface ProbeDeps extends CredentialDeps {
  clock?: Clock
  log: Logger
}

export interface ProbeOutcome {
  report: Report
  /** Combined least-privilege policy for every failing IAM gate ('' when none). */
  iamPolicy: string
}

export async function runProbe(inputs: ProbeInputs, deps: ProbeDeps): Promise<ProbeOutcome> {
  const clock = deps.clock ?? realClock
  const waitBudgetMs = inputs.createAgreement
    ? (inputs.waitTimeoutSeconds ?? DEFAULT_BOOTSTRAP_WAIT_SECONDS) * 1000
    : 0
  const deadline = AbortSignal.timeout(inputs.timeoutMs + waitBudgetMs)
  const baseClients = new AwsClients({ requestTimeoutMs: inputs.requestTimeoutMs, signal: deadline })
  let clients = baseClients
  // The checks' code (and the Bedrock SDK clients with it) loads while the identity check is in flight:
  // only STS and the credential chain stand between process start and the first request.
  const checksCode = Promise.all([import('./check.js'), import('./bootstrap.js')])
  try {
    const credentials = await establishCredentials(inputs, baseClients, deps)
    clients = credentials.clients
    const [{ checkPair, memoizedProfileLookup }, { Bootstrapper }] = await checksCode
    const log = accountMaskingLog(deps, inputs.maskAccountId ? credentials.identity?.account : undefined)
    log.info(`Credentials: ${credentials.gate.status} — ${credentials.gate.detail}`)

    let bootstrapper: Bootstrapper | undefined
    if (inputs.createAgreement && credentials.usable) {
      bootstrapper = new Bootstrapper(clients, clock, log)
      const anthropicRegions = [
        ...new Set(
          inputs.pairs
            .filter(pair => {
              const base = baseModelGuessOf(pair.ref)
              return base !== undefined && isAnthropicModel(base)
            })
            .map(pair => pair.region)
        )
      ]
      await bootstrapper.ensureUseCaseForm(anthropicRegions, inputs.useCaseForm)
    } else if (inputs.useCaseForm) {
      log.warning('use-case-form is only submitted with create-agreement: true; ignoring it.')
    }

    const context = {
      clients,
      inputs,
      credentials: credentials.gate,
      credentialsUsable: credentials.usable,
      account: credentials.identity?.account,
      bootstrapper,
      clock,
      profileLookup: memoizedProfileLookup(clients)
    }
    const checks = await mapPerRegion(inputs.pairs, CONCURRENCY_PER_REGION, async pair => {
      const check = await checkPair(pair, context)
      log.info(`${check.result === 'pass' ? 'PASS' : 'FAIL'} ${check.model} @ ${check.region}`)
      return check
    })
    addRegionHints(checks)

    const report: Report = {
      result: checks.some(check => check.result === 'fail') ? 'fail' : 'pass',
      ...(credentials.identity ? { identity: credentials.identity } : {}),
      checks,
      changes: bootstrapper?.changes ?? [],
      counts: {
        pass: checks.filter(check => check.result === 'pass').length,
        fail: checks.filter(check => check.result === 'fail').length,
        warn: checks.filter(check => Object.values(check.gates).some(gate => gate.status === 'warn')).length
      }
    }
    const statements = checks.flatMap(check => (check.iamStatement ? [check.iamStatement] : []))
    return { report, iamPolicy: combinedPolicy(statements) }
  } finally {
    clients.destroy()
    baseClients.destroy()
  }
}

/** Run `task` over `items`, at most `limit` at a time, keeping the input order in the result. */
export async function mapConcurrent<T, R>(
  items: T[],
  limit: number,
  task: (item: T) => Promise<R>
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await task(items[index]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/**
 * mask-account-id: the account is masked (setSecret) the moment it is known, and the probe's own log lines
 * are redacted too, for front ends (the CLI) where no runner does the masking.
 */
function accountMaskingLog(deps: ProbeDeps, account: string | undefined): Logger {
  if (!account) return deps.log
  deps.setSecret(account)
  return {
    info: message => deps.log.info(redact(message, account)),
    warning: message => deps.log.warning(redact(message, account))
  }
}

/** mapConcurrent within each region, all regions at once; results in input order. */
export async function mapPerRegion<T extends { region: string }, R>(
  items: T[],
  limitPerRegion: number,
  task: (item: T) => Promise<R>
): Promise<R[]> {
  const results = new Array<R>(items.length)
  const byRegion = new Map<string, number[]>()
  items.forEach((item, index) => byRegion.set(item.region, [...(byRegion.get(item.region) ?? []), index]))
  await Promise.all(
    [...byRegion.values()].map(indexes =>
      mapConcurrent(indexes, limitPerRegion, async index => {
        results[index] = await task(items[index]!)
      })
    )
  )
  return results
}

/**
 * When a model is not offered in a region, name the requested regions where the same model is:
 * free evidence from the other checks of this run.
 */
export function addRegionHints(checks: CheckResult[]): void {
  for (const check of checks) {
    const region: GateResult = check.gates.region
    if (region.status !== 'fail' || region.cause !== 'region-not-offered') continue
    const elsewhere = checks
      .filter(
        other =>
          other.model === check.model && other.region !== check.region && other.gates.region.status === 'pass'
      )
      .map(other => other.region)
    if (elsewhere.length > 0)
      region.fix =
        `${region.fix ?? ''} Of the requested regions, it is offered in ${elsewhere.join(', ')}.`.trim()
  }
}
