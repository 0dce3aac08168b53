/**
 * The English texts of the parts that travel in chunks of their own (the symbol view, its history,
 * the wall, the export, the charts, the events): fetched with them (./catalogues
 * `loadLaterTexts`), so the overview's first paint does not carry them.
 */
export const enLater = {
  'export.title': 'Export',
  'export.csv': 'Download CSV',
  'export.json': 'Download JSON',
  'export.symbolsCsv': 'Download symbols (CSV)',
  'export.layout':
    'The CSV has one row per pool and asset, the pool’s symbols in one column, so balances add up to the true totals. The symbols file says which pool covers each symbol, without balances.',
  'export.snapshot': 'The snapshot of {time}, every balance exact.',
  'export.spreadsheetHint':
    'Spreadsheets keep 15 significant digits of a number: to keep every digit, import the balance column as text, or use the JSON file.',
  'export.failed':
    'The file could not be prepared in this browser. The figures on screen are unaffected.',
  'export.empty': 'Nothing to export yet: no snapshot has arrived.',
  'wall.snapshot': 'Snapshot',
  'wall.noSnapshot': 'No snapshot yet',
  'wall.nextRefresh': 'Next refresh',
  'wall.nextIn': 'in {time}',
  'wall.refreshing': 'refreshing now…',
  'wall.retrying': 'retrying…',
  'wall.pausedUntil': 'paused by the exchange, asks again at {time}',
  'wall.retryIn': 'trying again in {time}',
  'wall.clock': 'Local time',
  'wall.pools': 'Insurance pools',
  'wall.page': 'Page {page} of {pages}',
  'wall.drops.one': '{count} sharp drop in the last {hold}:',
  'wall.drops.other': '{count} sharp drops in the last {hold}:',
  'wall.drop': '{name}: {amount} {asset} ({percent}) at {time}',
  'wall.dropPage': 'page {page}',
  'wall.headline': 'At a glance',
  'wall.value': 'Estimated value',
  'wall.change': 'Change over 24 h',
  'wall.biggestFall': 'Biggest fall in 24 h',
  'wall.noFall': 'No pool fell',
  'wall.noHistory': 'No 24 h history yet',
  'wall.dropsMore': 'and {count} more',
  'wall.empty': 'The exchange lists no insurance pools right now.',
  'history.title': 'History of the pool',
  'history.intro':
    'The balance of whichever pool covered {symbol} at each moment, as this dashboard’s server recorded it. Where the record has a gap the chart is left blank; where the pool changed, the change is marked and never drawn as a loss.',
  'history.range': 'Range',
  'history.rangeIgnored':
    'The link asks for the range “{asked}”, which this view does not know. Shown instead: {range}. The ranges a link may name are {ranges}.',
  'history.loading': 'Loading the history of {symbol}…',
  'history.chartsLoading': 'Loading the history chart…',
  'history.previous': 'Still showing the range before while this one loads.',
  'history.notRecordedHint':
    'The server records the pool list every minute or so; the symbol’s history starts with the first snapshot that lists it.',
  'history.empty':
    'No balance of this pool was recorded in this range: it has not changed, or the server was not recording. Try a longer range.',
  'history.thinned':
    'The range holds more records than the chart draws: each point is the last balance of its stretch of time.',
  'history.span': 'From {from} to {to}',
  'history.points.one': '{count} point',
  'history.points.other': '{count} points',
  'history.caption': '{asset}: balance over time',
  'history.chartName.log': '{asset} balance over time, logarithmic scale',
  'history.chartName.linear': '{asset} balance over time, linear scale',
  'history.desc':
    'Arrow keys move from point to point, Home and End jump to the first and the last; the table below the chart lists the same figures.',
  'history.held': 'Unchanged until {time}.',
  'history.inPool': 'Pool: {pool}',
  'history.regroupedMark': 'Pool changed',
  'history.regrouping':
    '{time}: {symbol} moved from the pool {from} to the pool {to}. From then on the chart shows the new pool’s balances.',
  'history.gap':
    'No record from {from} to {to} ({duration}): the server received no snapshot then.',
  'history.value.caption': 'Estimated value in US dollars over time',
  'history.value.chartName.log': 'Estimated value in US dollars over time, logarithmic scale',
  'history.value.chartName.linear': 'Estimated value in US dollars over time, linear scale',
  'history.value.hint':
    'Each balance × the USD index the server recorded beside it, added up: an estimate, not a price the fund could sell at.',
  'history.value.none':
    'No value in dollars over time: the history holds no recorded USD index for {assets}.',
  'history.table': 'Table: {asset} balance over time',
  'history.value.table': 'Table: estimated value in US dollars over time',
  'history.col.time': 'Time (UTC)',
  'history.col.value': 'Value (USD)',
  'history.row.regrouped': 'first point in this pool',
  'history.row.afterGap': 'first point after a gap in the record',
  'history.export.csv': 'Download this history (CSV)',
  'history.export.json': 'Download this history (JSON)',
  'history.export.hint':
    'The range on screen: one row per point and asset, every balance exact, times in UTC, with the pool of each point and the USD index where it was recorded.',
  'export.everyPool.title': 'History of every pool',
  'export.everyPool.csv': 'Download every pool’s history (CSV)',
  'export.everyPool.json': 'Download every pool’s history (JSON)',
  'export.everyPool.jsonl': 'Download every pool’s history (JSON lines)',
  'export.everyPool.hint':
    'Every recorded snapshot of every pool in the range, streamed by the server, every balance exact. The CSV has one row per snapshot, pool and asset, times in UTC and in ms; the JSON is one document of the range and its snapshots; the JSON lines are the format the server’s history command exports and imports, so another server’s history can take them in.',
  'export.everyPool.missing':
    'The recorded history cannot be had from this server right now, so it cannot be downloaded.',
  'export.everyPool.busy':
    'The server is making other history downloads; try again in {seconds} s. Nothing was downloaded.',
  'export.everyPool.unreadable':
    'The server cannot read its history right now; try again later. Nothing was downloaded.',
  'export.everyPool.none': 'This server keeps no history to download.',
  'export.everyPool.refused':
    'The server refused this download ({status}). Nothing was downloaded.',
  'export.everyPool.unreachable': 'The server could not be reached. Nothing was downloaded.',
  // search, charts and events, in their views
  'search.loading': 'Looking up {symbol}…',
  'search.heading': 'Pool of {symbol}',
  'search.result': 'Search result',
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
  'charts.scale': 'Scale',
  'charts.scale.log': 'Logarithmic',
  'charts.scale.linear': 'Linear',
  'charts.caption': '{asset}: balance of each pool, largest first',
  'charts.summary': '{pools} · total {total} {asset}',
  'charts.chartName.log': '{asset} balance by pool, logarithmic scale',
  'charts.chartName.linear': '{asset} balance by pool, linear scale',
  'charts.topBars':
    'The chart draws the {shown} largest of {count} pools; the table lists every one.',
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
  'charts.openEnter': 'Press Enter to open this pool.',
  'charts.desc':
    'Arrow keys move from pool to pool and Enter opens it; the table below the chart lists the same figures.',
  'charts.empty': 'No pool holds any asset in this snapshot.',
  'charts.flagged': 'Flagged: {flags}',
  'events.none':
    'Nothing happened in this range: no symbol changed pools, no pool appeared or went, no balance fell more than 5 % within an hour.',
  'events.kind.moved': 'Moved',
  'events.kind.appeared': 'New pool',
  'events.kind.gone': 'Pool gone',
  'events.kind.listed': 'Listed',
  'events.kind.delisted': 'Delisted',
  'events.kind.drop': 'Drop',
  'events.moved': '{symbols} moved from the pool {from} to the pool {to}.',
  'events.appeared': 'A new pool began: {pool}.',
  'events.gone': 'The pool {pool} ended.',
  'events.listed': '{symbols} listed, in the pool {pool}.',
  'events.delisted': '{symbols} no longer listed; last in the pool {pool}.',
  'events.drop':
    'The pool {pool}: {asset} fell {percent} within an hour, from {before} to {after}.',
  'events.members.one': '{count} symbol',
  'events.members.other': '{count} symbols',
  'events.more': 'Show all {count} events',
  'events.fewer': 'Show the latest only',
  'events.cut': 'The list stops at the latest {count} events.',
  // ADL risk of one symbol (core/adl)
  'adl.title': 'ADL risk',
  'adl.rated': 'The exchange rates {symbol}',
  'adl.heldSince': 'since {time} ({duration})',
  'adl.notRated': 'The exchange gives {symbol} no ADL risk rating.',
  'adl.explain':
    'The exchange’s own rating of how likely auto-deleveraging is for this symbol, judged from its insurance fund balance, position concentration, depth, volatility, leverage and margin use; updated every 30 minutes.',
  'adl.band': 'ADL risk of {symbol} over the range',
  'adl.changeAt': '{time}: rated {level}',
  'adl.noChange': 'No change of the rating of {symbol} in this range.',
  'events.kind.adl': 'ADL risk',
  'events.adl': '{symbols} in the pool {pool}: ADL risk {from} → {to}.',
  'events.adlAlone': '{symbols}: ADL risk {from} → {to}.',
  // the history's fitted axis
  'history.axisFitted':
    'The axis is fitted to the range shown and does not start at zero: a small move looks large.',
} satisfies Record<string, string>;

export type LaterMessages = typeof enLater;
