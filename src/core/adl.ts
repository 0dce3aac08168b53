/** The exchange's ADL risk rating of a symbol (`GET /fapi/v1/symbolAdlRisk`). */
export type AdlLevel = 'low' | 'medium' | 'high' | 'unknown';

export interface AdlRating {
  symbol: string;
  level: AdlLevel;
  updateTime: number;
}
