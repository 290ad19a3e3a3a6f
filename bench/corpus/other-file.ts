// Generated modules without a Lambda handler, the other files a Lambda repository (or any repository the
// plugin lints) holds: utilities, React components, data-access libraries that import the AWS SDK or a
// database driver, Express apps, CDK stacks (full of `handler:` properties), tests that call a handler,
// CLI scripts. None exports a handler, so none should cost the rules more than a glance.
import { generateFiller } from './filler.js';
import type { GeneratedFile } from './handler-file.js';
import type { Random } from './random.js';
import { pickResources } from './resources.js';
import { ann, capitalize, Imports, indent, Names, type Style } from './source.js';

type OtherKind = 'utils' | 'react' | 'data-access' | 'express' | 'cdk-stack' | 'test' | 'cli';

const KINDS: Record<OtherKind, number> = { utils: 30, react: 20, 'data-access': 15, express: 10, 'cdk-stack': 10, test: 10, cli: 5 };

const COMPONENTS = ['OrderList', 'ProfileCard', 'CheckoutForm', 'SearchBox', 'InvoiceTable', 'Navbar', 'UploadPanel', 'Dashboard', 'Pagination', 'Modal'];

function styleFor(random: Random, kind: OtherKind): Style {
  if (kind === 'react') return random.chance(0.6) ? { ts: true, esm: true, ext: '.tsx' } : { ts: false, esm: true, ext: '.jsx' };
  if (kind === 'cdk-stack') return { ts: true, esm: true, ext: '.ts' };
  const language = random.weighted({ ts: 50, esm: 20, cjs: 30 });
  if (language === 'ts') return { ts: true, esm: true, ext: '.ts' };
  return language === 'esm' ? { ts: false, esm: true, ext: random.chance(0.5) ? '.mjs' : '.js' } : { ts: false, esm: false, ext: '.js' };
}

/** Exported plain functions: `export function` in ESM, `module.exports = { ... }` in CommonJS. */
function utilities(random: Random, style: Style, names: Names): string[] {
  const fillers = Array.from({ length: random.int(3, 25) }, () => generateFiller(random, style, names));
  if (style.esm) return fillers.flatMap((filler) => [...filler.lines.map((line) => (/^(async )?function |^const |^class /.test(line) ? `export ${line}` : line)), '']);
  return [...fillers.flatMap((filler) => [...filler.lines, '']), `module.exports = { ${fillers.map((filler) => filler.name).join(', ')} };`];
}

function reactComponent(random: Random, style: Style, imports: Imports, name: string): string[] {
  imports.named('react', 'useEffect', 'useMemo', 'useState');
  const props = `${name}Props`;
  const field = random.pick(['items', 'rows', 'entries', 'results']);
  return [
    ...(style.ts ? [`interface ${props} {`, `  ${field}: Array<{ id: string; label: string; amount?: number }>;`, '  title?: string;', '  onSelect?: (id: string) => void;', '}', ''] : []),
    `export function ${name}({ ${field}, title = '${name}', onSelect }${ann(style, `: ${props}`)}) {`,
    `  const [query, setQuery] = useState('');`,
    `  const [selected, setSelected] = useState${ann(style, '<string | null>')}(null);`,
    `  const visible = useMemo(() => ${field}.filter((entry) => entry.label.toLowerCase().includes(query.toLowerCase())), [${field}, query]);`,
    '',
    '  useEffect(() => {',
    '    if (selected && onSelect) {',
    '      onSelect(selected);',
    '    }',
    '  }, [selected, onSelect]);',
    '',
    '  return (',
    `    <section className="${name.toLowerCase()}">`,
    '      <h2>{title}</h2>',
    '      <input value={query} onChange={(event) => setQuery(event.target.value)} placeholder="Filter" />',
    '      {visible.length === 0 ? (',
    '        <p className="empty">Nothing to show</p>',
    '      ) : (',
    '        <ul>',
    '          {visible.map((entry) => (',
    '            <li key={entry.id} className={entry.id === selected ? "selected" : undefined} onClick={() => setSelected(entry.id)}>',
    '              {entry.label}',
    '              {entry.amount !== undefined && <span className="amount">{entry.amount.toFixed(2)}</span>}',
    '            </li>',
    '          ))}',
    '        </ul>',
    '      )}',
    '    </section>',
    '  );',
    '}',
    '',
  ];
}

/** A repository class and functions that create SDK clients or pools, but no handler. */
function dataAccess(random: Random, style: Style, imports: Imports, names: Names): string[] {
  const lines: string[] = [];
  const context = { imports, names, random, style };
  for (const recipe of pickResources(random, random.int(1, 3))) {
    const className = names.unique(`${capitalize(recipe.variable)}Repository`);
    const construction = recipe.construct(imports, random.pick(recipe.configs));
    lines.push(
      `${style.esm ? 'export ' : ''}class ${className} {`,
      ...(style.ts ? [`  private readonly ${recipe.variable}: ${recipe.async ? `Promise<${recipe.type}>` : recipe.type};`, ''] : []),
      '  constructor() {',
      `    this.${recipe.variable} = ${construction};`,
      '  }',
      '',
      `  async find(key${ann(style, ': string')}) {`,
      ...(recipe.async ? [`    const ready = await this.${recipe.variable};`, ...indent(recipe.use('ready', 'key', context), 2)] : indent(recipe.use(`this.${recipe.variable}`, 'key', context), 2)),
      '    return key;',
      '  }',
      '}',
      '',
    );
    const fn = names.unique(`with${capitalize(recipe.variable)}`);
    const local = names.unique(recipe.variable);
    lines.push(
      `${style.esm ? 'export ' : ''}async function ${fn}(key${ann(style, ': string')}) {`,
      `  const ${local} = ${recipe.async ? 'await ' : ''}${recipe.construct(imports, random.pick(recipe.configs))};`,
      ...indent(recipe.use(local, 'key', context)),
      '  return key;',
      '}',
      '',
    );
    if (!style.esm) lines.push(`module.exports.${className} = ${className};`, `module.exports.${fn} = ${fn};`, '');
  }
  return lines;
}

function expressApp(random: Random, style: Style, imports: Imports, names: Names): string[] {
  const express = imports.default('express', 'express');
  const lines = [`const app = ${express}();`, `app.use(${express}.json());`, ''];
  for (const route of random.sample(['orders', 'users', 'invoices', 'products', 'health', 'search'], random.int(2, 5))) {
    const filler = generateFiller(random, style, names);
    lines.push(...filler.lines, '');
    lines.push(
      `app.get('/${route}/:id', async (req${ann(style, ': any')}, res${ann(style, ': any')}) => {`,
      '  try {',
      `    const result = ${filler.call ? filler.call('req.params') : 'req.params'};`,
      '    res.json({ id: req.params.id, result });',
      '  } catch (error) {',
      '    res.status(500).json({ message: String(error) });',
      '  }',
      '});',
      '',
    );
  }
  lines.push('const port = Number(process.env.PORT ?? 3000);', "app.listen(port, () => console.log(`listening on ${port}`));");
  if (style.esm) lines.push('', 'export default app;');
  else lines.push('', 'module.exports = app;');
  return lines;
}

function cdkStack(random: Random, imports: Imports): string[] {
  const cdk = imports.namespace('aws-cdk-lib', 'cdk');
  const lambda = imports.namespace('aws-cdk-lib/aws-lambda', 'lambda');
  const dynamodb = imports.namespace('aws-cdk-lib/aws-dynamodb', 'dynamodb');
  imports.type('constructs', 'Construct');
  const functions = random.sample(['orders', 'payments', 'reports', 'users', 'notifications', 'search'], random.int(1, 4));
  return [
    `export class ${capitalize(random.pick(['service', 'api', 'backend', 'pipeline']))}Stack extends ${cdk}.Stack {`,
    `  constructor(scope: Construct, id: string, props?: ${cdk}.StackProps) {`,
    '    super(scope, id, props);',
    '',
    `    const table = new ${dynamodb}.Table(this, 'Table', {`,
    `      partitionKey: { name: 'pk', type: ${dynamodb}.AttributeType.STRING },`,
    `      billingMode: ${dynamodb}.BillingMode.PAY_PER_REQUEST,`,
    '    });',
    ...functions.flatMap((name) => [
      '',
      `    const ${name}Function = new ${lambda}.Function(this, '${capitalize(name)}Function', {`,
      `      runtime: ${lambda}.Runtime.NODEJS_20_X,`,
      `      handler: '${name}.handler',`,
      `      code: ${lambda}.Code.fromAsset('src/${name}'),`,
      `      memorySize: ${random.pick([128, 256, 512, 1024])},`,
      `      timeout: ${cdk}.Duration.seconds(${random.pick([3, 10, 30])}),`,
      '      environment: { TABLE_NAME: table.tableName },',
      '    });',
      `    table.grantReadWriteData(${name}Function);`,
    ]),
    '  }',
    '}',
  ];
}

function testFile(random: Random, style: Style, imports: Imports): string[] {
  imports.named('../src/app', 'handler');
  if (style.esm) imports.named('vitest', 'describe', 'expect', 'it');
  const cases = random.int(2, 6);
  return [
    "describe('handler', () => {",
    ...Array.from({ length: cases }, (_, index) => [
      `  it('answers case ${index + 1}', async () => {`,
      `    const event = { body: JSON.stringify({ id: 'item-${index}', amount: ${index * 10} }), pathParameters: { id: 'item-${index}' } };`,
      `    const result = await handler(event${ann(style, ' as any')}, {}${ann(style, ' as any')});`,
      `    expect(result.statusCode).toBe(${random.pick([200, 201, 400, 404])});`,
      `    expect(JSON.parse(result.body)).toMatchObject({ id: 'item-${index}' });`,
      '  });',
    ]).flat(),
    '});',
  ];
}

function cliScript(random: Random, style: Style, imports: Imports, names: Names): string[] {
  const lines = dataAccess(random, style, imports, names);
  return [
    ...lines,
    `async function main(argv${ann(style, ': string[]')}) {`,
    "  const [command = 'help', ...rest] = argv;",
    "  if (command === 'help') {",
    "    console.log('usage: tool <command> [args]');",
    '    return 0;',
    '  }',
    "  console.log('running', command, rest.join(' '));",
    '  return 0;',
    '}',
    '',
    'main(process.argv.slice(2)).then((code) => {',
    '  process.exitCode = code;',
    '});',
  ];
}

export function generateOtherFile(random: Random, index: number): GeneratedFile & { kind: OtherKind } {
  const kind = random.weighted(KINDS);
  const style = styleFor(random, kind);
  const imports = new Imports(style);
  const names = new Names();
  for (const reserved of ['app', 'main', 'handler', 'key', 'ready', 'result', 'event', 'query', 'selected', 'visible']) names.unique(reserved);
  let body: string[];
  switch (kind) {
    case 'utils':
      body = utilities(random, style, names);
      break;
    case 'react':
      body = random.sample(COMPONENTS, random.int(1, 3)).flatMap((name) => reactComponent(random, style, imports, name));
      break;
    case 'data-access':
      body = dataAccess(random, style, imports, names);
      break;
    case 'express':
      body = expressApp(random, style, imports, names);
      break;
    case 'cdk-stack':
      body = cdkStack(random, imports);
      break;
    case 'test':
      body = testFile(random, style, imports);
      break;
    case 'cli':
      body = cliScript(random, style, imports, names);
      break;
  }
  const text = [...imports.render(), '', ...body, ''].join('\n').replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '');
  const base = { utils: 'utils', react: 'component', 'data-access': 'repository', express: 'server', 'cdk-stack': 'stack', test: 'app.test', cli: 'cli' }[kind];
  return { path: `other/${String(index).padStart(4, '0')}-${base}${style.ext}`, text, sourceType: style.esm ? 'module' : 'commonjs', kind };
}
