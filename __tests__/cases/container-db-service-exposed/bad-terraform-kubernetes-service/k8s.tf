variable "pg_port" {
  default = 5432
}

resource "kubernetes_service" "postgres" {
  metadata {
    name = "postgres"
  }
  spec {
    selector = { app = "postgres" }
    type     = "NodePort"
    port {
      port        = var.pg_port
      target_port = 5432
    }
  }
}

resource "kubernetes_service_v1" "redis" {
  metadata {
    name = "redis"
  }
  spec {
    selector = { app = "redis" }
    type     = "LoadBalancer"
    port {
      name = "metrics"
      port = 9121
    }
    port {
      port = 6379
    }
  }
}
