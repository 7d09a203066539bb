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

export const printToPdfArgs = z
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

export const saveFileArgs = z
  .object({
    suggestedName: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[^/\\:*?"<>|\0]+$/, 'no path separators or reserved characters'),
    /** Text, or bytes as base64 when `encoding` is 'base64'. */
    data: z.string().max(100_000_000),
    encoding: z.enum(['utf8', 'base64']).default('utf8'),
    filters: z
      .array(z.object({ name: z.string().max(100), extensions: z.array(z.string().max(20)).max(20) }))
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
