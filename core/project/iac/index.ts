import path from 'node:path';
import { isSourceFile } from '../project-files.js';
import { ARCHITECT_FILE, readArchitect } from './architect.js';
import { importsCdk, readCdk } from './cdk.js';
import { looksLikeTemplate, readCloudFormation } from './cloudformation.js';
import type { IacFormat } from '../types.js';
import type { IacFindings, IacReadContext } from './declaration.js';
import { readDockerfile } from './dockerfile.js';
import { readServerless, SERVERLESS_FILE } from './serverless.js';
import { isSstFile, readSst, SST_CONFIG } from './sst.js';
import { readTerraformModule } from './terraform.js';

export type { IacDeclaration, IacFindings, IacReadContext } from './declaration.js';

/** What all IaC files of the project declare, and which files those were. */
export interface IacReport extends IacFindings {
  files: string[];
}

const DOCKERFILE = /^(Dockerfile|.+\.Dockerfile|Dockerfile\..+)$/i;
/** Terraform, YAML (any name: templates are often not called template.yaml), JSON only by a template's name. */
const TEMPLATE_NAME = /\.(tf|ya?ml|template)$|^template\.json$|\.template\.json$/;
/** Test code builds stacks and functions to assert on them: it declares nothing that is deployed. */
const TEST_FILE = /(^|\/)(__tests__|tests?)\/|\.(test|spec)\.[cm]?[jt]sx?$/;

/**
 * Reads every IaC file among the project's files (or only those `accept` allows): templates,
 * Serverless Framework configs, CDK and SST code, Architect manifests, Terraform modules, Dockerfiles.
 */
export function readIac(files: readonly string[], context: IacReadContext, accept: (file: string) => boolean = () => true): IacReport {
  const report: IacReport = { declarations: [], layers: [], files: [] };
  const add = (file: string, read: () => IacFindings) => {
    const findings = readSafely(file, read);
    if (findings.declarations.length === 0 && findings.layers.length === 0) return;
    report.files.push(file);
    report.declarations.push(...findings.declarations);
    report.layers.push(...findings.layers);
  };
  const terraform = new Map<string, Array<{ file: string; text: string }>>();
  const dockerfiles: string[] = [];
  for (const file of files) {
    if (!accept(file)) continue;
    const name = path.basename(file);
    const relative = path.relative(context.root, file).split(path.sep).join('/');
    if (DOCKERFILE.test(name)) {
      dockerfiles.push(file);
      continue;
    }
    const readable = SERVERLESS_FILE.test(name) || ARCHITECT_FILE.test(name) || TEMPLATE_NAME.test(name) || isSourceFile(file);
    if (!readable) continue;
    const text = context.fs.readText(file);
    if (text === undefined) continue;
    if (SERVERLESS_FILE.test(name)) add(file, () => readServerless(file, text, context));
    else if (ARCHITECT_FILE.test(name)) add(file, () => readArchitect(file, text, context));
    else if (name.endsWith('.tf')) {
      const dir = path.dirname(file);
      terraform.set(dir, [...(terraform.get(dir) ?? []), { file, text }]);
    } else if (isSourceFile(file)) {
      if (TEST_FILE.test(relative)) continue;
      if (isSstFile(file, text)) add(file, () => readSst(file, context));
      else if (importsCdk(text)) add(file, () => readCdk(file, context));
    } else if (looksLikeTemplate(file, text)) add(file, () => readCloudFormation(file, text, context));
  }
  for (const moduleFiles of terraform.values()) {
    const findings = readSafely(moduleFiles[0]!.file, () => readTerraformModule(moduleFiles, context));
    const used = new Set(findings.declarations.map((declaration) => declaration.declaredIn.file));
    report.files.push(...moduleFiles.map(({ file }) => file).filter((file) => used.has(file)));
    report.declarations.push(...findings.declarations);
    report.layers.push(...findings.layers);
  }
  // A Dockerfile that a template or config builds a function from is not a second declaration.
  for (const file of dockerfiles) {
    const text = context.dockerfiles.has(file) ? undefined : context.fs.readText(file);
    if (text !== undefined) add(file, () => readDockerfile(file, text, context));
  }
  return report;
}

/**
 * A reader that fails on a file we did not foresee must not cost the user the rest of the project:
 * the file is listed as unresolved, with what went wrong.
 */
function readSafely(file: string, read: () => IacFindings): IacFindings {
  try {
    return read();
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      declarations: [
        {
          declaredIn: { file, line: 1 },
          iac: { format: formatOf(file), function: path.basename(file), handler: '' },
          resolution: { reason: `could not read this file (${message})` },
        },
      ],
      layers: [],
    };
  }
}

function formatOf(file: string): IacFormat {
  const name = path.basename(file);
  if (SERVERLESS_FILE.test(name)) return 'serverless';
  if (ARCHITECT_FILE.test(name)) return 'architect';
  if (name.endsWith('.tf')) return 'terraform';
  if (DOCKERFILE.test(name)) return 'dockerfile';
  if (isSourceFile(file)) return SST_CONFIG.test(name) ? 'sst' : 'cdk';
  return 'cloudformation';
}
