import { PROGRAM } from './usage-error.js';

/** `handlers --help`, apart from the command so that printing it loads nothing else. */
export const HANDLERS_HELP = `Usage: ${PROGRAM} handlers [dir] [options]

Lists the Lambda handlers of the project in dir (default: the current folder), as the rules see them:
the functions its infrastructure-as-code declares (SAM and CloudFormation templates, serverless.yml/ts,
CDK stacks, SST, Architect's app.arc, Terraform, a Dockerfile's CMD) and the exports recognised as
handlers in its code, each with how it was found; then the IaC entries that lead to no source file,
with the reason (a missing file, an unresolved variable, a runtime that is not Node.js, inline code).

Options:
  --json             print one JSON object: { "handlers": [...], "unresolved": [...] }
  --settings JSON    settings['lambda-hygiene'] to use instead of those of the ESLint config,
                     e.g. '{"handlerNames":["main"]}'
  -h, --help         print this help

Examples:
  npx ${PROGRAM} handlers
  npx ${PROGRAM} handlers services/orders --json
  npx ${PROGRAM} handlers --settings '{"handlerNames":["main","run"]}'

Exit codes: 0 listed (unresolved entries included), 2 usage error.
Docs: docs/project-mode.md`;
