import { readFileSync } from 'node:fs';

// What the README tells a new user to run and write, taken from README.md itself, so that the tests that
// install the packed package (tests/package.test.ts, tests/language-server.test.ts) use the README's
// commands and configs as written, and fail when the README changes to something that does not work.

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The README's fenced code blocks in one language, in order, each ending with a newline. */
export function readmeBlocks(language: string): string[] {
  const fence = new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'gm');
  return [...README.matchAll(fence)].map((match) => match[1]!);
}

/** Every flat config the README shows: its `js` blocks that `export default` a config. */
export function readmeConfigs(): string[] {
  return readmeBlocks('js').filter((block) => /^export default /m.test(block));
}

/** The README's one config that imports `module` (`'typescript-eslint'`, `'@typescript-eslint/parser'`). */
export function readmeConfigImporting(module: string): string {
  const configs = readmeConfigs().filter((config) => config.includes(`from '${module}';`));
  if (configs.length !== 1) throw new Error(`README.md shows ${configs.length} configs importing ${module}, not one`);
  return configs[0]!;
}

/** The arguments of the README's `npm install` command that names every one of `packages`. */
export function readmeInstallCommand(...packages: string[]): string[] {
  const commands = readmeBlocks('sh')
    .flatMap((block) => block.split('\n'))
    .filter((line) => line.startsWith('npm install '))
    .map((line) => line.replace(/\s+#.*$/, '').trim().split(/\s+/).slice(1))
    .filter((args) => packages.every((name) => args.some((arg) => arg === name || arg.startsWith(`${name}@`))));
  if (commands.length !== 1) throw new Error(`README.md shows ${commands.length} npm install commands naming ${packages.join(', ')}, not one`);
  return commands[0]!;
}
