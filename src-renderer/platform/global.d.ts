import type { DesktopApi } from '../../src-shared/ipc-api';

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the app runs in a plain browser (web mode). */
    orderline?: DesktopApi;
  }
}

export {};
