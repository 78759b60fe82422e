#!/bin/bash
echo "starting
ufw allow 22
