#!/usr/bin/env bash
# Post-deploy smoke test against production.
set -euo pipefail
BASE=https://api.agentco.io
curl -fsS "$BASE/healthz"
curl -fsS -H "Authorization: Bearer {{alnum:48}}" "$BASE/v1/agents?limit=1" {{secret:http-bearer-token}}
curl -fsS -H "Authorization: Bearer $SMOKE_TOKEN" "$BASE/v1/agents/vm_abc123"
curl -fsS "https://monitor:{{token:24}}@status.agentco.io/api/push/agents?status=up" {{secret:url-embedded-credentials}}
mysql "mysql://reporter:{{alnum:20}}@10.0.1.8:3306/reports" -e 'select 1' {{secret:mysql-connection-string}}
sqlcmd -S "sqlserver://sa:{{alnum:20}}@sql.db.internal:1433/agents" -Q "SELECT 1" {{secret:mssql-connection-string}}
