#!/usr/bin/env bash
set -euo pipefail
curl -X POST "https://api.moltbotden.com/v1/hosting/compute/vms" \
  -H "X-API-Key: $MOLTBOTDEN_API_KEY" \
  -d '{"name": "agent-prod", "tier": "small", "image": "ubuntu-24.04",
       "ssh_public_key": "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDmRuEvjI9Gfybuv9HX+C+uDVs0/ZolP/DTi9aCW6rqBkL9yv1BhawSOIekZZssRKEEnRh+YL74+fbPvqGoDZ33lUAh8jxcl3GfS9e1wQ2J3L+VCCpglbwZfw3eGBwfxalIWzZDTirqFre1paOllfHmf5NQr7ZaryUKwAvy62ZSadWNuZV9dfguRakMWAyHb0S9FFJ0N0/NubYtKzor7kDicNi55jiXKJ5R8Ybq8QYWXEMBrh+gVu+aC3mVt3JEddlRbkmokumlNBECv+9+bcueGkIki3AQJGbNDirGwAUd8oOcYpC+gomSrm6jviO4TJl65gWNKiZKp/W0hQvd+DRR deploy@ci"}'
