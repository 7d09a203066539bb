import { Empty, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartmentId } from '../../src-shared/departments';
import { useDocumentTitle } from './use-document-title';

/**
 * The frame every department screen shares: its title as the page's one <h1>, the line that
 * says what the department does here, then the screen's content (an empty state until there
 * is some).
 */
export function DepartmentPage({
  id,
  extra,
  children,
}: {
  id: DepartmentId;
  /** Actions at the right of the title. */
  extra?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const title = t(`departments.${id}.title`);
  useDocumentTitle(title);
  return (
    <section className="department-page" aria-labelledby="page-title" data-department={id}>
      <header className="department-page__header">
        <div>
          <Typography.Title level={1} id="page-title" className="department-page__title">
            {title}
          </Typography.Title>
          <Typography.Paragraph type="secondary" className="department-page__description">
            {t(`departments.${id}.description`)}
          </Typography.Paragraph>
        </div>
        {extra ? <div className="department-page__extra">{extra}</div> : null}
      </header>
      {children ?? (
        <div className="department-page__empty">
          <Empty description={t(`departments.${id}.empty`)} />
        </div>
      )}
    </section>
  );
}
