#!/usr/bin/env bash
install -m 600 -o agent -g agent .env.production /app/.env
chmod 600 /app/.env && chown agent:agent /app/.env
chmod go-rwx /app/.env
chmod 640 /app/.env
chmod 644 .env.example
chmod 755 /app/run.sh
