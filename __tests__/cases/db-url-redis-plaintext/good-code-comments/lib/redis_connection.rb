module Queue
  def determine_redis_provider
    # If you have this in your environment:
    # MY_REDIS_URL=redis://hostname.example.com:1238/4
    # then set:
    # REDIS_PROVIDER=MY_REDIS_URL
    ENV["REDIS_PROVIDER"]
  end
end
