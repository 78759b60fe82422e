#!/bin/bash
useradd --system agent
# One command, as the guide allows a service to restart itself.
echo "agent ALL=(root) /usr/bin/systemctl restart agent" | sudo EDITOR='tee -a' visudo
# visudo run for a check only writes nothing.
visudo -c
