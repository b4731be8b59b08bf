/** GitHub: the runner's OIDC token endpoint and a minimal REST API for pull-request files and comments. */
import { randomBytes } from 'node:crypto'
import type { EmulatedIssue, EmulatorState } from './state.js'
import { ok, type Context, type Reply, type Route } from './wire.js'

export function oidcToken(state: EmulatorState, ctx: Context): Reply {
  if (ctx.req.headers['authorization'] !== `Bearer ${state.oidc.requestToken}`) {
    return { status: 401, body: JSON.stringify({ message: 'bad runner token' }) }
  }
  const aud = ctx.url.searchParams.get('audience') ?? 'https://github.com/octo-org'
  const claims = {
    sub: state.oidc.sub,
    aud,
    iss: state.oidc.issuer ?? 'https://token.actions.githubusercontent.com',
    repository: 'octo-org/octo-repo',
    ref: 'refs/heads/main',
    exp: Math.floor(Date.now() / 1000) + 300
  }
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const token = `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.${randomBytes(32).toString('base64url')}`
  return { status: 200, body: JSON.stringify({ value: token }) }
}

export function githubRoute(method: string, path: string, body: string): Route {
  const answer = (operation: string, respond: (state: EmulatorState, ctx: Context) => Reply): Route => ({
    operation,
    protocol: 'oidc',
    answer: (state, ctx) =>
      ctx.req.headers['authorization'] !== `token ${state.github.token}`
        ? { status: 401, body: JSON.stringify({ message: 'Bad credentials' }) }
        : respond(state, ctx)
  })
  const issues = issuesRoute(method, path, body, answer)
  if (issues) return issues
  if (method === 'GET' && /^\/repos\/[^/]+\/[^/]+\/pulls\/\d+\/files$/.test(path)) {
    return answer('GitHubListPullFiles', state => ok(state.github.files))
  }
  if (method === 'GET' && /^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments$/.test(path)) {
    return answer('GitHubListComments', state => ok(state.github.comments))
  }
  if (method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments$/.test(path)) {
    return answer('GitHubCreateComment', (state: EmulatorState) => {
      const comment = {
        id: state.github.comments.length + 1,
        body: (JSON.parse(body) as { body: string }).body
      }
      state.github.comments.push(comment)
      return { status: 201, body: JSON.stringify(comment) }
    })
  }
  const update = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(path)
  if (method === 'PATCH' && update) {
    return answer('GitHubUpdateComment', state => {
      const comment = state.github.comments.find(candidate => candidate.id === Number(update[1]))
      if (!comment) return { status: 404, body: JSON.stringify({ message: 'Not Found' }) }
      comment.body = (JSON.parse(body) as { body: string }).body
      return ok(comment)
    })
  }
  return answer('GitHubUnknown', () => ({
    status: 404,
    body: JSON.stringify({ message: `No route ${method} ${path}` })
  }))
}

/** GitHub answers a write the job token may not make with 403 "Resource not accessible by integration". */
const NOT_ACCESSIBLE: Reply = {
  status: 403,
  body: JSON.stringify({
    message: 'Resource not accessible by integration',
    documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue'
  })
}

type Answer = (operation: string, respond: (state: EmulatorState, ctx: Context) => Reply) => Route

/**
 * The issues API the watch uses (GitHub REST: list repository issues, create, update, comment): the list filters
 * by state and label, and includes pull requests, as GitHub's does.
 */
function issuesRoute(method: string, path: string, body: string, answer: Answer): Route | undefined {
  const write = (operation: string, respond: (state: EmulatorState) => Reply) =>
    answer(operation, state => (state.github.issuesReadOnly ? NOT_ACCESSIBLE : respond(state)))
  if (/^\/repos\/[^/]+\/[^/]+\/issues$/.test(path)) {
    if (method === 'GET')
      return answer('GitHubListIssues', (state, ctx) => {
        const wanted = ctx.url.searchParams.get('state') ?? 'open'
        const label = ctx.url.searchParams.get('labels')
        return ok(
          state.github.issues
            .filter(issue => wanted === 'all' || issue.state === wanted)
            .filter(issue => !label || issue.labels.includes(label))
            .map(issueJson)
        )
      })
    if (method === 'POST')
      return write('GitHubCreateIssue', state => {
        const input = JSON.parse(body) as { title: string; body?: string; labels?: string[] }
        const issue = {
          number: state.github.issues.length + 100,
          title: input.title,
          body: input.body ?? '',
          state: 'open' as const,
          labels: input.labels ?? [],
          comments: []
        }
        state.github.issues.push(issue)
        return { status: 201, body: JSON.stringify(issueJson(issue)) }
      })
  }
  const one = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)(\/comments)?$/.exec(path)
  if (!one) return undefined
  const find = (state: EmulatorState) => state.github.issues.find(issue => issue.number === Number(one[1]))
  if (method === 'PATCH' && !one[2])
    return write('GitHubUpdateIssue', state => {
      const issue = find(state)
      if (!issue) return { status: 404, body: JSON.stringify({ message: 'Not Found' }) }
      Object.assign(issue, JSON.parse(body) as Partial<EmulatedIssue>)
      return ok(issueJson(issue))
    })
  if (method === 'POST' && one[2])
    return answer('GitHubCreateComment', state => {
      const issue = find(state)
      const text = (JSON.parse(body) as { body: string }).body
      if (!issue) {
        // Not a watch issue: the pull request's conversation (the sticky comment).
        const comment = { id: state.github.comments.length + 1, body: text }
        state.github.comments.push(comment)
        return { status: 201, body: JSON.stringify(comment) }
      }
      if (state.github.issuesReadOnly) return NOT_ACCESSIBLE
      const comment = { id: issue.comments.length + 1, body: text }
      issue.comments.push(comment)
      return { status: 201, body: JSON.stringify(comment) }
    })
  return undefined
}

function issueJson(issue: EmulatedIssue) {
  return {
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    ...(issue.state_reason ? { state_reason: issue.state_reason } : {}),
    labels: issue.labels.map(name => ({ name })),
    ...(issue.pull_request ? { pull_request: issue.pull_request } : {})
  }
}
