import type { Carrier } from '../src-shared/warehouse/carrier';

/**
 * Demo carriers for the warehouse screen (issue 8). SF Express's waybills are SF and 10–13
 * digits and have a public tracking page; COSCO's bills of lading are COSU and 10 digits.
 * The others take any number, as many regional carriers do. The last is the plant's
 * "other carrier" entry (issue 12), inactive.
 */

function demoId(n: number): string {
  return `00000000-0000-7000-8000-${String(11_000 + n).padStart(12, '0')}`;
}

export const DEMO_CARRIERS: Carrier[] = [
  {
    id: demoId(1),
    name: 'SF Express 顺丰速运',
    modes: ['road', 'air'],
    trackingPattern: String.raw`^SF\d{10,13}$`,
    trackingUrl: 'https://www.sf-express.com/chn/sc/waybill/waybill-detail/{tracking}',
    active: true,
  },
  { id: demoId(2), name: '德邦物流 Deppon', modes: ['road'], active: true },
  {
    id: demoId(3),
    name: 'COSCO Shipping 中远海运',
    modes: ['sea'],
    trackingPattern: String.raw`^COSU\d{10}$`,
    active: true,
  },
  { id: demoId(4), name: '中欧班列 China Railway Express', modes: ['rail'], active: true },
  // The plant's setting for carriers off the list: shipments may name one by hand only while
  // an admin or the warehouse has this entry active. Off until someone decides so.
  {
    id: demoId(5),
    name: '其他承运商 Other carrier',
    modes: ['road', 'sea', 'air', 'rail'],
    active: false,
    freeText: true,
  },
];
