#!/bin/bash
ufw allow 5432
ufw allow proto tcp \
    to any port 6379
sudo -E ufw allow postgres && ufw allow 27017/tcp; ufw allow 3306:3307/tcp
ufw allow from 0.0.0.0/0 to any port 9200
