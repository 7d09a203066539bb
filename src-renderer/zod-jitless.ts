import { z } from 'zod';

/**
 * Zod probes once with `new Function('')` whether it may compile faster parsers. Under the
 * app's CSP (no eval, in the browser and in Electron) the probe fails and Zod parses without
 * them anyway, but Chromium reports the refused probe as a CSP violation, which would hide
 * real ones. Imported first by main.tsx, before any schema parses.
 */
z.config({ jitless: true });
