import { createClient } from '@supabase/supabase-js';

// The anon key is public by design: row-level security protects the data.
const SUPABASE_URL = 'https://{{lower:20}}.supabase.co';
const SUPABASE_ANON_KEY = '{{jwt:iss=supabase,ref=agentproj,role=anon,iat=1700000000,exp=2015000000}}';

export const supabase = createClient(SUPABASE_URL, SUPABASE_ANON_KEY, {
  auth: { persistSession: true, storageKey: 'agentco-auth-token' },
});
