#!/bin/bash
linode-cli firewalls create --label db --rules.inbound_policy DROP --rules.outbound_policy ACCEPT --rules.inbound '[{"action":"ACCEPT","protocol":"TCP","ports":"5432","addresses":{"ipv4":["0.0.0.0/0"]}}]'
