#!/bin/bash
docker run -d --network host -e POSTGRES_PASSWORD_FILE=/run/secrets/pg postgres:16
docker run -d --net=host redis:7 redis-server --bind 127.0.0.1
docker run -d --network host nginx:1.27
