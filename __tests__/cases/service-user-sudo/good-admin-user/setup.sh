#!/bin/bash
# The human admin logs in with a key and uses sudo, as the guide says; the agent gets no sudo.
username="$1"
adduser --disabled-password --gecos '' "${username}"
usermod -aG sudo "${username}"
usermod -aG sudo alice
useradd --system --shell /usr/sbin/nologin openclaw
usermod -aG docker openclaw
