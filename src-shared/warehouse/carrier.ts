import { z } from 'zod';
import { defineMutation, Refusal, type StoredRecord } from '../sync/mutation';
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
 * Why a tracking-number pattern is not usable, or undefined when it is. Patterns run on the
 * server for every confirmation, so besides compiling they must not backtrack
 * catastrophically: nested quantifiers (`(a+)+`) and back-references are refused, and the
 * length is bounded.
 */
export function trackingPatternProblem(
  pattern: string,
): 'invalid-regex' | 'unsafe-regex' | undefined {
  try {
    new RegExp(pattern);
  } catch {
    return 'invalid-regex';
  }
  if (/\\[1-9]|\\k</.test(pattern)) return 'unsafe-regex';
  // A group that holds a quantifier and is itself quantified.
  if (/\((?:[^()\\]|\\.)*[*+}](?:[^()\\]|\\.)*\)(?:[*+?]|\{\d)/.test(pattern)) {
    return 'unsafe-regex';
  }
  return undefined;
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
 * any number; a pattern that no longer compiles (edited by a newer client) takes any number
 * rather than blocking every shipment with that carrier.
 */
export function checkTrackingNumber(
  carrier: Pick<Carrier, 'trackingPattern'> | undefined,
  trackingNumber: string,
): TrackingCheck {
  const pattern = carrier?.trackingPattern;
  if (!pattern) return { ok: true };
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${pattern})$`);
  } catch {
    return { ok: true };
  }
  return re.test(trackingNumber.trim()) ? { ok: true } : { ok: false, pattern };
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
