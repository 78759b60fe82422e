variable "hcloud_token" {
  description = "Hetzner Cloud API token (read from TF_VAR_hcloud_token)"
  type        = string
  sensitive   = true
}

variable "cloudflare_api_token" {
  description = "Cloudflare API token with Zone:DNS:Edit"
  type        = string
  sensitive   = true
  default     = ""
}

variable "db_password" {
  type      = string
  sensitive = true
  validation {
    condition     = length(var.db_password) >= 24
    error_message = "The database password must be at least 24 characters."
  }
}
