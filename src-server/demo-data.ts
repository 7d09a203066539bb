import type { SpecOption } from '../src-shared/orders/catalog';
import { ROLES, type Role } from '../src-shared/roles';

/**
 * Demo data for a first start: the example products of shared/reference/battery-domain.md,
 * customers and production lines of a plausible cell-and-pack plant, and one user per role.
 * Companies, people and addresses are invented. Figures marked (vendor) are typical values,
 * good for a demo, not for rules.
 *
 * The bodies are what the catalog screens will read from `records`; when src-shared gets the
 * product/customer/line schemas, these objects must pass them (a test will say so).
 */

/** Deliberately public: documented in the README, printed at first start. */
export const DEMO_PASSWORD = 'orderline-demo';

/** Stable ids, so end-to-end tests and bug reports can name a demo record. */
function demoId(group: number, n: number): string {
  return `00000000-0000-7000-8000-${String(group * 1000 + n).padStart(12, '0')}`;
}

/** Watt-hour rating as the UN Manual of Tests defines it: nominal voltage × rated capacity. */
export function watthours(nominalVoltageV: number, ratedAh: number): number {
  return Math.round(nominalVoltageV * ratedAh * 100) / 100;
}

type Localized = { zh: string; en: string };

type Dimensions =
  | {
      shape: 'cylinder';
      diameterMm: number;
      diameterTolMm?: number;
      heightMm: number;
      heightTolMm?: number;
      /** The figures are maxima, not nominal with tolerance. */
      maxima?: boolean;
    }
  | { shape: 'box'; lengthMm: number; widthMm: number; heightMm: number };

export interface DemoProduct {
  id: string;
  code: string;
  name: Localized;
  chemistry: 'Li-ion' | 'NMC' | 'LFP' | 'lead-acid';
  format: '18650' | '21700' | '26650' | 'prismatic' | 'pack' | 'vrla-block';
  /** Series/parallel layout of a pack, e.g. '4S1P'. */
  configuration?: string;
  nominalVoltageV: number;
  ratedCapacityAh: number;
  typicalCapacityAh: number;
  energyWh: number;
  chargeVoltageV: number;
  cutoffVoltageV?: number;
  maxContinuousDischargeA?: number;
  /** Maximum AC internal resistance at 1 kHz. */
  acirMaxMOhm?: number;
  dimensions?: Dimensions;
  massMaxG?: number;
  cycleLife?: { cycles: number; depthOfDischargePct: number };
  unNumber: 'UN3480' | 'UN2800';
  dangerousGoodsClass: '9';
  /** Customs tariff heading: 8507.60 lithium-ion, 8507.20 other lead-acid. */
  hsCode: string;
  unit: 'pcs';
  moq: number;
  leadTimeDays: number;
  /** The variants the factory makes of the model; an order line names one. */
  specs: SpecOption[];
  /** Each unit has a serial number, scanned when it is packed. */
  serialized?: boolean;
}

export const DEMO_PRODUCTS: DemoProduct[] = [
  {
    id: demoId(1, 1),
    code: 'CYL-18650-26',
    name: { zh: '18650 锂离子电芯 2600mAh', en: '18650 Li-ion cell 2600 mAh' },
    chemistry: 'Li-ion',
    format: '18650',
    nominalVoltageV: 3.6,
    ratedCapacityAh: 2.55,
    typicalCapacityAh: 2.6,
    energyWh: watthours(3.6, 2.55),
    chargeVoltageV: 4.2,
    cutoffVoltageV: 2.75,
    acirMaxMOhm: 25,
    dimensions: {
      shape: 'cylinder',
      diameterMm: 18.3,
      diameterTolMm: 0.2,
      heightMm: 65.2,
      heightTolMm: 0.3,
    },
    massMaxG: 48,
    unNumber: 'UN3480',
    dangerousGoodsClass: '9',
    hsCode: '8507.60',
    unit: 'pcs',
    moq: 10_000,
    leadTimeDays: 30,
    specs: [
      { code: 'STD', name: { zh: '标准裸电芯', en: 'Bare cell, standard grade' } },
      { code: 'MATCHED', name: { zh: '配组电芯（容量 ±1%）', en: 'Matched sets (capacity ±1 %)' } },
      { code: 'TAB-NI', name: { zh: '焊镍片', en: 'Nickel tabs welded' } },
    ],
  },
  {
    id: demoId(1, 2),
    code: 'CYL-21700-49',
    name: { zh: '21700 三元锂电芯 4900mAh', en: '21700 NMC cell 4900 mAh' },
    chemistry: 'NMC',
    format: '21700',
    nominalVoltageV: 3.63,
    ratedCapacityAh: 4.9,
    typicalCapacityAh: 5.0,
    energyWh: watthours(3.63, 4.9),
    chargeVoltageV: 4.2,
    cutoffVoltageV: 2.5,
    maxContinuousDischargeA: 9.8,
    dimensions: { shape: 'cylinder', diameterMm: 21.25, heightMm: 70.62, maxima: true },
    massMaxG: 72,
    unNumber: 'UN3480',
    dangerousGoodsClass: '9',
    hsCode: '8507.60',
    unit: 'pcs',
    moq: 5_000,
    leadTimeDays: 35,
    specs: [
      { code: 'STD', name: { zh: '标准裸电芯', en: 'Bare cell, standard grade' } },
      { code: 'TAB-NI', name: { zh: '焊镍片', en: 'Nickel tabs welded' } },
    ],
  },
  {
    id: demoId(1, 3),
    code: 'CYL-26650-33',
    name: { zh: '26650 磷酸铁锂电芯 3300mAh', en: '26650 LFP cell 3300 mAh' },
    chemistry: 'LFP',
    format: '26650',
    nominalVoltageV: 3.2,
    ratedCapacityAh: 3.2,
    typicalCapacityAh: 3.3,
    energyWh: watthours(3.2, 3.2),
    chargeVoltageV: 3.65,
    cutoffVoltageV: 2.5,
    acirMaxMOhm: 30,
    dimensions: {
      shape: 'cylinder',
      diameterMm: 26.1,
      diameterTolMm: 0.11,
      heightMm: 65.15,
      heightTolMm: 0.51,
    },
    massMaxG: 90,
    cycleLife: { cycles: 2000, depthOfDischargePct: 100 },
    unNumber: 'UN3480',
    dangerousGoodsClass: '9',
    hsCode: '8507.60',
    unit: 'pcs',
    moq: 5_000,
    leadTimeDays: 30,
    specs: [
      { code: 'STD', name: { zh: '标准裸电芯', en: 'Bare cell, standard grade' } },
      { code: 'TAB-NI', name: { zh: '焊镍片', en: 'Nickel tabs welded' } },
    ],
  },
  {
    id: demoId(1, 4),
    code: 'PRI-LFP-105',
    name: { zh: '105Ah 方形磷酸铁锂电芯', en: '105 Ah prismatic LFP cell' },
    chemistry: 'LFP',
    format: 'prismatic',
    nominalVoltageV: 3.2,
    ratedCapacityAh: 105,
    typicalCapacityAh: 105,
    energyWh: watthours(3.2, 105),
    chargeVoltageV: 3.65,
    cutoffVoltageV: 2.5,
    acirMaxMOhm: 0.25,
    // Case size and mass: typical for this class (vendor); the reference gives none.
    dimensions: { shape: 'box', lengthMm: 130.3, widthMm: 36.4, heightMm: 200.5 },
    massMaxG: 2000,
    cycleLife: { cycles: 4000, depthOfDischargePct: 80 },
    unNumber: 'UN3480',
    dangerousGoodsClass: '9',
    hsCode: '8507.60',
    unit: 'pcs',
    moq: 500,
    leadTimeDays: 40,
    specs: [
      { code: 'STD', name: { zh: '标准电芯', en: 'Standard cell' } },
      { code: 'MATCHED', name: { zh: '配组电芯（内阻 ±3%）', en: 'Matched sets (DCIR ±3 %)' } },
    ],
  },
  {
    id: demoId(1, 5),
    code: 'PACK-LFP-12V100',
    name: { zh: '12.8V 100Ah 磷酸铁锂电池包 (4S)', en: '12.8 V 100 Ah LFP pack (4S)' },
    chemistry: 'LFP',
    format: 'pack',
    configuration: '4S1P',
    nominalVoltageV: 12.8,
    ratedCapacityAh: 100,
    typicalCapacityAh: 100,
    energyWh: watthours(12.8, 100),
    chargeVoltageV: 14.2,
    cutoffVoltageV: 11.2,
    maxContinuousDischargeA: 100,
    // Case size and mass: typical group-31 replacement pack (vendor).
    dimensions: { shape: 'box', lengthMm: 330, widthMm: 172, heightMm: 215 },
    massMaxG: 11_500,
    cycleLife: { cycles: 4000, depthOfDischargePct: 80 },
    unNumber: 'UN3480',
    dangerousGoodsClass: '9',
    hsCode: '8507.60',
    unit: 'pcs',
    moq: 50,
    leadTimeDays: 25,
    // A pack carries its BMS's serial number, which the customer's warranty claims quote.
    serialized: true,
    specs: [
      {
        code: '12V100',
        name: { zh: '12.8V 100Ah (4S1P)', en: '12.8 V 100 Ah (4S1P)' },
        nominalVoltageV: 12.8,
        ratedCapacityAh: 100,
      },
      {
        code: '12V150',
        name: { zh: '12.8V 150Ah', en: '12.8 V 150 Ah' },
        nominalVoltageV: 12.8,
        ratedCapacityAh: 150,
      },
      {
        code: '12V200',
        name: { zh: '12.8V 200Ah', en: '12.8 V 200 Ah' },
        nominalVoltageV: 12.8,
        ratedCapacityAh: 200,
      },
      {
        code: '24V100',
        name: { zh: '25.6V 100Ah (8S)', en: '25.6 V 100 Ah (8S)' },
        nominalVoltageV: 25.6,
        ratedCapacityAh: 100,
      },
      {
        code: '48V100',
        name: { zh: '51.2V 100Ah (16S)', en: '51.2 V 100 Ah (16S)' },
        nominalVoltageV: 51.2,
        ratedCapacityAh: 100,
      },
    ],
  },
  {
    id: demoId(1, 6),
    code: 'VRLA-12V7',
    name: { zh: '12V 7Ah 阀控密封铅酸蓄电池', en: '12 V 7 Ah VRLA battery' },
    chemistry: 'lead-acid',
    format: 'vrla-block',
    configuration: '6 × 2 V',
    nominalVoltageV: 12,
    ratedCapacityAh: 7,
    typicalCapacityAh: 7,
    energyWh: watthours(12, 7),
    chargeVoltageV: 14.4,
    cutoffVoltageV: 10.5,
    dimensions: { shape: 'box', lengthMm: 151, widthMm: 65, heightMm: 105 },
    massMaxG: 2_100,
    cycleLife: { cycles: 600, depthOfDischargePct: 50 },
    // Non-spillable: not restricted once it passes the 55 °C crack test, marked NON-SPILLABLE.
    unNumber: 'UN2800',
    dangerousGoodsClass: '9',
    hsCode: '8507.20',
    unit: 'pcs',
    moq: 200,
    leadTimeDays: 15,
    specs: [
      { code: 'T-F1', name: { zh: 'F1 端子 (4.8mm)', en: 'F1 terminals (4.8 mm)' } },
      { code: 'T-F2', name: { zh: 'F2 端子 (6.35mm)', en: 'F2 terminals (6.35 mm)' } },
    ],
  },
];

export interface DemoCustomer {
  id: string;
  code: string;
  name: Localized;
  /** ISO 3166-1 alpha-2 */
  country: string;
  currency: 'CNY' | 'EUR' | 'USD' | 'INR' | 'SEK';
  address: { line1: string; city: string; region?: string; postcode: string; country: string };
  contacts: { name: string; title: string; phone: string; email: string }[];
  paymentTerms: { code: string; days: number; text: Localized };
  creditLimit: { amount: number; currency: string };
  /** Unified social credit code (CN) or VAT/tax number; invented. */
  taxId?: string;
  segment: string;
}

export const DEMO_CUSTOMERS: DemoCustomer[] = [
  {
    id: demoId(2, 1),
    code: 'C-0001',
    name: {
      zh: '深圳市绿源储能科技有限公司',
      en: 'Shenzhen Lvyuan Energy Storage Technology Co., Ltd.',
    },
    country: 'CN',
    currency: 'CNY',
    address: {
      line1: '南山区科技园北区松坪山路 18 号',
      city: '深圳',
      region: '广东省',
      postcode: '518057',
      country: 'CN',
    },
    contacts: [
      {
        name: '林晓东',
        title: '采购经理',
        phone: '+86 755 2601 8830',
        email: 'lin.xd@lvyuan-ess.example.cn',
      },
      {
        name: '黄丽',
        title: '质量工程师',
        phone: '+86 755 2601 8845',
        email: 'huang.li@lvyuan-ess.example.cn',
      },
    ],
    paymentTerms: { code: 'NET60', days: 60, text: { zh: '月结 60 天', en: '60 days net' } },
    creditLimit: { amount: 5_000_000, currency: 'CNY' },
    taxId: '91440300MA5DEMO01X',
    segment: 'energy-storage',
  },
  {
    id: demoId(2, 2),
    code: 'C-0002',
    name: { zh: '杭州启明电动工具有限公司', en: 'Hangzhou Qiming Power Tools Co., Ltd.' },
    country: 'CN',
    currency: 'CNY',
    address: {
      line1: '余杭区仓前街道文一西路 1500 号',
      city: '杭州',
      region: '浙江省',
      postcode: '311121',
      country: 'CN',
    },
    contacts: [
      {
        name: '陈建国',
        title: '供应链总监',
        phone: '+86 571 8861 2290',
        email: 'chen.jg@qiming-tools.example.cn',
      },
    ],
    paymentTerms: { code: 'NET45', days: 45, text: { zh: '月结 45 天', en: '45 days net' } },
    creditLimit: { amount: 2_000_000, currency: 'CNY' },
    taxId: '91330110MA2DEMO02K',
    segment: 'power-tools',
  },
  {
    id: demoId(2, 3),
    code: 'C-0003',
    name: { zh: '宁波明光照明电器厂', en: 'Ningbo Mingguang Lighting Factory' },
    country: 'CN',
    currency: 'CNY',
    address: {
      line1: '鄞州区首南街道天童南路 588 号',
      city: '宁波',
      region: '浙江省',
      postcode: '315100',
      country: 'CN',
    },
    contacts: [
      {
        name: '王海燕',
        title: '老板',
        phone: '+86 574 8790 3312',
        email: 'wang.hy@mingguang.example.cn',
      },
    ],
    paymentTerms: {
      code: 'PREPAID',
      days: 0,
      text: { zh: '款到发货', en: 'Payment before shipment' },
    },
    creditLimit: { amount: 0, currency: 'CNY' },
    taxId: '92330212MA2DEMO03P',
    segment: 'lighting',
  },
  {
    id: demoId(2, 4),
    code: 'C-0004',
    name: { zh: '北京华信通信设备有限公司', en: 'Beijing Huaxin Telecom Equipment Co., Ltd.' },
    country: 'CN',
    currency: 'CNY',
    address: {
      line1: '海淀区上地信息路 9 号',
      city: '北京',
      region: '北京市',
      postcode: '100085',
      country: 'CN',
    },
    contacts: [
      {
        name: '刘志强',
        title: '采购主管',
        phone: '+86 10 6297 5510',
        email: 'liu.zq@huaxin-tel.example.cn',
      },
      {
        name: '孙倩',
        title: '财务',
        phone: '+86 10 6297 5522',
        email: 'sun.q@huaxin-tel.example.cn',
      },
    ],
    paymentTerms: { code: 'NET90', days: 90, text: { zh: '月结 90 天', en: '90 days net' } },
    creditLimit: { amount: 1_500_000, currency: 'CNY' },
    taxId: '91110108MA0DEMO04R',
    segment: 'telecom-backup',
  },
  {
    id: demoId(2, 5),
    code: 'C-0005',
    name: { zh: '索拉海姆有限公司（德国）', en: 'SolarHeim GmbH' },
    country: 'DE',
    currency: 'EUR',
    address: { line1: 'Landsberger Straße 302', city: 'München', postcode: '80687', country: 'DE' },
    contacts: [
      {
        name: 'Katrin Vogel',
        title: 'Head of Purchasing',
        phone: '+49 89 5587 2140',
        email: 'k.vogel@solarheim.example.de',
      },
    ],
    paymentTerms: {
      code: 'TT30-70',
      days: 0,
      text: { zh: '30% 预付，70% 发货前付清', en: 'T/T 30% deposit, 70% before shipment' },
    },
    creditLimit: { amount: 250_000, currency: 'EUR' },
    taxId: 'DE999000001',
    segment: 'home-storage',
  },
  {
    id: demoId(2, 6),
    code: 'C-0006',
    name: { zh: '沃图拉出行私人有限公司（印度）', en: 'Voltura Mobility Pvt. Ltd.' },
    country: 'IN',
    currency: 'USD',
    address: {
      line1: 'Plot 41, Chakan MIDC Phase II',
      city: 'Pune',
      region: 'Maharashtra',
      postcode: '410501',
      country: 'IN',
    },
    contacts: [
      {
        name: 'Ananya Kulkarni',
        title: 'Sourcing Manager',
        phone: '+91 20 6713 4400',
        email: 'ananya.k@voltura.example.in',
      },
    ],
    paymentTerms: { code: 'LC-SIGHT', days: 0, text: { zh: '即期信用证', en: 'L/C at sight' } },
    creditLimit: { amount: 400_000, currency: 'USD' },
    segment: 'e-mobility',
  },
  {
    id: demoId(2, 7),
    code: 'C-0007',
    name: { zh: '太平洋船舶供应公司（美国）', en: 'Pacific Marine Supply Inc.' },
    country: 'US',
    currency: 'USD',
    address: {
      line1: '4120 Leary Way NW',
      city: 'Seattle',
      region: 'WA',
      postcode: '98107',
      country: 'US',
    },
    contacts: [
      {
        name: 'Daniel Ortiz',
        title: 'Buyer',
        phone: '+1 206 555 0142',
        email: 'dortiz@pacificmarine.example.com',
      },
    ],
    paymentTerms: { code: 'NET30', days: 30, text: { zh: '30 天净付', en: '30 days net' } },
    creditLimit: { amount: 150_000, currency: 'USD' },
    taxId: '91-0000001',
    segment: 'marine',
  },
  {
    id: demoId(2, 8),
    code: 'C-0008',
    name: { zh: '北欧叉车有限公司（瑞典）', en: 'Nordisk Truck AB' },
    country: 'SE',
    currency: 'EUR',
    address: { line1: 'Industrigatan 12', city: 'Jönköping', postcode: '553 02', country: 'SE' },
    contacts: [
      {
        name: 'Erik Lindqvist',
        title: 'Purchasing Engineer',
        phone: '+46 36 555 0190',
        email: 'erik.lindqvist@nordisktruck.example.se',
      },
      {
        name: 'Sara Berg',
        title: 'Quality Manager',
        phone: '+46 36 555 0195',
        email: 'sara.berg@nordisktruck.example.se',
      },
    ],
    paymentTerms: { code: 'NET60', days: 60, text: { zh: '60 天净付', en: '60 days net' } },
    creditLimit: { amount: 300_000, currency: 'EUR' },
    taxId: 'SE999999999901',
    segment: 'material-handling',
  },
];

export interface DemoProductionLine {
  id: string;
  code: string;
  name: Localized;
  kind: 'cell' | 'pack' | 'lead-acid';
  workshop: Localized;
  /** Product families the line can run, with its rate for each. */
  rates: { family: DemoProduct['format']; unitsPerHour: number }[];
  shiftsPerDay: number;
  hoursPerShift: number;
  /** Share of planned time the line really produces good parts, for capacity checks. */
  plannedOee: number;
  /**
   * Planning's calendar (src-shared/planning/line-calendar.ts): shifts with headcount, working
   * days, holidays and maintenance windows, in plant time (UTC+8).
   */
  calendar?: DemoLineCalendar;
}

interface DemoLineCalendar {
  utcOffsetMinutes: number;
  workingDays: number[];
  shifts: { code: string; start: string; hours: number; headcount: number }[];
  holidays: string[];
  maintenance: { id: string; start: string; end: string; note: string }[];
}

/** Public holidays of the demo plant: National Day week, New Year, Spring Festival 2027. */
const DEMO_HOLIDAYS = [
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => `2026-10-${d}`),
  '2027-01-01',
  ...['05', '06', '07', '08', '09', '10', '11'].map((d) => `2027-02-${d}`),
];

function demoCalendar(
  shifts: { code: string; start: string; hours: number; headcount: number }[],
  maintenance: { id: string; start: string; end: string; note: string }[] = [],
  workingDays = [1, 2, 3, 4, 5, 6],
): DemoLineCalendar {
  return { utcOffsetMinutes: 480, workingDays, shifts, holidays: DEMO_HOLIDAYS, maintenance };
}

export const DEMO_PRODUCTION_LINES: DemoProductionLine[] = [
  {
    id: demoId(3, 1),
    code: 'L1-CYL',
    name: { zh: '一号圆柱电芯线', en: 'Cylindrical cell line 1' },
    kind: 'cell',
    workshop: { zh: '电芯一厂', en: 'Cell plant 1' },
    rates: [
      { family: '18650', unitsPerHour: 12_000 },
      { family: '21700', unitsPerHour: 9_000 },
    ],
    shiftsPerDay: 3,
    hoursPerShift: 8,
    plannedOee: 0.75,
    calendar: demoCalendar(
      [
        { code: 'A', start: '06:00', hours: 8, headcount: 14 },
        { code: 'B', start: '14:00', hours: 8, headcount: 14 },
        { code: 'C', start: '22:00', hours: 8, headcount: 9 },
      ],
      [
        {
          id: 'pm-l1-2026-12',
          start: '2026-12-09T08:00:00+08:00',
          end: '2026-12-09T16:00:00+08:00',
          note: 'Winder preventive maintenance',
        },
      ],
    ),
  },
  {
    id: demoId(3, 2),
    code: 'L2-LFP',
    name: { zh: '二号磷酸铁锂圆柱线', en: 'LFP cylindrical line 2' },
    kind: 'cell',
    workshop: { zh: '电芯一厂', en: 'Cell plant 1' },
    rates: [{ family: '26650', unitsPerHour: 6_000 }],
    shiftsPerDay: 2,
    hoursPerShift: 10,
    plannedOee: 0.7,
    calendar: demoCalendar(
      [
        { code: 'A', start: '06:00', hours: 10, headcount: 11 },
        { code: 'B', start: '16:00', hours: 10, headcount: 10 },
      ],
      [
        {
          id: 'pm-l2-2026-12',
          start: '2026-12-14T06:00:00+08:00',
          end: '2026-12-14T18:00:00+08:00',
          note: 'Formation cabinet calibration',
        },
      ],
    ),
  },
  {
    id: demoId(3, 3),
    code: 'L3-PRI',
    name: { zh: '三号方形电芯线', en: 'Prismatic cell line 3' },
    kind: 'cell',
    workshop: { zh: '电芯二厂', en: 'Cell plant 2' },
    rates: [{ family: 'prismatic', unitsPerHour: 900 }],
    shiftsPerDay: 3,
    hoursPerShift: 8,
    plannedOee: 0.65,
    calendar: demoCalendar([
      { code: 'A', start: '06:00', hours: 8, headcount: 16 },
      { code: 'B', start: '14:00', hours: 8, headcount: 16 },
      { code: 'C', start: '22:00', hours: 8, headcount: 10 },
    ]),
  },
  {
    id: demoId(3, 4),
    code: 'P1-PACK',
    name: { zh: 'PACK 组装线', en: 'Pack assembly line' },
    kind: 'pack',
    workshop: { zh: 'PACK 车间', en: 'Pack workshop' },
    rates: [{ family: 'pack', unitsPerHour: 40 }],
    shiftsPerDay: 2,
    hoursPerShift: 8,
    plannedOee: 0.8,
    calendar: demoCalendar(
      [
        { code: 'A', start: '08:00', hours: 8, headcount: 12 },
        { code: 'B', start: '16:00', hours: 8, headcount: 10 },
      ],
      [],
      [1, 2, 3, 4, 5],
    ),
  },
  {
    id: demoId(3, 5),
    code: 'PB1-VRLA',
    name: { zh: '铅酸电池装配线', en: 'VRLA assembly line' },
    kind: 'lead-acid',
    workshop: { zh: '铅酸车间', en: 'Lead-acid workshop' },
    rates: [{ family: 'vrla-block', unitsPerHour: 800 }],
    shiftsPerDay: 2,
    hoursPerShift: 8,
    plannedOee: 0.8,
    calendar: demoCalendar([
      { code: 'A', start: '08:00', hours: 8, headcount: 18 },
      { code: 'B', start: '16:00', hours: 8, headcount: 15 },
    ]),
  },
];

/** Display names of the demo users; `satisfies` makes a new role without one a type error. */
const DEMO_DISPLAY_NAMES = {
  'order-desk': '王芳（接单）',
  sales: '李明（销售）',
  planning: '张伟（生产计划）',
  production: '刘强（车间）',
  procurement: '陈静（采购）',
  quality: '赵磊（质检）',
  warehouse: '孙涛（仓库）',
  finance: '周敏（财务）',
  'after-sales': '吴婷（售后）',
  management: '郑国华（管理层）',
  admin: '系统管理员',
} satisfies Record<Role, string>;

/** One demo user per role; the username is the role id. */
export const DEMO_USERS: { username: string; displayName: string; role: Role }[] = ROLES.map(
  (role) => ({ username: role, displayName: DEMO_DISPLAY_NAMES[role], role }),
);
