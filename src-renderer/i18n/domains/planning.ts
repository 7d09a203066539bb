import type { ResourceTree } from '../en';

/** Strings of the planning screens (batches, the schedule board, capacity). */
export const planningEn = {
  model: 'Model',
  quantity: 'Quantity',
  line: 'Line',
  start: 'Start',
  end: 'End',
  hours: 'Hours',
  state: 'State',
  number: 'Batch',
  add: 'Add to plan',
  added: 'Batch added to the plan.',
  required: 'Required',
  provisional: 'not yet synced',
  provisionalHelp:
    'A provisional number: the server gives the batch its real number when this PC next syncs.',
  unsynced: 'change waiting',
  states: {
    planned: 'Planned',
    released: 'Released',
    running: 'Running',
    done: 'Done',
  },
};

export const planningZh: ResourceTree<typeof planningEn> = {
  model: '型号',
  quantity: '数量',
  line: '产线',
  start: '开始',
  end: '结束',
  hours: '小时',
  state: '状态',
  number: '批次',
  add: '加入计划',
  added: '批次已加入计划。',
  required: '必填',
  provisional: '尚未同步',
  provisionalHelp: '临时编号：本机下次同步时由服务器分配正式批次号。',
  unsynced: '更改待同步',
  states: {
    planned: '已计划',
    released: '已下达',
    running: '生产中',
    done: '已完成',
  },
};
