/**
 * Publishing the verdict (the action): the step's outputs, the job summary, the annotations and the log, and
 * whether the step fails by fail-on.
 */
import * as core from '@actions/core'
import type { FailOn } from '../../inputs/parse.js'
import type { Logger } from '../../support/logger.js'
import { neutraliseCommands } from '../../support/text.js'
import type { ProbeOutcome } from '../../types.js'
import { annotationsFor } from '../render/annotations.js'
import { renderSummary } from '../render/summary.js'
import { renderSections } from '../render/terminal.js'
import { failureMessage, shouldFail } from '../build/verdict.js'

/**
 * The verdict, everywhere it is read: the outputs, the log (the verdict and table open, each finding a
 * collapsible group), the job summary, the annotations, and the step's failure by fail-on.
 */
export async function publish(
  { report, iamPolicy }: ProbeOutcome,
  failOn: FailOn,
  log: Logger
): Promise<void> {
  core.setOutput('result', report.result)
  core.setOutput('report', JSON.stringify(report))
  core.setOutput('iam-policy', iamPolicy)
  for (const section of renderSections(report, { everyCheck: true })) {
    if (section.title) core.startGroup(neutraliseCommands(section.title))
    log.info(section.lines.join('\n'))
    if (section.title) core.endGroup()
  }
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(renderSummary(report)).write()
  for (const annotation of annotationsFor(report)) {
    const message = neutraliseCommands(annotation.message)
    if (annotation.level === 'error') core.error(message, annotation.properties)
    else core.warning(message, annotation.properties)
  }
  if (shouldFail(report, failOn)) core.setFailed(neutraliseCommands(failureMessage(report, failOn)))
}
