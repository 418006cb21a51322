// The manifest that the menus and commands rely on, for both browsers, read from wxt.config.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../../../wxt.config';
import { COMMAND_NEXT, COMMAND_OPEN_PANEL, COMMAND_PREV } from '@/lib/extension/background/commands';

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  commands?: Record<string, { suggested_key?: { default?: string }; description?: string }>;
  browser_specific_settings?: { gecko?: { data_collection_permissions?: { required?: string[] } } };
};
const manifestFor = (browser: string): Manifest =>
  (config.manifest as unknown as (env: { browser: string; manifestVersion: number }) => Manifest)({
    browser,
    manifestVersion: browser === 'firefox' ? 2 : 3,
  });
const nl = JSON.parse(readFileSync(path.resolve(__dirname, '../../../../public/_locales/nl/messages.json'), 'utf8')) as Record<string, unknown>;

describe.each(['chrome', 'firefox'])('manifest for %s', (browser) => {
  const m = manifestFor(browser);

  it('asks for the context menu permission and never for all sites up front', () => {
    expect(m.permissions).toContain('contextMenus');
    const required = [...(m.permissions ?? []), ...(m.host_permissions ?? [])];
    for (const broad of ['<all_urls>', '*://*/*', 'https://*/*', 'http://*/*']) expect(required).not.toContain(broad);
  });

  it('declares next/previous match and opening the panel, with localised descriptions and distinct keys', () => {
    const commands = m.commands ?? {};
    const open = browser === 'firefox' ? '_execute_sidebar_action' : COMMAND_OPEN_PANEL;
    expect(Object.keys(commands).sort()).toEqual([open, COMMAND_NEXT, COMMAND_PREV].sort());
    const keys = Object.values(commands).map((c) => c.suggested_key?.default);
    expect(new Set(keys).size).toBe(keys.length);
    for (const c of Object.values(commands)) {
      const key = /^__MSG_(\w+)__$/.exec(c.description ?? '')?.[1];
      expect(key && key in nl, c.description).toBe(true);
    }
  });
});

describe('Firefox', () => {
  it('declares that no data is collected, and grants other sites only as optional permissions', () => {
    const m = manifestFor('firefox');
    expect(m.browser_specific_settings?.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    expect(m.optional_permissions).toEqual(expect.arrayContaining(['https://*/*', 'http://*/*']));
  });
});
