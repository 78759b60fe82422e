resource "linode_firewall" "agent" {
  label = "agent"

  inbound {
    label    = "ssh-office"
    action   = "ACCEPT"
    protocol = "TCP"
    ports    = "22"
    ipv4     = ["203.0.113.7/32"]
  }

  # A DROP rule from anywhere closes, it does not open.
  inbound {
    label    = "drop-ssh"
    action   = "DROP"
    protocol = "TCP"
    ports    = "22"
    ipv4     = ["0.0.0.0/0"]
  }

  inbound_policy  = "DROP"
  outbound_policy = "ACCEPT"
}

resource "vultr_firewall_rule" "ssh" {
  firewall_group_id = vultr_firewall_group.agent.id
  protocol          = "tcp"
  ip_type           = "v4"
  subnet            = "203.0.113.7"
  subnet_size       = 32
  port              = "22"
}

resource "vultr_firewall_rule" "https" {
  firewall_group_id = vultr_firewall_group.agent.id
  protocol          = "tcp"
  ip_type           = "v4"
  subnet            = "0.0.0.0"
  subnet_size       = 0
  port              = "443"
}

resource "azurerm_network_security_group" "agent" {
  name                = "agent-nsg"
  location            = "westeurope"
  resource_group_name = "agent"

  security_rule {
    name                       = "ssh-vnet"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "22"
    source_address_prefix      = "10.0.0.0/16"
    destination_address_prefix = "*"
  }

  security_rule {
    name                       = "deny-ssh"
    priority                   = 200
    direction                  = "Inbound"
    access                     = "Deny"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "22"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
}
