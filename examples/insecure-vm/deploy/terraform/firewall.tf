variable "ssh_sources" {
  description = "Who may reach SSH: left at 'anyone' for the first deploy."
  default     = ["0.0.0.0/0"]
}

resource "digitalocean_firewall" "agent" {
  name = "agent"

  inbound_rule {
    protocol         = "tcp"
    port_range       = "443"
    source_addresses = ["0.0.0.0/0", "::/0"]
  }

  inbound_rule {
    protocol         = "tcp"
    port_range       = "22"
    source_addresses = var.ssh_sources
  }
}
