hcloud_token         = "{{alnum:64}}" {{secret:hetzner-cloud-api-token}}
cloudflare_api_token = "{{token:40}}" {{secret:cloudflare-api-token-legacy}}
do_token             = "dop_v1_{{hex:64}}" {{secret:digitalocean-personal-access-token}}
linode_token         = "{{hex:64}}" {{secret:linode-api-token}}
vultr_api_key        = "{{upper:36}}" {{secret:vultr-api-key}}
db_password          = "{{token:28}}" {{secret:generic-password-assignment}}
region               = "nbg1"
server_count         = 3
