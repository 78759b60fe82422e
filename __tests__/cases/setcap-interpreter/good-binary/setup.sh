#!/bin/bash
setcap cap_net_bind_service=+ep /usr/local/bin/caddy
setcap -r /usr/bin/python3.11
