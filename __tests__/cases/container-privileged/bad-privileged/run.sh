#!/bin/bash
docker run -d --privileged ghcr.io/example/agent:1.0
