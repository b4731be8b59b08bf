/**
 * The floor for `npm run bench`'s start-up figure: a bundle holding nothing but the STS client, built the way
 * the action is (scripts/ncc-build.mjs), making one GetCallerIdentity. No action built on the AWS SDK for
 * JavaScript v3 reaches AWS sooner than this from a cold start.
 */
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'

await new STSClient({ region: 'us-east-1' }).send(new GetCallerIdentityCommand({})).catch(() => undefined)
