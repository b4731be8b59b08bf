/**
 * One ncc build (scripts/build.sh runs two: the action and the CLI). ncc's programmatic API, because its command
 * line has no `mainFields`: packages are resolved to their ES module build (`module`) before their CommonJS one
 * (`main`). The AWS SDK's CommonJS builds are one file per package, so the bundle would carry every operation,
 * protocol and codec of each client; its ES module builds are one file per function and declare no side effects,
 * so only what the probe calls is bundled (measured: the end of a run comes about 35 ms sooner than with the
 * CommonJS builds). A few SDK packages (@smithy/core, @aws-sdk/core) pick CommonJS for Node through their `exports`
 * whatever mainFields says; mapping them to their ES module builds too gained about 6 ms, under the 20 ms a
 * redirect must pay, so they are bundled as they resolve. The one `paths` entry ncc honours is tsconfig.json's
 * undici stand-in (src/support/undici-on-demand.ts), which keeps undici out of the run and pays about 50 ms.
 *
 * Usage: node scripts/ncc-build.mjs ENTRY OUTDIR [--license FILE]
 */
import ncc from '@vercel/ncc'
import { minify } from 'terser'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import process from 'node:process'

const [entry, outDir, flag, license] = process.argv.slice(2)
if (!entry || !outDir || (flag !== undefined && flag !== '--license')) {
  process.stderr.write('usage: node scripts/ncc-build.mjs ENTRY OUTDIR [--license FILE]\n')
  process.exit(2)
}
const { code, assets } = await ncc(resolve(entry), {
  // Minified below, every chunk with it: ncc's own minify only mangles the entry file (no compression), so the
  // exports tree-shaking marked unused would stay in the code.
  minify: false,
  quiet: true,
  mainFields: ['module', 'main'],
  ...(license ? { license } : {})
})
/** Dead code dropped; class and function names kept (as ncc keeps them), so stack traces and messages still name them. */
const minified = async source =>
  (
    await minify(source, {
      module: true,
      compress: true,
      mangle: true,
      keep_classnames: true,
      keep_fnames: true,
      format: { comments: false }
    })
  ).code
const files = {
  'index.js': code,
  ...Object.fromEntries(Object.entries(assets).map(([name, asset]) => [name, asset.source]))
}
const output = await Promise.all(
  Object.entries(files).map(async ([name, source]) => [
    name,
    name.endsWith('.js') ? await minified(String(source)) : source
  ])
)
for (const [name, source] of output) {
  mkdirSync(dirname(join(outDir, name)), { recursive: true })
  writeFileSync(join(outDir, name), source)
}
