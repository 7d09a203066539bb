import type { ResourceTree } from '../en';

/** Strings of the order screens: intake, review, clarifications, sales confirmation, feasibility, the order list and timeline. */
export const ordersEn = {};

export const ordersZh: ResourceTree<typeof ordersEn> = {};
