import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from './menu';

function roles(template: MenuItemConstructorOptions[]): string[] {
  return template.flatMap((item) => [
    ...(item.role !== undefined ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('buildMenuTemplate', () => {
  it('offers no devtools or reload in a packaged build', () => {
    for (const isMac of [true, false]) {
      const packaged = roles(buildMenuTemplate({ isMac, isPackaged: true }));
      expect(packaged).not.toContain('toggleDevTools');
      expect(packaged).not.toContain('reload');
      expect(packaged).not.toContain('forceReload');
      expect(packaged).toContain('quit');
      expect(packaged).toContain('paste');
    }
  });

  it('offers devtools in development', () => {
    expect(roles(buildMenuTemplate({ isMac: false, isPackaged: false }))).toContain(
      'toggleDevTools',
    );
  });
});
