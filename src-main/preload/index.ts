import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS, type DesktopApi } from '../../src-shared/ipc-api';

/**
 * The whole bridge between the page and the main process. Only these named functions cross
 * into the page: exposing `ipcRenderer` (or a generic `invoke(channel, ...)`) would let any
 * script in the page call every channel with any arguments. Arguments are checked in main,
 * not here: this side runs in the page's process and proves nothing.
 */
const api = {
  getAppInfo: () => ipcRenderer.invoke(IPC_CHANNELS.getAppInfo),
  printToPdf: (args) => ipcRenderer.invoke(IPC_CHANNELS.printToPdf, args),
  saveFile: (args) => ipcRenderer.invoke(IPC_CHANNELS.saveFile, args),
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('orderline', api);
