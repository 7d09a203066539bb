import type { FormInstance } from 'antd';

/** Moves focus into a form field (antd hands back the input's own ref). */
export function focusField<T>(form: FormInstance<T>, name: keyof T & string): void {
  const input: unknown = form.getFieldInstance(name as never);
  if (input && typeof (input as { focus?: unknown }).focus === 'function') {
    (input as { focus: () => void }).focus();
  }
}
