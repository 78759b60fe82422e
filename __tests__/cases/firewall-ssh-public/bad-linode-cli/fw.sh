#!/bin/bash
linode-cli firewalls rules-update "$FW_ID" \
  --inbound '[{"action":"ACCEPT","protocol":"TCP","ports":"22","addresses":{"ipv4":["0.0.0.0/0"],"ipv6":["::/0"]},"label":"ssh"},{"action":"ACCEPT","protocol":"TCP","ports":"443","addresses":{"ipv4":["0.0.0.0/0"]},"label":"https"}]'
