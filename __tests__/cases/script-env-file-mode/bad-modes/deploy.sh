#!/usr/bin/env bash
cp .env.production /app/.env
chmod 644 /app/.env
chmod a+r "$APP_DIR/.env.production"
sudo install -m 0644 -o agent .env /app/.env
install deploy/agent.env /etc/agent/agent.env
chmod -R 755 /app/.env
