import { CheckCircleOutlined, CloseCircleOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Judgement } from '../../../src-shared/quality/plan';

/** Pass, fail or recorded: colour, an icon and the word, so colour is never the only cue. */
export function JudgementTag({ judgement, detail }: { judgement: Judgement; detail?: string }) {
  const { t } = useTranslation();
  const icon =
    judgement === 'pass' ? (
      <CheckCircleOutlined />
    ) : judgement === 'fail' ? (
      <CloseCircleOutlined />
    ) : (
      <InfoCircleOutlined />
    );
  const color = judgement === 'pass' ? 'success' : judgement === 'fail' ? 'error' : 'default';
  return (
    <Tag color={color} icon={icon} data-testid="judgement" data-judgement={judgement}>
      {t(`quality.judgement.${judgement}`)}
      {detail ? ` — ${detail}` : ''}
    </Tag>
  );
}
