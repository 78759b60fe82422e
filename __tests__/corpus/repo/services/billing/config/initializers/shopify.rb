ShopifyAPI::Context.setup(
  api_key: ENV["SHOPIFY_API_KEY"],
  api_secret_key: "shpss_{{hex:32}}", {{secret:shopify-shared-secret}}
  host: "https://billing.agentco.io",
  scope: "read_orders,read_products",
  is_embedded: false,
  api_version: "2024-10"
)

SHOPIFY_ADMIN_TOKEN = "shpat_{{hex:32}}" {{secret:shopify-access-token}}
