#!/usr/bin/env bash
PAYLOAD="{\"inbound_rules\": [{\"description\": \"db\", \"protocol\": \"tcp\", \"port\": 5432, \"source_cidr\": \"0.0.0.0/0\"}]}"
curl -X PUT "$API/firewall" -H "X-API-Key: $MOLTBOTDEN_API_KEY" -d "$PAYLOAD"
