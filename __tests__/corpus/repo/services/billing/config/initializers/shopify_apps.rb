SHOPIFY_APPS = {
  "agentco-legacy" => { token: "shppa_{{hex:32}}", shop: "agentco.myshopify.com" }, {{secret:shopify-private-app-token}}
  "agentco-custom" => { token: "shpca_{{hex:32}}", shop: "agentco-eu.myshopify.com" }, {{secret:shopify-custom-app-token}}
  "agentco-public" => { token: ENV["SHOPIFY_PUBLIC_APP_TOKEN"], shop: "agentco-us.myshopify.com" },
}.freeze
