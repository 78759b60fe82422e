Braintree::Configuration.environment = :production
Braintree::Configuration.merchant_id = "{{lower:16}}"
Braintree::Configuration.public_key = "{{lower:16}}"
Braintree::Configuration.private_key = "{{hex:32}}" {{secret}}
