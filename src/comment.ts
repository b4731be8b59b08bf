/**
 * The optional sticky PR comment (comment: true), and the pull request's added lines for models-from.
 * Loaded with a dynamic import only when needed, so ordinary runs never load Octokit.
 */
import * as github from '@actions/github'
import { addedIdsFromPatch, SCANNED_PROVIDERS } from './models-from.js'

const MARKER = '<!-- bedrock-access-probe -->'

export interface Warn {
  warning(message: string): void
}

export async function upsertPullRequestComment(
  summary: string,
  token: string | undefined,
  log: Warn
): Promise<void> {
  const pull = github.context.payload.pull_request
  if (!pull) {
    log.warning('comment: true only posts on pull_request events; skipped.')
    return
  }
  if (!token) {
    log.warning(
      'comment: true needs github-token (default: the job token with pull-requests: write); skipped.'
    )
    return
  }
  try {
    const octokit = github.getOctokit(token)
    const { owner, repo } = github.context.repo
    const body = `${MARKER}\n${summary}`
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: pull.number,
      per_page: 100
    })
    const existing = comments.find(comment => comment.body?.startsWith(MARKER))
    if (existing) await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body })
    else await octokit.rest.issues.createComment({ owner, repo, issue_number: pull.number, body })
  } catch (error) {
    log.warning(`Could not post the PR comment (needs pull-requests: write): ${(error as Error).message}`)
  }
}

/** Model IDs on lines the pull request adds, with file and line, from the PR's file patches. */
export async function pullRequestAddedIds(
  token: string | undefined,
  log: Warn
): Promise<{ id: string; file: string; line: number }[]> {
  const pull = github.context.payload.pull_request
  if (!pull || !token) return []
  try {
    const octokit = github.getOctokit(token)
    const { owner, repo } = github.context.repo
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
      owner,
      repo,
      pull_number: pull.number,
      per_page: 100
    })
    const providers = new RegExp(SCANNED_PROVIDERS.join('|'))
    return files
      .filter(file => file.patch && providers.test(file.patch))
      .flatMap(file => addedIdsFromPatch(file.patch!).map(found => ({ ...found, file: file.filename })))
  } catch (error) {
    log.warning(
      `Could not read the pull request's files (${(error as Error).message}); probing in file order.`
    )
    return []
  }
}
