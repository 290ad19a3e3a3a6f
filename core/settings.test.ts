import { describe, expect, it } from 'vitest';
import { parseSettings } from './settings.js';

describe('parseSettings', () => {
  it('accepts no settings, and every documented key', () => {
    expect(parseSettings(undefined)).toEqual({});
    const settings = { handlerNames: ['main', 'run'], wrappers: ['instrument'], project: { root: '.', iac: ['template.yaml'] } };
    expect(parseSettings(settings)).toEqual(settings);
    expect(parseSettings({ project: true })).toEqual({ project: true });
  });

  it('rejects a single name written as a string, saying how to write it', () => {
    expect(() => parseSettings({ handlerNames: 'main' })).toThrow(
      `settings['lambda-hygiene'].handlerNames must be an array of exported names (strings), got the string "main" (write ["main"] for one name).`,
    );
  });

  it('names the bad key: unknown keys, wrong element types, a bad project', () => {
    expect(() => parseSettings({ handlerName: ['main'] })).toThrow(/unknown key `handlerName` \(known keys: handlerNames, wrappers, project\)/);
    expect(() => parseSettings({ wrappers: ['withAuth', 3] })).toThrow(/settings\['lambda-hygiene'\]\.wrappers must be an array of function names/);
    expect(() => parseSettings({ project: { root: 1 } })).toThrow(/\.project\.root must be a directory path/);
    expect(() => parseSettings({ project: 'yes' })).toThrow(/\.project must be `true`, `false` or an object/);
    expect(() => parseSettings(['handler'])).toThrow(/settings\['lambda-hygiene'\] must be an object/);
  });
});
