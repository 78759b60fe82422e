#!/bin/sh
ufw allow from 100.64.0.0/10 to any port 18789 proto tcp
