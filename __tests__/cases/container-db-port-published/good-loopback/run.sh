#!/bin/sh
docker run -d -p 127.0.0.1:5432:5432 postgres:16
docker run --rm postgres:16 psql -p 5432 -h 10.0.1.5
