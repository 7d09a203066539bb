/** The fields of the shipment and confirmation forms a refusal can be about. */
export type CarrierField = 'carrierId' | 'carrier' | 'trackingNumber';

/**
 * Which field a refusal of `shipment.create` or `shipment.confirm` is about, so the form says
 * it next to that field rather than below the form; undefined when it is about the shipment
 * as a whole. `typed`: the form shows the field for a carrier's name typed by hand.
 */
export function carrierRefusalField(
  code: string,
  params: Record<string, string | number>,
  typed: boolean,
): CarrierField | undefined {
  const nameField = typed ? 'carrier' : 'carrierId';
  switch (code) {
    case 'invalid-tracking-number':
      return 'trackingNumber';
    case 'carrier-not-listed':
      return nameField;
    case 'carrier-unavailable':
      return 'carrierId';
    case 'not-found':
      return params.kind === 'carrier' ? 'carrierId' : undefined;
    case 'invalid-args':
      return params.path === 'carrier' ? nameField : undefined;
    default:
      return undefined;
  }
}
