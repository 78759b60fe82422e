resource "google_compute_firewall" "dev" {
  name    = "allow-dev"
  network = "default"

  allow {
    protocol = "tcp"
    ports    = ["8000-9000"]
  }

  source_ranges = ["0.0.0.0/0"]
}
