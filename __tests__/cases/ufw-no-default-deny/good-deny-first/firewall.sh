#!/usr/bin/env bash
ufw default deny incoming && ufw default allow outgoing
ufw allow from 203.0.113.5 to any port 22 proto tcp
ufw --force enable
