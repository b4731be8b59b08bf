/** GitHub: the runner's OIDC token endpoint and a minimal REST API for pull-request files and comments. */
import { randomBytes } from 'node:crypto'
import type { EmulatorState } from './state.js'
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
  const answer = (operation: string, respond: (state: EmulatorState) => Reply): Route => ({
    operation,
    protocol: 'oidc',
    answer: (state, ctx) =>
      ctx.req.headers['authorization'] !== `token ${state.github.token}`
        ? { status: 401, body: JSON.stringify({ message: 'Bad credentials' }) }
        : respond(state)
  })
  if (method === 'GET' && /^\/repos\/[^/]+\/[^/]+\/pulls\/\d+\/files$/.test(path)) {
    return answer('GitHubListPullFiles', state => ok(state.github.files))
  }
  if (method === 'GET' && /^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments$/.test(path)) {
    return answer('GitHubListComments', state => ok(state.github.comments))
  }
  if (method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments$/.test(path)) {
    return answer('GitHubCreateComment', state => {
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
