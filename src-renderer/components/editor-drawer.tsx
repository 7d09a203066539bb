import { Button, Drawer } from 'antd';
import type { ReactNode } from 'react';

/**
 * The side panel every record editor opens in (products, customers, packing specs, carriers):
 * the record's name as title and its save button in the corner, so saving is in the same place
 * on every screen.
 */
export function EditorDrawer(props: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  saving: boolean;
  onSave: () => void;
  saveLabel: string;
  saveTestId: string;
  width?: number;
  /** Keep the form mounted while closed, for a form instance used before it first opens. */
  forceRender?: boolean;
  children: ReactNode;
}) {
  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      size={props.width ?? 640}
      title={props.title}
      {...(props.forceRender ? { forceRender: true } : {})}
      extra={
        <Button
          type="primary"
          loading={props.saving}
          onClick={props.onSave}
          data-testid={props.saveTestId}
        >
          {props.saveLabel}
        </Button>
      }
    >
      {props.children}
    </Drawer>
  );
}
