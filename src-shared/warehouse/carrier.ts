import { RE2JS } from 're2js';
import { z } from 'zod';
import { defineMutation, Refusal, type MutatorTx, type StoredRecord } from '../sync/mutation';
import { TRANSPORT_MODES, type TransportMode } from './dangerous-goods';

/**
 * Carriers the warehouse ships with (issue 8): which transport modes each serves, what its
 * tracking numbers look like and where a customer follows one. The same pattern check runs
 * in the confirmation form (an inline error) and in `shipment.confirm` on the server, so a
 * mistyped waybill number is caught at the station and cannot slip through from an old PC.
 */

/** Where a tracking URL template puts the tracking number. */
export const TRACKING_PLACEHOLDER = '{tracking}';

/**
 * Patterns are written by users and run inside the server's write transaction on every
 * confirmation, so they are compiled with RE2 (linear in the input, whatever the pattern)
 * rather than a backtracking RegExp: `(a|aa)+` cannot stall a push. RE2 has no
 * back-references or lookarounds, which is what buys that guarantee.
 */
const compiled = new Map<string, RE2JS | null>();
/** Enough for every carrier a factory has; only a flood of distinct edits ever evicts. */
const COMPILED_LIMIT = 64;

/** The compiled pattern, or null when RE2 cannot compile it; cached per pattern text. */
function compileTrackingPattern(pattern: string): RE2JS | null {
  const hit = compiled.get(pattern);
  if (hit !== undefined) return hit;
  let re: RE2JS | null;
  try {
    // No flags: case-sensitive, and `^`/`$` mean the ends of the number, as before.
    re = RE2JS.compile(pattern);
  } catch {
    re = null;
  }
  if (compiled.size >= COMPILED_LIMIT) compiled.delete(compiled.keys().next().value!);
  compiled.set(pattern, re);
  return re;
}

/**
 * Why a tracking-number pattern is not usable, or undefined when it is. A pattern that is
 * valid JavaScript but beyond RE2 (back-references, lookarounds, `\u` escapes, repeat counts
 * over 1000) gets its own answer, so the form can say what to drop rather than "invalid".
 */
export function trackingPatternProblem(
  pattern: string,
): 'invalid-regex' | 'unsupported-regex' | undefined {
  if (compileTrackingPattern(pattern)) return undefined;
  try {
    // Only parsed, never run: it tells a typo from a feature RE2 lacks.
    new RegExp(pattern);
  } catch {
    return 'invalid-regex';
  }
  return 'unsupported-regex';
}

export const carrierSchema = z
  .object({
    id: z.string().min(1).max(100),
    name: z.string().trim().min(1).max(100),
    modes: z.array(z.enum(TRANSPORT_MODES)).min(1).max(TRANSPORT_MODES.length),
    /** Matched against the whole tracking number (anchors are implied). */
    trackingPattern: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .superRefine((value, ctx) => {
        const problem = trackingPatternProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .optional(),
    /** e.g. https://www.sf-express.com/track?no={tracking} */
    trackingUrl: z
      .string()
      .trim()
      .max(500)
      .regex(/^https?:\/\/\S+$/, 'an http(s) address')
      .refine((u) => u.includes(TRACKING_PLACEHOLDER), {
        message: `must contain ${TRACKING_PLACEHOLDER}`,
      })
      .optional(),
    active: z.boolean(),
    /**
     * The plant's "other carrier" entry: a shipment that chooses it goes with the carrier
     * named as typed. It is how the plant allows carriers off the list; while no such entry
     * is active, every shipment names a carrier from the list. Its pattern, if any, applies.
     */
    freeText: z.boolean().optional(),
  })
  .strict()
  .refine((c) => new Set(c.modes).size === c.modes.length, {
    message: 'a mode listed twice',
    path: ['modes'],
  });
export type Carrier = z.infer<typeof carrierSchema>;
export type CarrierRecord = Carrier & StoredRecord;

/** Active carriers serving the mode, by name: what the shipment form offers. */
export function carriersFor<C extends Pick<Carrier, 'modes' | 'active' | 'name'>>(
  carriers: readonly C[],
  mode: TransportMode,
): C[] {
  return carriers
    .filter((c) => c.active && c.modes.includes(mode))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export type TrackingCheck = { ok: true } | { ok: false; pattern: string };

/**
 * Whether the tracking number fits the carrier's pattern. A carrier without a pattern takes
 * any number; a pattern that does not compile (edited by a newer client, or a lookahead saved
 * before patterns were RE2's) takes any number rather than blocking every shipment with that
 * carrier.
 */
export function checkTrackingNumber(
  carrier: Pick<Carrier, 'trackingPattern'> | undefined,
  trackingNumber: string,
): TrackingCheck {
  const pattern = carrier?.trackingPattern;
  if (!pattern) return { ok: true };
  const re = compileTrackingPattern(pattern);
  if (!re) return { ok: true };
  // testExact anchors both ends: the whole number must fit, anchors written or not.
  return re.testExact(trackingNumber.trim()) ? { ok: true } : { ok: false, pattern };
}

/** The customer's tracking link, when the carrier has a URL template. */
export function trackingLink(
  carrier: Pick<Carrier, 'trackingUrl'> | undefined,
  trackingNumber: string,
): string | undefined {
  if (!carrier?.trackingUrl || !carrier.trackingUrl.includes(TRACKING_PLACEHOLDER)) {
    return undefined;
  }
  return carrier.trackingUrl.split(TRACKING_PLACEHOLDER).join(encodeURIComponent(trackingNumber));
}

/** Names as people type them: case and spacing do not make another carrier. */
function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  return norm(a) === norm(b);
}

/** The carrier a shipment goes with, and the name its documents print. */
export interface CarrierChoice {
  record: CarrierRecord;
  name: string;
  /** Chosen through the plant's "other carrier" entry: the name is as typed. */
  freeText: boolean;
}

/**
 * The carrier of a shipment, always a record of the carrier list, whose name and tracking
 * pattern then count, whatever name the PC sent beside it. A name without a carrier id (PCs
 * from before the list) is the listed carrier of that name, else the one chosen when the
 * shipment was opened, else typed text, which only the plant's active "other carrier" entry
 * takes. `kept` is the shipment's carrier as opened: it stays usable if deactivated since,
 * and a name typed over a listed one is refused rather than let it escape that carrier's
 * tracking pattern. A typed name that is a listed carrier's is that carrier.
 */
export async function chooseCarrier(
  tx: MutatorTx,
  given: { carrierId?: string | undefined; name?: string | undefined },
  mode: TransportMode,
  kept: { carrierId?: string | undefined; name?: string | undefined; freeText?: boolean } = {},
): Promise<CarrierChoice | undefined> {
  let list: CarrierRecord[] | undefined;
  // Every carrier, by the name index: a plant has a few dozen at most.
  const all = async () => (list ??= await tx.scan<CarrierRecord>('carrier', { index: 'name' }));
  const listedNamed = async (name: string) =>
    (await all()).find((c) => c.freeText !== true && sameName(c.name, name));
  const name = given.name?.trim() || undefined;
  let record: CarrierRecord | undefined;
  if (given.carrierId) {
    record = await tx.get<CarrierRecord>('carrier', given.carrierId);
    if (!record) throw new Refusal('not-found', { kind: 'carrier', id: given.carrierId });
  } else if (name) {
    if (kept.carrierId && kept.name && sameName(kept.name, name)) {
      record = await tx.get<CarrierRecord>('carrier', kept.carrierId);
    }
    record ??= await listedNamed(name);
    if (!record) {
      if (kept.carrierId && !kept.freeText)
        throw new Refusal('carrier-not-listed', { carrier: name });
      const carriers = await all();
      record = kept.freeText ? carriers.find((c) => c.id === kept.carrierId) : undefined;
      record ??= carriers.find((c) => c.freeText === true && c.active && c.modes.includes(mode));
      if (!record) throw new Refusal('carrier-not-listed', { carrier: name });
    }
  } else {
    return undefined;
  }
  if (record.freeText === true) {
    if (!name)
      throw new Refusal('invalid-args', { path: 'carrier', message: 'the carrier’s name' });
    record = (await listedNamed(name)) ?? record;
  }
  const own = record.id === kept.carrierId;
  if (!own && record.freeText === true && !record.active) {
    throw new Refusal('carrier-not-listed', { carrier: name ?? record.name });
  }
  if (!own && (!record.active || !record.modes.includes(mode))) {
    throw new Refusal('carrier-unavailable', { carrier: record.name, mode });
  }
  return record.freeText === true
    ? { record, name: name!, freeText: true }
    : { record, name: record.name, freeText: false };
}

/**
 * A carrier is replaced whole, refused when someone changed it since the editor opened it
 * (like catalog saves): two people editing one carrier must not silently mix their edits.
 */
export const saveCarrier = defineMutation({
  name: 'carrier.save',
  action: 'carrier.edit',
  args: z
    .object({ carrier: carrierSchema, baseVersion: z.number().int().nonnegative().optional() })
    .strict(),
  async run(tx, args) {
    const existing = await tx.get('carrier', args.carrier.id);
    if (existing) {
      if (args.baseVersion === undefined) throw new Refusal('already-exists', { id: existing.id });
      if ((existing._v ?? 0) > args.baseVersion) {
        throw new Refusal('stale-state', { version: existing._v ?? 0 });
      }
    }
    await tx.put('carrier', { ...args.carrier });
  },
});

export const CARRIER_MUTATIONS = [saveCarrier];
