#!/bin/sh
# Old-style runner registration (deprecated in GitLab 16, still used on the legacy fleet).
gitlab-runner register \
  --url https://gitlab.agentco.io \
  --registration-token GR1348941{{token:20}} \ {{secret:gitlab-runner-registration-token}}
  --executor shell \
  --description "legacy-$(hostname)"
