#!/bin/sh
curl -s "https://api.vultr.com/v2/firewalls/${FIREWALL_ID}/rules" \
  -X POST -H "Authorization: Bearer ${VULTR_API_KEY}" -H "Content-Type: application/json" \
  --data '{"ip_type": "v4", "protocol": "tcp", "subnet": "0.0.0.0", "subnet_size": 0, "port": "22", "notes": "ssh"}'
