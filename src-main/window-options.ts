import type { BrowserWindowConstructorOptions } from 'electron';
import { MIN_HEIGHT, MIN_WIDTH, type Rect } from './window-state';

export interface MainWindowInputs {
  /** Absolute path of out/preload/index.cjs. */
  preloadPath: string;
  bounds: Rect;
  /** Packaged builds get no devtools: a floor PC must not become a script console. */
  isPackaged: boolean;
  iconPath?: string;
}

/**
 * The main window. The renderer shows data from the network (order texts, customer names,
 * portal orders), so it is treated like a web page: no Node, its own JS world for the
 * preload, the Chromium sandbox, and same-origin rules on.
 */
export function buildMainWindowOptions(inputs: MainWindowInputs): BrowserWindowConstructorOptions {
  return {
    ...inputs.bounds,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: 'OrderLine',
    // Shown on 'ready-to-show', so the operator never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    ...(inputs.iconPath !== undefined ? { icon: inputs.iconPath } : {}),
    webPreferences: {
      preload: inputs.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Dropping a file on the window would navigate to it.
      navigateOnDragDrop: false,
      // Chromium's spellchecker downloads dictionaries from Google; factory PCs are offline.
      spellcheck: false,
      // A page that loops on alert() must not lock the operator out.
      safeDialogs: true,
      devTools: !inputs.isPackaged,
    },
  };
}

/**
 * The hidden window that renders a document for printToPdf. The HTML is built by the
 * renderer from order data, so it runs with JavaScript off, no preload and no Node: it can
 * lay out text and images and nothing more.
 */
export function buildPrintWindowOptions(partition: string): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      javascript: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
      // An in-memory session of its own: no cookies or storage shared with the app, and a
      // request filter that lets nothing but the document itself load.
      partition,
    },
  };
}
