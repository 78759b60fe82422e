import { createClient } from '@supabase/supabase-js';

// Server-side only. Bypasses row-level security.
export const admin = createClient(
  'https://{{lower:20}}.supabase.co',
  '{{jwt:iss=supabase,ref=agentproj,role=service_role,iat=1700000000,exp=2015000000}}', {{secret:supabase-service-role-key}}
  { auth: { autoRefreshToken: false, persistSession: false } },
);
