import { utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempProjects } from '../../tests/support/temp-project.js';
import { httpFunctionName, parseArc } from './iac/architect.js';
import { parseDockerfile } from './iac/dockerfile.js';
import { parseHcl } from './iac/hcl.js';
import { clearProjectCache, loadProject, reportHandlers } from './index.js';

const projects = tempProjects('lambda-hygiene-iac-');
afterAll(projects.removeAll);
const project = projects.create;

/** `file#export <- declared at` and `declared at: reason`, for compact assertions. */
function summary(root: string) {
  const report = reportHandlers(loadProject(root));
  return {
    handlers: report.handlers.map((h) => `${h.file}#${h.export}${h.declaredIn ? ` <- ${h.declaredIn.file}:${h.declaredIn.line}` : ''}`),
    unresolved: report.unresolved.map((u) => `${u.declaredIn.file}:${u.declaredIn.line} ${u.handler}: ${u.reason}`),
  };
}

const handlerJs = 'exports.handler = async (event, context) => ({});\n';

describe('handler strings', () => {
  it('takes the file before the last dot, else before the first dot with a nested export (the Node.js runtime)', () => {
    const root = project({
      'template.yaml': [
        'Resources:',
        '  A:',
        '    Type: AWS::Serverless::Function',
        '    Properties: { Runtime: nodejs20.x, CodeUri: src, Handler: orders.handler.main }',
        '  B:',
        '    Type: AWS::Serverless::Function',
        '    Properties: { Runtime: nodejs20.x, CodeUri: src, Handler: api.routes.get }',
        '  C:',
        '    Type: AWS::Serverless::Function',
        '    Properties: { Runtime: nodejs20.x, CodeUri: src, Handler: noexport }',
      ].join('\n'),
      'src/orders.handler.ts': 'export const main = async (event: unknown) => {};\n',
      'src/api.js': 'exports.routes = { get: async (event, context) => ({}) };\n',
    });
    expect(summary(root)).toEqual({
      handlers: ['src/api.js#routes.get <- template.yaml:7', 'src/orders.handler.ts#main <- template.yaml:4'],
      unresolved: ['template.yaml:10 noexport: "noexport" is not of the form file.export'],
    });
  });

  it('maps an esbuild bundle name back to its entry point (SAM BuildMethod: esbuild)', () => {
    const root = project({
      'template.yaml': [
        'Globals:',
        '  Function:',
        '    Runtime: nodejs22.x',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      CodeUri: app/',
        '      Handler: handlers/create.lambdaHandler',
        '    Metadata:',
        '      BuildMethod: esbuild',
        '      BuildProperties:',
        '        EntryPoints: [src/handlers/create.ts, src/handlers/delete.ts]',
      ].join('\n'),
      'app/src/handlers/create.ts': 'export const lambdaHandler = async (event: unknown) => {};\n',
      'app/src/handlers/delete.ts': '',
    });
    expect(summary(root).handlers).toEqual(['app/src/handlers/create.ts#lambdaHandler <- template.yaml:9']);
  });
});

describe('CloudFormation and SAM', () => {
  it('reads !Ref and !Sub with parameter defaults, and says why S3 code and images without a context are unresolved', () => {
    const root = project({
      'infra/stack.yaml': [
        'Parameters:',
        '  HandlerName: { Type: String, Default: index.handler }',
        '  Bucket: { Type: String }',
        'Resources:',
        '  Ref:',
        '    Type: AWS::Lambda::Function',
        '    Properties: { Runtime: nodejs20.x, Code: ../src, Handler: !Ref HandlerName }',
        '  Sub:',
        '    Type: AWS::Serverless::Function',
        '    Properties: { Runtime: nodejs20.x, CodeUri: ../src, Handler: !Sub "${HandlerName}" }',
        '  S3:',
        '    Type: AWS::Serverless::Function',
        '    Properties: { Runtime: nodejs20.x, CodeUri: s3://artifacts/code.zip, Handler: index.handler }',
        '  Dynamic:',
        '    Type: AWS::Serverless::Function',
        '    Properties: { Runtime: nodejs20.x, CodeUri: ../src, Handler: !GetAtt Config.Handler }',
        '  Image:',
        '    Type: AWS::Serverless::Function',
        '    Properties: { PackageType: Image }',
      ].join('\n'),
      'src/index.js': handlerJs,
    });
    expect(summary(root)).toEqual({
      handlers: ['src/index.js#handler <- infra/stack.yaml:7', 'src/index.js#handler <- infra/stack.yaml:10'],
      unresolved: [
        'infra/stack.yaml:13 index.handler: code is an S3 object (s3://artifacts/code.zip)',
        'infra/stack.yaml:16 !GetAtt ["Config","Handler"]: Handler is !GetAtt ["Config","Handler"]',
        'infra/stack.yaml:17 (container image): container image without Metadata.DockerContext: its Dockerfile is not known',
      ],
    });
  });

  it('follows a SAM image function to its Dockerfile, and ImageConfig.Command overrides the CMD', () => {
    const root = project({
      'template.yaml': [
        'Resources:',
        '  Api:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      PackageType: Image',
        '      ImageConfig: { Command: [api.handler] }',
        '    Metadata: { DockerContext: ./service, Dockerfile: Dockerfile }',
      ].join('\n'),
      'service/Dockerfile': 'FROM public.ecr.aws/lambda/nodejs:20\nCOPY app.js api.js ./\nCMD ["app.handler"]\n',
      'service/app.js': handlerJs,
      'service/api.js': handlerJs,
    });
    // The template's command replaces the image's CMD, and the Dockerfile it builds is not read again
    // as a second declaration: app.js is a handler only by its code.
    expect(summary(root).handlers).toEqual(['service/api.js#handler <- template.yaml:2', 'service/app.js#handler']);
  });
});

describe('Serverless Framework', () => {
  it('reads functions from ${file(...)} includes and a list, and a container image built from a local Dockerfile', () => {
    const root = project({
      'serverless.yml': [
        'service: s',
        'provider:',
        '  name: aws',
        '  ecr:',
        '    images:',
        '      app: { path: ./image }',
        'functions:',
        '  - ${file(./functions/users.yml)}',
        '  - orders:',
        '      handler: src/orders.handler',
        '    report:',
        '      image: { name: app, command: [report.run] }',
      ].join('\n'),
      'functions/users.yml': 'getUser:\n  handler: src/users.get\n',
      'src/orders.js': handlerJs,
      'src/users.js': 'exports.get = async () => ({});\n',
      'image/Dockerfile': 'FROM public.ecr.aws/lambda/nodejs:20\nCOPY . ${LAMBDA_TASK_ROOT}\nCMD ["app.handler"]\n',
      'image/report.js': 'exports.run = async () => ({});\n',
    });
    expect(summary(root)).toEqual({
      handlers: ['image/report.js#run <- serverless.yml:11', 'src/orders.js#handler <- serverless.yml:10', 'src/users.js#get <- functions/users.yml:2'],
      unresolved: [],
    });
  });

  it('reads a runtime left as an unresolved variable as one it cannot read, not as another language', () => {
    const root = project({
      'serverless.yml': [
        'service: s',
        'provider:',
        '  name: aws',
        '  runtime: ${self:custom.runtime.${sls:stage}, "nodejs14.x"}',
        'functions:',
        '  orders:',
        '    handler: src/orders.handler',
        '  report:',
        '    handler: src/report.handler',
        '    runtime: python3.12',
      ].join('\n'),
      'src/orders.js': handlerJs,
    });
    expect(summary(root)).toEqual({
      handlers: ['src/orders.js#handler <- serverless.yml:7'],
      unresolved: ['serverless.yml:9 src/report.handler: runtime python3.12 is not Node.js'],
    });
  });
});

describe('Serverless Framework providers', () => {
  it('reads only AWS services: Google, Azure or OpenWhisk functions are not Lambda', () => {
    const root = project({
      'gcf/serverless.yml': 'provider:\n  name: google\nfunctions:\n  first:\n    handler: http\n',
      'aws/serverless.yml': 'provider: aws\nfunctions:\n  first:\n    handler: run.sh\n',
    });
    expect(summary(root)).toEqual({ handlers: [], unresolved: ['aws/serverless.yml:4 run.sh: the handler is a shell script (run.sh)'] });
  });
});

describe('CDK', () => {
  it('reports a NodejsFunction whose default entry is missing, and entries it cannot evaluate', () => {
    const root = project({
      'cdk.json': '{}',
      'lib/stack.ts': [
        "import * as cdk from 'aws-cdk-lib';",
        "import { Construct } from 'constructs';",
        'export class S extends cdk.Stack {',
        '  constructor(scope: Construct, id: string, props: { entry: string }) {',
        '    super(scope, id);',
        "    new cdk.aws_lambda_nodejs.NodejsFunction(this, 'worker');",
        "    new cdk.aws_lambda_nodejs.NodejsFunction(this, 'Dyn', { entry: props.entry });",
        "    new cdk.aws_lambda.DockerImageFunction(this, 'Img', { code: cdk.aws_lambda.DockerImageCode.fromImageAsset('image', { cmd: ['index.handler'] }) });",
        '  }',
        '}',
      ].join('\n'),
      'image/Dockerfile': 'FROM public.ecr.aws/lambda/nodejs:20\nCOPY index.mjs ${LAMBDA_TASK_ROOT}/\n',
      'image/index.mjs': 'export const handler = async (event, context) => {};\n',
    });
    expect(summary(root)).toEqual({
      handlers: ['image/index.mjs#handler <- lib/stack.ts:8'],
      unresolved: [
        "lib/stack.ts:6 lib/stack.worker.ts#handler: file not found: lib/stack.worker{.ts,.js,.mjs,.mts,.cts,.cjs} (NodejsFunction's default entry)",
        'lib/stack.ts:7 props.entry#handler: entry is not constant: props.entry',
      ],
    });
  });

  it('evaluates `import x = require()`, JSON imports, class fields and a code asset that is one file', () => {
    const root = project({
      'cdk.json': '{}',
      'config.json': '{ "api": { "handler": "main" } }',
      'lib/stack.ts': [
        "import path = require('path');",
        "import * as lambda from 'aws-cdk-lib/aws-lambda';",
        "import config from '../config.json';",
        'export class S {',
        "  private readonly code = path.join(__dirname, '..', 'src', 'api.js');",
        '  constructor() {',
        "    new lambda.Function(this, 'Api', { runtime: lambda.Runtime.NODEJS_22_X, handler: `api.${config.api.handler}`, code: lambda.Code.fromAsset(this.code) });",
        '  }',
        '}',
      ].join('\n'),
      'src/api.js': 'exports.main = async () => ({});\n',
    });
    expect(summary(root)).toEqual({ handlers: ['src/api.js#main <- lib/stack.ts:7'], unresolved: [] });
  });

  it('evaluates entries from imported constants, template literals and import.meta.dirname', () => {
    const root = project({
      'infra/cdk.json': '{}',
      'infra/paths.ts': "import path from 'node:path';\nexport const FUNCTIONS = path.resolve(import.meta.dirname, '..', 'functions');\n",
      'infra/stack.ts': [
        "import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';",
        "import { FUNCTIONS } from './paths';",
        "const name = 'billing';",
        "new NodejsFunction(this, 'A', { entry: `${FUNCTIONS}/${name}/index.ts`, handler: 'charge' });",
        "new NodejsFunction(this, 'B', { entry: 'functions/' + name + '/index.ts' });",
      ].join('\n'),
      'functions/billing/index.ts': 'export const charge = async () => {};\nexport const handler = async (event: unknown, context: unknown) => {};\n',
    });
    // `entry: 'functions/...'` is relative to where `cdk synth` runs: infra/, next to cdk.json.
    expect(summary(root)).toEqual({
      handlers: ['functions/billing/index.ts#charge <- infra/stack.ts:4', 'functions/billing/index.ts#handler'],
      unresolved: ['infra/stack.ts:5 infra/functions/billing/index.ts#handler: file not found: infra/functions/billing/index.ts'],
    });
  });
});

describe('Architect', () => {
  it('names HTTP function folders like Architect', () => {
    expect(httpFunctionName('GET', '/')).toBe('get-index');
    expect(httpFunctionName('post', '/notes/:id')).toBe('post-notes-000id');
    expect(httpFunctionName('get', '/api/v1.0/my-items')).toBe('get-api-v1_0-my_items');
  });

  it('reads expanded entries, custom src folders, @ws defaults and a config.arc runtime', () => {
    const pragmas = parseArc('@http\n/things\n  method post\n  src custom/things # a comment\n@ws\n');
    expect(pragmas.get('http')?.[0]).toMatchObject({ words: ['/things'], line: 2 });
    expect(pragmas.get('ws')?.line).toBe(5);
    expect(pragmas.get('http')?.[0]?.props.get('src')).toBe('custom/things');
    const root = project({
      'app.arc': '@app\nx\n@http\n/things\n  method post\n  src custom/things\n@queues\nresize\n@ws\n',
      'custom/things/index.js': handlerJs,
      'src/queues/resize/index.py': '',
      'src/queues/resize/config.arc': '@aws\nruntime python3.12\n',
      'src/ws/connect/index.mjs': 'export const handler = async () => {};\n',
    });
    expect(summary(root)).toEqual({
      handlers: ['custom/things/index.js#handler <- app.arc:4', 'src/ws/connect/index.mjs#handler <- app.arc:9'],
      unresolved: [
        'app.arc:8 src/queues/resize/index.handler: runtime python3.12 is not Node.js',
        expect.stringMatching(/^app\.arc:9 src\/ws\/disconnect\/index\.handler: file not found/),
        expect.stringMatching(/^app\.arc:9 src\/ws\/default\/index\.handler: file not found/),
      ],
    });
  });
});

describe('Terraform', () => {
  it('reads blocks, attributes and lines through comments, heredocs and nested expressions', () => {
    const [resource, data] = parseHcl(
      [
        '# a comment',
        'resource "aws_lambda_function" "fn" { // trailing',
        '  policy = <<EOF',
        '{ "not": "a block" }',
        'EOF',
        '  /* block',
        '     comment */',
        '  handler = "src/${var.name}.handler"',
        '  tags    = merge(local.tags, { Name = "x" })',
        '  layers  = [aws_lambda_layer_version.a.arn, "b"]',
        '}',
        'data "archive_file" "zip" {',
        '  source_dir = "${path.module}/src"',
        '}',
      ].join('\n'),
    );
    expect(resource).toMatchObject({ type: 'resource', labels: ['aws_lambda_function', 'fn'], line: 2 });
    expect(resource?.attributes.get('handler')).toEqual({
      line: 8,
      value: { kind: 'string', parts: ['src/', { expression: 'var.name' }, '.handler'] },
    });
    expect(resource?.attributes.get('tags')?.value).toEqual({ kind: 'expression', text: 'merge(local.tags, { Name = "x" })' });
    expect(resource?.attributes.get('layers')?.value.kind).toBe('list');
    expect(data).toMatchObject({ type: 'data', labels: ['archive_file', 'zip'], line: 12 });
  });

  it('evaluates variable defaults and matches a filename to the archive_file that writes it', () => {
    const root = project({
      'infra/main.tf': [
        'variable "code_dir" {',
        '  default = "../lambda"',
        '}',
        'data "archive_file" "zip" {',
        '  type        = "zip"',
        '  source_file = "${path.module}/${var.code_dir}/index.js"',
        '  output_path = "${path.module}/out/fn.zip"',
        '}',
        'resource "aws_lambda_function" "fn" {',
        '  handler  = "index.handler"',
        '  runtime  = "nodejs20.x"',
        '  filename = "${path.module}/out/fn.zip"',
        '}',
        'resource "aws_lambda_function" "prebuilt" {',
        '  handler  = "index.handler"',
        '  filename = "prebuilt.zip"',
        '}',
        'resource "aws_lambda_function" "from_s3" {',
        '  handler   = "index.handler"',
        '  s3_bucket = "artifacts"',
        '}',
      ].join('\n'),
      'lambda/index.js': handlerJs,
    });
    expect(summary(root)).toEqual({
      handlers: ['lambda/index.js#handler <- infra/main.tf:10'],
      unresolved: [
        'infra/main.tf:15 index.handler: filename is a built zip (prebuilt.zip) with no archive_file source',
        'infra/main.tf:19 index.handler: code is an S3 object (s3_bucket)',
      ],
    });
  });
});

describe('Dockerfile', () => {
  it('tracks stages, WORKDIR, COPY (exec and shell forms, --from) and the last CMD', () => {
    const stages = parseDockerfile(
      [
        'FROM node:20 AS build',
        'WORKDIR /src',
        'COPY . .',
        'FROM public.ecr.aws/lambda/nodejs:20',
        'WORKDIR ${LAMBDA_TASK_ROOT}',
        'COPY --from=build /src/dist/ ./',
        'CMD ["index.handler"]',
      ].join('\n'),
    );
    expect(stages).toHaveLength(2);
    expect(stages[1]).toMatchObject({ workdir: '/var/task', lambdaRuntime: true, cmd: { handler: 'index.handler', line: 7 } });
    expect(stages[1]?.copies[0]).toMatchObject({ from: 'build', sources: ['/src/dist/'], dest: '/var/task', destIsFolder: true });
  });

  it('ignores Dockerfiles that are not Lambda images, and lists non-Node Lambda images as unresolved', () => {
    const root = project({
      'web/Dockerfile': 'FROM node:20\nCOPY . .\nCMD ["node", "server.js"]\n',
      'py/Dockerfile': 'FROM public.ecr.aws/lambda/python:3.12\nCOPY app.py ${LAMBDA_TASK_ROOT}\nCMD ["app.handler"]\n',
      // The runtime through a stage alias: `FROM base AS final`.
      'dotnet/Dockerfile': 'FROM public.ecr.aws/lambda/dotnet:8 AS base\nFROM base AS final\nCMD ["Fn::Fn.Function::Handler"]\n',
    });
    expect(summary(root)).toEqual({
      handlers: [],
      unresolved: ['dotnet/Dockerfile:3 Fn::Fn.Function::Handler: runtime dotnet is not Node.js', 'py/Dockerfile:3 app.handler: runtime python is not Node.js'],
    });
  });
});

describe('loadProject', () => {
  it('merges handlers found only in code, with what the code says about them', () => {
    const root = project({
      'src/typed.ts': "import type { SQSHandler } from 'aws-lambda';\nexport const consume: SQSHandler = async (event) => {};\n",
      'src/plain.mjs': 'export async function handler(event) {}\n',
      'src/lib.ts': 'export const util = () => 1;\n',
    });
    expect(reportHandlers(loadProject(root)).handlers).toEqual([
      { file: 'src/plain.mjs', export: 'handler', declaredIn: null, signal: { iac: null, code: { how: 'export', type: null, signature: 'async (event)' } } },
      { file: 'src/typed.ts', export: 'consume', declaredIn: null, signal: { iac: null, code: { how: 'typed', type: 'SQSHandler', signature: 'async (event)' } } },
    ]);
  });

  it('trusts a bundle that exports through a helper: no "missing export" for names it cannot read', () => {
    const root = project({
      'template.yaml': 'Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties: { Runtime: nodejs20.x, Code: dist, Handler: index.ProxyLambda }\n',
      'dist/index.js': '__markAsModule(exports);\n__export(exports, {\n  ProxyLambda: () => handler\n});\nconst handler = async (event) => ({});\n',
    });
    expect(summary(root)).toEqual({ handlers: ['dist/index.js#ProxyLambda <- template.yaml:4'], unresolved: [] });
  });

  it('uses the settings’ handlerNames for handlers in code', () => {
    const root = project({ 'src/app.js': 'exports.main = async () => {};\nexports.handler = async () => {};\n' });
    expect(loadProject(root, { settings: { handlerNames: ['main'] } }).handlers.map((h) => h.export)).toEqual(['main']);
  });

  it('is built once per root and rebuilt when a file it read changes', () => {
    const root = project({ 'serverless.yml': 'functions:\n  a:\n    handler: a.handler\n', 'a.js': handlerJs, 'b.js': handlerJs });
    clearProjectCache();
    const first = loadProject(root, { recheckAfterMs: 0 });
    expect(loadProject(root, { recheckAfterMs: 0 })).toBe(first);
    writeFileSync(path.join(root, 'serverless.yml'), 'functions:\n  b:\n    handler: b.handler\n');
    // Same second and size on some file systems: make the change visible to the mtime check.
    const later = new Date(Date.now() + 5000);
    utimesSync(path.join(root, 'serverless.yml'), later, later);
    const second = loadProject(root, { recheckAfterMs: 0 });
    expect(second).not.toBe(first);
    expect(second.handlers.find((h) => h.declaredIn)?.file).toBe(path.join(root, 'b.js'));
    // Within the recheck interval, the built model is trusted as it is.
    writeFileSync(path.join(root, 'c.js'), handlerJs);
    expect(loadProject(root, { recheckAfterMs: 60_000 })).toBe(second);
  });
});
