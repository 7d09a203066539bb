import type { Characteristic, InspectionPlanRecord, PlanFields } from '../src-shared/quality/plan';

/**
 * Demo inspection plans and incoming material lots, from shared/reference/battery-domain.md:
 * the grading checks of a cell line (OCV, AC internal resistance, capacity, K-value), final
 * checks against the product specs (dimensions with tolerance, maximum mass, ACIR maximum),
 * pack end-of-line (insulation resistance ≥ 5 MΩ at 500 V DC per IEC 62133, weld pull),
 * appearance and incoming material checks. Every limit is the plant's to change in the plan
 * screen; the figures here are demo values, not rules.
 */

/** Stable ids in groups of their own (7: plans, 8: material lots). */
function demoId(group: number, n: number): string {
  return `00000000-0000-7000-8000-${String(group * 1000 + n).padStart(12, '0')}`;
}

const name = (en: string, zh: string) => ({ en, zh });

const appearance = (aql: 2.5 | 4.0 = 2.5): Characteristic => ({
  id: 'appearance',
  name: name('Appearance (dents, leaks, rust, sleeve)', '外观（凹痕、漏液、锈蚀、套膜）'),
  type: 'count',
  method: 'Visual at 1 m under 800 lx; count every defect on the unit',
  defectClass: 'minor',
  sampling: { rule: 'aql', level: 'II', aql },
});

const labelPhoto: Characteristic = {
  id: 'label-photo',
  name: name('Label and marking photo', '标签与标识照片'),
  type: 'record',
  method: 'One photo of the label of the first carton',
  defectClass: 'minor',
  sampling: { rule: 'fixed', count: 1, accept: 0 },
};

function cellFinal(spec: {
  ocv: [number, number];
  acirMax: number;
  diameter?: [number, number];
  height?: [number, number];
  massMax: number;
}): Characteristic[] {
  const out: Characteristic[] = [
    {
      id: 'ocv',
      name: name('Open-circuit voltage', '开路电压'),
      type: 'measured',
      unit: 'V',
      lower: spec.ocv[0],
      upper: spec.ocv[1],
      decimals: 3,
      method: 'DMM, 4½ digits',
      defectClass: 'major',
      sampling: { rule: 'aql', level: 'II', aql: 0.65 },
    },
    {
      id: 'acir',
      name: name('AC internal resistance (1 kHz)', '交流内阻（1 kHz）'),
      type: 'measured',
      unit: 'mΩ',
      upper: spec.acirMax,
      decimals: 2,
      method: '1 kHz AC, 4-wire',
      defectClass: 'major',
      sampling: { rule: 'aql', level: 'II', aql: 0.65 },
    },
  ];
  if (spec.diameter) {
    out.push({
      id: 'diameter',
      name: name('Diameter', '直径'),
      type: 'measured',
      unit: 'mm',
      lower: spec.diameter[0],
      upper: spec.diameter[1],
      decimals: 2,
      method: 'Vernier caliper, 3 positions, largest value',
      defectClass: 'major',
      sampling: { rule: 'aql', level: 'S-4', aql: 1.0 },
    });
  }
  if (spec.height) {
    out.push({
      id: 'height',
      name: name('Height', '高度'),
      type: 'measured',
      unit: 'mm',
      lower: spec.height[0],
      upper: spec.height[1],
      decimals: 2,
      defectClass: 'major',
      sampling: { rule: 'aql', level: 'S-4', aql: 1.0 },
    });
  }
  out.push(
    {
      id: 'mass',
      name: name('Mass', '重量'),
      type: 'measured',
      unit: 'g',
      upper: spec.massMax,
      decimals: 1,
      defectClass: 'major',
      sampling: { rule: 'aql', level: 'S-4', aql: 1.0 },
    },
    appearance(),
    labelPhoto,
  );
  return out;
}

const plan = (n: number, fields: PlanFields): InspectionPlanRecord => ({
  ...fields,
  id: demoId(7, n),
  revision: 1,
  updatedBy: 'seed',
  updatedAt: '2026-01-05T00:00:00.000Z',
});

export const DEMO_INSPECTION_PLANS: InspectionPlanRecord[] = [
  plan(1, {
    model: 'CYL-18650-26',
    stage: 'in-process',
    step: 'grading',
    name: name('18650 grading (cell grader, every cell)', '18650 分容分选（分选机，全检）'),
    active: true,
    characteristics: [
      {
        id: 'ocv',
        name: name('Open-circuit voltage', '开路电压'),
        type: 'measured',
        unit: 'V',
        lower: 3.58,
        upper: 3.68,
        decimals: 3,
        defectClass: 'major',
        sampling: { rule: 'every' },
      },
      {
        id: 'acir',
        name: name('AC internal resistance (1 kHz)', '交流内阻（1 kHz）'),
        type: 'measured',
        unit: 'mΩ',
        upper: 25,
        decimals: 2,
        method: '1 kHz AC, 4-wire',
        defectClass: 'major',
        sampling: { rule: 'every' },
      },
      {
        id: 'capacity',
        name: name('Discharge capacity', '放电容量'),
        type: 'measured',
        unit: 'mAh',
        lower: 2550,
        decimals: 0,
        method: '0.2 C discharge to 2.75 V after formation',
        defectClass: 'major',
        sampling: { rule: 'every' },
      },
      {
        id: 'k-value',
        name: name('K-value (self-discharge)', 'K 值（自放电）'),
        type: 'measured',
        unit: 'mV/d',
        upper: 2,
        decimals: 2,
        method: 'ΔOCV / Δt over aging, 7 days',
        defectClass: 'major',
        sampling: { rule: 'every' },
      },
    ],
  }),
  plan(2, {
    model: 'CYL-18650-26',
    stage: 'final',
    name: name('18650 final inspection', '18650 成品终检'),
    active: true,
    characteristics: cellFinal({
      ocv: [3.58, 3.68],
      acirMax: 25,
      diameter: [18.1, 18.5],
      height: [64.9, 65.5],
      massMax: 48,
    }),
  }),
  plan(3, {
    model: 'CYL-26650-33',
    stage: 'final',
    name: name('26650 LFP final inspection', '26650 磷酸铁锂成品终检'),
    active: true,
    characteristics: cellFinal({
      ocv: [3.25, 3.34],
      acirMax: 30,
      diameter: [25.99, 26.21],
      height: [64.64, 65.66],
      massMax: 90,
    }),
  }),
  plan(4, {
    model: 'PRI-LFP-105',
    stage: 'final',
    name: name('105 Ah prismatic final inspection', '105Ah 方形电芯成品终检'),
    active: true,
    characteristics: [
      {
        id: 'ocv',
        name: name('Open-circuit voltage', '开路电压'),
        type: 'measured',
        unit: 'V',
        lower: 3.25,
        upper: 3.34,
        decimals: 3,
        defectClass: 'major',
        sampling: { rule: 'aql', level: 'II', aql: 0.65 },
      },
      {
        id: 'acir',
        name: name('AC internal resistance (1 kHz)', '交流内阻（1 kHz）'),
        type: 'measured',
        unit: 'mΩ',
        lower: 0.15,
        upper: 0.25,
        decimals: 3,
        method: '1 kHz AC, 4-wire',
        defectClass: 'major',
        sampling: { rule: 'aql', level: 'II', aql: 0.65 },
      },
      {
        id: 'capacity',
        name: name('Capacity (1 C)', '容量（1 C）'),
        type: 'measured',
        unit: 'Ah',
        lower: 105,
        decimals: 1,
        defectClass: 'major',
        sampling: { rule: 'aql', level: 'S-3', aql: 0.65 },
      },
      {
        id: 'insulation',
        name: name(
          'Insulation resistance, terminal to case (500 V DC)',
          '端子对壳体绝缘电阻（500 V DC）',
        ),
        type: 'measured',
        unit: 'MΩ',
        lower: 5,
        decimals: 0,
        defectClass: 'critical',
        sampling: { rule: 'aql', level: 'II', aql: 0.1 },
      },
      {
        id: 'mass',
        name: name('Mass', '重量'),
        type: 'measured',
        unit: 'g',
        upper: 2000,
        decimals: 0,
        defectClass: 'major',
        sampling: { rule: 'aql', level: 'S-4', aql: 1.0 },
      },
      appearance(),
      labelPhoto,
    ],
  }),
  plan(5, {
    model: 'PACK-LFP-12V100',
    stage: 'in-process',
    step: 'welding',
    name: name('Pack busbar welding', '电池包汇流排焊接'),
    active: true,
    characteristics: [
      {
        id: 'weld-pull',
        name: name('Weld pull force', '焊接拉力'),
        type: 'measured',
        unit: 'N',
        lower: 40,
        decimals: 0,
        method: 'Destructive pull on test coupons, 5 per shift',
        defectClass: 'critical',
        sampling: { rule: 'fixed', count: 5, accept: 0 },
      },
      {
        id: 'weld-resistance',
        name: name('Weld resistance (4-wire)', '焊点电阻（四线法）'),
        type: 'measured',
        unit: 'mΩ',
        upper: 0.5,
        decimals: 3,
        defectClass: 'major',
        sampling: { rule: 'aql', level: 'II', aql: 0.65 },
      },
    ],
  }),
  plan(6, {
    model: 'PACK-LFP-12V100',
    stage: 'final',
    name: name('12.8 V pack end-of-line and final inspection', '12.8V 电池包下线及终检'),
    active: true,
    characteristics: [
      {
        id: 'ocv',
        name: name('Pack open-circuit voltage', '电池包开路电压'),
        type: 'measured',
        unit: 'V',
        lower: 13.0,
        upper: 13.6,
        decimals: 2,
        method: 'End-of-line tester',
        defectClass: 'major',
        sampling: { rule: 'every' },
      },
      {
        id: 'insulation',
        name: name('Insulation resistance (500 V DC)', '绝缘电阻（500 V DC）'),
        type: 'measured',
        unit: 'MΩ',
        lower: 5,
        decimals: 0,
        method: 'IEC 62133: terminals to case at 500 V DC',
        defectClass: 'critical',
        sampling: { rule: 'every' },
      },
      {
        id: 'acir',
        name: name('Pack AC internal resistance', '电池包交流内阻'),
        type: 'measured',
        unit: 'mΩ',
        upper: 10,
        decimals: 2,
        defectClass: 'major',
        sampling: { rule: 'aql', level: 'II', aql: 0.65 },
      },
      {
        id: 'bms',
        name: name('BMS communication and protection test', 'BMS 通讯及保护测试'),
        type: 'pass-fail',
        defectClass: 'major',
        sampling: { rule: 'aql', level: 'II', aql: 0.65 },
      },
      appearance(),
      labelPhoto,
    ],
  }),
  plan(7, {
    model: 'VRLA-12V7',
    stage: 'final',
    name: name('12 V 7 Ah VRLA final inspection', '12V7Ah 铅酸电池终检'),
    active: true,
    characteristics: [
      {
        id: 'ocv',
        name: name('Open-circuit voltage', '开路电压'),
        type: 'measured',
        unit: 'V',
        lower: 12.8,
        upper: 13.2,
        decimals: 2,
        defectClass: 'major',
        sampling: { rule: 'aql', level: 'II', aql: 0.65 },
      },
      {
        id: 'mass',
        name: name('Mass', '重量'),
        type: 'measured',
        unit: 'g',
        lower: 1950,
        upper: 2100,
        decimals: 0,
        defectClass: 'major',
        sampling: { rule: 'aql', level: 'S-4', aql: 1.0 },
      },
      appearance(4.0),
    ],
  }),
  plan(8, {
    model: 'MAT-SEP-16',
    stage: 'incoming',
    name: name('Separator film 16 µm, incoming', '16µm 隔膜来料检验'),
    active: true,
    characteristics: [
      {
        id: 'thickness',
        name: name('Thickness', '厚度'),
        type: 'measured',
        unit: 'µm',
        lower: 15.2,
        upper: 16.8,
        decimals: 1,
        method: 'Micrometer, 5 points across the width',
        defectClass: 'major',
        sampling: { rule: 'aql', level: 'II', aql: 1.0 },
      },
      {
        id: 'pinholes',
        name: name('Pinholes and tears', '针孔及破损'),
        type: 'count',
        method: 'Light table, 1 m of film per sample roll',
        defectClass: 'critical',
        sampling: { rule: 'aql', level: 'S-3', aql: 0.65 },
      },
      {
        id: 'moisture',
        name: name('Moisture (Karl Fischer)', '水分（卡尔费休）'),
        type: 'measured',
        unit: 'ppm',
        upper: 500,
        decimals: 0,
        defectClass: 'major',
        sampling: { rule: 'fixed', count: 3, accept: 0 },
      },
    ],
  }),
];

export interface DemoMaterialLot {
  id: string;
  code: string;
  material: string;
  name: { zh: string; en: string };
  supplierId: string;
  supplierName: string;
  quantity: number;
  unit: string;
  receivedAt: string;
}

export const DEMO_MATERIAL_LOTS: DemoMaterialLot[] = [
  {
    id: demoId(8, 1),
    code: 'ML-2026-000101',
    material: 'MAT-SEP-16',
    name: name('Separator film 16 µm, 1000 m roll', '16µm 隔膜 1000 m 卷'),
    supplierId: 'SUP-SEP-01',
    supplierName: '常州星河隔膜材料有限公司',
    quantity: 120,
    unit: 'roll',
    receivedAt: '2026-01-04T02:00:00.000Z',
  },
  {
    id: demoId(8, 2),
    code: 'ML-2026-000102',
    material: 'MAT-SEP-16',
    name: name('Separator film 16 µm, 1000 m roll', '16µm 隔膜 1000 m 卷'),
    supplierId: 'SUP-SEP-02',
    supplierName: 'Nordfilm Separators AB',
    quantity: 60,
    unit: 'roll',
    receivedAt: '2026-01-05T02:00:00.000Z',
  },
];
