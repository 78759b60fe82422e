resource "kubernetes_service" "postgres" {
  metadata {
    name = "postgres"
  }
  spec {
    selector = { app = "postgres" }
    port {
      port = 5432
    }
  }
}

resource "kubernetes_service_v1" "redis" {
  metadata {
    name = "redis"
    annotations = {
      "networking.gke.io/load-balancer-type" = "Internal"
    }
  }
  spec {
    type = "LoadBalancer"
    port {
      port = 6379
    }
  }
}

resource "kubernetes_service_v1" "mongo" {
  metadata {
    name = "mongo"
  }
  spec {
    type                        = "LoadBalancer"
    load_balancer_source_ranges = ["10.0.0.0/8"]
    port {
      port = 27017
    }
  }
}
