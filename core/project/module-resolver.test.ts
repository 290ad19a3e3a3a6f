import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempProjects } from '../../tests/support/temp-project.js';
import { createModuleResolver } from './index.js';

const projects = tempProjects('lambda-hygiene-resolver-');
afterAll(projects.removeAll);

/** A throwaway project; the function it returns makes a path inside it absolute. */
function project(files: Record<string, string>): (relative: string) => string {
  const root = projects.create(files);
  return (relative) => path.join(root, relative);
}

const json = (value: unknown) => JSON.stringify(value);

describe('createModuleResolver', () => {
  it('resolves relative imports: extensions, index files, and TypeScript’s .js → .ts', () => {
    const at = project({
      'src/handler.ts': '',
      'src/lib/db.ts': '',
      'src/lib/index.ts': '',
      'src/util.cjs': '',
      'src/legacy/helper.js': '',
    });
    const resolve = createModuleResolver(at('.'));
    const from = at('src/handler.ts');
    expect(resolve('./lib/db.js', from)).toBe(at('src/lib/db.ts'));
    expect(resolve('./lib/db', from)).toBe(at('src/lib/db.ts'));
    expect(resolve('./lib', from)).toBe(at('src/lib/index.ts'));
    expect(resolve('./util.cjs', from)).toBe(at('src/util.cjs'));
    expect(resolve('./legacy/helper.js', from)).toBe(at('src/legacy/helper.js'));
    expect(resolve('./missing.js', from)).toBeUndefined();
  });

  it('never resolves to node_modules or a Node built-in, even for relative paths into node_modules', () => {
    const at = project({
      'index.js': '',
      'node_modules/pg/index.js': '',
      'node_modules/pg/package.json': json({ name: 'pg', main: 'index.js' }),
    });
    const resolve = createModuleResolver(at('.'));
    expect(resolve('pg', at('index.js'))).toBeUndefined();
    expect(resolve('./node_modules/pg/index.js', at('index.js'))).toBeUndefined();
    expect(resolve('node:fs', at('index.js'))).toBeUndefined();
    expect(resolve('fs', at('index.js'))).toBeUndefined();
  });

  it('follows tsconfig paths and baseUrl through an extends chain', () => {
    const at = project({
      'tsconfig.base.json': json({ compilerOptions: { baseUrl: '.', paths: { '@libs/*': ['src/libs/*'], '@config': ['config/index.ts'] } } }),
      'tsconfig.json': `// comments are allowed\n{ "extends": "./tsconfig.base.json", "compilerOptions": { "strict": true } }`,
      'src/libs/events.ts': '',
      'config/index.ts': '',
      'src/functions/hello/handler.ts': '',
      'services/api/tsconfig.json': json({ compilerOptions: { baseUrl: 'src' } }),
      'services/api/src/lib/db.ts': '',
      'services/api/src/handler.ts': '',
    });
    const resolve = createModuleResolver(at('.'));
    expect(resolve('@libs/events', at('src/functions/hello/handler.ts'))).toBe(at('src/libs/events.ts'));
    expect(resolve('@config', at('src/functions/hello/handler.ts'))).toBe(at('config/index.ts'));
    // baseUrl alone: bare specifiers are tried under it, and packages are left alone.
    expect(resolve('lib/db', at('services/api/src/handler.ts'))).toBe(at('services/api/src/lib/db.ts'));
    expect(resolve('lodash', at('services/api/src/handler.ts'))).toBeUndefined();
  });

  it('follows package.json imports (#lib/*) of the nearest package', () => {
    const at = project({
      'package.json': json({ name: 'app', imports: { '#lib/*': './src/lib/*', '#db': { node: './src/db.ts' }, '#pg': 'pg' } }),
      'src/lib/search.ts': '',
      'src/db.ts': '',
      'src/handler.ts': '',
    });
    const resolve = createModuleResolver(at('.'));
    expect(resolve('#lib/search.js', at('src/handler.ts'))).toBe(at('src/lib/search.ts'));
    expect(resolve('#db', at('src/handler.ts'))).toBe(at('src/db.ts'));
    expect(resolve('#pg', at('src/handler.ts'))).toBeUndefined();
    expect(resolve('#nope', at('src/handler.ts'))).toBeUndefined();
  });

  it('resolves npm workspace packages by name, through exports, and main mapped from dist back to src', () => {
    const at = project({
      'package.json': json({ name: 'mono', workspaces: ['packages/*'] }),
      'packages/core/package.json': json({ name: '@mono/core', exports: { '.': { types: './src/index.ts', import: './dist/index.js' }, './db': './src/db.ts' } }),
      'packages/core/src/index.ts': '',
      'packages/core/src/db.ts': '',
      'packages/util/package.json': json({ name: 'mono-util', main: 'dist/index.js' }),
      'packages/util/tsconfig.json': json({ compilerOptions: { outDir: 'dist', rootDir: 'src' } }),
      'packages/util/src/index.ts': '',
      'packages/functions/src/handler.ts': '',
    });
    const resolve = createModuleResolver(at('.'));
    const from = at('packages/functions/src/handler.ts');
    expect(resolve('@mono/core', from)).toBe(at('packages/core/src/index.ts'));
    expect(resolve('@mono/core/db', from)).toBe(at('packages/core/src/db.ts'));
    expect(resolve('@mono/core/not-exported', from)).toBeUndefined();
    expect(resolve('mono-util', from)).toBe(at('packages/util/src/index.ts'));
  });

  it('resolves pnpm workspaces from pnpm-workspace.yaml, and local file: dependencies', () => {
    const at = project({
      'package.json': json({ name: 'mono' }),
      'pnpm-workspace.yaml': "packages:\n  - 'apps/*'\n  - 'libs/**'\n",
      'libs/shared/clients/package.json': json({ name: '@acme/clients', main: './index.js' }),
      'libs/shared/clients/index.js': '',
      'apps/api/package.json': json({ name: 'api', dependencies: { 'legacy-db': 'file:../../legacy/db' } }),
      'apps/api/handler.js': '',
      'legacy/db/package.json': json({ name: 'legacy-db' }),
      'legacy/db/index.js': '',
    });
    const resolve = createModuleResolver(at('.'));
    expect(resolve('@acme/clients', at('apps/api/handler.js'))).toBe(at('libs/shared/clients/index.js'));
    expect(resolve('legacy-db', at('apps/api/handler.js'))).toBe(at('legacy/db/index.js'));
  });

  it('maps Lambda layer imports to the layer folder, declared or found by its nodejs/ layout', () => {
    const at = project({
      'layers/common/nodejs/utils.js': '',
      'layers/common/nodejs/package.json': json({ name: 'common-utils', main: 'utils.js' }),
      'shared-layer/db.mjs': '',
      'functions/orders/app.mjs': '',
    });
    const resolve = createModuleResolver(at('.'), { layers: [at('shared-layer')] });
    const from = at('functions/orders/app.mjs');
    expect(resolve('/opt/nodejs/utils.js', from)).toBe(at('layers/common/nodejs/utils.js'));
    expect(resolve('/opt/nodejs/utils', from)).toBe(at('layers/common/nodejs/utils.js'));
    // A layer whose folder is packaged as nodejs/ by the IaC: `/opt/nodejs/db.mjs` is its db.mjs.
    expect(resolve('/opt/nodejs/db.mjs', from)).toBe(at('shared-layer/db.mjs'));
    expect(resolve('common-utils', from)).toBe(at('layers/common/nodejs/utils.js'));
    expect(resolve('/opt/nodejs/node_modules/common-utils', from)).toBe(at('layers/common/nodejs/utils.js'));
    expect(resolve('/opt/nodejs/nothing.js', from)).toBeUndefined();
  });

  it('resolves CommonJS require paths like imports', () => {
    const at = project({ 'handler.js': '', 'lib/users.js': '', 'lib/index.js': '' });
    const resolve = createModuleResolver(at('.'));
    expect(resolve('./lib/users', at('handler.js'))).toBe(at('lib/users.js'));
    expect(resolve('./lib', at('handler.js'))).toBe(at('lib/index.js'));
    expect(resolve('../outside', at('handler.js'))).toBeUndefined();
  });
});
