#!/bin/sh
set -eu
docker run -d --name portainer -v /var/run/docker.sock:/var/run/docker.sock:ro portainer/portainer-ce
docker run -itv/run/docker.sock:/var/run/docker.sock docker:27 sh
podman run --rm --mount type=bind,source=/var/run/docker.sock,target=/var/run/docker.sock,readonly example/agent
# Rootless: the user's own daemon.
docker run --rm -v "$XDG_RUNTIME_DIR/docker.sock:/var/run/docker.sock" example/agent
docker run --rm -v /srv/data:/data example/agent
