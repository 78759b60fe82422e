#!/usr/bin/env bash
set -euo pipefail
docker run -d --name db --rm \
  -e POSTGRES_PASSWORD_FILE=/run/secrets/pg \
  -p 5432:5432 postgres:16
docker run -it --rm postgres:16 psql -h 10.0.1.5 -p 5432 -U agent
sudo docker run -d -p127.0.0.1:6379:6379 redis:7
podman run -d --publish=3306:3306 mariadb:11
