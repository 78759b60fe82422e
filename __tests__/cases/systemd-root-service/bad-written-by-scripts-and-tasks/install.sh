#!/bin/bash
echo "[Service]
ExecStart=/usr/bin/bot
" > /etc/systemd/system/bot.service
printf '[Service]\nExecStart=/usr/bin/bot2\n' | sudo tee /etc/systemd/system/bot2.service
printf '[Service]\nUser=bot\nExecStart=/usr/bin/bot5\n' > /etc/systemd/system/bot5.service
