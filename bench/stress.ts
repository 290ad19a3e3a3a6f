// `--stress` for the robustness benches: library code rarely exports a Lambda handler, so these settings
// make the deep paths run on it too: common export names count as handlers, and every imported name that
// is constructed or called counts as a resource.
export const STRESS_HANDLER_NAMES = [
  'handler', 'lambdaHandler', 'default', 'main', 'run', 'handle', 'parse', 'create', 'render', 'compile',
  'format', 'transform', 'process', 'get', 'set', 'load', 'resolve', 'build', 'init', 'start', 'execute',
  'validate', 'generate', 'write', 'read', 'lint', 'visit', 'walk', 'stringify', 'normalize', 'merge',
  'apply', 'request', 'fetch', 'send', 'emit', 'use', 'call', 'invoke', 'plugin', 'check', 'match', 'find',
  'exec', 'spawn', 'createServer', 'createClient', 'connect', 'setup', 'configure', 'install', 'test',
];
export const STRESS_RESOURCES = [
  { module: '*', export: '*' },
  { module: '*', export: '*.*' },
];
