resource "aws_security_group" "agent" {
  name = "agent"

  ingress {
    description = "https"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "digitalocean_firewall" "agent" {
  name = "agent"
  inbound_rule {
    protocol         = "tcp"
    port_range       = "22"
    source_addresses = ["0.0.0.0/0"]
  }
}

resource "hcloud_firewall" "agent" {
  name = "agent"
  rule {
    direction  = "in"
    protocol   = "tcp"
    port       = "22"
    source_ips = ["::/0"]
  }
}
