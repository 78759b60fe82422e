variable "db_sources" {
  type    = list(string)
  default = ["0.0.0.0/0"]
}
