import { useCallback, useState } from 'react';
import { uuidv7 } from '../../../src-shared/ids';
import {
  carrierSchema,
  type Carrier,
  type CarrierRecord,
} from '../../../src-shared/warehouse/carrier';
import { useRecordForm } from '../../components/use-record-form';
import { carrierFromForm, carrierProblems, type CarrierFormValues } from './carrier-form';

export type { CarrierFormValues } from './carrier-form';

/**
 * The carrier editor: the shared record form (each problem next to its field, in the reader's
 * language) with the carrier's own wording for a bad pattern or address, and which carrier
 * is open. A new carrier's id is fixed when it is opened, so a second save is an edit.
 */
export function useCarrierEditor() {
  const [editing, setEditing] = useState<{ id: string; existing?: CarrierRecord } | null>(null);
  const existing = editing?.existing;
  const id = editing?.id ?? '';
  const record = useRecordForm<CarrierFormValues, Carrier>({
    schema: carrierSchema,
    toRecord: (values) => carrierFromForm(values, id),
    mutation: 'carrier.save',
    toArgs: (carrier) => ({
      carrier,
      ...(existing ? { baseVersion: existing._v ?? 0 } : {}),
    }),
    problems: carrierProblems,
    savedMessage: (carrier) => ({ key: 'warehouse.carriers.saved', vars: { name: carrier.name } }),
    onSaved: () => setEditing(null),
  });
  const { form, reset } = record;

  const open = useCallback(
    (carrier: CarrierRecord | 'new') => {
      reset();
      form.resetFields();
      form.setFieldsValue(
        carrier === 'new'
          ? { modes: ['road'], active: true }
          : {
              name: carrier.name,
              modes: carrier.modes,
              trackingPattern: carrier.trackingPattern ?? '',
              trackingUrl: carrier.trackingUrl ?? '',
              active: carrier.active,
              freeText: carrier.freeText === true,
            },
      );
      setEditing(carrier === 'new' ? { id: uuidv7() } : { id: carrier.id, existing: carrier });
    },
    [form, reset],
  );

  return {
    form,
    editing,
    existing,
    open,
    close: () => setEditing(null),
    save: record.save,
    saving: record.saving,
    onValuesChange: record.onValuesChange,
  };
}
