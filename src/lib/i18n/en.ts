/**
 * The English catalogue, and the shape every other language must fill: a key missing from
 * another catalogue fails the typecheck. `{name}` marks a value put in at run time.
 */
export const en = {
  // app
  'app.title': 'Insurance fund balances',
  'app.subtitle': 'Binance USDⓈ-M futures',
  'app.demo': 'Demo data',
  'app.demoHint': 'These figures come from the built-in demo upstream, not from the exchange.',
  'app.loading': 'Loading the insurance fund snapshot…',
  'app.crashed':
    'This part of the dashboard failed to show. The rest keeps working; reload the page to try it again.',
  'app.pools.one': '{count} pool',
  'app.pools.other': '{count} pools',
  'app.symbols.one': '{count} symbol',
  'app.symbols.other': '{count} symbols',
  // freshness
  'freshness.live': 'Live',
  'freshness.stale': 'Stale',
  'freshness.offline': 'Offline',
  'freshness.connecting': 'Connecting',
  'freshness.lastRefresh': 'Last refresh {time}',
  'freshness.never': 'No data yet',
  // errors: what happened, then what the dashboard does next
  'error.invalidSymbol': '“{symbol}” is not a symbol the exchange lists.',
  'error.rateLimited':
    'The exchange is limiting requests. The dashboard waits and asks again at {time}.',
  'error.banned':
    'The exchange has blocked requests from this server for a while. The dashboard asks again at {time}.',
  'error.unreachable': 'The exchange could not be reached. The dashboard keeps trying.',
  'error.timeout': 'The exchange did not answer in time. The dashboard keeps trying.',
  'error.badResponse':
    'The exchange sent an answer the dashboard cannot read ({detail}). The dashboard keeps trying.',
  'error.upstream':
    'The exchange answered with an error (HTTP {status}). The dashboard keeps trying.',
  'error.keptData': 'The figures below are from the last good snapshot.',
  // pools
  'pools.members': 'Member symbols',
  'pools.balances': 'Balances',
  'pools.snapshot': 'Snapshot {time}',
  'pools.justNow': 'just now',
  'pools.stale': 'Stale snapshot',
  'pools.staleHint': 'This pool’s snapshot has not been updated for more than {minutes} minutes.',
  'pools.depleted': 'Near zero',
  'pools.depletedHint': 'Every balance of this pool is below {limit}.',
  'pools.change.up': 'up since the last refresh',
  'pools.change.down': 'down since the last refresh',
  'pools.change.drop': 'sharp drop since the last refresh',
  'pools.heading': 'All pools',
  'pools.sortBy': 'Sort by',
  'pools.sort.balance': 'Balance',
  'pools.sort.members': 'Number of symbols',
  'pools.sort.name': 'Name',
  'pools.asset': 'Asset',
  'pools.order': 'Order',
  'pools.dir.desc': 'Descending',
  'pools.dir.asc': 'Ascending',
  'pools.filter': 'Filter by symbol',
  'pools.filterPlaceholder': 'e.g. PEPE',
  'pools.filterIgnored':
    'Only letters, digits and _ narrow the list; other characters are ignored.',
  'pools.shown': 'Showing {shown} of {total} pools',
  'pools.empty': 'The exchange listed no insurance pools in this snapshot.',
  'pools.noMatch': 'No pool has a symbol containing “{filter}”.',
  'pools.clearFilter': 'Clear filter',
  'pools.summary.heading': 'Summary',
  'pools.summary.totals': 'Total of each asset across pools',
  'pools.summary.snapshot': 'Snapshot taken',
  'pools.summary.fetched': 'Last fetched',
  // search
  'search.label': 'Search symbol',
  'search.placeholder': 'BTCUSDT, pepe, 币安人生…',
  'search.submit': 'Search',
  'search.suggestions': 'Suggestions',
  'search.count.one': '{count} suggestion',
  'search.count.other': '{count} suggestions',
  'search.more.one': '{count} more match: keep typing to narrow it down',
  'search.more.other': '{count} more matches: keep typing to narrow them down',
  'search.noSuggestion': 'No known symbol contains “{text}”. Enter still asks the exchange.',
  'search.empty': 'Type a symbol to search for, such as BTCUSDT.',
  'search.tooLong': '“{text}” is longer than {max} characters, so it cannot be a futures symbol.',
  'search.characters':
    '“{text}” cannot be a futures symbol: a symbol has only letters, digits and _.',
  'search.loading': 'Looking up {symbol}…',
  'search.heading': 'Pool of {symbol}',
  'search.keptPool': 'Still showing the pool of {symbol}, found before.',
  'search.nearMatches': 'Did you mean:',
  'search.noNearMatches':
    'No listed symbol is close to it: check the spelling, or pick one from the search suggestions.',
  'search.rank': '{ordinal} largest {asset} pool of {count}',
  'search.rankFirst': 'Largest {asset} pool of {count}',
  'search.ordinal.one': '{n}st',
  'search.ordinal.two': '{n}nd',
  'search.ordinal.few': '{n}rd',
  'search.ordinal.other': '{n}th',
  'search.copy': 'Copy link',
  'search.copied': 'Link copied.',
  'search.copyFailed': 'This browser did not allow copying. Select the link below and copy it.',
  'search.link': 'Link to this view',
  'search.close': 'Show all pools',
  // charts
  'charts.title': 'Balances by asset',
  'charts.scale': 'Scale',
  'charts.scale.log': 'Logarithmic',
  'charts.scale.linear': 'Linear',
  'charts.caption': '{asset}: balance of each pool, largest first',
  'charts.summary': '{pools} · total {total} {asset}',
  'charts.chartName.log': '{asset} balance by pool, logarithmic scale',
  'charts.chartName.linear': '{asset} balance by pool, linear scale',
  'charts.topBars':
    'The chart draws the {shown} largest of {count} pools; the table lists every one.',
  'charts.loading': 'Loading the chart…',
  'charts.table': 'Table: {asset} balance of each pool',
  'charts.col.rank': 'Rank',
  'charts.col.pool': 'Pool',
  'charts.col.balance': 'Balance ({asset})',
  'charts.col.members': 'Symbols',
  'charts.searched': 'pool of the searched symbol',
  'charts.members.one': '{count} symbol',
  'charts.members.other': '{count} symbols',
  'charts.leading': 'Leading: {symbols}',
  'charts.clamped': 'Below the log scale’s lower bound of {floor}: drawn at that bound.',
  'charts.open': 'Click the bar to open this pool.',
  'charts.desc':
    'Arrow keys move from pool to pool; the table below the chart lists the same figures.',
  'charts.empty': 'No pool holds any asset in this snapshot.',
  // export
  'export.title': 'Export',
  'export.csv': 'Download CSV',
  'export.json': 'Download JSON',
  'export.snapshot': 'The snapshot of {time}, every balance exact.',
  'export.spreadsheetHint':
    'Spreadsheets keep 15 significant digits of a number: to keep every digit, import the balance column as text, or use the JSON file.',
  'export.failed':
    'The file could not be prepared in this browser. The figures on screen are unaffected.',
  'export.empty': 'Nothing to export yet: no snapshot has arrived.',
  // wall
  // settings
  'settings.language': 'Language',
  'settings.theme': 'Theme',
  'settings.theme.light': 'Light',
  'settings.theme.dark': 'Dark',
  'settings.theme.system': 'System',
  // hardening
} satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
