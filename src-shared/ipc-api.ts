import { z } from 'zod';
import type { Result } from './result';

/**
 * The one typed API the preload exposes to the renderer as `window.orderline`. The preload
 * object is checked with `satisfies DesktopApi`; in web mode the renderer uses browser
 * fallbacks of the same type. Argument schemas live here so main validates with the very
 * shapes the renderer was typed against.
 */

export const IPC_CHANNELS = {
  getAppInfo: 'app:get-info',
  printToPdf: 'doc:print-to-pdf',
  saveFile: 'doc:save-file',
} as const;

export type IpcError =
  | 'invalid-input'
  | 'cancelled'
  | 'write-failed'
  | 'print-failed'
  | 'no-window'
  /** Only the desktop shell can do this (e.g. printToPdf in a plain browser). */
  | 'unsupported-in-web'
  /** The IPC call came from a frame that is not the app itself. */
  | 'untrusted-sender'
  | 'internal';

export interface AppInfo {
  name: string;
  version: string;
  /** 'desktop' inside Electron, 'web' in a browser. */
  mode: 'desktop' | 'web';
  /** The central server the client syncs with. */
  serverUrl: string;
  /** BCP 47 tag of the operating system's language, e.g. 'zh-CN'. */
  systemLocale: string;
  platform: string;
  electronVersion?: string;
}

// The schemas are marked pure so bundles that only need IPC_CHANNELS (the sandboxed preload)
// drop them, and zod with them.
export const printToPdfArgs = /* @__PURE__ */ z
  .object({
    /** A complete HTML document (label, packing list, confirmation) to render and print. */
    html: z.string().min(1).max(5_000_000),
    pageSize: z
      .union([
        z.enum(['A4', 'A5', 'A6', 'Letter']),
        z.object({
          widthMm: z.number().positive().max(1000),
          heightMm: z.number().positive().max(1000),
        }),
      ])
      .default('A4'),
    landscape: z.boolean().default(false),
  })
  .strict();
export type PrintToPdfArgs = z.input<typeof printToPdfArgs>;

export const saveFileArgs = /* @__PURE__ */ z
  .object({
    suggestedName: z
      .string()
      .min(1)
      .max(200)
      // A bare name: the save dialog picks the folder. Control characters and '.'/'..' would
      // let a name climb out of the default folder or confuse the dialog.
      .regex(/^[^/\\:*?"<>|\0]+$/, 'no path separators or reserved characters')
      .refine((name) => !/\p{Cc}/u.test(name), 'no control characters')
      .refine((name) => name !== '.' && name !== '..', 'not a relative directory name'),
    /** Text, or bytes as base64 when `encoding` is 'base64'. */
    data: z.string().max(100_000_000),
    encoding: z.enum(['utf8', 'base64']).default('utf8'),
    filters: z
      .array(
        z
          .object({
            name: z.string().max(100),
            // Extensions without the dot, e.g. 'pdf'; '*' for all files.
            extensions: z.array(z.string().regex(/^(\*|[A-Za-z0-9]{1,20})$/)).max(20),
          })
          .strict(),
      )
      .max(10)
      .default([]),
  })
  .strict();
export type SaveFileArgs = z.input<typeof saveFileArgs>;

export interface DesktopApi {
  getAppInfo(): Promise<Result<AppInfo, IpcError>>;
  /** Renders HTML to a PDF and answers its bytes as base64. */
  printToPdf(args: PrintToPdfArgs): Promise<Result<{ base64: string }, IpcError>>;
  /** Asks where to save and writes the file; answers the chosen path. */
  saveFile(args: SaveFileArgs): Promise<Result<{ path: string }, IpcError>>;
}
