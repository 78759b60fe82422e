#!/bin/sh
ufw allow 18789
