// Row type of settings operators change live (rate limits…): JSON values, read with a short cache.
export interface SettingsTable {
  key: string;
  value: string;
  updated_at: number;
}
