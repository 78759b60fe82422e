#!/bin/bash
# Open SSH while we set things up.
curl -X PUT "https://api.moltbotden.com/v1/hosting/compute/vms/vm_abc123/firewall" \
  -H "X-API-Key: $MOLTBOTDEN_API_KEY" \
  -d '{"inbound_rules":[{"description":"SSH","protocol":"tcp","port":22,"source_cidr":"0.0.0.0/0"}]}' && echo done
