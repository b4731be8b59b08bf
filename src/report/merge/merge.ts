/**
 * One report for a fleet: platform teams probe many accounts (a GitHub Actions matrix, one job per account and
 * region set, each saving its `report` with report-file) and merge the reports into one summary with an account
 * column and one result. Used by the action (input `merge`) and the CLI (`bedrock-access-probe merge FILES…`).
 * No AWS call: the verdicts were made where the credentials were.
 */
import { readFileSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import * as glob from '@actions/glob'
import { combinedPolicy } from '../../bedrock/iam-policy.js'
import type { Logger } from '../../support/logger.js'
import { buildReport } from '../build/verdict.js'
import type { CheckResult, ProbeOutcome, ProbeScope, Report, UseCaseFormRecord } from '../../types.js'

export class MergeError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'MergeError'
  }
}

/** The report files the patterns name (globs, or plain paths, relative to cwd), in a stable order. */
export async function findReportFiles(patterns: string[], cwd: string): Promise<string[]> {
  const files = new Set<string>()
  for (const pattern of patterns) {
    const absolute = isAbsolute(pattern) ? pattern : join(cwd, pattern)
    const found = await (await glob.create(absolute, { matchDirectories: false })).glob()
    if (found.length === 0)
      throw new MergeError(
        `"${pattern}" names no file (relative to ${cwd}); check the artifact download path`
      )
    for (const file of found) files.add(file)
  }
  return [...files].sort()
}

/** The merged outcome of the report files the patterns name (the action's merge input, the CLI's merge). */
export async function mergeReportFiles(
  patterns: string[],
  cwd: string,
  log: Pick<Logger, 'info'>
): Promise<ProbeOutcome> {
  if (patterns.length === 0) throw new MergeError('name the report files to merge')
  const files = await findReportFiles(patterns, cwd)
  log.info(`Merging ${files.length} report${files.length === 1 ? '' : 's'}: ${files.join(', ')}`)
  return mergeReports(readReports(files))
}

/** Read and check each report; a file that is not a probe report is named, never skipped silently. */
export function readReports(files: string[]): { report: Report; file: string }[] {
  return files.map(file => {
    let parsed: unknown
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'))
    } catch (error) {
      throw new MergeError(`${file} is not JSON: ${(error as Error).message}`)
    }
    const report = parsed as Partial<Report>
    if (!report || !Array.isArray(report.checks) || typeof report.result !== 'string') {
      throw new MergeError(`${file} is not a bedrock-access-probe report (no "result" and "checks")`)
    }
    return { report: report as Report, file }
  })
}

/**
 * One report from many. Each check is tagged with its account (the report's identity, else the file's name),
 * the result is the worst of all, and the IAM policy is given only when every check is in one account (a policy
 * is attached per account).
 */
export function mergeReports(parts: { report: Report; file: string }[]): ProbeOutcome {
  if (parts.length === 0) throw new MergeError('no report to merge')
  const checks = parts.flatMap(({ report, file }) => {
    // A masked account (mask-account-id) reads ***: the file's name tells the accounts apart then.
    const known = report.identity?.account
    const account = known && known !== '***' ? known : accountFromFile(file)
    return report.checks.map(check => ({ ...check, account: check.account ?? account }))
  })
  const accounts = [...new Set(checks.map(check => check.account))]
  const identities = parts.map(part => part.report.identity).filter(identity => identity !== undefined)
  const sources = [...new Set(parts.map(part => part.report.credentialSource))]
  const useCaseForm = mergedForm(parts.map(part => part.report.useCaseForm))
  const merged = buildReport(
    checks,
    accounts.length === 1 ? identities[0] : undefined,
    parts.flatMap(part => part.report.changes ?? []),
    parts.some(part => part.report.cancelled),
    {
      ...(sources.length === 1 && sources[0] ? { credentialSource: sources[0] } : {}),
      credentialNotes: [...new Set(parts.flatMap(part => part.report.credentialNotes ?? []))],
      ...(useCaseForm ? { useCaseForm } : {}),
      ...mergedScope(
        parts.map(part => part.report.probed),
        checks
      )
    }
  )
  // Reports of the same account from several jobs (region sets) are one account, not several.
  const statements = checks.flatMap(check => (check.iamStatement ? [check.iamStatement] : []))
  return { report: merged, iamPolicy: accounts.length === 1 ? combinedPolicy(statements) : '' }
}

/**
 * The use-case form of a fleet: a refused management role first (it fails the merged result as it failed its job),
 * else the one record every job shares (the management account's, read by each), else none: per-account forms are
 * in each account's own report.
 */
function mergedForm(forms: (UseCaseFormRecord | undefined)[]): UseCaseFormRecord | undefined {
  const known = forms.filter((form): form is UseCaseFormRecord => form !== undefined)
  const refused = known.find(form => form.credentials?.status === 'fail')
  if (refused) return refused
  const places = new Set(known.map(form => `${form.via} ${form.account ?? ''}`))
  return places.size === 1 && known[0]?.via === 'management-role' ? known[0] : undefined
}

/** What the merged reports probed: the distinct models of every check, the union of regions and calls. */
function mergedScope(scopes: (ProbeScope | undefined)[], checks: CheckResult[]): { probed?: ProbeScope } {
  const known = scopes.filter((scope): scope is ProbeScope => scope !== undefined)
  if (known.length === 0) return {}
  const tiers = new Set(known.map(scope => scope.serviceTier))
  return {
    probed: {
      models: new Set(checks.map(check => check.model)).size,
      regions: [...new Set(known.flatMap(scope => scope.regions))],
      calls: [...new Set(known.flatMap(scope => scope.calls))],
      invoke: known.some(scope => scope.invoke),
      bootstrap: known.some(scope => scope.bootstrap),
      // One tier when every job asked for the same one; the line says nothing it cannot say of all of them.
      ...(tiers.size === 1 && [...tiers][0] ? { serviceTier: [...tiers][0] } : {}),
      durationMs: Math.max(...known.map(scope => scope.durationMs))
    }
  }
}

/** report-111122223333.json → 111122223333; else the file's base name. */
function accountFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file
  return /(\d{12})/.exec(base)?.[1] ?? base.replace(/\.json$/, '')
}
