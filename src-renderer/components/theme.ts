import type { ThemeConfig } from 'antd';

/**
 * Dense enough for tables at 1366×768, but every control at least 36 px high so gloved
 * fingers on a workshop touch screen hit it. Fonts: Windows and Linux PCs in Chinese
 * factories have YaHei or Noto CJK, so Chinese never falls back to a bitmap font.
 */
export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1f5fbf',
    colorInfo: '#1f5fbf',
    borderRadius: 4,
    fontSize: 14,
    controlHeight: 36,
    controlHeightSM: 28,
    controlHeightLG: 44,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Noto Sans SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: {
      headerHeight: 52,
      headerPadding: '0 16px',
      headerBg: '#ffffff',
      siderBg: '#ffffff',
      bodyBg: '#f3f5f8',
    },
    Menu: {
      itemHeight: 40,
      itemMarginInline: 8,
      itemBorderRadius: 4,
      activeBarBorderWidth: 0,
    },
    Table: {
      cellPaddingBlock: 8,
      cellPaddingInline: 12,
      headerBg: '#f7f8fa',
    },
    Form: {
      itemMarginBottom: 18,
    },
  },
};
