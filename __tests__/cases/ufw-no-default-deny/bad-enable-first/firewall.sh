#!/bin/sh
ufw allow from 203.0.113.5 to any port 22
echo y | ufw enable
ufw default deny incoming
