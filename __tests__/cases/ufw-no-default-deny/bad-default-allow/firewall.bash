ufw default allow incoming
ufw --force enable
