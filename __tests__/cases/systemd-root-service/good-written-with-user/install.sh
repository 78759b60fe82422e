#!/bin/bash
printf '[Service]\nUser=bot\nExecStart=/usr/bin/bot\n' | sudo tee /etc/systemd/system/bot.service
echo -e "[Service]\nDynamicUser=yes\nExecStart=/usr/bin/bot2" > /etc/systemd/system/bot2.service
# Filled in by printf's arguments: what it prints is not spelled out here.
printf '[Service]\n%s\n' "$UNIT_BODY" > /etc/systemd/system/bot3.service
