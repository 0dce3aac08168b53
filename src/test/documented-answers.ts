import type { Pool } from '../core/pool-schema';

/** Both example answers from the endpoint's documentation, as published. */
export const documentedPool: Pool = {
  symbols: [
    'BNBUSDT',
    'BTCUSDT',
    'BTCUSDT_250627',
    'BTCUSDT_250926',
    'ETHBTC',
    'ETHUSDT',
    'ETHUSDT_250627',
    'ETHUSDT_250926',
  ],
  assets: [
    { asset: 'USDC', marginBalance: '299999998.6497832', updateTime: 1745366402000 },
    { asset: 'USDT', marginBalance: '793930579.315848', updateTime: 1745366402000 },
    { asset: 'BTC', marginBalance: '61.73143554', updateTime: 1745366402000 },
    { asset: 'BNFCR', marginBalance: '633223.99396922', updateTime: 1745366402000 },
  ],
};
export const documentedPools: Pool[] = [
  {
    symbols: [
      'ADAUSDT',
      'BCHUSDT',
      'DOTUSDT',
      'EOSUSDT',
      'ETCUSDT',
      'LINKUSDT',
      'LTCUSDT',
      'TRXUSDT',
      'XLMUSDT',
      'XMRUSDT',
      'XRPUSDT',
    ],
    assets: [{ asset: 'USDT', marginBalance: '314151411.06482935', updateTime: 1745366402000 }],
  },
  {
    symbols: ['ACTUSDT', 'MUBARAKUSDT', 'OMUSDT', 'TSTUSDT'],
    assets: [{ asset: 'USDT', marginBalance: '5166686.84431694', updateTime: 1745366402000 }],
  },
];
