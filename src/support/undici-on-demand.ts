/**
 * What the Actions toolkit takes from undici: ProxyAgent (@actions/http-client, for a proxy dispatcher) and fetch
 * (@actions/github, Octokit's requests), both used only to talk to GitHub's API (the PR comment and pull-request
 * diffs). The build maps the toolkit's `undici` import here (the one `paths` entry of tsconfig.json, which ncc's
 * resolver honours and the type-checker reads for the types), so undici (over 400 KB even minified) stays
 * out of the start-up bundle: the modules that talk to GitHub's API load the real one first (loadUndici) and this
 * class hands its constructor over.
 * Nothing else in a run imports undici: Node's own fetch carries the OIDC token request. A unit test reads the
 * installed toolkit's imports of undici and fails when it takes a name this file does not stand in for.
 */
type RealUndici = typeof import('undici/index.js')

let real: RealUndici | undefined

/** Load undici (a lazy chunk) before anything may construct a ProxyAgent: Octokit, behind a proxy. */
export async function loadUndici(): Promise<void> {
  real ??= (await import('undici/index.js')) as unknown as RealUndici
}

function loaded(): RealUndici {
  if (!real) throw new Error('undici is not loaded: call loadUndici() before talking to the GitHub API')
  return real
}

export const fetch: RealUndici['fetch'] = (...args) => loaded().fetch(...args)

export const ProxyAgent = function ProxyAgent(...args: ConstructorParameters<RealUndici['ProxyAgent']>) {
  return new (loaded().ProxyAgent)(...args)
} as unknown as RealUndici['ProxyAgent']
