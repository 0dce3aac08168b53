import type { Messages } from './en';

/** 简体中文: terms follow Binance's Chinese API documentation (保险基金, 交易对, 余额快照). */
export const zhCN: Messages = {
  // app
  'app.title': '保险基金余额',
  'app.subtitle': '币安 U本位合约',
  'app.demo': '演示数据',
  'app.demoHint': '这些数字来自内置的演示数据源，而非交易所。',
  'app.loading': '正在加载保险基金余额快照…',
  'app.crashed': '此部分未能显示，其余部分照常运行；重新加载页面即可重试。',
  'app.pools.one': '{count} 个资金池',
  'app.pools.other': '{count} 个资金池',
  'app.symbols.one': '{count} 个交易对',
  'app.symbols.other': '{count} 个交易对',
  // freshness
  'freshness.live': '实时',
  'freshness.stale': '数据过时',
  'freshness.offline': '离线',
  'freshness.connecting': '连接中',
  'freshness.lastRefresh': '上次刷新 {time}',
  'freshness.never': '尚无数据',
  // errors
  'error.invalidSymbol': '交易所没有“{symbol}”这个交易对。',
  'error.rateLimited': '交易所正在限制请求频率。看板将等待，并于 {time} 再次请求。',
  'error.banned': '交易所暂时封禁了本服务器的请求。看板将于 {time} 再次请求。',
  'error.unreachable': '无法连接交易所。看板会继续重试。',
  'error.timeout': '交易所未能及时响应。看板会继续重试。',
  'error.badResponse': '交易所返回了无法解析的数据（{detail}）。看板会继续重试。',
  'error.upstream': '交易所返回错误（HTTP {status}）。看板会继续重试。',
  'error.keptData': '下方显示的是最近一次成功获取的快照。',
  // pools
  'pools.members': '成员交易对',
  'pools.balances': '保证金余额',
  'pools.snapshot': '余额快照 {time}',
  'pools.justNow': '不到一分钟前',
  'pools.stale': '快照过时',
  'pools.staleHint': '此资金池的余额快照已超过 {minutes} 分钟未更新。',
  'pools.depleted': '接近耗尽',
  'pools.depletedHint': '此资金池每项余额都低于 {limit}。',
  'pools.change.up': '较上次刷新上升',
  'pools.change.down': '较上次刷新下降',
  'pools.change.drop': '较上次刷新大幅下降',
  // search
  // charts
  // export
  // wall
  // settings
  'settings.language': '语言',
  'settings.theme': '主题',
  'settings.theme.light': '浅色',
  'settings.theme.dark': '深色',
  'settings.theme.system': '跟随系统',
  // hardening
};
