// Derives the handler types `@types/aws-lambda` exports, by their structure: a type alias for a function
// that takes Lambda's `context: Context` (`Handler`, `StreamifyHandler`), and every alias defined as one of
// those (`SQSHandler = Handler<SQSEvent, ...>`, `APIGatewayProxyHandlerV2WithJWTAuthorizer = Handler<...>`),
// transitively. `core/lambda-handler-types.ts` holds the list; `tests/lambda-handler-types.test.ts`
// checks it against the installed types. Print a fresh list: `npx tsx tests/support/lambda-handler-types.ts`.
import { parse } from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';

const TYPES_DIR = fileURLToPath(new URL('../../node_modules/@types/aws-lambda/', import.meta.url));

export async function deriveLambdaHandlerTypes(dir = TYPES_DIR): Promise<string[]> {
  const aliases = new Map<string, TSESTree.TypeNode>();
  for (const file of await glob('**/*.d.ts', { cwd: dir })) {
    const program = parse(readFileSync(path.join(dir, file), 'utf8'), { range: false });
    for (const statement of program.body) {
      const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
      if (declaration?.type === 'TSTypeAliasDeclaration') aliases.set(declaration.id.name, declaration.typeAnnotation);
    }
  }
  const handlers = new Set([...aliases].filter(([, type]) => takesLambdaContext(type)).map(([name]) => name));
  for (let changed = true; changed; ) {
    changed = false;
    for (const [name, type] of aliases) {
      if (handlers.has(name) || type.type !== 'TSTypeReference' || type.typeName.type !== 'Identifier') continue;
      if (handlers.has(type.typeName.name)) {
        handlers.add(name);
        changed = true;
      }
    }
  }
  return [...handlers].sort();
}

function takesLambdaContext(type: TSESTree.TypeNode): boolean {
  if (type.type !== 'TSFunctionType') return false;
  return type.params.some((param) => {
    const annotation = param.type === 'Identifier' ? param.typeAnnotation?.typeAnnotation : undefined;
    return (
      annotation?.type === 'TSTypeReference' && annotation.typeName.type === 'Identifier' && annotation.typeName.name === 'Context'
    );
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  console.log(JSON.stringify(await deriveLambdaHandlerTypes(), null, 2));
}
