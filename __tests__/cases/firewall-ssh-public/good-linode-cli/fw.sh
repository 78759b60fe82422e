#!/bin/bash
# The home address comes from a variable; a DROP rule closes.
linode-cli firewalls rules-update "$FW_ID" --inbound '[{"action":"ACCEPT","protocol":"TCP","ports":"22","addresses":{"ipv4":["'$HOME_IP'"]},"label":"ssh-home"},{"action":"DROP","protocol":"TCP","ports":"5432","addresses":{"ipv4":["0.0.0.0/0"]}}]'
