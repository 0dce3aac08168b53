/**
 * The English catalogue, and the shape every other language must fill: a key missing from
 * another catalogue fails the typecheck. `{name}` marks a value put in at run time. The texts of
 * the views that travel apart (the symbol view's history, the wall, the export) are in
 * ./en-later, fetched with those views; the type of the catalogue holds both.
 */
import type { LaterMessages } from './en-later';

export const enFirst = {
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
  // what a shared link says it shows (page description, Open Graph)
  'meta.overview':
    'Every insurance fund pool of Binance USDⓈ-M futures: its balances, exact to the last digit, and the symbols it covers.',
  'meta.overviewFigures':
    '{pools} covering {symbols} on Binance USDⓈ-M futures, holding {totals} in insurance funds. Live balances of every pool, exact to the last digit.',
  'meta.symbol':
    'The insurance fund pool that covers {symbol} on Binance USDⓈ-M futures: its balances, exact to the last digit, and the symbols that share it.',
  'meta.symbolPool':
    '{symbol} is covered by the {pool} insurance fund pool of Binance USDⓈ-M futures ({symbols}), holding {balances}. Live balances, exact to the last digit.',
  // freshness
  'freshness.live': 'Live',
  'freshness.stale': 'Stale',
  'freshness.offline': 'Offline',
  'freshness.connecting': 'Connecting',
  'freshness.lastRefresh': 'Last refresh {time}',
  'freshness.never': 'No data yet',
  // errors: what happened, then what the dashboard does next
  'error.invalidSymbol': '“{symbol}” is not a symbol the exchange lists.',
  'error.rateLimited': 'The exchange is limiting requests.',
  'error.banned': 'The exchange has blocked requests from this server for a while.',
  'error.unreachable': 'The exchange could not be reached.',
  'error.timeout': 'The exchange did not answer in time.',
  'error.badResponse': 'The exchange sent an answer the dashboard cannot read ({detail}).',
  'error.upstream': 'The exchange answered with an error (HTTP {status}).',
  'error.emptyList':
    'The exchange answered with no insurance pools at all, where it listed them before: the dashboard takes this for a fault at the exchange, not for every pool gone.',
  // what the dashboard does next, after an error: the time its own timer keeps
  'error.next.waits': 'The dashboard waits and asks again at {time}.',
  'error.next.trying': 'The dashboard keeps trying.',
  'error.next.in': 'Next try in {time}.',
  'error.next.at': 'Next try at {time}.',
  'error.next.now': 'The dashboard is asking again now…',
  'error.keptData': 'The figures below are from the last good snapshot.',
  // what in the answer could not be read, for `error.badResponse`'s {detail}
  'error.detail.notJson': 'HTTP {status}, body is not JSON',
  'error.detail.field': '{path}: {problem}',
  'error.detail.answer': 'the answer',
  'error.expected.shape': 'the answer does not fit the expected shape',
  'error.expected.pools': 'expected a list of pools',
  'error.expected.pool': 'expected a pool',
  'error.expected.symbols': 'expected a list of symbols',
  'error.expected.symbol': 'expected a symbol',
  'error.expected.balances': 'expected a list of balances',
  'error.expected.balance': 'expected a balance',
  'error.expected.asset': 'expected an asset name',
  'error.expected.decimal': 'expected a decimal string',
  'error.expected.time': 'expected a time in milliseconds',
  'error.notRecorded': 'The recorded history has no trace of {symbol} yet.',
  'error.historyUnavailable':
    'The recorded history could not be had ({detail}). Live balances are unaffected.',
  'error.detail.noAnswer': 'the server did not answer',
  'error.detail.retryAt': 'asks again at {time}',
  'error.detail.status': 'HTTP {status}',
  // pools
  'pools.members': 'Member symbols',
  'pools.moreMembers.one': '+{count} more',
  'pools.moreMembers.other': '+{count} more',
  'pools.balances': 'Balances',
  'pools.snapshot': 'Snapshot {time}',
  'pools.justNow': 'just now',
  'pools.change.up': 'up since the last refresh',
  'pools.change.down': 'down since the last refresh',
  'pools.change.drop': 'sharp drop since the last refresh',
  'pools.move.up': 'up {size} since the last refresh',
  'pools.move.down': 'down {size} since the last refresh',
  'pools.move.drop': 'sharp drop of {size} since the last refresh',
  'pools.heading': 'All pools',
  'pools.sortBy': 'Sort by',
  'pools.sort.value': 'Value (USD)',
  'pools.sort.balance': 'Balance',
  'pools.sort.members': 'Number of symbols',
  'pools.sort.name': 'Name',
  'pools.asset': 'Asset',
  'pools.order': 'Order',
  'pools.dir.desc': 'Descending',
  'pools.dir.asc': 'Ascending',
  'pools.shown': 'Showing {shown} of {total} pools',
  'pools.empty': 'The exchange listed no insurance pools in this snapshot.',
  'pools.noMatch': 'No pool has a symbol containing “{filter}”.',
  'pools.clearFilter': 'Clear filter',
  'pools.sort.change1h': 'Change over 1 h',
  'pools.sort.change24h': 'Change over 24 h',
  'pools.sort.change7d': 'Change over 7 d',
  'pools.col.pool': 'Pool',
  'pools.col.value': 'Value (USD)',
  'pools.col.balances': 'Balances',
  'pools.col.spark': 'Last 24 h',
  'pools.table':
    'All pools, one row each: members, value, balances, their changes over 1 h, 24 h and 7 d, and the last 24 h.',
  'pools.sortHint': 'Select a column heading to sort by it; select it again to reverse the order.',
  'pools.showMembers': 'Show all {count} symbols',
  'pools.hideMembers': 'Show fewer symbols',
  'overview.heading': 'At a glance',
  'overview.change24h': 'Change over 24 h',
  'overview.atToday': 'Both ends valued at today’s index.',
  'overview.counted': 'Across {counted} of {total} pools.',
  'overview.leftShort.one': '{count} pool without 24 h of history is left out.',
  'overview.leftShort.other': '{count} pools without 24 h of history are left out.',
  'overview.leftRegrouped.one': '{count} pool whose members changed is left out.',
  'overview.leftRegrouped.other': '{count} pools whose members changed are left out.',
  'overview.noChange': 'The recorded history does not reach back 24 h yet: no change to give.',
  'overview.historyPending': 'Reading the recorded history…',
  'overview.assets': 'Each asset across pools, and its change over 24 h',
  'overview.falls': 'Fell most in 24 h',
  'overview.noFalls': 'No pool fell over the last 24 h.',
  'overview.fallsNote': 'By share of value; pools whose members changed are not ranked.',
  'overview.openPool': 'Open the pool of {symbol}',
  'pools.summary.totals': 'Total of each asset across pools',
  'pools.summary.snapshot': 'Snapshot taken',
  'pools.summary.fetched': 'Last fetched',
  // search
  'search.label': 'Search symbol',
  'search.placeholder': 'BTCUSDT, pepe, 币安人生…',
  'search.submit': 'Search',
  'search.hint': 'Typing narrows the pools below; Enter opens the best match.',
  'search.ignored': 'Only letters, digits and _ narrow the list; other characters are ignored.',
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
  // charts
  'charts.title': 'Balances by asset',
  'charts.loading': 'Loading the chart…',
  'charts.held': 'With this many pools, the charts are drawn when you scroll to them.',
  // export
  // wall
  'wall.label': 'Insurance fund monitoring wall',
  // value: dollar estimates from the exchange's asset index, and the flags
  'value.label': 'Estimated value in US dollars',
  'value.amount': '≈ ${amount}',
  'value.usd': '${amount}',
  'value.hint':
    'An estimate: each balance × Binance’s multi-assets mode index of the asset in dollars, as of {time}. Not a price the fund could sell at.',
  'value.unvalued': 'Not valued (no USD index): {assets}',
  'value.none': 'No dollar value: none of its assets has a USD index ({assets}).',
  'value.missing':
    'Dollar values are not shown: the asset index could not be had. {reason} Balances are shown as the exchange sent them.',
  'value.outdated':
    'The asset index could not be refreshed. {reason} Dollar values use the index of {time}.',
  'value.sortFallback': 'Until it can, pools are sorted by their {asset} balance.',
  'flags.low': 'Low',
  'flags.drawnDown': 'Drawn down',
  'flags.stale': 'Stale',
  'flags.lowValue': 'Worth {usd}, under the threshold of {threshold}.',
  'flags.lowZero': 'A balance of zero: {assets}.',
  'flags.peak7d': '{from} at its 7-day peak, {to} now ({change}): more than {limit} below it.',
  'flags.24h': '{from} 24 hours ago, {to} now ({change}): more than {limit} down.',
  'flags.atToday': 'Balances then and now, both valued at today’s index:',
  'flags.staleLearned':
    'Snapshot {age} old: this pool’s snapshots usually come every {interval}, so it is stale after {after}.',
  'flags.staleFloor':
    'Snapshot {age} old, more than {after}. The usual interval between this pool’s snapshots is not known yet (no recorded history), so only that minimum applies.',
  'flags.noHistory':
    'Drawn down needs the recorded history, which could not be had: it is not judged for now.',
  'flags.count': '{flag}: {count}',
  'pools.summary.value': 'Estimated value of all pools',
  'pools.summary.flags': 'Flagged pools',
  // history: the symbol's pool over time, as this dashboard's server recorded it
  'history.range.1h': 'Last hour',
  'history.range.24h': 'Last 24 hours',
  'history.range.7d': 'Last 7 days',
  'history.range.30d': 'Last 30 days',
  'history.range.all': 'All recorded',
  // events: what the history saw happen
  'events.title': 'Recent events',
  'events.poolTitle': 'Events of this pool',
  'events.window.7d': 'The last 7 days, newest first.',
  'events.window.range': '{range}, newest first, for every pool that covered {symbol}.',
  'events.loading': 'Loading the events…',
  // settings
  'settings.language': 'Language',
  'settings.theme': 'Theme',
  'settings.theme.light': 'Light',
  'settings.theme.dark': 'Dark',
  'settings.theme.system': 'System',
  // changes over time, from the recorded history
  'change.window.1h': '1 h',
  'change.window.24h': '24 h',
  'change.window.7d': '7 d',
  'change.none': 'not enough history',
  'change.noneHint':
    'The recorded history does not reach back {window} yet, so no change is given.',
  'change.regrouped': 'members changed',
  'change.regroupedHint':
    'The pool’s members changed within these {window}: part of the move may be symbols changing pools, not a gain or a loss.',
  'change.hint': '{asset}: {from} at {fromTime}, {to} at {toTime}.',
  'spark.label': '{asset} balance over 24 h: {from} to {to}',
  'spark.none': 'No 24 h history yet',
  // hardening
  // ADL risk: the exchange's rating of each symbol (core/adl)
  'pools.sort.adl': 'ADL risk (most rated high first)',
  'adl.counts': 'ADL risk: {high} high · {medium} medium · {low} low',
  'adl.unrated': '({count} not rated)',
  'adl.highNamed': 'Rated high: {symbols}',
  'adl.unavailable':
    'The exchange’s ADL risk ratings are unavailable since {time}; the pools, balances and history are unaffected.',
  'adl.level.low': 'low',
  'adl.level.medium': 'medium',
  'adl.level.high': 'high',
  'adl.level.unknown': 'unknown rating',
  // a past moment (?at=, ?vs=): features/moments
  'moment.ignored.at.format':
    'The link’s moment “{raw}” is not a time the dashboard can read (ISO 8601 with a zone, such as {example}, or milliseconds): showing live data.',
  'moment.ignored.at.repeated': 'The link names more than one moment: showing live data.',
  'moment.ignored.at.future': 'The link’s moment “{raw}” is in the future: showing live data.',
  'moment.ignored.vs.format':
    'The link’s comparison moment “{raw}” is not a time the dashboard can read: no change is shown.',
  'moment.ignored.vs.repeated':
    'The link names more than one comparison moment: no change is shown.',
  'moment.ignored.vs.future':
    'The link’s comparison moment “{raw}” is in the future: no change is shown.',
  'moment.ignored.vs.order':
    'The comparison moment “{raw}” must be before the moment shown: no change is shown.',
  'moment.ignored.vs.alone':
    'A comparison moment (vs) needs a moment to compare with it (at): showing live data.',
  // what a past moment's link says it shows (title, description): app/page-meta.ts
  'meta.momentTitle': 'As recorded at {utc}',
  'meta.momentVsTitle': 'As recorded at {utc}, change since {vs}',
  'meta.moment':
    'Every insurance fund pool of Binance USDⓈ-M futures as recorded at {utc}: its balances, exact to the last digit. Recorded, not live.',
  'meta.momentVs':
    'Every insurance fund pool of Binance USDⓈ-M futures as recorded at {utc}, and each balance’s exact change since {vs}. Recorded, not live.',
} satisfies Record<string, string>;

export type MessageKey = keyof typeof enFirst | keyof LaterMessages;
export type Messages = Record<MessageKey, string>;
