import { describe, expect, it } from 'vitest';
import { lintWithRecommended } from './lint.js';

const code = "import { S3Client } from '@aws-sdk/client-s3';\nexport const main = async () => new S3Client({});\n";

describe("settings['lambda-hygiene'] in an ESLint config", () => {
  it('is used when valid', () => {
    const reports = lintWithRecommended(code, 'handler.ts', { settings: { 'lambda-hygiene': { handlerNames: ['main'] } } });
    expect(reports.map((report) => report.messageId)).toEqual(['perInvocation']);
  });

  it('fails the lint with an error that names the rule and the bad key, not a set of letters', () => {
    expect(() => lintWithRecommended(code, 'handler.ts', { settings: { 'lambda-hygiene': { handlerNames: 'main' } } })).toThrow(
      /lambda-hygiene\/no-per-invocation-client[\s\S]*handlerNames must be an array of exported names \(strings\), got the string "main"/,
    );
  });
});
