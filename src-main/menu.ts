import type { MenuItemConstructorOptions } from 'electron';

/**
 * A minimal application menu: the app's own navigation lives in the renderer. The Edit menu
 * stays because on macOS copy/paste shortcuts only work through menu roles; reload and
 * devtools exist only in development, so a packaged build offers no way into the page's
 * internals.
 */
export function buildMenuTemplate(options: {
  isMac: boolean;
  isPackaged: boolean;
}): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [];
  if (options.isMac) {
    template.push({
      label: 'OrderLine',
      submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'quit' }],
    });
  } else {
    template.push({ label: 'File', submenu: [{ role: 'quit' }] });
  }
  template.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  });
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (!options.isPackaged) {
    view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  }
  template.push({ label: 'View', submenu: view });
  return template;
}
