/** The action's entry point: everything happens in run(). */
import { run } from './main.js'

await run()
// Exit now rather than when the event loop drains: a request abandoned at its deadline (a hung OIDC token
// endpoint, say) must not keep the job alive. The exit code is the one setFailed left in process.exitCode.
process.exit()
