// electron-builder.yml, checked with electron-builder's own loader, schema and production-module collector
// (packaging itself needs to download Electron, which these machines cannot).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { getCollectorByPackageManager, PM } from 'app-builder-lib/out/node-module-collector/index.js';
import { DebugLogger, TmpDir } from 'builder-util';
import type { Configuration } from 'electron-builder';

const root = resolve(import.meta.dirname, '../..');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  main: string;
  devDependencies: Record<string, string>;
  dependencies: Record<string, string>;
};

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder.yml', () => {
  let config: Configuration;
  beforeAll(async () => {
    config = await getConfig(root, null, null);
  });

  it('loads and passes electron-builder’s schema', async () => {
    await validateConfiguration(config, new DebugLogger(false));
    expect(config).toMatchObject({ appId: 'app.tasksdesktop.desktop', productName: 'Tasks Desktop', asar: true, npmRebuild: false });
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*');
    // The addon loaded at run time is a prebuild (no rebuild for Electron happens): it must exist for each target.
    for (const target of ['linux-x64', 'darwin-arm64', 'darwin-x64', 'win32-x64']) {
      expect(existsSync(join(root, 'node_modules/better-sqlite3/prebuilds', `${target}.node`)), target).toBe(true);
    }
  });

  it('flips Electron’s fuses: no RunAsNode, NODE_OPTIONS or --inspect; asar-only, integrity-checked; cookies encrypted', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('names only files that exist, and ships the build output', () => {
    const icons = [config.linux?.icon, config.win?.icon, config.mac?.icon].map(String);
    for (const path of [...icons, 'resources/icon.png', 'resources/icon.svg', config.directories?.buildResources ?? '']) {
      expect(existsSync(join(root, path)), path).toBe(true);
    }
    const files = (config.files as Array<{ filter: string[] }>)[0]?.filter ?? [];
    expect(files).toContain('out/**/*');
    expect(packageJson.main.startsWith('out/')).toBe(true);
    for (const pattern of files.filter((f) => !f.startsWith('!') && !f.includes('*'))) expect(existsSync(join(root, pattern)), pattern).toBe(true);
  });

  it('ships the tasks CLI outside the asar archive: the bundle and its launchers', () => {
    expect(config.extraResources).toEqual([
      { from: 'out/cli', to: 'cli' },
      { from: 'resources/cli', to: 'cli' },
    ]);
    expect(statSync(join(root, 'resources/cli/tasks')).mode & 0o111).not.toBe(0);
    expect(readFileSync(join(root, 'resources/cli/tasks.cmd'), 'utf8')).toContain('--cli %*');
    expect(readFileSync(join(root, 'package.json'), 'utf8')).toMatch(/"package": "[^"]*npm run build:cli[^"]*electron-builder"/);
  });

  it('has real icons: a 1024 px PNG, every Linux size named by its pixels, a Windows .ico', () => {
    expect(pngSize(join(root, 'resources/icon.png'))).toEqual({ width: 1024, height: 1024 });
    const linuxIcons = readdirSync(join(root, 'resources/icons'));
    expect(linuxIcons.length).toBeGreaterThanOrEqual(6);
    for (const name of linuxIcons) {
      const size = Number(/^(\d+)x\1\.png$/.exec(name)?.[1]);
      expect(pngSize(join(root, 'resources/icons', name)), name).toEqual({ width: size, height: size });
    }
    const ico = readFileSync(join(root, 'resources/icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1); // ICO type
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(5); // several sizes
    expect(statSync(join(root, 'resources/icon.ico')).size).toBeGreaterThan(1000);
  });

  it('ships production dependencies only (no electron, build tools or test tools)', async () => {
    const tmp = new TmpDir('packaging-test');
    try {
      const { nodeModules } = await getCollectorByPackageManager(PM.NPM, root, tmp).getNodeModules({ packageName: packageJson.name });
      const shipped = new Set(nodeModules.map((m) => m.name));
      for (const dependency of Object.keys(packageJson.dependencies)) expect(shipped.has(dependency), dependency).toBe(true);
      for (const devDependency of Object.keys(packageJson.devDependencies)) {
        if (!(devDependency in packageJson.dependencies)) expect(shipped.has(devDependency), devDependency).toBe(false);
      }
    } finally {
      await tmp.cleanup();
    }
  });
});
