// Builds the app pages' bundle into workbench/templates/voila/hocvuso/static/ and writes
// bundle.html.j2, the tags the page template includes: `npm ci && npm run build`.
// `node build.mjs DIR` writes DIR/static/ and DIR/bundle.html.j2 instead (the tests compare).
//
// The output is committed: serving the gallery needs Python only. bundle.html.j2 records a hash
// of the sources (src/, package.json, package-lock.json), and tests/test_frontend.py checks it,
// so a change to the sources without a rebuild fails the tests.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const template = process.argv[2] || join(here, '..', 'workbench', 'templates', 'voila', 'hocvuso');
const outdir = join(template, 'static');

function sourceHash() {
  const files = [
    'package.json',
    'package-lock.json',
    ...readdirSync(join(here, 'src')).map(name => `src/${name}`)
  ].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(here, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

const short = data => createHash('sha256').update(data).digest('hex').slice(0, 12);

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: { hocvuso: join(here, 'src', 'index.js') },
  bundle: true,
  minify: true,
  format: 'esm',
  splitting: true,
  chunkNames: 'chunk-[hash]',
  target: ['es2019'],
  legalComments: 'none',
  charset: 'utf8',
  loader: { '.svg': 'dataurl', '.woff': 'empty', '.woff2': 'empty', '.ttf': 'empty', '.eot': 'empty' },
  outdir,
  absWorkingDir: here,
  metafile: true,
  logLevel: 'warning'
});

// Every package in the bundle, with its licence text, next to the bundle.
const packages = new Map();
const used = Object.values(result.metafile.outputs).flatMap(output =>
  Object.entries(output.inputs).filter(([, v]) => v.bytesInOutput > 0).map(([k]) => k)
);
for (const input of used) {
  const match = input.match(/^(node_modules\/(?:@[^/]+\/)?[^/]+)\//);
  if (match && !packages.has(match[1])) {
    packages.set(match[1], JSON.parse(readFileSync(join(here, match[1], 'package.json'), 'utf8')));
  }
}
const notices = [...packages]
  .sort(([, a], [, b]) => a.name.localeCompare(b.name))
  .map(([dir, meta]) => {
    const file = readdirSync(join(here, dir)).find(name => /^(licen[cs]e|copying)/i.test(name));
    const text = file ? readFileSync(join(here, dir, file), 'utf8').trim() : `License: ${meta.license}`;
    return `${meta.name} ${meta.version} (${meta.license})\n\n${text}\n`;
  });
writeFileSync(
  join(outdir, 'THIRD-PARTY-LICENSES.txt'),
  `hocvuso.js, its chunks and hocvuso.css bundle these packages (frontend/build.mjs):\n\n${notices.join('\n' + '-'.repeat(72) + '\n\n')}`
);

// The chunks the entry imports, fetched in parallel with it rather than after it is parsed.
// Their names carry a hash of their content (workbench/voila_main.py caches them for a year).
const entry = Object.entries(result.metafile.outputs).find(([name]) => name.endsWith('/hocvuso.js'));
const preload = entry[1].imports
  .filter(item => item.kind === 'import-statement')
  .map(item => `<link rel="modulepreload" href="{{ static }}${item.path.split('/').pop()}">\n`)
  .join('');
const js = short(readFileSync(join(outdir, 'hocvuso.js')));
const css = short(readFileSync(join(outdir, 'hocvuso.css')));
writeFileSync(
  join(template, 'bundle.html.j2'),
  `{#- Written by frontend/build.mjs, do not edit. sources: ${sourceHash()} -#}\n` +
    `<link rel="stylesheet" href="{{ static }}hocvuso.css?v=${css}">\n` +
    preload +
    `<script type="module" src="{{ static }}hocvuso.js?v=${js}"></script>\n`
);
console.log(`hocvuso.js ${js}, hocvuso.css ${css} -> ${outdir}`);
