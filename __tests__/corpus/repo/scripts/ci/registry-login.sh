#!/usr/bin/env bash
# Logs the build host into every registry the images come from.
set -euo pipefail
echo "$GHCR_TOKEN" | docker login ghcr.io -u agentco-bot --password-stdin
docker login -u gitlab+deploy-token-12 -p gldt-{{alnum:20}} registry.gitlab.com {{secret:gitlab-deploy-token}}
jf config add agentco --url https://agentco.jfrog.io --access-token cmVmdGtuOjAxOj{{alnum:50}} --interactive=false {{secret:jfrog-reference-token}}
docker login -u agentco -p "$DOCKERHUB_TOKEN"
git clone https://deploy:ATBB{{alnum:28}}{{HEX:8}}@bitbucket.org/agentco/legacy-billing.git /srv/legacy {{secret:bitbucket-app-password}}
