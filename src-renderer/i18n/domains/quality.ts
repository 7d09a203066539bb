import type { ResourceTree } from '../en';

/** Strings of the quality screens: inspection plans, sampling, the logging screen, NCRs and corrective actions, charts. */
export const qualityEn = {};

export const qualityZh: ResourceTree<typeof qualityEn> = {};
