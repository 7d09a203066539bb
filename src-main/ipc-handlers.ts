import { join } from 'node:path';
import { z } from 'zod';
import { printToPdfArgs, saveFileArgs, type AppInfo, type IpcError } from '../src-shared/ipc-api';
import { err, ok, type Result } from '../src-shared/result';

/**
 * The main-process side of `DesktopApi`. Every handler takes the raw IPC arguments (the
 * renderer is untrusted: anything may arrive), validates them with the schemas the renderer
 * was typed against, and answers a `Result`. Electron itself (dialogs, files, printing) comes
 * in as parameters, so the handlers are tested with fakes and `index.ts` only wires them up.
 */

export type IpcResult<T> = Promise<Result<T, IpcError>>;

/** Page size as Electron's printToPDF wants it: a paper name, or inches. */
export type PdfPageSize = 'A4' | 'A5' | 'A6' | 'Letter' | { width: number; height: number };

export interface PdfRenderOptions {
  pageSize: PdfPageSize;
  landscape: boolean;
}

export type RenderPdf = (html: string, options: PdfRenderOptions) => Promise<Uint8Array>;

export interface SaveDialogRequest {
  defaultPath: string;
  filters: Array<{ name: string; extensions: string[] }>;
}

export interface SaveDialogAnswer {
  canceled: boolean;
  filePath?: string | undefined;
}

export interface SaveFileDeps {
  showSaveDialog: (request: SaveDialogRequest) => Promise<SaveDialogAnswer>;
  writeFile: (path: string, data: Uint8Array) => Promise<void>;
  /** Folder the dialog starts in, e.g. the user's Downloads. */
  defaultDir: string;
}

const noArgs = z.tuple([]);
const printArgsTuple = z.tuple([printToPdfArgs]);
const saveArgsTuple = z.tuple([saveFileArgs]);

const MM_PER_INCH = 25.4;

export async function handleGetAppInfo(args: unknown[], appInfo: AppInfo): IpcResult<AppInfo> {
  if (!noArgs.safeParse(args).success) return err('invalid-input');
  return ok(appInfo);
}

export async function handlePrintToPdf(
  args: unknown[],
  deps: { renderPdf: RenderPdf },
): IpcResult<{ base64: string }> {
  const parsed = printArgsTuple.safeParse(args);
  if (!parsed.success) return err('invalid-input', describe(parsed.error));
  const [{ html, pageSize, landscape }] = parsed.data;
  const size: PdfPageSize =
    typeof pageSize === 'string'
      ? pageSize
      : { width: pageSize.widthMm / MM_PER_INCH, height: pageSize.heightMm / MM_PER_INCH };
  try {
    const pdf = await deps.renderPdf(html, { pageSize: size, landscape });
    return ok({ base64: Buffer.from(pdf).toString('base64') });
  } catch (error) {
    return err('print-failed', messageOf(error));
  }
}

export async function handleSaveFile(
  args: unknown[],
  deps: SaveFileDeps,
): IpcResult<{ path: string }> {
  const parsed = saveArgsTuple.safeParse(args);
  if (!parsed.success) return err('invalid-input', describe(parsed.error));
  const [{ suggestedName, data, encoding, filters }] = parsed.data;
  if (encoding === 'base64' && !isStrictBase64(data)) {
    return err('invalid-input', 'data is not valid base64');
  }
  // Decoded before the dialog, so the operator is never asked where to save a file that
  // could not be written anyway.
  const bytes = encoding === 'base64' ? Buffer.from(data, 'base64') : Buffer.from(data, 'utf8');

  let answer: SaveDialogAnswer;
  try {
    answer = await deps.showSaveDialog({
      defaultPath: join(deps.defaultDir, suggestedName),
      filters,
    });
  } catch (error) {
    return err('internal', messageOf(error));
  }
  if (answer.canceled || answer.filePath === undefined || answer.filePath === '') {
    return err('cancelled');
  }
  try {
    await deps.writeFile(answer.filePath, new Uint8Array(bytes));
  } catch (error) {
    return err('write-failed', messageOf(error));
  }
  return ok({ path: answer.filePath });
}

/** The parts of an IPC event the guard looks at (Electron's `IpcMainInvokeEvent`). */
export interface IpcEventLike {
  senderFrame: { url: string } | null;
}

/**
 * Wraps a handler for `ipcMain.handle`: refuses callers that are not the app's own frame,
 * and turns anything thrown into `internal`, because a rejection would cross IPC as an Error
 * whose message the renderer cannot type.
 */
export function guardIpc<T>(
  handler: (args: unknown[]) => IpcResult<T>,
  isTrusted: (frameUrl: string | null) => boolean,
  log: (message: string) => void = () => {},
): (event: IpcEventLike, ...args: unknown[]) => IpcResult<T> {
  return async (event, ...args) => {
    let frameUrl: string | null;
    try {
      // Reading senderFrame of a frame that navigated away or was destroyed throws.
      frameUrl = event.senderFrame?.url ?? null;
    } catch {
      frameUrl = null;
    }
    if (!isTrusted(frameUrl)) {
      log(`refused IPC from untrusted frame ${JSON.stringify(frameUrl)}`);
      return err('untrusted-sender');
    }
    try {
      return await handler(args);
    } catch (error) {
      log(`IPC handler failed: ${messageOf(error)}`);
      return err('internal');
    }
  };
}

/**
 * Strict base64 as `btoa`/`Buffer` produce it; `Buffer.from` would silently skip garbage and
 * write a corrupt file. Linear scans rather than one big regex: the data may be ~100 MB.
 */
export function isStrictBase64(value: string): boolean {
  if (value.length % 4 !== 0) return false;
  if (/[^A-Za-z0-9+/=]/.test(value)) return false;
  const padding = value.indexOf('=');
  return padding === -1 || (padding >= value.length - 2 && /^={1,2}$/.test(value.slice(padding)));
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(arguments)'}: ${issue.message}`)
    .join('; ');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
