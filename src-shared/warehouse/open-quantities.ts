import { shippedOf } from './shipment-mutations';

/** What of an order is still to ship, per model: the default lines of a new shipment. */
export function openQuantities(order: {
  lines?: readonly { model: string; spec?: string; quantity: number }[];
}): { model: string; quantity: number }[] {
  const shipped = { ...shippedOf(order) };
  const open = new Map<string, number>();
  for (const line of order.lines ?? []) {
    open.set(line.model, (open.get(line.model) ?? 0) + line.quantity);
  }
  return [...open.entries()]
    .map(([model, quantity]) => ({ model, quantity: quantity - (shipped[model] ?? 0) }))
    .filter((l) => l.quantity > 0);
}
