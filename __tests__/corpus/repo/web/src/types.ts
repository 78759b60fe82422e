export interface AgentSettings {
  apiKey: string;
  apiSecret?: string;
  password: string | null;
  accessToken: string;
  refreshToken?: string;
  webhookSecret: string;
  clientSecret: string;
  privateKey?: string;
}

export type TokenKind = 'access_token' | 'refresh_token' | 'id_token';
export const DEFAULT_SETTINGS: Partial<AgentSettings> = { apiKey: '', password: null, accessToken: '' };
